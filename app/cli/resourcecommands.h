// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "app/cli/clisession.h"

/// berth host [--json] [--overcommit-ratio R]: the host's CPUs and memory, the memory the
/// running VMs are given, and the admission policy (MemoryAdmission).
void addResourceCommands(CliCommandTable &table);

/// Refuses to start @p entry, as a CliError naming the numbers, when MemoryAdmission refuses
/// it and --force is not set; prints its warning (or, with --force, the reason) on stderr.
/// `berth start` and `berth view` call it before starting a stopped VM.
void admitStart(CliSession &session, const VmEntry &entry);
