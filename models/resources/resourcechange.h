// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/common/outcome.h"
#include "models/vm/vmdefinition.h"

#include <functional>

class QObject;
class VmInstance;
class VmLibrary;

/// Changes a VM's resources (the `live` fields of VmFields: VmResources), running or not,
/// the one way for `berth set` and the window's Resources section:
///  1. the host's rules (VmLimits::check(): ranges, what this host can enforce);
///  2. a running VM (Running or Paused): into its QEMU first (VmResourceControl), so that a
///     change QEMU or the kernel refuses is not saved either;
///  3. into vm.json with VmLibrary::update() (compare-and-swap from @p base).
namespace ResourceChange {

using Done = std::function<void(const Outcome<VmDefinition> &written)>;

/// Whether every field in which @p base and @p changed differ is a live one.
bool onlyLiveFields(const VmDefinition &base, const VmDefinition &changed);

/// Runs the steps above; @p done gets the definition written, or why nothing was. @p instance
/// may be null (a VM known not to run). Nothing is called after @p context is destroyed.
void run(VmLibrary &library, VmInstance *instance, const VmDefinition &base,
         const VmDefinition &changed, QObject *context, Done done);

} // namespace ResourceChange
