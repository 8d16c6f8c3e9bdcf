// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCryptographicHash>
#include <QList>
#include <QString>

/// A BLAKE2b-256 checksum (Qt's SHA-256 runs at a fifth of its speed) of a file's content that
/// costs nothing for its holes: the bytes of its data, in order, followed by where each run of data
/// lies and the file's size. Blocks that follow one another make one run, so a file written in one
/// set of blocks and read back in another (ArchiveWriter, ArchiveReader) gives the same checksum,
/// and so does any copy with the same data at the same places. Holes and written zeros differ; that
/// is a difference in how the file is stored, which a copy made by Berth keeps.
class SparseDigest final
{
public:
    SparseDigest();

    /// @p block lies at @p offset, after every block added before (offsets only grow).
    void add(qint64 offset, QByteArrayView block);
    /// The checksum of a file of @p size bytes (lowercase hex).
    QString result(qint64 size);

private:
    QCryptographicHash m_hash;
    QList<qint64> m_runs; ///< start, end, start, end... of the runs of data
};
