// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/settings/appsettings.h"
#include "models/stats/statshistory.h"
#include "qmp/qmpresult.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QUuid>

#include <map>
#include <memory>

class VmInstance;
struct QemuBlockStats;
struct QemuCpu;
struct QemuGuestMemoryStats;

/// The host as the stats sampler last saw it.
struct HostStats
{
    float cpuPercent = VmStatsSample::Unknown; ///< all cores together: 100 = every core busy
    int cpuCount = 1;
    qint64 memoryTotalBytes = 0;
    qint64 memoryAvailableBytes = 0;
    qint64 committedMiB = 0; ///< memory given to the running VMs being tracked
    float vmCpuPercent = 0;  ///< their QEMUs together; 100 = one core busy
    int runningVms = 0;
};

/// Samples every tracked VM that runs, in one batch per tick of one timer (no timer per
/// VM), into a bounded StatsHistory each.
///
/// Per VM and tick:
///   /proc/<pid>/stat         CPU of the QEMU process (utime + stime)
///   /proc/<pid>/task/<tid>   CPU of each vCPU thread; the thread ids come from QMP
///                            query-cpus-fast, asked once per run (again if one vanishes)
///   /proc/<pid>/statm        QEMU's resident memory
///   QMP query-blockstats     disk bytes read and written, as rates
///   QMP qom-get guest-stats  the guest's memory, from the virtio-balloon driver
///                            (VmDevices::Balloon); polling is switched on once per run
///                            (guest-stats-polling-interval)
/// Network: QEMU 7.2 has no per-NIC counters over QMP (no netdev statistics; query-stats
/// covers KVM only), so netRxBps/netTxBps stay unknown and the UI says "not available".
///
/// QMP goes over each VM's own monitor connection (VmInstance::qmp(), through QemuMonitor),
/// asynchronously; a VM whose previous answers are still pending gets no new commands. A
/// tick's samples are committed and sampled() emitted once every answer is in, or at the next
/// tick at the latest. VMs may start, stop or be killed at any moment: a /proc file that has
/// gone ends that VM's sample for the tick, and the history gets a gap.
class StatsSampler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatsSampler)

public:
    static constexpr int DefaultIntervalMs = AppSettings::DefaultStatsIntervalMs;
    static constexpr int MinIntervalMs = AppSettings::MinStatsIntervalMs;
    static constexpr int MaxIntervalMs = AppSettings::MaxStatsIntervalMs;

    /// Reads the interval from AppSettings::statsIntervalMs() (`stats/intervalMs`, set by
    /// the Preferences dialog); call start() to begin sampling.
    explicit StatsSampler(QObject *parent = nullptr);
    ~StatsSampler() override;

    int intervalMs() const { return m_intervalMs; }
    /// Clamped to [MinIntervalMs, MaxIntervalMs]; takes effect at once (also for the
    /// balloon's polling interval). Does not write QSettings.
    void setInterval(int milliseconds);

    void start();
    void stop();
    bool isActive() const { return m_timer.isActive(); }

    /// Samples @p vm from now on while it runs; not owned (forgotten when destroyed).
    void track(VmInstance *vm);
    bool isTracking(const QUuid &uuid) const;

    /// The history of a tracked VM; null when it is not tracked.
    const StatsHistory *history(const QUuid &uuid) const;
    /// The newest sample of a tracked VM (timeMs 0 when there is none, or when the VM
    /// is not running now).
    VmStatsSample latest(const QUuid &uuid) const;
    HostStats host() const { return m_host; }

Q_SIGNALS:
    /// Once per tick, when the samples of every running VM are in.
    void sampled();

private:
    struct Tracked;

    void tick();
    void sampleHost();
    void sampleVm(Tracked &t, qint64 nowMs, qint64 nowNs);
    void askQmp(Tracked &t);
    void onBlockStats(const QUuid &uuid, quint64 tick,
                      const QmpResult<QList<QemuBlockStats>> &result);
    void onGuestStats(const QUuid &uuid, quint64 tick,
                      const QmpResult<QemuGuestMemoryStats> &result);
    void onCpus(const QUuid &uuid, qint64 pid, const QmpResult<QList<QemuCpu>> &result);
    void answerArrived(Tracked &t);
    void commit(Tracked &t);
    void commitAll();
    void emitIfComplete();
    Tracked *find(const QUuid &uuid) const;
    qint64 committedMiB() const;

    int m_intervalMs = DefaultIntervalMs;
    QTimer m_timer;
    QElapsedTimer m_clock;
    quint64 m_tick = 0;
    quint64 m_emittedTick = 0;
    std::map<QUuid, std::unique_ptr<Tracked>> m_vms;
    HostStats m_host;
    quint64 m_prevHostBusy = 0;
    quint64 m_prevHostTotal = 0;
};
