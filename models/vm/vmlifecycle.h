// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/vm/vmstate.h"
#include "qmp/qemumachine.h"

#include <QCoreApplication>
#include <QString>

/// What a person or a script can ask of a VM, in the window, the tray or the CLI.
enum class VmAction
{
    Start,
    Pause,
    Resume,
    Reset,
    Shutdown, ///< the ACPI power button (again, while shutting down)
    ForceOff, ///< quit, then SIGTERM, then SIGKILL
    Edit,     ///< change the definition (only while no QEMU runs for it)
    Delete,
    Snapshot, ///< take, revert or delete one: live while it runs, offline while stopped
    Display,  ///< show or capture its screen
};

/// What happens to a VM: the inputs that move it from state to state.
enum class VmEvent
{
    Launched,      ///< start() is launching QEMU
    StartFailed,   ///< the launch failed, or was cancelled, before a QEMU process ran
    PauseAsked,    ///< "stop" was sent
    Stopped,       ///< QEMU's STOP event
    ResumeAsked,   ///< "cont" was sent
    Resumed,       ///< QEMU's RESUME event
    CommandFailed, ///< QEMU refused the pause or resume that was asked
    PowerButton,   ///< system_powerdown sent, or QEMU's POWERDOWN event
    GuestShutdown, ///< QEMU's SHUTDOWN event: QEMU ends next
    ForceOff,      ///< Berth is powering it off
    GuestPanicked, ///< QEMU's GUEST_PANICKED event (QEMU keeps running)
    MonitorLost,   ///< the monitor closed, or never answered, while QEMU runs
    EndedCleanly,  ///< the QEMU process ended after a shutdown or a requested stop
    EndedUncleanly ///< the QEMU process ended otherwise
};

/// The one table of a VM's states and what each allows (krdc's RemoteView status,
/// virt-manager's is_stoppable()). VmInstance moves its state only through after(); the
/// window's actions, the tray and the CLI enable or refuse an action only through
/// refusal(). Pure functions: no QEMU, no files.
///
///                 Start Pause Resume Reset Shutdown ForceOff Edit Delete Snapshot Display
///   Stopped         x                                         x     x      x
///   Starting                                        x                              x
///   Running               x          x      x       x                      x       x
///   Pausing                          x              x                              x
///   Paused                      x    x              x                      x       x
///   Resuming                         x              x                              x
///   ShuttingDown                     x      x       x                              x
///   Stopping                                        x                              x
///   Crashed         x                                         x     x      x
///   Panicked                         x              x                              x
///   Unreachable                                     x                              x
///
/// Transitions (after()):
///   Stopped/Crashed --Launched--> Starting --monitor ready--> fromQemuStatus()
///   Starting/Stopping --StartFailed--> Stopped (no QEMU ran)
///   Running --PauseAsked--> Pausing --Stopped--> Paused --ResumeAsked--> Resuming
///   Resuming --Resumed--> Running; Pausing/Resuming --CommandFailed--> back
///   Running --PowerButton--> ShuttingDown; live states --GuestShutdown--> ShuttingDown
///   any with a process --ForceOff--> Stopping; --GuestPanicked--> Panicked;
///   --MonitorLost--> Unreachable (until the monitor is back: fromQemuStatus())
///   any --EndedCleanly--> Stopped; --EndedUncleanly--> Crashed
class VmLifecycle final
{
    Q_DECLARE_TR_FUNCTIONS(VmLifecycle)

public:
    VmLifecycle() = delete;

    static bool allows(VmState state, VmAction action);
    /// Why @p action cannot be done now, as one sentence naming @p vmName; empty when
    /// it can.
    static QString refusal(VmState state, VmAction action, const QString &vmName);

    /// The state after @p event; @p state itself when the event does not apply to it.
    static VmState after(VmState state, VmEvent event);
    /// The state QEMU reports through query-status ("status", "running") once the monitor
    /// is (again) ready. @p shutdownSeen: a SHUTDOWN event came in this run, so QEMU is
    /// on its way out whatever the run state says.
    static VmState fromQemuStatus(QemuRunState status, bool running, bool shutdownSeen);

    /// Whether a QEMU process exists for the VM in @p state.
    static bool hasProcess(VmState state);
    /// Whether the monitor is connected and answering in @p state.
    static bool hasMonitor(VmState state);
    /// Starting, pausing, resuming, shutting down, stopping: waiting for QEMU or the guest.
    static bool isTransitional(VmState state);
};

/// Stable names for scripts ("start", "pause", ... "display"). Never translated.
QString vmActionName(VmAction action);
