// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/archive/archivewriter.h"
#include "models/common/failure.h"

#include "models/archive/sparsedigest.h"
#include "models/common/sparsefile.h"

#include <QFile>
#include <QList>

#include <archive.h>
#include <archive_entry.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 kBlock = 1 << 20;

struct EntryDeleter
{
    void operator()(archive_entry *e) const { archive_entry_free(e); }
};
using EntryPtr = std::unique_ptr<archive_entry, EntryDeleter>;

EntryPtr newEntry(const QString &name, mode_t type, int permissions)
{
    EntryPtr entry(archive_entry_new());
    archive_entry_copy_pathname(entry.get(), QFile::encodeName(name).constData());
    archive_entry_set_filetype(entry.get(), type);
    archive_entry_set_perm(entry.get(), permissions);
    archive_entry_set_mtime(entry.get(), ::time(nullptr), 0);
    return entry;
}

} // namespace

ArchiveWriter::ArchiveWriter() = default;

ArchiveWriter::~ArchiveWriter()
{
    if (m_archive)
        archive_write_free(m_archive);
    if (m_fd >= 0)
        ::close(m_fd);
}

Failure ArchiveWriter::failure(const QString &what) const
{
    const char *error = m_archive ? archive_error_string(m_archive) : nullptr;
    const QString detail = error ? QString::fromLocal8Bit(error) : QString();
    return Failure(tr("Could not write the archive %1: %2.").arg(m_path, what), detail);
}

Outcome<> ArchiveWriter::open(const QString &path, Compression compression)
{
    m_path = path;
    m_archive = archive_write_new();
    archive_write_set_format_pax_restricted(m_archive);
    if (compression == Compression::Zstd && archive_write_add_filter_zstd(m_archive) != ARCHIVE_OK)
        return failure(tr("zstd compression is not available"));
    // Whole blocks of 10 KiB, as tar pads; the last one is not padded to more.
    archive_write_set_bytes_in_last_block(m_archive, 1);
    m_fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (m_fd < 0)
        return Failure(tr("Could not write the archive %1: %2.").arg(path, systemErrorText(errno)));
    if (archive_write_open_fd(m_archive, m_fd) != ARCHIVE_OK)
        return failure(tr("it cannot be opened"));
    return {};
}

Outcome<> ArchiveWriter::addData(const QString &name, const QByteArray &data)
{
    EntryPtr entry = newEntry(name, AE_IFREG, 0600);
    archive_entry_set_size(entry.get(), data.size());
    if (archive_write_header(m_archive, entry.get()) != ARCHIVE_OK)
        return failure(name);
    if (archive_write_data(m_archive, data.constData(), size_t(data.size())) != data.size())
        return failure(name);
    return {};
}

Outcome<> ArchiveWriter::addFolder(const QString &name)
{
    EntryPtr entry = newEntry(name, AE_IFDIR, 0700);
    if (archive_write_header(m_archive, entry.get()) != ARCHIVE_OK)
        return failure(name);
    return {};
}

Outcome<QString> ArchiveWriter::addFile(const QString &name, const QString &sourcePath,
                                        const Proceed &proceed)
{
    const int fd = ::open(QFile::encodeName(sourcePath).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return Failure(tr("Cannot read %1: %2.").arg(sourcePath, systemErrorText(errno)));
    const auto closeFd = qScopeGuard([fd] { ::close(fd); });
    struct stat st = {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        return Failure(tr("%1 is not a regular file.").arg(sourcePath));
    const qint64 size = st.st_size;
    const QList<SparseFile::Run> runs = SparseFile::dataRuns(fd, size);

    EntryPtr entry = newEntry(name, AE_IFREG, 0600);
    archive_entry_set_size(entry.get(), size);
    const bool sparse = !(runs.size() == 1 && runs[0].start == 0 && runs[0].end == size);
    if (sparse) {
        for (const SparseFile::Run &run : runs)
            archive_entry_sparse_add_entry(entry.get(), run.start, run.end - run.start);
        // The end of the file, so that one that ends in a hole (or is all hole) keeps its size.
        archive_entry_sparse_add_entry(entry.get(), size, 0);
    }
    if (archive_write_header(m_archive, entry.get()) != ARCHIVE_OK)
        return failure(name);

    // The archive is given every byte; it stores only those in the sparse map's runs, so a
    // hole costs a pass over a buffer of zeros and nothing in the file.
    QByteArray buffer(kBlock, Qt::Uninitialized);
    const QByteArray zeros(kBlock, '\0');
    SparseDigest digest;
    qint64 at = 0;
    auto write = [&](const char *data, qint64 length) -> Outcome<> {
        if (archive_write_data(m_archive, data, size_t(length)) != length)
            return failure(name);
        at += length;
        if (proceed && !proceed(at))
            return Failure(tr("Cancelled."));
        return {};
    };
    for (const SparseFile::Run &run : runs) {
        while (at < run.start) {
            if (Outcome<> w = write(zeros.constData(), qMin(kBlock, run.start - at)); !w)
                return w.failure();
        }
        while (at < run.end) {
            const ssize_t n = ::pread(fd, buffer.data(), size_t(qMin(kBlock, run.end - at)), at);
            if (n <= 0)
                return Failure(tr("Cannot read %1: %2.")
                                   .arg(sourcePath,
                                        n == 0 ? tr("it became shorter") : systemErrorText(errno)));
            digest.add(at, QByteArrayView(buffer.constData(), n));
            if (Outcome<> w = write(buffer.constData(), n); !w)
                return w.failure();
        }
    }
    while (at < size) {
        if (Outcome<> w = write(zeros.constData(), qMin(kBlock, size - at)); !w)
            return w.failure();
    }
    return digest.result(size);
}

Outcome<> ArchiveWriter::close()
{
    if (!m_archive)
        return {};
    const int closed = archive_write_close(m_archive);
    Outcome<> outcome;
    if (closed != ARCHIVE_OK)
        outcome = failure(tr("it could not be completed"));
    archive_write_free(m_archive);
    m_archive = nullptr;
    // Durable before the caller renames it into place.
    if (outcome && ::fsync(m_fd) != 0)
        outcome =
            Failure(tr("Could not write the archive %1: %2.").arg(m_path, systemErrorText(errno)));
    ::close(m_fd);
    m_fd = -1;
    return outcome;
}
