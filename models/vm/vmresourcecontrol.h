// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/vm/vmdefinition.h"

#include <QCoreApplication>
#include <QLatin1StringView>
#include <QString>

#include <functional>

class QemuMonitor;
class QObject;

/// Puts a VM's VmResources into its running QEMU, through the typed monitor:
///  - I/O limits: every disk in one QEMU throttle group (IoThrottleGroup), so the limits hold
///    for the VM's disks together (`block_set_io_throttle` with a group; zeros lift them);
///  - memory target: the balloon's target (`balloon`), the VM's whole memory when none;
///  - CPU weight, limit and affinity: CpuControl, on QEMU's threads (the vCPUs' from
///    `query-cpus-fast`).
/// What this host cannot do (CpuControl::check()) is refused before anything is applied.
/// VmInstance calls it once the monitor of a VM it started is ready (before `started()`),
/// `berth set` and the settings page when a live field changes on a running VM.
class VmResourceControl final
{
    Q_DECLARE_TR_FUNCTIONS(VmResourceControl)

public:
    static constexpr QLatin1StringView IoThrottleGroup{"berth-io"};

    /// Applies @p definition's resources to its QEMU @p pid; @p done gets an empty string once all
    /// of them are in place, else the first failure as a sentence for the user (the others are
    /// still tried). Nothing is called after @p context is destroyed.
    static void apply(const QemuMonitor &monitor, qint64 pid, const VmDefinition &definition,
                      QObject *context, std::function<void(const QString &error)> done);
};
