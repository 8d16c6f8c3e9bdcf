// SPDX-License-Identifier: GPL-2.0-or-later
// UEFI VMs: the command line QEMU gets, what check() says when OVMF or the variables are
// missing, and a real VM that boots OVMF under TCG (its UEFI shell on the serial port)
// and takes a live snapshot that covers the disk and the UEFI variables.
#include "models/snapshots/snapshotoperation.h"
#include "models/vm/qemucommandline.h"
#include "models/vm/uefifirmware.h"
#include "models/vm/vminstance.h"
#include "models/vm/vmlayout.h"
#include "qmp/qemumonitor.h"
#include "qmp/qmpclient.h"
#include "tests/support/testguest.h"
#include "tests/support/verifyoutcome.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kBootTimeoutMs = 180'000; // OVMF under TCG on a busy 2-core machine

QByteArray qemuImg(const QStringList &arguments)
{
    QProcess p;
    p.start(u"qemu-img"_s, arguments);
    if (!p.waitForFinished(60'000) || p.exitCode() != 0)
        return {};
    return p.readAllStandardOutput();
}

/// The message of the Outcome<> a finished() signal carried, or empty.
QString failureOf(const QList<QVariant> &finished)
{
    const auto outcome = finished.at(0).value<Outcome<>>();
    return outcome ? QString() : outcome.failure().message();
}

QStringList snapshotNames(const QString &image)
{
    const QJsonObject info =
        QJsonDocument::fromJson(qemuImg({u"info"_s, u"--output=json"_s, u"-U"_s, image})).object();
    QStringList names;
    const QJsonArray snapshots = info.value("snapshots"_L1).toArray();
    for (const QJsonValue &s : snapshots)
        names << s.toObject().value("name"_L1).toString();
    return names;
}

} // namespace

class TestUefi final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PrivateRuntime> m_runtimeDir; // this test's XDG_RUNTIME_DIR
    std::unique_ptr<QTemporaryDir> m_vmDir;

    QString folder() const { return m_vmDir->path(); }

    VmDefinition uefiVm(const QString &disk) const
    {
        VmDefinition d;
        d.name = u"uefi"_s;
        d.uuid = QUuid::createUuid();
        d.machine = u"q35"_s;
        d.accelerator = Accelerator::Tcg;
        d.memoryMiB = 256;
        d.firmware = Firmware::Uefi;
        d.nics.clear(); // no PXE attempts: straight to the UEFI shell
        if (!disk.isEmpty())
            d.disks.append({disk, u"qcow2"_s, u"virtio"_s});
        return d;
    }

    QString makeVars()
    {
        QString result = u"pending"_s;
        QObject context;
        UefiFirmware::createVariables(
            VmLayout::ofFolder(folder()), false, &context,
            [&](const Outcome<> &made) { result = made ? QString() : made.failure().message(); });
        if (!QTest::qWaitFor([&] { return result != "pending"_L1; }, 60'000))
            return u"timed out"_s;
        return result;
    }

private Q_SLOTS:
    void init()
    {
        m_runtimeDir = std::make_unique<PrivateRuntime>();
        m_vmDir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_runtimeDir->isValid() && m_vmDir->isValid());
        qunsetenv("BERTH_OVMF_DIR");
    }

    void cleanup()
    {
        m_runtimeDir.reset(); // kills what a failed check left running
        qunsetenv("BERTH_OVMF_DIR");
    }

    void variablesAreAQcow2CopyOfTheTemplate()
    {
        const Outcome<UefiFirmware::Files> found = UefiFirmware::find();
        QVERIFY2(found, qPrintable(failureMessage(found)));
        const UefiFirmware::Files ovmf = *found;
        QCOMPARE(makeVars(), QString());
        const QString vars = VmLayout::ofFolder(folder()).uefiVarsPath();
        const QJsonObject info =
            QJsonDocument::fromJson(qemuImg({u"info"_s, u"--output=json"_s, vars})).object();
        QCOMPARE(info.value("format"_L1).toString(), u"qcow2"_s);
        QCOMPARE(info.value("virtual-size"_L1).toInteger(), QFileInfo(ovmf.varsTemplate).size());
        // Same bytes as the template, independently of Berth.
        QProcess compare;
        compare.start(u"qemu-img"_s, {u"compare"_s, u"-f"_s, u"raw"_s, u"-F"_s, u"qcow2"_s,
                                      ovmf.varsTemplate, vars});
        QVERIFY(compare.waitForFinished(60'000));
        QCOMPARE(compare.exitCode(), 0);
        // Made beside it and renamed: nothing else is left in the folder.
        QCOMPARE(QDir(folder()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{u"uefi-vars.qcow2"_s});

        // An existing variables file is kept (a VM's boot entries live there).
        QFile f(vars);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(f.size() - 1);
        f.write("x");
        f.close();
        const qint64 size = QFileInfo(vars).size();
        QCOMPARE(makeVars(), QString());
        QCOMPARE(QFileInfo(vars).size(), size);
    }

    void commandLineHasBothPflashDrives()
    {
        QCOMPARE(makeVars(), QString());
        const QemuCommandLine cl(uefiVm({}), folder(), m_runtimeDir->path(), Accelerator::Tcg);
        QCOMPARE(cl.check(), QString());
        const QStringList args = cl.arguments();
        const QString machine = args.at(args.indexOf(u"-machine"_s) + 1);
        QVERIFY2(machine.contains(u",pflash0=uefi-code,pflash1=uefi-vars"_s), qPrintable(machine));
        const QString joined = args.join(u'\n');
        QVERIFY(joined.contains(u"driver=raw,node-name=uefi-code,read-only=on"_s));
        QVERIFY(
            joined.contains(u"driver=qcow2,node-name=uefi-vars,file.driver=file,"
                            "file.filename=%1"_s.arg(VmLayout::ofFolder(folder()).uefiVarsPath())));
    }

    void missingFirmwareOrVariablesAreExplained()
    {
        const QemuCommandLine cl(uefiVm({}), folder(), m_runtimeDir->path(), Accelerator::Tcg);
        QString error = cl.check();
        QVERIFY2(error.contains(VmLayout::ofFolder(folder()).uefiVarsPath()) &&
                     error.contains("does not exist"_L1),
                 qPrintable(error));

        qputenv("BERTH_OVMF_DIR", QFile::encodeName(folder())); // no OVMF there
        error = cl.check();
        QVERIFY2(error.contains("install the ovmf package"_L1), qPrintable(error));
        QCOMPARE(makeVars(), error);
        QVERIFY(!QFile::exists(VmLayout::ofFolder(folder()).uefiVarsPath()));

        // Starting says the same, and leaves nothing behind.
        VmInstance vm(uefiVm({}), folder(), VmInstance::MonitorRole::Gui);
        QSignalSpy failed(&vm, &VmInstance::actionFailed);
        vm.start();
        QVERIFY(failed.wait(30'000));
        QCOMPARE(failed.at(0).at(1).toString(), error);
        QCOMPARE(vm.state(), VmState::Stopped);
    }

    void uefiVmBootsOvmfAndSnapshotsWithItsVariables()
    {
        const QString disk = folder() + u"/disk.qcow2"_s;
        QVERIFY(!qemuImg({u"create"_s, u"-f"_s, u"qcow2"_s, disk, u"64M"_s}).isNull());
        // No variables file yet: the first start makes it.
        VmInstance vm(uefiVm(disk), folder(), VmInstance::MonitorRole::Gui);
        QSignalSpy failed(&vm, &VmInstance::actionFailed);
        QSignalSpy started(&vm, &VmInstance::started);
        vm.start();
        QVERIFY2(started.wait(60'000),
                 failed.isEmpty() ? "not started" : qPrintable(failed.at(0).at(1).toString()));
        QVERIFY(UefiFirmware::isQcow2(VmLayout::ofFolder(folder()).uefiVarsPath()));

        // QEMU runs the guest, and OVMF (not SeaBIOS) is what it runs: TianoCore's shell
        // appears on the serial console once it finds nothing to boot.
        bool running = false;
        QemuMonitor(*vm.qmp()).queryStatus(this, [&](const QmpResult<QemuStatus> &status) {
            running = status && status->state == QemuRunState::Running;
        });
        QTRY_VERIFY(running);
        const QString serial = VmLayout::ofFolder(folder()).serialLogPath();
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         QFile f(serial);
                         return f.open(QIODevice::ReadOnly) && f.readAll().contains("Shell>");
                     },
                     kBootTimeoutMs),
                 "OVMF's UEFI shell did not appear on the serial console");

        // A live snapshot: allowed, and it lands in the disk and in the UEFI variables.
        QCOMPARE(SnapshotOperation::checkSnapshottable(vm.definition(), folder()), QString());
        SnapshotOperation op(&vm);
        QSignalSpy done(&op, &SnapshotOperation::finished);
        op.create(u"in-shell"_s);
        QVERIFY(done.wait(120'000));
        QVERIFY2(done.at(0).at(0).value<Outcome<>>().ok(), qPrintable(failureOf(done.at(0))));
        QVERIFY(op.wasLive());
        QVERIFY(op.store().find(u"in-shell"_s));
        QVERIFY(op.store().find(u"in-shell"_s)->hasMemoryState);
        QCOMPARE(snapshotNames(disk), QStringList{u"in-shell"_s});
        QCOMPARE(snapshotNames(VmLayout::ofFolder(folder()).uefiVarsPath()),
                 QStringList{u"in-shell"_s});

        // ... and the guest is reverted to it live.
        done.clear();
        op.revert(u"in-shell"_s);
        QVERIFY(done.wait(120'000));
        QVERIFY2(done.at(0).at(0).value<Outcome<>>().ok(), qPrintable(failureOf(done.at(0))));

        vm.forceStop();
        QTRY_COMPARE_WITH_TIMEOUT(vm.state(), VmState::Stopped, 30'000);
    }
};

QTEST_GUILESS_MAIN(TestUefi)
#include "tst_uefi.moc"
