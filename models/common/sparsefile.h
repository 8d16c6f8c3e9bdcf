// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/common/outcome.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

/// Files with holes (thin disk images): where their data is, and copying them without
/// filling the holes in.
class SparseFile final
{
    Q_DECLARE_TR_FUNCTIONS(SparseFile)

public:
    /// A run of data: bytes [start, end) of the file.
    struct Run
    {
        qint64 start = 0;
        qint64 end = 0;
    };

    /// Called with the bytes done so far (holes included); returning false cancels.
    using Proceed = std::function<bool(qint64 bytesDone)>;

    SparseFile() = delete;

    /// Where the open file @p fd of @p size bytes holds data (SEEK_DATA/SEEK_HOLE); one run
    /// over everything when the file system cannot say.
    static QList<Run> dataRuns(int fd, qint64 size);

    /// Copies the regular file @p from into the existing, empty file @p to (a ClaimedFile):
    /// the data runs only, so holes stay holes; synced before it returns. Fails with
    /// "Cancelled." when @p proceed says so, and says so plainly when the disk is full.
    static Outcome<> copy(const QString &from, const QString &to, const Proceed &proceed = {});
};
