// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/archive/archiveentry.h"
#include "models/common/outcome.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

#include <functional>
#include <optional>

struct archive;

/// Reads an archive entry by entry, as it comes (tar in any of its dialects, compressed with
/// gzip, xz, bzip2 or zstd, or not; also the tar inside an OVA). ArchiveWriter's other half:
/// together they are Berth's whole view of an archive library (see there).
///
/// It reports what the archive says and checks only that its data is consistent (a block
/// never lies before the previous one or past the entry's size): whether a name or a kind of
/// entry is acceptable is ArchiveExtractor's business. Blocking; not thread-safe.
class ArchiveReader final
{
    Q_DECLARE_TR_FUNCTIONS(ArchiveReader)

public:
    /// Gets each block of an entry's data with its offset in the file; offsets grow, and
    /// the gaps between blocks are holes (zeros). A failure stops the read.
    using Sink = std::function<Outcome<>(qint64 offset, QByteArrayView block)>;

    ArchiveReader();
    ~ArchiveReader();
    ArchiveReader(const ArchiveReader &) = delete;
    ArchiveReader &operator=(const ArchiveReader &) = delete;

    Outcome<> open(const QString &path);
    /// The next entry, or nullopt after the last one.
    Outcome<std::optional<ArchiveEntry>> next();
    /// The data of the entry next() returned last, block by block (see Sink). Fails when a
    /// block would lie before the previous one or past the entry's size, when the data does
    /// not add up to the size (or, for a sparse file, to what its map holds), or the archive
    /// ends early.
    Outcome<> readData(const Sink &sink);
    /// How many bytes of the archive's file have been read so far (compressed bytes, for a
    /// compressed archive): progress against the file's size.
    qint64 position() const;

private:
    Failure failure(const QString &what) const;

    archive *m_archive = nullptr;
    QString m_path;
    ArchiveEntry m_entry;
    qint64 m_expectedData = 0;
};
