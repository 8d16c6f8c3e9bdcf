#pragma once

#include <QString>

/// What a VM is doing, as the user sees it.
enum class VmState
{
    Stopped,  ///< no QEMU process
    Starting, ///< QEMU launched, monitor not yet ready
    Running,
    Paused,
    ShuttingDown, ///< ACPI power-off requested, waiting for the guest
    Crashed,      ///< QEMU ended without a clean shutdown (or the guest panicked)
};

/// Stable names for scripts: "stopped", "starting", "running", "paused", "shutting-down",
/// "crashed". Never translated.
QString vmStateName(VmState state);
/// Translated text for the window.
QString vmStateDisplayName(VmState state);
