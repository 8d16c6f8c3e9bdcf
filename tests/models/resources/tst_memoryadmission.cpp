// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/resources/memoryadmission.h"
#include "models/settings/appsettings.h"

#include <QLocale>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestMemoryAdmission final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // not the user's Preferences
        QCoreApplication::setOrganizationName(u"berth-test-admission"_s);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); // "8,192"
    }

    void admitsWhatTheHostCanBack()
    {
        const MemoryAdmission::Budget b{16384, 8192, 4096, 1.0};
        const MemoryAdmission::Verdict v = MemoryAdmission::judge(u"web"_s, 2048, b);
        QVERIFY(!v.refused);
        QVERIFY(v.message().isEmpty());
        // Exactly at the limit is still admitted.
        QVERIFY(!MemoryAdmission::judge(u"web"_s, 16384 - 4096, {16384, 16384, 4096, 1.0}).refused);
    }

    void refusesNamingTheNumbers()
    {
        const MemoryAdmission::Verdict v =
            MemoryAdmission::judge(u"web"_s, 8192, {16384, 8192, 10240, 1.0});
        QVERIFY(v.refused);
        QVERIFY2(v.reason.contains(u"“web”"_s), qPrintable(v.reason));
        QVERIFY2(v.reason.contains(u"more than this computer can back"_s), qPrintable(v.reason));
        // this VM, the total after, what runs already, the host, the ratio, the limit
        for (const QString &n :
             {u"8,192 MiB"_s, u"18,432 MiB"_s, u"10,240 MiB"_s, u"16,384 MiB"_s, u"ratio 1"_s})
            QVERIFY2(v.reason.contains(n), qPrintable(n + u": "_s + v.reason));
    }

    void theRatioMovesTheLimit()
    {
        // 12 GiB + 8 GiB on a 16 GiB host: refused at 1.0, admitted at 1.5 (24 GiB).
        QVERIFY(MemoryAdmission::judge(u"db"_s, 8192, {16384, 16384, 12288, 1.0}).refused);
        const MemoryAdmission::Verdict over =
            MemoryAdmission::judge(u"db"_s, 8192, {16384, 16384, 12288, 1.5});
        QVERIFY(!over.refused);
        // ... and a ratio below one keeps memory free for the host.
        const MemoryAdmission::Verdict low =
            MemoryAdmission::judge(u"db"_s, 8192, {16384, 16384, 2048, 0.5});
        QVERIFY(low.refused);
        QVERIFY2(low.reason.contains(u"8,192 MiB"_s) && low.reason.contains(u"ratio 0.5"_s),
                 qPrintable(low.reason));
    }

    void warnsWhenLittleIsAvailableNow()
    {
        const MemoryAdmission::Verdict v =
            MemoryAdmission::judge(u"db"_s, 4096, {16384, 2048, 0, 1.0});
        QVERIFY(!v.refused);
        QVERIFY2(v.warning.contains(u"only 2,048 MiB is available"_s), qPrintable(v.warning));
        QCOMPARE(v.message(), v.warning);
    }

    void unknownHostAdmitsEverything()
    {
        QVERIFY(MemoryAdmission::judge(u"x"_s, 4096, {0, 0, 0, 1.0}).message().isEmpty());
    }

    void budgetNowCountsOnlyRunningVms()
    {
        QTemporaryDir dir;
        VmLibrary library(dir.path());
        VmDefinition d;
        d.name = u"stopped"_s;
        d.memoryMiB = 2048;
        QVERIFY(library.create(d));
        AppSettings::setOvercommitRatio(1.5);
        const MemoryAdmission::Budget b = MemoryAdmission::budgetNow(library);
        QCOMPARE(b.committedMiB, 0); // a stopped VM commits nothing
        QCOMPARE(b.ratio, 1.5);
        QVERIFY(b.hostTotalMiB > 0);
        QCOMPARE(b.limitMiB(), qint64(b.hostTotalMiB * 1.5));
        AppSettings::setOvercommitRatio(100); // clamped
        QCOMPARE(AppSettings::overcommitRatio(), AppSettings::MaxOvercommitRatio);
    }
};

QTEST_GUILESS_MAIN(TestMemoryAdmission)
#include "tst_memoryadmission.moc"
