// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

/// One entry of an archive as ArchiveReader sees it: its name as stored (never trusted: see
/// ArchiveExtractor), what kind of file it is, and its size.
struct ArchiveEntry
{
    enum class Type
    {
        File,
        Directory,
        SymbolicLink,
        HardLink,
        Device, ///< character or block device
        Fifo,
        Socket,
        Unknown,
    };

    QString name; ///< the path stored in the archive, as written there
    Type type = Type::Unknown;
    qint64 size = -1;   ///< a file's size (a sparse file's full size); -1 when not stored
    QString linkTarget; ///< symbolic and hard links: what they point to
};
