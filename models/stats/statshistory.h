// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QList>

#include <cmath>
#include <limits>
#include <vector>

/// One VM's measurements at one moment. Values that are not known are NaN: the first
/// sample of a run has no rates yet, and a guest without the virtio-balloon driver does
/// not report its memory.
struct VmStatsSample
{
    static constexpr float Unknown = std::numeric_limits<float>::quiet_NaN();

    qint64 timeMs = 0;             ///< wall clock, ms since the epoch (UTC)
    float cpuPercent = Unknown;    ///< QEMU's whole process; 100 = one host core busy
    QList<float> vcpuPercent;      ///< one per vCPU thread, same scale
    float rssMiB = Unknown;        ///< QEMU's resident memory on the host
    float guestTotalMiB = Unknown; ///< what the guest sees as its memory (balloon stats)
    float guestUsedMiB = Unknown;  ///< total minus available, as the guest reports them
    float guestAvailableMiB = Unknown;
    float diskReadBps = Unknown; ///< bytes per second, all disks together
    float diskWriteBps = Unknown;
    float netRxBps = Unknown; ///< QEMU 7.2 has no network counters over QMP: always NaN
    float netTxBps = Unknown;

    static bool known(float value) { return !std::isnan(value); }
};

/// A bounded history of one VM's samples: a ring of fixed capacity per series, allocated
/// once when the first sample arrives, so each VM costs the same memory however long
/// Berth runs (about 36 bytes per sample plus 4 per vCPU; 3600 samples, one hour at the
/// default one-second interval, are about 130 KiB plus 14 KiB per vCPU).
///
/// A gap (the VM stopped, a tick without data) is a sample whose values are all NaN:
/// charts break their lines there instead of drawing across the missing time.
class StatsHistory final
{
public:
    enum Series
    {
        Cpu,
        Rss,
        GuestTotal,
        GuestUsed,
        GuestAvailable,
        DiskRead,
        DiskWrite,
        SeriesCount
    };

    static constexpr int DefaultCapacity = 3600;

    explicit StatsHistory(int capacity = DefaultCapacity);

    int capacity() const { return m_capacity; }
    /// How many samples are stored (at most capacity()).
    int size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    /// vCPU series, set by the first sample that has vCPUs (later samples are cut or
    /// padded to it, so the memory stays fixed).
    int vcpuCount() const { return m_vcpuCount; }

    void append(const VmStatsSample &sample);
    /// Appends a gap at @p timeMs unless the last sample is one already.
    void appendGap(qint64 timeMs);
    void clear();

    /// Sample @p i, 0 the oldest; size() - 1 the newest.
    qint64 timeAt(int i) const;
    float valueAt(Series series, int i) const;
    float vcpuAt(int vcpu, int i) const;
    VmStatsSample sampleAt(int i) const;
    VmStatsSample latest() const { return m_size ? sampleAt(m_size - 1) : VmStatsSample{}; }

    /// The newest @p count values of @p series, oldest first (NaN in gaps).
    QList<float> tail(Series series, int count) const;

    /// The heap memory this history holds, in bytes.
    qsizetype memoryBytes() const;

private:
    int physical(int i) const { return (m_start + i) % m_capacity; }

    int m_capacity;
    int m_start = 0; ///< physical index of the oldest sample
    int m_size = 0;
    int m_vcpuCount = -1;
    std::vector<qint64> m_time;
    std::vector<float> m_values; ///< SeriesCount values per sample
    std::vector<float> m_vcpus;  ///< m_vcpuCount values per sample
};
