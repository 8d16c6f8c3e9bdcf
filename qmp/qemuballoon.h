// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonValue>
#include <QString>

#include <optional>

// Typed answers of the memory balloon (virtio-balloon): `query-balloon` and the device's
// "guest-stats" QOM property.

/// `query-balloon`: all QEMU itself knows. The guest's own view is QemuGuestMemoryStats.
struct QemuBalloonInfo
{
    qint64 actualBytes = 0; ///< the memory the guest has now, after ballooning

    static bool fromJson(const QJsonValue &json, QemuBalloonInfo &out, QString &why);
};

/// The balloon device's "guest-stats" property: what the guest's driver last reported.
/// A statistic the guest has not (yet) reported is empty; QEMU sends those as 2^64 - 1.
struct QemuGuestMemoryStats
{
    /// When the guest last reported (host time); invalid until its driver answered once.
    QDateTime lastUpdate;
    std::optional<quint64> totalBytes;      ///< "stat-total-memory"
    std::optional<quint64> availableBytes;  ///< "stat-available-memory" (Linux 3.14 and later)
    std::optional<quint64> freeBytes;       ///< "stat-free-memory"
    std::optional<quint64> diskCacheBytes;  ///< "stat-disk-caches"
    std::optional<quint64> swappedInBytes;  ///< "stat-swap-in"
    std::optional<quint64> swappedOutBytes; ///< "stat-swap-out"
    std::optional<quint64> majorFaults;     ///< "stat-major-faults"
    std::optional<quint64> minorFaults;     ///< "stat-minor-faults"

    bool hasReported() const { return lastUpdate.isValid(); }

    static bool fromJson(const QJsonValue &json, QemuGuestMemoryStats &out, QString &why);
};
