// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "app/cli/clisession.h"

/// The VM lifecycle commands: create, list, status, start, pause, resume, reset, stop,
/// delete, log.
void addVmCommands(CliCommandTable &table);
