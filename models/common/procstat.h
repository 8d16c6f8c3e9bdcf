// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QtGlobal>

#include <optional>

/// What the Linux kernel says about a process and the host, read from /proc.
///
/// Each call reads one small file with a single read(2) and never blocks on anything but
/// the kernel. A process or thread that has ended gives std::nullopt: callers must expect
/// that at any moment (a QEMU killed between two reads).
namespace ProcStat {

/// Clock ticks per second (sysconf(_SC_CLK_TCK)), the unit of the CPU times below.
long ticksPerSecond();
/// utime + stime of @p pid (all its threads, the ended ones included), in clock ticks.
std::optional<quint64> processCpuTicks(qint64 pid);
/// utime + stime of thread @p tid of @p pid, in clock ticks.
std::optional<quint64> threadCpuTicks(qint64 pid, qint64 tid);
/// The resident set size of @p pid in bytes (/proc/<pid>/statm).
std::optional<quint64> residentBytes(qint64 pid);

struct HostCpuTimes
{
    quint64 busy = 0;  ///< every state but idle and iowait, in clock ticks
    quint64 total = 0; ///< every state
};
/// The host's CPU times over all cores (the "cpu" line of /proc/stat).
std::optional<HostCpuTimes> hostCpuTimes();

struct HostMemory
{
    qint64 totalBytes = 0;     ///< MemTotal
    qint64 availableBytes = 0; ///< MemAvailable
};
std::optional<HostMemory> hostMemory();
/// MemTotal in MiB, 0 when unknown.
qint64 hostMemoryMiB();

/// Online CPUs of the host.
int hostCpuCount();

/// utime + stime from the text of a /proc/<pid>/stat file (the command name may hold
/// spaces and parentheses: fields are counted from the last ')'), for tests.
std::optional<quint64> parseStatCpuTicks(const char *text, qsizetype size);

} // namespace ProcStat
