// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/archive/archivereader.h"

#include <QFile>

#include <archive.h>
#include <archive_entry.h>

#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;

namespace {

ArchiveEntry::Type typeOf(archive_entry *entry)
{
    using enum ArchiveEntry::Type;
    if (archive_entry_hardlink(entry))
        return HardLink;
    switch (archive_entry_filetype(entry)) {
    case AE_IFREG:
        return File;
    case AE_IFDIR:
        return Directory;
    case AE_IFLNK:
        return SymbolicLink;
    case AE_IFCHR:
    case AE_IFBLK:
        return Device;
    case AE_IFIFO:
        return Fifo;
    case AE_IFSOCK:
        return Socket;
    default:
        return Unknown;
    }
}

QString decoded(const char *text)
{
    return text ? QFile::decodeName(text) : QString();
}

} // namespace

ArchiveReader::ArchiveReader() = default;

ArchiveReader::~ArchiveReader()
{
    if (m_archive)
        archive_read_free(m_archive);
}

Failure ArchiveReader::failure(const QString &what) const
{
    const char *error = m_archive ? archive_error_string(m_archive) : nullptr;
    return Failure(tr("Could not read the archive %1: %2.").arg(m_path, what),
                   error ? QString::fromLocal8Bit(error) : QString());
}

Outcome<> ArchiveReader::open(const QString &path)
{
    m_path = path;
    m_archive = archive_read_new();
    archive_read_support_format_tar(m_archive);
    archive_read_support_filter_all(m_archive);
    if (archive_read_open_filename(m_archive, QFile::encodeName(path).constData(), 1 << 20) !=
        ARCHIVE_OK)
        return failure(tr("it cannot be opened or is not an archive Berth reads"));
    return {};
}

Outcome<std::optional<ArchiveEntry>> ArchiveReader::next()
{
    archive_entry *entry = nullptr;
    const int r = archive_read_next_header(m_archive, &entry);
    if (r == ARCHIVE_EOF)
        return std::optional<ArchiveEntry>();
    if (r != ARCHIVE_OK && r != ARCHIVE_WARN)
        return failure(tr("it is damaged or incomplete"));
    m_entry = {};
    m_entry.name = decoded(archive_entry_pathname(entry));
    m_entry.type = typeOf(entry);
    m_entry.size = archive_entry_size_is_set(entry) ? archive_entry_size(entry) : -1;
    m_entry.linkTarget = m_entry.type == ArchiveEntry::Type::HardLink
                             ? decoded(archive_entry_hardlink(entry))
                             : decoded(archive_entry_symlink(entry));
    // The bytes of data the entry should deliver: its size, or what its sparse map holds.
    m_expectedData = m_entry.size;
    if (archive_entry_sparse_reset(entry) > 0) {
        m_expectedData = 0;
        la_int64_t offset = 0;
        la_int64_t length = 0;
        while (archive_entry_sparse_next(entry, &offset, &length) == ARCHIVE_OK)
            m_expectedData += length;
    }
    return std::optional<ArchiveEntry>(m_entry);
}

Outcome<> ArchiveReader::readData(const Sink &sink)
{
    qint64 end = 0;
    qint64 delivered = 0;
    for (;;) {
        const void *data = nullptr;
        size_t length = 0;
        la_int64_t offset = 0;
        const int r = archive_read_data_block(m_archive, &data, &length, &offset);
        if (r == ARCHIVE_EOF) {
            if (m_entry.type == ArchiveEntry::Type::File && delivered != m_expectedData)
                return failure(
                    tr("the data of %1 does not add up to what its header says").arg(m_entry.name));
            return {};
        }
        if (r != ARCHIVE_OK && r != ARCHIVE_WARN)
            return failure(tr("the data of %1 is damaged or incomplete").arg(m_entry.name));
        if (length == 0)
            continue;
        if (offset < end || m_entry.size < 0 || offset > m_entry.size ||
            qint64(length) > m_entry.size - offset)
            return failure(tr("the data of %1 does not fit its size").arg(m_entry.name));
        end = offset + qint64(length);
        delivered += qint64(length);
        if (Outcome<> taken =
                sink(offset, QByteArrayView(static_cast<const char *>(data), qsizetype(length)));
            !taken)
            return taken;
    }
}

qint64 ArchiveReader::position() const
{
    return m_archive ? qint64(archive_filter_bytes(m_archive, -1)) : 0;
}
