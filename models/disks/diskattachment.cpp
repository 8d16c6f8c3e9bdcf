// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/disks/diskattachment.h"

#include "models/disks/diskimageusers.h"
#include "models/vm/vmlibrary.h"
#include "models/vm/vmlimits.h"

#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace {

/// The VM @p vmName, or why it cannot have its disks changed now.
const VmEntry *changeableVm(const VmLibrary &library, const QString &vmName, QString &why)
{
    const VmEntry *e = library.find(vmName);
    if (!e) {
        why = DiskAttachment::tr("There is no virtual machine called “%1”.").arg(vmName);
        return nullptr;
    }
    if (e->isBroken()) {
        why = DiskAttachment::tr("“%1” cannot be read: %2").arg(vmName, e->brokenReason);
        return nullptr;
    }
    if (DiskImageUsers::isRunning(*e)) {
        why = DiskAttachment::tr("“%1” is running; its disks can be changed only while it is "
                                 "shut down.")
                  .arg(vmName);
        return nullptr;
    }
    return e;
}

} // namespace

QString DiskAttachment::problem(const VmLibrary &library, const QString &vmName,
                                const QString &imagePath, const QString &bus)
{
    QString why;
    const VmEntry *e = changeableVm(library, vmName, why);
    if (!e)
        return why;
    if (!VmLimits::diskBuses().contains(bus))
        return tr("The bus must be one of %1, not “%2”.")
            .arg(VmLimits::diskBuses().join(u", "_s), bus);
    for (const QString &user : DiskImageUsers::vmsUsing(imagePath, library)) {
        if (user == vmName)
            return tr("“%1” uses this image already.").arg(vmName);
        // Two VMs writing one image corrupt it.
        return tr("“%1” uses this image; two virtual machines must not share a disk.").arg(user);
    }
    return {};
}

Outcome<VmDefinition> DiskAttachment::attach(VmLibrary &library, const QString &vmName, VmDisk disk)
{
    disk.path = QFileInfo(disk.path).absoluteFilePath();
    if (const QString why = problem(library, vmName, disk.path, disk.bus); !why.isEmpty())
        return Failure(why);
    const VmDefinition base = library.find(vmName)->definition;
    VmDefinition changed = base;
    changed.disks.append(disk);
    return library.update(base.uuid, base, changed);
}

Outcome<VmDefinition> DiskAttachment::detach(VmLibrary &library, const QString &vmName,
                                             const QString &imagePath)
{
    QString why;
    const VmEntry *e = changeableVm(library, vmName, why);
    if (!e)
        return Failure(why);
    const VmDefinition base = e->definition;
    VmDefinition changed = base;
    const auto gone = changed.disks.removeIf(
        [&](const VmDisk &d) { return DiskImageUsers::sameImage(d.path, imagePath); });
    if (gone == 0)
        return Failure(tr("“%1” has no disk %2.").arg(vmName, imagePath));
    return library.update(base.uuid, base, changed);
}
