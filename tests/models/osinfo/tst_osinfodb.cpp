// SPDX-License-Identifier: GPL-2.0-or-later
// Berth's supplementary osinfo database (resources/osinfo, see OsDetector::supplementaryFolder()):
// an ISO made here with each entry's volume id is recognised as that OS, with its resources; the
// system's osinfo-db wins where it knows the OS (Ubuntu 22.04, Windows 11 on Debian 12); without
// Berth's database the new releases are not recognised (so the entries are what recognises them).
#include "models/osinfo/osdetector.h"
#include "tests/support/testiso.h"

#include <QDir>
#include <QDirIterator>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 kGiB = qint64(1024) * 1024 * 1024;

/// Whether the system's osinfo-db (without Berth's) names the release on @p iso: osinfo-detect
/// reads only it. Its catch-all "Fedora" (fedora-unknown: every Fedora from 38 on) names none.
bool systemKnows(const QString &iso)
{
    QProcess p;
    p.start(u"osinfo-detect"_s, {iso});
    p.waitForFinished(60'000);
    const QByteArray out = p.readAllStandardOutput();
    return out.contains("for OS") && !out.contains("for OS 'Fedora (");
}

} // namespace

class TestOsinfoDb final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!QStandardPaths::findExecutable(u"xorriso"_s).isEmpty(), "xorriso is needed");
        qunsetenv("BERTH_OSINFO_DIR");
        QVERIFY2(!OsDetector::supplementaryFolder().isEmpty(), "resources/osinfo not found");
    }

    void everyEntryIsRecognised_data()
    {
        QTest::addColumn<QString>("volumeId");
        QTest::addColumn<QString>("publisher");
        QTest::addColumn<QString>("shortId");
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("fromBerth"); // on Debian 12's osinfo-db 0.20221130
        const auto row = [](const char *tag, const char *volume, const char *shortId,
                            const char *version, bool fromBerth, const char *publisher = "") {
            QTest::newRow(tag) << QString::fromLatin1(volume) << QString::fromLatin1(publisher)
                               << QString::fromLatin1(shortId) << QString::fromLatin1(version)
                               << fromBerth;
        };
        row("debian12-netinst", "Debian 12.8.0 amd64 n", "debian12", "12", true);
        row("debian12-dvd", "Debian 12.8.0 amd64 1", "debian12", "12", true);
        row("debian13-netinst", "Debian 13.1.0 amd64 n", "debian13", "13", true);
        row("ubuntu22.04", "Ubuntu 22.04.3 LTS amd64", "ubuntu22.04", "22.04", false);
        row("ubuntu22.10", "Ubuntu-Server 22.10 amd64", "ubuntu22.10", "22.10", false);
        row("ubuntu23.04", "Ubuntu 23.04 amd64", "ubuntu23.04", "23.04", true);
        row("ubuntu23.10", "Ubuntu-Server 23.10.1 amd64", "ubuntu23.10", "23.10", true);
        row("ubuntu24.04", "Ubuntu 24.04.1 LTS amd64", "ubuntu24.04", "24.04", true);
        row("ubuntu24.04-server", "Ubuntu-Server 24.04.2 LTS amd64", "ubuntu24.04", "24.04", true);
        row("ubuntu24.10", "Ubuntu 24.10 amd64", "ubuntu24.10", "24.10", true);
        row("ubuntu25.04", "Ubuntu 25.04 amd64", "ubuntu25.04", "25.04", true);
        row("ubuntu25.10", "Ubuntu-Server 25.10 amd64", "ubuntu25.10", "25.10", true);
        row("ubuntu26.04", "Ubuntu 26.04 LTS amd64", "ubuntu26.04", "26.04", true);
        row("fedora38", "Fedora-WS-Live-38-1-6", "fedora38", "38", true);
        row("fedora39", "Fedora-S-dvd-x86_64-39", "fedora39", "39", true);
        row("fedora40", "Fedora-E-dvd-x86_64-40", "fedora40", "40", true);
        row("fedora41", "Fedora-WS-Live-41-1-4", "fedora41", "41", true);
        row("fedora42", "Fedora-S-dvd-x86_64-42", "fedora42", "42", true);
        row("fedora43", "Fedora-WS-Live-43-1-6", "fedora43", "43", true);
        row("win11", "CCCOMA_X64FRE_EN-US_DV9", "win11", "11.0", false, "MICROSOFT CORPORATION");
    }

    void everyEntryIsRecognised()
    {
        QFETCH(QString, volumeId);
        QFETCH(QString, publisher);
        QFETCH(QString, shortId);
        QFETCH(QString, version);
        QFETCH(bool, fromBerth);
        const QString iso =
            TestIso::make(m_dir.path(), QString::fromLatin1(QTest::currentDataTag()) + u".iso"_s,
                          volumeId, true, publisher);
        QVERIFY(!iso.isEmpty());
        const OsProfile p = OsDetector::detectNow(iso);
        QVERIFY2(p.recognised, qPrintable(p.note));
        QCOMPARE(p.shortId, shortId);
        QCOMPARE(p.version, version);
        QCOMPARE(p.architecture, u"x86_64"_s);
        QCOMPARE(p.fromBerthDatabase, fromBerth);
        // Berth's entries are what recognises the new releases here; the system's the rest.
        QCOMPARE(systemKnows(iso), !fromBerth);
        if (fromBerth) {
            QCOMPARE(p.memorySource, OsProfile::Source::Recommended);
            QVERIFY(p.memoryMiB >= 2048);
            QCOMPARE(p.cpus, 2);
            QVERIFY(p.diskBytes >= 20 * kGiB);
        }
        const bool windows = shortId.startsWith(u"win"_s);
        QCOMPARE(p.wantsUefi, windows);
        QCOMPARE(p.wantsTpm, windows);
        QCOMPARE(p.wantsSecureBoot, windows);
    }

    void everyFileHasATestRow()
    {
        // A new entry needs its row in everyEntryIsRecognised_data().
        const QStringList covered{u"debian12"_s,    u"debian13"_s,    u"ubuntu22.04"_s,
                                  u"ubuntu22.10"_s, u"ubuntu23.04"_s, u"ubuntu23.10"_s,
                                  u"ubuntu24.04"_s, u"ubuntu24.10"_s, u"ubuntu25.04"_s,
                                  u"ubuntu25.10"_s, u"ubuntu26.04"_s, u"fedora38"_s,
                                  u"fedora39"_s,    u"fedora40"_s,    u"fedora41"_s,
                                  u"fedora42"_s,    u"fedora43"_s,    u"win11"_s};
        QStringList files;
        QDirIterator it(OsDetector::supplementaryFolder() + u"/os"_s, {u"*.xml"_s}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files << QFileInfo(it.next()).completeBaseName().remove(u'-'); // debian-12: debian12
        files.sort();
        QStringList expected = covered;
        expected.sort();
        QCOMPARE(files, expected);
    }
};

QTEST_GUILESS_MAIN(TestOsinfoDb)
#include "tst_osinfodb.moc"
