// SPDX-License-Identifier: GPL-2.0-or-later
// Deleting a VM with a choice per disk: VmLibrary::removeWithDisks() and what it asks of a
// disk (VmEntry::isCreatedByBerth()). Kept apart from vmlibrary.cpp: the rules for what
// may be deleted are the user's safety net and read best on their own.
//
// The rules: only the files Berth makes for a VM (VmLayout names them) and the disks the
// user chose go; everything else in the VM's folder is the user's and is moved to the
// library's images folder before the folder goes. Nothing is touched while a process still
// has the VM's files open, and a failure part-way puts back what was moved.
#include "models/vm/vmlibrary.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <QLoggingCategory>
#include <unistd.h>

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

/// The names Berth gives the disks it makes in a VM's folder (VmLayout::firstDiskPath(),
/// VmLayout::newDiskPath()): what a definition older than VmDisk::createdByBerth can tell.
bool hasBerthDiskName(const QString &path, const QString &vmName)
{
    const QRegularExpression names(
        u"^(disk|%1(-[0-9]+)?)\\.[a-z0-9]+$"_s.arg(QRegularExpression::escape(vmName)));
    return names.match(QFileInfo(path).fileName()).hasMatch();
}

/// Whether the top-level entry @p name of a VM's folder is one Berth makes for every VM
/// (definition, logs, UEFI variables, snapshots, TPM state) or a leftover of a write Berth
/// did not finish. Disks are not among them: they are decided one by one.
bool isBerthFile(const VmLayout &layout, const QString &name)
{
    const QStringList own{layout.definitionPath(),  layout.definitionBackupPath(),
                          layout.serialLogPath(),   layout.previousSerialLogPath(),
                          layout.qemuLogPath(),     layout.previousQemuLogPath(),
                          layout.crashReportPath(), layout.uefiVarsPath(),
                          layout.snapshotsPath(),   VmLayout::backupPath(layout.snapshotsPath()),
                          layout.thumbnailFolder(), layout.tpmStateFolder(),
                          layout.startLockPath()};
    for (const QString &path : own) {
        if (QFileInfo(path).fileName() == name)
            return true;
    }
    // QSaveFile's and writeFileAtomically()'s temporary files, ClaimedFile's partial ones.
    static const QRegularExpression temporary(
        u"^((vm|snapshots)\\.json(\\.bak)?\\.[A-Za-z0-9]+|\\..*\\.berth-[a-z0-9]+\\.partial)$"_s);
    return temporary.match(name).hasMatch();
}

/// A free path for @p file in @p folder: <prefix>-<its name>, else with -2, -3...
QString freePathIn(const QString &folder, const QString &prefix, const QFileInfo &file)
{
    const QString stem = prefix + u'-' + file.completeBaseName();
    const QString ext = file.suffix().isEmpty() ? QString() : u'.' + file.suffix();
    QString candidate = u"%1/%2%3"_s.arg(folder, stem, ext);
    for (int n = 2; QFileInfo::exists(candidate) || QFileInfo(candidate).isSymLink(); ++n)
        candidate = u"%1/%2-%3%4"_s.arg(folder, stem).arg(n).arg(ext);
    return candidate;
}

/// A process other than this one with a file of @p folder open, or (a QEMU Berth started)
/// working in it: its pid and name, or 0.
std::pair<qint64, QString> processUsing(const QString &folder)
{
    const QString root = identity(folder);
    const QString inside = root + u'/';
    const qint64 self = ::getpid();
    const QStringList pids = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pidText : pids) {
        bool ok = false;
        const qint64 pid = pidText.toLongLong(&ok);
        if (!ok || pid == self)
            continue;
        const QString proc = u"/proc/"_s + pidText;
        // A SerialKeeper ends with its QEMU, which is found by its own files; one still
        // here has read QEMU's end and is leaving.
        QFile comm(proc + u"/comm"_s);
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == "berth-serial")
            continue;
        const QString exe = QFileInfo(proc + u"/exe"_s).symLinkTarget();
        bool uses = QFileInfo(exe).fileName().startsWith("qemu-system"_L1) &&
                    QFileInfo(proc + u"/cwd"_s).symLinkTarget() == root;
        const QFileInfoList fds = QDir(proc + u"/fd"_s).entryInfoList(QDir::System | QDir::Files);
        for (qsizetype i = 0; !uses && i < fds.size(); ++i) {
            const QString target = fds.at(i).symLinkTarget();
            uses = target == root || target.startsWith(inside);
        }
        if (uses)
            return {pid, QFileInfo(exe).fileName()};
    }
    return {0, {}};
}

} // namespace

bool VmEntry::isCreatedByBerth(const VmDisk &disk) const
{
    return disk.createdByBerth ||
           (!isBroken() && isDirectlyIn(disk.path, folder) && hasBerthDiskName(disk.path, name()));
}

QString VmLibrary::otherVmUsing(const QString &path, const QString &exceptFolder) const
{
    const QString wanted = identity(path);
    for (const VmEntry &other : std::as_const(m_entries)) {
        if (identity(other.folder) == identity(exceptFolder))
            continue;
        // A broken definition names no disks: whatever is in its folder may be one of them.
        if (other.isBroken() && wanted.startsWith(identity(other.folder) + u'/'))
            return other.name();
        for (const VmDisk &d : other.definition.disks) {
            if (identity(d.path) == wanted)
                return other.name();
        }
    }
    return {};
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
        if (const Outcome<VmDefinition> saved =
                update(base.definition.uuid, base.definition, updated);
            !saved)
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
    const VmLayout layout = VmLayout::ofFolder(folder);
    // One delete or create at a time in the library, and the VM checked again under the
    // lock: another process may have deleted or replaced it since this one read it.
    const FileLock lock = lockLibrary();
    if (const VmEntry now = loadFolder(folder); now.isBroken() != vm.isBroken() ||
                                                now.definition.uuid != vm.definition.uuid ||
                                                !QFileInfo(folder).isDir())
        return Failure(tr("\"%1\" was changed or deleted by another process meanwhile; nothing "
                          "was deleted.")
                           .arg(name));
    if (const QString refusal = linkedClonesRefusal(vm); !refusal.isEmpty())
        return Failure(refusal);

    // Check everything before touching anything. A broken VM's QEMU is found by its files:
    // its uuid, and so its runtime folder, is unknown.
    if (const auto [pid, program] = processUsing(folder); pid != 0)
        return Failure(tr("\"%1\" is still in use: process %2 (%3) has its files open. Stop it "
                          "first; nothing was deleted.")
                           .arg(name)
                           .arg(pid)
                           .arg(program));
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
        if (const QString other = otherVmUsing(path, folder); !other.isEmpty())
            return Failure(tr("%1 is also a disk of \"%2\": it is kept.").arg(path, other));
        doomed << identity(path);
    }

    // What stays: whatever in the folder Berth did not make, and the disks not chosen.
    QStringList keep;
    const QFileInfoList entries = QDir(folder).entryInfoList(
        QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
    for (const QFileInfo &fi : entries) {
        if (isBerthFile(layout, fi.fileName()))
            continue;
        const QString path = fi.absoluteFilePath();
        const bool doomedDisk = !fi.isSymLink() && doomed.contains(identity(path));
        if (!doomedDisk)
            keep << path;
    }

    QList<std::pair<QString, QString>> moved; // from, to
    auto putBack = [&moved] {
        for (const auto &[from, to] : std::as_const(moved))
            QDir().rename(to, from);
    };
    if (!keep.isEmpty() && !makePrivateFolder(imagesFolder()))
        return Failure(
            tr("cannot create %1 to keep the disks in; nothing was deleted").arg(imagesFolder()));
    for (const QString &path : std::as_const(keep)) {
        const QString to = freePathIn(imagesFolder(), vm.name(), QFileInfo(path));
        if (!QDir().rename(path, to)) {
            putBack();
            return Failure(
                tr("cannot move %1 to %2 to keep it; nothing was deleted").arg(path, to));
        }
        moved.append({path, to});
    }

    for (const QString &path : std::as_const(doomed)) {
        if (QFileInfo::exists(path) && !QFile::remove(path)) {
            putBack();
            return Failure(tr("cannot delete the disk %1").arg(path));
        }
    }
    // The definition first: from then on the VM is gone, whatever else fails.
    QFile::remove(layout.definitionPath());
    if (!QDir(folder).removeRecursively())
        return Failure(tr("\"%1\" is deleted, but its folder %2 could not be removed entirely")
                           .arg(name, folder));
    m_entries.removeIf([&](const VmEntry &e) { return e.folder == folder; });
    forgetLinkedClone(vm);
    Q_EMIT changed();
    QStringList kept;
    for (const auto &[from, to] : std::as_const(moved))
        kept << to;
    return kept;
}
