// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/vm/vmdefinition.h"
#include "models/vm/vmlayout.h"

#include <QCoreApplication>
#include <QString>

/// Launches the QEMU process of one VM, detached: it outlives the Berth process that
/// started it. Everything that must be true before QEMU runs is checked here first (the
/// binary, the command line's files, no other QEMU for this VM, a private runtime folder),
/// so that a refusal names the problem instead of leaving it to QEMU's stderr.
///
/// One start at a time: launch() locks the VM's start.lock (VmLayout::startLockPath())
/// before it checks or touches anything, and QEMU inherits the lock and holds it while it
/// runs; a second start, from any process, is refused and leaves the running guest's logs
/// and sockets alone.
///
/// Files: the runtime folder is made private and cleaned of a previous run's sockets;
/// serial.log and qemu.log are rotated (one generation kept, ".old"); last-crash.json is
/// removed; qemu.log starts with the command line, and QEMU's stdout and stderr go to it.
/// The serial port goes to a SerialKeeper started just before QEMU (bounded serial.log,
/// consoles).
class QemuLauncher final
{
    Q_DECLARE_TR_FUNCTIONS(QemuLauncher)

public:
    struct Launched
    {
        qint64 pid = 0;          ///< 0 when nothing was launched
        Accelerator accelerator; ///< the resolved choice QEMU was given (Kvm or Tcg)
        QString error;           ///< why nothing was launched, for the user
    };

    QemuLauncher() = delete;

    static Launched launch(const VmDefinition &definition, const VmLayout &layout);

    /// The pid QEMU wrote into @p layout's pidfile; 0 when there is none.
    static qint64 pidFromPidFile(const VmLayout &layout);
};
