// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/vmlifecycle.h"

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace {

/// Why an action is refused; Ok when it is allowed.
enum class Why : quint8
{
    Ok,
    NotRunning,
    AlreadyRunning,
    StillStarting,
    NotPaused,
    AlreadyPaused,
    PausedIgnoresPowerButton,
    Pausing,
    Resuming,
    ShuttingDown,
    BeingPoweredOff,
    GuestCrashed,
    Unreachable,
    MustStopFirst,
};

constexpr int kStates = int(VmState::Unreachable) + 1;
constexpr int kActions = int(VmAction::Display) + 1;

// Rows: VmState in declaration order. Columns: Start, Pause, Resume, Reset, Shutdown,
// ForceOff, Edit, Delete, Snapshot, Display.
constexpr Why O = Why::Ok;
constexpr Why NR = Why::NotRunning;
constexpr Why AR = Why::AlreadyRunning;
constexpr Why SS = Why::StillStarting;
constexpr Why NP = Why::NotPaused;
constexpr Why AP = Why::AlreadyPaused;
constexpr Why PB = Why::PausedIgnoresPowerButton;
constexpr Why PG = Why::Pausing;
constexpr Why RG = Why::Resuming;
constexpr Why SD = Why::ShuttingDown;
constexpr Why PO = Why::BeingPoweredOff;
constexpr Why GC = Why::GuestCrashed;
constexpr Why UR = Why::Unreachable;
constexpr Why MS = Why::MustStopFirst;

constexpr std::array<std::array<Why, kActions>, kStates> kTable{{
    //  Start Pause Resume Reset Shutdown ForceOff Edit Delete Snapshot Display
    {O, NR, NR, NR, NR, NR, O, O, O, NR},   // Stopped
    {AR, SS, SS, SS, SS, O, MS, MS, SS, O}, // Starting
    {AR, O, NP, O, O, O, MS, MS, O, O},     // Running
    {AR, PG, PG, O, PG, O, MS, MS, PG, O},  // Pausing
    {AR, AP, O, O, PB, O, MS, MS, O, O},    // Paused
    {AR, RG, RG, O, RG, O, MS, MS, RG, O},  // Resuming
    {AR, SD, NP, O, O, O, MS, MS, SD, O},   // ShuttingDown
    {PO, PO, PO, PO, PO, O, PO, PO, PO, O}, // Stopping
    {O, NR, NR, NR, NR, NR, O, O, O, NR},   // Crashed
    {AR, GC, GC, O, GC, O, MS, MS, GC, O},  // Panicked
    {AR, UR, UR, UR, UR, O, MS, MS, UR, O}, // Unreachable
}};

Why why(VmState state, VmAction action)
{
    return kTable[size_t(state)][size_t(action)];
}

} // namespace

bool VmLifecycle::allows(VmState state, VmAction action)
{
    return why(state, action) == Why::Ok;
}

QString VmLifecycle::refusal(VmState state, VmAction action, const QString &vmName)
{
    switch (why(state, action)) {
    case Why::Ok:
        return {};
    case Why::NotRunning:
        return tr("“%1” is not running").arg(vmName);
    case Why::AlreadyRunning:
        return tr("“%1” is already running").arg(vmName);
    case Why::StillStarting:
        return tr("“%1” is still starting; try again in a moment").arg(vmName);
    case Why::NotPaused:
        return tr("“%1” is not paused").arg(vmName);
    case Why::AlreadyPaused:
        return tr("“%1” is already paused").arg(vmName);
    case Why::PausedIgnoresPowerButton:
        return tr("“%1” is paused and cannot react to the power button; resume it first, or "
                  "force it off")
            .arg(vmName);
    case Why::Pausing:
        return tr("“%1” is being paused; try again in a moment").arg(vmName);
    case Why::Resuming:
        return tr("“%1” is being resumed; try again in a moment").arg(vmName);
    case Why::ShuttingDown:
        return tr("“%1” is shutting down").arg(vmName);
    case Why::BeingPoweredOff:
        return tr("“%1” is being powered off; wait until it has stopped").arg(vmName);
    case Why::GuestCrashed:
        return tr("The system in “%1” has crashed; reset it or force it off").arg(vmName);
    case Why::Unreachable:
        return tr("Berth cannot reach the monitor of “%1” (retrying); you can force it off")
            .arg(vmName);
    case Why::MustStopFirst:
        return tr("“%1” is running; shut it down first").arg(vmName);
    }
    return {};
}

VmState VmLifecycle::after(VmState state, VmEvent event)
{
    using S = VmState;
    switch (event) {
    case VmEvent::Launched:
        return state == S::Stopped || state == S::Crashed ? S::Starting : state;
    case VmEvent::StartFailed:
        return state == S::Starting || state == S::Stopping ? S::Stopped : state;
    case VmEvent::PauseAsked:
        return state == S::Running ? S::Pausing : state;
    case VmEvent::Stopped:
        return state == S::Running || state == S::Pausing || state == S::Resuming ||
                       state == S::ShuttingDown
                   ? S::Paused
                   : state;
    case VmEvent::ResumeAsked:
        return state == S::Paused ? S::Resuming : state;
    case VmEvent::Resumed:
        return state == S::Paused || state == S::Resuming || state == S::Pausing ? S::Running
                                                                                 : state;
    case VmEvent::CommandFailed:
        if (state == S::Pausing)
            return S::Running;
        return state == S::Resuming ? S::Paused : state;
    case VmEvent::PowerButton:
        return state == S::Running ? S::ShuttingDown : state;
    case VmEvent::GuestShutdown:
        return state == S::Running || state == S::Pausing || state == S::Paused ||
                       state == S::Resuming
                   ? S::ShuttingDown
                   : state;
    case VmEvent::ForceOff:
        return hasProcess(state) ? S::Stopping : state;
    case VmEvent::GuestPanicked:
        return hasProcess(state) && state != S::Stopping ? S::Panicked : state;
    case VmEvent::MonitorLost:
        return hasMonitor(state) ? S::Unreachable : state;
    case VmEvent::EndedCleanly:
        return S::Stopped;
    case VmEvent::EndedUncleanly:
        return S::Crashed;
    }
    return state;
}

VmState VmLifecycle::fromQemuStatus(QemuRunState status, bool running, bool shutdownSeen)
{
    if (status == QemuRunState::GuestPanicked || status == QemuRunState::InternalError)
        return VmState::Panicked;
    if (shutdownSeen || status == QemuRunState::Shutdown)
        return VmState::ShuttingDown;
    return running ? VmState::Running : VmState::Paused;
}

bool VmLifecycle::hasProcess(VmState state)
{
    return state != VmState::Stopped && state != VmState::Crashed;
}

bool VmLifecycle::hasMonitor(VmState state)
{
    switch (state) {
    case VmState::Running:
    case VmState::Pausing:
    case VmState::Paused:
    case VmState::Resuming:
    case VmState::ShuttingDown:
    case VmState::Panicked:
        return true;
    case VmState::Stopped:
    case VmState::Starting:
    case VmState::Stopping:
    case VmState::Crashed:
    case VmState::Unreachable:
        return false;
    }
    return false;
}

bool VmLifecycle::isTransitional(VmState state)
{
    return state == VmState::Starting || state == VmState::Pausing || state == VmState::Resuming ||
           state == VmState::ShuttingDown || state == VmState::Stopping;
}

QString vmActionName(VmAction action)
{
    switch (action) {
    case VmAction::Start:
        return u"start"_s;
    case VmAction::Pause:
        return u"pause"_s;
    case VmAction::Resume:
        return u"resume"_s;
    case VmAction::Reset:
        return u"reset"_s;
    case VmAction::Shutdown:
        return u"shutdown"_s;
    case VmAction::ForceOff:
        return u"force-off"_s;
    case VmAction::Edit:
        return u"edit"_s;
    case VmAction::Delete:
        return u"delete"_s;
    case VmAction::Snapshot:
        return u"snapshot"_s;
    case VmAction::Display:
        return u"display"_s;
    }
    return {};
}
