// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/vm/vmresources.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

/// How this host lets Berth share its CPUs between running VMs, and doing it for one QEMU.
///
/// Mechanisms, best first (detect() says which this host has; `berth host` shows them):
///  - weight: a cgroup v2 scope of the user's systemd (CPUWeight; `systemctl --user
///    set-property`), else the VM's own cgroup v1 `cpu` group (cpu.shares) while it has a
///    limit, else its kernel autogroup (a QEMU started with -daemonize calls setsid and so has
///    its own: /proc/PID/autogroup takes a nice value), else the nice value of each thread
///    (which only weighs against threads of the same group);
///  - limit: the scope's CPUQuota, else a cgroup v1 `cpu` group of its own
///    (cpu.cfs_quota_us), else none: a limit is then refused, never silently ignored;
///  - affinity: sched_setaffinity on the vCPU threads (query-cpus-fast) and on QEMU's other
///    threads, everywhere.
/// Weights map to nice values as the kernel weighs them (1.25× per step): 100 is nice 0,
/// 300 nice -5, 33 nice 5. A weight above 100 needs the privilege to raise priority
/// (CAP_SYS_NICE or a matching RLIMIT_NICE); without it Berth says so.
class CpuControl final
{
    Q_DECLARE_TR_FUNCTIONS(CpuControl)

public:
    enum class Mechanism
    {
        None,
        SystemdScope, ///< cgroup v2, a transient scope of the user's systemd
        CgroupV1,     ///< a group of the cgroup v1 cpu controller
        Autogroup,    ///< /proc/PID/autogroup
        ThreadNice,   ///< setpriority on each thread
        Affinity,     ///< sched_setaffinity
    };
    static QString mechanismName(Mechanism m); ///< "cgroup-v2-scope", "cgroup-v1", ...

    struct Host
    {
        int cpus = 1;
        bool systemdScope = false; ///< cgroup v2 with a user systemd and systemd-run
        QString cgroupV1Cpu;       ///< writable root of the v1 cpu controller, or empty
        bool autogroup = false;    ///< kernel.sched_autogroup_enabled
        Mechanism weight() const;
        Mechanism weightWithLimit() const; ///< when the VM also has a limit
        Mechanism limit() const;
    };
    static Host detect();

    static constexpr int DefaultWeight = 100;
    static constexpr int MinWeight = 1;
    static constexpr int MaxWeight = 10000;

    /// The CPUs of a list such as "0-3,6", or nothing with @p why set (naming the CPUs this
    /// host has when one is not among them).
    static std::optional<QList<int>> parseCpuList(const QString &text, int hostCpus, QString &why);
    /// The nice value for @p weight (1..10000), clamped to -20..19.
    static int niceForWeight(int weight);

    /// Why @p r cannot be put in place on @p host, naming what the host supports, or empty.
    static QString check(const VmResources &r, const Host &host);

    /// Puts weight, limit and affinity of @p r in place for QEMU @p pid of VM @p vm, whose
    /// vCPUs run on @p vcpuThreads. Empty, or what failed (check() first: then only the
    /// kernel's refusals remain).
    static QString apply(qint64 pid, const QUuid &vm, const QList<qint64> &vcpuThreads,
                         const VmResources &r, const Host &host);

    /// Removes @p vm's cgroup v1 cpu group (made for a CPU limit) once no process is left in
    /// it: when its QEMU has ended. The kernel refuses to remove a group in use, so this is
    /// safe to call at any time; it does nothing elsewhere.
    static void release(const QUuid &vm);

    /// The systemd unit of @p vm's scope ("berth-<uuid>.scope").
    static QString scopeUnit(const QUuid &vm);
    /// The command QEMU is started under on a SystemdScope host (systemd-run --user --scope
    /// ...), or empty elsewhere.
    static QStringList launchPrefix(const QUuid &vm, const Host &host);
};
