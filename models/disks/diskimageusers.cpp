// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/disks/diskimageusers.h"

#include "models/vm/runtimefolder.h"

#include <QFileInfo>

namespace {

/// The path with symbolic links and ".." resolved when the file exists, else cleaned.
QString canonical(const QString &path)
{
    const QFileInfo info(path);
    const QString resolved = info.canonicalFilePath();
    return resolved.isEmpty() ? info.absoluteFilePath() : resolved;
}

} // namespace

QStringList DiskImageUsers::vmsUsing(const QString &imagePath, const VmLibrary &library)
{
    const QString wanted = canonical(imagePath);
    QStringList names;
    for (const VmEntry &e : library.entries()) {
        if (e.isBroken())
            continue;
        bool uses = !e.definition.cdrom.isEmpty() && canonical(e.definition.cdrom) == wanted;
        for (const VmDisk &disk : e.definition.disks)
            uses = uses || canonical(disk.path) == wanted;
        if (e.definition.firmware == Firmware::Uefi)
            uses = uses || canonical(e.layout().uefiVarsPath()) == wanted;
        if (uses)
            names << e.name();
    }
    return names;
}

bool DiskImageUsers::sameImage(const QString &a, const QString &b)
{
    return canonical(a) == canonical(b);
}

bool DiskImageUsers::isRunning(const VmEntry &entry)
{
    if (entry.isBroken() || entry.definition.uuid.isNull())
        return false;
    return RuntimeFolder::isPidFileLocked(entry.layout().pidFilePath());
}

QString DiskImageUsers::runningVmUsing(const QString &imagePath, const VmLibrary &library)
{
    for (const QString &name : vmsUsing(imagePath, library)) {
        const VmEntry *e = library.find(name);
        if (e && isRunning(*e))
            return name;
    }
    return {};
}

QString DiskImageUsers::inUseMessage(const QString &imagePath, const QString &vmName)
{
    if (vmName.isEmpty())
        return {};
    return tr("The VM \"%1\" is running with %2. Shut %1 down first, then try again.")
        .arg(vmName, imagePath);
}
