// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "app/cli/clisession.h"

/// berth disk create|info|check|resize|convert: one command whose first positional argument
/// is the action, over DiskImageJob.
void addDiskCommands(CliCommandTable &table);
