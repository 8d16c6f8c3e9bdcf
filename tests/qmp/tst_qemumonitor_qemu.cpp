// SPDX-License-Identifier: GPL-2.0-or-later
// The typed monitor against a real qemu-system-x86_64 7.2 (TCG, paused with -S): every command
// a guest without an operating system can answer, with the devices Berth gives its VMs (a
// balloon, a user-mode network, a CD-ROM, a qcow2 disk, a VGA screen).
#include "tests/qmp/awaitresult.h"
#include "qmp/qemumonitor.h"
#include "qmp/qmpclient.h"
#include "tests/support/testqemu.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::Literals::StringLiterals;
using std::chrono::milliseconds;

namespace {

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

class TestQemuMonitorQemu final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_files; ///< the disk and the ISO
    std::unique_ptr<TestQemu> m_qemu;
    std::unique_ptr<QmpClient> m_client;
    std::optional<QemuMonitor> m_monitor;
    QString m_iso;

    static QStringList devices(const QString &folder)
    {
        return {
            u"-smp"_s,
            u"2"_s,
            u"-vga"_s,
            u"std"_s,
            u"-device"_s,
            u"virtio-balloon-pci,id=balloon0"_s,
            u"-netdev"_s,
            u"user,id=net0"_s,
            u"-device"_s,
            u"virtio-net-pci,netdev=net0,id=nic0"_s,
            u"-device"_s,
            u"ide-cd,id=cdrom0"_s,
            u"-blockdev"_s,
            u"driver=qcow2,node-name=disk0-fmt,file.driver=file,file.filename=%1/disk0.qcow2"_s.arg(
                folder),
            u"-device"_s,
            u"virtio-blk-pci,drive=disk0-fmt,id=disk0"_s};
    }

    /// The QOM path query-block reports for the disk, which block_set_io_throttle accepts.
    QString diskQdev()
    {
        const auto blocks = awaitResult<QList<QemuBlockDevice>>(
            [&](QObject *c, auto done) { m_monitor->queryBlock(c, done); });
        if (!blocks || blocks->hasError())
            return {};
        for (const QemuBlockDevice &d : blocks->value()) {
            if (d.inserted && d.inserted->nodeName == "disk0-fmt"_L1)
                return d.qdev;
        }
        return {};
    }

    /// Waits for JOB_STATUS_CHANGE "concluded" of @p jobId, then returns its error (empty when
    /// it worked) and dismisses it, as SnapshotOperation does.
    QString finishJob(QSignalSpy &jobEvents, const QString &jobId)
    {
        const bool concluded = QTest::qWaitFor(
            [&] {
                for (const QList<QVariant> &e : std::as_const(jobEvents)) {
                    if (e[0].toString() == jobId &&
                        qemuJobStatusFromName(e[1].toString()) == QemuJobStatus::Concluded)
                        return true;
                }
                return false;
            },
            30'000);
        if (!concluded)
            return u"job %1 did not conclude"_s.arg(jobId);
        const auto jobs = awaitResult<QList<QemuJobInfo>>(
            [&](QObject *c, auto done) { m_monitor->queryJobs(c, done); });
        if (!jobs || jobs->hasError())
            return u"query-jobs failed"_s;
        QString error = u"job %1 is not listed"_s.arg(jobId);
        for (const QemuJobInfo &job : jobs->value()) {
            if (job.id == jobId)
                error = job.status == QemuJobStatus::Concluded ? job.error : u"not concluded"_s;
        }
        const auto dismissed = awaitResult<void>(
            [&](QObject *c, auto done) { m_monitor->jobDismiss(jobId, c, done); });
        if (!dismissed || dismissed->hasError())
            return u"job-dismiss failed"_s;
        return error;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (TestQemu::binary().isEmpty())
            QFAIL("qemu-system-x86_64 is not installed (apt install qemu-system-x86)");
        QVERIFY(m_files.isValid());
        const QString folder = m_files.path();
        QProcess img;
        img.start(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s,
                                  folder + u"/disk0.qcow2"_s, u"64M"_s});
        QVERIFY2(img.waitForFinished(30'000) && img.exitCode() == 0,
                 qPrintable(QString::fromLocal8Bit(img.readAllStandardError())));
        m_iso = folder + u"/medium.iso"_s;
        QFile iso(m_iso);
        QVERIFY(iso.open(QIODevice::WriteOnly));
        QVERIFY(iso.resize(1024 * 1024));
        iso.close();

        m_qemu = std::make_unique<TestQemu>(1, devices(folder));
        QString error;
        QVERIFY2(m_qemu->start(&error), qPrintable(error));
        m_client = std::make_unique<QmpClient>();
        m_monitor.emplace(*m_client);
        QSignalSpy ready(m_client.get(), &QmpClient::ready);
        m_client->connectToUnixSocket(m_qemu->monitorPath());
        QVERIFY(ready.wait(10'000));
    }

    void cleanupTestCase()
    {
        m_monitor.reset();
        m_client.reset();
        m_qemu.reset();
    }

    void machineQueries()
    {
        const auto status = awaitResult<QemuStatus>(
            [&](QObject *c, auto done) { m_monitor->queryStatus(c, done); });
        QVERIFY(status && !status->hasError());
        QCOMPARE((*status)->state, QemuRunState::Prelaunch);
        QVERIFY(!(*status)->running);

        const auto kvm =
            awaitResult<QemuKvmInfo>([&](QObject *c, auto done) { m_monitor->queryKvm(c, done); });
        QVERIFY(kvm && !kvm->hasError());
        QVERIFY(!(*kvm)->enabled); // -accel tcg

        const auto version = awaitResult<QemuVersion>(
            [&](QObject *c, auto done) { m_monitor->queryVersion(c, done); });
        QVERIFY(version && !version->hasError());
        QVERIFY((*version)->major >= 7);
        QCOMPARE((*version)->major, m_client->greeting()
                                        .value("version"_L1)
                                        .toObject()
                                        .value("qemu"_L1)
                                        .toObject()
                                        .value("major"_L1)
                                        .toInt());

        const auto machines = awaitResult<QList<QemuMachineType>>(
            [&](QObject *c, auto done) { m_monitor->queryMachines(c, done); });
        QVERIFY(machines && !machines->hasError());
        const auto isDefault = [](const QemuMachineType &m) {
            return m.isDefault;
        };
        QCOMPARE(std::count_if(machines->value().begin(), machines->value().end(), isDefault), 1);
        const auto q35 = std::find_if(machines->value().begin(), machines->value().end(),
                                      [](const QemuMachineType &m) { return m.alias == "q35"_L1; });
        QVERIFY(q35 != machines->value().end());
        QVERIFY(q35->name.startsWith("pc-q35-"_L1));

        const auto cpus = awaitResult<QList<QemuCpu>>(
            [&](QObject *c, auto done) { m_monitor->queryCpusFast(c, done); });
        QVERIFY(cpus && !cpus->hasError());
        QCOMPARE(cpus->value().size(), 2);
        const qint64 pid = m_qemu->process().processId();
        for (const QemuCpu &cpu : cpus->value()) {
            QVERIFY(QFileInfo::exists(u"/proc/%1/task/%2/stat"_s.arg(pid).arg(cpu.threadId)));
            QCOMPARE(cpu.target, u"x86_64"_s);
        }
    }

    void runControl()
    {
        QSignalSpy resume(m_client.get(), &QmpClient::eventResume);
        QSignalSpy stop(m_client.get(), &QmpClient::eventStop);
        QSignalSpy reset(m_client.get(), &QmpClient::eventReset);
        QSignalSpy powerdown(m_client.get(), &QmpClient::eventPowerdown);

        auto r = awaitResult<void>([&](QObject *c, auto done) { m_monitor->cont(c, done); });
        QVERIFY(r && !r->hasError());
        QVERIFY(resume.size() == 1 || resume.wait(5000));
        auto status = awaitResult<QemuStatus>(
            [&](QObject *c, auto done) { m_monitor->queryStatus(c, done); });
        QCOMPARE((*status)->state, QemuRunState::Running);

        r = awaitResult<void>([&](QObject *c, auto done) { m_monitor->systemReset(c, done); });
        QVERIFY(r && !r->hasError());
        QVERIFY(reset.size() == 1 || reset.wait(5000));
        QCOMPARE(reset[0][1].toString(), u"host-qmp-system-reset"_s);

        r = awaitResult<void>([&](QObject *c, auto done) { m_monitor->systemPowerdown(c, done); });
        QVERIFY(r && !r->hasError());
        QVERIFY(powerdown.size() == 1 || powerdown.wait(5000));

        r = awaitResult<void>([&](QObject *c, auto done) { m_monitor->stop(c, done); });
        QVERIFY(r && !r->hasError());
        QVERIFY(stop.size() == 1 || stop.wait(5000));
        status = awaitResult<QemuStatus>(
            [&](QObject *c, auto done) { m_monitor->queryStatus(c, done); });
        QCOMPARE((*status)->state, QemuRunState::Paused);
    }

    void balloon()
    {
        const auto info = awaitResult<QemuBalloonInfo>(
            [&](QObject *c, auto done) { m_monitor->queryBalloon(c, done); });
        QVERIFY(info && !info->hasError());
        QCOMPARE((*info)->actualBytes, 64 * 1024 * 1024);

        // No guest driver answers, but QEMU takes the target.
        const auto target = awaitResult<void>(
            [&](QObject *c, auto done) { m_monitor->setBalloonTarget(48 * 1024 * 1024, c, done); });
        QVERIFY2(target && !target->hasError(), qPrintable(target->error().message()));

        auto interval = awaitResult<int>([&](QObject *c, auto done) {
            m_monitor->balloonStatsPollingInterval(u"balloon0"_s, c, done);
        });
        QVERIFY(interval && !interval->hasError());
        QCOMPARE(interval->value(), 0);
        const auto set = awaitResult<void>([&](QObject *c, auto done) {
            m_monitor->setBalloonStatsPollingInterval(u"balloon0"_s, 2, c, done);
        });
        QVERIFY(set && !set->hasError());
        interval = awaitResult<int>([&](QObject *c, auto done) {
            m_monitor->balloonStatsPollingInterval(u"balloon0"_s, c, done);
        });
        QCOMPARE(interval->value(), 2);

        const auto stats = awaitResult<QemuGuestMemoryStats>(
            [&](QObject *c, auto done) { m_monitor->balloonGuestStats(u"balloon0"_s, c, done); });
        QVERIFY2(stats && !stats->hasError(), qPrintable(stats->error().message()));
        QVERIFY(!(*stats)->hasReported()); // no guest driver
        QVERIFY(!(*stats)->totalBytes);

        const auto missing = awaitResult<QemuGuestMemoryStats>(
            [&](QObject *c, auto done) { m_monitor->balloonGuestStats(u"balloon9"_s, c, done); });
        QVERIFY(missing && missing->hasError());
        QCOMPARE(missing->error().errorClass(), u"DeviceNotFound"_s);
    }

    void sendKeys()
    {
        const auto sent = awaitResult<void>([&](QObject *c, auto done) {
            m_monitor->sendKeys({u"ctrl"_s, u"alt"_s, u"delete"_s}, milliseconds(50), c, done);
        });
        QVERIFY2(sent && !sent->hasError(), qPrintable(sent->error().message()));
        const auto bogus = awaitResult<void>([&](QObject *c, auto done) {
            m_monitor->sendKeys({u"nosuchkey"_s}, milliseconds(0), c, done);
        });
        QVERIFY(bogus && bogus->hasError());
        QCOMPARE(bogus->error().kind(), QmpError::Kind::Command);
        QVERIFY(bogus->error().description().contains("nosuchkey"_L1));
    }

    void hostForwards()
    {
        const quint16 port = freeLoopbackPort();
        QVERIFY(port != 0);
        const QemuHostForward ssh{QemuHostForward::Protocol::Tcp, u"127.0.0.1"_s, port, {}, 22};
        auto add = [&](const QemuHostForward &f) {
            return awaitResult<void>(
                [&](QObject *c, auto done) { m_monitor->hostForwardAdd(u"net0"_s, f, c, done); });
        };
        auto remove = [&](const QemuHostForward &f) {
            return awaitResult<void>([&](QObject *c, auto done) {
                m_monitor->hostForwardRemove(u"net0"_s, f, c, done);
            });
        };

        auto r = add(ssh);
        QVERIFY2(r && !r->hasError(), qPrintable(r->error().message()));
        // QEMU listens on the host port now.
        QTcpServer taken;
        QVERIFY(!taken.listen(QHostAddress::LocalHost, port));

        r = add(ssh); // the port is QEMU's already
        QVERIFY(r && r->hasError());
        QCOMPARE(r->error().command(), u"hostfwd_add"_s);
        QCOMPARE(r->error().description(),
                 u"Could not set up host forwarding rule '%1'"_s.arg(ssh.rule()));

        r = remove(ssh);
        QVERIFY2(r && !r->hasError(), qPrintable(r->error().message()));
        QVERIFY(taken.listen(QHostAddress::LocalHost, port));
        taken.close();

        r = remove(ssh);
        QVERIFY(r && r->hasError());
        QCOMPARE(r->error().description(),
                 u"host forwarding rule for %1 not found"_s.arg(ssh.hostSide()));

        // A rule QEMU cannot read comes back as QEMU's sentence.
        const QemuHostForward bad{QemuHostForward::Protocol::Tcp, u"999.1.1.1"_s, port, {}, 22};
        r = add(bad);
        QVERIFY(r && r->hasError());
        QCOMPARE(r->error().kind(), QmpError::Kind::Command);
        QCOMPARE(r->error().description(),
                 u"Invalid host forwarding rule '%1' (Bad host address)"_s.arg(bad.rule()));

        r = awaitResult<void>(
            [&](QObject *c, auto done) { m_monitor->hostForwardAdd(u"nonet"_s, ssh, c, done); });
        QVERIFY(r && r->hasError());
        QCOMPARE(r->error().description(), u"unrecognized netdev id 'nonet'"_s);
    }

    void screendump()
    {
        const QString png = m_qemu->directory() + u"/screen.png"_s;
        const auto r =
            awaitResult<void>([&](QObject *c, auto done) { m_monitor->screendump(png, c, done); });
        QVERIFY2(r && !r->hasError(), qPrintable(r->error().message()));
        QFile file(png);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.read(8), QByteArray("\x89PNG\r\n\x1a\n"));

        const auto failed = awaitResult<void>([&](QObject *c, auto done) {
            m_monitor->screendump(m_qemu->directory() + u"/no/such/folder.png"_s, c, done);
        });
        QVERIFY(failed && failed->hasError());
        QVERIFY(failed->error().description().contains("folder.png"_L1));
    }

    void cdromMedium()
    {
        QSignalSpy tray(m_client.get(), &QmpClient::eventDeviceTrayMoved);
        auto r = awaitResult<void>([&](QObject *c, auto done) {
            m_monitor->changeMedium(u"cdrom0"_s, m_iso, u"raw"_s, c, done);
        });
        QVERIFY2(r && !r->hasError(), qPrintable(r->error().message()));
        QTRY_VERIFY(!tray.isEmpty());
        QCOMPARE(tray.last()[1].toString(), u"cdrom0"_s);

        auto blocks = awaitResult<QList<QemuBlockDevice>>(
            [&](QObject *c, auto done) { m_monitor->queryBlock(c, done); });
        QVERIFY(blocks && !blocks->hasError());
        const auto cdrom = [&]() -> const QemuBlockDevice * {
            for (const QemuBlockDevice &d : blocks->value()) {
                if (d.qdev == "cdrom0"_L1)
                    return &d;
            }
            return nullptr;
        };
        QVERIFY(cdrom() && cdrom()->removable);
        QVERIFY(cdrom()->inserted);
        QCOMPARE(cdrom()->inserted->file, m_iso);
        QVERIFY(cdrom()->inserted->readOnly);

        r = awaitResult<void>(
            [&](QObject *c, auto done) { m_monitor->ejectMedium(u"cdrom0"_s, c, done); });
        QVERIFY2(r && !r->hasError(), qPrintable(r->error().message()));
        blocks = awaitResult<QList<QemuBlockDevice>>(
            [&](QObject *c, auto done) { m_monitor->queryBlock(c, done); });
        QVERIFY(cdrom() && !cdrom()->inserted);
        QVERIFY(cdrom()->trayOpen.value_or(false));

        r = awaitResult<void>([&](QObject *c, auto done) {
            m_monitor->changeMedium(u"cdrom9"_s, m_iso, u"raw"_s, c, done);
        });
        QVERIFY(r && r->hasError());
        QCOMPARE(r->error().errorClass(), u"DeviceNotFound"_s);
    }

    void diskThrottleAndStatistics()
    {
        const QString qdev = diskQdev();
        QVERIFY(!qdev.isEmpty());
        QemuIoThrottle limits;
        limits.readBytesPerSecond = 4 * 1024 * 1024;
        auto r = awaitResult<void>(
            [&](QObject *c, auto done) { m_monitor->setIoThrottle(qdev, limits, c, done); });
        QVERIFY2(r && !r->hasError(), qPrintable(r->error().message()));
        const auto blocks = awaitResult<QList<QemuBlockDevice>>(
            [&](QObject *c, auto done) { m_monitor->queryBlock(c, done); });
        bool seen = false;
        for (const QemuBlockDevice &d : blocks->value()) {
            if (d.qdev == qdev) {
                QCOMPARE(d.inserted->throttle, limits);
                seen = true;
            }
        }
        QVERIFY(seen);

        r = awaitResult<void>([&](QObject *c, auto done) {
            m_monitor->setIoThrottle(qdev, {100, 5, 0, 0, 0, 0}, c, done);
        });
        QVERIFY(r && r->hasError());
        QCOMPARE(r->error().kind(), QmpError::Kind::Command);

        const auto stats = awaitResult<QList<QemuBlockStats>>(
            [&](QObject *c, auto done) { m_monitor->queryBlockStats(c, done); });
        QVERIFY(stats && !stats->hasError());
        QVERIFY(std::any_of(stats->value().begin(), stats->value().end(),
                            [](const QemuBlockStats &s) { return s.nodeName == "disk0-fmt"_L1; }));
    }

    void snapshotJobs()
    {
        QSignalSpy jobs(m_client.get(), &QmpClient::eventJobStatusChange);
        const QStringList nodes{u"disk0-fmt"_s};
        auto r = awaitResult<void>([&](QObject *c, auto done) {
            m_monitor->snapshotSave(u"save1"_s, u"first"_s, nodes.first(), nodes, c, done);
        });
        QVERIFY2(r && !r->hasError(), qPrintable(r->error().message()));
        QCOMPARE(finishJob(jobs, u"save1"_s), QString());

        const auto blocks = awaitResult<QList<QemuBlockDevice>>(
            [&](QObject *c, auto done) { m_monitor->queryBlock(c, done); });
        QList<QemuSnapshotInfo> snapshots;
        for (const QemuBlockDevice &d : blocks->value()) {
            if (d.inserted && d.inserted->nodeName == "disk0-fmt"_L1)
                snapshots = d.inserted->image.snapshots;
        }
        QCOMPARE(snapshots.size(), 1);
        QCOMPARE(snapshots.first().name, u"first"_s);
        QVERIFY(snapshots.first().vmStateSize > 0);
        QVERIFY(qAbs(snapshots.first().created.secsTo(QDateTime::currentDateTimeUtc())) < 600);

        r = awaitResult<void>([&](QObject *c, auto done) {
            m_monitor->snapshotLoad(u"load1"_s, u"first"_s, nodes.first(), nodes, c, done);
        });
        QVERIFY(r && !r->hasError());
        QCOMPARE(finishJob(jobs, u"load1"_s), QString());

        // A job that fails says why in query-jobs.
        r = awaitResult<void>([&](QObject *c, auto done) {
            m_monitor->snapshotLoad(u"load2"_s, u"nosuch"_s, nodes.first(), nodes, c, done);
        });
        QVERIFY(r && !r->hasError());
        QVERIFY(finishJob(jobs, u"load2"_s).contains("nosuch"_L1));

        r = awaitResult<void>([&](QObject *c, auto done) {
            m_monitor->snapshotDelete(u"delete1"_s, u"first"_s, nodes, c, done);
        });
        QVERIFY(r && !r->hasError());
        QCOMPARE(finishJob(jobs, u"delete1"_s), QString());

        r = awaitResult<void>(
            [&](QObject *c, auto done) { m_monitor->jobDismiss(u"delete1"_s, c, done); });
        QVERIFY(r && r->hasError());
        QCOMPARE(r->error().description(), u"Job not found"_s);
    }

    void quit()
    {
        // Its own QEMU: quit ends the one the other tests share.
        TestQemu qemu;
        QString error;
        QVERIFY2(qemu.start(&error), qPrintable(error));
        QmpClient client;
        const QemuMonitor monitor(client);
        QSignalSpy ready(&client, &QmpClient::ready);
        client.connectToUnixSocket(qemu.monitorPath());
        QVERIFY(ready.wait(10'000));
        QSignalSpy shutdown(&client, &QmpClient::eventShutdown);
        QSignalSpy gone(&client, &QmpClient::disconnected);
        const auto r = awaitResult<void>([&](QObject *c, auto done) { monitor.quit(c, done); });
        QVERIFY2(r && !r->hasError(), qPrintable(r->error().message()));
        QVERIFY(shutdown.size() == 1 || shutdown.wait(5000));
        QCOMPARE(shutdown[0][1].toString(), u"host-qmp-quit"_s);
        QVERIFY(gone.size() == 1 || gone.wait(5000));
        QVERIFY(!gone[0][0].value<QmpError>().isError());
        QVERIFY(qemu.process().state() == QProcess::NotRunning ||
                qemu.process().waitForFinished(10'000));
    }
};

QTEST_GUILESS_MAIN(TestQemuMonitorQemu)
#include "tst_qemumonitor_qemu.moc"
