// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/common/claimedfile.h"
#include "models/common/failure.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace {

/// Creates @p path only if nothing is there; 0 or the errno.
int createExclusive(const QString &path)
{
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return errno;
    ::close(fd);
    return 0;
}

/// fsync() of @p path (a file or a folder); 0 or the errno.
int syncPath(const QString &path, int flags)
{
    const int fd = ::open(QFile::encodeName(path).constData(), flags | O_CLOEXEC);
    if (fd < 0)
        return errno;
    const int error = ::fsync(fd) == 0 ? 0 : errno;
    ::close(fd);
    return error;
}

} // namespace

ClaimedFile::ClaimedFile(QString path)
    : m_path(std::move(path))
{}

ClaimedFile::ClaimedFile(ClaimedFile &&other) noexcept
    : m_path(std::exchange(other.m_path, QString()))
{}

ClaimedFile &ClaimedFile::operator=(ClaimedFile &&other) noexcept
{
    if (this != &other) {
        remove();
        m_path = std::exchange(other.m_path, QString());
    }
    return *this;
}

ClaimedFile::~ClaimedFile()
{
    remove();
}

Outcome<ClaimedFile> ClaimedFile::claim(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (const int error = createExclusive(absolute); error != 0) {
        return Failure(error == EEXIST
                           ? tr("%1 exists already.").arg(absolute)
                           : tr("Cannot create %1: %2.").arg(absolute, systemErrorText(error)),
                       u"open(O_EXCL): %1"_s.arg(systemErrorText(error)));
    }
    return ClaimedFile(absolute);
}

Outcome<ClaimedFile> ClaimedFile::claimBeside(const QString &target)
{
    const QFileInfo info(target);
    int error = 0;
    for (int attempt = 0; attempt < 100; ++attempt) {
        const QString candidate = info.absoluteDir().filePath(u".%1.berth-%2.partial"_s.arg(
            info.fileName(), QString::number(QRandomGenerator::global()->generate(), 36)));
        error = createExclusive(candidate);
        if (error == 0)
            return ClaimedFile(candidate);
        if (error != EEXIST)
            break;
    }
    return Failure(tr("Cannot create a temporary file beside %1: %2.")
                       .arg(info.absoluteFilePath(), systemErrorText(error)));
}

Outcome<> ClaimedFile::commit(const QString &target, Replace replace)
{
    const QString absolute = QFileInfo(target).absoluteFilePath();
    if (m_path.isEmpty())
        return Failure(tr("Nothing was made for %1.").arg(absolute));
    // The new file's data reaches the disk before its name does, and the rename reaches it
    // before commit() returns: after a power loss the target is the old file or the complete
    // new one, never a torn mix.
    if (const int error = syncPath(m_path, O_RDONLY); error != 0)
        return Failure(tr("Cannot write %1 to the disk: %2.").arg(absolute, systemErrorText(error)),
                       u"fsync %1: %2"_s.arg(m_path, systemErrorText(error)));
    if (m_path != absolute) {
        const QByteArray from = QFile::encodeName(m_path);
        const QByteArray to = QFile::encodeName(absolute);
        const int done = replace == Replace::Yes ? ::rename(from.constData(), to.constData())
                                                 : ::renameat2(AT_FDCWD, from.constData(), AT_FDCWD,
                                                               to.constData(), RENAME_NOREPLACE);
        if (done != 0) {
            const int error = errno;
            return Failure(error == EEXIST
                               ? tr("%1 exists already.").arg(absolute)
                               : tr("The new file is complete but could not replace %1: %2.")
                                     .arg(absolute, systemErrorText(error)),
                           u"rename %1: %2"_s.arg(m_path, systemErrorText(error)));
        }
    }
    m_path.clear(); // it is the target now: never removed from here
    const QString folder = QFileInfo(absolute).absolutePath();
    if (const int error = syncPath(folder, O_RDONLY | O_DIRECTORY); error != 0)
        return Failure(tr("%1 is complete, but its folder could not be written to the disk: %2.")
                           .arg(absolute, systemErrorText(error)),
                       u"fsync %1: %2"_s.arg(folder, systemErrorText(error)));
    return {};
}

void ClaimedFile::remove()
{
    if (!m_path.isEmpty())
        QFile::remove(std::exchange(m_path, QString()));
}
