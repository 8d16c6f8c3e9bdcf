// SPDX-License-Identifier: GPL-2.0-or-later
#include "qmp/qemuballoon.h"

#include "qmp/qemujson_p.h"

using namespace Qt::Literals::StringLiterals;

namespace {

/// A statistic, or nothing for one the guest left unset (2^64 - 1, which JSON brings here as
/// a double near 1.8e19).
std::optional<quint64> statistic(const QJsonObject &stats, QLatin1StringView key)
{
    const QJsonValue v = stats.value(key);
    if (!v.isDouble())
        return std::nullopt;
    if (const qint64 exact = v.toInteger(-1); exact >= 0)
        return quint64(exact);
    const double d = v.toDouble();
    if (d < 0 || d >= 1.8e19)
        return std::nullopt;
    return quint64(d);
}

} // namespace

bool QemuBalloonInfo::fromJson(const QJsonValue &json, QemuBalloonInfo &out, QString &why)
{
    QemuJsonReader r(json, why, "query-balloon's answer"_L1);
    out.actualBytes = r.integer("actual"_L1);
    return r.ok();
}

bool QemuGuestMemoryStats::fromJson(const QJsonValue &json, QemuGuestMemoryStats &out, QString &why)
{
    QemuJsonReader r(json, why, "the balloon's guest-stats"_L1);
    const qint64 lastUpdate = r.integer("last-update"_L1);
    if (!r.ok())
        return false;
    QemuJsonReader statsReader(r.optionalValue("stats"_L1), why,
                               "the balloon's guest-stats \"stats\""_L1);
    if (!statsReader.ok())
        return false;
    const QJsonObject &stats = statsReader.object();
    out.lastUpdate =
        lastUpdate > 0 ? QDateTime::fromSecsSinceEpoch(lastUpdate, Qt::UTC) : QDateTime();
    out.totalBytes = statistic(stats, "stat-total-memory"_L1);
    out.availableBytes = statistic(stats, "stat-available-memory"_L1);
    out.freeBytes = statistic(stats, "stat-free-memory"_L1);
    out.diskCacheBytes = statistic(stats, "stat-disk-caches"_L1);
    out.swappedInBytes = statistic(stats, "stat-swap-in"_L1);
    out.swappedOutBytes = statistic(stats, "stat-swap-out"_L1);
    out.majorFaults = statistic(stats, "stat-major-faults"_L1);
    out.minorFaults = statistic(stats, "stat-minor-faults"_L1);
    return true;
}
