// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "app/cli/clisession.h"

/// berth stats NAME [--json] [--watch] [--interval MS]: a running VM's CPU, memory, disk
/// and network use, measured by the same StatsSampler as the window.
void addStatsCommands(CliCommandTable &table);
