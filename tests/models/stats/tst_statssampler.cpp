// SPDX-License-Identifier: GPL-2.0-or-later
// StatsSampler against real QEMUs booting the tiny test guest under TCG:
//   "spin"  2 vCPUs, berth.spin=1 (one busy loop), berth.meminfo (the guest prints its
//           /proc/meminfo on serial before each tick), berth.eat=48 (at tick 30 the guest
//           fills 48 MiB of its memory)
//   "idle"  1 vCPU, berth.noballoon (no virtio_balloon driver: no memory reports)
// and `berth stats` through the real binary on the same VMs.
#include "models/common/procstat.h"
#include "models/stats/statssampler.h"
#include "models/vm/vminstance.h"
#include "models/vm/vmlayout.h"
#include "models/vm/vmlibrary.h"
#include "tests/support/berthrun.h"
#include "tests/support/testguest.h"
#include "tests/support/verifyoutcome.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <csignal>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kBootTimeoutMs = 120'000;
constexpr int kIntervalMs = 500;

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

float median(QList<float> values)
{
    values.removeIf([](float v) { return !VmStatsSample::known(v); });
    if (values.isEmpty())
        return VmStatsSample::Unknown;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

int lastTick(const QByteArray &serial)
{
    static const QRegularExpression re(u"BERTH-TICK (\\d+)"_s);
    int last = -1;
    for (auto it = re.globalMatch(QString::fromLatin1(serial)); it.hasNext();)
        last = it.next().captured(1).toInt();
    return last;
}

/// The busiest thread of @p pid per /proc/<pid>/task/<tid>/schedstat: the nanoseconds it
/// ran and waited to run (runnable but another task had the core).
struct ThreadTimes
{
    qint64 tid = 0;
    double runNs = 0;
    double waitNs = 0;
};
QHash<qint64, ThreadTimes> threadTimes(qint64 pid)
{
    QHash<qint64, ThreadTimes> out;
    const QStringList tids =
        QDir(u"/proc/%1/task"_s.arg(pid)).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &tid : tids) {
        const QList<QByteArray> f =
            readFile(u"/proc/%1/task/%2/schedstat"_s.arg(pid).arg(tid)).split(' ');
        if (f.size() >= 2)
            out.insert(tid.toLongLong(), {tid.toLongLong(), f[0].toDouble(), f[1].toDouble()});
    }
    return out;
}

/// The last "BERTH-MEMINFO" line's values in kB, by key ("MemTotal"...).
QHash<QString, qint64> lastMeminfo(const QByteArray &serial)
{
    static const QRegularExpression line(u"BERTH-MEMINFO ([^\\r\\n]*)"_s);
    QHash<QString, qint64> out;
    QString last;
    for (auto it = line.globalMatch(QString::fromLatin1(serial)); it.hasNext();)
        last = it.next().captured(1);
    for (const QString &pair : last.split(u' ', Qt::SkipEmptyParts))
        out.insert(pair.section(u':', 0, 0), pair.section(u':', 1).toLongLong());
    return out;
}

} // namespace

class TestStatsSampler final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcessEnvironment m_env;
    std::unique_ptr<VmLibrary> m_library;
    std::vector<std::unique_ptr<VmInstance>> m_vms;
    StatsSampler *m_sampler = nullptr;

    QString runtimeDir() const { return m_dir.filePath(u"run"_s); }

    /// Creates, starts and boots a VM to its READY line.
    VmInstance *boot(const QString &name, const QString &args, int cpus)
    {
        VmDefinition d = TestGuest::definition(name, u"console=ttyS0 quiet "_s + args);
        d.cpus = cpus;
        if (const Outcome<> created = m_library->create(d); !created) {
            qWarning("create: %s", qPrintable(created.failure().message()));
            return nullptr;
        }
        const VmEntry *e = m_library->find(name);
        auto vm =
            std::make_unique<VmInstance>(e->definition, e->folder, VmInstance::MonitorRole::Gui);
        QSignalSpy started(vm.get(), &VmInstance::started);
        QSignalSpy failed(vm.get(), &VmInstance::actionFailed);
        vm->start();
        if (!QTest::qWaitFor([&] { return !started.isEmpty() || !failed.isEmpty(); },
                             kBootTimeoutMs) ||
            !failed.isEmpty()) {
            qWarning("start of %s failed: %s", qPrintable(name),
                     qPrintable(failed.isEmpty() ? u"no answer"_s : failed[0][1].toString()));
            return nullptr;
        }
        const QString serial = VmLayout::ofFolder(e->folder).serialLogPath();
        if (!QTest::qWaitFor([&] { return readFile(serial).contains("BERTH-GUEST-READY"); },
                             kBootTimeoutMs)) {
            qWarning("%s did not boot", qPrintable(name));
            return nullptr;
        }
        m_vms.push_back(std::move(vm));
        return m_vms.back().get();
    }

    VmInstance *vm(const QString &name) const
    {
        for (const auto &v : m_vms) {
            if (v->definition().name == name)
                return v.get();
        }
        return nullptr;
    }

    /// Waits for @p ticks more sampled() signals.
    bool waitTicks(int ticks)
    {
        QSignalSpy spy(m_sampler, &StatsSampler::sampled);
        return QTest::qWaitFor([&] { return spy.size() >= ticks; }, ticks * kIntervalMs * 20);
    }

    BerthRun berth(const QStringList &args)
    {
        return BerthRun::run(QStringLiteral(BERTH_BINARY), args, m_env, 60'000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(TestGuest::isAvailable(), "the test guest is not built (BERTH_TEST_GUEST_DIR; run "
                                           "through ctest, whose fixture builds it)");
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(runtimeDir()));
        QFile::setPermissions(runtimeDir(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtimeDir()));
        m_library = std::make_unique<VmLibrary>(m_dir.filePath(u"library"_s));
        QVERIFY_OUTCOME(m_library->reload());
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(u"BERTH_LIBRARY"_s, m_library->root());
        m_env.insert(u"XDG_RUNTIME_DIR"_s, runtimeDir());
        m_env.remove(u"DISPLAY"_s);
        m_env.remove(u"WAYLAND_DISPLAY"_s);
        m_env.remove(u"QT_QPA_PLATFORM"_s);

        m_sampler = new StatsSampler(this);
        m_sampler->setInterval(kIntervalMs);
        QVERIFY(boot(u"spin"_s, u"berth.spin=1 berth.meminfo berth.eat=48"_s, 2));
        QVERIFY(boot(u"idle"_s, u"berth.noballoon"_s, 1));
        m_sampler->track(vm(u"spin"_s));
        m_sampler->track(vm(u"idle"_s));
        m_sampler->start();
    }

    void cleanupTestCase()
    {
        delete m_sampler;
        m_vms.clear();
        TestGuest::killLeftoverQemus(runtimeDir());
    }

    void spinningGuestShowsOnItsVcpuIdleOneStaysLow()
    {
        const QUuid spin = vm(u"spin"_s)->definition().uuid;
        const QUuid idle = vm(u"idle"_s)->definition().uuid;
        const qint64 spinPid = vm(u"spin"_s)->pid();
        QVERIFY(waitTicks(2)); // the vCPU baselines are in
        const std::optional<quint64> before = ProcStat::processCpuTicks(spinPid);
        const QHash<qint64, ThreadTimes> threadsBefore = threadTimes(spinPid);
        QElapsedTimer wall;
        wall.start();
        const int first = m_sampler->history(spin)->size();
        QVERIFY(waitTicks(8));
        const std::optional<quint64> after = ProcStat::processCpuTicks(spinPid);
        const QHash<qint64, ThreadTimes> threadsAfter = threadTimes(spinPid);
        const double wallNs = double(wall.nsecsElapsed());
        // The kernel's view of the busiest thread (the spinning vCPU): how much it ran, and
        // how much it wanted to (ran or waited on a busy host's run queue).
        double runShare = 0;
        double waitShare = 0;
        for (const ThreadTimes &t : threadsAfter) {
            const ThreadTimes b = threadsBefore.value(t.tid);
            if ((t.runNs - b.runNs) / wallNs > runShare) {
                runShare = (t.runNs - b.runNs) / wallNs;
                waitShare = (t.waitNs - b.waitNs) / wallNs;
            }
        }
        const double hostView = double(*after - *before) / double(ProcStat::ticksPerSecond()) /
                                (double(wall.elapsed()) / 1000.0) * 100.0;

        const StatsHistory *s = m_sampler->history(spin);
        const StatsHistory *i = m_sampler->history(idle);
        QCOMPARE(s->vcpuCount(), 2);
        QCOMPARE(i->vcpuCount(), 1);
        QList<float> busiest;
        QList<float> process;
        QList<float> idleVcpu;
        for (int n = first; n < s->size(); ++n) {
            busiest.append(std::max(s->vcpuAt(0, n), s->vcpuAt(1, n)));
            process.append(s->valueAt(StatsHistory::Cpu, n));
        }
        for (int n = i->size() - (s->size() - first); n < i->size(); ++n)
            idleVcpu.append(i->vcpuAt(0, n));
        const float spinVcpu = median(busiest);
        const float spinProcess = median(process);
        const float idleOne = median(idleVcpu);
        qInfo("spinning vCPU %.1f %% (the kernel: ran %.1f %%, waited for a core %.1f %%), its "
              "QEMU %.1f %% (the kernel: %.1f %%), idle vCPU %.1f %%",
              double(spinVcpu), runShare * 100, waitShare * 100, double(spinProcess), hostView,
              double(idleOne));
        // Well over half a core, unless this (shared, 2-core) host had no more to give: then
        // the thread spent the rest runnable, waiting for a core.
        QVERIFY2(spinVcpu > 50 || (runShare + waitShare > 0.9 && waitShare > 0.3),
                 qPrintable(QString::number(spinVcpu)));
        QVERIFY2(std::abs(double(spinVcpu) - runShare * 100) < 15,
                 qPrintable(u"%1 vs %2"_s.arg(spinVcpu).arg(runShare * 100)));
        QVERIFY(idleOne < spinVcpu / 4);
        // The process includes the vCPU threads; and the sampler agrees with the kernel's
        // own count over the same stretch of time.
        QVERIFY(spinProcess >= spinVcpu * 0.9f);
        QVERIFY2(std::abs(double(spinProcess) - hostView) < std::max(15.0, hostView * 0.25),
                 qPrintable(u"%1 vs %2"_s.arg(spinProcess).arg(hostView)));
        // QEMU's resident memory is there and plausible for a 256 MiB guest.
        const VmStatsSample latest = m_sampler->latest(spin);
        QVERIFY(latest.rssMiB > 10 && latest.rssMiB < 2048);
        QVERIFY(!VmStatsSample::known(latest.netRxBps));   // QEMU 7.2 does not count it
        QVERIFY(VmStatsSample::known(latest.diskReadBps)); // no disks: 0 B/s, known
        QCOMPARE(latest.diskReadBps, 0.0f);
    }

    void guestMemoryMatchesWhatTheGuestSays()
    {
        // The guest's driver reports once when it loads; after that only the polling the
        // sampler switches on keeps the numbers current. At tick 30 the guest fills 48 MiB:
        // the sampler must see that, and agree with the guest's own /proc/meminfo.
        const VmInstance *v = vm(u"spin"_s);
        const QUuid uuid = v->definition().uuid;
        const QString serial = v->layout().serialLogPath();
        QVERIFY(QTest::qWaitFor(
            [&] { return VmStatsSample::known(m_sampler->latest(uuid).guestUsedMiB); }, 20'000));
        QVERIFY2(lastTick(readFile(serial)) < 28, "the guest is too far along to see it change");
        QVERIFY(QTest::qWaitFor([&] { return lastTick(readFile(serial)) >= 28; }, 60'000));
        QVERIFY(waitTicks(2));
        const VmStatsSample before = m_sampler->latest(uuid);
        QVERIFY(QTest::qWaitFor([&] { return lastTick(readFile(serial)) >= 34; }, 30'000));
        QVERIFY(waitTicks(2));
        const VmStatsSample after = m_sampler->latest(uuid);
        const QHash<QString, qint64> meminfo = lastMeminfo(readFile(serial));
        qInfo("guest used %.1f MiB at tick 28, %.1f MiB at tick 34; available %.1f MiB, the "
              "guest says %.1f MiB",
              double(before.guestUsedMiB), double(after.guestUsedMiB),
              double(after.guestAvailableMiB), double(meminfo.value(u"MemAvailable"_s)) / 1024);
        const float grew = after.guestUsedMiB - before.guestUsedMiB;
        QVERIFY2(grew > 48 * 0.8f && grew < 48 * 1.3f, qPrintable(QString::number(grew)));

        QVERIFY2(meminfo.value(u"MemTotal"_s) > 0, readFile(serial).right(300).constData());
        // MemTotal does not change: the balloon reports exactly the guest's number.
        QVERIFY2(
            std::abs(double(after.guestTotalMiB) * 1024 - double(meminfo.value(u"MemTotal"_s))) < 4,
            qPrintable(
                u"%1 MiB vs %2 kB"_s.arg(after.guestTotalMiB).arg(meminfo.value(u"MemTotal"_s))));
        // Available moves a little between the two readings (a second apart at most).
        const double availableKb = double(meminfo.value(u"MemAvailable"_s));
        QVERIFY2(std::abs(double(after.guestAvailableMiB) * 1024 - availableKb) <
                     availableKb * 0.05,
                 qPrintable(u"%1 MiB vs %2 kB"_s.arg(after.guestAvailableMiB).arg(availableKb)));
        QCOMPARE(after.guestUsedMiB, after.guestTotalMiB - after.guestAvailableMiB);
        QVERIFY(after.guestTotalMiB <= float(v->definition().memoryMiB));
        QVERIFY(after.guestTotalMiB > float(v->definition().memoryMiB) / 2);
    }

    void guestWithoutBalloonDriverReportsNothing()
    {
        const QUuid idle = vm(u"idle"_s)->definition().uuid;
        QVERIFY(waitTicks(4)); // well past the polling interval
        const StatsHistory *h = m_sampler->history(idle);
        for (int n = 0; n < h->size(); ++n) {
            QVERIFY(!VmStatsSample::known(h->valueAt(StatsHistory::GuestUsed, n)));
            QVERIFY(!VmStatsSample::known(h->valueAt(StatsHistory::GuestTotal, n)));
        }
        QVERIFY(VmStatsSample::known(m_sampler->latest(idle).cpuPercent));
    }

    void cliPrintsTheSameMeasures()
    {
        const BerthRun spin = berth({u"stats"_s, u"spin"_s, u"--json"_s});
        VERIFY_RUN(spin, 0);
        const QJsonObject s = spin.object();
        QCOMPARE(s.value("name"_L1).toString(), u"spin"_s);
        QCOMPARE(s.value("vcpu_percent"_L1).toArray().size(), 2);
        const QJsonArray vcpus = s.value("vcpu_percent"_L1).toArray();
        const double spinning = vcpus[0].toDouble() + vcpus[1].toDouble();
        QVERIFY2(spinning > 25, spin.out.constData());
        QVERIFY(s.value("cpu_percent"_L1).toDouble() >= spinning * 0.9);
        QCOMPARE(s.value("memory_total_mib"_L1).toInt(), 256);
        QVERIFY2(s.value("memory_used_mib"_L1).isDouble(), spin.out.constData());
        QVERIFY(s.value("memory_used_mib"_L1).toDouble() < 256);
        QVERIFY(s.value("rss_mib"_L1).toDouble() > 10);
        QCOMPARE(s.value("disk_read_bps"_L1), QJsonValue(0));
        QVERIFY(s.value("net_rx_bps"_L1).isNull());
        QVERIFY(s.value("net_tx_bps"_L1).isNull());

        const BerthRun idle = berth({u"stats"_s, u"idle"_s, u"--json"_s});
        VERIFY_RUN(idle, 0);
        const QJsonObject i = idle.object();
        QVERIFY(i.contains("memory_used_mib"_L1));
        QVERIFY2(i.value("memory_used_mib"_L1).isNull(), idle.out.constData());
        QVERIFY(i.value("cpu_percent"_L1).isDouble());
        QCOMPARE(i.value("vcpu_percent"_L1).toArray().size(), 1);
        QVERIFY2(i.value("vcpu_percent"_L1).toArray()[0].toDouble() < spinning / 3,
                 idle.out.constData());

        const BerthRun text = berth({u"stats"_s, u"idle"_s});
        VERIFY_RUN(text, 0);
        QVERIFY2(text.out.contains("not reported by the guest"), text.out.constData());

        // --watch: one JSON line per interval until interrupted (here: killed after 3).
        QProcess watch;
        watch.setProcessEnvironment(m_env);
        watch.start(QStringLiteral(BERTH_BINARY),
                    {u"stats"_s, u"spin"_s, u"--json"_s, u"--watch"_s, u"--interval"_s, u"300"_s});
        QVERIFY(watch.waitForStarted(10'000));
        QByteArray lines;
        QVERIFY(QTest::qWaitFor(
            [&] {
                lines += watch.readAllStandardOutput();
                return lines.count('\n') >= 3;
            },
            30'000));
        ::kill(pid_t(watch.processId()), SIGINT);
        QVERIFY(watch.waitForFinished(10'000));
        for (const QByteArray &line : lines.split('\n')) {
            if (line.isEmpty())
                continue;
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
            QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
            QVERIFY(doc.object().value("cpu_percent"_L1).isDouble());
        }

        // A VM that exists but does not run, and one that does not exist.
        VmDefinition neverStarted = TestGuest::definition(u"idle-stopped"_s);
        QVERIFY_OUTCOME(m_library->create(neverStarted));
        const BerthRun stopped = berth({u"stats"_s, u"idle-stopped"_s});
        VERIFY_RUN(stopped, 1);
        QVERIFY2(stopped.err.contains("is not running"), stopped.err.constData());
        const BerthRun unknown = berth({u"stats"_s, u"nobody"_s});
        VERIFY_RUN(unknown, 1);
        QVERIFY2(!unknown.err.contains("is not running"), unknown.err.constData());
    }

    void vmsStartedAndKilledDuringSampling()
    {
        StatsSampler fast;
        fast.setInterval(StatsSampler::MinIntervalMs);
        fast.track(vm(u"spin"_s));
        fast.track(vm(u"idle"_s));
        QSignalSpy ticks(&fast, &StatsSampler::sampled);
        fast.start();

        // A VM that starts while the sampler runs joins it; killed, it leaves a gap.
        VmDefinition d = TestGuest::definition(u"victim"_s);
        QVERIFY_OUTCOME(m_library->create(d));
        const VmEntry *e = m_library->find(u"victim"_s);
        auto victim =
            std::make_unique<VmInstance>(e->definition, e->folder, VmInstance::MonitorRole::Gui);
        fast.track(victim.get());
        QSignalSpy started(victim.get(), &VmInstance::started);
        victim->start();
        QVERIFY(QTest::qWaitFor([&] { return !started.isEmpty(); }, kBootTimeoutMs));
        const QUuid uuid = victim->definition().uuid;
        QVERIFY(QTest::qWaitFor([&] { return fast.latest(uuid).timeMs != 0; }, 10'000));

        // SIGKILL at once after a tick, while its QMP answers are in flight.
        QSignalSpy ended(victim.get(), &VmInstance::processEnded);
        QVERIFY(QTest::qWaitFor([&] { return ticks.size() >= 3; }, 10'000));
        const int before = int(ticks.size());
        QVERIFY(QTest::qWaitFor([&] { return ticks.size() > before; }, 10'000));
        ::kill(pid_t(victim->pid()), SIGKILL);
        QVERIFY(QTest::qWaitFor([&] { return !ended.isEmpty(); }, 10'000));
        const int afterKill = int(ticks.size());
        QVERIFY(QTest::qWaitFor([&] { return ticks.size() >= afterKill + 3; }, 10'000));
        QCOMPARE(fast.latest(uuid).timeMs, 0);
        const StatsHistory *h = fast.history(uuid);
        QVERIFY(h->size() >= 2);
        QVERIFY(!VmStatsSample::known(h->valueAt(StatsHistory::Cpu, h->size() - 1))); // the gap
        // The others went on being sampled throughout.
        QVERIFY(VmStatsSample::known(fast.latest(vm(u"spin"_s)->definition().uuid).cpuPercent));

        // Started again: the history goes on after the gap; then the instance goes away
        // in the middle of sampling.
        started.clear();
        victim->start();
        QVERIFY(QTest::qWaitFor([&] { return !started.isEmpty(); }, kBootTimeoutMs));
        QVERIFY(QTest::qWaitFor([&] { return fast.latest(uuid).timeMs != 0; }, 10'000));
        const qint64 pid = victim->pid();
        victim.reset(); // the QEMU keeps running, detached; the sampler forgets it
        QVERIFY(!fast.isTracking(uuid));
        const int afterDelete = int(ticks.size());
        QVERIFY(QTest::qWaitFor([&] { return ticks.size() >= afterDelete + 3; }, 10'000));
        ::kill(pid_t(pid), SIGKILL);
    }
};

QTEST_GUILESS_MAIN(TestStatsSampler)
#include "tst_statssampler.moc"
