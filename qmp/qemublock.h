// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

// Typed answers about block devices: `query-block`, `query-blockstats`, and the I/O limits
// that `block_set_io_throttle` sets and `query-block` reports.

/// I/O limits of one device, as `block_set_io_throttle` takes them; 0 means no limit. A total
/// and its read/write split exclude each other (QEMU refuses bps together with bps_rd).
struct QemuIoThrottle
{
    qint64 bytesPerSecond = 0;
    qint64 readBytesPerSecond = 0;
    qint64 writeBytesPerSecond = 0;
    qint64 iops = 0;
    qint64 readIops = 0;
    qint64 writeIops = 0;

    friend bool operator==(const QemuIoThrottle &, const QemuIoThrottle &) = default;
};

/// One internal snapshot of an image (QAPI SnapshotInfo, as in `query-block` and
/// `qemu-img info --output=json`).
struct QemuSnapshotInfo
{
    QString id;
    QString name;           ///< the tag
    qint64 vmStateSize = 0; ///< bytes of memory state; 0 for a disk-only snapshot
    QDateTime created;      ///< UTC
    qint64 vmClockNs = 0;   ///< the guest's clock when it was taken

    static bool fromJson(const QJsonValue &json, QemuSnapshotInfo &out, QString &why);
};

/// The image under a block device (QAPI ImageInfo, the part Berth reads).
struct QemuImageInfo
{
    QString filename;
    QString format;                   ///< e.g. "qcow2", "raw"
    qint64 virtualSize = 0;           ///< bytes the guest sees
    std::optional<qint64> actualSize; ///< bytes on the host's disk, when QEMU knows
    QString backingFilename;          ///< empty without a backing file
    QList<QemuSnapshotInfo> snapshots;

    static bool fromJson(const QJsonValue &json, QemuImageInfo &out, QString &why);
};

/// The medium in a block device (QAPI BlockDeviceInfo, the part Berth reads).
struct QemuInsertedMedium
{
    QString nodeName; ///< the node to name in snapshot and block commands
    QString file;
    QString driver; ///< "drv", e.g. "qcow2"
    bool readOnly = false;
    QemuImageInfo image;
    QemuIoThrottle throttle;

    static bool fromJson(const QJsonValue &json, QemuInsertedMedium &out, QString &why);
};

/// One entry of `query-block`.
struct QemuBlockDevice
{
    QString device; ///< the legacy drive name; empty for -blockdev devices
    QString qdev;   ///< the guest device's id or QOM path, e.g. "cdrom0" or
                    ///< "/machine/peripheral-anon/device[1]/virtio-backend"
    bool removable = false;
    bool locked = false;                        ///< the guest locked the tray
    std::optional<bool> trayOpen;               ///< only for devices with a tray
    std::optional<QemuInsertedMedium> inserted; ///< none when a removable drive is empty

    static bool fromJson(const QJsonValue &json, QemuBlockDevice &out, QString &why);
};

/// One entry of `query-blockstats`: counters since QEMU started.
struct QemuBlockStats
{
    QString device;   ///< the legacy drive name; often empty
    QString qdev;     ///< the guest device's id or QOM path, when it has one
    QString nodeName; ///< the node, when the entry names one
    quint64 readBytes = 0;
    quint64 writtenBytes = 0;
    quint64 readOperations = 0;
    quint64 writeOperations = 0;

    static bool fromJson(const QJsonValue &json, QemuBlockStats &out, QString &why);
};
