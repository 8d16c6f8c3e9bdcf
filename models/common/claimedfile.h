// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/common/outcome.h"

#include <QCoreApplication>
#include <QString>

/// A new file this process made with O_EXCL, so it is known to be its own: removed when the
/// ClaimedFile goes, unless commit() made it the file it was made for.
///
/// Programs that write a file (qemu-img) are given a claimed one: a failure or a cancel then
/// removes only what Berth made, never a file someone else made at that name meanwhile,
/// and the target is never seen half-written when the claim is a temporary name beside it.
class ClaimedFile final
{
    Q_DECLARE_TR_FUNCTIONS(ClaimedFile)

public:
    enum class Replace
    {
        No,  ///< commit() fails when the target exists, and leaves it alone
        Yes, ///< commit() renames over the target
    };

    ClaimedFile() = default;
    ClaimedFile(ClaimedFile &&other) noexcept;
    ClaimedFile &operator=(ClaimedFile &&other) noexcept;
    ClaimedFile(const ClaimedFile &) = delete;
    ClaimedFile &operator=(const ClaimedFile &) = delete;
    /// Removes the file unless it was committed.
    ~ClaimedFile();

    /// Makes @p path itself (mode 0600: readable by the user only); fails when anything is
    /// there.
    static Outcome<ClaimedFile> claim(const QString &path);
    /// Makes a hidden file with a fresh name beside @p target (".<name>.berth-<random>.partial")
    /// that commit() renames to @p target.
    static Outcome<ClaimedFile> claimBeside(const QString &target);

    /// The claimed file; empty once committed or removed.
    QString path() const { return m_path; }

    /// Makes the claimed file @p target, which from then on is no longer removed: nothing to
    /// do when it was claimed at @p target, else an atomic rename. The file is synced to the
    /// disk before the rename and its folder after it, so a power loss leaves the old target
    /// or the complete new file. With Replace::No an existing target is kept and this fails
    /// (the claimed file stays claimed).
    Outcome<> commit(const QString &target, Replace replace);
    /// Removes the claimed file now.
    void remove();

private:
    explicit ClaimedFile(QString path);

    QString m_path;
};
