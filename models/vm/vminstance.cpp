// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/vminstance.h"
#include "models/vm/vminstance_p.h"

#include "models/vm/cpucontrol.h"
#include "models/vm/crashreport.h"
#include "models/vm/monitorconnection.h"
#include "models/vm/qemucommandline.h"
#include "models/vm/qemuexit.h"
#include "models/vm/qemulauncher.h"
#include "models/vm/qemulog.h"
#include "models/vm/qemuprocesswatcher.h"
#include "models/vm/runtimefolder.h"
#include "models/vm/swtpm.h"
#include "models/vm/uefifirmware.h"
#include "models/vm/vmlayout.h"
#include "models/vm/vmresourcecontrol.h"
#include "qmp/qemumonitor.h"
#include "qmp/qmpclient.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTimer>

#include <csignal>
#include <functional>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

// Quiet by default: the CLI promises one line on stderr; the window shows lastError().
Q_LOGGING_CATEGORY(lcVm, "berth.vm", QtWarningMsg)

namespace {

// How long QEMU may take from launch to a negotiated monitor.
constexpr auto kStartDeadline = 30s;
// Attaching to a QEMU that runs already: it greets at once unless another client holds
// this monitor, which the greeting timeout catches.
constexpr auto kAttachDeadline = 6s;
constexpr auto kReconnectDeadline = 10s;
// The window's instance tries again this long after giving up, for as long as QEMU runs.
constexpr auto kUnreachableRetry = 3s;
// When the monitor closes but the process has not ended yet: exit is normally a matter of
// milliseconds, so only after this is the monitor considered lost and reconnected.
constexpr auto kMonitorLostGrace = 1s;
// When the process ended while the monitor is still open: QEMU's last events are in the
// socket; wait for its end of stream before deciding how QEMU ended.
constexpr auto kExitDrain = 2s;
// forceStop(): quit over QMP, then SIGTERM after this, then SIGKILL after as long again.
constexpr auto kForceStopStep = 3s;

} // namespace

VmInstance::Private::Private(VmInstance *owner, VmDefinition def, QString folder,
                             MonitorRole monitorRole)
    : q(owner)
    , definition(std::move(def))
    , vmFolder(std::move(folder))
    , role(monitorRole)
    , layout(vmFolder, definition)
    , nextAccelerator(QemuCommandLine::resolveAccelerator(definition.accelerator))
{
    connection.setSocketPath(monitorPath());
    for (QTimer *t : {&monitorLostTimer, &unreachableRetryTimer, &exitDrainTimer, &shutdownTimer,
                      &termTimer, &killTimer})
        t->setSingleShot(true);
    QObject::connect(&connection, &MonitorConnection::ready, q, [this] { onMonitorReady(); });
    QObject::connect(&connection, &MonitorConnection::gaveUp, q,
                     [this](const QString &why) { onMonitorGaveUp(why); });
    QObject::connect(&connection, &MonitorConnection::lost, q, [this] {
        if (run.exitPending)
            finishRun();
        else if (run.pid != 0)
            monitorLostTimer.start(kMonitorLostGrace); // the watcher normally reports the exit
    });
    QObject::connect(&monitorLostTimer, &QTimer::timeout, q, [this] { onMonitorLost(); });
    QObject::connect(&unreachableRetryTimer, &QTimer::timeout, q, [this] {
        if (run.pid != 0 && state == VmState::Unreachable && !connection.isConnecting())
            connectMonitor(Awaiting::Reconnect);
    });
    QObject::connect(&exitDrainTimer, &QTimer::timeout, q, [this] { finishRun(); });
    QObject::connect(&shutdownTimer, &QTimer::timeout, q, [this] {
        if (run.pid != 0)
            Q_EMIT q->shutdownTimedOut();
    });
    QObject::connect(&termTimer, &QTimer::timeout, q, [this] {
        if (run.pid == 0)
            return;
        qCInfo(lcVm) << vmName() << "did not quit; sending SIGTERM to" << run.pid;
        watcher.sendSignal(SIGTERM);
        killTimer.start(kForceStopStep);
    });
    QObject::connect(&killTimer, &QTimer::timeout, q, [this] {
        if (run.pid == 0)
            return;
        qCInfo(lcVm) << vmName() << "ignored SIGTERM; sending SIGKILL to" << run.pid;
        watcher.sendSignal(SIGKILL);
    });
    QObject::connect(&watcher, &QemuProcessWatcher::exited, q, [this] { onProcessExited(); });
    QObject::connect(&swtpmWatcher, &SwtpmWatcher::ended, q, [this] { onSwtpmEnded(); });

    connectQemuEvents();
}

QString VmInstance::Private::monitorPath() const
{
    return role == MonitorRole::Gui ? layout.guiMonitorPath() : layout.cliMonitorPath();
}

void VmInstance::Private::setState(VmState newState)
{
    if (state == newState)
        return;
    qCDebug(lcVm) << vmName() << vmStateName(state) << "->" << vmStateName(newState);
    state = newState;
    Q_EMIT q->stateChanged(newState);
}

bool VmInstance::Private::refuse(VmAction action)
{
    const QString why = VmLifecycle::refusal(state, action, vmName());
    if (why.isEmpty())
        return false;
    failLater(action, why);
    return true;
}

void VmInstance::Private::failLater(VmAction action, const QString &message)
{
    qCInfo(lcVm).noquote() << vmName() << vmActionName(action) << "failed:" << message;
    // Actions return at once; their failure arrives from the event loop like a success.
    QMetaObject::invokeMethod(
        q, [this, action, message] { Q_EMIT q->actionFailed(action, message); },
        Qt::QueuedConnection);
}

void VmInstance::Private::runCommand(VmAction action, Command command,
                                     std::function<void()> onSuccess)
{
    (monitor().*
     command)(q, [this, action, onSuccess = std::move(onSuccess)](const QmpResult<void> &reply) {
        if (!reply) {
            qCInfo(lcVm).noquote()
                << vmName() << vmActionName(action) << "failed:" << reply.error().message();
            // A guest that reacts at once may power off before QEMU has flushed its
            // answer to the power button: the end of the process tells how it went.
            if (action == VmAction::Shutdown && reply.error().kind() == QmpError::Kind::Interrupted)
                return;
            apply(VmEvent::CommandFailed);
            Q_EMIT q->actionFailed(action, reply.error().message());
            return;
        }
        if (onSuccess)
            onSuccess();
        Q_EMIT q->actionSucceeded(action);
    });
}

void VmInstance::Private::writeCrashReport(qint64 endedPid, const QString &message,
                                           const QString &tail) const
{
    CrashReport report;
    report.time = QDateTime::currentDateTimeUtc();
    report.pid = endedPid;
    report.message = message;
    report.guestPanicked = run.guestPanicked;
    report.shutdownReason = run.shutdownReason;
    report.qemuLogTail = tail;
    if (const Outcome<> written = report.write(vmFolder); !written)
        qCWarning(lcVm) << "cannot write" << layout.crashReportPath() << written.failure();
}

void VmInstance::Private::start()
{
    if (refuse(VmAction::Start))
        return;
    startCancelled = false;
    // A VM switched to UEFI after it was created gets its variables file now.
    if (definition.firmware == Firmware::Uefi && !QFileInfo::exists(layout.uefiVarsPath())) {
        apply(VmEvent::Launched);
        UefiFirmware::createVariables(layout, definition.secureBoot, q,
                                      [this](const Outcome<> &made) {
                                          if (startCancelled || state != VmState::Starting) {
                                              apply(VmEvent::StartFailed);
                                              return;
                                          }
                                          if (!made) {
                                              lastError = made.failure().message();
                                              apply(VmEvent::StartFailed);
                                              Q_EMIT q->actionFailed(VmAction::Start, lastError);
                                              return;
                                          }
                                          launch();
                                      });
        return;
    }
    launch();
}

void VmInstance::Private::launch()
{
    const QemuLauncher::Launched launched = QemuLauncher::launch(definition, layout);
    nextAccelerator = launched.accelerator;
    if (launched.pid == 0) {
        lastError = launched.error;
        apply(VmEvent::StartFailed); // nothing ran; Stopped stays Stopped
        failLater(VmAction::Start, launched.error);
        return;
    }
    qCInfo(lcVm) << vmName() << "started QEMU, pid" << launched.pid;
    lastError.clear();
    beginRun(launched.pid);
    run.launchedHere = true;
    run.accelerator = launched.accelerator;
    apply(VmEvent::Launched);
    awaiting = Awaiting::Start;
    if (!watcher.watch(launched.pid)) {
        // Gone already (a bad option, say): report it from the event loop.
        QMetaObject::invokeMethod(
            q, [this] { finishRun(); }, Qt::QueuedConnection);
        return;
    }
    connectMonitor(Awaiting::Start);
}

void VmInstance::Private::attach()
{
    if (run.pid != 0) {
        if (connection.isReady() && awaiting == Awaiting::Nothing) {
            QMetaObject::invokeMethod(
                q, [this] { Q_EMIT q->attached(); }, Qt::QueuedConnection);
        } else if (!connection.isConnecting()) {
            connectMonitor(Awaiting::Attach); // try the monitor again
        }
        return;
    }
    if (state == VmState::Starting) { // making its UEFI variables; the start reports
        QMetaObject::invokeMethod(
            q, [this] { Q_EMIT q->attached(); }, Qt::QueuedConnection);
        return;
    }
    // The runtime folder is trusted only when it is ours and private, as on start: a pidfile
    // or socket planted in someone else's folder is never read, connected to or cleaned.
    if (const Outcome<> safe = RuntimeFolder::verify(layout.runtimeFolder()); !safe) {
        lastError = safe.failure().message();
        setState(VmState::Stopped);
        QMetaObject::invokeMethod(
            q,
            [this, message = lastError] {
                Q_EMIT q->monitorProblem(message);
                Q_EMIT q->attached();
            },
            Qt::QueuedConnection);
        return;
    }
    const qint64 found = QemuLauncher::pidFromPidFile(layout);
    // Checked again once the pidfd is open: the pid cannot be recycled behind a pidfd.
    if (QemuProcessWatcher::isQemuFor(found, definition.uuid) && watcher.watch(found) &&
        QemuProcessWatcher::isQemuFor(found, definition.uuid)) {
        qCInfo(lcVm) << vmName() << "attaching to running QEMU, pid" << found;
        beginRun(found);
        connectMonitor(Awaiting::Attach);
        return;
    }
    watcher.stop();

    bool crashed = CrashReport::exists(vmFolder);
    // Only what is provably stale is cleaned. No pidfile, or one without a pid yet, may
    // be a QEMU that another Berth process is starting right now (it creates the folder,
    // then QEMU creates, locks and writes the pidfile): touching the folder would break
    // that start. A locked pidfile belongs to a live QEMU whatever it says.
    if (found > 0 && !RuntimeFolder::isPidFileLocked(layout.pidFilePath())) {
        // QEMU deletes its pidfile when it exits in an orderly way (a shutdown, quit,
        // SIGTERM); one left behind means it was killed or crashed while nobody watched.
        const QString tail = QemuLog::tail(vmFolder);
        lastError = VmInstance::tr("QEMU ended while no Berth was watching it, without "
                                   "shutting down cleanly");
        if (!tail.isEmpty())
            lastError += u":\n"_s + tail;
        writeCrashReport(found, lastError, tail);
        crashed = true;
        RuntimeFolder::clean(layout.runtimeFolder());
    } else if (crashed) {
        lastError = CrashReport::read(vmFolder).value_or(CrashReport{}).message;
    }
    setState(crashed ? VmState::Crashed : VmState::Stopped);
    QMetaObject::invokeMethod(
        q, [this] { Q_EMIT q->attached(); }, Qt::QueuedConnection);
}

void VmInstance::Private::beginRun(qint64 newPid)
{
    const quint64 nextId = run.id + 1;
    run = Run{};
    run.id = nextId;
    run.pid = newPid;
    run.accelerator = nextAccelerator;
    if (definition.tpm && !swtpmWatcher.watch(layout))
        QTimer::singleShot(0, q, [this] { onSwtpmEnded(); }); // from the event loop
}

void VmInstance::Private::onSwtpmEnded()
{
    if (run.pid == 0 || run.exitPending || state == VmState::Stopping || !watcher.isRunning())
        return;
    lastError = Swtpm::endedMessage(vmName(), layout);
    Q_EMIT q->deviceProblem(lastError);
}

void VmInstance::Private::connectMonitor(Awaiting purpose)
{
    awaiting = purpose;
    unreachableRetryTimer.stop();
    switch (purpose) {
    case Awaiting::Start:
        connection.open(MonitorConnection::Purpose::Start, kStartDeadline);
        return;
    case Awaiting::Attach:
        connection.open(MonitorConnection::Purpose::Attach, kAttachDeadline);
        return;
    case Awaiting::Reconnect:
        connection.open(MonitorConnection::Purpose::Reconnect, kReconnectDeadline);
        return;
    case Awaiting::Nothing:
        return;
    }
}

void VmInstance::Private::onMonitorReady()
{
    run.everReady = true;
    const quint64 runId = run.id;
    monitor().queryKvm(q, [this, runId](const QmpResult<QemuKvmInfo> &kvm) {
        if (runId != run.id || !kvm)
            return;
        run.accelerator = kvm->enabled && kvm->present ? Accelerator::Kvm : Accelerator::Tcg;
        run.acceleratorKnown = true;
    });
    // QEMU answers in order, so query-kvm is known when this arrives.
    monitor().queryStatus(
        q, [this, runId](const QmpResult<QemuStatus> &status) { onStatus(status, runId); });
}

void VmInstance::Private::onStatus(const QmpResult<QemuStatus> &status, quint64 runId)
{
    if (runId != run.id || awaiting == Awaiting::Nothing)
        return;
    if (!status && !connection.isReady())
        return; // the monitor closed: lost() carries on
    const Awaiting purpose = awaiting;
    awaiting = Awaiting::Nothing;

    // Events that came before this answer are already reflected in it. (A monitor that
    // answers with an error is taken to run: that is the least wrong guess.)
    const QemuStatus now = status ? *status : QemuStatus{QemuRunState::Running, {}, true};
    VmState newState = VmLifecycle::fromQemuStatus(now.state, now.running, run.shutdownSeen);
    if (newState == VmState::Panicked)
        run.guestPanicked = now.state == QemuRunState::GuestPanicked;
    if (newState == VmState::Running && run.powerButtonPressed)
        newState = VmState::ShuttingDown; // still waiting for the guest to power off
    setState(newState);
    if (unreachable) { // reachable again
        unreachable = false;
        lastError.clear();
    }

    if (purpose == Awaiting::Start) {
        run.launchedHere = false;
        // The VM's share of the host is in place before anyone is told it runs.
        if (definition.resources.isDefault()) {
            Q_EMIT q->started();
            return;
        }
        VmResourceControl::apply(monitor(), run.pid, definition, q,
                                 [this, runId](const QString &why) {
                                     if (!why.isEmpty())
                                         Q_EMIT q->monitorProblem(why);
                                     if (runId == run.id)
                                         Q_EMIT q->started();
                                 });
    } else if (purpose == Awaiting::Attach) {
        Q_EMIT q->attached();
    }
}

void VmInstance::Private::onMonitorLost()
{
    if (run.pid == 0 || run.exitPending || !watcher.isRunning())
        return;
    qCWarning(lcVm) << vmName() << "lost its monitor connection while QEMU runs; reconnecting";
    run.listenedThroughout = false;
    apply(VmEvent::MonitorLost);
    connectMonitor(Awaiting::Reconnect);
}

void VmInstance::Private::onMonitorGaveUp(const QString &why)
{
    const Awaiting purpose = awaiting;
    awaiting = Awaiting::Nothing;
    if (run.pid == 0)
        return;
    if (purpose == Awaiting::Start) {
        // QEMU runs but its monitor never answered: stop it; finishRun() reports the start.
        run.startFailure = VmInstance::tr("QEMU did not open its monitor within %1 seconds: %2")
                               .arg(std::chrono::seconds(kStartDeadline).count())
                               .arg(why);
        watcher.sendSignal(SIGKILL);
        return;
    }
    run.listenedThroughout = false;
    unreachable = true;
    lastError = VmInstance::tr("Berth cannot reach the monitor of %1: %2").arg(vmName(), why);
    if (state == VmState::Stopped || state == VmState::Crashed || VmLifecycle::hasMonitor(state))
        setState(VmState::Unreachable); // it runs; how, we cannot tell
    Q_EMIT q->monitorProblem(lastError);
    // The window keeps trying for as long as QEMU runs (another program may let go of the
    // monitor); the CLI has said what it could.
    if (role == MonitorRole::Gui)
        unreachableRetryTimer.start(kUnreachableRetry);
    if (purpose == Awaiting::Attach)
        Q_EMIT q->attached();
}

void VmInstance::Private::onProcessExited()
{
    if (run.pid == 0)
        return;
    if (connection.isReady()) {
        // The kernel has closed QEMU's end of the socket; what QEMU wrote before (its
        // SHUTDOWN event) is still to be read. Decide once the stream has ended.
        run.exitPending = true;
        exitDrainTimer.start(kExitDrain);
        return;
    }
    finishRun();
}

void VmInstance::Private::finishRun()
{
    if (run.pid == 0)
        return;
    const qint64 endedPid = run.pid;
    const bool attaching = awaiting == Awaiting::Attach;
    QemuExit::Seen seen;
    seen.vmName = vmName();
    seen.launchedHere = run.launchedHere;
    seen.forced = state == VmState::Stopping;
    seen.guestPanicked = run.guestPanicked || run.shutdownReason == "guest-panic"_L1;
    seen.everReady = run.everReady;
    seen.listenedThroughout = run.listenedThroughout;
    seen.shutdownSeen = run.shutdownSeen;
    seen.powerdownSent = run.powerdownSent;
    seen.pidFileLeft = QemuLauncher::pidFromPidFile(layout) == endedPid;
    seen.crashReportExists = CrashReport::exists(vmFolder);
    seen.accelerator = run.accelerator;
    seen.startFailure = run.startFailure;
    seen.logTail = QemuLog::tail(vmFolder);
    const QemuExit exit = QemuExit::judge(seen);

    if (exit.kind == QemuExit::Kind::FailedStart) {
        lastError = exit.message;
        endRun();
        apply(VmEvent::EndedCleanly);
        Q_EMIT q->actionFailed(VmAction::Start, exit.message);
        return;
    }
    const bool clean = exit.kind == QemuExit::Kind::Clean;
    lastError = exit.message;
    if (clean) {
        qCInfo(lcVm) << vmName() << "QEMU" << endedPid << "ended";
    } else {
        qCInfo(lcVm).noquote() << vmName() << "QEMU" << endedPid << "crashed:" << lastError;
        // Before the runtime files go: another Berth that was not listening reads it.
        writeCrashReport(endedPid, lastError, seen.logTail);
    }
    endRun();
    apply(clean ? VmEvent::EndedCleanly : VmEvent::EndedUncleanly);
    Q_EMIT q->processEnded(clean);
    if (attaching)
        Q_EMIT q->attached();
}

void VmInstance::Private::endRun()
{
    const qint64 endedPid = run.pid;
    run.pid = 0;
    ++run.id; // late answers of this run stay quiet
    awaiting = Awaiting::Nothing;
    watcher.stop();
    swtpmWatcher.stop();
    connection.close();
    for (QTimer *t : {&monitorLostTimer, &unreachableRetryTimer, &exitDrainTimer, &shutdownTimer,
                      &termTimer, &killTimer})
        t->stop();
    // Unless someone has started this VM again meanwhile, its runtime files are stale.
    // A pidfile that exists without a pid is a QEMU being started elsewhere (see attach()).
    const qint64 current = QemuLauncher::pidFromPidFile(layout);
    const bool someoneStarting = current == 0 && QFileInfo::exists(layout.pidFilePath());
    if (!someoneStarting && (current == 0 || current == endedPid ||
                             !QemuProcessWatcher::isQemuFor(current, definition.uuid))) {
        RuntimeFolder::clean(layout.runtimeFolder());
        CpuControl::release(definition.uuid); // its CPU limit's group, now empty
    }
    nextAccelerator = QemuCommandLine::resolveAccelerator(definition.accelerator);
}

void VmInstance::Private::forceStop()
{
    if (state == VmState::Stopping)
        return; // under way
    if (refuse(VmAction::ForceOff))
        return;
    shutdownTimer.stop();
    const bool launching = run.pid == 0; // still making the UEFI variables
    apply(VmEvent::ForceOff);
    if (launching) {
        startCancelled = true;
        return;
    }
    if (connection.isReady() && awaiting == Awaiting::Nothing) {
        // The reply may never come: QEMU can close the monitor first.
        monitor().quit(q);
        termTimer.start(kForceStopStep);
    } else {
        watcher.sendSignal(SIGTERM);
        killTimer.start(kForceStopStep);
    }
}

// --- VmInstance ------------------------------------------------------------------------

VmInstance::VmInstance(VmDefinition definition, QString vmFolder, MonitorRole role, QObject *parent)
    : QObject(parent)
    , d(new Private(this, std::move(definition), std::move(vmFolder), role))
{}

VmInstance::~VmInstance()
{
    // QEMU keeps running: it is detached by design. Only our view of it ends, quietly.
    blockSignals(true);
    delete d;
}

const VmDefinition &VmInstance::definition() const
{
    return d->definition;
}

void VmInstance::setDefinition(const VmDefinition &definition)
{
    if (VmLifecycle::hasProcess(d->state)) {
        d->failLater(VmAction::Edit, VmLifecycle::refusal(d->state, VmAction::Edit, d->vmName()));
        return;
    }
    d->definition = definition;
    d->layout = VmLayout(d->vmFolder, definition);
    d->connection.setSocketPath(d->monitorPath());
    d->nextAccelerator = QemuCommandLine::resolveAccelerator(definition.accelerator);
}

QString VmInstance::vmFolder() const
{
    return d->vmFolder;
}

QString VmInstance::runtimeFolder() const
{
    return d->layout.runtimeFolder();
}

const VmLayout &VmInstance::layout() const
{
    return d->layout;
}

VmState VmInstance::state() const
{
    return d->state;
}

bool VmInstance::allows(VmAction action) const
{
    return VmLifecycle::allows(d->state, action);
}

QString VmInstance::refusal(VmAction action) const
{
    return VmLifecycle::refusal(d->state, action, d->vmName());
}

qint64 VmInstance::pid() const
{
    return d->run.pid;
}

Accelerator VmInstance::effectiveAccelerator() const
{
    return d->run.pid != 0 && d->run.acceleratorKnown ? d->run.accelerator : d->nextAccelerator;
}

QString VmInstance::lastError() const
{
    return d->lastError;
}

QmpClient *VmInstance::qmp() const
{
    return d->connection.isReady() ? d->connection.client() : nullptr;
}

void VmInstance::attach()
{
    d->attach();
}

void VmInstance::start()
{
    d->start();
}

void VmInstance::pause()
{
    if (d->refuse(VmAction::Pause))
        return;
    d->apply(VmEvent::PauseAsked);
    d->runCommand(VmAction::Pause, &QemuMonitor::stop); // the STOP event moves the state
}

void VmInstance::resume()
{
    if (d->refuse(VmAction::Resume))
        return;
    d->apply(VmEvent::ResumeAsked);
    d->runCommand(VmAction::Resume, &QemuMonitor::cont); // the RESUME event moves the state
}

void VmInstance::reset()
{
    if (d->refuse(VmAction::Reset))
        return;
    d->runCommand(VmAction::Reset, &QemuMonitor::systemReset);
}

void VmInstance::shutdown(std::chrono::milliseconds timeout)
{
    if (d->refuse(VmAction::Shutdown))
        return;
    const quint64 runId = d->run.id;
    d->run.powerdownSent = true;
    d->runCommand(VmAction::Shutdown, &QemuMonitor::systemPowerdown, [this, runId, timeout] {
        if (runId != d->run.id)
            return;
        d->run.powerButtonPressed = true;
        d->apply(VmEvent::PowerButton); // the POWERDOWN event has normally done it
        d->shutdownTimer.start(timeout);
    });
}

void VmInstance::forceStop()
{
    d->forceStop();
}
