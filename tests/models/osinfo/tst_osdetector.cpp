// SPDX-License-Identifier: GPL-2.0-or-later
// OsDetector on ISO images built here with xorriso: volume ids that osinfo-db knows
// (Debian, Fedora, Windows 11 with its publisher id), an unknown one, one that is not
// bootable, and files that are not ISO images at all.
#include "models/osinfo/osdetector.h"
#include "tests/support/testiso.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 kGiB = qint64(1024) * 1024 * 1024;

} // namespace

class TestOsDetector final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString makeIso(const QString &fileName, const QString &volumeId, bool bootable = true,
                    const QString &publisher = {})
    {
        return TestIso::make(m_dir.path(), fileName, volumeId, bootable, publisher);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!QStandardPaths::findExecutable(u"xorriso"_s).isEmpty(),
                 "xorriso is needed (packaging/debian/build-deps.txt)");
    }

    void debianNetinstIsRecognised()
    {
        const QString iso = makeIso(u"debian.iso"_s, QLatin1StringView(TestIso::DebianVolumeId));
        QVERIFY(!iso.isEmpty());
        const OsProfile p = OsDetector::detectNow(iso);
        QVERIFY2(p.recognised, qPrintable(p.note));
        QCOMPARE(p.shortId, u"debian11"_s);
        QCOMPARE(p.name, u"Debian 11"_s);
        QCOMPARE(p.vmName, u"Debian 11"_s);
        QCOMPARE(p.note, QString());
        // osinfo-db: recommended 1 GiB RAM and 20 GiB disk; only the minimum names CPUs.
        QCOMPARE(p.memoryMiB, 1024);
        QCOMPARE(p.memorySource, OsProfile::Source::Recommended);
        QCOMPARE(p.diskBytes, 20 * kGiB);
        QCOMPARE(p.diskSource, OsProfile::Source::Recommended);
        QCOMPARE(p.cpus, 1);
        QCOMPARE(p.cpusSource, OsProfile::Source::Minimum);
        QVERIFY(!p.wantsUefi);
    }

    void fedoraServerIsRecognised()
    {
        const QString iso = makeIso(u"fedora.iso"_s, u"Fedora-S-dvd-x86_64-31"_s);
        QVERIFY(!iso.isEmpty());
        const OsProfile p = OsDetector::detectNow(iso);
        QVERIFY2(p.recognised, qPrintable(p.note));
        QCOMPARE(p.shortId, u"fedora31"_s);
        QVERIFY2(p.name.contains("Fedora"_L1), qPrintable(p.name));
        QVERIFY(p.memoryMiB >= 1024);
        QVERIFY(p.diskBytes >= 10 * kGiB);
    }

    void windows11WantsUefi()
    {
        const QString iso =
            makeIso(u"win11.iso"_s, u"CCCOMA_X64FRE_EN-US_DV9"_s, true, u"MICROSOFT CORPORATION"_s);
        QVERIFY(!iso.isEmpty());
        const OsProfile p = OsDetector::detectNow(iso);
        QVERIFY2(p.recognised, qPrintable(p.note));
        QVERIFY2(p.shortId.startsWith("win"_L1), qPrintable(p.shortId));
        // Whichever Windows osinfo-db picks for this volume id: UEFI exactly when it
        // says a BIOS is not supported (Windows 11 does).
        QCOMPARE(p.wantsUefi, p.shortId == "win11"_L1);
        QVERIFY(p.memoryMiB >= 2048);
    }

    void unknownIsoFallsBackToGenericProfile()
    {
        const QString iso = makeIso(u"mystery.iso"_s, u"MYSTERY_OS_0_1"_s);
        QVERIFY(!iso.isEmpty());
        const OsProfile p = OsDetector::detectNow(iso);
        QVERIFY(!p.recognised);
        QVERIFY2(p.note.contains("not recognised"_L1) && p.note.contains("MYSTERY_OS_0_1"_L1),
                 qPrintable(p.note));
        const OsProfile generic;
        QCOMPARE(p.memoryMiB, generic.memoryMiB);
        QCOMPARE(p.cpus, generic.cpus);
        QCOMPARE(p.diskBytes, generic.diskBytes);
        QCOMPARE(p.memorySource, OsProfile::Source::Generic);
        QVERIFY(p.name.isEmpty());
        QVERIFY(!p.wantsUefi);
    }

    void notBootableIsSaidSo()
    {
        // A Debian volume id, but no boot record: libosinfo does not match it.
        const QString iso =
            makeIso(u"data.iso"_s, QLatin1StringView(TestIso::DebianVolumeId), false);
        QVERIFY(!iso.isEmpty());
        const OsProfile p = OsDetector::detectNow(iso);
        QVERIFY(!p.recognised);
        QVERIFY2(p.note.contains("not a bootable"_L1), qPrintable(p.note));
    }

    void notAnIsoOrMissing()
    {
        const QString junk = m_dir.filePath(u"junk.iso"_s);
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(64 * 1024, 'x'));
        f.close();
        OsProfile p = OsDetector::detectNow(junk);
        QVERIFY(!p.recognised);
        QVERIFY2(p.note.contains("junk.iso"_L1) && p.note.contains("general suggestions"_L1),
                 qPrintable(p.note));

        p = OsDetector::detectNow(m_dir.filePath(u"absent.iso"_s));
        QVERIFY(!p.recognised);
        QVERIFY(!p.note.isEmpty());
        QCOMPARE(p.memoryMiB, OsProfile().memoryMiB);
    }

    void detectRunsInTheBackgroundAndTheLatestWins()
    {
        const QString debian = makeIso(u"debian2.iso"_s, u"Debian 11.6.0 amd64 n"_s);
        const QString mystery = makeIso(u"mystery2.iso"_s, u"SOMETHING_ELSE"_s);
        QVERIFY(!debian.isEmpty() && !mystery.isEmpty());
        OsDetector detector;
        QSignalSpy spy(&detector, &OsDetector::detected);
        detector.detect(mystery);
        detector.detect(debian); // supersedes the first
        QVERIFY(detector.isBusy());
        QCOMPARE(spy.count(), 0); // never reported from inside the call
        QVERIFY(spy.wait(60'000));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), debian);
        QVERIFY(spy.at(0).at(1).value<OsProfile>().recognised);
        QVERIFY(!detector.isBusy());
    }
};

QTEST_GUILESS_MAIN(TestOsDetector)
#include "tst_osdetector.moc"
