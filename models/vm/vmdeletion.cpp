// SPDX-License-Identifier: GPL-2.0-or-later
// Deleting a VM with a choice per disk: VmLibrary::removeWithDisks() and what it asks of a
// disk (VmEntry::isCreatedByBerth()). Kept apart from vmlibrary.cpp: the rules for what
// may be deleted are the user's safety net and read best on their own.
#include "models/vm/vmlibrary.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

using namespace Qt::Literals::StringLiterals;

namespace {

/// The same file, whatever path names it (symbolic links and "..": canonical paths).
QString identity(const QString &path)
{
    const QFileInfo fi(path);
    const QString canonical = fi.canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(fi.absoluteFilePath()) : canonical;
}

bool isDirectlyIn(const QString &path, const QString &folder)
{
    return QFileInfo(identity(path)).absolutePath() == identity(folder);
}

/// Image files a broken VM's folder may hold (its definition, which names its disks, is
/// unreadable): what is kept of it.
bool looksLikeImage(const QFileInfo &fi)
{
    static const QStringList extensions{u"qcow2"_s, u"img"_s,  u"raw"_s, u"vmdk"_s,
                                        u"vdi"_s,   u"vhdx"_s, u"iso"_s};
    return fi.isFile() && extensions.contains(fi.suffix().toLower()) &&
           fi.fileName() != "uefi-vars.qcow2"_L1;
}

/// A free path for @p file in @p folder: its name, else name-2, name-3...
QString freePathIn(const QString &folder, const QString &prefix, const QFileInfo &file)
{
    const QString stem = prefix + u'-' + file.completeBaseName();
    const QString ext = file.suffix().isEmpty() ? QString() : u'.' + file.suffix();
    QString candidate = u"%1/%2%3"_s.arg(folder, stem, ext);
    for (int n = 2; QFileInfo::exists(candidate); ++n)
        candidate = u"%1/%2-%3%4"_s.arg(folder, stem).arg(n).arg(ext);
    return candidate;
}

} // namespace

bool VmEntry::isCreatedByBerth(const VmDisk &disk) const
{
    return disk.createdByBerth || isDirectlyIn(disk.path, folder);
}

QString VmLibrary::linkedClonesRefusal(const VmEntry &vm) const
{
    if (vm.isBroken())
        return {};
    QStringList ownDisks;
    for (const VmDisk &d : vm.definition.disks)
        ownDisks << identity(d.path);
    QStringList clones;
    for (const VmEntry &other : std::as_const(m_entries)) {
        if (other.folder == vm.folder || other.isBroken())
            continue;
        const bool listed = vm.definition.linkedClones.contains(other.definition.uuid);
        const bool builtOn = std::any_of(
            other.definition.disks.cbegin(), other.definition.disks.cend(), [&](const VmDisk &d) {
                return !d.backing.isEmpty() && ownDisks.contains(identity(d.backing));
            });
        if (listed || builtOn)
            clones << other.name();
    }
    if (clones.isEmpty())
        return {};
    return tr("\"%1\" is the base of linked clones (%2): their disks are built on its disks. "
              "Delete them first.")
        .arg(vm.name(), clones.join(u", "_s));
}

void VmLibrary::forgetLinkedClone(const VmEntry &clone)
{
    if (clone.isBroken())
        return;
    const QList<VmEntry> entries = m_entries;
    for (const VmEntry &base : entries) {
        if (base.isBroken() || !base.definition.linkedClones.contains(clone.definition.uuid))
            continue;
        VmDefinition updated = base.definition;
        updated.linkedClones.removeAll(clone.definition.uuid);
        // A base that keeps its mark is only refused a start it could have had: not worth
        // failing the deletion that already happened.
        if (const Outcome<> saved = save(updated); !saved)
            qWarning().noquote() << "could not unmark" << base.name() << ":"
                                 << saved.failure().toLogString();
    }
}

Outcome<QStringList> VmLibrary::removeWithDisks(const QString &name, const QStringList &deleteDisks)
{
    const VmEntry *entry = find(name);
    if (!entry)
        return Failure(tr("There is no VM named \"%1\".").arg(name));
    const VmEntry vm = *entry;
    const QString folder = vm.folder;
    if (const QString refusal = linkedClonesRefusal(vm); !refusal.isEmpty())
        return Failure(refusal);

    // Check everything before touching anything.
    QStringList doomed;
    for (const QString &path : deleteDisks) {
        const auto own =
            std::find_if(vm.definition.disks.cbegin(), vm.definition.disks.cend(),
                         [&](const VmDisk &d) { return identity(d.path) == identity(path); });
        if (vm.isBroken() || own == vm.definition.disks.cend())
            return Failure(tr("%1 is not a disk of \"%2\".").arg(path, name));
        if (!vm.isCreatedByBerth(*own))
            return Failure(
                tr("%1 was not created by Berth: it is only detached, never deleted.").arg(path));
        for (const VmEntry &other : std::as_const(m_entries)) {
            if (other.folder == folder || other.isBroken())
                continue;
            for (const VmDisk &d : other.definition.disks) {
                if (identity(d.path) == identity(path))
                    return Failure(
                        tr("%1 is also a disk of \"%2\": it is kept.").arg(path, other.name()));
            }
        }
        doomed << identity(path);
    }

    // What stays: the VM's other images in its folder move out before the folder goes.
    QStringList keep;
    if (vm.isBroken()) {
        const QFileInfoList files = QDir(folder).entryInfoList(QDir::Files | QDir::Hidden);
        for (const QFileInfo &fi : files) {
            if (looksLikeImage(fi))
                keep << fi.absoluteFilePath();
        }
    } else {
        for (const VmDisk &d : vm.definition.disks) {
            if (!doomed.contains(identity(d.path)) && isDirectlyIn(d.path, folder) &&
                QFileInfo::exists(d.path))
                keep << d.path;
        }
    }
    QStringList moved;
    if (!keep.isEmpty() && !QDir().mkpath(imagesFolder()))
        return Failure(tr("cannot create %1 to keep the disks in").arg(imagesFolder()));
    for (const QString &path : std::as_const(keep)) {
        const QString to = freePathIn(imagesFolder(), vm.name(), QFileInfo(path));
        if (!QFile::rename(path, to))
            return Failure(tr("cannot move the disk %1 to %2").arg(path, to));
        moved << to;
    }

    for (const QString &path : std::as_const(doomed)) {
        if (QFileInfo::exists(path) && !QFile::remove(path))
            return Failure(tr("cannot delete the disk %1").arg(path));
    }
    // The definition first: from then on the VM is gone, whatever else fails.
    QFile::remove(vm.layout().definitionPath());
    if (!QDir(folder).removeRecursively())
        return Failure(tr("\"%1\" is deleted, but its folder %2 could not be removed entirely")
                           .arg(name, folder));
    m_entries.removeIf([&](const VmEntry &e) { return e.folder == folder; });
    forgetLinkedClone(vm);
    Q_EMIT changed();
    return moved;
}
