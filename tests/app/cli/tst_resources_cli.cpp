// SPDX-License-Identifier: GPL-2.0-or-later
// Sharing the host, through the real berth binary and the tiny guest under TCG: the
// admission of `berth start` (an overcommitting start refused, --force), and the I/O limits
// of `berth set`, live and at start, as the guest sees them (its reads slow down), the memory
// target (the guest's MemTotal follows), CPU weights (two guests burning one host CPU) and
// affinity.
#include "tests/support/berthrun.h"
#include "tests/support/testguest.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestResourcesCli final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_runtime;
    QProcessEnvironment m_env;

    BerthRun berth(const QStringList &args, int timeoutMs = 120'000)
    {
        return BerthRun::run(QStringLiteral(BERTH_BINARY), args, m_env, timeoutMs);
    }

    static QString guestFile(const char *name)
    {
        return qEnvironmentVariable("BERTH_TEST_GUEST_DIR") + u'/' + QLatin1StringView(name);
    }

    /// The centiseconds of each "BERTH-READ 16 <cs>" line the guest printed so far.
    QList<int> reads(const QString &vm)
    {
        QList<int> times;
        static const QRegularExpression line(u"BERTH-READ 16 (\\d+)"_s);
        const QString log = QString::fromUtf8(berth({u"log"_s, vm}).out);
        for (auto it = line.globalMatch(log); it.hasNext();)
            times << it.next().captured(1).toInt();
        return times;
    }

    /// Waits for the guest's read that starts after this call, and returns how long it took
    /// (centiseconds), or -1.
    int nextRead(const QString &vm)
    {
        // The read under way may have begun before: the one after it begins after this call.
        const qsizetype seen = reads(vm).size();
        int took = -1;
        const bool arrived = QTest::qWaitFor(
            [&] {
                const QList<int> now = reads(vm);
                if (now.size() < seen + 2)
                    return false;
                took = now.at(seen + 1);
                return true;
            },
            120'000);
        return arrived ? took : -1;
    }

    /// How many threads of QEMU @p pid may run on exactly @p cpus (their Cpus_allowed_list).
    /// QEMU 7.2 names its threads only with debug-threads=on, so the vCPU thread is told
    /// apart by count: one vCPU, the rest are QEMU's other threads.
    static int threadsOn(qint64 pid, const QString &cpus)
    {
        int count = 0;
        const QString tasks = u"/proc/%1/task"_s.arg(pid);
        for (const QString &tid : QDir(tasks).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            QFile st(tasks + u'/' + tid + u"/status"_s);
            if (!st.open(QIODevice::ReadOnly))
                continue;
            for (const QByteArray &line : st.readAll().split('\n')) {
                if (line.startsWith("Cpus_allowed_list:") &&
                    QString::fromLatin1(line.mid(18).trimmed()) == cpus)
                    ++count;
            }
        }
        return count;
    }

    static int threadCount(qint64 pid)
    {
        return int(
            QDir(u"/proc/%1/task"_s.arg(pid)).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size());
    }

    QJsonObject status(const QString &vm) { return berth({u"status"_s, vm, u"--json"_s}).object(); }

private Q_SLOTS:
    void initTestCase()
    {
        if (!TestGuest::isAvailable())
            QSKIP("the test guest is not built (BERTH_TEST_GUEST_DIR)");
        QVERIFY(m_dir.isValid());
        m_runtime = m_dir.filePath(u"run"_s);
        QVERIFY(QDir().mkpath(m_runtime));
        QFile::setPermissions(m_runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(u"BERTH_LIBRARY"_s, m_dir.filePath(u"library"_s));
        m_env.insert(u"XDG_RUNTIME_DIR"_s, m_runtime);
        m_env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s)); // the ratio
        m_env.insert(u"LANG"_s, u"C.UTF-8"_s);
        m_env.remove(u"DISPLAY"_s);
        m_env.remove(u"WAYLAND_DISPLAY"_s);
    }

    void cleanupTestCase()
    {
        if (!m_runtime.isEmpty())
            TestGuest::killLeftoverQemus(m_runtime);
    }

    void overcommittingStartIsRefused()
    {
        VERIFY_RUN(berth({u"create"_s, u"small"_s, u"--memory"_s, u"256"_s, u"--accel"_s, u"tcg"_s,
                          u"--kernel"_s, guestFile("vmlinuz"), u"--initrd"_s,
                          guestFile("initrd.img"), u"--append"_s, u"console=ttyS0 quiet"_s}),
                   0);
        VERIFY_RUN(berth({u"start"_s, u"small"_s}), 0);
        const QJsonObject host = berth({u"host"_s, u"--json"_s}).object();
        QCOMPARE(host.value("committed_mib"_L1).toInteger(), 256);
        QCOMPARE(host.value("running"_L1).toArray().at(0).toObject().value("name"_L1).toString(),
                 u"small"_s);

        // Half the host may be given to VMs: 256 MiB run, a VM of half the host does not fit.
        VERIFY_RUN(berth({u"host"_s, u"--overcommit-ratio"_s, u"0.5"_s}), 0);
        const qint64 total = host.value("memory_total_mib"_L1).toInteger();
        const qint64 limit = qint64(total * 0.5);
        const qint64 big = limit - 128;
        VERIFY_RUN(berth({u"create"_s, u"big"_s, u"--memory"_s, QString::number(big), u"--accel"_s,
                          u"tcg"_s}),
                   0);
        const BerthRun refused = berth({u"start"_s, u"big"_s});
        VERIFY_RUN(refused, 1);
        const QString err = QString::fromUtf8(refused.err);
        QCOMPARE(err.count(u'\n'), 1);
        QVERIFY(refused.out.isEmpty());
        // The numbers: this VM, the total after it, what runs already, the host, the limit.
        const QLocale c(QLocale::C);
        for (const qint64 n : {big, big + 256, qint64(256), total, limit})
            QVERIFY2(err.contains(QLocale().toString(n)) || err.contains(c.toString(n)),
                     qPrintable(QString::number(n) + u": "_s + err));
        QVERIFY2(err.contains(u"--force"_s), qPrintable(err));
        QCOMPARE(status(u"big"_s).value("state"_L1).toString(), u"stopped"_s);

        // --force starts it all the same (the firmware alone: no disk), saying why it is risky.
        const BerthRun forced = berth({u"start"_s, u"big"_s, u"--force"_s});
        VERIFY_RUN(forced, 0);
        QVERIFY2(forced.err.contains("more than this computer can back"), forced.err.constData());
        QCOMPARE(status(u"big"_s).value("state"_L1).toString(), u"running"_s);
        QCOMPARE(berth({u"host"_s, u"--json"_s}).object().value("committed_mib"_L1).toInteger(),
                 big + 256);
        for (const QString &vm : {u"big"_s, u"small"_s})
            VERIFY_RUN(berth({u"stop"_s, vm, u"--force"_s, u"--timeout"_s, u"0"_s}), 0);
        VERIFY_RUN(berth({u"host"_s, u"--overcommit-ratio"_s, u"1"_s}), 0);
    }

    void ioLimitsApplyLiveAndAtStart()
    {
        const QString disk = m_dir.filePath(u"data.raw"_s);
        QCOMPARE(QProcess::execute(u"qemu-img"_s,
                                   {u"create"_s, u"-q"_s, u"-f"_s, u"raw"_s, disk, u"32M"_s}),
                 0);
        VERIFY_RUN(berth({u"create"_s, u"io"_s, u"--memory"_s, u"256"_s, u"--accel"_s, u"tcg"_s,
                          u"--disk"_s, disk, u"--kernel"_s, guestFile("vmlinuz"), u"--initrd"_s,
                          guestFile("initrd.img"), u"--append"_s,
                          u"console=ttyS0 quiet berth.readdisk=16"_s}),
                   0);
        VERIFY_RUN(berth({u"start"_s, u"io"_s}), 0);
        QVERIFY(nextRead(u"io"_s) >= 0); // reads run, unlimited

        // 4 MiB/s, live: 16 MiB take about 4 s.
        const BerthRun set = berth({u"set"_s, u"io"_s, u"--io-read-bps"_s, u"4M"_s, u"--json"_s});
        VERIFY_RUN(set, 0);
        QCOMPARE(set.object().value("changed"_L1).toArray().at(0).toString(), u"io-read-bps"_s);
        QCOMPARE(
            status(u"io"_s).value("resources"_L1).toObject().value("io_read_bps"_L1).toInteger(),
            4 * 1024 * 1024);
        const int limited = nextRead(u"io"_s);
        QVERIFY2(limited > 250, qPrintable(QString::number(limited)));

        // Kept: the next start has the limit from its first read on.
        VERIFY_RUN(berth({u"stop"_s, u"io"_s, u"--force"_s, u"--timeout"_s, u"0"_s}), 0);
        VERIFY_RUN(berth({u"start"_s, u"io"_s}), 0);
        QVERIFY(QTest::qWaitFor([&] { return !reads(u"io"_s).isEmpty(); }, 120'000));
        const QList<int> first = reads(u"io"_s);
        QVERIFY2(first.last() > 250, qPrintable(QString::number(first.last())));

        // none lifts it; the definition says so.
        VERIFY_RUN(berth({u"set"_s, u"io"_s, u"--io-read-bps"_s, u"none"_s}), 0);
        QVERIFY(!status(u"io"_s).contains("resources"_L1));
        VERIFY_RUN(berth({u"stop"_s, u"io"_s, u"--force"_s, u"--timeout"_s, u"0"_s}), 0);
    }

    void memoryTargetShowsInTheGuest()
    {
        VERIFY_RUN(
            berth({u"create"_s, u"mem"_s, u"--memory"_s, u"256"_s, u"--accel"_s, u"tcg"_s,
                   u"--kernel"_s, guestFile("vmlinuz"), u"--initrd"_s, guestFile("initrd.img"),
                   u"--append"_s, u"console=ttyS0 quiet berth.meminfo"_s}),
            0);
        VERIFY_RUN(berth({u"start"_s, u"mem"_s}), 0);
        const auto memTotal = [&] {
            static const QRegularExpression line(u"BERTH-MEMINFO MemTotal:(\\d+)"_s);
            const QString log = QString::fromUtf8(berth({u"log"_s, u"mem"_s}).out);
            qint64 last = -1;
            for (auto it = line.globalMatch(log); it.hasNext();)
                last = it.next().captured(1).toLongLong();
            return last; // kB
        };
        QVERIFY(QTest::qWaitFor([&] { return memTotal() > 0; }, 120'000));
        const qint64 before = memTotal();

        // 160 MiB of 256: the balloon takes 96 MiB, and the guest's MemTotal follows.
        VERIFY_RUN(berth({u"set"_s, u"mem"_s, u"--memory-target"_s, u"160"_s}), 0);
        QVERIFY2(QTest::qWaitFor([&] { return memTotal() <= before - 90 * 1024; }, 60'000),
                 qPrintable(u"MemTotal %1 kB, before %2 kB"_s.arg(memTotal()).arg(before)));
        QCOMPARE(
            status(u"mem"_s).value("resources"_L1).toObject().value("memory_target_mib"_L1).toInt(),
            160);
        // none gives it all back.
        VERIFY_RUN(berth({u"set"_s, u"mem"_s, u"--memory-target"_s, u"none"_s}), 0);
        QVERIFY2(QTest::qWaitFor([&] { return memTotal() >= before - 4 * 1024; }, 60'000),
                 qPrintable(u"MemTotal %1 kB, before %2 kB"_s.arg(memTotal()).arg(before)));
        VERIFY_RUN(berth({u"stop"_s, u"mem"_s, u"--force"_s, u"--timeout"_s, u"0"_s}), 0);
    }

    void cpuWeightsShareOneCpu()
    {
        // Two guests burning CPU, both pinned to host CPU 0, weights 100 and 300.
        const QString mechanism = berth({u"host"_s, u"--json"_s})
                                      .object()
                                      .value("mechanisms"_L1)
                                      .toObject()
                                      .value("cpu_weight"_L1)
                                      .toString();
        QVERIFY2(mechanism != "none"_L1, qPrintable(mechanism));
        QHash<QString, qint64> pids;
        for (const auto &[vm, weight] :
             {std::pair{u"w100"_s, u"100"_s}, std::pair{u"w300"_s, u"300"_s}}) {
            VERIFY_RUN(
                berth({u"create"_s, vm, u"--memory"_s, u"128"_s, u"--accel"_s, u"tcg"_s,
                       u"--kernel"_s, guestFile("vmlinuz"), u"--initrd"_s, guestFile("initrd.img"),
                       u"--append"_s, u"console=ttyS0 quiet berth.spin=1"_s}),
                0);
            VERIFY_RUN(berth({u"set"_s, vm, u"--cpu-weight"_s, weight, u"--cpu-affinity"_s, u"0"_s,
                              u"--emulator-affinity"_s, u"0"_s}),
                       0);
            VERIFY_RUN(berth({u"start"_s, vm}), 0);
            pids[vm] = status(vm).value("pid"_L1).toInteger();
            QVERIFY(pids[vm] > 0);
        }
        // Every thread runs where it was put.
        for (const qint64 pid : std::as_const(pids))
            QCOMPARE(threadsOn(pid, u"0"_s), threadCount(pid));
        for (const QString &vm : {u"w100"_s, u"w300"_s})
            QVERIFY(QTest::qWaitFor(
                [&] {
                    return berth({u"log"_s, vm}).out.contains("BERTH-GUEST-READY");
                },
                120'000));

        const auto ticks = [](qint64 pid) {
            QFile f(u"/proc/%1/stat"_s.arg(pid));
            if (!f.open(QIODevice::ReadOnly))
                return qint64(-1);
            const QByteArray stat = f.readAll();
            const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
            return fields.value(11).toLongLong() + fields.value(12).toLongLong(); // utime+stime
        };
        const qint64 a0 = ticks(pids[u"w100"_s]);
        const qint64 b0 = ticks(pids[u"w300"_s]);
        QTest::qWait(10'000);
        const double a = double(ticks(pids[u"w100"_s]) - a0);
        const double b = double(ticks(pids[u"w300"_s]) - b0);
        QVERIFY2(a > 0 && b > 0, qPrintable(u"%1 %2"_s.arg(a).arg(b)));
        const double ratio = b / a;
        qInfo("CPU share w300 : w100 = %.2f (ideal 3)", ratio);
        QVERIFY2(ratio > 2.0 && ratio < 4.5, qPrintable(QString::number(ratio)));

        // A live affinity change moves the vCPU threads.
        VERIFY_RUN(berth({u"set"_s, u"w100"_s, u"--cpu-affinity"_s, u"1"_s}), 0);
        QCOMPARE(threadsOn(pids[u"w100"_s], u"1"_s), 1); // its one vCPU
        QCOMPARE(threadsOn(pids[u"w100"_s], u"0"_s), threadCount(pids[u"w100"_s]) - 1);
        for (const QString &vm : {u"w100"_s, u"w300"_s})
            VERIFY_RUN(berth({u"stop"_s, vm, u"--force"_s, u"--timeout"_s, u"0"_s}), 0);
    }

    void cpuLimitOnCgroupV1()
    {
        // Issue 17: the cgroup v1 CPU limit, as on these machines (a systemd desktop uses a
        // scope's CPUQuota instead, which cannot run here).
        const QString mechanism = berth({u"host"_s, u"--json"_s})
                                      .object()
                                      .value("mechanisms"_L1)
                                      .toObject()
                                      .value("cpu_limit"_L1)
                                      .toString();
        if (mechanism != "cgroup-v1"_L1)
            QSKIP(qPrintable(u"this host limits CPU with %1, not cgroup v1"_s.arg(mechanism)));
        VERIFY_RUN(
            berth({u"create"_s, u"capped"_s, u"--memory"_s, u"128"_s, u"--accel"_s, u"tcg"_s,
                   u"--kernel"_s, guestFile("vmlinuz"), u"--initrd"_s, guestFile("initrd.img"),
                   u"--append"_s, u"console=ttyS0 quiet berth.spin=1"_s}),
            0);
        VERIFY_RUN(berth({u"set"_s, u"capped"_s, u"--cpu-limit"_s, u"30"_s}), 0);
        VERIFY_RUN(berth({u"start"_s, u"capped"_s}), 0);
        const QJsonObject st = status(u"capped"_s);
        const qint64 pid = st.value("pid"_L1).toInteger();
        const QString uuid = st.value("uuid"_L1).toString();
        QVERIFY(pid > 0 && !uuid.isEmpty());
        // Its own group under berth/, with the quota: 30 % of one CPU.
        const auto cpuGroupOf = [](qint64 p) {
            QFile f(u"/proc/%1/cgroup"_s.arg(p));
            if (!f.open(QIODevice::ReadOnly))
                return QString();
            for (const QByteArray &line : f.readAll().split('\n')) {
                const QList<QByteArray> parts = line.split(':');
                if (parts.size() == 3 && parts[1].split(',').contains("cpu"))
                    return QString::fromLatin1(parts[2]);
            }
            return QString();
        };
        QCOMPARE(cpuGroupOf(pid), u"/berth/"_s + uuid);
        QString root = u"/sys/fs/cgroup/cpu"_s;
        if (!QFileInfo::exists(root + u"/berth"_s))
            root = u"/sys/fs/cgroup/cpu,cpuacct"_s;
        const QString group = root + u"/berth/"_s + uuid;
        const auto read = [&](const QString &file) {
            QFile f(group + u'/' + file);
            return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).trimmed()
                                               : QString();
        };
        QCOMPARE(read(u"cpu.cfs_quota_us"_s), u"30000"_s);
        QCOMPARE(read(u"cpu.cfs_period_us"_s), u"100000"_s);
        // The spinning guest runs into the limit: the kernel holds its QEMU back.
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         const QString stat = read(u"cpu.stat"_s);
                         const qsizetype at = stat.indexOf(u"nr_throttled "_s);
                         return at >= 0 && stat.mid(at + 13).section(u'\n', 0, 0).toLongLong() > 0;
                     },
                     60'000),
                 qPrintable(read(u"cpu.stat"_s)));

        // Live: a new limit, then none (back to the root group; the empty group goes).
        VERIFY_RUN(berth({u"set"_s, u"capped"_s, u"--cpu-limit"_s, u"150"_s}), 0);
        QCOMPARE(read(u"cpu.cfs_quota_us"_s), u"150000"_s);
        VERIFY_RUN(berth({u"set"_s, u"capped"_s, u"--cpu-limit"_s, u"none"_s}), 0);
        QCOMPARE(cpuGroupOf(pid), u"/"_s);
        QVERIFY(!QFileInfo::exists(group));

        // Limited again, then stopped: no empty group is left behind.
        VERIFY_RUN(berth({u"set"_s, u"capped"_s, u"--cpu-limit"_s, u"50"_s}), 0);
        QVERIFY(QFileInfo::exists(group));
        VERIFY_RUN(berth({u"stop"_s, u"capped"_s, u"--force"_s, u"--timeout"_s, u"0"_s}), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(group), 10'000);
    }

    void badLimitsAreRefusedAndNothingChanges()
    {
        for (const QStringList &bad :
             {QStringList{u"--io-read-bps"_s, u"fast"_s}, QStringList{u"--io-iops"_s, u"-1"_s},
              QStringList{u"--memory-target"_s, u"lots"_s}}) {
            const BerthRun r = berth(QStringList{u"set"_s, u"io"_s} + bad);
            VERIFY_RUN(r, 2);
            QVERIFY2(r.err.contains(bad.at(1).toUtf8()), r.err.constData());
        }
        // Above the VM's memory, below the floor: the reason names the numbers.
        const BerthRun above = berth({u"set"_s, u"io"_s, u"--memory-target"_s, u"512"_s});
        VERIFY_RUN(above, 1);
        QVERIFY2(above.err.contains("512") && above.err.contains("256"), above.err.constData());
        const BerthRun below = berth({u"set"_s, u"io"_s, u"--memory-target"_s, u"16"_s});
        VERIFY_RUN(below, 1);
        QVERIFY2(below.err.contains("floor"), below.err.constData());
        QVERIFY(!status(u"io"_s).contains("resources"_L1));
    }
};

QTEST_GUILESS_MAIN(TestResourcesCli)
#include "tst_resources_cli.moc"
