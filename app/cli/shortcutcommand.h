// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "app/cli/clisession.h"

/// `berth shortcut NAME [--menu | --folder DIR] [--fullscreen] [--json]`: the display's
/// Shortcut… dialog (DesktopShortcut) from the command line.
void addShortcutCommand(CliCommandTable &table);
