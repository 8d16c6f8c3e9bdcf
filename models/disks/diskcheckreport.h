// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

/// The result of `qemu-img check --output=json`: a plain value.
///
/// qemu-img exits 0 (clean), 2 (corruptions), 3 (leaks only) with JSON on stdout, 1 when the
/// check itself failed and 63 when the format has no consistency check (raw, for one).
struct DiskCheckReport
{
    Q_DECLARE_TR_FUNCTIONS(DiskCheckReport)

public:
    QString format;
    bool supported = true;       ///< false: the format cannot be checked (exit code 63)
    qint64 corruptions = 0;      ///< metadata that points to the wrong place: data at risk
    qint64 leaks = 0;            ///< clusters allocated but unused: only wasted space
    qint64 checkErrors = 0;      ///< parts of the image qemu-img could not read
    qint64 corruptionsFixed = 0; ///< with a repair (not done by Berth)
    qint64 leaksFixed = 0;
    qint64 totalClusters = 0;
    qint64 allocatedClusters = 0;
    qint64 fragmentedClusters = 0;
    qint64 compressedClusters = 0;
    qint64 imageEndOffset = 0;

    bool isClean() const { return corruptions == 0 && leaks == 0 && checkErrors == 0; }

    /// Parses the JSON of a check that ran (exit codes 0, 2, 3). Returns nothing and sets
    /// @p error when it is not a check report.
    static std::optional<DiskCheckReport> fromJson(const QByteArray &json, QString *error);
    /// The report for a format that has no check.
    static DiskCheckReport unsupported(const QString &format);

    /// One to three sentences for the user: what was found and what to do about it.
    /// e.g. "No errors were found." / "Leaked clusters: 3. They waste space but do not harm
    /// the data; qemu-img check -r leaks frees them while no VM uses the image."
    QString summary() const;

    /// For `berth disk check --json`: format, supported, clean, corruptions, leaks,
    /// check_errors, total_clusters, allocated_clusters, fragmented_clusters,
    /// compressed_clusters, image_end_offset, summary.
    QJsonObject toJson() const;
};
