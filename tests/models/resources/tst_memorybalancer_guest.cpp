// SPDX-License-Identifier: GPL-2.0-or-later
// The memory balancer on a real guest under TCG: under a simulated host budget it reclaims
// from the idle guest (its MemTotal falls), and once the host has room again it gives memory
// back to the guest when that guest fills its memory (berth.eat).
#include "models/resources/memorybalancer.h"
#include "models/stats/statssampler.h"
#include "models/vm/vminstance.h"
#include "models/vm/vmlayout.h"
#include "models/vm/vmlibrary.h"
#include "models/vm/vmregistry.h"
#include "tests/support/testguest.h"
#include "tests/support/verifyoutcome.h"

#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestMemoryBalancerGuest final : public QObject
{
    Q_OBJECT

private:
    PrivateRuntime m_runtime;
    QTemporaryDir m_dir;

    static qint64 lastMemTotalKb(const QString &serialLog)
    {
        QFile f(serialLog);
        if (!f.open(QIODevice::ReadOnly))
            return -1;
        static const QRegularExpression re(u"BERTH-MEMINFO MemTotal:(\\d+)"_s);
        qint64 last = -1;
        for (auto it = re.globalMatch(QString::fromUtf8(f.readAll())); it.hasNext();)
            last = it.next().captured(1).toLongLong();
        return last;
    }

private Q_SLOTS:
    void reclaimsFromAnIdleGuestAndGivesBack()
    {
        QVERIFY2(TestGuest::isAvailable(), "the test guest is not built (BERTH_TEST_GUEST_DIR)");
        QVERIFY(m_runtime.isValid());
        VmLibrary library(m_dir.filePath(u"library"_s));
        QVERIFY_OUTCOME(library.reload());
        VmDefinition d = TestGuest::definition(
            u"idle"_s, u"console=ttyS0 quiet berth.meminfo berth.eat=120"_s, 512);
        QVERIFY_OUTCOME(library.create(d));
        VmRegistry registry(&library);
        VmInstance *vm = registry.instance(d.uuid);
        QVERIFY(vm);
        QSignalSpy started(vm, &VmInstance::started);
        vm->start();
        QVERIFY(QTest::qWaitFor([&] { return !started.isEmpty(); }, 60'000));
        const QString serial = library.find(u"idle"_s)->layout().serialLogPath();
        QVERIFY(QTest::qWaitFor([&] { return lastMemTotalKb(serial) > 0; }, 120'000));
        const qint64 before = lastMemTotalKb(serial);

        StatsSampler sampler;
        sampler.setInterval(1000);
        sampler.track(vm);
        sampler.start();
        MemoryBalancer balancer(&registry, &sampler);
        // The host has 200 MiB less for VMs than the watermark wants free: two steps of
        // 128 MiB (512 -> 384 -> 256) bring it above the watermark, and then it stops.
        balancer.setLowWatermarkMiB(1024);
        balancer.setSimulatedHostBudgetMiB(512 + 1024 - 200);
        balancer.setEnabled(true);
        QSignalSpy acted(&balancer, &MemoryBalancer::acted);

        QVERIFY(QTest::qWaitFor([&] { return !acted.isEmpty(); }, 60'000));
        const auto first = acted.first().first().value<MemoryBalancer::Action>();
        QCOMPARE(first.name, u"idle"_s);
        QVERIFY2(first.toMiB < first.fromMiB, qPrintable(first.reason));
        QVERIFY2(
            QTest::qWaitFor([&] { return lastMemTotalKb(serial) <= before - 100 * 1024; }, 60'000),
            qPrintable(u"MemTotal %1 kB, before %2 kB"_s.arg(lastMemTotalKb(serial)).arg(before)));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return !balancer.recentActions().isEmpty() &&
                       balancer.recentActions().last().toMiB == 256;
            },
            60'000));
        QVERIFY(256 >= MemoryBalancer::floorFor(512, 0));

        // The host has room again; the guest fills 120 MiB (at its tick 30) and runs short.
        balancer.setSimulatedHostBudgetMiB(64 * 1024);
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         const auto &all = balancer.recentActions();
                         return std::any_of(all.begin(), all.end(),
                                            [](const auto &a) { return a.toMiB > a.fromMiB; });
                     },
                     120'000),
                 "no memory was given back");
        vm->forceStop();
        QVERIFY(QTest::qWaitFor([&] { return vm->pid() == 0; }, 30'000));
    }
};

QTEST_GUILESS_MAIN(TestMemoryBalancerGuest)
#include "tst_memorybalancer_guest.moc"
