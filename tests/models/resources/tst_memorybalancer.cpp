// SPDX-License-Identifier: GPL-2.0-or-later
// The memory balancer's policy (MemoryBalancer::decide), without QEMU.
#include "models/resources/memorybalancer.h"

#include <QLocale>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

MemoryBalancer::Guest guest(const char *name, qint64 memory, qint64 actual, qint64 available,
                            qint64 target = 0)
{
    return {QUuid::createUuid(),
            QString::fromLatin1(name),
            memory,
            MemoryBalancer::floorFor(memory, target),
            actual,
            available};
}

} // namespace

class TestMemoryBalancer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nothingWhileTheHostHasRoom()
    {
        QVERIFY(!MemoryBalancer::decide({guest("a", 1024, 1024, 800)}, 4096, 1024));
    }

    void reclaimsFromTheGuestWithTheMostFreeMemory()
    {
        const QList<MemoryBalancer::Guest> guests{guest("busy", 1024, 1024, 100),
                                                  guest("idle", 1024, 1024, 900),
                                                  guest("half", 1024, 1024, 500)};
        const auto a = MemoryBalancer::decide(guests, 500, 1024);
        QVERIFY(a);
        QCOMPARE(a->name, u"idle"_s);
        QCOMPARE(a->fromMiB, 1024);
        QCOMPARE(a->toMiB, 1024 - MemoryBalancer::StepMiB);
        QVERIFY2(a->reason.contains(u"500"_s) && a->reason.contains(QLocale().toString(1024)),
                 qPrintable(a->reason));
    }

    void neverBelowTheFloor()
    {
        // A quarter of 1024 is 256: from 300 only 44 MiB can go.
        const auto a = MemoryBalancer::decide({guest("idle", 1024, 300, 250)}, 0, 1024);
        QVERIFY(a);
        QCOMPARE(a->toMiB, 256);
        QVERIFY(!MemoryBalancer::decide({guest("idle", 1024, 256, 200)}, 0, 1024));
        // The VM's own memory target is its floor.
        QVERIFY(!MemoryBalancer::decide({guest("t", 1024, 600, 500, 600)}, 0, 1024));
        QCOMPARE(MemoryBalancer::floorFor(256, 0), 128);
        QCOMPARE(MemoryBalancer::floorFor(100, 0), 100);
    }

    void keepsEachGuestsReserve()
    {
        // 64 MiB + 10 % of 1024 = 166 MiB stay free in the guest: 180 free leaves 14.
        const auto a = MemoryBalancer::decide({guest("g", 1024, 1024, 180)}, 0, 1024);
        QVERIFY(a);
        QCOMPARE(a->toMiB, 1024 - 14);
        QVERIFY(!MemoryBalancer::decide({guest("g", 1024, 1024, 160)}, 0, 1024));
    }

    void returnsMemoryToAGuestRunningShort()
    {
        const QList<MemoryBalancer::Guest> guests{guest("short", 1024, 512, 20),
                                                  guest("fine", 1024, 512, 400)};
        const auto a = MemoryBalancer::decide(guests, 4096, 1024);
        QVERIFY(a);
        QCOMPARE(a->name, u"short"_s);
        QCOMPARE(a->toMiB, 512 + MemoryBalancer::StepMiB);
        // Never above its memory, and not when the host would fall below the watermark.
        QCOMPARE(MemoryBalancer::decide({guest("s", 1024, 1000, 10)}, 4096, 1024)->toMiB, 1024);
        QVERIFY(!MemoryBalancer::decide({guest("s", 1024, 1024, 10)}, 4096, 1024));
        QVERIFY(!MemoryBalancer::decide({guest("s", 1024, 512, 10)}, 1100, 1024));
    }
};

QTEST_GUILESS_MAIN(TestMemoryBalancer)
#include "tst_memorybalancer.moc"
