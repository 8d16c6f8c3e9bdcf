// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/stats/statssampler.h"

#include "models/common/procstat.h"
#include "models/vm/vmdevices.h"
#include "models/vm/vminstance.h"
#include "models/vm/vmlifecycle.h"
#include "qmp/qemumonitor.h"
#include "qmp/qmpclient.h"

#include <QDateTime>
#include <QPointer>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr float kMiB = 1024.0f * 1024.0f;

/// A balloon statistic in MiB, or NaN for one the guest has not reported.
float toMiB(const std::optional<quint64> &bytes)
{
    return bytes ? float(double(*bytes) / kMiB) : VmStatsSample::Unknown;
}

} // namespace

struct StatsSampler::Tracked
{
    QPointer<VmInstance> vm;
    QUuid uuid;
    StatsHistory history;

    // The run the counters below belong to; 0 while the VM does not run.
    qint64 pid = 0;
    qint64 prevNs = -1;
    quint64 prevTicks = 0;

    struct Thread
    {
        qint64 tid = 0;
        qint64 prevNs = -1;
        quint64 prevTicks = 0;
    };
    QList<Thread> vcpus; ///< by cpu-index
    bool cpusAsked = false;

    bool pollingSet = false;
    bool noBalloon = false;
    qint64 prevDiskNs = -1;
    quint64 prevRead = 0;
    quint64 prevWritten = 0;

    // In flight: the sample of tick pendingTick waits for `waiting` answers.
    QPointer<QmpClient> askedClient;
    int inFlight = 0; ///< answers not yet arrived, from whatever tick
    int waiting = 0;  ///< answers the pending sample still waits for
    bool hasPending = false;
    quint64 pendingTick = 0;
    VmStatsSample pending;
    VmStatsSample last; ///< newest committed sample of the current run

    void resetRun(qint64 newPid)
    {
        pid = newPid;
        prevNs = -1;
        prevTicks = 0;
        vcpus.clear();
        cpusAsked = false;
        pollingSet = false;
        noBalloon = false;
        prevDiskNs = -1;
        hasPending = false;
        waiting = 0;
        last = {};
    }
};

StatsSampler::StatsSampler(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
    m_intervalMs = AppSettings::statsIntervalMs();
    m_timer.setInterval(m_intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &StatsSampler::tick);
    m_host.cpuCount = ProcStat::hostCpuCount();
}

StatsSampler::~StatsSampler() = default;

void StatsSampler::setInterval(int milliseconds)
{
    m_intervalMs = std::clamp(milliseconds, MinIntervalMs, MaxIntervalMs);
    m_timer.setInterval(m_intervalMs);
    for (auto &[uuid, t] : m_vms)
        t->pollingSet = false; // the balloon follows on the next tick
}

void StatsSampler::start()
{
    if (!m_timer.isActive()) {
        m_timer.start();
        tick(); // a baseline now, so the first rates come after one interval
    }
}

void StatsSampler::stop()
{
    m_timer.stop();
}

void StatsSampler::track(VmInstance *vm)
{
    const QUuid uuid = vm->definition().uuid;
    auto &slot = m_vms[uuid];
    if (slot && slot->vm == vm)
        return;
    slot = std::make_unique<Tracked>();
    slot->vm = vm;
    slot->uuid = uuid;
    connect(vm, &QObject::destroyed, this, [this, uuid, vm] {
        const auto it = m_vms.find(uuid);
        if (it != m_vms.end() && (it->second->vm == vm || it->second->vm.isNull()))
            m_vms.erase(it);
    });
}

bool StatsSampler::isTracking(const QUuid &uuid) const
{
    return find(uuid) != nullptr;
}

StatsSampler::Tracked *StatsSampler::find(const QUuid &uuid) const
{
    const auto it = m_vms.find(uuid);
    return it == m_vms.end() ? nullptr : it->second.get();
}

const StatsHistory *StatsSampler::history(const QUuid &uuid) const
{
    const Tracked *t = find(uuid);
    return t ? &t->history : nullptr;
}

VmStatsSample StatsSampler::latest(const QUuid &uuid) const
{
    const Tracked *t = find(uuid);
    return t && t->pid != 0 ? t->last : VmStatsSample{};
}

void StatsSampler::tick()
{
    // Whatever the previous tick still waits for is late: commit it without.
    commitAll();
    ++m_tick;
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const qint64 nowNs = m_clock.nsecsElapsed();
    for (auto &[uuid, t] : m_vms)
        sampleVm(*t, nowMs, nowNs);
    sampleHost();
    emitIfComplete();
}

void StatsSampler::sampleVm(Tracked &t, qint64 nowMs, qint64 nowNs)
{
    const VmInstance *vm = t.vm.data();
    const qint64 pid = vm ? vm->pid() : 0;
    const bool runs = pid != 0 && VmLifecycle::hasMonitor(vm->state());
    if (!runs) {
        if (t.pid != 0) {
            t.history.appendGap(nowMs);
            t.resetRun(0);
        }
        return;
    }
    if (pid != t.pid) {
        t.history.appendGap(nowMs);
        t.resetRun(pid);
    }

    const std::optional<quint64> ticks = ProcStat::processCpuTicks(pid);
    const std::optional<quint64> rss = ProcStat::residentBytes(pid);
    if (!ticks || !rss) { // gone between the pid check and now: the watcher will say so
        t.history.appendGap(nowMs);
        t.resetRun(pid);
        return;
    }
    const double hz = double(ProcStat::ticksPerSecond());
    auto percent = [hz](quint64 now, quint64 before, qint64 ns) {
        if (ns <= 0 || now < before)
            return VmStatsSample::Unknown;
        return float(double(now - before) / hz / (double(ns) / 1e9) * 100.0);
    };

    VmStatsSample s;
    s.timeMs = nowMs;
    s.rssMiB = float(double(*rss) / kMiB);
    if (t.prevNs >= 0)
        s.cpuPercent = percent(*ticks, t.prevTicks, nowNs - t.prevNs);
    t.prevNs = nowNs;
    t.prevTicks = *ticks;

    bool threadGone = false;
    for (Tracked::Thread &thread : t.vcpus) {
        const std::optional<quint64> tt = ProcStat::threadCpuTicks(pid, thread.tid);
        if (!tt) {
            threadGone = true;
            s.vcpuPercent.append(VmStatsSample::Unknown);
            continue;
        }
        s.vcpuPercent.append(thread.prevNs >= 0
                                 ? percent(*tt, thread.prevTicks, nowNs - thread.prevNs)
                                 : VmStatsSample::Unknown);
        thread.prevNs = nowNs;
        thread.prevTicks = *tt;
    }
    if (threadGone)
        t.cpusAsked = false; // vCPUs were unplugged, or QEMU is going: ask again

    t.pending = s;
    t.hasPending = true;
    t.pendingTick = m_tick;
    t.waiting = 0;
    askQmp(t);
    if (t.waiting == 0)
        commit(t);
}

void StatsSampler::askQmp(Tracked &t)
{
    QmpClient *qmp = t.vm ? t.vm->qmp() : nullptr;
    if (t.askedClient != qmp) {
        t.askedClient = qmp; // answers from an earlier client died with it
        t.inFlight = 0;
    }
    if (!qmp || !qmp->isReady() || t.inFlight > 0)
        return;
    const QemuMonitor monitor(*qmp);
    const QUuid uuid = t.uuid;
    const quint64 tickId = m_tick;
    const qint64 pid = t.pid;

    if (!t.cpusAsked) {
        t.cpusAsked = true;
        ++t.inFlight;
        monitor.queryCpusFast(
            this, [this, uuid, pid](const QmpResult<QList<QemuCpu>> &r) { onCpus(uuid, pid, r); });
    }
    if (!t.pollingSet && !t.noBalloon) {
        t.pollingSet = true;
        // Whole seconds; a CLI sampling at another pace uses the same device, so only
        // ever make the polling faster, never slower than someone else set it.
        const int seconds = std::max(1, (m_intervalMs + 999) / 1000);
        ++t.inFlight;
        monitor.balloonStatsPollingInterval(
            VmDevices::Balloon, this,
            [this, uuid, seconds, qmp = QPointer<QmpClient>(qmp)](const QmpResult<int> &r) {
                Tracked *tracked = find(uuid);
                if (!tracked)
                    return;
                if (tracked->askedClient == qmp)
                    tracked->inFlight = std::max(0, tracked->inFlight - 1);
                if (!r) {
                    tracked->noBalloon = true;
                    return;
                }
                if (qmp && (*r == 0 || *r > seconds))
                    QemuMonitor(*qmp).setBalloonStatsPollingInterval(VmDevices::Balloon, seconds,
                                                                     this);
            });
    }
    t.inFlight += 2;
    t.waiting += 2;
    monitor.queryBlockStats(this, [this, uuid, tickId](const QmpResult<QList<QemuBlockStats>> &r) {
        onBlockStats(uuid, tickId, r);
    });
    if (t.noBalloon) {
        --t.inFlight;
        --t.waiting;
        return;
    }
    monitor.balloonGuestStats(VmDevices::Balloon, this,
                              [this, uuid, tickId](const QmpResult<QemuGuestMemoryStats> &r) {
                                  onGuestStats(uuid, tickId, r);
                              });
}

void StatsSampler::onCpus(const QUuid &uuid, qint64 pid, const QmpResult<QList<QemuCpu>> &result)
{
    Tracked *t = find(uuid);
    if (!t)
        return;
    t->inFlight = std::max(0, t->inFlight - 1);
    if (!result || t->pid != pid)
        return;
    QList<std::pair<int, qint64>> cpus;
    for (const QemuCpu &cpu : *result)
        cpus.append({cpu.index, cpu.threadId});
    std::sort(cpus.begin(), cpus.end());
    // A baseline now, so the first percentages come at the next tick.
    const qint64 nowNs = m_clock.nsecsElapsed();
    QList<Tracked::Thread> threads;
    for (const auto &[index, tid] : cpus) {
        Tracked::Thread thread;
        thread.tid = tid;
        if (const std::optional<quint64> tt = ProcStat::threadCpuTicks(pid, tid)) {
            thread.prevNs = nowNs;
            thread.prevTicks = *tt;
        }
        threads.append(thread);
    }
    t->vcpus = threads;
}

void StatsSampler::onBlockStats(const QUuid &uuid, quint64 tick,
                                const QmpResult<QList<QemuBlockStats>> &result)
{
    Tracked *t = find(uuid);
    if (!t)
        return;
    t->inFlight = std::max(0, t->inFlight - 1);
    if (result) {
        quint64 read = 0;
        quint64 written = 0;
        for (const QemuBlockStats &device : *result) {
            read += device.readBytes;
            written += device.writtenBytes;
        }
        const qint64 nowNs = m_clock.nsecsElapsed();
        if (t->prevDiskNs >= 0 && tick == t->pendingTick && t->hasPending && read >= t->prevRead &&
            written >= t->prevWritten && nowNs > t->prevDiskNs) {
            const double seconds = double(nowNs - t->prevDiskNs) / 1e9;
            t->pending.diskReadBps = float(double(read - t->prevRead) / seconds);
            t->pending.diskWriteBps = float(double(written - t->prevWritten) / seconds);
        }
        t->prevDiskNs = nowNs;
        t->prevRead = read;
        t->prevWritten = written;
    }
    if (tick == t->pendingTick)
        answerArrived(*t);
}

void StatsSampler::onGuestStats(const QUuid &uuid, quint64 tick,
                                const QmpResult<QemuGuestMemoryStats> &result)
{
    Tracked *t = find(uuid);
    if (!t)
        return;
    t->inFlight = std::max(0, t->inFlight - 1);
    if (!result && tick == t->pendingTick)
        t->noBalloon = true; // no such device (or property): stop asking this run
    // The statistics stay unknown until the guest's driver has reported once.
    if (result && tick == t->pendingTick && t->hasPending && result->hasReported()) {
        const float total = toMiB(result->totalBytes);
        float available = toMiB(result->availableBytes);
        if (!VmStatsSample::known(available)) { // kernels before 3.14: free + caches
            const float free = toMiB(result->freeBytes);
            const float caches = toMiB(result->diskCacheBytes);
            if (VmStatsSample::known(free) && VmStatsSample::known(caches))
                available = free + caches;
        }
        t->pending.guestTotalMiB = total;
        t->pending.guestAvailableMiB = available;
        if (VmStatsSample::known(total) && VmStatsSample::known(available) && available <= total)
            t->pending.guestUsedMiB = total - available;
    }
    if (tick == t->pendingTick)
        answerArrived(*t);
}

void StatsSampler::answerArrived(Tracked &t)
{
    if (!t.hasPending)
        return;
    if (--t.waiting > 0)
        return;
    commit(t);
    emitIfComplete();
}

void StatsSampler::commit(Tracked &t)
{
    if (!t.hasPending)
        return;
    t.hasPending = false;
    t.waiting = 0;
    t.history.append(t.pending);
    t.last = t.pending;
}

void StatsSampler::commitAll()
{
    for (auto &[uuid, t] : m_vms)
        commit(*t);
    emitIfComplete();
}

void StatsSampler::emitIfComplete()
{
    if (m_emittedTick == m_tick)
        return;
    for (const auto &[uuid, t] : m_vms) {
        if (t->hasPending)
            return;
    }
    m_emittedTick = m_tick;
    // The VMs' share of the host, from the samples just committed.
    m_host.committedMiB = committedMiB();
    m_host.vmCpuPercent = 0;
    m_host.runningVms = 0;
    for (const auto &[uuid, t] : m_vms) {
        if (t->pid == 0)
            continue;
        ++m_host.runningVms;
        if (VmStatsSample::known(t->last.cpuPercent))
            m_host.vmCpuPercent += t->last.cpuPercent;
    }
    Q_EMIT sampled();
}

void StatsSampler::sampleHost()
{
    if (const std::optional<ProcStat::HostCpuTimes> cpu = ProcStat::hostCpuTimes()) {
        if (m_prevHostTotal != 0 && cpu->total > m_prevHostTotal && cpu->busy >= m_prevHostBusy)
            m_host.cpuPercent = float(double(cpu->busy - m_prevHostBusy) /
                                      double(cpu->total - m_prevHostTotal) * 100.0);
        m_prevHostBusy = cpu->busy;
        m_prevHostTotal = cpu->total;
    }
    if (const std::optional<ProcStat::HostMemory> memory = ProcStat::hostMemory()) {
        m_host.memoryTotalBytes = memory->totalBytes;
        m_host.memoryAvailableBytes = memory->availableBytes;
    }
}

qint64 StatsSampler::committedMiB() const
{
    qint64 sum = 0;
    for (const auto &[uuid, t] : m_vms) {
        if (t->vm && t->vm->pid() != 0)
            sum += t->vm->definition().memoryMiB;
    }
    return sum;
}
