// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "app/cli/clisession.h"

/// berth forward add|list|remove (a VM's port forwards, live on a running VM) and
/// berth network create|list|delete (the library's private networks).
void addNetworkCommands(CliCommandTable &table);
