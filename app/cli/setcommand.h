// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "app/cli/clisession.h"

/// `berth set NAME --OPTION VALUE...`: changes a stopped VM's settings, one option per row
/// of VmFields, through VmLibrary::update() as the settings page's Apply does.
void addSetCommand(CliCommandTable &table);
