// SPDX-License-Identifier: GPL-2.0-or-later
// Secure Boot against the real OVMF under TCG: a VM whose disk holds an EFI system partition
// with Debian's kernel as \EFI\BOOT\BOOTX64.EFI (signed by Debian, not by Microsoft). With
// Secure Boot (OVMF_CODE_4M.ms.fd, variables with Microsoft's keys, SMM) the firmware refuses
// it ("Access Denied") and its own unsigned shell ("Security Violation"); without, the same
// disk starts. The firmware's boot manager says so on the serial console.
#include "models/vm/uefifirmware.h"
#include "models/vm/vminstance.h"
#include "models/vm/vmlayout.h"
#include "tests/support/testguest.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kBootTimeoutMs = 120'000;
constexpr int kActionTimeoutMs = 30'000;

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

int run(const QString &program, const QStringList &arguments)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedChannels);
    p.start(program, arguments);
    return p.waitForFinished(60'000) && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace

class TestSecureBoot final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PrivateRuntime> m_runtime;
    QTemporaryDir m_dir;
    QString m_esp;

    /// Boots a UEFI VM on the ESP with or without Secure Boot until the firmware's boot
    /// manager has said @p until; returns its serial console.
    QByteArray boot(const QString &name, bool secureBoot, const QByteArray &until)
    {
        const QString folder = m_dir.filePath(name);
        QDir().mkpath(folder);
        VmDefinition d = TestGuest::definition(name);
        d.kernel.clear();
        d.initrd.clear();
        d.kernelArgs.clear();
        d.machine = u"q35"_s;
        d.firmware = Firmware::Uefi;
        d.secureBoot = secureBoot;
        d.disks = {VmDisk{m_esp, u"raw"_s, u"virtio"_s}};
        VmInstance vm(d, folder, VmInstance::MonitorRole::Gui);
        QSignalSpy started(&vm, &VmInstance::started);
        QSignalSpy failed(&vm, &VmInstance::actionFailed);
        vm.start(); // makes the variables from the template first
        if (!QTest::qWaitFor([&] { return !started.isEmpty() || !failed.isEmpty(); },
                             kBootTimeoutMs) ||
            !failed.isEmpty()) {
            qWarning("start failed: %s",
                     failed.isEmpty() ? "no answer" : qPrintable(failed[0][1].toString()));
            return {};
        }
        const QString log = VmLayout::ofFolder(folder).serialLogPath();
        (void)QTest::qWaitFor([&] { return readFile(log).contains(until); }, kBootTimeoutMs);
        vm.forceStop();
        (void)QTest::qWaitFor([&] { return vm.state() == VmState::Stopped; }, kActionTimeoutMs);
        return readFile(log);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(TestGuest::isAvailable(), "the test guest is not built (BERTH_TEST_GUEST_DIR)");
        QVERIFY2(UefiFirmware::find(true), "the ovmf package is needed");
        for (const char *tool : {"mkfs.vfat", "mmd", "mcopy"})
            QVERIFY2(!QStandardPaths::findExecutable(QString::fromLatin1(tool),
                                                     {u"/usr/sbin"_s, u"/sbin"_s, u"/usr/bin"_s})
                          .isEmpty(),
                     "dosfstools and mtools are needed");
        m_runtime = std::make_unique<PrivateRuntime>();
        QVERIFY(m_dir.isValid() && m_runtime->isValid());
        // An EFI system partition with Debian's signed kernel as the removable-media loader.
        m_esp = m_dir.filePath(u"esp.img"_s);
        QFile esp(m_esp);
        QVERIFY(esp.open(QIODevice::WriteOnly) && esp.resize(64 * 1024 * 1024));
        esp.close();
        const QString mkfs =
            QStandardPaths::findExecutable(u"mkfs.vfat"_s, {u"/usr/sbin"_s, u"/sbin"_s});
        QCOMPARE(run(mkfs, {m_esp}), 0);
        QCOMPARE(run(u"mmd"_s, {u"-i"_s, m_esp, u"::/EFI"_s, u"::/EFI/BOOT"_s}), 0);
        QCOMPARE(run(u"mcopy"_s, {u"-i"_s, m_esp, TestGuest::directory() + u"/vmlinuz"_s,
                                  u"::/EFI/BOOT/BOOTX64.EFI"_s}),
                 0);
    }

    void secureBootRefusesWhatMicrosoftDidNotSign()
    {
        const QByteArray log = boot(u"sb"_s, true, "No bootable option");
        QVERIFY2(log.contains("Access Denied"), log.right(2000).constData());
        QVERIFY(log.contains("Security Violation")); // OVMF's own unsigned shell
        QVERIFY(!log.contains("starting Boot0001"));
    }

    void withoutSecureBootTheSameDiskStarts()
    {
        const QByteArray log = boot(u"plain"_s, false, "starting Boot0001");
        QVERIFY2(log.contains("starting Boot0001"), log.right(2000).constData());
        QVERIFY(!log.contains("Access Denied"));
    }
};

QTEST_GUILESS_MAIN(TestSecureBoot)
#include "tst_secureboot.moc"
