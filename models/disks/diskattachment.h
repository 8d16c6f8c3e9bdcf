// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/common/outcome.h"
#include "models/vm/vmdefinition.h"

#include <QCoreApplication>
#include <QString>

class VmLibrary;

/// Giving a VM another disk, or taking one away, while it is shut down: one rule for the
/// window (Add Disk, the disk wizard's Use page) and `berth disk attach|detach` and
/// `berth disk create --attach`.
///
/// Both write through VmLibrary::update (compare-and-swap): settings changed meanwhile by
/// another process are kept, another change of the disks is a conflict. Detaching never
/// touches the image: it stays where it is, and deleting the VM later no longer deletes it.
class DiskAttachment final
{
    Q_DECLARE_TR_FUNCTIONS(DiskAttachment)

public:
    /// Why @p imagePath cannot be attached to the VM @p vmName of @p library now, in one
    /// sentence, or empty: no such (or a broken) VM, it runs, it uses the image already, or
    /// @p bus is not one of VmLimits::diskBuses().
    static QString problem(const VmLibrary &library, const QString &vmName,
                           const QString &imagePath, const QString &bus);
    /// Adds @p disk (its path made absolute) as the VM's last disk. Returns the definition
    /// written.
    static Outcome<VmDefinition> attach(VmLibrary &library, const QString &vmName, VmDisk disk);
    /// Removes the disk @p imagePath (compared after resolving links) from the VM's disks.
    static Outcome<VmDefinition> detach(VmLibrary &library, const QString &vmName,
                                        const QString &imagePath);
};
