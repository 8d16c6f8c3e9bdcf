// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/swtpm.h"

#include "models/common/failure.h"
#include "models/vm/qemulog.h"
#include "models/vm/qemuprocesswatcher.h"
#include "models/vm/vmdevices.h"
#include "models/vm/vmlayout.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

// swtpm becomes a daemon once its socket listens: normally within tens of milliseconds.
constexpr int kStartTimeoutMs = 10000;

/// The TPM's state folder: made 0700 on first use; an existing one must be a real folder
/// (a looser mode on it is tightened).
Outcome<> ensureStateFolder(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    if (::mkdir(native.constData(), 0700) != 0 && errno != EEXIST)
        return Failure(Swtpm::tr("Cannot create the TPM state folder %1: %2")
                           .arg(path, systemErrorText(errno)));
    struct stat st = {};
    if (::lstat(native.constData(), &st) != 0 || !S_ISDIR(st.st_mode))
        return Failure(Swtpm::tr("The TPM state %1 is not a folder (or is a symbolic link); "
                                 "move it away and start the VM again")
                           .arg(path));
    if ((st.st_mode & 0077) != 0 && ::chmod(native.constData(), 0700) != 0)
        return Failure(Swtpm::tr("Cannot make the TPM state folder %1 private: %2")
                           .arg(path, systemErrorText(errno)));
    return {};
}

/// An empty private file at @p path unless there is one (swtpm would make its log 0644).
void ensurePrivateFile(const QString &path)
{
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (fd >= 0)
        ::close(fd);
}

} // namespace

Outcome<QString> Swtpm::findBinary()
{
    const QString requested = qEnvironmentVariable("BERTH_SWTPM");
    const QString name = requested.isEmpty() ? u"swtpm"_s : requested;
    QString found;
    if (name.contains(u'/')) {
        const QFileInfo info(name);
        if (info.isFile() && info.isExecutable())
            found = info.absoluteFilePath();
    } else {
        found = QStandardPaths::findExecutable(name);
    }
    if (!found.isEmpty())
        return found;
    if (!requested.isEmpty())
        return Failure(tr("%1 (from BERTH_SWTPM) was not found or is not executable; unset "
                          "BERTH_SWTPM or install the swtpm package")
                           .arg(requested));
    return Failure(tr("This VM has a TPM, and its emulator swtpm was not found: install the "
                      "swtpm package (apt install swtpm swtpm-tools), or turn the TPM off "
                      "(berth set NAME --no-tpm)"));
}

Outcome<qint64> Swtpm::start(const VmLayout &layout)
{
    const Outcome<QString> binary = findBinary();
    if (!binary)
        return binary.failure();
    if (Outcome<> made = ensureStateFolder(layout.tpmStateFolder()); !made)
        return made.failure();
    ensurePrivateFile(layout.swtpmLogPath());

    // swtpm splits its options at commas and cannot escape one: it is given only paths in
    // the runtime folder (named by uuid), and the state through a link there.
    const QString link = layout.swtpmStateLinkPath();
    for (const QString &path : {link, layout.swtpmSocketPath(), layout.swtpmPidFilePath()}) {
        if (path.contains(u','))
            return Failure(tr("The runtime folder %1 has a comma in its path, which swtpm cannot "
                              "take; set XDG_RUNTIME_DIR to another folder")
                               .arg(layout.runtimeFolder()));
    }
    QFile::remove(link);
    if (!QFile::link(layout.tpmStateFolder(), link))
        return Failure(
            tr("Cannot link the TPM state into the runtime folder %1").arg(layout.runtimeFolder()));

    const QStringList arguments{
        u"socket"_s,      u"--tpm2"_s,
        u"--tpmstate"_s,  u"dir=%1,mode=0600"_s.arg(link),
        u"--ctrl"_s,      u"type=unixio,path=%1,mode=0600"_s.arg(layout.swtpmSocketPath()),
        u"--pid"_s,       u"file=%1"_s.arg(layout.swtpmPidFilePath()),
        u"--log"_s,       u"file=%1/swtpm.log"_s.arg(link),
        u"--terminate"_s, u"--daemon"_s,
    };
    QProcess process;
    process.setProgram(*binary);
    process.setArguments(arguments);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start();
    const bool finished = process.waitForFinished(kStartTimeoutMs);
    const QString said = QString::fromLocal8Bit(process.readAll()).trimmed();
    const QString detail = u"%1 %2\n%3"_s.arg(*binary, arguments.join(u' '), said);
    if (!finished) {
        process.kill();
        process.waitForFinished();
        stop(layout);
        return Failure(tr("The TPM emulator (swtpm) did not start within %1 seconds")
                           .arg(kStartTimeoutMs / 1000),
                       detail);
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        QString why = said.isEmpty() ? QemuLog::tailOfFile(layout.swtpmLogPath(), 3) : said;
        if (why.isEmpty())
            why = process.errorString();
        return Failure(tr("The TPM emulator (swtpm) did not start: %1").arg(why), detail);
    }
    const qint64 pid = runningPid(layout);
    if (pid == 0)
        return Failure(tr("The TPM emulator (swtpm) ended at once: %1")
                           .arg(QemuLog::tailOfFile(layout.swtpmLogPath(), 3)),
                       detail);
    return pid;
}

qint64 Swtpm::runningPid(const VmLayout &layout)
{
    QFile file(layout.swtpmPidFilePath());
    if (layout.runtimeFolder().isEmpty() || !file.open(QIODevice::ReadOnly))
        return 0;
    bool ok = false;
    const qint64 pid = file.read(32).trimmed().toLongLong(&ok);
    if (!ok || pid <= 0)
        return 0;
    // A pid is recycled: only a swtpm serving this VM's socket is this VM's.
    const QList<QByteArray> argv = QemuProcessWatcher::argumentsOf(pid);
    if (argv.isEmpty() || !argv.first().contains("swtpm"))
        return 0;
    const QByteArray ctrl = QFile::encodeName(layout.swtpmSocketPath());
    for (const QByteArray &arg : argv) {
        if (arg.contains(ctrl))
            return pid;
    }
    return 0;
}

void Swtpm::stop(const VmLayout &layout)
{
    QemuProcessWatcher process;
    const qint64 pid = runningPid(layout);
    // Checked again once the pidfd is open: the pid cannot be recycled behind it.
    if (pid != 0 && process.watch(pid) && runningPid(layout) == pid)
        process.sendSignal(SIGTERM);
}

QStringList Swtpm::qemuArguments(const VmLayout &layout)
{
    // The socket's path has no comma: start() refuses one.
    return {u"-chardev"_s,
            u"socket,id=%1,path=%2"_s.arg(VmDevices::TpmChardev, layout.swtpmSocketPath()),
            u"-tpmdev"_s,
            u"emulator,id=%1,chardev=%2"_s.arg(VmDevices::TpmBackend, VmDevices::TpmChardev),
            u"-device"_s,
            u"tpm-tis,tpmdev=%1,id=%2"_s.arg(VmDevices::TpmBackend, VmDevices::Tpm)};
}

QString Swtpm::endedMessage(const QString &vmName, const VmLayout &layout)
{
    QString message = tr("The TPM emulator (swtpm) of %1 has ended while the VM runs: the guest "
                         "has no working TPM until you shut the VM down and start it again")
                          .arg(vmName);
    if (const QString tail = QemuLog::tailOfFile(layout.swtpmLogPath(), 3); !tail.isEmpty())
        message += u":\n"_s + tail;
    return message;
}
