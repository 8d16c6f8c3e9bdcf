// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/vm/vmdefinition.h"
#include "models/vm/vmlifecycle.h"
#include "models/vm/vmstate.h"

#include <QObject>
#include <QString>

#include <chrono>

class QmpClient;
class VmLayout;

/// One VM's QEMU process and its monitor connection, seen from one Berth process.
///
/// QEMU runs detached: it outlives the window and the CLI. Each VM gets several QMP
/// monitors (QEMU 7.2 serves one client per monitor socket) so the window and the CLI
/// can control it at once; events reach every monitor, so a change made by either shows
/// in the other.
///
/// Files:
///   runtime folder  $XDG_RUNTIME_DIR/berth/<uuid>-<digest>/ (mode 0700): qmp-gui.sock,
///                   qmp-cli.sock, vnc.sock, qemu.pid
///   VM folder       serial.log (first serial port), qemu.log (QEMU's stderr),
///                   last-crash.json (written when QEMU ended without a clean shutdown;
///                   removed by the next start)
///
/// The state moves only as VmLifecycle::after() says, and an action is refused exactly when
/// VmLifecycle::refusal() gives a reason (the window, the tray and the CLI ask the same).
/// QEMU's events move it as well, so a change made by another Berth process shows here.
/// A monitor connection that is lost while QEMU runs makes the VM Unreachable; the window's
/// instance (MonitorRole::Gui) keeps reconnecting for as long as QEMU runs, the CLI's gives
/// up after a few seconds.
///
/// Every action is asynchronous: it returns at once; actionFailed() tells why one failed
/// (a refusal arrives the same way, from the event loop).
class VmInstance final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VmInstance)

public:
    /// Which monitor this process uses: the window keeps its connection for as long as
    /// it runs; CLI commands connect, act and leave.
    enum class MonitorRole
    {
        Gui,
        Cli
    };

    VmInstance(VmDefinition definition, QString vmFolder, MonitorRole role,
               QObject *parent = nullptr);
    ~VmInstance() override;

    const VmDefinition &definition() const;
    /// Only while no QEMU runs for it; the library persists it.
    void setDefinition(const VmDefinition &definition);
    QString vmFolder() const;
    QString runtimeFolder() const;
    /// Where this VM's files and sockets are.
    const VmLayout &layout() const;

    VmState state() const;
    /// Whether @p action can be asked now (VmLifecycle's table for state()).
    bool allows(VmAction action) const;
    /// Why @p action cannot be asked now, naming the VM; empty when it can.
    QString refusal(VmAction action) const;
    /// QEMU's pid, or 0 when no QEMU process runs (also while Starting, before the launch).
    qint64 pid() const;
    /// The accelerator actually in use (Kvm or Tcg) while running; the resolved choice
    /// for the next start otherwise.
    Accelerator effectiveAccelerator() const;
    /// Why the last start failed, why QEMU ended (with the tail of qemu.log), or why the
    /// monitor cannot be reached.
    QString lastError() const;
    /// The monitor connection while it is ready; null otherwise.
    QmpClient *qmp() const;

    /// Finds a QEMU that is still running for this VM (pidfile checked against
    /// /proc/<pid>/cmdline) and connects to it; otherwise removes stale runtime files and
    /// reports Stopped (or Crashed when last-crash.json exists). Emits attached().
    void attach();

    void start();
    void pause();
    void resume();
    void reset();
    /// ACPI power button. shutdownTimedOut() fires if the guest is still running after
    /// @p timeout; the VM keeps running (the caller chooses to wait longer or forceStop()).
    void shutdown(std::chrono::milliseconds timeout = std::chrono::seconds(60));
    /// quit over QMP, then SIGTERM, then SIGKILL, a few seconds apart.
    void forceStop();

Q_SIGNALS:
    void stateChanged(VmState state);
    void attached();
    /// start() reached Running/Paused with the monitor ready.
    void started();
    /// @p action was refused or failed; @p message is for the user and names the VM.
    void actionFailed(VmAction action, const QString &message);
    /// QEMU accepted the command behind @p action. States follow from QEMU's events; this
    /// tells when an action that changes no state (reset) is done.
    void actionSucceeded(VmAction action);
    /// The monitor cannot be reached although QEMU runs (another program may hold it);
    /// the window's instance keeps trying. @p message names the VM.
    void monitorProblem(const QString &message);
    /// A process that serves one of the VM's devices (its TPM's swtpm) ended while QEMU runs;
    /// @p message names the VM and says what to do (also lastError()).
    void deviceProblem(const QString &message);
    void shutdownTimedOut();
    /// QEMU's process ended; @p clean is false for a crash.
    void processEnded(bool clean);

private:
    class Private;
    Private *d;
};
