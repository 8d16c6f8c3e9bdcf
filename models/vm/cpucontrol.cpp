// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/cpucontrol.h"

#include "models/common/procstat.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include <cerrno>
#include <cmath>
#include <cstring>

#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

QString readFirstLine(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readLine()).trimmed();
}

/// Writes @p value to a kernel file (cgroup, /proc); empty or why not.
QString writeKernelFile(const QString &path, const QString &value)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Unbuffered) || f.write(value.toUtf8()) < 0) {
        return CpuControl::tr("cannot write %1 to %2: %3").arg(value, path, f.errorString());
    }
    return {};
}

QList<qint64> threadsOf(qint64 pid)
{
    QList<qint64> tids;
    const QStringList names =
        QDir(u"/proc/%1/task"_s.arg(pid)).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &name : names) {
        bool ok = false;
        const qint64 tid = name.toLongLong(&ok);
        if (ok)
            tids << tid;
    }
    return tids;
}

/// The highest priority (lowest nice) this process may give: 20 - RLIMIT_NICE, -20 as root.
int lowestAllowedNice()
{
    if (::geteuid() == 0)
        return -20;
    rlimit limit{};
    if (::getrlimit(RLIMIT_NICE, &limit) != 0)
        return 0;
    const long floor = 20 - long(limit.rlim_cur);
    return int(std::clamp(floor, -20L, 0L));
}

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

QString setAffinity(const QList<qint64> &tids, const QList<int> &cpus)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    for (const int cpu : cpus)
        CPU_SET(cpu, &set);
    for (const qint64 tid : tids) {
        if (::sched_setaffinity(pid_t(tid), sizeof set, &set) != 0 && errno != ESRCH)
            return CpuControl::tr("cannot set the CPU affinity of thread %1: %2")
                .arg(tid)
                .arg(errnoText());
    }
    return {};
}

QString groupOf(const CpuControl::Host &host, const QUuid &vm)
{
    return host.cgroupV1Cpu + u"/berth/"_s + vm.toString(QUuid::WithoutBraces);
}

} // namespace

QString CpuControl::mechanismName(Mechanism m)
{
    switch (m) {
    case Mechanism::None:
        return u"none"_s;
    case Mechanism::SystemdScope:
        return u"cgroup-v2-scope"_s;
    case Mechanism::CgroupV1:
        return u"cgroup-v1"_s;
    case Mechanism::Autogroup:
        return u"autogroup"_s;
    case Mechanism::ThreadNice:
        return u"thread-nice"_s;
    case Mechanism::Affinity:
        return u"sched_setaffinity"_s;
    }
    return {};
}

CpuControl::Mechanism CpuControl::Host::weight() const
{
    if (systemdScope)
        return Mechanism::SystemdScope;
    return autogroup ? Mechanism::Autogroup : Mechanism::ThreadNice;
}

CpuControl::Mechanism CpuControl::Host::weightWithLimit() const
{
    if (systemdScope)
        return Mechanism::SystemdScope;
    return cgroupV1Cpu.isEmpty() ? weight() : Mechanism::CgroupV1;
}

CpuControl::Mechanism CpuControl::Host::limit() const
{
    if (systemdScope)
        return Mechanism::SystemdScope;
    return cgroupV1Cpu.isEmpty() ? Mechanism::None : Mechanism::CgroupV1;
}

CpuControl::Host CpuControl::detect()
{
    Host h;
    h.cpus = ProcStat::hostCpuCount();
    const bool unified = QFileInfo::exists(u"/sys/fs/cgroup/cgroup.controllers"_s);
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    h.systemdScope = unified && !runtime.isEmpty() &&
                     QFileInfo::exists(runtime + u"/systemd/private"_s) &&
                     !QStandardPaths::findExecutable(u"systemd-run"_s).isEmpty() &&
                     !QStandardPaths::findExecutable(u"systemctl"_s).isEmpty();
    if (!unified) {
        for (const QString &root : {u"/sys/fs/cgroup/cpu"_s, u"/sys/fs/cgroup/cpu,cpuacct"_s}) {
            if (QFileInfo::exists(root + u"/cpu.cfs_quota_us"_s) &&
                ::access(QFile::encodeName(root).constData(), W_OK) == 0) {
                h.cgroupV1Cpu = QFileInfo(root).canonicalFilePath();
                break;
            }
        }
    }
    h.autogroup = readFirstLine(u"/proc/sys/kernel/sched_autogroup_enabled"_s) == "1"_L1;
    return h;
}

std::optional<QList<int>> CpuControl::parseCpuList(const QString &text, int hostCpus, QString &why)
{
    QList<int> cpus;
    const auto bad = [&] {
        why = tr("“%1” is not a list of CPUs such as 0-3,6; this computer has CPUs 0-%2.")
                  .arg(text)
                  .arg(hostCpus - 1);
        return std::nullopt;
    };
    const QStringList parts = text.trimmed().split(u',');
    for (const QString &part : parts) {
        const QStringList range = part.trimmed().split(u'-');
        bool okFirst = false;
        bool okLast = false;
        const int first = range.value(0).toInt(&okFirst);
        const int last = range.size() == 2 ? range.value(1).toInt(&okLast) : first;
        if (!okFirst || (range.size() == 2 && !okLast) || range.size() > 2 || first < 0 ||
            last < first)
            return bad();
        if (last >= hostCpus) {
            why = tr("This computer has no CPU %1: it has CPUs 0-%2.").arg(last).arg(hostCpus - 1);
            return std::nullopt;
        }
        for (int cpu = first; cpu <= last; ++cpu) {
            if (!cpus.contains(cpu))
                cpus << cpu;
        }
    }
    if (cpus.isEmpty())
        return bad();
    return cpus;
}

int CpuControl::niceForWeight(int weight)
{
    const double steps = -std::log(double(std::max(weight, 1)) / DefaultWeight) / std::log(1.25);
    return std::clamp(int(std::lround(steps)), -20, 19);
}

QString CpuControl::check(const VmResources &r, const Host &host)
{
    if (r.cpuWeight != 0 && (r.cpuWeight < MinWeight || r.cpuWeight > MaxWeight))
        return tr("The CPU weight must be between %1 and %2, not %3.")
            .arg(MinWeight)
            .arg(MaxWeight)
            .arg(r.cpuWeight);
    if (r.cpuLimitPercent != 0) {
        if (r.cpuLimitPercent < 1 || r.cpuLimitPercent > 100 * host.cpus)
            return tr("The CPU limit must be between 1 % and %1 % (this computer has %2 "
                      "CPUs), not %3 %.")
                .arg(100 * host.cpus)
                .arg(host.cpus)
                .arg(r.cpuLimitPercent);
        if (host.limit() == Mechanism::None)
            return tr("A CPU limit is not available on this host: it needs cgroup v2 with the "
                      "user's systemd, or a writable cgroup v1 cpu controller, and this host "
                      "has neither. Weights (%1) and affinity work here.")
                .arg(mechanismName(host.weight()));
    }
    const Mechanism weightBy = r.cpuLimitPercent != 0 ? host.weightWithLimit() : host.weight();
    if (r.cpuWeight > DefaultWeight &&
        (weightBy == Mechanism::Autogroup || weightBy == Mechanism::ThreadNice)) {
        const int allowed = lowestAllowedNice();
        if (niceForWeight(r.cpuWeight) < allowed) {
            int most = DefaultWeight;
            while (most < MaxWeight && niceForWeight(most + 1) >= allowed)
                ++most;
            return tr("A CPU weight of %1 needs the right to raise priority (CAP_SYS_NICE or "
                      "RLIMIT_NICE), which Berth does not have here: weights up to %2 work.")
                .arg(r.cpuWeight)
                .arg(most);
        }
    }
    for (const QString &list : {r.cpuAffinity, r.emulatorAffinity}) {
        QString why;
        if (!list.isEmpty() && !parseCpuList(list, host.cpus, why))
            return why;
    }
    return {};
}

QString CpuControl::apply(qint64 pid, const QUuid &vm, const QList<qint64> &vcpuThreads,
                          const VmResources &r, const Host &host)
{
    if (const QString why = check(r, host); !why.isEmpty())
        return why;
    const QList<qint64> all = threadsOf(pid);
    if (all.isEmpty())
        return tr("QEMU (pid %1) has ended.").arg(pid);

    // Affinity: an empty list is every CPU, so that clearing it takes effect too.
    QList<int> everyCpu;
    for (int cpu = 0; cpu < host.cpus; ++cpu)
        everyCpu << cpu;
    QString unused;
    const QList<int> vcpuCpus =
        r.cpuAffinity.isEmpty() ? everyCpu : *parseCpuList(r.cpuAffinity, host.cpus, unused);
    const QList<int> otherCpus = r.emulatorAffinity.isEmpty()
                                     ? everyCpu
                                     : *parseCpuList(r.emulatorAffinity, host.cpus, unused);
    QList<qint64> others;
    for (const qint64 tid : all) {
        if (!vcpuThreads.contains(tid))
            others << tid;
    }
    if (QString why = setAffinity(vcpuThreads, vcpuCpus); !why.isEmpty())
        return why;
    if (QString why = setAffinity(others, otherCpus); !why.isEmpty())
        return why;

    const int weight = r.cpuWeight != 0 ? r.cpuWeight : DefaultWeight;
    if (host.systemdScope) {
        const QStringList args{u"--user"_s,
                               u"set-property"_s,
                               u"--runtime"_s,
                               scopeUnit(vm),
                               u"CPUWeight=%1"_s.arg(weight),
                               r.cpuLimitPercent != 0 ? u"CPUQuota=%1%"_s.arg(r.cpuLimitPercent)
                                                      : u"CPUQuota="_s};
        QProcess systemctl;
        systemctl.start(u"systemctl"_s, args);
        if (!systemctl.waitForFinished(10'000) || systemctl.exitCode() != 0)
            return tr("systemctl could not set the CPU weight and limit of %1: %2")
                .arg(scopeUnit(vm), QString::fromLocal8Bit(systemctl.readAllStandardError()));
        return {};
    }

    const QString group = groupOf(host, vm);
    if (!host.cgroupV1Cpu.isEmpty()) {
        // Groups of VMs whose QEMU ended while no Berth watched it: the kernel removes only
        // the empty ones.
        const QDir groups(host.cgroupV1Cpu + u"/berth"_s);
        for (const QString &name : groups.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            groups.rmdir(name);
    }
    if (r.cpuLimitPercent != 0) {
        // Its own cgroup v1 cpu group: the quota, and the weight as cpu.shares (an autogroup
        // only weighs tasks in the root group).
        if (!QDir().mkpath(group))
            return tr("cannot make the cgroup %1").arg(group);
        const int shares = std::max(2, weight * 1024 / DefaultWeight);
        for (const auto &[file, value] :
             {std::pair{u"cpu.cfs_period_us"_s, u"100000"_s},
              std::pair{u"cpu.cfs_quota_us"_s, QString::number(r.cpuLimitPercent * 1000)},
              std::pair{u"cpu.shares"_s, QString::number(shares)},
              std::pair{u"cgroup.procs"_s, QString::number(pid)}}) {
            if (QString why = writeKernelFile(group + u'/' + file, value); !why.isEmpty())
                return why;
        }
        return {};
    }
    if (QFileInfo::exists(group)) { // limited before: back to the root group
        if (QString why =
                writeKernelFile(host.cgroupV1Cpu + u"/cgroup.procs"_s, QString::number(pid));
            !why.isEmpty())
            return why;
        QDir().rmdir(group);
    }
    const int nice = niceForWeight(weight);
    if (host.autogroup) {
        if (QString why = writeKernelFile(u"/proc/%1/autogroup"_s.arg(pid), QString::number(nice));
            !why.isEmpty())
            return why;
    }
    // Thread nice values as well: all that weighs without autogroup, and inside the group
    // they keep QEMU's threads equal.
    for (const qint64 tid : all) {
        if (::setpriority(PRIO_PROCESS, id_t(tid), nice) != 0 && errno != ESRCH)
            return tr("cannot set the nice value of thread %1 to %2: %3")
                .arg(tid)
                .arg(nice)
                .arg(errnoText());
    }
    return {};
}

void CpuControl::release(const QUuid &vm)
{
    const Host host = detect();
    if (!host.cgroupV1Cpu.isEmpty() && QFileInfo::exists(groupOf(host, vm)))
        QDir().rmdir(groupOf(host, vm));
}

QString CpuControl::scopeUnit(const QUuid &vm)
{
    return u"berth-%1.scope"_s.arg(vm.toString(QUuid::WithoutBraces));
}

QStringList CpuControl::launchPrefix(const QUuid &vm, const Host &host)
{
    if (!host.systemdScope)
        return {};
    return {u"systemd-run"_s, u"--user"_s,    u"--scope"_s,
            u"--quiet"_s,     u"--collect"_s, u"--unit=%1"_s.arg(scopeUnit(vm)),
            u"--"_s};
}
