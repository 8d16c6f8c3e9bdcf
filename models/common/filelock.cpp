// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/common/filelock.h"

#include "models/common/failure.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

FileLock::FileLock(const QString &path, Mode mode)
{
    const QByteArray native = QFile::encodeName(path);
    m_fd = QFileInfo(path).isDir() ? ::open(native.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                                   : ::open(native.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (m_fd < 0) {
        m_error = errno;
        return;
    }
    const int operation = mode == Mode::Try ? LOCK_EX | LOCK_NB : LOCK_EX;
    int rc;
    do {
        rc = ::flock(m_fd, operation);
    } while (rc != 0 && errno == EINTR);
    if (rc != 0)
        m_error = errno;
}

FileLock::~FileLock()
{
    if (m_fd >= 0)
        ::close(m_fd); // releases the lock unless a child holds a copy
}

bool FileLock::isTaken() const
{
    return m_error == EWOULDBLOCK;
}

QString FileLock::error() const
{
    return m_error == 0 ? QString() : systemErrorText(m_error);
}

int FileLock::inheritableCopy() const
{
    return isHeld() ? ::fcntl(m_fd, F_DUPFD, 3) : -1;
}
