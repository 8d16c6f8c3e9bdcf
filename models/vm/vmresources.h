// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

struct VmField;

/// How a VM shares the host with the others: the part of its definition that applies
/// live to a running VM (VmResourceControl) as well as at every start. Stored in vm.json as
/// "resources" only when something is set; each value is "none" (0) unless set.
struct VmResources
{
    Q_DECLARE_TR_FUNCTIONS(VmResources)

public:
    /// The lowest memory target: below it a Linux guest stops being usable.
    static constexpr int MinMemoryTargetMiB = 64;
    static constexpr qint64 MaxBytesPerSecond = qint64(1) << 50;
    static constexpr qint64 MaxIops = 1'000'000'000;

    /// Disk I/O of all the VM's disks together (one QEMU throttle group), 0 for none.
    qint64 ioReadBps = 0;
    qint64 ioWriteBps = 0;
    qint64 ioIops = 0; ///< read and write operations per second together
    /// What the balloon leaves the guest, in MiB; 0 for all of its memory.
    int memoryTargetMiB = 0;
    /// Relative CPU share when host cores are contended, 1..10000; 0 for the default (100).
    int cpuWeight = 0;
    /// At most this % of one host core for the whole VM (200 = two cores); 0 for none.
    int cpuLimitPercent = 0;
    /// Host CPUs for the vCPU threads ("0-3,6"), empty for any.
    QString cpuAffinity;
    /// Host CPUs for QEMU's other threads (I/O, emulation), empty for any.
    QString emulatorAffinity;

    friend bool operator==(const VmResources &, const VmResources &) = default;

    bool isDefault() const { return *this == VmResources{}; }

    /// Why these values cannot be used for a VM with @p memoryMiB, or empty.
    QString validate(int memoryMiB) const;

    QJsonObject toJson() const;
    /// Reads what toJson() wrote; a missing key keeps its default. False with @p error set
    /// when a value has the wrong type or range.
    static bool fromJson(const QJsonObject &json, VmResources &out, QString &error);

    /// The rows of VmFields for these values (`berth set --io-read-bps` ...), each live.
    static QList<VmField> fields();
};
