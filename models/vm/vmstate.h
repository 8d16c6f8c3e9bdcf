// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

/// What a VM is doing, as the user sees it. VmLifecycle says which actions each state
/// allows and how events move a VM between them.
enum class VmState
{
    Stopped,  ///< no QEMU process
    Starting, ///< QEMU being launched, its monitor not yet ready
    Running,
    Pausing, ///< asked to pause, QEMU's STOP not yet seen
    Paused,
    Resuming,     ///< asked to resume, QEMU's RESUME not yet seen
    ShuttingDown, ///< the ACPI power button was pressed; waiting for the guest
    Stopping,     ///< being powered off by Berth (quit, then signals)
    Crashed,      ///< QEMU ended without a clean shutdown; no process
    Panicked,     ///< the guest's kernel panicked; QEMU still runs
    Unreachable,  ///< QEMU runs but Berth cannot reach its monitor (retrying)
};

/// Stable names for scripts: "stopped", "starting", "running", "pausing", "paused",
/// "resuming", "shutting-down", "stopping", "crashed", "panicked", "unreachable".
/// Never translated.
QString vmStateName(VmState state);
/// Translated text for the window.
QString vmStateDisplayName(VmState state);
