// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/common/procstat.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QThread>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace {

/// The first @p capacity - 1 bytes of @p path, NUL-terminated; the size, or -1.
qsizetype readSmallFile(const char *path, char *buffer, qsizetype capacity)
{
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    qsizetype total = 0;
    while (total < capacity - 1) {
        const ssize_t n = ::read(fd, buffer + total, size_t(capacity - 1 - total));
        if (n < 0) {
            ::close(fd);
            return -1;
        }
        if (n == 0)
            break;
        total += n;
    }
    ::close(fd);
    buffer[total] = '\0';
    return total;
}

/// The value of @p key ("MemTotal:") in /proc/meminfo text, in bytes, or -1.
qint64 meminfoBytes(const char *text, const char *key)
{
    const char *at = std::strstr(text, key);
    if (!at)
        return -1;
    char *end = nullptr;
    const long long kib = std::strtoll(at + std::strlen(key), &end, 10);
    return end == at + std::strlen(key) ? -1 : qint64(kib) * 1024;
}

} // namespace

long ProcStat::ticksPerSecond()
{
    static const long hz = [] {
        const long v = ::sysconf(_SC_CLK_TCK);
        return v > 0 ? v : 100;
    }();
    return hz;
}

std::optional<quint64> ProcStat::parseStatCpuTicks(const char *text, qsizetype size)
{
    // "pid (comm) state ppid ..." with utime and stime fields 14 and 15; comm may be
    // anything, so count from its closing parenthesis.
    const QByteArrayView view(text, size);
    const qsizetype close = view.lastIndexOf(')');
    if (close < 0)
        return std::nullopt;
    const char *p = text + close + 1;
    const char *end = text + size;
    quint64 values[2] = {0, 0};
    int field = 2; // comm was field 2
    while (p < end && field < 15) {
        while (p < end && *p == ' ')
            ++p;
        if (p >= end)
            break;
        ++field;
        const char *start = p;
        while (p < end && *p != ' ' && *p != '\n')
            ++p;
        if (field == 14 || field == 15) {
            bool ok = false;
            values[field - 14] = QByteArrayView(start, p - start).toULongLong(&ok);
            if (!ok)
                return std::nullopt;
        }
    }
    if (field < 15)
        return std::nullopt;
    return values[0] + values[1];
}

std::optional<quint64> ProcStat::processCpuTicks(qint64 pid)
{
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%lld/stat", static_cast<long long>(pid));
    char buffer[1024];
    const qsizetype n = readSmallFile(path, buffer, sizeof buffer);
    return n > 0 ? parseStatCpuTicks(buffer, n) : std::nullopt;
}

std::optional<quint64> ProcStat::threadCpuTicks(qint64 pid, qint64 tid)
{
    char path[96];
    std::snprintf(path, sizeof path, "/proc/%lld/task/%lld/stat", static_cast<long long>(pid),
                  static_cast<long long>(tid));
    char buffer[1024];
    const qsizetype n = readSmallFile(path, buffer, sizeof buffer);
    return n > 0 ? parseStatCpuTicks(buffer, n) : std::nullopt;
}

std::optional<quint64> ProcStat::residentBytes(qint64 pid)
{
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%lld/statm", static_cast<long long>(pid));
    char buffer[256];
    const qsizetype n = readSmallFile(path, buffer, sizeof buffer);
    if (n <= 0)
        return std::nullopt;
    // "size resident shared text lib data dt", in pages.
    unsigned long long size = 0;
    unsigned long long resident = 0;
    if (std::sscanf(buffer, "%llu %llu", &size, &resident) != 2)
        return std::nullopt;
    static const long pageSize = ::sysconf(_SC_PAGESIZE);
    return quint64(resident) * quint64(pageSize > 0 ? pageSize : 4096);
}

std::optional<ProcStat::HostCpuTimes> ProcStat::hostCpuTimes()
{
    char buffer[512]; // the first line is all we need
    const qsizetype n = readSmallFile("/proc/stat", buffer, sizeof buffer);
    if (n <= 4 || std::strncmp(buffer, "cpu ", 4) != 0)
        return std::nullopt;
    // user nice system idle iowait irq softirq steal (guest time is inside user)
    unsigned long long v[8] = {};
    if (std::sscanf(buffer + 4, "%llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1], &v[2],
                    &v[3], &v[4], &v[5], &v[6], &v[7]) < 5)
        return std::nullopt;
    HostCpuTimes t;
    for (const unsigned long long x : v)
        t.total += x;
    t.busy = t.total - v[3] - v[4];
    return t;
}

std::optional<ProcStat::HostMemory> ProcStat::hostMemory()
{
    char buffer[4096];
    if (readSmallFile("/proc/meminfo", buffer, sizeof buffer) <= 0)
        return std::nullopt;
    HostMemory m;
    m.totalBytes = meminfoBytes(buffer, "MemTotal:");
    m.availableBytes = meminfoBytes(buffer, "MemAvailable:");
    if (m.totalBytes <= 0 || m.availableBytes < 0)
        return std::nullopt;
    return m;
}

qint64 ProcStat::hostMemoryMiB()
{
    const std::optional<HostMemory> m = hostMemory();
    return m ? m->totalBytes / (1024 * 1024) : 0;
}

int ProcStat::hostCpuCount()
{
    return std::max(1, QThread::idealThreadCount());
}
