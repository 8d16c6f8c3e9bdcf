// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/runtimefolder.h"
#include "models/common/failure.h"

#include "models/vm/swtpm.h"
#include "models/vm/vmlayout.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

// mkdir 0700 unless present; then insist on a real folder of ours that nobody else can
// enter (a looser mode on our own folder is tightened, not refused).
Outcome<> ensurePrivateFolder(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    if (::mkdir(native.constData(), 0700) != 0 && errno != EEXIST)
        return Failure(RuntimeFolder::tr("Cannot create the runtime folder %1: %2")
                           .arg(path, systemErrorText(errno)));
    struct stat st = {};
    if (::lstat(native.constData(), &st) != 0)
        return Failure(RuntimeFolder::tr("Cannot examine the runtime folder %1: %2")
                           .arg(path, systemErrorText(errno)));
    if (!S_ISDIR(st.st_mode))
        return Failure(RuntimeFolder::tr("The runtime folder %1 is not a folder (or is a symbolic "
                                         "link); remove it and try again")
                           .arg(path));
    if (st.st_uid != ::geteuid())
        return Failure(RuntimeFolder::tr("The runtime folder %1 belongs to another user; Berth "
                                         "will not keep its sockets there")
                           .arg(path));
    if ((st.st_mode & 0077) != 0 && ::chmod(native.constData(), 0700) != 0)
        return Failure(RuntimeFolder::tr("Cannot make the runtime folder %1 private: %2")
                           .arg(path, systemErrorText(errno)));
    return {};
}

/// Without creating or changing anything: a missing @p path is fine (nothing runs there); an
/// existing one must be a real folder of this user that nobody else can enter.
Outcome<> checkPrivateFolder(const QString &path)
{
    struct stat st = {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return errno == ENOENT
                   ? Outcome<>()
                   : Failure(RuntimeFolder::tr("Cannot examine the runtime folder %1: %2")
                                 .arg(path, systemErrorText(errno)));
    if (!S_ISDIR(st.st_mode))
        return Failure(RuntimeFolder::tr("The runtime folder %1 is not a folder (or is a symbolic "
                                         "link); Berth will not use it")
                           .arg(path));
    if (st.st_uid != ::geteuid())
        return Failure(RuntimeFolder::tr("The runtime folder %1 belongs to another user; Berth "
                                         "will not use its sockets")
                           .arg(path));
    if ((st.st_mode & 0077) != 0)
        return Failure(RuntimeFolder::tr("The runtime folder %1 can be entered by other users; "
                                         "Berth will not use its sockets")
                           .arg(path));
    return {};
}

} // namespace

Outcome<> RuntimeFolder::verify(const QString &path)
{
    if (QFileInfo(path).path() != root())
        return Failure(tr("%1 is not inside Berth's runtime folder %2").arg(path, root()));
    if (Outcome<> safe = checkPrivateFolder(root()); !safe)
        return safe;
    return checkPrivateFolder(path);
}

QString RuntimeFolder::root()
{
    const QString xdg = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!xdg.isEmpty())
        return QDir::cleanPath(xdg) + u"/berth"_s;
    return u"/tmp/berth-%1"_s.arg(::geteuid());
}

Outcome<> RuntimeFolder::ensureRoot()
{
    const QString xdg = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!xdg.isEmpty() && !QFileInfo(xdg).isDir())
        return Failure(tr("XDG_RUNTIME_DIR names %1, which is not a folder").arg(xdg));
    return ensurePrivateFolder(root());
}

Outcome<> RuntimeFolder::ensure(const QString &path)
{
    if (QFileInfo(path).path() != root())
        return Failure(tr("%1 is not inside Berth's runtime folder %2").arg(path, root()));
    if (Outcome<> made = ensureRoot(); !made)
        return made;
    return ensurePrivateFolder(path);
}

bool RuntimeFolder::isPidFileLocked(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct flock lock = {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    const bool locked = ::fcntl(fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
    ::close(fd);
    return locked;
}

void RuntimeFolder::clean(const QString &path)
{
    // QEMU creates and locks its pidfile before it writes its pid, and holds the lock
    // for as long as it runs: a locked pidfile, even an empty one, belongs to a live or
    // starting QEMU (perhaps launched by another Berth process a moment ago).
    const VmLayout layout = VmLayout::ofRuntimeFolder(path);
    if (!QFileInfo(path).isDir() || isPidFileLocked(layout.pidFilePath()))
        return;
    // A swtpm ends with its QEMU's connection; one whose QEMU never connected is ended here.
    Swtpm::stop(layout);
    const QStringList files = layout.qemuRuntimeFiles();
    for (const QString &file : files)
        QFile::remove(file);
    QDir().rmdir(path); // only when empty: anything else in it is not ours to delete
}
