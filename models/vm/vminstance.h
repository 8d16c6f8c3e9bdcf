#pragma once

#include "models/vm/vmdefinition.h"
#include "models/vm/vmstate.h"

#include <QObject>
#include <QString>

#include <chrono>

class QmpClient;

/// One VM's QEMU process and its monitor connection, seen from one Berth process.
///
/// QEMU runs detached: it outlives the window and the CLI. Each VM gets several QMP
/// monitors (QEMU 7.2 serves one client per monitor socket) so the window and the CLI
/// can control it at once; events reach every monitor, so a change made by either shows
/// in the other.
///
/// Files:
///   runtime folder  $XDG_RUNTIME_DIR/berth/<uuid>/ (mode 0700): qmp-gui.sock,
///                   qmp-cli.sock, vnc.sock, qemu.pid
///   VM folder       serial.log (first serial port), qemu.log (QEMU's stderr),
///                   last-crash.json (written when QEMU ended without a clean shutdown;
///                   removed by the next start)
///
/// State transitions (stateChanged()):
///   Stopped/Crashed --start()--> Starting --monitor ready--> Running or Paused
///   Running <--pause()/resume(), STOP/RESUME events--> Paused
///   Running/Paused --shutdown(), POWERDOWN--> ShuttingDown --process gone--> Stopped
///   any running state --process gone after SHUTDOWN event / forceStop()--> Stopped
///   any running state --process gone otherwise, GUEST_PANICKED--> Crashed
///
/// Every action is asynchronous: it returns at once; actionFailed() tells why one failed.
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
    /// Only while stopped; the library persists it.
    void setDefinition(const VmDefinition &definition);
    QString vmFolder() const;
    QString runtimeFolder() const;

    VmState state() const;
    /// QEMU's pid, or 0 when not running.
    qint64 pid() const;
    /// The accelerator actually in use (Kvm or Tcg) while running; the resolved choice
    /// for the next start otherwise.
    Accelerator effectiveAccelerator() const;
    /// Why the last start failed or why QEMU ended (with the tail of qemu.log).
    QString lastError() const;
    /// The monitor connection; null while stopped.
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
    void actionFailed(const QString &action, const QString &message);
    /// QEMU accepted the command behind @p action ("pause", "reset", ...). States follow
    /// from QEMU's events; this tells when an action that changes no state (reset) is done.
    void actionSucceeded(const QString &action);
    void shutdownTimedOut();
    /// QEMU's process ended; @p clean is false for a crash.
    void processEnded(bool clean);

private:
    class Private;
    Private *d;
};
