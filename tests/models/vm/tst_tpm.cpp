// SPDX-License-Identifier: GPL-2.0-or-later
// A VM's TPM 2.0 against the real swtpm and qemu-system-x86_64, booting the tiny test guest
// under TCG. The guest asks its TPM with raw TPM 2.0 commands on /dev/tpm0 and prints
// "BERTH-TPM <major> <owner password set>" before each tick (tests/guest/init): the TPM is
// a 2.0 one, its state (an owner password the guest set) survives a restart and is reverted
// with a live snapshot; swtpm lives and dies with the VM; a swtpm that is missing, fails to
// start or dies is reported.
#include "models/snapshots/snapshotoperation.h"
#include "models/vm/qemuprocesswatcher.h"
#include "models/vm/swtpm.h"
#include "models/vm/vminstance.h"
#include "models/vm/vmlayout.h"
#include "tests/support/envguard.h"
#include "tests/support/testguest.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kBootTimeoutMs = 90'000;
constexpr int kActionTimeoutMs = 30'000;

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// The "BERTH-TPM ..." lines of @p log from byte @p from on, without the prefix.
QStringList tpmLines(const QString &log, qint64 from = 0)
{
    QStringList out;
    static const QRegularExpression line(u"BERTH-TPM ([^\r\n]*)\r?\n"_s);
    const QString text = QString::fromLatin1(readFile(log).mid(from));
    for (auto it = line.globalMatch(text); it.hasNext();)
        out << it.next().captured(1);
    return out;
}

/// What the action that @p finished reported went wrong with; empty when it worked.
QString failureOf(const QSignalSpy &finished)
{
    const auto outcome = finished.at(0).at(0).value<Outcome<>>();
    return outcome ? QString() : outcome.failure().message();
}

mode_t modeOf(const QString &path)
{
    struct stat st = {};
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & 07777) : 0;
}

bool processEnds(qint64 pid)
{
    QemuProcessWatcher watcher;
    if (!watcher.watch(pid))
        return true;
    QSignalSpy exited(&watcher, &QemuProcessWatcher::exited);
    return exited.wait(kActionTimeoutMs);
}

} // namespace

class TestTpm final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PrivateRuntime> m_runtime;
    std::unique_ptr<QTemporaryDir> m_vmDir;

    QString folder() const { return m_vmDir->path(); }
    VmLayout layoutOf(const VmDefinition &d) const { return VmLayout(folder(), d); }
    QString serialLog() const { return VmLayout::ofFolder(folder()).serialLogPath(); }

    VmDefinition tpmVm(const QString &tpmArgs) const
    {
        VmDefinition d = TestGuest::definition(u"tpm"_s, u"console=ttyS0 quiet "_s + tpmArgs, 256);
        d.tpm = true;
        return d;
    }

    /// Starts @p vm; empty on success, else what went wrong.
    static QString start(VmInstance &vm)
    {
        QSignalSpy started(&vm, &VmInstance::started);
        QSignalSpy failed(&vm, &VmInstance::actionFailed);
        vm.start();
        if (!QTest::qWaitFor([&] { return !started.isEmpty() || !failed.isEmpty(); },
                             kActionTimeoutMs))
            return u"no answer to start"_s;
        return failed.isEmpty() ? QString() : failed[0][1].toString();
    }

    static bool powerOff(VmInstance &vm)
    {
        vm.forceStop();
        return QTest::qWaitFor([&] { return vm.state() == VmState::Stopped; }, kActionTimeoutMs);
    }

    /// Waits for the first BERTH-TPM line from byte @p from of the serial log.
    QString firstTpmLine(qint64 from = 0) const
    {
        QString first;
        (void)QTest::qWaitFor( // empty when it never came
            [&] {
                const QStringList lines = tpmLines(serialLog(), from);
                first = lines.isEmpty() ? QString() : lines.first();
                return !first.isEmpty();
            },
            kBootTimeoutMs);
        return first;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<VmState>();
        QVERIFY2(TestGuest::isAvailable(),
                 "the test guest is not built (BERTH_TEST_GUEST_DIR; run through ctest)");
        qunsetenv("BERTH_SWTPM");
        const Outcome<QString> swtpm = Swtpm::findBinary();
        QVERIFY2(swtpm, "swtpm is missing: apt-get install swtpm swtpm-tools");
    }

    void init()
    {
        m_runtime = std::make_unique<PrivateRuntime>();
        m_vmDir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_runtime->isValid() && m_vmDir->isValid());
    }

    void cleanup()
    {
        m_runtime.reset(); // kills what a failed test left running (swtpm ends with it)
        m_vmDir.reset();
    }

    void guestSeesTpm2AndItsStateSurvivesARestart()
    {
        // First run: the guest gives its TPM's owner hierarchy a password.
        VmDefinition d = tpmVm(u"berth.tpm=own"_s);
        VmInstance vm(d, folder(), VmInstance::MonitorRole::Gui);
        QCOMPARE(start(vm), QString());
        const VmLayout layout = layoutOf(d);
        const qint64 swtpm = Swtpm::runningPid(layout);
        QVERIFY(swtpm > 0);
        QVERIFY(QFileInfo(layout.swtpmSocketPath()).exists());
        QCOMPARE(firstTpmLine(), u"2 1"_s);

        // Private: the state folder 0700, everything in it 0600.
        QCOMPARE(modeOf(layout.tpmStateFolder()), mode_t(0700));
        const QFileInfoList files = QDir(layout.tpmStateFolder()).entryInfoList(QDir::Files);
        QVERIFY(!files.isEmpty());
        for (const QFileInfo &f : files)
            QVERIFY2(modeOf(f.filePath()) == 0600, qPrintable(f.filePath()));

        // swtpm dies with the VM, and leaves nothing in the runtime folder.
        QVERIFY(powerOff(vm));
        QVERIFY(processEnds(swtpm));
        QCOMPARE(Swtpm::runningPid(layout), 0);
        QVERIFY(!QFileInfo::exists(layout.swtpmSocketPath()));
        QVERIFY(!QFileInfo::exists(layout.swtpmStateLinkPath()));

        // Second run, only reporting: the password is still set.
        d.kernelArgs = u"console=ttyS0 quiet berth.tpm"_s;
        vm.setDefinition(d);
        QCOMPARE(start(vm), QString());
        QCOMPARE(firstTpmLine(), u"2 1"_s);
        QVERIFY(powerOff(vm));

        // The same guest without a TPM sees none: the line above came from the TPM.
        d.tpm = false;
        vm.setDefinition(d);
        QCOMPARE(start(vm), QString());
        QVERIFY(firstTpmLine().startsWith(u"none "_s));
        QCOMPARE(Swtpm::runningPid(layout), 0);
        QVERIFY(!QFileInfo::exists(layout.swtpmSocketPath()));
        QVERIFY(powerOff(vm));
    }

    void liveSnapshotRevertsTheTpmState()
    {
        // A qcow2 disk holds the memory state; the guest sets the owner password at boot
        // and clears the TPM at tick 8.
        const QString disk = folder() + u"/disk.qcow2"_s;
        QCOMPARE(QProcess::execute(u"qemu-img"_s,
                                   {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, disk, u"64M"_s}),
                 0);
        VmDefinition d = tpmVm(u"berth.tpm=own berth.tpm.clear=8"_s);
        d.disks = {VmDisk{disk, u"qcow2"_s, u"virtio"_s}};
        VmInstance vm(d, folder(), VmInstance::MonitorRole::Gui);
        QCOMPARE(start(vm), QString());
        QCOMPARE(firstTpmLine(), u"2 1"_s);

        SnapshotOperation op(&vm);
        QSignalSpy finished(&op, &SnapshotOperation::finished);
        op.create(u"owned"_s);
        QVERIFY(finished.wait(kActionTimeoutMs));
        QCOMPARE(failureOf(finished), QString());
        QVERIFY(op.wasLive());

        // The guest clears its TPM: the password is gone...
        QVERIFY(QTest::qWaitFor([&] { return tpmLines(serialLog()).contains(u"2 0"_s); },
                                kBootTimeoutMs));
        // ... and the revert brings it back, with the memory of the guest before tick 8.
        const qint64 before = QFileInfo(serialLog()).size();
        finished.clear();
        op.revert(u"owned"_s);
        QVERIFY(finished.wait(kActionTimeoutMs));
        QCOMPARE(failureOf(finished), QString());
        QCOMPARE(firstTpmLine(before), u"2 1"_s);
        QVERIFY(powerOff(vm));
    }

    void aSwtpmThatDiesIsReported()
    {
        const VmDefinition d = tpmVm(u"berth.tpm"_s);
        VmInstance vm(d, folder(), VmInstance::MonitorRole::Gui);
        QSignalSpy problems(&vm, &VmInstance::deviceProblem);
        QCOMPARE(start(vm), QString());
        QCOMPARE(firstTpmLine(), u"2 0"_s);
        const qint64 swtpm = Swtpm::runningPid(layoutOf(d));
        QVERIFY(swtpm > 0);
        QVERIFY(::kill(pid_t(swtpm), SIGKILL) == 0);
        QVERIFY(problems.wait(kActionTimeoutMs));
        const QString message = problems[0][0].toString();
        QVERIFY2(message.contains(u"swtpm"_s) && message.contains(u"tpm"_s) &&
                     message.contains(u"start it again"_s),
                 qPrintable(message));
        QCOMPARE(vm.lastError(), message);
        // The guest runs on; the other processes stay.
        QCOMPARE(vm.state(), VmState::Running);
        QVERIFY(powerOff(vm));
        QCOMPARE(problems.size(), 1);
    }

    void aStoppedVmReportsNoLostTpm()
    {
        // swtpm ends when QEMU closes its connection: a clean end is no problem.
        const VmDefinition d = tpmVm(u"berth.tpm"_s);
        VmInstance vm(d, folder(), VmInstance::MonitorRole::Gui);
        QSignalSpy problems(&vm, &VmInstance::deviceProblem);
        QCOMPARE(start(vm), QString());
        QCOMPARE(firstTpmLine(), u"2 0"_s);
        vm.shutdown(std::chrono::milliseconds(kActionTimeoutMs));
        QVERIFY(QTest::qWaitFor([&] { return vm.state() == VmState::Stopped; }, kActionTimeoutMs));
        QCOMPARE(problems.size(), 0);
        QCOMPARE(vm.lastError(), QString());
    }

    void missingSwtpmNamesThePackage()
    {
        const EnvGuard guard("BERTH_SWTPM");
        qputenv("BERTH_SWTPM", "berth-test-no-such-swtpm");
        const VmDefinition d = tpmVm(u"berth.tpm"_s);
        VmInstance vm(d, folder(), VmInstance::MonitorRole::Gui);
        const QString why = start(vm);
        QVERIFY2(why.contains(u"install the swtpm package"_s), qPrintable(why));
        QCOMPARE(vm.state(), VmState::Stopped);
        QVERIFY(!QFileInfo::exists(layoutOf(d).runtimeFolder()));
    }

    void aSwtpmThatCannotStartIsReported()
    {
        // What swtpm says when it refuses (as a damaged state would make it).
        QTemporaryDir bin;
        const QString fake = bin.filePath(u"swtpm"_s);
        QFile script(fake);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\necho 'swtpm: the state is damaged' >&2\nexit 1\n");
        script.close();
        QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::ExeOwner));
        const EnvGuard guard("BERTH_SWTPM");
        qputenv("BERTH_SWTPM", QFile::encodeName(fake));

        const VmDefinition d = tpmVm(u"berth.tpm"_s);
        VmInstance vm(d, folder(), VmInstance::MonitorRole::Gui);
        const QString why = start(vm);
        QVERIFY2(why.contains(u"swtpm"_s) && why.contains(u"the state is damaged"_s),
                 qPrintable(why));
        QCOMPARE(vm.state(), VmState::Stopped);
        // No QEMU was left running without its TPM.
        QVERIFY(!QFileInfo::exists(layoutOf(d).pidFilePath()));
    }
};

QTEST_GUILESS_MAIN(TestTpm)
#include "tst_tpm.moc"
