#include "models/vm/vminstance.h"

#include "models/vm/crashreport.h"
#include "models/vm/qemucommandline.h"
#include "models/vm/qemulog.h"
#include "models/vm/qemuprocesswatcher.h"
#include "models/vm/runtimefolder.h"
#include "models/vm/uefifirmware.h"
#include "qmp/qmpclient.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
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
// How long QEMU may take to greet once connected while starting (its main loop greets,
// after machine initialisation).
constexpr auto kStartGreetingTimeout = 20s;
// Attaching to a QEMU that runs already: it greets at once unless another client holds
// this monitor, which the greeting timeout catches.
constexpr auto kAttachDeadline = 6s;
constexpr auto kReconnectDeadline = 10s;
// When the monitor closes but the process has not ended yet: exit is normally a matter of
// milliseconds, so only after this is the monitor considered lost and reconnected.
constexpr auto kMonitorLostGrace = 1s;
// When the process ended while the monitor is still open: QEMU's last events are in the
// socket; wait for its end of stream before deciding how QEMU ended.
constexpr auto kExitDrain = 2s;
// forceStop(): quit over QMP, then SIGTERM after this, then SIGKILL after as long again.
constexpr auto kForceStopStep = 3s;
constexpr int kFirstRetryMs = 10;
constexpr int kMaxRetryMs = 200;

} // namespace

class VmInstance::Private
{
public:
    /// Why we are connecting to the monitor.
    enum class Connect
    {
        None,
        Start,
        Attach,
        Reconnect
    };

    Private(VmInstance *owner, VmDefinition def, QString folder, MonitorRole monitorRole);

    QString vmName() const { return definition.name; }
    QString monitorPath() const;
    QString pidFilePath() const { return QemuCommandLine::pidFilePath(runtimeFolder); }

    void setState(VmState newState);
    void failLater(const QString &action, const QString &message);
    bool requireMonitor(const QString &action);
    void runCommand(const QString &action, const QString &command,
                    std::function<void()> onSuccess = {});

    qint64 readPidFile() const;
    void writeCrashReport(qint64 endedPid, const QString &message, const QString &tail) const;

    void start();
    void attach();
    void beginRun(qint64 newPid);
    void beginConnect(Connect purpose, std::chrono::milliseconds deadline);
    void tryConnect();
    void stopWatchingFolder();
    void ensureClient();
    void onMonitorReady();
    void onStatus(const QmpReply &reply, Connect purpose, quint64 run);
    void onMonitorDisconnected(const QmpError &error);
    void onMonitorLostGraceOver();
    void giveUpConnecting(const QmpError &error);
    void onProcessExited();
    void finishRun();
    void endRun();
    void forceStop();

    void onStop();
    void onResume();
    void onPowerdown();
    void onShutdown(bool guest, const QString &reason);
    void onGuestPanicked();

    VmInstance *const q;
    VmDefinition definition;
    QString vmFolder;
    MonitorRole role;
    QString runtimeFolder;
    VmState state = VmState::Stopped;
    qint64 pid = 0;
    Accelerator resolvedAccelerator = Accelerator::Tcg;
    Accelerator runningAccelerator = Accelerator::Tcg;
    bool runningAcceleratorKnown = false;
    QString lastError;
    QmpClient *qmp = nullptr;
    QemuProcessWatcher watcher;
    QFileSystemWatcher *folderWatcher = nullptr; ///< while QEMU creates its sockets

    // One run of QEMU, as this instance saw it. runId tells late callbacks from an
    // earlier run to stay quiet.
    quint64 runId = 0;
    Connect connectPurpose = Connect::None;
    bool monitorGivenUp = false; ///< stop reconnecting until attach() is called again
    int retryDelayMs = kFirstRetryMs;
    QString connectFailure;
    QString startFailure;      ///< why start() gave up on a QEMU that still ran
    bool startPending = false; ///< launched by start(), started() not yet emitted
    bool everReady = false;
    bool monitorLost = false; ///< the monitor closed while QEMU kept running
    bool exitPending = false;
    bool shutdownSeen = false;
    QString shutdownReason;
    bool guestPanicked = false;
    bool forceStopRequested = false;
    bool makingUefiVars = false; ///< start() waits for the VM's UEFI variables file

    QTimer retryTimer;
    QTimer connectDeadlineTimer;
    QTimer monitorLostTimer;
    QTimer exitDrainTimer;
    QTimer shutdownTimer;
    QTimer termTimer;
    QTimer killTimer;
};

VmInstance::Private::Private(VmInstance *owner, VmDefinition def, QString folder,
                             MonitorRole monitorRole)
    : q(owner)
    , definition(std::move(def))
    , vmFolder(std::move(folder))
    , role(monitorRole)
    , runtimeFolder(RuntimeFolder::forVm(definition.uuid))
    , resolvedAccelerator(QemuCommandLine::resolveAccelerator(definition.accelerator))
{
    for (QTimer *t : {&retryTimer, &connectDeadlineTimer, &monitorLostTimer, &exitDrainTimer,
                      &shutdownTimer, &termTimer, &killTimer})
        t->setSingleShot(true);
    QObject::connect(&connectDeadlineTimer, &QTimer::timeout, q, [this] {
        if (pid != 0 && connectPurpose != Connect::None)
            giveUpConnecting(QmpError{});
    });
    QObject::connect(&retryTimer, &QTimer::timeout, q, [this] { tryConnect(); });
    QObject::connect(&monitorLostTimer, &QTimer::timeout, q, [this] { onMonitorLostGraceOver(); });
    QObject::connect(&exitDrainTimer, &QTimer::timeout, q, [this] { finishRun(); });
    QObject::connect(&shutdownTimer, &QTimer::timeout, q, [this] {
        if (pid != 0)
            Q_EMIT q->shutdownTimedOut();
    });
    QObject::connect(&termTimer, &QTimer::timeout, q, [this] {
        if (pid == 0)
            return;
        qCInfo(lcVm) << vmName() << "did not quit; sending SIGTERM to" << pid;
        watcher.sendSignal(SIGTERM);
        killTimer.start(kForceStopStep);
    });
    QObject::connect(&killTimer, &QTimer::timeout, q, [this] {
        if (pid == 0)
            return;
        qCInfo(lcVm) << vmName() << "ignored SIGTERM; sending SIGKILL to" << pid;
        watcher.sendSignal(SIGKILL);
    });
    QObject::connect(&watcher, &QemuProcessWatcher::exited, q, [this] { onProcessExited(); });
}

QString VmInstance::Private::monitorPath() const
{
    return role == MonitorRole::Gui ? QemuCommandLine::guiMonitorPath(runtimeFolder)
                                    : QemuCommandLine::cliMonitorPath(runtimeFolder);
}

void VmInstance::Private::setState(VmState newState)
{
    if (state == newState)
        return;
    qCDebug(lcVm) << vmName() << vmStateName(state) << "->" << vmStateName(newState);
    state = newState;
    Q_EMIT q->stateChanged(newState);
}

void VmInstance::Private::failLater(const QString &action, const QString &message)
{
    qCInfo(lcVm).noquote() << vmName() << action << "failed:" << message;
    // Actions return at once; their failure arrives from the event loop like a success.
    QMetaObject::invokeMethod(
        q, [this, action, message] { Q_EMIT q->actionFailed(action, message); },
        Qt::QueuedConnection);
}

bool VmInstance::Private::requireMonitor(const QString &action)
{
    if (pid == 0) {
        failLater(action, VmInstance::tr("%1 is not running").arg(vmName()));
        return false;
    }
    if (!qmp || !qmp->isReady() || connectPurpose != Connect::None) {
        failLater(action, VmInstance::tr("%1 is not ready to be controlled yet (its monitor is not "
                                         "connected)")
                              .arg(vmName()));
        return false;
    }
    return true;
}

void VmInstance::Private::runCommand(const QString &action, const QString &command,
                                     std::function<void()> onSuccess)
{
    qmp->execute(command, {}, q,
                 [this, action, onSuccess = std::move(onSuccess)](const QmpReply &reply) {
                     if (reply.hasError()) {
                         qCInfo(lcVm).noquote()
                             << vmName() << action << "failed:" << reply.error().message();
                         Q_EMIT q->actionFailed(action, reply.error().message());
                         return;
                     }
                     if (onSuccess)
                         onSuccess();
                     Q_EMIT q->actionSucceeded(action);
                 });
}

qint64 VmInstance::Private::readPidFile() const
{
    QFile file(pidFilePath());
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    bool ok = false;
    const qint64 value = file.read(32).trimmed().toLongLong(&ok);
    return ok && value > 0 ? value : 0;
}

void VmInstance::Private::writeCrashReport(qint64 endedPid, const QString &message,
                                           const QString &tail) const
{
    CrashReport report;
    report.time = QDateTime::currentDateTimeUtc();
    report.pid = endedPid;
    report.message = message;
    report.guestPanicked = guestPanicked;
    report.shutdownReason = shutdownReason;
    report.qemuLogTail = tail;
    QString error;
    if (!report.write(vmFolder, &error))
        qCWarning(lcVm).noquote() << "cannot write" << CrashReport::path(vmFolder) << error;
}

void VmInstance::Private::start()
{
    const QString action = u"start"_s;
    if (pid != 0 || connectPurpose != Connect::None || makingUefiVars) {
        failLater(action, VmInstance::tr("%1 is already running").arg(vmName()));
        return;
    }
    auto fail = [&](const QString &message) {
        lastError = message;
        failLater(action, message);
    };

    // A VM switched to UEFI after it was created gets its variables file now.
    if (definition.firmware == Firmware::Uefi &&
        !QFileInfo::exists(UefiFirmware::varsPath(vmFolder))) {
        makingUefiVars = true;
        UefiFirmware::createVariables(vmFolder, q, [this, action](const QString &error) {
            makingUefiVars = false;
            if (!error.isEmpty()) {
                lastError = error;
                Q_EMIT q->actionFailed(action, error);
                return;
            }
            start();
        });
        return;
    }

    QString error;
    const QString binary = QemuCommandLine::findBinary(&error);
    if (binary.isEmpty())
        return fail(error);
    resolvedAccelerator = QemuCommandLine::resolveAccelerator(definition.accelerator);
    const QemuCommandLine commandLine(definition, vmFolder, runtimeFolder, resolvedAccelerator);
    if (error = commandLine.check(); !error.isEmpty())
        return fail(error);

    // Another Berth process may have started it since this one last looked.
    if (const qint64 other = readPidFile(); QemuProcessWatcher::isQemuFor(other, definition.uuid))
        return fail(
            VmInstance::tr("%1 is already running (QEMU process %2)").arg(vmName()).arg(other));
    RuntimeFolder::clean(runtimeFolder); // a crashed run's sockets and pidfile
    if (!RuntimeFolder::ensure(runtimeFolder, &error))
        return fail(error);

    // One generation of each log is kept: serial.log is the console of this run (what
    // `berth log` prints), serial.log.old the one before.
    QemuLog::rotate(vmFolder);
    CrashReport::remove(vmFolder);
    const QStringList arguments = commandLine.arguments();
    QemuLog::writeHeader(vmFolder, binary, arguments);

    // Detached, so QEMU outlives this process; its stdout and stderr go to qemu.log.
    QProcess process;
    process.setProgram(binary);
    process.setArguments(arguments);
    process.setWorkingDirectory(vmFolder);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(QemuLog::path(vmFolder), QIODevice::Append);
    process.setStandardErrorFile(QemuLog::path(vmFolder), QIODevice::Append);
    qint64 newPid = 0;
    if (!process.startDetached(&newPid) || newPid <= 0) {
        RuntimeFolder::clean(runtimeFolder);
        return fail(VmInstance::tr("Cannot run %1: %2").arg(binary, process.errorString()));
    }
    qCInfo(lcVm) << vmName() << "started QEMU, pid" << newPid;

    lastError.clear();
    beginRun(newPid);
    startPending = true;
    setState(VmState::Starting);
    if (!watcher.watch(newPid)) {
        // Gone already (a bad option, say): report it from the event loop.
        connectPurpose = Connect::Start;
        QMetaObject::invokeMethod(
            q, [this] { finishRun(); }, Qt::QueuedConnection);
        return;
    }
    beginConnect(Connect::Start, kStartDeadline);
}

void VmInstance::Private::attach()
{
    if (pid != 0 && connectPurpose == Connect::None && !(qmp && qmp->isReady())) {
        beginConnect(Connect::Attach, kAttachDeadline); // try the monitor again
        return;
    }
    if (pid != 0 || connectPurpose != Connect::None) {
        QMetaObject::invokeMethod(
            q, [this] { Q_EMIT q->attached(); }, Qt::QueuedConnection);
        return;
    }
    const qint64 found = readPidFile();
    // Checked again once the pidfd is open: the pid cannot be recycled behind a pidfd.
    if (QemuProcessWatcher::isQemuFor(found, definition.uuid) && watcher.watch(found) &&
        QemuProcessWatcher::isQemuFor(found, definition.uuid)) {
        qCInfo(lcVm) << vmName() << "attaching to running QEMU, pid" << found;
        beginRun(found);
        beginConnect(Connect::Attach, kAttachDeadline);
        return;
    }
    watcher.stop();

    bool crashed = CrashReport::exists(vmFolder);
    // Only what is provably stale is cleaned. No pidfile, or one without a pid yet, may
    // be a QEMU that another Berth process is starting right now (it creates the folder,
    // then QEMU creates, locks and writes the pidfile): touching the folder would break
    // that start. A locked pidfile belongs to a live QEMU whatever it says.
    if (found > 0 && !RuntimeFolder::isPidFileLocked(pidFilePath())) {
        // QEMU deletes its pidfile when it exits in an orderly way (a shutdown, quit,
        // SIGTERM); one left behind means it was killed or crashed while nobody watched.
        const QString tail = QemuLog::tail(vmFolder);
        lastError = VmInstance::tr("QEMU ended while no Berth was watching it, without "
                                   "shutting down cleanly");
        if (!tail.isEmpty())
            lastError += u":\n"_s + tail;
        writeCrashReport(found, lastError, tail);
        crashed = true;
        RuntimeFolder::clean(runtimeFolder);
    } else if (crashed) {
        lastError = CrashReport::read(vmFolder).value_or(CrashReport{}).message;
    }
    setState(crashed ? VmState::Crashed : VmState::Stopped);
    QMetaObject::invokeMethod(
        q, [this] { Q_EMIT q->attached(); }, Qt::QueuedConnection);
}

void VmInstance::Private::beginRun(qint64 newPid)
{
    ++runId;
    pid = newPid;
    startPending = false;
    everReady = false;
    monitorLost = false;
    exitPending = false;
    shutdownSeen = false;
    shutdownReason.clear();
    guestPanicked = false;
    forceStopRequested = false;
    monitorGivenUp = false;
    runningAcceleratorKnown = false;
    connectFailure.clear();
    startFailure.clear();
}

void VmInstance::Private::ensureClient()
{
    if (qmp)
        return;
    qmp = new QmpClient(q);
    QObject::connect(qmp, &QmpClient::ready, q, [this] { onMonitorReady(); });
    QObject::connect(qmp, &QmpClient::disconnected, q,
                     [this](const QmpError &error) { onMonitorDisconnected(error); });
    QObject::connect(qmp, &QmpClient::eventStop, q, [this] { onStop(); });
    QObject::connect(qmp, &QmpClient::eventResume, q, [this] { onResume(); });
    QObject::connect(qmp, &QmpClient::eventPowerdown, q, [this] { onPowerdown(); });
    QObject::connect(qmp, &QmpClient::eventShutdown, q,
                     [this](bool guest, const QString &reason) { onShutdown(guest, reason); });
    QObject::connect(qmp, &QmpClient::eventGuestPanicked, q, [this] { onGuestPanicked(); });
    QObject::connect(qmp, &QmpClient::eventReset, q, [this](bool guest, const QString &reason) {
        qCInfo(lcVm) << vmName() << "reset; by the guest:" << guest << reason;
    });
}

void VmInstance::Private::beginConnect(Connect purpose, std::chrono::milliseconds deadline)
{
    connectPurpose = purpose;
    monitorGivenUp = false;
    connectDeadlineTimer.start(deadline);
    retryDelayMs = kFirstRetryMs;
    ensureClient();
    qmp->setGreetingTimeout(purpose == Connect::Start ? kStartGreetingTimeout
                                                      : QmpClient::DefaultGreetingTimeout);
    if (purpose == Connect::Start) {
        // Connect when QEMU has made the socket, not before: inotify on the runtime folder.
        // Watching starts before the first look, so the creation cannot slip between.
        if (!folderWatcher) {
            folderWatcher = new QFileSystemWatcher(q);
            QObject::connect(folderWatcher, &QFileSystemWatcher::directoryChanged, q, [this] {
                if (connectPurpose == Connect::Start && qmp &&
                    qmp->state() == QmpClient::State::Disconnected && !retryTimer.isActive())
                    tryConnect();
            });
        }
        folderWatcher->addPath(runtimeFolder);
    }
    tryConnect();
}

// NOLINTNEXTLINE(readability-make-member-function-const): it changes the connection
void VmInstance::Private::tryConnect()
{
    if (pid == 0 || connectPurpose == Connect::None || !qmp ||
        qmp->state() != QmpClient::State::Disconnected)
        return;
    if (connectPurpose == Connect::Start && folderWatcher &&
        !folderWatcher->directories().isEmpty() && !QFileInfo::exists(monitorPath()))
        return; // directoryChanged() calls again
    qmp->connectToUnixSocket(monitorPath());
}

// NOLINTNEXTLINE(readability-make-member-function-const): it changes what is watched
void VmInstance::Private::stopWatchingFolder()
{
    if (folderWatcher && !folderWatcher->directories().isEmpty())
        folderWatcher->removePaths(folderWatcher->directories());
}

void VmInstance::Private::onMonitorReady()
{
    everReady = true;
    monitorLost = false;
    const Connect purpose = connectPurpose;
    const quint64 run = runId;
    qmp->execute(u"query-kvm"_s, {}, q, [this, run](const QmpReply &reply) {
        if (run != runId || reply.hasError())
            return;
        const QJsonObject kvm = reply.result().toObject();
        runningAccelerator = kvm.value("enabled"_L1).toBool() && kvm.value("present"_L1).toBool()
                                 ? Accelerator::Kvm
                                 : Accelerator::Tcg;
        runningAcceleratorKnown = true;
    });
    // QEMU answers in order, so query-kvm is known when this arrives.
    qmp->execute(u"query-status"_s, {}, q,
                 [this, purpose, run](const QmpReply &reply) { onStatus(reply, purpose, run); });
}

void VmInstance::Private::onStatus(const QmpReply &reply, Connect purpose, quint64 run)
{
    if (run != runId || purpose != connectPurpose)
        return;
    if (reply.hasError() && (!qmp || !qmp->isReady()))
        return; // the monitor closed: onMonitorDisconnected() carries on
    connectPurpose = Connect::None;
    retryTimer.stop();
    connectDeadlineTimer.stop();
    stopWatchingFolder();

    // Events that came before this answer are already reflected in it.
    const QJsonObject status = reply.result().toObject();
    const QString name = status.value("status"_L1).toString();
    VmState newState = status.value("running"_L1).toBool(true) ? VmState::Running : VmState::Paused;
    if (name == "shutdown"_L1) {
        newState = VmState::ShuttingDown;
    } else if (name == "guest-panicked"_L1 || name == "internal-error"_L1) {
        guestPanicked = name == "guest-panicked"_L1;
        newState = VmState::Crashed;
    }
    if (shutdownSeen && newState != VmState::Crashed)
        newState = VmState::ShuttingDown;
    if (purpose == Connect::Reconnect && state == VmState::ShuttingDown &&
        newState == VmState::Running)
        newState = VmState::ShuttingDown; // still waiting for the guest to power off
    setState(newState);

    if (purpose == Connect::Start) {
        startPending = false;
        Q_EMIT q->started();
    } else if (purpose == Connect::Attach) {
        Q_EMIT q->attached();
    }
}

void VmInstance::Private::onMonitorDisconnected(const QmpError &error)
{
    if (exitPending) {
        finishRun();
        return;
    }
    if (pid == 0 || monitorGivenUp)
        return;
    if (connectPurpose != Connect::None) {
        if (!watcher.isRunning())
            return; // the watcher reports the exit
        if (error.isError())
            connectFailure = error.message();
        // Bounded by connectDeadlineTimer.
        retryTimer.start(retryDelayMs);
        retryDelayMs = std::min(retryDelayMs * 2, kMaxRetryMs);
        return;
    }
    // QEMU closes its monitors when it exits; the watcher normally says so at once.
    monitorLostTimer.start(kMonitorLostGrace);
}

void VmInstance::Private::onMonitorLostGraceOver()
{
    if (pid == 0 || exitPending || !watcher.isRunning())
        return;
    qCWarning(lcVm) << vmName() << "lost its monitor connection while QEMU runs; reconnecting";
    monitorLost = true;
    beginConnect(Connect::Reconnect, kReconnectDeadline);
}

void VmInstance::Private::giveUpConnecting(const QmpError &error)
{
    const Connect purpose = connectPurpose;
    connectPurpose = Connect::None;
    retryTimer.stop();
    connectDeadlineTimer.stop();
    stopWatchingFolder();
    QString why = error.isError() ? error.message() : connectFailure;
    if (why.isEmpty())
        why = VmInstance::tr("it did not answer");
    // Stay away until asked again (attach()): another program may hold this monitor.
    monitorGivenUp = true;
    if (purpose != Connect::Start && qmp && qmp->state() != QmpClient::State::Disconnected)
        qmp->disconnectFromServer();
    switch (purpose) {
    case Connect::None:
        return;
    case Connect::Start:
        // QEMU runs but its monitor never answered: stop it; finishRun() reports the start.
        startFailure = VmInstance::tr("QEMU did not open its monitor within %1 seconds: %2")
                           .arg(std::chrono::seconds(kStartDeadline).count())
                           .arg(why);
        connectPurpose = Connect::Start; // still a failed start when the process ends
        watcher.sendSignal(SIGKILL);
        return;
    case Connect::Attach:
        lastError = VmInstance::tr("%1 is running, but Berth cannot reach its monitor: %2")
                        .arg(vmName(), why);
        if (state == VmState::Stopped || state == VmState::Crashed)
            setState(VmState::Running); // it runs; whether paused is unknown
        Q_EMIT q->actionFailed(u"attach"_s, lastError);
        Q_EMIT q->attached();
        return;
    case Connect::Reconnect:
        lastError =
            VmInstance::tr("Berth lost the connection to %1's monitor: %2").arg(vmName(), why);
        Q_EMIT q->actionFailed(u"monitor"_s, lastError);
        return;
    }
}

void VmInstance::Private::onProcessExited()
{
    if (pid == 0)
        return;
    if (qmp && qmp->state() != QmpClient::State::Disconnected) {
        // The kernel has closed QEMU's end of the socket; what QEMU wrote before (its
        // SHUTDOWN event) is still to be read. Decide once the stream has ended.
        exitPending = true;
        exitDrainTimer.start(kExitDrain);
        return;
    }
    finishRun();
}

void VmInstance::Private::finishRun()
{
    if (pid == 0)
        return;
    const qint64 endedPid = pid;
    const bool attaching = connectPurpose == Connect::Attach;
    const bool pidFileLeft = readPidFile() == endedPid;
    const QString tail = QemuLog::tail(vmFolder);

    if (startPending && !forceStopRequested) {
        QString message = startFailure;
        if (message.isEmpty()) // QEMU ended by itself
            message = tail.isEmpty()
                          ? VmInstance::tr("QEMU ended before %1 was ready, without a message")
                                .arg(vmName())
                          : VmInstance::tr("QEMU could not start %1:\n%2").arg(vmName(), tail);
        else if (!tail.isEmpty())
            message += u'\n' + tail;
        if (resolvedAccelerator == Accelerator::Kvm)
            message +=
                u'\n' + VmInstance::tr("QEMU was using KVM. If KVM does not work on this host, "
                                       "set the VM's accelerator to TCG: slower, but it needs no "
                                       "hardware support.");
        lastError = message;
        endRun();
        setState(VmState::Stopped);
        Q_EMIT q->actionFailed(u"start"_s, message);
        return;
    }

    const bool panicked = guestPanicked || shutdownReason == "guest-panic"_L1;
    bool clean = false;
    if (forceStopRequested) {
        clean = true; // the user asked for it, however it ended
    } else if (panicked) {
        clean = false;
    } else if (everReady && !monitorLost) {
        // We were listening until QEMU's monitor closed: a SHUTDOWN event came, or not.
        clean = shutdownSeen;
    } else {
        // We were not listening all along: QEMU removes its pidfile when it exits in an
        // orderly way, and another Berth that was listening writes last-crash.json
        // before cleaning up.
        clean = shutdownSeen || (!pidFileLeft && !CrashReport::exists(vmFolder));
    }
    const QString crashReason =
        panicked ? VmInstance::tr("The guest's operating system crashed (kernel panic)")
                 : VmInstance::tr("QEMU ended unexpectedly");

    if (clean) {
        qCInfo(lcVm) << vmName() << "QEMU" << endedPid << "ended";
        lastError.clear();
    } else {
        lastError = crashReason;
        if (!tail.isEmpty())
            lastError += u":\n"_s + tail;
        qCInfo(lcVm).noquote() << vmName() << "QEMU" << endedPid << "crashed:" << lastError;
        // Before the runtime files go: see the "not listening" case above.
        writeCrashReport(endedPid, lastError, tail);
    }
    endRun();
    setState(clean ? VmState::Stopped : VmState::Crashed);
    Q_EMIT q->processEnded(clean);
    if (attaching)
        Q_EMIT q->attached();
}

void VmInstance::Private::endRun()
{
    const qint64 endedPid = pid;
    ++runId;
    pid = 0;
    connectPurpose = Connect::None;
    startPending = false;
    exitPending = false;
    runningAcceleratorKnown = false;
    watcher.stop();
    stopWatchingFolder();
    for (QTimer *t : {&retryTimer, &connectDeadlineTimer, &monitorLostTimer, &exitDrainTimer,
                      &shutdownTimer, &termTimer, &killTimer})
        t->stop();
    if (qmp) {
        // Pending replies die with the client, unanswered: this run is over.
        qmp->disconnect(q);
        qmp->deleteLater();
        qmp = nullptr;
    }
    // Unless someone has started this VM again meanwhile, its runtime files are stale.
    // A pidfile that exists without a pid is a QEMU being started elsewhere (see attach()).
    const qint64 current = readPidFile();
    const bool someoneStarting = current == 0 && QFileInfo::exists(pidFilePath());
    if (!someoneStarting && (current == 0 || current == endedPid ||
                             !QemuProcessWatcher::isQemuFor(current, definition.uuid)))
        RuntimeFolder::clean(runtimeFolder);
    resolvedAccelerator = QemuCommandLine::resolveAccelerator(definition.accelerator);
}

void VmInstance::Private::forceStop()
{
    if (pid == 0) {
        failLater(u"force-stop"_s, VmInstance::tr("%1 is not running").arg(vmName()));
        return;
    }
    if (forceStopRequested)
        return; // under way
    forceStopRequested = true;
    shutdownTimer.stop();
    if (qmp && qmp->isReady() && connectPurpose == Connect::None) {
        // The reply may never come: QEMU can close the monitor first.
        qmp->execute(u"quit"_s, {}, q, [](const QmpReply &) {});
        termTimer.start(kForceStopStep);
    } else {
        watcher.sendSignal(SIGTERM);
        killTimer.start(kForceStopStep);
    }
}

void VmInstance::Private::onStop()
{
    if (connectPurpose != Connect::None || shutdownSeen)
        return; // query-status, or the exit, tells the state
    if (state == VmState::Running || state == VmState::ShuttingDown)
        setState(VmState::Paused);
}

void VmInstance::Private::onResume()
{
    if (connectPurpose != Connect::None || shutdownSeen)
        return;
    if (state == VmState::Paused)
        setState(VmState::Running);
}

void VmInstance::Private::onPowerdown()
{
    if (connectPurpose != Connect::None)
        return;
    if (state == VmState::Running)
        setState(VmState::ShuttingDown);
}

void VmInstance::Private::onShutdown(bool guest, const QString &reason)
{
    qCInfo(lcVm) << vmName() << "SHUTDOWN; by the guest:" << guest << reason;
    shutdownSeen = true;
    shutdownReason = reason;
    if (connectPurpose != Connect::None)
        return;
    if (state == VmState::Running || state == VmState::Paused)
        setState(VmState::ShuttingDown);
}

void VmInstance::Private::onGuestPanicked()
{
    qCWarning(lcVm) << vmName() << "the guest panicked";
    guestPanicked = true;
    lastError = VmInstance::tr("The guest's operating system crashed (kernel panic)");
    if (connectPurpose == Connect::None)
        setState(VmState::Crashed);
}

// --- VmInstance ------------------------------------------------------------------------

VmInstance::VmInstance(VmDefinition definition, QString vmFolder, MonitorRole role, QObject *parent)
    : QObject(parent)
    , d(new Private(this, std::move(definition), std::move(vmFolder), role))
{}

VmInstance::~VmInstance()
{
    // QEMU keeps running: it is detached by design. Only our view of it ends.
    if (d->qmp) {
        d->qmp->disconnect(this);
        delete d->qmp;
        d->qmp = nullptr;
    }
    delete d;
}

const VmDefinition &VmInstance::definition() const
{
    return d->definition;
}

void VmInstance::setDefinition(const VmDefinition &definition)
{
    if (d->pid != 0 || d->connectPurpose != Private::Connect::None) {
        d->failLater(u"edit"_s,
                     tr("%1 is running; stop it before changing its definition").arg(d->vmName()));
        return;
    }
    d->definition = definition;
    d->runtimeFolder = RuntimeFolder::forVm(definition.uuid);
    d->resolvedAccelerator = QemuCommandLine::resolveAccelerator(definition.accelerator);
}

QString VmInstance::vmFolder() const
{
    return d->vmFolder;
}

QString VmInstance::runtimeFolder() const
{
    return d->runtimeFolder;
}

VmState VmInstance::state() const
{
    return d->state;
}

qint64 VmInstance::pid() const
{
    return d->pid;
}

Accelerator VmInstance::effectiveAccelerator() const
{
    return d->pid != 0 && d->runningAcceleratorKnown ? d->runningAccelerator
                                                     : d->resolvedAccelerator;
}

QString VmInstance::lastError() const
{
    return d->lastError;
}

QmpClient *VmInstance::qmp() const
{
    return d->qmp;
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
    const QString action = u"pause"_s;
    if (!d->requireMonitor(action))
        return;
    if (d->state != VmState::Running && d->state != VmState::ShuttingDown) {
        d->failLater(action, tr("%1 is not running").arg(d->vmName()));
        return;
    }
    d->runCommand(action, u"stop"_s); // the STOP event moves the state
}

void VmInstance::resume()
{
    const QString action = u"resume"_s;
    if (!d->requireMonitor(action))
        return;
    if (d->state != VmState::Paused) {
        d->failLater(action, tr("%1 is not paused").arg(d->vmName()));
        return;
    }
    d->runCommand(action, u"cont"_s); // the RESUME event moves the state
}

void VmInstance::reset()
{
    const QString action = u"reset"_s;
    if (!d->requireMonitor(action))
        return;
    d->runCommand(action, u"system_reset"_s);
}

void VmInstance::shutdown(std::chrono::milliseconds timeout)
{
    const QString action = u"shutdown"_s;
    if (!d->requireMonitor(action))
        return;
    if (d->state == VmState::Paused) {
        d->failLater(action, tr("%1 is paused and cannot react to the power button; resume it "
                                "first, or force it off")
                                 .arg(d->vmName()));
        return;
    }
    if (d->state != VmState::Running && d->state != VmState::ShuttingDown) {
        d->failLater(action, tr("%1 is not running").arg(d->vmName()));
        return;
    }
    const quint64 run = d->runId;
    d->runCommand(action, u"system_powerdown"_s, [this, run, timeout] {
        if (run != d->runId)
            return;
        if (d->state == VmState::Running)
            d->setState(VmState::ShuttingDown); // the POWERDOWN event has normally done it
        d->shutdownTimer.start(timeout);
    });
}

void VmInstance::forceStop()
{
    d->forceStop();
}
