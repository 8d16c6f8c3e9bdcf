// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "app/cli/clisession.h"

/// berth screenshot, and berth view, whose window the application provides (CliViewer).
void addDisplayCommands(CliCommandTable &t);
