// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/stats/statshistory.h"

#include <algorithm>

StatsHistory::StatsHistory(int capacity)
    : m_capacity(std::max(1, capacity))
{}

void StatsHistory::append(const VmStatsSample &sample)
{
    if (m_time.empty()) {
        m_time.assign(size_t(m_capacity), 0);
        m_values.assign(size_t(m_capacity) * SeriesCount, VmStatsSample::Unknown);
    }
    if (m_vcpuCount < 0 && !sample.vcpuPercent.isEmpty()) {
        m_vcpuCount = int(sample.vcpuPercent.size());
        m_vcpus.assign(size_t(m_capacity) * size_t(m_vcpuCount), VmStatsSample::Unknown);
    }
    int slot = 0;
    if (m_size < m_capacity) {
        slot = physical(m_size);
        ++m_size;
    } else {
        slot = m_start; // the oldest goes
        m_start = (m_start + 1) % m_capacity;
    }
    m_time[size_t(slot)] = sample.timeMs;
    float *v = &m_values[size_t(slot) * SeriesCount];
    v[Cpu] = sample.cpuPercent;
    v[Rss] = sample.rssMiB;
    v[GuestTotal] = sample.guestTotalMiB;
    v[GuestUsed] = sample.guestUsedMiB;
    v[GuestAvailable] = sample.guestAvailableMiB;
    v[DiskRead] = sample.diskReadBps;
    v[DiskWrite] = sample.diskWriteBps;
    for (int c = 0; c < std::max(0, m_vcpuCount); ++c)
        m_vcpus[size_t(slot) * size_t(m_vcpuCount) + size_t(c)] =
            sample.vcpuPercent.value(c, VmStatsSample::Unknown);
}

void StatsHistory::appendGap(qint64 timeMs)
{
    if (m_size > 0) {
        const float *v = &m_values[size_t(physical(m_size - 1)) * SeriesCount];
        if (std::all_of(v, v + SeriesCount, [](float x) { return std::isnan(x); }))
            return;
    } else {
        return; // nothing to separate
    }
    VmStatsSample gap;
    gap.timeMs = timeMs;
    append(gap);
}

void StatsHistory::clear()
{
    m_start = 0;
    m_size = 0;
}

qint64 StatsHistory::timeAt(int i) const
{
    return i >= 0 && i < m_size ? m_time[size_t(physical(i))] : 0;
}

float StatsHistory::valueAt(Series series, int i) const
{
    if (i < 0 || i >= m_size || series < 0 || series >= SeriesCount)
        return VmStatsSample::Unknown;
    return m_values[size_t(physical(i)) * SeriesCount + size_t(series)];
}

float StatsHistory::vcpuAt(int vcpu, int i) const
{
    if (i < 0 || i >= m_size || vcpu < 0 || vcpu >= m_vcpuCount)
        return VmStatsSample::Unknown;
    return m_vcpus[size_t(physical(i)) * size_t(m_vcpuCount) + size_t(vcpu)];
}

VmStatsSample StatsHistory::sampleAt(int i) const
{
    VmStatsSample s;
    if (i < 0 || i >= m_size)
        return s;
    s.timeMs = timeAt(i);
    s.cpuPercent = valueAt(Cpu, i);
    s.rssMiB = valueAt(Rss, i);
    s.guestTotalMiB = valueAt(GuestTotal, i);
    s.guestUsedMiB = valueAt(GuestUsed, i);
    s.guestAvailableMiB = valueAt(GuestAvailable, i);
    s.diskReadBps = valueAt(DiskRead, i);
    s.diskWriteBps = valueAt(DiskWrite, i);
    for (int c = 0; c < m_vcpuCount; ++c)
        s.vcpuPercent.append(vcpuAt(c, i));
    return s;
}

QList<float> StatsHistory::tail(Series series, int count) const
{
    count = std::clamp(count, 0, m_size);
    QList<float> out;
    out.reserve(count);
    for (int i = m_size - count; i < m_size; ++i)
        out.append(valueAt(series, i));
    return out;
}

qsizetype StatsHistory::memoryBytes() const
{
    return qsizetype(m_time.capacity() * sizeof(qint64) + m_values.capacity() * sizeof(float) +
                     m_vcpus.capacity() * sizeof(float));
}
