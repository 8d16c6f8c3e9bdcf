// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/common/sparsefile.h"
#include "models/common/failure.h"

#include <QFile>
#include <QScopeGuard>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

constexpr qint64 kChunk = 8 << 20;

} // namespace

QList<SparseFile::Run> SparseFile::dataRuns(int fd, qint64 size)
{
    QList<Run> runs;
    qint64 at = 0;
    while (at < size) {
        const off_t data = ::lseek(fd, at, SEEK_DATA);
        if (data < 0) {
            if (errno == ENXIO)
                break; // only a hole from here on
            return {{0, size}};
        }
        off_t hole = ::lseek(fd, data, SEEK_HOLE);
        if (hole < 0)
            hole = size;
        runs.append({data, qMin<qint64>(hole, size)});
        at = hole;
    }
    return runs;
}

Outcome<> SparseFile::copy(const QString &from, const QString &to, const Proceed &proceed)
{
    const int in = ::open(QFile::encodeName(from).constData(), O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return Failure(tr("Cannot read %1: %2.").arg(from, systemErrorText(errno)));
    const auto closeIn = qScopeGuard([in] { ::close(in); });
    struct stat st = {};
    if (::fstat(in, &st) != 0 || !S_ISREG(st.st_mode))
        return Failure(tr("%1 is not a regular file.").arg(from));
    const int out = ::open(QFile::encodeName(to).constData(), O_WRONLY | O_NOFOLLOW | O_CLOEXEC);
    if (out < 0)
        return Failure(tr("Cannot write %1: %2.").arg(to, systemErrorText(errno)));
    const auto closeOut = qScopeGuard([out] { ::close(out); });
    auto writeFailure = [&to](int error) {
        return error == ENOSPC
                   ? Failure(tr("The disk is full: %1 could not be written. Make "
                                "room and try again.")
                                 .arg(to))
                   : Failure(tr("Cannot write %1: %2.").arg(to, systemErrorText(error)));
    };
    const qint64 size = st.st_size;
    for (const Run &run : dataRuns(in, size)) {
        loff_t inAt = run.start;
        loff_t outAt = run.start;
        while (inAt < run.end) {
            // copy_file_range: in the kernel, and shared extents where the file system can.
            const ssize_t n =
                ::copy_file_range(in, &inAt, out, &outAt, size_t(qMin(kChunk, run.end - inAt)), 0);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                return writeFailure(errno);
            if (n == 0)
                return Failure(tr("%1 became shorter while it was copied.").arg(from));
            if (proceed && !proceed(inAt))
                return Failure(tr("Cancelled."));
        }
    }
    if (::ftruncate(out, size) != 0 || ::fsync(out) != 0)
        return writeFailure(errno);
    if (proceed)
        proceed(size);
    return {};
}
