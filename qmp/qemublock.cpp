// SPDX-License-Identifier: GPL-2.0-or-later
#include "qmp/qemublock.h"

#include "qmp/qemujson_p.h"

using namespace Qt::Literals::StringLiterals;

bool QemuSnapshotInfo::fromJson(const QJsonValue &json, QemuSnapshotInfo &out, QString &why)
{
    QemuJsonReader r(json, why, "a snapshot"_L1);
    out.id = r.string("id"_L1);
    out.name = r.string("name"_L1);
    out.vmStateSize = r.integer("vm-state-size"_L1);
    const qint64 seconds = r.integer("date-sec"_L1);
    const qint64 nanoseconds = r.integer("date-nsec"_L1);
    out.created = QDateTime::fromMSecsSinceEpoch(seconds * 1000 + nanoseconds / 1'000'000, Qt::UTC);
    out.vmClockNs = r.integer("vm-clock-sec"_L1) * 1'000'000'000 + r.integer("vm-clock-nsec"_L1);
    return r.ok();
}

bool QemuImageInfo::fromJson(const QJsonValue &json, QemuImageInfo &out, QString &why)
{
    QemuJsonReader r(json, why, "an image"_L1);
    out.filename = r.string("filename"_L1);
    out.format = r.string("format"_L1);
    out.virtualSize = r.integer("virtual-size"_L1);
    if (const QJsonValue actual = r.optionalValue("actual-size"_L1); actual.isDouble())
        out.actualSize = actual.toInteger();
    else
        out.actualSize.reset();
    out.backingFilename = r.optionalString("backing-filename"_L1);
    out.snapshots.clear();
    const QJsonValue snapshots = r.optionalValue("snapshots"_L1);
    return r.ok() && (snapshots.isUndefined() || qemuListFromJson(snapshots, out.snapshots, why));
}

bool QemuInsertedMedium::fromJson(const QJsonValue &json, QemuInsertedMedium &out, QString &why)
{
    QemuJsonReader r(json, why, "an inserted medium"_L1);
    out.nodeName = r.optionalString("node-name"_L1);
    out.file = r.string("file"_L1);
    out.driver = r.string("drv"_L1);
    out.readOnly = r.boolean("ro"_L1);
    out.throttle.bytesPerSecond = r.integer("bps"_L1);
    out.throttle.readBytesPerSecond = r.integer("bps_rd"_L1);
    out.throttle.writeBytesPerSecond = r.integer("bps_wr"_L1);
    out.throttle.iops = r.integer("iops"_L1);
    out.throttle.readIops = r.integer("iops_rd"_L1);
    out.throttle.writeIops = r.integer("iops_wr"_L1);
    return r.ok() && QemuImageInfo::fromJson(r.optionalValue("image"_L1), out.image, why);
}

bool QemuBlockDevice::fromJson(const QJsonValue &json, QemuBlockDevice &out, QString &why)
{
    QemuJsonReader r(json, why, "a block device"_L1);
    out.device = r.string("device"_L1);
    out.qdev = r.optionalString("qdev"_L1);
    out.removable = r.boolean("removable"_L1);
    out.locked = r.boolean("locked"_L1);
    if (const QJsonValue tray = r.optionalValue("tray_open"_L1); tray.isBool())
        out.trayOpen = tray.toBool();
    else
        out.trayOpen.reset();
    out.inserted.reset();
    if (!r.ok())
        return false;
    if (const QJsonValue inserted = r.optionalValue("inserted"_L1); !inserted.isUndefined()) {
        QemuInsertedMedium medium;
        if (!QemuInsertedMedium::fromJson(inserted, medium, why))
            return false;
        out.inserted = std::move(medium);
    }
    return true;
}

bool QemuBlockStats::fromJson(const QJsonValue &json, QemuBlockStats &out, QString &why)
{
    QemuJsonReader r(json, why, "a block device's statistics"_L1);
    out.device = r.optionalString("device"_L1);
    out.qdev = r.optionalString("qdev"_L1);
    out.nodeName = r.optionalString("node-name"_L1);
    if (!r.ok())
        return false;
    QemuJsonReader stats(r.optionalValue("stats"_L1), why, "a block device's \"stats\""_L1);
    out.readBytes = quint64(stats.integer("rd_bytes"_L1));
    out.writtenBytes = quint64(stats.integer("wr_bytes"_L1));
    out.readOperations = quint64(stats.integer("rd_operations"_L1));
    out.writeOperations = quint64(stats.integer("wr_operations"_L1));
    return stats.ok();
}
