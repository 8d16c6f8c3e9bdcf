// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/vmlibrary.h"
#include "models/common/failure.h"
#include "models/common/filelock.h"

#include "models/vm/vmfields.h"
#include "models/vm/vmlayout.h"

#include <QCoreApplication>
#include <QDebug>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QStandardPaths>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

Outcome<> syncFolder(const QString &folder)
{
    const int fd =
        ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        const Failure failure(
            VmLibrary::tr("cannot sync %1: %2").arg(folder, systemErrorText(errno)));
        if (fd >= 0)
            ::close(fd);
        return failure;
    }
    ::close(fd);
    return {};
}

} // namespace

bool VmLibrary::makePrivateFolder(const QString &path)
{
    // An existing folder keeps its mode: a library folder the user shares stays shared,
    // while every folder Berth makes in it is private.
    if (QFileInfo(path).isDir())
        return true;
    return QDir().mkpath(path) &&
           QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

QString VmEntry::name() const
{
    return isBroken() || definition.name.isEmpty() ? QFileInfo(folder).fileName() : definition.name;
}

VmLayout VmEntry::layout() const
{
    return isBroken() ? VmLayout::ofFolder(folder) : VmLayout(folder, definition);
}

VmLibrary::VmLibrary(QString root, QObject *parent)
    : QObject(parent)
    , m_root(QDir(root).absolutePath())
{}

VmLibrary::~VmLibrary() = default;

QString VmLibrary::imagesFolder() const
{
    return m_root + u"/images"_s;
}

QString VmLibrary::standardRoot()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/berth"_s;
}

Outcome<> VmLibrary::writeFileAtomically(const QString &path, const QByteArray &data)
{
    const QByteArray native = QFile::encodeName(path);
    const QByteArray backup = QFile::encodeName(VmLayout::backupPath(path));
    const QByteArray backupTmp = backup + ".tmp";
    // Keep the previous version: a hard link to the old file survives the rename below.
    if (QFileInfo::exists(path)) {
        ::unlink(backupTmp.constData());
        if (::link(native.constData(), backupTmp.constData()) != 0 ||
            ::rename(backupTmp.constData(), backup.constData()) != 0) {
            const Failure failure(VmLibrary::tr("cannot keep the previous version of %1: %2")
                                      .arg(path, systemErrorText(errno)));
            ::unlink(backupTmp.constData());
            return failure;
        }
    }
    // A temporary file beside the target, every write checked, synced, then renamed over it.
    // (QSaveFile reported success for an empty file on a full tmpfs: its buffered write
    // failed in a flush whose error commit() did not see.)
    const QByteArray temporary =
        native + '.' + QByteArray::number(QRandomGenerator::global()->generate(), 36);
    const int fd = ::open(temporary.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return Failure(VmLibrary::tr("cannot write %1: %2").arg(path, systemErrorText(errno)));
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + done, size_t(data.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        done += n;
    }
    const bool written = done == data.size() && ::fsync(fd) == 0;
    const Failure failure(VmLibrary::tr("cannot write %1: %2").arg(path, systemErrorText(errno)));
    if (::close(fd) != 0 || !written || ::rename(temporary.constData(), native.constData()) != 0) {
        ::unlink(temporary.constData());
        return written
                   ? Failure(VmLibrary::tr("cannot write %1: %2").arg(path, systemErrorText(errno)))
                   : failure;
    }
    return syncFolder(QFileInfo(path).absolutePath());
}

VmEntry VmLibrary::loadFolder(const QString &folder) const
{
    VmEntry entry;
    entry.folder = folder;
    const VmLayout layout = VmLayout::ofFolder(folder);
    const QString path = layout.definitionPath();
    const QString fileName = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.exists()) {
        entry.brokenReason = VmLibrary::tr("%1 is missing").arg(fileName);
        if (QFileInfo::exists(layout.definitionBackupPath()))
            entry.brokenReason += VmLibrary::tr("; the previous version is in %1")
                                      .arg(QFileInfo(layout.definitionBackupPath()).fileName());
        return entry;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        entry.brokenReason = VmLibrary::tr("cannot read %1: %2").arg(path, file.errorString());
        return entry;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        entry.brokenReason = doc.isObject() || parseError.error != QJsonParseError::NoError
                                 ? VmLibrary::tr("%1 is not valid JSON (%2 at byte %3)")
                                       .arg(fileName, parseError.errorString())
                                       .arg(parseError.offset)
                                 : VmLibrary::tr("%1 does not hold a JSON object").arg(fileName);
        return entry;
    }
    QString error;
    if (!VmDefinition::fromJson(doc.object(), entry.definition, error))
        entry.brokenReason = VmLibrary::tr("%1 cannot be used: %2").arg(fileName, error);
    return entry;
}

Outcome<> VmLibrary::reload()
{
    QDir root(m_root);
    if (!makePrivateFolder(m_root))
        return Failure(VmLibrary::tr("cannot create the library folder %1").arg(m_root));
    const QStringList folders = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QList<VmEntry> entries;
    for (const QString &name : folders) {
        const QString folder = root.filePath(name);
        // A folder with neither definition nor backup is not a VM (a delete that kept its disks).
        const VmLayout layout = VmLayout::ofFolder(folder);
        if (!QFileInfo::exists(layout.definitionPath()) &&
            !QFileInfo::exists(layout.definitionBackupPath()))
            continue;
        VmEntry entry = loadFolder(folder);
        if (!entry.isBroken()) {
            for (const VmEntry &other : std::as_const(entries)) {
                if (other.isBroken())
                    continue;
                if (other.definition.name == entry.definition.name)
                    entry.brokenReason =
                        VmLibrary::tr("another VM (in %1) already has the name \"%2\"")
                            .arg(other.folder, entry.definition.name);
                else if (other.definition.uuid == entry.definition.uuid)
                    entry.brokenReason =
                        VmLibrary::tr("another VM (\"%1\") has the same UUID; it was probably "
                                      "copied by hand")
                            .arg(other.definition.name);
            }
        }
        entries.append(entry);
    }
    m_entries = entries;
    Q_EMIT changed();
    return {};
}

const VmEntry *VmLibrary::find(const QString &name) const
{
    for (const VmEntry &e : m_entries) {
        if (!e.isBroken() && e.definition.name == name)
            return &e;
    }
    for (const VmEntry &e : m_entries) {
        if (e.isBroken() && QFileInfo(e.folder).fileName() == name)
            return &e;
    }
    return nullptr;
}

QString VmLibrary::folderFor(const QString &name) const
{
    // The folder is named after the VM; a leftover folder of that name gets a suffix.
    const QDir root(m_root);
    QString folderName = name;
    for (int n = 2; root.exists(folderName) || QFileInfo(root.filePath(folderName)).isSymLink();
         ++n)
        folderName = name + u'-' + QString::number(n);
    return root.filePath(folderName);
}

Outcome<QString> VmLibrary::makeStagingFolder() const
{
    const QDir root(m_root);
    if (!makePrivateFolder(m_root))
        return Failure(VmLibrary::tr("cannot create the library folder %1").arg(m_root));
    int error = EEXIST;
    for (int attempt = 0; attempt < 100 && error == EEXIST; ++attempt) {
        const QString folder = root.filePath(
            u".new-vm-%1"_s.arg(QString::number(QRandomGenerator::global()->generate(), 36)));
        if (::mkdir(QFile::encodeName(folder).constData(), 0700) == 0)
            return folder;
        error = errno;
    }
    return Failure(
        VmLibrary::tr("Could not create a folder in %1: %2").arg(m_root, systemErrorText(error)));
}

FileLock VmLibrary::lockLibrary() const
{
    // Not held in a library Berth cannot write to: nothing can be created or deleted there
    // either, and the step that tries says why.
    return FileLock(m_root + u"/.library.lock"_s, FileLock::Mode::Wait);
}

Outcome<> VmLibrary::create(VmDefinition &definition, const QString &stagedFolder)
{
    if (definition.uuid.isNull())
        definition.uuid = QUuid::createUuid();
    // Each card's address is kept from now on (VmNic::mac), whatever happens to the others.
    for (qsizetype i = 0; i < definition.nics.size(); ++i)
        definition.nics[i].mac = definition.macOf(i);
    if (QString e = definition.validate(); !e.isEmpty())
        return Failure(e);
    QDir root(m_root);
    if (!makePrivateFolder(m_root))
        return Failure(VmLibrary::tr("cannot create the library folder %1").arg(m_root));
    // One create at a time in the library, across processes, and the names read again
    // under the lock: two `berth create web` at once made two VMs named "web".
    const FileLock lock = lockLibrary();
    bool taken = find(definition.name) != nullptr;
    const QStringList folders = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (qsizetype i = 0; !taken && i < folders.size(); ++i)
        taken = loadFolder(root.filePath(folders.at(i))).definition.name == definition.name;
    if (taken)
        return Failure(VmLibrary::tr("A VM named \"%1\" already exists.").arg(definition.name));
    if (!stagedFolder.isEmpty())
        return adopt(definition, stagedFolder);
    const QString folder = folderFor(definition.name);
    if (::mkdir(QFile::encodeName(folder).constData(), 0700) != 0)
        return Failure(VmLibrary::tr("cannot create the folder %1").arg(folder));
    const QByteArray json = QJsonDocument(definition.toJson()).toJson(QJsonDocument::Indented);
    if (Outcome<> written = writeFileAtomically(VmLayout::ofFolder(folder).definitionPath(), json);
        !written) {
        root.rmdir(QFileInfo(folder).fileName());
        return written;
    }
    m_entries.append(VmEntry{folder, definition, {}});
    Q_EMIT changed();
    return {};
}

Outcome<> VmLibrary::adopt(VmDefinition &definition, const QString &staged)
{
    const QFileInfo info(staged);
    if (QDir::cleanPath(info.absolutePath()) != QDir::cleanPath(m_root) || !info.isDir() ||
        info.isSymLink())
        return Failure(VmLibrary::tr("cannot create the folder %1").arg(staged),
                       u"not a staging folder of %1"_s.arg(m_root));
    const QString definitionPath = VmLayout::ofFolder(staged).definitionPath();
    for (int attempt = 0;; ++attempt) {
        const QString folder = folderFor(definition.name);
        VmDefinition placed = definition;
        for (VmDisk &disk : placed.disks) {
            if (QFileInfo(disk.path).absolutePath() == info.absoluteFilePath())
                disk.path = folder + u'/' + QFileInfo(disk.path).fileName();
        }
        QFile::remove(definitionPath); // a previous attempt's
        const QByteArray json = QJsonDocument(placed.toJson()).toJson(QJsonDocument::Indented);
        if (Outcome<> written = writeFileAtomically(definitionPath, json); !written) {
            QFile::remove(definitionPath);
            return written;
        }
        // Never over another folder: one that appeared meanwhile gets the next name.
        if (::renameat2(AT_FDCWD, QFile::encodeName(staged).constData(), AT_FDCWD,
                        QFile::encodeName(folder).constData(), RENAME_NOREPLACE) == 0) {
            if (const Outcome<> synced = syncFolder(m_root); !synced)
                qWarning().noquote() << synced.failure().toLogString();
            definition = placed;
            m_entries.append(VmEntry{folder, definition, {}});
            Q_EMIT changed();
            return {};
        }
        const int error = errno;
        if ((error != EEXIST && error != ENOTEMPTY) || attempt >= 100) {
            QFile::remove(definitionPath);
            return Failure(VmLibrary::tr("cannot create the folder %1").arg(folder),
                           u"rename %1: %2"_s.arg(staged, systemErrorText(error)));
        }
    }
}

VmEntry *VmLibrary::entryOf(const QUuid &uuid)
{
    for (VmEntry &e : m_entries) {
        if (!e.isBroken() && e.definition.uuid == uuid)
            return &e;
    }
    return nullptr;
}

Outcome<VmDefinition> VmLibrary::readLocked(const VmEntry &target, const QString &lockError) const
{
    if (!lockError.isEmpty())
        return Failure(VmLibrary::tr("cannot lock %1: %2").arg(target.folder, lockError));
    // Re-read what is on disk now: never write over a definition that became unreadable
    // or was changed into another VM's since we loaded it.
    const VmEntry onDisk = loadFolder(target.folder);
    if (onDisk.isBroken())
        return Failure(
            VmLibrary::tr("The definition on disk cannot be read (%1); it was not overwritten.")
                .arg(onDisk.brokenReason));
    if (onDisk.definition.uuid != target.definition.uuid)
        return Failure(VmLibrary::tr("The definition on disk now belongs to another VM; it was "
                                     "not overwritten."));
    return onDisk.definition;
}

Outcome<> VmLibrary::writeLocked(VmEntry &target, const VmDefinition &definition)
{
    if (QString e = definition.validate(); !e.isEmpty())
        return Failure(e);
    const VmEntry *sameName = find(definition.name);
    if (sameName && sameName != &target)
        return Failure(VmLibrary::tr("A VM named \"%1\" already exists.").arg(definition.name));
    const QByteArray json = QJsonDocument(definition.toJson()).toJson(QJsonDocument::Indented);
    if (Outcome<> written =
            writeFileAtomically(VmLayout::ofFolder(target.folder).definitionPath(), json);
        !written)
        return written;
    target.definition = definition;
    Q_EMIT changed();
    return {};
}

Outcome<> VmLibrary::save(const VmDefinition &definition)
{
    VmEntry *target = entryOf(definition.uuid);
    if (!target)
        return Failure(VmLibrary::tr("There is no VM with the UUID %1 in the library.")
                           .arg(definition.uuid.toString(QUuid::WithoutBraces)));
    // Every writer of vm.json holds its folder's lock: no read-merge-write interleaves.
    const FileLock lock(target->folder, FileLock::Mode::Wait);
    if (const Outcome<VmDefinition> onDisk = readLocked(*target, lock.error()); !onDisk)
        return onDisk.failure();
    return writeLocked(*target, definition);
}

Outcome<VmDefinition> VmLibrary::update(const QUuid &uuid, const VmDefinition &base,
                                        const VmDefinition &changed)
{
    VmEntry *target = entryOf(uuid);
    if (!target)
        return Failure(VmLibrary::tr("There is no VM with the UUID %1 in the library.")
                           .arg(uuid.toString(QUuid::WithoutBraces)));
    // Every writer of vm.json holds its folder's lock: no read-merge-write interleaves.
    const FileLock lock(target->folder, FileLock::Mode::Wait);
    const Outcome<VmDefinition> onDisk = readLocked(*target, lock.error());
    if (!onDisk)
        return onDisk.failure();
    VmFields::Merge merged = VmFields::merge(base, changed, *onDisk);
    if (!merged.conflicts.isEmpty()) {
        // What is on disk now is the truth the caller should see next.
        target->definition = *onDisk;
        Q_EMIT this->changed();
        return Failure(VmLibrary::tr("Not saved: %1 changed meanwhile elsewhere (%2). Look at "
                                     "the new values and make the change again.")
                           .arg(onDisk->name, merged.conflicts.join(u", "_s)));
    }
    merged.result.uuid = uuid;
    if (Outcome<> written = writeLocked(*target, merged.result); !written)
        return written.failure();
    return merged.result;
}
