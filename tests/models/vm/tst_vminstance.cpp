// SPDX-License-Identifier: GPL-2.0-or-later
// VmInstance against a real qemu-system-x86_64 booting the tiny test guest under TCG.
//
// Boots as few guests as the assertions allow: one full boot covers start, the serial
// log, two monitors, pause/resume, reattaching and ACPI power-off; the crash and force-stop
// cases need QEMU running but not the guest booted.
#include "models/vm/qemucommandline.h"
#include "models/vm/qemuprocesswatcher.h"
#include "models/vm/vminstance.h"
#include "models/vm/vmlayout.h"
#include "qmp/qmpclient.h"
#include "tests/support/testguest.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <csignal>
#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr int kBootTimeoutMs = 60'000;
constexpr int kActionTimeoutMs = 15'000;

bool waitForState(const VmInstance &vm, VmState state, int timeoutMs = kActionTimeoutMs)
{
    return QTest::qWaitFor([&] { return vm.state() == state; }, timeoutMs);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString describe(const VmInstance &vm)
{
    return u"state %1, lastError: %2"_s.arg(vmStateName(vm.state()), vm.lastError());
}

QList<VmState> statesOf(const QSignalSpy &spy)
{
    QList<VmState> out;
    for (const QList<QVariant> &args : spy)
        out.append(args.at(0).value<VmState>());
    return out;
}

} // namespace

class TestVmInstance final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PrivateRuntime> m_runtimeDir; // this test's XDG_RUNTIME_DIR
    std::unique_ptr<QTemporaryDir> m_vmDir;

    VmDefinition guestVm(const QString &name = u"tiny"_s) const
    {
        return TestGuest::definition(name);
    }

    QString vmFolder() const { return m_vmDir->path(); }

    bool serialHas(const char *marker, int timeoutMs = kBootTimeoutMs) const
    {
        const QString log = VmLayout::ofFolder(vmFolder()).serialLogPath();
        return QTest::qWaitFor([&] { return readFile(log).contains(marker); }, timeoutMs);
    }

    /// Starts @p vm and waits for started(); records the pid for cleanup().
    bool startAndWait(VmInstance &vm)
    {
        QSignalSpy started(&vm, &VmInstance::started);
        QSignalSpy failed(&vm, &VmInstance::actionFailed);
        vm.start();
        if (!QTest::qWaitFor([&] { return !started.isEmpty() || !failed.isEmpty(); },
                             kActionTimeoutMs)) {
            qWarning("start: no answer");
            return false;
        }
        if (!failed.isEmpty()) {
            qWarning("start failed: %s", qPrintable(failed[0][1].toString()));
            return false;
        }
        return true;
    }

    static bool processEnds(qint64 pid)
    {
        QemuProcessWatcher watcher;
        if (!watcher.watch(pid))
            return true;
        QSignalSpy exited(&watcher, &QemuProcessWatcher::exited);
        return exited.wait(kActionTimeoutMs);
    }

    static bool runtimeFilesGone(const QString &runtime)
    {
        for (const QString &f : {VmLayout::ofRuntimeFolder(runtime).pidFilePath(),
                                 VmLayout::ofRuntimeFolder(runtime).guiMonitorPath(),
                                 VmLayout::ofRuntimeFolder(runtime).cliMonitorPath(),
                                 VmLayout::ofRuntimeFolder(runtime).vncSocketPath()}) {
            if (QFileInfo::exists(f)) {
                qWarning("left behind: %s", qPrintable(f));
                return false;
            }
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<VmState>();
        QVERIFY2(TestGuest::isAvailable(),
                 "the test guest is not built (BERTH_TEST_GUEST_DIR; run through ctest)");
        qunsetenv("BERTH_QEMU");
        QString error;
        QVERIFY2(!QemuCommandLine::findBinary(&error).isEmpty(), qPrintable(error));
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
        qunsetenv("BERTH_QEMU");
    }

    void lifecycleWithTwoMonitorsAndReattach()
    {
        const VmDefinition def = guestVm();
        auto gui = std::make_unique<VmInstance>(def, vmFolder(), VmInstance::MonitorRole::Gui);
        QSignalSpy guiStates(gui.get(), &VmInstance::stateChanged);
        QCOMPARE(gui->state(), VmState::Stopped);
        QCOMPARE(gui->qmp(), nullptr);
        // <uuid>-<8 hex digits of the VM folder's real path>
        const QString runtimeName = QFileInfo(gui->runtimeFolder()).fileName();
        QCOMPARE(QFileInfo(gui->runtimeFolder()).path(), m_runtimeDir->path() + u"/berth"_s);
        QVERIFY2(runtimeName.startsWith(def.uuid.toString(QUuid::WithoutBraces) + u'-') &&
                     runtimeName.size() == 36 + 1 + 8,
                 qPrintable(runtimeName));

        QVERIFY(startAndWait(*gui));
        QCOMPARE(statesOf(guiStates), QList<VmState>({VmState::Starting, VmState::Running}));
        QVERIFY(gui->pid() > 0);
        QVERIFY(QemuProcessWatcher::isQemuFor(gui->pid(), def.uuid));
        QCOMPARE(gui->effectiveAccelerator(), Accelerator::Tcg);
        QVERIFY(gui->qmp() && gui->qmp()->isReady());

        // The runtime folder is private and holds QEMU's sockets and pidfile.
        struct stat st = {};
        QCOMPARE(::stat(QFile::encodeName(gui->runtimeFolder()).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0700u);
        QCOMPARE(::stat(QFile::encodeName(m_runtimeDir->path() + u"/berth"_s).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0700u);
        const QString runtime = gui->runtimeFolder();
        QCOMPARE(readFile(VmLayout::ofRuntimeFolder(runtime).pidFilePath()).trimmed(),
                 QByteArray::number(gui->pid()));
        QVERIFY(QFileInfo::exists(VmLayout::ofRuntimeFolder(runtime).guiMonitorPath()));
        QVERIFY(QFileInfo::exists(VmLayout::ofRuntimeFolder(runtime).cliMonitorPath()));
        QVERIFY(QFileInfo::exists(VmLayout::ofRuntimeFolder(runtime).vncSocketPath()));

        // The guest boots: its marker line reaches serial.log.
        QVERIFY2(serialHas("BERTH-GUEST-READY"), qPrintable(describe(*gui)));

        // A second Berth (the CLI) on the other monitor sees and controls the same VM.
        VmInstance cli(def, vmFolder(), VmInstance::MonitorRole::Cli);
        QSignalSpy cliAttached(&cli, &VmInstance::attached);
        cli.attach();
        QVERIFY(cliAttached.wait(kActionTimeoutMs));
        QCOMPARE(cli.state(), VmState::Running);
        QCOMPARE(cli.pid(), gui->pid());

        QSignalSpy guiStop(gui->qmp(), &QmpClient::eventStop);
        QSignalSpy guiResume(gui->qmp(), &QmpClient::eventResume);
        cli.pause();
        QVERIFY2(waitForState(*gui, VmState::Paused), qPrintable(describe(*gui)));
        QVERIFY(waitForState(cli, VmState::Paused));
        QCOMPARE(guiStop.size(), 1); // the window learnt it from QEMU's STOP event
        cli.resume();
        QVERIFY(waitForState(*gui, VmState::Running));
        QVERIFY(waitForState(cli, VmState::Running));
        QCOMPARE(guiResume.size(), 1);

        // ... and the other way round.
        gui->pause();
        QVERIFY(waitForState(cli, VmState::Paused));
        QVERIFY(waitForState(*gui, VmState::Paused));
        gui->resume();
        QVERIFY(waitForState(cli, VmState::Running));
        QVERIFY(waitForState(*gui, VmState::Running));

        // Wrong-state actions are refused with a reason, asynchronously.
        QSignalSpy cliFailed(&cli, &VmInstance::actionFailed);
        cli.resume();
        QCOMPARE(cliFailed.size(), 0);
        QVERIFY(cliFailed.wait(kActionTimeoutMs));
        QCOMPARE(cliFailed[0][0].value<VmAction>(), VmAction::Resume);
        QVERIFY2(cliFailed[0][1].toString().contains("not paused"_L1),
                 qPrintable(cliFailed[0][1].toString()));

        // Asking moves the asker's own state at once (pausing), QEMU's event finishes it.
        QSignalSpy guiStates2(gui.get(), &VmInstance::stateChanged);
        gui->pause();
        QCOMPARE(gui->state(), VmState::Pausing);
        QVERIFY(waitForState(*gui, VmState::Paused));
        QCOMPARE(statesOf(guiStates2), QList<VmState>({VmState::Pausing, VmState::Paused}));
        gui->resume();
        QCOMPARE(gui->state(), VmState::Resuming);
        QVERIFY(waitForState(*gui, VmState::Running));
        QVERIFY(waitForState(cli, VmState::Running));

        // Reset: QEMU reports it, the VM keeps running and the guest boots again.
        QSignalSpy guiReset(gui->qmp(), &QmpClient::eventReset);
        cli.reset();
        QVERIFY(guiReset.wait(kActionTimeoutMs));
        QCOMPARE(gui->state(), VmState::Running);
        const QString serial = VmLayout::ofFolder(vmFolder()).serialLogPath();
        QVERIFY(QTest::qWaitFor([&] { return readFile(serial).count("BERTH-GUEST-READY") == 2; },
                                kBootTimeoutMs));

        // The window closes; QEMU keeps running; a restarted window reattaches.
        const qint64 pid = gui->pid();
        gui.reset();
        QVERIFY(QemuProcessWatcher::isQemuFor(pid, def.uuid));
        VmInstance gui2(def, vmFolder(), VmInstance::MonitorRole::Gui);
        QSignalSpy attached(&gui2, &VmInstance::attached);
        gui2.attach();
        QVERIFY(attached.wait(kActionTimeoutMs));
        QCOMPARE(gui2.state(), VmState::Running);
        QCOMPARE(gui2.pid(), pid);
        QCOMPARE(gui2.effectiveAccelerator(), Accelerator::Tcg);
        QVERIFY(gui2.qmp() && gui2.qmp()->isReady());

        // ACPI power button from the CLI: the guest powers off, both see a clean stop.
        QSignalSpy gui2States(&gui2, &VmInstance::stateChanged);
        QSignalSpy gui2Ended(&gui2, &VmInstance::processEnded);
        QSignalSpy cliEnded(&cli, &VmInstance::processEnded);
        QSignalSpy timedOut(&cli, &VmInstance::shutdownTimedOut);
        cli.shutdown(60s);
        QVERIFY2(gui2Ended.wait(30'000), qPrintable(describe(gui2)));
        QCOMPARE(gui2Ended[0][0].toBool(), true);
        QVERIFY(cliEnded.size() == 1 || cliEnded.wait(kActionTimeoutMs));
        QCOMPARE(cliEnded[0][0].toBool(), true);
        QCOMPARE(statesOf(gui2States), QList<VmState>({VmState::ShuttingDown, VmState::Stopped}));
        QCOMPARE(gui2.state(), VmState::Stopped);
        QCOMPARE(cli.state(), VmState::Stopped);
        QCOMPARE(gui2.pid(), 0);
        QCOMPARE(gui2.qmp(), nullptr);
        QVERIFY2(gui2.lastError().isEmpty(), qPrintable(gui2.lastError()));
        QVERIFY(timedOut.isEmpty());
        QVERIFY(readFile(VmLayout::ofFolder(vmFolder()).serialLogPath())
                    .contains("BERTH-POWER-BUTTON"));
        QVERIFY(!QFileInfo::exists(vmFolder() + u"/last-crash.json"_s));
        QVERIFY(runtimeFilesGone(runtime));
    }

    void forceStopAndCrashes()
    {
        const VmDefinition def = guestVm(u"crashy"_s);
        const QString crashFile = vmFolder() + u"/last-crash.json"_s;
        VmInstance vm(def, vmFolder(), VmInstance::MonitorRole::Gui);
        QSignalSpy ended(&vm, &VmInstance::processEnded);

        // Force off: quit over QMP; a clean stop.
        QVERIFY(startAndWait(vm));
        const QString runtime = vm.runtimeFolder();
        vm.forceStop();
        QVERIFY2(ended.wait(kActionTimeoutMs), qPrintable(describe(vm)));
        QCOMPARE(ended[0][0].toBool(), true);
        QCOMPARE(vm.state(), VmState::Stopped);
        QVERIFY(!QFileInfo::exists(crashFile));
        QVERIFY(runtimeFilesGone(runtime));
        ended.clear();

        // SIGKILL from outside: noticed with no action from here, reported as a crash.
        QVERIFY(startAndWait(vm));
        QVERIFY(vm.qmp() && vm.qmp()->isReady());
        QSignalSpy states(&vm, &VmInstance::stateChanged);
        QElapsedTimer noticed;
        noticed.start();
        QCOMPARE(::kill(pid_t(vm.pid()), SIGKILL), 0);
        QVERIFY2(ended.wait(kActionTimeoutMs), qPrintable(describe(vm)));
        qInfo("SIGKILL noticed after %lld ms", noticed.elapsed());
        QCOMPARE(ended[0][0].toBool(), false);
        QCOMPARE(statesOf(states), QList<VmState>({VmState::Crashed}));
        QVERIFY2(vm.lastError().contains("unexpectedly"_L1), qPrintable(vm.lastError()));
        QVERIFY(QFileInfo::exists(crashFile));
        QVERIFY(runtimeFilesGone(runtime));
        QCOMPARE(vm.pid(), 0);

        // Another Berth reads the crash back from last-crash.json.
        {
            VmInstance other(def, vmFolder(), VmInstance::MonitorRole::Cli);
            QSignalSpy attached(&other, &VmInstance::attached);
            other.attach();
            QVERIFY(attached.wait(kActionTimeoutMs));
            QCOMPARE(other.state(), VmState::Crashed);
            QVERIFY2(other.lastError().contains("unexpectedly"_L1), qPrintable(other.lastError()));
        }

        // The next start clears the report. A force-off from the CLI is a clean stop for
        // the window too (it sees QEMU's SHUTDOWN event on its own monitor).
        QVERIFY(startAndWait(vm));
        QVERIFY(!QFileInfo::exists(crashFile));
        QVERIFY(vm.lastError().isEmpty());
        ended.clear();

        // While another program holds the CLI's monitor, attaching says so and gives up,
        // showing the VM as unreachable (it runs; how, nobody can tell); only Force Off is
        // offered. Once the other program leaves, attach() again reaches the monitor.
        auto squatter = std::make_unique<QLocalSocket>();
        squatter->connectToServer(VmLayout::ofRuntimeFolder(runtime).cliMonitorPath());
        QVERIFY(squatter->waitForConnected(5000));
        VmInstance cli(def, vmFolder(), VmInstance::MonitorRole::Cli);
        QSignalSpy attached(&cli, &VmInstance::attached);
        QSignalSpy problem(&cli, &VmInstance::monitorProblem);
        cli.attach();
        QVERIFY(attached.wait(kActionTimeoutMs));
        QCOMPARE(problem.size(), 1);
        QVERIFY2(problem[0][0].toString().contains("another program"_L1),
                 qPrintable(problem[0][0].toString()));
        QCOMPARE(cli.state(), VmState::Unreachable);
        QCOMPARE(cli.pid(), vm.pid());
        QVERIFY(cli.allows(VmAction::ForceOff));
        QVERIFY(!cli.allows(VmAction::Pause));
        QVERIFY(cli.refusal(VmAction::Pause).contains("monitor"_L1));
        squatter.reset();
        attached.clear();
        cli.attach();
        QVERIFY(attached.wait(kActionTimeoutMs));
        QVERIFY(cli.qmp() && cli.qmp()->isReady());
        QSignalSpy cliEnded(&cli, &VmInstance::processEnded);
        cli.forceStop();
        QVERIFY2(ended.wait(kActionTimeoutMs), qPrintable(describe(vm)));
        QCOMPARE(ended[0][0].toBool(), true);
        QVERIFY(cliEnded.size() == 1 || cliEnded.wait(kActionTimeoutMs));
        QCOMPARE(cliEnded[0][0].toBool(), true);
        QCOMPARE(vm.state(), VmState::Stopped);
        QCOMPARE(cli.state(), VmState::Stopped);
        QVERIFY(!QFileInfo::exists(crashFile));
        QVERIFY(runtimeFilesGone(runtime));
    }

    void shutdownTimeoutAndForceStopEscalation()
    {
        // Only the firmware: SeaBIOS ignores the ACPI power button.
        VmDefinition def = guestVm(u"firmware-only"_s);
        def.kernel.clear();
        def.initrd.clear();
        def.kernelArgs.clear();
        VmInstance vm(def, vmFolder(), VmInstance::MonitorRole::Gui);
        QVERIFY(startAndWait(vm));
        const QString runtime = vm.runtimeFolder();
        QSignalSpy timedOut(&vm, &VmInstance::shutdownTimedOut);
        vm.shutdown(300ms);
        QVERIFY(timedOut.wait(kActionTimeoutMs));
        QCOMPARE(vm.state(), VmState::ShuttingDown); // still running: the caller chooses
        QVERIFY(vm.pid() != 0);

        // A QEMU that no longer reacts (SIGSTOP): quit goes unanswered, SIGTERM stays
        // pending, and SIGKILL ends it. Still a clean stop: the user asked for it.
        QCOMPARE(::kill(pid_t(vm.pid()), SIGSTOP), 0);
        QSignalSpy ended(&vm, &VmInstance::processEnded);
        QElapsedTimer elapsed;
        elapsed.start();
        vm.forceStop();
        QVERIFY2(ended.wait(30'000), qPrintable(describe(vm)));
        qInfo("a frozen QEMU was forced off after %lld ms", elapsed.elapsed());
        QCOMPARE(ended[0][0].toBool(), true);
        QCOMPARE(vm.state(), VmState::Stopped);
        QVERIFY(vm.lastError().isEmpty());
        QVERIFY(!QFileInfo::exists(vmFolder() + u"/last-crash.json"_s));
        QVERIFY(runtimeFilesGone(runtime));
    }

    void unobservedCrashIsFoundOnAttach()
    {
        const VmDefinition def = guestVm(u"lonely"_s);
        qint64 pid = 0;
        QString runtime;
        {
            VmInstance vm(def, vmFolder(), VmInstance::MonitorRole::Gui);
            QVERIFY(startAndWait(vm));
            pid = vm.pid();
            runtime = vm.runtimeFolder();
        } // the window closes; QEMU keeps running
        QVERIFY(QemuProcessWatcher::isQemuFor(pid, def.uuid));
        QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);
        QVERIFY(processEnds(pid));

        VmInstance later(def, vmFolder(), VmInstance::MonitorRole::Gui);
        QSignalSpy attached(&later, &VmInstance::attached);
        later.attach();
        QVERIFY(attached.wait(kActionTimeoutMs));
        QCOMPARE(later.state(), VmState::Crashed);
        QVERIFY(!later.lastError().isEmpty());
        QVERIFY(QFileInfo::exists(vmFolder() + u"/last-crash.json"_s));
        QVERIFY(runtimeFilesGone(runtime));
        QCOMPARE(later.pid(), 0);
    }

    void startFailures()
    {
        // Checked before launch: a missing disk, named in the message.
        {
            VmDefinition def = guestVm(u"diskless"_s);
            const QString disk = vmFolder() + u"/no-such-disk.qcow2"_s;
            def.disks = {{disk, u"qcow2"_s, u"virtio"_s}};
            VmInstance vm(def, vmFolder(), VmInstance::MonitorRole::Cli);
            QSignalSpy failed(&vm, &VmInstance::actionFailed);
            QSignalSpy states(&vm, &VmInstance::stateChanged);
            vm.start();
            QVERIFY(failed.wait(kActionTimeoutMs));
            QCOMPARE(failed[0][0].value<VmAction>(), VmAction::Start);
            QVERIFY2(failed[0][1].toString().contains(disk), qPrintable(failed[0][1].toString()));
            QCOMPARE(vm.lastError(), failed[0][1].toString());
            QVERIFY(states.isEmpty());
            QCOMPARE(vm.state(), VmState::Stopped);
        }
        // A missing QEMU binary.
        {
            qputenv("BERTH_QEMU", "/nonexistent/qemu-system-x86_64");
            VmInstance vm(guestVm(u"noqemu"_s), vmFolder(), VmInstance::MonitorRole::Cli);
            QSignalSpy failed(&vm, &VmInstance::actionFailed);
            vm.start();
            QVERIFY(failed.wait(kActionTimeoutMs));
            const QString message = failed[0][1].toString();
            QVERIFY2(message.contains("/nonexistent/qemu-system-x86_64"_L1), qPrintable(message));
            QVERIFY2(message.contains("qemu-system-x86 package"_L1), qPrintable(message));
            QCOMPARE(vm.state(), VmState::Stopped);
            qunsetenv("BERTH_QEMU");
        }
        // QEMU itself refuses an option: its own words reach lastError.
        {
            VmDefinition def = guestVm(u"badmachine"_s);
            def.machine = u"no-such-machine"_s;
            VmInstance vm(def, vmFolder(), VmInstance::MonitorRole::Gui);
            QSignalSpy failed(&vm, &VmInstance::actionFailed);
            QSignalSpy states(&vm, &VmInstance::stateChanged);
            QSignalSpy ended(&vm, &VmInstance::processEnded);
            vm.start();
            QCOMPARE(vm.state(), VmState::Starting);
            QVERIFY(failed.wait(kActionTimeoutMs));
            QCOMPARE(failed[0][0].value<VmAction>(), VmAction::Start);
            QVERIFY2(vm.lastError().contains("unsupported machine type"_L1),
                     qPrintable(vm.lastError()));
            QCOMPARE(statesOf(states), QList<VmState>({VmState::Starting, VmState::Stopped}));
            QVERIFY(ended.isEmpty());
            QCOMPARE(vm.pid(), 0);
            QVERIFY(runtimeFilesGone(vm.runtimeFolder()));
            QVERIFY(!QFileInfo::exists(vm.runtimeFolder()));
        }
        // QEMU fails after it has opened its monitors: no stale socket is left behind.
        {
            VmDefinition def = guestVm(u"baddisk"_s);
            const QString disk = vmFolder() + u"/garbage.qcow2"_s;
            QFile f(disk);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(4096, 'x'));
            f.close();
            def.disks = {{disk, u"qcow2"_s, u"virtio"_s}};
            VmInstance vm(def, vmFolder(), VmInstance::MonitorRole::Gui);
            QSignalSpy failed(&vm, &VmInstance::actionFailed);
            vm.start();
            QVERIFY(failed.wait(kActionTimeoutMs));
            QVERIFY2(vm.lastError().contains("qcow2"_L1), qPrintable(vm.lastError()));
            QCOMPARE(vm.state(), VmState::Stopped);
            QVERIFY(runtimeFilesGone(vm.runtimeFolder()));
        }
    }
};

QTEST_GUILESS_MAIN(TestVmInstance)
#include "tst_vminstance.moc"
