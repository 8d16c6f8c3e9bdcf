// SPDX-License-Identifier: GPL-2.0-or-later
// Snapshots against real qcow2 images (qemu-img, qemu-io) and a real QEMU booting the tiny
// test guest under TCG: the guest prints "BERTH-TICK n" once a second with n in its memory,
// so a revert that really restored memory makes the count resume at the snapshot's n + 1.
#include "models/snapshots/snapshotoperation.h"
#include "models/snapshots/snapshotstore.h"
#include "models/vm/qemuprocesswatcher.h"
#include "models/vm/uefifirmware.h"
#include "models/vm/vminstance.h"
#include "models/vm/vmlayout.h"
#include "qmp/qemumonitor.h"
#include "qmp/qmpclient.h"
#include "tests/support/testguest.h"
#include "tests/support/verifyoutcome.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

#include <csignal>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kBootTimeoutMs = 90'000;
constexpr int kJobTimeoutMs = 120'000;

struct OpResult
{
    bool ok = false;
    QString error;
};

/// What one finished() said.
OpResult resultOf(const QList<QVariant> &finished)
{
    const auto outcome = finished.at(0).value<Outcome<>>();
    return {outcome.ok(), outcome ? QString() : outcome.failure().message()};
}

/// Runs one action and waits for finished().
OpResult runOp(SnapshotOperation &op, const std::function<void(SnapshotOperation &)> &action)
{
    QSignalSpy finished(&op, &SnapshotOperation::finished);
    action(op);
    if (!finished.wait(kJobTimeoutMs))
        return {false, u"no answer"_s};
    return resultOf(finished[0]);
}

int runTool(const QString &program, const QStringList &args, QByteArray *output = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(60'000))
        return -1;
    if (output)
        *output = p.readAll();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

QStringList imageSnapshotNames(const QString &disk)
{
    QByteArray out;
    QProcess p;
    p.start(u"qemu-img"_s, {u"info"_s, u"--output=json"_s, u"-U"_s, disk});
    p.waitForFinished(30'000);
    QStringList names;
    const QJsonArray list =
        QJsonDocument::fromJson(p.readAllStandardOutput()).object().value("snapshots"_L1).toArray();
    for (const QJsonValue &v : list)
        names.append(v.toObject().value("name"_L1).toString());
    return names;
}

QStringList storeNames(const SnapshotStore &store)
{
    QStringList names;
    for (const SnapshotInfo &s : store.snapshots())
        names.append(s.name);
    names.sort();
    return names;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// The tick numbers in @p log from byte @p from on.
QList<int> ticks(const QByteArray &log, qsizetype from = 0)
{
    static const QRegularExpression re(u"BERTH-TICK (\\d+)\\r?\\n"_s);
    QList<int> out;
    const QString text = QString::fromLatin1(log.mid(from));
    for (auto it = re.globalMatch(text); it.hasNext();)
        out.append(it.next().captured(1).toInt());
    return out;
}

} // namespace

class TestSnapshots final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PrivateRuntime> m_runtimeDir; // this test's XDG_RUNTIME_DIR
    std::unique_ptr<QTemporaryDir> m_vmDir;

    QString vmFolder() const { return m_vmDir->path(); }

    QString makeDisk(const QString &name, const QString &format = u"qcow2"_s)
    {
        const QString path = vmFolder() + u'/' + name;
        if (runTool(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, format, path, u"64M"_s}) != 0)
            return {};
        return path;
    }

    VmDefinition definition(const QList<VmDisk> &disks) const
    {
        VmDefinition d = TestGuest::definition(u"snappy"_s);
        d.disks = disks;
        return d;
    }

    QByteArray serial() const { return readFile(VmLayout::ofFolder(vmFolder()).serialLogPath()); }

    bool waitForTick(int atLeast, qsizetype from = 0, int timeoutMs = kBootTimeoutMs) const
    {
        return QTest::qWaitFor(
            [&] {
                const QList<int> t = ticks(serial(), from);
                return !t.isEmpty() && t.last() >= atLeast;
            },
            timeoutMs);
    }

    static bool qemuIoReads(const QString &disk, const char *pattern)
    {
        return runTool(u"qemu-io"_s,
                       {u"-f"_s, u"qcow2"_s, u"-c"_s,
                        u"read -P %1 0 4k"_s.arg(QLatin1StringView(pattern)), disk}) == 0;
    }
    static bool qemuIoWrites(const QString &disk, const char *pattern)
    {
        return runTool(u"qemu-io"_s,
                       {u"-f"_s, u"qcow2"_s, u"-c"_s,
                        u"write -P %1 0 4k"_s.arg(QLatin1StringView(pattern)), disk}) == 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!QStandardPaths::findExecutable(u"qemu-img"_s).isEmpty(), "qemu-img is missing");
        QVERIFY2(!QStandardPaths::findExecutable(u"qemu-io"_s).isEmpty(), "qemu-io is missing");
    }

    void init()
    {
        m_runtimeDir = std::make_unique<PrivateRuntime>();
        m_vmDir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_runtimeDir->isValid() && m_vmDir->isValid());
    }

    void cleanup()
    {
        m_runtimeDir.reset(); // kills what a failed check left running
    }

    void refusesWhatCannotBeSnapshotted()
    {
        const QString folder = m_vmDir->path();
        VmDefinition none = definition({});
        QVERIFY(SnapshotOperation::checkSnapshottable(none, folder).contains(u"has no disk"_s));

        const QString raw = makeDisk(u"raw.img"_s, u"raw"_s);
        QVERIFY(!raw.isEmpty());
        VmDefinition rawVm = definition({{raw, u"raw"_s, u"virtio"_s}});
        const QString why = SnapshotOperation::checkSnapshottable(rawVm, folder);
        QVERIFY2(why.contains(u"is raw, not qcow2"_s), qPrintable(why));

        VmDefinition uefi = definition({{makeDisk(u"u.qcow2"_s), u"qcow2"_s, u"virtio"_s}});
        uefi.firmware = Firmware::Uefi;
        // UEFI: refused while the variables file is missing or raw, allowed once qcow2.
        QVERIFY(SnapshotOperation::checkSnapshottable(uefi, folder).contains(u"UEFI"_s));
        QVERIFY(QFile::copy(u"/usr/share/OVMF/OVMF_VARS_4M.fd"_s,
                            VmLayout::ofFolder(folder).uefiVarsPath()));
        QVERIFY(SnapshotOperation::checkSnapshottable(uefi, folder).contains(u"UEFI"_s));
        QVERIFY(QFile::remove(VmLayout::ofFolder(folder).uefiVarsPath()));
        QString made = u"pending"_s;
        QObject context;
        UefiFirmware::createVariables(
            VmLayout::ofFolder(folder), false, &context,
            [&](const Outcome<> &o) { made = o ? QString() : o.failure().message(); });
        QTRY_COMPARE(made, QString());
        QVERIFY(UefiFirmware::isQcow2(VmLayout::ofFolder(folder).uefiVarsPath()));
        QCOMPARE(SnapshotOperation::checkSnapshottable(uefi, folder), QString());

        QVERIFY(!SnapshotStore::validateTag(u"12"_s).isEmpty());
        QVERIFY(!SnapshotStore::validateTag(u" x"_s).isEmpty());
        QVERIFY(!SnapshotStore::validateTag({}).isEmpty());
        QVERIFY(SnapshotStore::validateTag(u"before upgrade"_s).isEmpty());

        // The operation refuses before touching the image, and says why.
        VmInstance vm(rawVm, vmFolder(), VmInstance::MonitorRole::Gui);
        SnapshotOperation op(&vm);
        const OpResult o = runOp(op, [](SnapshotOperation &s) { s.create(u"x"_s); });
        QVERIFY(!o.ok);
        QCOMPARE(o.error, why);
        QVERIFY(!QFile::exists(VmLayout::ofFolder(vmFolder()).snapshotsPath()));
    }

    void listWithoutQcow2AnswersFromTheEventLoop()
    {
        // No image to read: finished() must still come from the event loop, never inside the
        // call (a caller that connects, calls, then runs its loop would wait forever).
        const QString raw = makeDisk(u"raw.img"_s, u"raw"_s);
        for (const VmDefinition &d : {definition({}), definition({{raw, u"raw"_s, u"virtio"_s}})}) {
            VmInstance vm(d, vmFolder(), VmInstance::MonitorRole::Gui);
            SnapshotOperation op(&vm);
            QSignalSpy finished(&op, &SnapshotOperation::finished);
            op.refresh();
            QCOMPARE(finished.size(), 0);
            QVERIFY(finished.wait(kJobTimeoutMs));
            QCOMPARE(finished.size(), 1);
            const OpResult result = resultOf(finished[0]);
            QVERIFY2(result.ok, qPrintable(result.error));
            QVERIFY(op.store().snapshots().isEmpty());
        }
    }

    void offlineRoundTripRestoresDiskContent()
    {
        const QString disk = makeDisk(u"disk.qcow2"_s);
        QVERIFY(!disk.isEmpty());
        VmInstance vm(definition({{disk, u"qcow2"_s, u"virtio"_s}}), vmFolder(),
                      VmInstance::MonitorRole::Gui);
        SnapshotOperation op(&vm);

        QVERIFY(qemuIoWrites(disk, "0xab"));
        OpResult o = runOp(op, [](SnapshotOperation &s) { s.create(u"before"_s, u"ab"_s); });
        QVERIFY2(o.ok, qPrintable(o.error));
        QVERIFY(!op.wasLive());
        QCOMPARE(imageSnapshotNames(disk), QStringList{u"before"_s});
        QCOMPARE(op.store().current(), u"before"_s);
        QVERIFY(!op.store().find(u"before"_s)->hasMemoryState);

        QVERIFY(qemuIoWrites(disk, "0xcd"));
        QVERIFY(qemuIoReads(disk, "0xcd"));

        // A name that exists is refused, and the image keeps one snapshot.
        o = runOp(op, [](SnapshotOperation &s) { s.create(u"before"_s); });
        QVERIFY(!o.ok);
        QVERIFY2(o.error.contains(u"already has a snapshot named \"before\""_s),
                 qPrintable(o.error));
        QCOMPARE(imageSnapshotNames(disk).size(), 1);

        o = runOp(op, [](SnapshotOperation &s) { s.revert(u"before"_s); });
        QVERIFY2(o.ok, qPrintable(o.error));
        QVERIFY(qemuIoReads(disk, "0xab"));
        QVERIFY(!qemuIoReads(disk, "0xcd"));

        o = runOp(op, [](SnapshotOperation &s) { s.revert(u"missing"_s); });
        QVERIFY(!o.ok);
        QVERIFY2(o.error.contains(u"no snapshot named \"missing\""_s), qPrintable(o.error));

        o = runOp(op, [](SnapshotOperation &s) { s.remove(u"before"_s); });
        QVERIFY2(o.ok, qPrintable(o.error));
        QVERIFY(imageSnapshotNames(disk).isEmpty());
        QVERIFY(op.store().snapshots().isEmpty());
        QVERIFY(qemuIoReads(disk, "0xab")); // deleting a snapshot never touches the disk
    }

    void aDiskAddedLaterIsLeftAsItIs()
    {
        // Issue 13: a snapshot taken before a disk was added is kept and can still be
        // reverted to and deleted; the added disk keeps its contents. Before, qemu-img failed
        // on the added disk after the first one had already been reverted.
        const QString disk = makeDisk(u"disk.qcow2"_s);
        QVERIFY(qemuIoWrites(disk, "0xab"));
        {
            VmInstance vm(definition({{disk, u"qcow2"_s, u"virtio"_s}}), vmFolder(),
                          VmInstance::MonitorRole::Gui);
            SnapshotOperation op(&vm);
            const OpResult o = runOp(op, [](SnapshotOperation &s) { s.create(u"a"_s); });
            QVERIFY2(o.ok, qPrintable(o.error));
        }
        QVERIFY(qemuIoWrites(disk, "0xcd"));
        const QString added = makeDisk(u"added.qcow2"_s);
        QVERIFY(qemuIoWrites(added, "0xef"));
        VmInstance vm(
            definition({{disk, u"qcow2"_s, u"virtio"_s}, {added, u"qcow2"_s, u"virtio"_s}}),
            vmFolder(), VmInstance::MonitorRole::Gui);
        SnapshotOperation op(&vm);
        OpResult o = runOp(op, [](SnapshotOperation &s) { s.revert(u"a"_s); });
        QVERIFY2(o.ok, qPrintable(o.error));
        QCOMPARE(op.untouchedDisks(), QStringList{added});
        QVERIFY(qemuIoReads(disk, "0xab"));
        QVERIFY(qemuIoReads(added, "0xef"));
        QVERIFY(!op.store().find(u"a"_s)->coversEveryDisk);
        QCOMPARE(op.store().current(), u"a"_s);

        o = runOp(op, [](SnapshotOperation &s) { s.remove(u"a"_s); });
        QVERIFY2(o.ok, qPrintable(o.error));
        QCOMPARE(op.untouchedDisks(), QStringList{added});
        QVERIFY(imageSnapshotNames(disk).isEmpty());
        QVERIFY(op.store().snapshots().isEmpty());

        // A snapshot taken now is on both, and a revert touches both.
        o = runOp(op, [](SnapshotOperation &s) { s.create(u"b"_s); });
        QVERIFY2(o.ok, qPrintable(o.error));
        QCOMPARE(imageSnapshotNames(added), QStringList{u"b"_s});
        o = runOp(op, [](SnapshotOperation &s) { s.revert(u"b"_s); });
        QVERIFY2(o.ok, qPrintable(o.error));
        QVERIFY(op.untouchedDisks().isEmpty());
    }

    void treeSurvivesRestartAndFollowsTheImages()
    {
        const QString disk = makeDisk(u"disk.qcow2"_s);
        const QString second = makeDisk(u"second.qcow2"_s);
        const VmDefinition def =
            definition({{disk, u"qcow2"_s, u"virtio"_s}, {second, u"qcow2"_s, u"virtio"_s}});
        {
            VmInstance vm(def, vmFolder(), VmInstance::MonitorRole::Gui);
            SnapshotOperation op(&vm);
            for (const auto &step :
                 {std::pair{'c', u"a"_s}, {'c', u"b"_s}, {'r', u"a"_s}, {'c', u"c"_s}}) {
                // Named copies: clang 14 cannot capture structured bindings in a lambda.
                const char action = step.first;
                const QString tag = step.second;
                const OpResult o = runOp(op, [&](SnapshotOperation &s) {
                    if (action == 'c')
                        s.create(tag, u"about "_s + tag);
                    else
                        s.revert(tag);
                });
                QVERIFY2(o.ok, qPrintable(o.error));
            }
            QCOMPARE(imageSnapshotNames(second), (QStringList{u"a"_s, u"b"_s, u"c"_s}));
        }
        // Outside Berth: one made on both disks, one only on the first (cannot be reverted
        // to as a whole, so not shown), one deleted.
        QCOMPARE(runTool(u"qemu-img"_s, {u"snapshot"_s, u"-c"_s, u"outside"_s, disk}), 0);
        QCOMPARE(runTool(u"qemu-img"_s, {u"snapshot"_s, u"-c"_s, u"outside"_s, second}), 0);
        QCOMPARE(runTool(u"qemu-img"_s, {u"snapshot"_s, u"-c"_s, u"half"_s, disk}), 0);
        QCOMPARE(runTool(u"qemu-img"_s, {u"snapshot"_s, u"-d"_s, u"b"_s, disk}), 0);

        // "Restart": a new store read from snapshots.json, before and after reconciling.
        SnapshotStore fromDisk(vmFolder());
        QString error;
        QVERIFY_OUTCOME(fromDisk.load());
        QCOMPARE(storeNames(fromDisk), (QStringList{u"a"_s, u"b"_s, u"c"_s}));
        QCOMPARE(fromDisk.find(u"c"_s)->parent, u"a"_s);
        QCOMPARE(fromDisk.find(u"b"_s)->parent, u"a"_s);
        QCOMPARE(fromDisk.current(), u"c"_s);
        QCOMPARE(fromDisk.find(u"a"_s)->description, u"about a"_s);

        VmInstance vm(def, vmFolder(), VmInstance::MonitorRole::Gui);
        SnapshotOperation op(&vm);
        const OpResult o = runOp(op, [](SnapshotOperation &s) { s.refresh(); });
        QVERIFY2(o.ok, qPrintable(o.error));
        // "b", gone from one disk only, stays listed, marked (issue 13 item 6): a record goes
        // only when no disk holds its snapshot.
        QCOMPARE(storeNames(op.store()), (QStringList{u"a"_s, u"b"_s, u"c"_s, u"outside"_s}));
        QVERIFY(!op.store().find(u"b"_s)->coversEveryDisk);
        QVERIFY(op.store().find(u"c"_s)->coversEveryDisk);
        QCOMPARE(op.store().find(u"c"_s)->parent, u"a"_s);
        QVERIFY(op.store().find(u"outside"_s)->parent.isEmpty());
        QVERIFY(op.store().find(u"outside"_s)->created.isValid());
        QCOMPARE(op.store().current(), u"c"_s);
        // A mere refresh writes nothing: snapshots.json is as it was.
        SnapshotStore reloaded(vmFolder());
        QVERIFY_OUTCOME(reloaded.load());
        QCOMPARE(storeNames(reloaded), (QStringList{u"a"_s, u"b"_s, u"c"_s}));

        // Deleting a parent moves its children up.
        QVERIFY(runOp(op, [](SnapshotOperation &s) { s.remove(u"a"_s); }).ok);
        QVERIFY(op.store().find(u"c"_s)->parent.isEmpty());
    }

    void liveSnapshotRestoresMemory()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("BERTH_TEST_GUEST_DIR"),
                 "the test guest is not built (BERTH_TEST_GUEST_DIR; run through ctest, whose "
                 "fixture builds it)");
        const QString disk = makeDisk(u"disk.qcow2"_s);
        VmInstance vm(definition({{disk, u"qcow2"_s, u"virtio"_s}}), vmFolder(),
                      VmInstance::MonitorRole::Gui);
        QSignalSpy started(&vm, &VmInstance::started);
        vm.start();
        QVERIFY2(started.wait(30'000), qPrintable(vm.lastError()));
        QVERIFY2(waitForTick(3), serial().right(400).constData());

        SnapshotOperation op(&vm);
        QStringList steps;
        connect(&op, &SnapshotOperation::progress, this,
                [&](const QString &step) { steps.append(step); });

        // 1. Paused: N is exact, so the restored guest must print N + 1 next.
        vm.pause();
        QVERIFY(QTest::qWaitFor([&] { return vm.state() == VmState::Paused; }, 10'000));
        OpResult o = runOp(op, [](SnapshotOperation &s) { s.create(u"at-n"_s, u"paused"_s); });
        QVERIFY2(o.ok, qPrintable(o.error));
        QVERIFY(op.wasLive());
        QCOMPARE(vm.state(), VmState::Paused);
        const int n = ticks(serial()).last();
        const SnapshotInfo *info = op.store().find(u"at-n"_s);
        QVERIFY(info && info->hasMemoryState);
        QCOMPARE(info->description, u"paused"_s);
        QVERIFY2(QFileInfo(info->thumbnail).size() > 0, qPrintable(info->thumbnail));
        QVERIFY(readFile(info->thumbnail).startsWith("\x89PNG"));
        QVERIFY(steps.contains(u"Saving the disks and the memory state"_s));

        vm.resume();
        QVERIFY(waitForTick(n + 6, 0, 30'000));
        qsizetype mark = serial().size();
        o = runOp(op, [](SnapshotOperation &s) { s.revert(u"at-n"_s); });
        QVERIFY2(o.ok, qPrintable(o.error));
        QVERIFY(waitForTick(0, mark, 30'000));
        QCOMPARE(ticks(serial(), mark).first(), n + 1);
        QCOMPARE(op.store().current(), u"at-n"_s);

        // 2. Running: the tick printed when the job concludes may be one past the saved one.
        QVERIFY(QTest::qWaitFor([&] { return vm.state() == VmState::Running; }, 10'000));
        o = runOp(op, [](SnapshotOperation &s) { s.create(u"running"_s); });
        QVERIFY2(o.ok, qPrintable(o.error));
        const int m = ticks(serial()).last();
        QCOMPARE(op.store().find(u"running"_s)->parent, u"at-n"_s);
        QVERIFY(waitForTick(m + 6, 0, 30'000));
        mark = serial().size();
        o = runOp(op, [](SnapshotOperation &s) { s.revert(u"running"_s); });
        QVERIFY2(o.ok, qPrintable(o.error));
        QVERIFY(waitForTick(0, mark, 30'000));
        const int first = ticks(serial(), mark).first();
        QVERIFY2(first == m || first == m + 1,
                 qPrintable(u"resumed at %1, snapshot at %2"_s.arg(first).arg(m)));

        // A name that exists; then delete both, live.
        o = runOp(op, [](SnapshotOperation &s) { s.create(u"running"_s); });
        QVERIFY(!o.ok);
        QVERIFY2(o.error.contains(u"already has a snapshot named"_s), qPrintable(o.error));
        QVERIFY(runOp(op, [](SnapshotOperation &s) { s.remove(u"at-n"_s); }).ok);
        QCOMPARE(storeNames(op.store()), QStringList{u"running"_s});
        QVERIFY(op.store().find(u"running"_s)->parent.isEmpty());

        // A job that fails inside QEMU: two windows take "dup" at once. Both pass the check
        // (neither exists yet); QEMU runs the jobs one after the other and the second one
        // concludes with an error, which must reach the user as QEMU wrote it.
        SnapshotOperation other(&vm);
        QSignalSpy firstDone(&op, &SnapshotOperation::finished);
        QSignalSpy secondDone(&other, &SnapshotOperation::finished);
        op.create(u"dup"_s);
        other.create(u"dup"_s);
        QVERIFY(QTest::qWaitFor([&] { return !firstDone.isEmpty() && !secondDone.isEmpty(); },
                                kJobTimeoutMs));
        QVERIFY2(resultOf(firstDone[0]).ok, qPrintable(resultOf(firstDone[0]).error));
        QVERIFY(!resultOf(secondDone[0]).ok);
        QVERIFY2(resultOf(secondDone[0]).error.contains(u"already exists"_s),
                 qPrintable(resultOf(secondDone[0]).error));
        QVERIFY(runOp(op, [](SnapshotOperation &s) { s.remove(u"dup"_s); }).ok);

        // Too little space for the memory state is refused before QEMU is asked. Simulated
        // without filling a disk: a second Berth (the CLI's monitor) whose definition claims
        // 4 TiB of RAM, more than any test machine has free beside the image.
        VmDefinition huge = vm.definition();
        huge.memoryMiB = 4 * 1024 * 1024;
        VmInstance cli(huge, vmFolder(), VmInstance::MonitorRole::Cli);
        QSignalSpy attached(&cli, &VmInstance::attached);
        cli.attach();
        QVERIFY(attached.count() == 1 || attached.wait(10'000));
        QCOMPARE(cli.state(), VmState::Running);
        SnapshotOperation tooBig(&cli);
        o = runOp(tooBig, [](SnapshotOperation &s) { s.create(u"huge"_s); });
        QVERIFY(!o.ok);
        QVERIFY2(o.error.contains(u"needs up to 4194368 MiB free"_s), qPrintable(o.error));
        QVERIFY(!imageSnapshotNames(disk).contains(u"huge"_s));

        // No job is left behind in QEMU.
        std::optional<QmpResult<QList<QemuJobInfo>>> jobs;
        QemuMonitor(*vm.qmp()).queryJobs(this,
                                         [&](const QmpResult<QList<QemuJobInfo>> &r) { jobs = r; });
        QVERIFY(QTest::qWaitFor([&] { return jobs.has_value(); }, 10'000));
        QVERIFY2(*jobs, qPrintable(jobs->error().message()));
        QVERIFY(jobs->value().isEmpty());

        QSignalSpy ended(&vm, &VmInstance::processEnded);
        vm.forceStop();
        QVERIFY(ended.wait(30'000));

        // Stopped: the same tree, read from the image with qemu-img.
        SnapshotOperation offline(&vm);
        QVERIFY(runOp(offline, [](SnapshotOperation &s) { s.refresh(); }).ok);
        QCOMPARE(storeNames(offline.store()), QStringList{u"running"_s});
        QVERIFY(offline.store().find(u"running"_s)->hasMemoryState);
    }
};

QTEST_GUILESS_MAIN(TestSnapshots)
#include "tst_snapshots.moc"
