// SPDX-License-Identifier: GPL-2.0-or-later
// The pieces of the stats sampler that need no QEMU: the bounded history, the /proc
// parser and the memory overcommit check.
#include "models/common/procstat.h"
#include "models/stats/statshistory.h"
#include "models/stats/statssampler.h"

#include <QElapsedTimer>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

class TestStatsHistory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ringKeepsTheNewestAndAFixedSize()
    {
        StatsHistory h(5);
        QVERIFY(h.isEmpty());
        QCOMPARE(h.memoryBytes(), 0);
        for (int i = 0; i < 12; ++i) {
            VmStatsSample s;
            s.timeMs = 1000 * i;
            s.cpuPercent = float(i);
            s.vcpuPercent = {float(i), float(-i)};
            h.append(s);
            if (i == 0)
                QCOMPARE(h.vcpuCount(), 2);
        }
        QCOMPARE(h.size(), 5);
        QCOMPARE(h.timeAt(0), 7000);
        QCOMPARE(h.valueAt(StatsHistory::Cpu, 4), 11.0f);
        QCOMPARE(h.vcpuAt(1, 0), -7.0f);
        QCOMPARE(h.tail(StatsHistory::Cpu, 3), (QList<float>{9, 10, 11}));
        QCOMPARE(h.tail(StatsHistory::Cpu, 99).size(), 5);
        QCOMPARE(h.latest().vcpuPercent, (QList<float>{11, -11}));
        const qsizetype bytes = h.memoryBytes();
        QCOMPARE(bytes, qsizetype(5 * (8 + StatsHistory::SeriesCount * 4 + 2 * 4)));
        for (int i = 0; i < 100; ++i)
            h.append({});
        QCOMPARE(h.memoryBytes(), bytes); // fixed however long it runs
        // Out of range reads are unknown, not garbage.
        QVERIFY(!VmStatsSample::known(h.valueAt(StatsHistory::Cpu, 5)));
        QVERIFY(!VmStatsSample::known(h.vcpuAt(2, 0)));
    }

    void gapsAreMarkedOnce()
    {
        StatsHistory h(10);
        h.appendGap(1); // nothing to separate yet
        QCOMPARE(h.size(), 0);
        VmStatsSample s;
        s.timeMs = 2;
        s.cpuPercent = 5;
        h.append(s);
        h.appendGap(3);
        h.appendGap(4);
        QCOMPARE(h.size(), 2);
        QVERIFY(!VmStatsSample::known(h.valueAt(StatsHistory::Cpu, 1)));
        QCOMPARE(h.timeAt(1), 3);
        // A later sample with fewer vCPUs than the first is padded with unknowns.
        s.vcpuPercent = {1, 2, 3};
        h.append(s);
        s.vcpuPercent = {4};
        h.append(s);
        QCOMPARE(h.vcpuCount(), 3);
        QCOMPARE(h.vcpuAt(0, 3), 4.0f);
        QVERIFY(!VmStatsSample::known(h.vcpuAt(2, 3)));
    }

    void statParserCountsFromTheLastParenthesis()
    {
        const QByteArray stat = "4242 (qemu (x) 1) S 1 4242 4242 0 -1 4194560 1 0 0 0 "
                                "1234 56 0 0 20 0 5 0 100 0 0\n";
        QCOMPARE(ProcStat::parseStatCpuTicks(stat.constData(), stat.size()), quint64(1290));
        const QByteArray cut = "4242 (qemu) S 1 4242 4242 0 -1 4194560 1 0 0 0 12";
        QVERIFY(!ProcStat::parseStatCpuTicks(cut.constData(), cut.size()));
        QVERIFY(!ProcStat::parseStatCpuTicks("garbage", 7));

        // This process, for real: it exists, has a resident size and used some CPU.
        QVERIFY(ProcStat::processCpuTicks(::getpid()).has_value());
        QVERIFY(ProcStat::residentBytes(::getpid()).value_or(0) > 1024 * 1024);
        QVERIFY(ProcStat::threadCpuTicks(::getpid(), ::gettid()).has_value());
        QVERIFY(!ProcStat::processCpuTicks(0x7ffffff0).has_value()); // no such process
        const auto memory = ProcStat::hostMemory();
        QVERIFY(memory && memory->totalBytes >= memory->availableBytes);
        // The host's counters move with work done: spin until this process has used 50 ms
        // (5 ticks) of CPU, then the host's busy time must have grown by at least that.
        const auto before = ProcStat::hostCpuTimes();
        QVERIFY(before.has_value());
        const quint64 start = ProcStat::processCpuTicks(::getpid()).value_or(0);
        QElapsedTimer spun;
        spun.start();
        while (ProcStat::processCpuTicks(::getpid()).value_or(0) < start + 5 &&
               spun.elapsed() < 10'000) {
        }
        const auto after = ProcStat::hostCpuTimes();
        QVERIFY(after.has_value());
        QVERIFY2(after->busy >= before->busy + 4, // a tick may fall on either side of a read
                 qPrintable(u"busy %1 -> %2"_s.arg(before->busy).arg(after->busy)));
        QVERIFY(after->total - before->total >= after->busy - before->busy);
    }

    void intervalComesFromSettingsAndIsClamped()
    {
        QStandardPaths::setTestModeEnabled(true); // ~/.qttest, not the user's settings
        QCoreApplication::setOrganizationName(u"berth-test-stats"_s);
        AppSettings::setStatsIntervalMs(2500);
        {
            StatsSampler sampler;
            QCOMPARE(sampler.intervalMs(), 2500);
            sampler.setInterval(5);
            QCOMPARE(sampler.intervalMs(), StatsSampler::MinIntervalMs);
        }
        QSettings().remove(u"stats/intervalMs"_s);
        StatsSampler sampler;
        QCOMPARE(sampler.intervalMs(), StatsSampler::DefaultIntervalMs);
    }
};

QTEST_GUILESS_MAIN(TestStatsHistory)
#include "tst_statshistory.moc"
