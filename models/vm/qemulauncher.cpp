// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/qemulauncher.h"

#include "models/common/filelock.h"

#include "models/vm/cpucontrol.h"
#include "models/vm/crashreport.h"
#include "models/vm/qemucommandline.h"
#include "models/vm/qemulog.h"
#include "models/vm/qemuprocesswatcher.h"
#include "models/vm/runtimefolder.h"
#include "models/vm/serialkeeper.h"
#include "models/vm/swtpm.h"

#include <QFile>
#include <QProcess>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

QemuLauncher::Launched QemuLauncher::launch(const VmDefinition &definition, const VmLayout &layout)
{
    const QString vmFolder = layout.folder();
    const QString runtimeFolder = layout.runtimeFolder();
    Launched out;
    out.accelerator = QemuCommandLine::resolveAccelerator(definition.accelerator);
    if (!definition.linkedClones.isEmpty()) {
        out.error = tr("\"%1\" is the base of %n linked clone(s): starting it would change the "
                       "disks they are built on. Delete its linked clones first, or make a full "
                       "clone of it and use that.",
                       nullptr, int(definition.linkedClones.size()))
                        .arg(definition.name);
        return out;
    }
    QString error;
    const QString binary = QemuCommandLine::findBinary(&error);
    if (binary.isEmpty()) {
        out.error = error;
        return out;
    }
    const QemuCommandLine commandLine(definition, layout, out.accelerator);
    if (out.error = commandLine.check(); !out.error.isEmpty())
        return out;

    // One start at a time, across processes: the lock is taken before anything is checked
    // or touched, and QEMU inherits it, so it stays taken while the VM runs. A second start
    // leaves the running guest's logs and sockets alone.
    const FileLock lock(layout.startLockPath(), FileLock::Mode::Try);
    const qint64 other = pidFromPidFile(layout);
    if (QemuProcessWatcher::isQemuFor(other, definition.uuid)) {
        out.error = tr("%1 is already running (QEMU process %2)").arg(definition.name).arg(other);
        return out;
    }
    if (lock.isTaken()) {
        out.error = tr("%1 is being started by another Berth process").arg(definition.name);
        return out;
    }
    if (!lock.isHeld()) {
        out.error = tr("Cannot lock %1: %2").arg(layout.startLockPath(), lock.error());
        return out;
    }
    RuntimeFolder::clean(runtimeFolder); // a crashed run's sockets and pidfile
    if (const Outcome<> made = RuntimeFolder::ensure(runtimeFolder); !made) {
        out.error = made.failure().message();
        return out;
    }

    // One generation of each log is kept: serial.log is the console of this run (what
    // `berth log` prints), serial.log.old the one before.
    QemuLog::rotate(vmFolder);
    CrashReport::remove(vmFolder);
    const QStringList arguments = commandLine.arguments();
    QemuLog::writeHeader(vmFolder, binary, arguments);
    // QEMU's serial port connects to the keeper as it starts: the keeper listens first.
    const Outcome<qint64> keeper = SerialKeeper::start(layout, SerialKeeper::logLimit());
    if (!keeper) {
        RuntimeFolder::clean(runtimeFolder);
        out.error = keeper.failure().message();
        return out;
    }
    // The TPM's emulator first: QEMU connects to its socket as it starts.
    if (definition.tpm) {
        if (const Outcome<qint64> swtpm = Swtpm::start(layout); !swtpm) {
            ::kill(pid_t(*keeper), SIGTERM);
            RuntimeFolder::clean(runtimeFolder);
            out.error = swtpm.failure().message();
            return out;
        }
    }

    // Detached, so QEMU outlives this process; its stdout and stderr go to qemu.log.
    QProcess process;
    process.setProgram(binary);
    process.setArguments(arguments);
    // On a systemd desktop, in a scope of its own: where its CPU weight and limit are set.
    if (const QStringList scope = CpuControl::launchPrefix(definition.uuid, CpuControl::detect());
        !scope.isEmpty()) {
        process.setProgram(scope.first());
        process.setArguments(scope.mid(1) + QStringList{binary} + arguments);
    }
    process.setWorkingDirectory(vmFolder);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(layout.qemuLogPath(), QIODevice::Append);
    process.setStandardErrorFile(layout.qemuLogPath(), QIODevice::Append);
    qint64 pid = 0;
    // Another thread starting a process at this moment would hold a copy too (QProcess of
    // Qt 6.4 runs no child modifier for startDetached): it would only delay the next start.
    const int inherited = lock.inheritableCopy();
    const bool started = process.startDetached(&pid);
    if (inherited >= 0)
        ::close(inherited);
    if (!started || pid <= 0) {
        ::kill(pid_t(*keeper), SIGTERM);
        RuntimeFolder::clean(runtimeFolder); // ends the swtpm too
        out.error = tr("Cannot run %1: %2").arg(binary, process.errorString());
        return out;
    }
    out.pid = pid;
    return out;
}

qint64 QemuLauncher::pidFromPidFile(const VmLayout &layout)
{
    QFile file(layout.pidFilePath());
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    bool ok = false;
    const qint64 value = file.read(32).trimmed().toLongLong(&ok);
    return ok && value > 0 ? value : 0;
}
