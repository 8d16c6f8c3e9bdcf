// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "app/cli/clisession.h"

/// Moving VMs: export, import (Berth bundles), clone.
void addPortabilityCommands(CliCommandTable &table);
