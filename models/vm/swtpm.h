// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/common/outcome.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class VmLayout;

/// The TPM 2.0 emulator of a VM with a TPM: one `swtpm socket` process (Debian's swtpm
/// package) per running VM, started by QemuLauncher just before QEMU.
///
///   state     VmLayout::tpmStateFolder() (mode 0700, files 0600), kept with the VM: its
///             identity, exported with it, deleted with it, not cloned
///   log       VmLayout::swtpmLogPath(), in that folder
///   socket    VmLayout::swtpmSocketPath(), the control channel QEMU connects to
///   pidfile   VmLayout::swtpmPidFilePath()
///
/// swtpm runs as a daemon with --terminate: it ends when QEMU's connection closes, so it dies
/// with the VM. One whose QEMU never connected (QEMU failed to start) is ended by
/// RuntimeFolder::clean(), which stop() serves. swtpm's options cannot carry a comma and a
/// VM's folder may have one, so swtpm reaches the state folder through a link in the runtime
/// folder (named by the VM's uuid): VmLayout::swtpmStateLinkPath().
class Swtpm final
{
    Q_DECLARE_TR_FUNCTIONS(Swtpm)

public:
    Swtpm() = delete;

    /// $BERTH_SWTPM when set (a path or a name looked up in PATH), else swtpm from PATH; a
    /// failure naming Debian's swtpm package when it is not there.
    static Outcome<QString> findBinary();

    /// Starts the swtpm of the VM in @p layout (whose runtime folder exists) and returns its
    /// pid once its socket is there; makes the state folder on first use. Blocks for as
    /// long as swtpm takes to become a daemon (tens of milliseconds). A failure says what
    /// swtpm said.
    static Outcome<qint64> start(const VmLayout &layout);

    /// The pid of the swtpm that serves @p layout's VM now (its pidfile names a live swtpm
    /// with this VM's socket), or 0.
    static qint64 runningPid(const VmLayout &layout);

    /// Ends the swtpm of @p layout's VM when one runs (SIGTERM; it saves its state).
    static void stop(const VmLayout &layout);

    /// QEMU's arguments for the VM's TPM: a TPM 2.0 (tpm-tis) on the emulator backend, whose
    /// chardev connects to swtpm's socket. Ids from VmDevices.
    static QStringList qemuArguments(const VmLayout &layout);

    /// What the user reads when the swtpm of the VM @p vmName ended while QEMU ran: the
    /// guest has lost its TPM until the VM is restarted; the last lines of swtpm's log.
    static QString endedMessage(const QString &vmName, const VmLayout &layout);
};
