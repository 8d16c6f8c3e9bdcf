// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "app/cli/clisession.h"

/// berth console: the running VM's serial console in this terminal, Ctrl+] to leave.
void addConsoleCommand(CliCommandTable &table);
