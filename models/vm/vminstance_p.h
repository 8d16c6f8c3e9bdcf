// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// VmInstance's private part: its state, the run it watches and its timers. Only
// vminstance.cpp includes this.

#include "models/vm/monitorconnection.h"
#include "models/vm/qemuprocesswatcher.h"
#include "models/vm/swtpmwatcher.h"
#include "models/vm/vminstance.h"
#include "models/vm/vmlayout.h"
#include "qmp/qemumonitor.h"

#include <QLoggingCategory>
#include <QTimer>

#include <functional>

Q_DECLARE_LOGGING_CATEGORY(lcVm)

class VmInstance::Private
{
public:
    /// What the next answer to query-status completes.
    enum class Awaiting
    {
        Nothing,
        Start,
        Attach,
        Reconnect
    };

    /// One QEMU process, as this instance saw it. A new run starts from scratch.
    struct Run
    {
        quint64 id = 0;
        qint64 pid = 0;
        bool launchedHere = false; ///< start() launched it; started() not yet emitted
        bool everReady = false;
        bool listenedThroughout = true; ///< no monitor loss since the first ready()
        bool exitPending = false;       ///< the process ended; draining the monitor
        bool shutdownSeen = false;
        QString shutdownReason;
        bool guestPanicked = false;
        bool powerButtonPressed = false; ///< waiting for the guest to power off
        bool powerdownSent = false;      ///< this process pressed the power button
        QString startFailure;            ///< why start() gave up on a QEMU that still ran
        Accelerator accelerator = Accelerator::Tcg;
        bool acceleratorKnown = false;
    };

    Private(VmInstance *owner, VmDefinition def, QString folder, MonitorRole monitorRole);

    QString vmName() const { return definition.name; }
    QString monitorPath() const;

    void setState(VmState newState);
    void apply(VmEvent event) { setState(VmLifecycle::after(state, event)); }
    bool refuse(VmAction action);
    void failLater(VmAction action, const QString &message);
    using Command = void (QemuMonitor::*)(QObject *, QmpCallback<void>) const;
    void runCommand(VmAction action, Command command, std::function<void()> onSuccess = {});
    QemuMonitor monitor() const { return QemuMonitor(*connection.client()); }

    void writeCrashReport(qint64 endedPid, const QString &message, const QString &tail) const;

    void start();
    void launch();
    void attach();
    void beginRun(qint64 newPid);
    /// swtpm ends with QEMU's connection: only a QEMU that still runs has lost its TPM.
    void onSwtpmEnded();
    void connectMonitor(Awaiting purpose);
    void onMonitorReady();
    void onStatus(const QmpResult<QemuStatus> &status, quint64 runId);
    void onMonitorLost();
    void onMonitorGaveUp(const QString &why);
    void onProcessExited();
    void finishRun();
    void endRun();
    void forceStop();

    /// QEMU's events (vminstanceevents.cpp).
    void connectQemuEvents();
    void onStop();
    void onResume();
    void onPowerdown();
    void onShutdown(bool guest, const QString &reason);
    void onGuestPanicked();

    VmInstance *const q;
    VmDefinition definition;
    QString vmFolder;
    MonitorRole role;
    VmLayout layout;
    VmState state = VmState::Stopped;
    Accelerator nextAccelerator = Accelerator::Tcg; ///< what the next start would use
    QString lastError;
    Run run;
    Awaiting awaiting = Awaiting::Nothing;
    bool startCancelled = false; ///< forceStop() while the UEFI variables were being made
    bool unreachable = false;    ///< lastError says the monitor cannot be reached
    QemuProcessWatcher watcher;
    SwtpmWatcher swtpmWatcher; ///< the TPM's emulator, when the VM has a TPM

    QTimer monitorLostTimer;
    QTimer unreachableRetryTimer;
    QTimer exitDrainTimer;
    QTimer shutdownTimer;
    QTimer termTimer;
    QTimer killTimer;
    // Last, so it goes first: answers it fails while closing still find the rest whole.
    MonitorConnection connection;
};
