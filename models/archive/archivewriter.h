// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/common/outcome.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <functional>

struct archive;

/// Writes a tar archive (POSIX pax) one entry after another, straight to its file: nothing
/// is copied aside first. Regular files are stored sparse where they have holes (found with
/// SEEK_DATA/SEEK_HOLE), so a thin disk image stays thin in the archive and when extracted.
///
/// This and ArchiveReader are Berth's whole view of an archive library (libarchive here):
/// another (KArchive's KTar) can stand in behind the same few calls. Blocking: run it on a
/// worker thread when a window waits for it. One writer, one archive; not thread-safe.
class ArchiveWriter final
{
    Q_DECLARE_TR_FUNCTIONS(ArchiveWriter)

public:
    enum class Compression
    {
        None,
        Zstd, ///< the whole stream, as `tar --zstd` does
    };

    /// Called as a file's data is written, with the bytes of that file done so far (holes
    /// included); returning false stops the write, which then fails with "Cancelled.".
    using Proceed = std::function<bool(qint64 bytesDone)>;

    ArchiveWriter();
    /// Ends the archive if close() was not called (the file is then incomplete).
    ~ArchiveWriter();
    ArchiveWriter(const ArchiveWriter &) = delete;
    ArchiveWriter &operator=(const ArchiveWriter &) = delete;

    /// Starts the archive in the file @p path, which exists and is the caller's (a
    /// ClaimedFile): it is truncated and written.
    Outcome<> open(const QString &path, Compression compression);
    /// An entry @p name holding @p data (mode 0600).
    Outcome<> addData(const QString &name, const QByteArray &data);
    /// An entry @p name with the content of the regular file @p sourcePath (mode 0600,
    /// sparse where the file has holes). Returns its SparseDigest checksum.
    Outcome<QString> addFile(const QString &name, const QString &sourcePath,
                             const Proceed &proceed = {});
    /// A folder entry @p name (mode 0700).
    Outcome<> addFolder(const QString &name);
    /// Writes the end of the archive and flushes it to the file; the file is complete only
    /// once this worked.
    Outcome<> close();

private:
    Failure failure(const QString &what) const;

    archive *m_archive = nullptr;
    int m_fd = -1;
    QString m_path;
};
