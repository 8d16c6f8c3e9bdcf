// SPDX-License-Identifier: GPL-2.0-or-later
// `berth detect`, and `berth create` / `berth set` with a TPM and Secure Boot, in this process
// (CommandLine::run on buffers) on ISO images made here with xorriso: what osinfo recognises
// (the wizard's OsDetector), the recommendations create takes when the options are absent, the
// refusals as one error line before anything is created.
#include "tests/support/clirun.h"
#include "tests/support/envguard.h"
#include "tests/support/testguest.h"
#include "tests/support/testiso.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 kGiB = qint64(1024) * 1024 * 1024;

} // namespace

class TestModernCli final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PrivateRuntime> m_runtime;
    QTemporaryDir m_dir;
    QString m_debian, m_windows, m_mystery;

    static BerthRun berth(const QStringList &args) { return runInProcess(args); }
    QString library() const { return m_dir.filePath(u"library"_s); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_runtime = std::make_unique<PrivateRuntime>();
        QVERIFY(m_runtime->isValid() && m_dir.isValid());
        qputenv("BERTH_LIBRARY", QFile::encodeName(library()));
        qunsetenv("BERTH_SWTPM");
        m_debian = TestIso::make(m_dir.path(), u"debian-12.iso"_s, u"Debian 12.8.0 amd64 n"_s);
        m_windows = TestIso::make(m_dir.path(), u"win11.iso"_s, u"CCCOMA_X64FRE_EN-US_DV9"_s, true,
                                  u"MICROSOFT CORPORATION"_s);
        m_mystery = TestIso::make(m_dir.path(), u"mystery.iso"_s, u"MYSTERY_OS_1"_s);
        QVERIFY(!m_debian.isEmpty() && !m_windows.isEmpty() && !m_mystery.isEmpty());
    }

    void detectNamesTheDebianInstaller()
    {
        const BerthRun json = berth({u"detect"_s, m_debian, u"--json"_s});
        VERIFY_RUN(json, 0);
        const QJsonObject o = json.object();
        QCOMPARE(o.value("recognised"_L1).toBool(), true);
        QCOMPARE(o.value("name"_L1).toString(), u"Debian 12"_s);
        QCOMPARE(o.value("short_id"_L1).toString(), u"debian12"_s);
        QCOMPARE(o.value("version"_L1).toString(), u"12"_s);
        QCOMPARE(o.value("architecture"_L1).toString(), u"x86_64"_s);
        QCOMPARE(o.value("database"_L1).toString(), u"berth"_s);
        QCOMPARE(o.value("uefi_required"_L1).toBool(true), false);
        QCOMPARE(o.value("tpm_required"_L1).toBool(true), false);
        QCOMPARE(o.value("memory_mib"_L1).toInt(), 2048);
        QCOMPARE(o.value("cpus"_L1).toInt(), 2);
        QCOMPARE(o.value("disk_bytes"_L1).toInteger(), 20 * kGiB);
        QCOMPARE(o.value("sources"_L1).toObject().value("memory"_L1).toString(), u"recommended"_s);

        const BerthRun text = berth({u"detect"_s, m_debian});
        VERIFY_RUN(text, 0);
        QVERIFY2(text.out.startsWith("Debian 12 (debian12, version 12, x86_64)"),
                 text.out.constData());
        QVERIFY(text.out.contains("Memory: 2048 MiB (recommended)"));
        QVERIFY(!text.out.contains("Needs:"));
    }

    void detectWindows11NeedsUefiTpmAndSecureBoot()
    {
        const BerthRun json = berth({u"detect"_s, m_windows, u"--json"_s});
        VERIFY_RUN(json, 0);
        const QJsonObject o = json.object();
        QCOMPARE(o.value("short_id"_L1).toString(), u"win11"_s);
        QCOMPARE(o.value("uefi_required"_L1).toBool(), true);
        QCOMPARE(o.value("tpm_required"_L1).toBool(), true);
        QCOMPARE(o.value("secure_boot"_L1).toBool(), true);
        const BerthRun text = berth({u"detect"_s, m_windows});
        QVERIFY2(text.out.contains("Needs: UEFI firmware, a TPM 2.0, Secure Boot"),
                 text.out.constData());
    }

    void detectSaysWhatItCannotRecognise()
    {
        const BerthRun unknown = berth({u"detect"_s, m_mystery, u"--json"_s});
        VERIFY_RUN(unknown, 0);
        QCOMPARE(unknown.object().value("recognised"_L1).toBool(true), false);
        QVERIFY(unknown.object().value("note"_L1).toString().contains(u"MYSTERY_OS_1"_s));
        const BerthRun missing = berth({u"detect"_s, m_dir.filePath(u"none.iso"_s)});
        VERIFY_RUN(missing, 1);
        QVERIFY2(isOneErrorLine(missing, u"none.iso"_s), missing.err.constData());
    }

    void createTakesTheRecommendations()
    {
        const BerthRun made = berth({u"create"_s, u"deb"_s, u"--cdrom"_s, m_debian, u"--json"_s});
        VERIFY_RUN(made, 0);
        const QJsonObject o = made.object();
        QCOMPARE(o.value("memory_mib"_L1).toInt(), 2048);
        QCOMPARE(o.value("cpus"_L1).toInt(), std::min(2, QThread::idealThreadCount()));
        QCOMPARE(o.value("detected"_L1).toObject().value("short_id"_L1).toString(), u"debian12"_s);
        const QString folder = o.value("folder"_L1).toString();
        QVERIFY(QFileInfo::exists(folder + u"/disk.qcow2"_s)); // 20 GiB, sparse
        const QJsonObject status = berth({u"status"_s, u"deb"_s, u"--json"_s}).object();
        QCOMPARE(status.value("firmware"_L1).toString(), u"bios"_s);
        QVERIFY(!status.contains("tpm"_L1));

        // What the command line says wins.
        const BerthRun given = berth(
            {u"create"_s, u"deb2"_s, u"--cdrom"_s, m_debian, u"--memory"_s, u"512"_s, u"--json"_s});
        VERIFY_RUN(given, 0);
        QCOMPARE(given.object().value("memory_mib"_L1).toInt(), 512);

        const BerthRun text = berth({u"create"_s, u"deb3"_s, u"--cdrom"_s, m_debian});
        VERIFY_RUN(text, 0);
        QVERIFY2(text.out.startsWith("Recognised Debian 12"), text.out.constData());
    }

    void createWindows11GetsUefiSecureBootAndTpm()
    {
        const BerthRun made =
            berth({u"create"_s, u"win"_s, u"--cdrom"_s, m_windows, u"--disk-size"_s, u"64M"_s,
                   u"--memory"_s, u"1024"_s, u"--json"_s});
        VERIFY_RUN(made, 0);
        QCOMPARE(made.object().value("detected"_L1).toObject().value("short_id"_L1).toString(),
                 u"win11"_s);
        const QJsonObject status = berth({u"status"_s, u"win"_s, u"--json"_s}).object();
        QCOMPARE(status.value("firmware"_L1).toString(), u"uefi"_s);
        QCOMPARE(status.value("tpm"_L1).toBool(), true);
        QCOMPARE(status.value("secure_boot"_L1).toBool(), true);
    }

    void tpmAndSecureBootOptions()
    {
        VERIFY_RUN(berth({u"create"_s, u"plain"_s}), 0);
        const BerthRun on = berth({u"set"_s, u"plain"_s, u"--tpm"_s, u"--json"_s});
        VERIFY_RUN(on, 0);
        QCOMPARE(on.object().value("definition"_L1).toObject().value("tpm"_L1).toBool(), true);
        const BerthRun off = berth({u"set"_s, u"plain"_s, u"--no-tpm"_s});
        VERIFY_RUN(off, 0);
        QVERIFY2(off.out.contains("changed tpm"), off.out.constData());
        QCOMPARE(berth({u"status"_s, u"plain"_s, u"--json"_s}).object().contains("tpm"_L1), false);

        // Secure Boot needs UEFI: refused before anything changes or is made.
        const BerthRun bios = berth({u"set"_s, u"plain"_s, u"--secure-boot"_s});
        VERIFY_RUN(bios, 1);
        QVERIFY2(isOneErrorLine(bios, u"UEFI"_s), bios.err.constData());
        const BerthRun create = berth({u"create"_s, u"sb"_s, u"--secure-boot"_s});
        VERIFY_RUN(create, 2);
        QVERIFY2(isOneErrorLine(create, u"--firmware uefi"_s), create.err.constData());
        QVERIFY(!QFileInfo::exists(library() + u"/sb"_s));
        VERIFY_RUN(berth({u"create"_s, u"sb"_s, u"--firmware"_s, u"uefi"_s, u"--secure-boot"_s}),
                   0);
    }

    void missingSwtpmIsRefusedBeforeCreating()
    {
        const EnvGuard guard("BERTH_SWTPM");
        qputenv("BERTH_SWTPM", "berth-test-no-such-swtpm");
        const BerthRun r = berth({u"create"_s, u"tpm"_s, u"--tpm"_s});
        VERIFY_RUN(r, 1);
        QVERIFY2(isOneErrorLine(r, u"swtpm package"_s), r.err.constData());
        QVERIFY(!QFileInfo::exists(library() + u"/tpm"_s));
    }
};

QTEST_GUILESS_MAIN(TestModernCli)
#include "tst_modern_cli.moc"
