// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/archive/archiveentry.h"
#include "models/common/outcome.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

/// Unpacks an archive that may have been made to do harm, into one private folder and
/// nowhere else.
///
/// Refused, each with a sentence naming the entry (and nothing of the archive is kept):
///  - names that are absolute, hold a ".." or "." part or an empty one, or control
///    characters;
///  - symbolic links and hard links (whatever they point to: Berth's packages hold none, so
///    none can point out), devices, fifos, sockets, entries of unknown kind;
///  - names that collide: the same name twice, a file where a folder is, or the reverse;
///  - a file whose data does not fit its stated size, or that has no size;
///  - whatever @p accept refuses (a package's own rules about its names).
///
/// Files are made with O_EXCL and O_NOFOLLOW, one folder at a time from the staging folder
/// down (openat), mode 0600 (folders 0700); holes stay holes. The staging folder is made by
/// the extractor (mode 0700) and removed with everything in it when anything fails or the
/// extraction is cancelled.
class ArchiveExtractor final
{
    Q_DECLARE_TR_FUNCTIONS(ArchiveExtractor)

public:
    /// A file that was unpacked: its name in the archive (and under the staging folder), its
    /// size and its SparseDigest checksum.
    struct File
    {
        QString name;
        qint64 size = 0;
        QString digest;
    };

    /// Asked about each entry before anything of it is written; a Failure refuses it.
    using Accept = std::function<Outcome<>(const ArchiveEntry &entry)>;
    /// Called as data is written, with the bytes of the archive's file read so far
    /// (ArchiveReader::position()); false cancels the extraction ("Cancelled.").
    using Proceed = std::function<bool(qint64 bytesDone)>;

    /// Unpacks @p archivePath into @p stagingFolder, which must not exist yet (its parent
    /// must). Returns the files unpacked, in the archive's order.
    static Outcome<QList<File>> extract(const QString &archivePath, const QString &stagingFolder,
                                        const Accept &accept = {}, const Proceed &proceed = {});

    /// Why @p name cannot be a path inside the staging folder, or empty (the name rules
    /// above; a trailing '/' is allowed for folders).
    static QString nameProblem(const QString &name);
};
