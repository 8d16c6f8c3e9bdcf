// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "app/cli/clisession.h"

/// berth snapshot list|create|revert|delete: one command whose first positional argument
/// is the action.
void addSnapshotCommands(CliCommandTable &table);
