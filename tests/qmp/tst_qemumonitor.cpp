// SPDX-License-Identifier: GPL-2.0-or-later
// The typed monitor against the scripted fake server: for every command, the exact arguments
// that go out and the typed reading of the answer QEMU 7.2 gives (the replies below were
// captured from qemu-system-x86_64 7.2.22), plus QEMU's error answers. tst_qemumonitor_qemu
// runs the commands a paused QEMU can run against the real thing.
#include "qmp/qemumonitor.h"
#include "qmp/qmpclient.h"
#include "tests/qmp/awaitresult.h"
#include "tests/support/fakeqmpserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

#include <functional>
#include <optional>

using namespace Qt::Literals::StringLiterals;
using std::chrono::milliseconds;

namespace {

/// A reply as QEMU writes it, with the id the client sent.
QByteArray returning(const QByteArray &value)
{
    return R"({"return": )" + value + R"(, "id": %ID%})" + "\r\n";
}

QByteArray failing(const QByteArray &errorClass, const QByteArray &description)
{
    return R"({"error": {"class": ")" + errorClass + R"(", "desc": ")" + description +
           R"("}, "id": %ID%})" + "\r\n";
}

QJsonObject parseObject(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class TestQemuMonitor final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeQmpServer> m_server;
    std::unique_ptr<QmpClient> m_client;
    std::optional<QemuMonitor> m_monitor;

    /// Scripts @p command with @p arguments and @p reply, then runs a void command.
    void expectVoid(const QString &command, const QJsonObject &arguments,
                    const std::function<void(QObject *, QmpCallback<void>)> &start,
                    const QByteArray &reply = returning("{}"))
    {
        m_server->expect(command, arguments).thenRaw(reply);
        const auto r = awaitResult<void>(start);
        QVERIFY(r);
        QVERIFY2(!r->hasError(), qPrintable(r->error().message()));
        QVERIFY(m_server->allStepsDone());
    }

    template<typename T>
    QmpResult<T> expectError(const QString &command, const QByteArray &errorClass,
                             const QByteArray &description,
                             const std::function<void(QObject *, QmpCallback<T>)> &start)
    {
        m_server->expect(command).thenRaw(failing(errorClass, description));
        const auto r = awaitResult<T>(start);
        if (!r)
            return QmpError::timeout(command, 5000);
        return *r;
    }

    static void verifyCommandError(const QmpError &error, const QString &command,
                                   const QString &errorClass, const QString &description)
    {
        QCOMPARE(error.kind(), QmpError::Kind::Command);
        QCOMPARE(error.command(), command);
        QCOMPARE(error.errorClass(), errorClass);
        QCOMPARE(error.description(), description);
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeQmpServer>();
        QVERIFY(m_server->listen());
        m_client = std::make_unique<QmpClient>();
        m_monitor.emplace(*m_client);
        m_server->expectNegotiation();
        QSignalSpy ready(m_client.get(), &QmpClient::ready);
        m_client->connectToUnixSocket(m_server->socketPath());
        QVERIFY(ready.wait(5000));
    }

    void cleanup()
    {
        if (m_server) {
            QVERIFY2(m_server->failures().isEmpty(),
                     qPrintable(m_server->failures().join(u"; "_s)));
            QVERIFY(m_server->allStepsDone());
        }
        m_monitor.reset();
        m_client.reset();
        m_server.reset();
    }

    // ---- the machine ----------------------------------------------------------------------

    void queryStatus()
    {
        m_server->expect(u"query-status"_s, QJsonObject{})
            .thenRaw(
                returning(R"({"status": "prelaunch", "singlestep": false, "running": false})"));
        auto r = awaitResult<QemuStatus>(
            [&](QObject *c, auto done) { m_monitor->queryStatus(c, done); });
        QVERIFY(r && !r->hasError());
        QCOMPARE((*r)->state, QemuRunState::Prelaunch);
        QCOMPARE((*r)->stateName, u"prelaunch"_s);
        QCOMPARE((*r)->running, false);

        m_server->expect(u"query-status"_s)
            .thenRaw(returning(R"({"status": "running", "singlestep": false, "running": true})"));
        r = awaitResult<QemuStatus>(
            [&](QObject *c, auto done) { m_monitor->queryStatus(c, done); });
        QVERIFY(r && !r->hasError());
        QCOMPARE((*r)->state, QemuRunState::Running);
        QVERIFY((*r)->running);

        m_server->expect(u"query-status"_s)
            .thenRaw(returning(
                R"({"status": "guest-panicked", "singlestep": false, "running": false})"));
        r = awaitResult<QemuStatus>(
            [&](QObject *c, auto done) { m_monitor->queryStatus(c, done); });
        QVERIFY(r && !r->hasError());
        QCOMPARE((*r)->state, QemuRunState::GuestPanicked);
    }

    void runStateNames()
    {
        QCOMPARE(qemuRunStateFromName(u"paused"), QemuRunState::Paused);
        QCOMPARE(qemuRunStateFromName(u"shutdown"), QemuRunState::Shutdown);
        QCOMPARE(qemuRunStateFromName(u"internal-error"), QemuRunState::InternalError);
        QCOMPARE(qemuRunStateFromName(u"io-error"), QemuRunState::IoError);
        QCOMPARE(qemuRunStateFromName(u"something-new"), QemuRunState::Unknown);
    }

    void queryKvm()
    {
        m_server->expect(u"query-kvm"_s, QJsonObject{})
            .thenRaw(returning(R"({"enabled": false, "present": true})"));
        const auto r =
            awaitResult<QemuKvmInfo>([&](QObject *c, auto done) { m_monitor->queryKvm(c, done); });
        QVERIFY(r && !r->hasError());
        QCOMPARE((*r)->enabled, false);
        QCOMPARE((*r)->present, true);
    }

    void queryVersion()
    {
        m_server->expect(u"query-version"_s, QJsonObject{})
            .thenRaw(returning(
                R"({"qemu": {"micro": 22, "minor": 2, "major": 7}, "package": "Debian 1:7.2+dfsg-7+deb12u18+b3"})"));
        const auto r = awaitResult<QemuVersion>(
            [&](QObject *c, auto done) { m_monitor->queryVersion(c, done); });
        QVERIFY(r && !r->hasError());
        QCOMPARE((*r)->major, 7);
        QCOMPARE((*r)->minor, 2);
        QCOMPARE((*r)->micro, 22);
        QCOMPARE((*r)->package, u"Debian 1:7.2+dfsg-7+deb12u18+b3"_s);
    }

    void queryMachines()
    {
        m_server->expect(u"query-machines"_s, QJsonObject{})
            .thenRaw(returning(
                R"([{"hotpluggable-cpus": true, "name": "pc-i440fx-1.4", "numa-mem-supported": true, "default-cpu-type": "qemu64-x86_64-cpu", "cpu-max": 255, "deprecated": true, "default-ram-id": "pc.ram"}, )"
                R"({"hotpluggable-cpus": false, "name": "none", "numa-mem-supported": false, "cpu-max": 1, "deprecated": false, "default-ram-id": "ram"}, )"
                R"({"hotpluggable-cpus": true, "name": "pc-q35-7.2", "numa-mem-supported": false, "default-cpu-type": "qemu64-x86_64-cpu", "cpu-max": 288, "deprecated": false, "default-ram-id": "pc.ram", "alias": "q35"}, )"
                R"({"hotpluggable-cpus": true, "name": "pc-i440fx-7.2", "numa-mem-supported": false, "default-cpu-type": "qemu64-x86_64-cpu", "is-default": true, "cpu-max": 255, "deprecated": false, "default-ram-id": "pc.ram", "alias": "pc"}])"));
        const auto r = awaitResult<QList<QemuMachineType>>(
            [&](QObject *c, auto done) { m_monitor->queryMachines(c, done); });
        QVERIFY(r && !r->hasError());
        const QList<QemuMachineType> &machines = r->value();
        QCOMPARE(machines.size(), 4);
        QCOMPARE(machines[0].name, u"pc-i440fx-1.4"_s);
        QVERIFY(machines[0].deprecated);
        QVERIFY(!machines[0].isDefault);
        QVERIFY(machines[0].alias.isEmpty());
        QCOMPARE(machines[1].name, u"none"_s);
        QCOMPARE(machines[1].cpuMax, 1);
        QCOMPARE(machines[2].alias, u"q35"_s);
        QCOMPARE(machines[2].cpuMax, 288);
        QCOMPARE(machines[3].name, u"pc-i440fx-7.2"_s);
        QCOMPARE(machines[3].alias, u"pc"_s);
        QVERIFY(machines[3].isDefault);
        QVERIFY(!machines[3].deprecated);
    }

    void queryCpusFast()
    {
        m_server->expect(u"query-cpus-fast"_s, QJsonObject{})
            .thenRaw(returning(
                R"([{"thread-id": 9966, "props": {"core-id": 0, "thread-id": 0, "socket-id": 0}, "qom-path": "/machine/unattached/device[0]", "cpu-index": 0, "target": "x86_64"}, )"
                R"({"thread-id": 9967, "props": {"core-id": 1, "thread-id": 0, "socket-id": 0}, "qom-path": "/machine/unattached/device[2]", "cpu-index": 1, "target": "x86_64"}])"));
        const auto r = awaitResult<QList<QemuCpu>>(
            [&](QObject *c, auto done) { m_monitor->queryCpusFast(c, done); });
        QVERIFY(r && !r->hasError());
        QCOMPARE(r->value().size(), 2);
        QCOMPARE(r->value()[0].index, 0);
        QCOMPARE(r->value()[0].threadId, 9966);
        QCOMPARE(r->value()[0].qomPath, u"/machine/unattached/device[0]"_s);
        QCOMPARE(r->value()[0].target, u"x86_64"_s);
        QCOMPARE(r->value()[1].index, 1);
        QCOMPARE(r->value()[1].threadId, 9967);
    }

    void commandsWithoutArguments_data()
    {
        QTest::addColumn<QString>("command");
        QTest::newRow("stop") << u"stop"_s;
        QTest::newRow("cont") << u"cont"_s;
        QTest::newRow("system_reset") << u"system_reset"_s;
        QTest::newRow("system_powerdown") << u"system_powerdown"_s;
        QTest::newRow("quit") << u"quit"_s;
    }

    void commandsWithoutArguments()
    {
        QFETCH(QString, command);
        const QHash<QString, void (QemuMonitor::*)(QObject *, QmpCallback<void>) const> functions{
            {u"stop"_s, &QemuMonitor::stop},
            {u"cont"_s, &QemuMonitor::cont},
            {u"system_reset"_s, &QemuMonitor::systemReset},
            {u"system_powerdown"_s, &QemuMonitor::systemPowerdown},
            {u"quit"_s, &QemuMonitor::quit},
        };
        const auto function = functions.value(command);
        expectVoid(command, {}, [&](QObject *c, auto done) { ((*m_monitor).*function)(c, done); });
    }

    void stopFailsWithQemusWords()
    {
        const auto r =
            expectError<void>(u"stop"_s, "GenericError", "There is no QMP command 'stop' here",
                              [&](QObject *c, auto done) { m_monitor->stop(c, done); });
        verifyCommandError(r.error(), u"stop"_s, u"GenericError"_s,
                           u"There is no QMP command 'stop' here"_s);
    }

    void commandWithoutCallbackStillGoesOut()
    {
        m_server->expect(u"cont"_s, QJsonObject{});
        m_monitor->cont(this);
        QTRY_VERIFY(m_server->allStepsDone());
        // Its answer arrives with nobody to tell; the next call is unaffected.
        m_server->expect(u"query-kvm"_s)
            .thenRaw(returning(R"({"enabled": true, "present": true})"));
        const auto r =
            awaitResult<QemuKvmInfo>([&](QObject *c, auto done) { m_monitor->queryKvm(c, done); });
        QVERIFY(r && !r->hasError() && (*r)->enabled);
    }

    // ---- memory balloon -------------------------------------------------------------------

    void queryBalloon()
    {
        m_server->expect(u"query-balloon"_s, QJsonObject{})
            .thenRaw(returning(R"({"actual": 268435456})"));
        const auto r = awaitResult<QemuBalloonInfo>(
            [&](QObject *c, auto done) { m_monitor->queryBalloon(c, done); });
        QVERIFY(r && !r->hasError());
        QCOMPARE((*r)->actualBytes, 268435456);

        const auto none = expectError<QemuBalloonInfo>(
            u"query-balloon"_s, "DeviceNotActive", "No balloon device has been activated",
            [&](QObject *c, auto done) { m_monitor->queryBalloon(c, done); });
        verifyCommandError(none.error(), u"query-balloon"_s, u"DeviceNotActive"_s,
                           u"No balloon device has been activated"_s);
    }

    void setBalloonTarget()
    {
        expectVoid(u"balloon"_s, {{u"value"_s, 134217728}},
                   [&](QObject *c, auto done) { m_monitor->setBalloonTarget(134217728, c, done); });
    }

    void balloonPollingInterval()
    {
        m_server
            ->expect(u"qom-get"_s, QJsonObject{{u"path"_s, u"/machine/peripheral/balloon0"_s},
                                               {u"property"_s, u"guest-stats-polling-interval"_s}})
            .thenRaw(returning("0"));
        const auto r = awaitResult<int>([&](QObject *c, auto done) {
            m_monitor->balloonStatsPollingInterval(u"balloon0"_s, c, done);
        });
        QVERIFY(r && !r->hasError());
        QCOMPARE(r->value(), 0);

        expectVoid(u"qom-set"_s,
                   {{u"path"_s, u"/machine/peripheral/balloon0"_s},
                    {u"property"_s, u"guest-stats-polling-interval"_s},
                    {u"value"_s, 2}},
                   [&](QObject *c, auto done) {
                       m_monitor->setBalloonStatsPollingInterval(u"balloon0"_s, 2, c, done);
                   });
    }

    void balloonGuestStatsBeforeTheGuestReported()
    {
        m_server
            ->expect(u"qom-get"_s, QJsonObject{{u"path"_s, u"/machine/peripheral/balloon0"_s},
                                               {u"property"_s, u"guest-stats"_s}})
            .thenRaw(returning(
                R"({"stats": {"stat-htlb-pgalloc": 18446744073709551615, "stat-swap-out": 18446744073709551615, "stat-available-memory": 18446744073709551615, "stat-htlb-pgfail": 18446744073709551615, "stat-free-memory": 18446744073709551615, "stat-minor-faults": 18446744073709551615, "stat-major-faults": 18446744073709551615, "stat-total-memory": 18446744073709551615, "stat-swap-in": 18446744073709551615, "stat-disk-caches": 18446744073709551615}, "last-update": 0})"));
        const auto r = awaitResult<QemuGuestMemoryStats>(
            [&](QObject *c, auto done) { m_monitor->balloonGuestStats(u"balloon0"_s, c, done); });
        QVERIFY(r && !r->hasError());
        QVERIFY(!(*r)->hasReported());
        QVERIFY(!(*r)->totalBytes);
        QVERIFY(!(*r)->availableBytes);
        QVERIFY(!(*r)->freeBytes);
        QVERIFY(!(*r)->diskCacheBytes);
        QVERIFY(!(*r)->majorFaults);
    }

    void balloonGuestStatsOnceReported()
    {
        // The shape of a Linux guest's report; stat-available-memory missing as in kernels
        // before 3.14, swap never reported.
        m_server->expect(u"qom-get"_s)
            .thenRaw(returning(
                R"({"stats": {"stat-htlb-pgalloc": 0, "stat-swap-out": 18446744073709551615, "stat-available-memory": 18446744073709551615, "stat-htlb-pgfail": 0, "stat-free-memory": 197840896, "stat-minor-faults": 12873, "stat-major-faults": 166, "stat-total-memory": 236482560, "stat-swap-in": 18446744073709551615, "stat-disk-caches": 9031680}, "last-update": 1796290700})"));
        const auto r = awaitResult<QemuGuestMemoryStats>(
            [&](QObject *c, auto done) { m_monitor->balloonGuestStats(u"balloon0"_s, c, done); });
        QVERIFY(r && !r->hasError());
        QVERIFY((*r)->hasReported());
        QCOMPARE((*r)->lastUpdate, QDateTime::fromSecsSinceEpoch(1796290700, Qt::UTC));
        QCOMPARE((*r)->totalBytes.value_or(0), 236482560u);
        QCOMPARE((*r)->freeBytes.value_or(0), 197840896u);
        QCOMPARE((*r)->diskCacheBytes.value_or(0), 9031680u);
        QCOMPARE((*r)->majorFaults.value_or(0), 166u);
        QCOMPARE((*r)->minorFaults.value_or(0), 12873u);
        QVERIFY(!(*r)->availableBytes);
        QVERIFY(!(*r)->swappedInBytes);
    }

    void balloonOfAnotherIdAndAMissingOne()
    {
        m_server
            ->expect(u"qom-get"_s, QJsonObject{{u"path"_s, u"/machine/peripheral/nope"_s},
                                               {u"property"_s, u"guest-stats"_s}})
            .thenRaw(failing("DeviceNotFound", "Device '/machine/peripheral/nope' not found"));
        const auto r = awaitResult<QemuGuestMemoryStats>(
            [&](QObject *c, auto done) { m_monitor->balloonGuestStats(u"nope"_s, c, done); });
        QVERIFY(r);
        verifyCommandError(r->error(), u"qom-get"_s, u"DeviceNotFound"_s,
                           u"Device '/machine/peripheral/nope' not found"_s);
        QCOMPARE(QemuMonitor::peripheralPath(u"balloon0"_s), u"/machine/peripheral/balloon0"_s);
    }

    // ---- block devices --------------------------------------------------------------------

    void queryBlock()
    {
        m_server->expect(u"query-block"_s, QJsonObject{})
            .thenRaw(returning(
                R"([{"io-status": "ok", "device": "", "locked": false, "removable": false, "inserted": {"iops_rd": 0, "detect_zeroes": "off", "image": {"snapshots": [{"vm-clock-nsec": 0, "name": "snap1", "date-sec": 1796290673, "date-nsec": 123873000, "vm-clock-sec": 0, "id": "1", "vm-state-size": 654352}], "virtual-size": 67108864, "filename": "/tmp/mon/d.qcow2", "cluster-size": 65536, "format": "qcow2", "actual-size": 995328, "format-specific": {"type": "qcow2", "data": {"compat": "1.1", "compression-type": "zlib", "lazy-refcounts": false, "refcount-bits": 16, "corrupt": false, "extended-l2": false}}, "dirty-flag": false}, "iops_wr": 0, "ro": false, "node-name": "disk0-fmt", "backing_file_depth": 0, "drv": "qcow2", "iops": 0, "bps_wr": 0, "write_threshold": 0, "encrypted": false, "bps": 0, "bps_rd": 4194304, "cache": {"no-flush": false, "direct": false, "writeback": true}, "file": "/tmp/mon/d.qcow2"}, "qdev": "/machine/peripheral/disk0/virtio-backend", "type": "unknown"}, )"
                R"({"io-status": "ok", "device": "cd0", "locked": false, "removable": true, "qdev": "cdrom0", "tray_open": true, "type": "unknown"}])"));
        const auto r = awaitResult<QList<QemuBlockDevice>>(
            [&](QObject *c, auto done) { m_monitor->queryBlock(c, done); });
        QVERIFY2(r && !r->hasError(), r ? qPrintable(r->error().message()) : "no answer");
        QCOMPARE(r->value().size(), 2);

        const QemuBlockDevice &disk = r->value()[0];
        QCOMPARE(disk.device, QString());
        QCOMPARE(disk.qdev, u"/machine/peripheral/disk0/virtio-backend"_s);
        QVERIFY(!disk.removable);
        QVERIFY(!disk.trayOpen);
        QVERIFY(disk.inserted);
        QCOMPARE(disk.inserted->nodeName, u"disk0-fmt"_s);
        QCOMPARE(disk.inserted->driver, u"qcow2"_s);
        QCOMPARE(disk.inserted->file, u"/tmp/mon/d.qcow2"_s);
        QVERIFY(!disk.inserted->readOnly);
        QCOMPARE(disk.inserted->throttle.readBytesPerSecond, 4194304);
        QCOMPARE(disk.inserted->throttle.bytesPerSecond, 0);
        QCOMPARE(disk.inserted->image.format, u"qcow2"_s);
        QCOMPARE(disk.inserted->image.virtualSize, 67108864);
        QCOMPARE(disk.inserted->image.actualSize.value_or(-1), 995328);
        QCOMPARE(disk.inserted->image.snapshots.size(), 1);
        const QemuSnapshotInfo &snapshot = disk.inserted->image.snapshots.first();
        QCOMPARE(snapshot.id, u"1"_s);
        QCOMPARE(snapshot.name, u"snap1"_s);
        QCOMPARE(snapshot.vmStateSize, 654352);
        QCOMPARE(snapshot.created, QDateTime::fromMSecsSinceEpoch(1796290673123LL, Qt::UTC));

        const QemuBlockDevice &cdrom = r->value()[1];
        QCOMPARE(cdrom.device, u"cd0"_s);
        QCOMPARE(cdrom.qdev, u"cdrom0"_s);
        QVERIFY(cdrom.removable);
        QVERIFY(cdrom.trayOpen.value_or(false));
        QVERIFY(!cdrom.inserted);
    }

    void queryBlockStats()
    {
        m_server->expect(u"query-blockstats"_s, QJsonObject{})
            .thenRaw(returning(
                R"([{"device": "", "parent": {"stats": {"unmap_operations": 0, "unmap_merged": 0, "flush_total_time_ns": 0, "wr_highest_offset": 1179648, "wr_total_time_ns": 0, "failed_wr_operations": 0, "failed_rd_operations": 0, "wr_merged": 0, "wr_bytes": 0, "timed_stats": [], "failed_unmap_operations": 0, "failed_flush_operations": 0, "account_invalid": false, "rd_total_time_ns": 0, "invalid_unmap_operations": 0, "flush_operations": 0, "wr_operations": 0, "unmap_bytes": 0, "rd_merged": 0, "rd_bytes": 0, "unmap_total_time_ns": 0, "invalid_flush_operations": 0, "account_failed": false, "rd_operations": 0, "invalid_wr_operations": 0, "invalid_rd_operations": 0}, "node-name": "file0", "driver-specific": {"discard-bytes-ok": 0, "discard-nb-ok": 0, "driver": "file", "discard-nb-failed": 0}}, "stats": {"unmap_operations": 0, "unmap_merged": 0, "flush_total_time_ns": 0, "wr_highest_offset": 0, "wr_total_time_ns": 0, "failed_wr_operations": 0, "failed_rd_operations": 0, "wr_merged": 0, "wr_bytes": 1536000, "timed_stats": [], "failed_unmap_operations": 0, "failed_flush_operations": 0, "account_invalid": true, "rd_total_time_ns": 0, "invalid_unmap_operations": 0, "flush_operations": 0, "wr_operations": 12, "unmap_bytes": 0, "rd_merged": 0, "rd_bytes": 16777216, "unmap_total_time_ns": 0, "invalid_flush_operations": 0, "account_failed": true, "rd_operations": 260, "invalid_wr_operations": 0, "invalid_rd_operations": 0}, "node-name": "disk0-fmt", "qdev": "/machine/peripheral/disk0/virtio-backend"}, )"
                R"({"device": "cd0", "stats": {"unmap_operations": 0, "unmap_merged": 0, "flush_total_time_ns": 0, "wr_highest_offset": 0, "wr_total_time_ns": 0, "failed_wr_operations": 0, "failed_rd_operations": 0, "wr_merged": 0, "wr_bytes": 0, "timed_stats": [], "failed_unmap_operations": 0, "failed_flush_operations": 0, "account_invalid": true, "rd_total_time_ns": 0, "invalid_unmap_operations": 0, "flush_operations": 0, "wr_operations": 0, "unmap_bytes": 0, "rd_merged": 0, "rd_bytes": 0, "unmap_total_time_ns": 0, "invalid_flush_operations": 0, "account_failed": true, "rd_operations": 0, "invalid_wr_operations": 0, "invalid_rd_operations": 0}, "qdev": "cdrom0"}])"));
        const auto r = awaitResult<QList<QemuBlockStats>>(
            [&](QObject *c, auto done) { m_monitor->queryBlockStats(c, done); });
        QVERIFY(r && !r->hasError());
        QCOMPARE(r->value().size(), 2);
        const QemuBlockStats &disk = r->value()[0];
        QCOMPARE(disk.nodeName, u"disk0-fmt"_s);
        QCOMPARE(disk.qdev, u"/machine/peripheral/disk0/virtio-backend"_s);
        QCOMPARE(disk.readBytes, 16777216u);
        QCOMPARE(disk.writtenBytes, 1536000u);
        QCOMPARE(disk.readOperations, 260u);
        QCOMPARE(disk.writeOperations, 12u);
        QCOMPARE(r->value()[1].device, u"cd0"_s);
        QCOMPARE(r->value()[1].qdev, u"cdrom0"_s);
        QCOMPARE(r->value()[1].nodeName, QString());
    }

    void setIoThrottle()
    {
        QemuIoThrottle limits;
        limits.readBytesPerSecond = 4194304;
        limits.writeIops = 200;
        expectVoid(u"block_set_io_throttle"_s,
                   {{u"id"_s, u"/machine/peripheral/disk0/virtio-backend"_s},
                    {u"bps"_s, 0},
                    {u"bps_rd"_s, 4194304},
                    {u"bps_wr"_s, 0},
                    {u"iops"_s, 0},
                    {u"iops_rd"_s, 0},
                    {u"iops_wr"_s, 200}},
                   [&](QObject *c, auto done) {
                       m_monitor->setIoThrottle(u"/machine/peripheral/disk0/virtio-backend"_s,
                                                limits, c, done);
                   });

        // In a throttle group: the disks of one VM share the limits.
        expectVoid(u"block_set_io_throttle"_s,
                   {{u"id"_s, u"disk0"_s},
                    {u"bps"_s, 0},
                    {u"bps_rd"_s, 4194304},
                    {u"bps_wr"_s, 0},
                    {u"iops"_s, 0},
                    {u"iops_rd"_s, 0},
                    {u"iops_wr"_s, 200},
                    {u"group"_s, u"berth-io"_s}},
                   [&](QObject *c, auto done) {
                       m_monitor->setIoThrottle(u"disk0"_s, limits, u"berth-io"_s, c, done);
                   });

        const auto r = expectError<void>(
            u"block_set_io_throttle"_s, "GenericError",
            "bps/iops/max total values and read/write values cannot be used at the same time",
            [&](QObject *c, auto done) {
                m_monitor->setIoThrottle(u"disk1"_s, {100, 5, 0, 0, 0, 0}, c, done);
            });
        verifyCommandError(
            r.error(), u"block_set_io_throttle"_s, u"GenericError"_s,
            u"bps/iops/max total values and read/write values cannot be used at the same time"_s);
    }

    void changeMedium()
    {
        expectVoid(u"blockdev-change-medium"_s,
                   {{u"id"_s, u"cdrom0-dev"_s},
                    {u"filename"_s, u"/srv/iso/debian-12.iso"_s},
                    {u"format"_s, u"raw"_s}},
                   [&](QObject *c, auto done) {
                       m_monitor->changeMedium(u"cdrom0-dev"_s, u"/srv/iso/debian-12.iso"_s,
                                               u"raw"_s, c, done);
                   });
        const auto r = expectError<void>(
            u"blockdev-change-medium"_s, "GenericError",
            "Could not open '/tmp/mon/missing.iso': No such file or directory",
            [&](QObject *c, auto done) {
                m_monitor->changeMedium(u"cdrom0-dev"_s, u"/tmp/mon/missing.iso"_s, u"raw"_s, c,
                                        done);
            });
        verifyCommandError(r.error(), u"blockdev-change-medium"_s, u"GenericError"_s,
                           u"Could not open '/tmp/mon/missing.iso': No such file or directory"_s);
    }

    void ejectMedium()
    {
        expectVoid(
            u"eject"_s, {{u"id"_s, u"cdrom0-dev"_s}, {u"force"_s, true}},
            [&](QObject *c, auto done) { m_monitor->ejectMedium(u"cdrom0-dev"_s, c, done); });
        const auto r = expectError<void>(
            u"eject"_s, "DeviceNotFound", "Device 'nope' not found",
            [&](QObject *c, auto done) { m_monitor->ejectMedium(u"nope"_s, c, done); });
        verifyCommandError(r.error(), u"eject"_s, u"DeviceNotFound"_s,
                           u"Device 'nope' not found"_s);
    }

    // ---- display and input ----------------------------------------------------------------

    void screendump()
    {
        expectVoid(u"screendump"_s,
                   {{u"filename"_s, u"/run/user/1000/berth/screen.png"_s}, {u"format"_s, u"png"_s}},
                   [&](QObject *c, auto done) {
                       m_monitor->screendump(u"/run/user/1000/berth/screen.png"_s, c, done);
                   });
        const auto r =
            expectError<void>(u"screendump"_s, "GenericError",
                              "failed to open file '/nonexistent/s.png': No such file or directory",
                              [&](QObject *c, auto done) {
                                  m_monitor->screendump(u"/nonexistent/s.png"_s, c, done);
                              });
        verifyCommandError(
            r.error(), u"screendump"_s, u"GenericError"_s,
            u"failed to open file '/nonexistent/s.png': No such file or directory"_s);
    }

    void sendKeys()
    {
        expectVoid(
            u"send-key"_s,
            parseObject(
                R"({"keys": [{"type": "qcode", "data": "ctrl"}, {"type": "qcode", "data": "alt"}, {"type": "qcode", "data": "delete"}], "hold-time": 50})"),
            [&](QObject *c, auto done) {
                m_monitor->sendKeys({u"ctrl"_s, u"alt"_s, u"delete"_s}, milliseconds(50), c, done);
            });
        // Without a hold time QEMU picks its own (100 ms): none is sent.
        expectVoid(u"send-key"_s, parseObject(R"({"keys": [{"type": "qcode", "data": "f2"}]})"),
                   [&](QObject *c, auto done) {
                       m_monitor->sendKeys({u"f2"_s}, milliseconds(0), c, done);
                   });
        const auto r = expectError<void>(
            u"send-key"_s, "GenericError", "Parameter 'data' does not accept value 'nosuchkey'",
            [&](QObject *c, auto done) {
                m_monitor->sendKeys({u"nosuchkey"_s}, milliseconds(0), c, done);
            });
        verifyCommandError(r.error(), u"send-key"_s, u"GenericError"_s,
                           u"Parameter 'data' does not accept value 'nosuchkey'"_s);
    }

    // ---- snapshots (jobs) -----------------------------------------------------------------

    void snapshotJobs()
    {
        expectVoid(
            u"snapshot-save"_s,
            parseObject(
                R"({"job-id": "j1", "tag": "snap1", "vmstate": "disk0-fmt", "devices": ["disk0-fmt", "disk1-fmt"]})"),
            [&](QObject *c, auto done) {
                m_monitor->snapshotSave(u"j1"_s, u"snap1"_s, u"disk0-fmt"_s,
                                        {u"disk0-fmt"_s, u"disk1-fmt"_s}, c, done);
            });
        expectVoid(
            u"snapshot-load"_s,
            parseObject(
                R"({"job-id": "j2", "tag": "snap1", "vmstate": "disk0-fmt", "devices": ["disk0-fmt"]})"),
            [&](QObject *c, auto done) {
                m_monitor->snapshotLoad(u"j2"_s, u"snap1"_s, u"disk0-fmt"_s, {u"disk0-fmt"_s}, c,
                                        done);
            });
        expectVoid(u"snapshot-delete"_s,
                   parseObject(R"({"job-id": "j3", "tag": "snap1", "devices": ["disk0-fmt"]})"),
                   [&](QObject *c, auto done) {
                       m_monitor->snapshotDelete(u"j3"_s, u"snap1"_s, {u"disk0-fmt"_s}, c, done);
                   });
        expectVoid(u"job-dismiss"_s, {{u"id"_s, u"j1"_s}},
                   [&](QObject *c, auto done) { m_monitor->jobDismiss(u"j1"_s, c, done); });
        const auto r = expectError<void>(
            u"job-dismiss"_s, "GenericError", "Job not found",
            [&](QObject *c, auto done) { m_monitor->jobDismiss(u"j1"_s, c, done); });
        verifyCommandError(r.error(), u"job-dismiss"_s, u"GenericError"_s, u"Job not found"_s);
    }

    void queryJobs()
    {
        m_server->expect(u"query-jobs"_s, QJsonObject{})
            .thenRaw(returning(
                R"([{"current-progress": 1, "status": "concluded", "total-progress": 1, "type": "snapshot-load", "id": "j2", "error": "Snapshot 'nosuch' does not exist in one or more devices"}, )"
                R"({"current-progress": 0, "status": "running", "total-progress": 1, "type": "snapshot-save", "id": "j4"}])"));
        const auto r = awaitResult<QList<QemuJobInfo>>(
            [&](QObject *c, auto done) { m_monitor->queryJobs(c, done); });
        QVERIFY(r && !r->hasError());
        QCOMPARE(r->value().size(), 2);
        const QemuJobInfo &failed = r->value()[0];
        QCOMPARE(failed.id, u"j2"_s);
        QCOMPARE(failed.type, u"snapshot-load"_s);
        QCOMPARE(failed.status, QemuJobStatus::Concluded);
        QCOMPARE(failed.currentProgress, 1);
        QCOMPARE(failed.totalProgress, 1);
        QCOMPARE(failed.error, u"Snapshot 'nosuch' does not exist in one or more devices"_s);
        QCOMPARE(r->value()[1].status, QemuJobStatus::Running);
        QVERIFY(r->value()[1].error.isEmpty());
        QCOMPARE(qemuJobStatusFromName(u"null"), QemuJobStatus::Null);
        QCOMPARE(qemuJobStatusFromName(u"aborting"), QemuJobStatus::Aborting);
    }

    // ---- user-mode network ----------------------------------------------------------------

    void hostForwardAdd()
    {
        const QemuHostForward ssh{QemuHostForward::Protocol::Tcp, u"127.0.0.1"_s, 22222, {}, 22};
        QCOMPARE(ssh.rule(), u"tcp:127.0.0.1:22222-:22"_s);
        expectVoid(
            u"human-monitor-command"_s,
            {{u"command-line"_s, u"hostfwd_add net0 tcp:127.0.0.1:22222-:22"_s}},
            [&](QObject *c, auto done) { m_monitor->hostForwardAdd(u"net0"_s, ssh, c, done); },
            returning(R"("")"));

        m_server->expect(u"human-monitor-command"_s)
            .thenRaw(returning(
                R"("Could not set up host forwarding rule 'tcp:127.0.0.1:22222-:22'\r\n")"));
        const auto r = awaitResult<void>(
            [&](QObject *c, auto done) { m_monitor->hostForwardAdd(u"net0"_s, ssh, c, done); });
        QVERIFY(r);
        verifyCommandError(r->error(), u"hostfwd_add"_s, u"GenericError"_s,
                           u"Could not set up host forwarding rule 'tcp:127.0.0.1:22222-:22'"_s);
    }

    void hostForwardAddToAnUnknownNetwork()
    {
        const QemuHostForward dns{QemuHostForward::Protocol::Udp, {}, 5353, u"10.0.2.15"_s, 53};
        QCOMPARE(dns.rule(), u"udp::5353-10.0.2.15:53"_s);
        m_server
            ->expect(
                u"human-monitor-command"_s,
                QJsonObject{{u"command-line"_s, u"hostfwd_add nonet udp::5353-10.0.2.15:53"_s}})
            .thenRaw(returning(R"("unrecognized netdev id 'nonet'\r\n")"));
        const auto r = awaitResult<void>(
            [&](QObject *c, auto done) { m_monitor->hostForwardAdd(u"nonet"_s, dns, c, done); });
        QVERIFY(r);
        verifyCommandError(r->error(), u"hostfwd_add"_s, u"GenericError"_s,
                           u"unrecognized netdev id 'nonet'"_s);
    }

    void userNetworkSockets()
    {
        // QEMU 7.2's text for two user-mode networks: a forward, a connection into the guest
        // through it, and one the guest made to the host (10.0.2.2).
        m_server
            ->expect(u"human-monitor-command"_s,
                     QJsonObject{{u"command-line"_s, u"info usernet"_s}})
            .thenRaw(returning(
                R"("Hub -1 (net0):\r\n)"
                R"(  Protocol[State]    FD  Source Address  Port   Dest. Address  Port RecvQ SendQ\r\n)"
                R"(  TCP[HOST_FORWARD]   3       127.0.0.1  5555       10.0.2.15    80     0     0\r\n)"
                R"(  TCP[ESTABLISHED]   17       127.0.0.1 41234       10.0.2.15    80     0     0\r\n)"
                R"(  TCP[ESTABLISHED]   18       10.0.2.16 40000        10.0.2.2  8080     0     0\r\n)"
                R"(Hub -1 (net1):\r\n)"
                R"(  Protocol[State]    FD  Source Address  Port   Dest. Address  Port RecvQ SendQ\r\n)"
                R"(  UDP[236 sec]       19       10.0.2.15    68        10.0.2.2    67     0     0\r\n")"));
        const auto r = awaitResult<QList<QemuUserSocket>>(
            [&](QObject *c, auto done) { m_monitor->userNetworkSockets(u"net0"_s, c, done); });
        QVERIFY(r && !r->hasError());
        QCOMPARE(r->value(),
                 (QList<QemuUserSocket>{
                     {u"TCP"_s, u"HOST_FORWARD"_s, u"10.0.2.15"_s, 80, u"127.0.0.1"_s, 5555},
                     {u"TCP"_s, u"ESTABLISHED"_s, u"10.0.2.15"_s, 80, u"127.0.0.1"_s, 41234},
                     {u"TCP"_s, u"ESTABLISHED"_s, u"10.0.2.16"_s, 40000, u"10.0.2.2"_s, 8080},
                 }));
    }

    void hostForwardRemove()
    {
        const QemuHostForward ssh{QemuHostForward::Protocol::Tcp, u"127.0.0.1"_s, 22222, {}, 22};
        QCOMPARE(ssh.hostSide(), u"tcp:127.0.0.1:22222"_s);
        expectVoid(
            u"human-monitor-command"_s,
            {{u"command-line"_s, u"hostfwd_remove net0 tcp:127.0.0.1:22222"_s}},
            [&](QObject *c, auto done) { m_monitor->hostForwardRemove(u"net0"_s, ssh, c, done); },
            returning(R"("host forwarding rule for tcp:127.0.0.1:22222 removed\r\n")"));

        m_server->expect(u"human-monitor-command"_s)
            .thenRaw(returning(R"("host forwarding rule for tcp:127.0.0.1:22222 not found\r\n")"));
        const auto r = awaitResult<void>(
            [&](QObject *c, auto done) { m_monitor->hostForwardRemove(u"net0"_s, ssh, c, done); });
        QVERIFY(r);
        verifyCommandError(r->error(), u"hostfwd_remove"_s, u"GenericError"_s,
                           u"host forwarding rule for tcp:127.0.0.1:22222 not found"_s);
    }

    void hostForwardWithAnotherCommandInsideIsNotSent()
    {
        const QemuHostForward sneaky{
            QemuHostForward::Protocol::Tcp, u"127.0.0.1 quit"_s, 2222, {}, 22};
        bool insideTheCall = true;
        std::optional<QmpResult<void>> added;
        QObject context;
        m_monitor->hostForwardAdd(u"net0"_s, sneaky, &context, [&](const QmpResult<void> &r) {
            QVERIFY(!insideTheCall);
            added.emplace(r);
        });
        insideTheCall = false;
        QTRY_VERIFY(added);
        QCOMPARE(added->error().kind(), QmpError::Kind::Command);
        QCOMPARE(added->error().command(), u"hostfwd_add"_s);

        const auto removed = awaitResult<void>([&](QObject *c, auto done) {
            m_monitor->hostForwardRemove(u"net0\nquit"_s, {}, c, done);
        });
        QVERIFY(removed && removed->hasError());
        QCOMPARE(m_server->received(), QStringList{u"qmp_capabilities"_s});
    }

    // ---- how answers are delivered --------------------------------------------------------

    void answerOfTheWrongShapeIsAReplyError()
    {
        m_server->expect(u"query-status"_s).thenRaw(returning(R"({"status": 5, "running": true})"));
        const auto status = awaitResult<QemuStatus>(
            [&](QObject *c, auto done) { m_monitor->queryStatus(c, done); });
        QVERIFY(status && status->hasError());
        QCOMPARE(status->error().kind(), QmpError::Kind::Reply);
        QCOMPARE(status->error().command(), u"query-status"_s);
        QVERIFY2(status->error().message().contains("\"status\""_L1),
                 qPrintable(status->error().message()));

        m_server->expect(u"query-cpus-fast"_s).thenRaw(returning("{}"));
        const auto cpus = awaitResult<QList<QemuCpu>>(
            [&](QObject *c, auto done) { m_monitor->queryCpusFast(c, done); });
        QVERIFY(cpus && cpus->hasError());
        QCOMPARE(cpus->error().kind(), QmpError::Kind::Reply);

        m_server->expect(u"query-jobs"_s)
            .thenRaw(returning(R"([{"id": "j1", "type": "snapshot-save", "status": "running"}])"));
        const auto jobs = awaitResult<QList<QemuJobInfo>>(
            [&](QObject *c, auto done) { m_monitor->queryJobs(c, done); });
        QVERIFY(jobs && jobs->hasError());
        QVERIFY2(jobs->error().description().contains("current-progress"_L1),
                 qPrintable(jobs->error().description()));
        QCOMPARE(m_client->state(), QmpClient::State::Ready); // not the session's fault
    }

    void destroyedContextIsNotCalled()
    {
        m_server->expect(u"query-status"_s)
            .thenRaw(returning(R"({"status": "running", "singlestep": false, "running": true})"));
        bool called = false;
        {
            QObject context;
            m_monitor->queryStatus(&context, [&](const QmpResult<QemuStatus> &) { called = true; });
        }
        // Answers come in order: once the next one is here, the first was handled.
        m_server->expect(u"query-kvm"_s)
            .thenRaw(returning(R"({"enabled": false, "present": true})"));
        const auto r =
            awaitResult<QemuKvmInfo>([&](QObject *c, auto done) { m_monitor->queryKvm(c, done); });
        QVERIFY(r && !r->hasError());
        QVERIFY(!called);
    }

    void callWhileNotReadyFailsFromTheEventLoop()
    {
        m_client->disconnectFromServer();
        QTRY_COMPARE(m_client->state(), QmpClient::State::Disconnected);
        bool insideTheCall = true;
        std::optional<QmpResult<QemuStatus>> r;
        QObject context;
        m_monitor->queryStatus(&context, [&](const QmpResult<QemuStatus> &result) {
            QVERIFY(!insideTheCall);
            r.emplace(result);
        });
        insideTheCall = false;
        QTRY_VERIFY(r);
        QCOMPARE(r->error().kind(), QmpError::Kind::NotReady);
        QCOMPARE(r->error().command(), u"query-status"_s);
    }

    void pendingCallIsInterruptedWhenTheConnectionEnds()
    {
        m_server->expect(u"query-block"_s).thenReturn(QJsonArray()).thenHold();
        std::optional<QmpResult<QList<QemuBlockDevice>>> r;
        QObject context;
        m_monitor->queryBlock(
            &context, [&](const QmpResult<QList<QemuBlockDevice>> &result) { r.emplace(result); });
        QTRY_COMPARE(m_server->received().size(), 2);
        m_server->closeClient();
        QTRY_VERIFY(r);
        QCOMPARE(r->error().kind(), QmpError::Kind::Interrupted);
        QCOMPARE(r->error().command(), u"query-block"_s);
    }
};

QTEST_GUILESS_MAIN(TestQemuMonitor)
#include "tst_qemumonitor.moc"
