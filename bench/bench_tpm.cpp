// SPDX-License-Identifier: GPL-2.0-or-later
// TPM benchmark: what Berth adds to starting a VM's TPM. Berth's Swtpm::start() (state folder
// and log made private, the runtime link, `swtpm socket ... --daemon`, its pidfile read and
// its command line checked) against the same swtpm command started by hand (fork + exec,
// waitpid for the daemonising parent). Each run's swtpm is then ended (SIGTERM, waited for).
// Runs alternate after an unmeasured warm-up, in a private runtime folder and VM folder.
//
// The last line of the output is machine-readable:
//     RESULT tpm_start_ms <berth median> ms ratio=<berth / baseline> baseline=swtpm-by-hand
#include "bench/benchsupport.h"
#include "models/vm/qemuprocesswatcher.h"
#include "models/vm/runtimefolder.h"
#include "models/vm/swtpm.h"
#include "models/vm/vmlayout.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QUuid>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

using Clock = std::chrono::steady_clock;
constexpr int kIterations = 20;

/// Ends the swtpm whose pidfile is @p pidFile and waits until it has gone.
void endSwtpm(const QString &pidFile)
{
    QFile f(pidFile);
    if (!f.open(QIODevice::ReadOnly))
        return;
    const qint64 pid = f.readAll().trimmed().toLongLong();
    QemuProcessWatcher watcher;
    if (pid <= 0 || !watcher.watch(pid))
        return;
    watcher.sendSignal(SIGTERM);
    while (watcher.isRunning())
        ::usleep(1000);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir runtime, library;
    if (!runtime.isValid() || !library.isValid())
        return Bench::fail(u"cannot make temporary folders"_s, 0);
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime.path()));
    const Outcome<QString> binary = Swtpm::findBinary();
    if (!binary)
        return Bench::fail(binary.failure().message(), 0);

    const QUuid uuid = QUuid::createUuid();
    QDir().mkpath(library.filePath(u"vm"_s));
    const VmLayout layout(library.filePath(u"vm"_s), uuid, u"vm"_s);
    if (const Outcome<> made = RuntimeFolder::ensure(layout.runtimeFolder()); !made)
        return Bench::fail(made.failure().message(), 0);

    // By hand: the same arguments, straight to a state folder of its own.
    const QString handState = library.filePath(u"by-hand"_s);
    QDir().mkpath(handState);
    const QString handSocket = runtime.filePath(u"hand.sock"_s);
    const QString handPid = runtime.filePath(u"hand.pid"_s);
    const std::vector<std::string> handArgv{
        binary->toStdString(),
        "socket",
        "--tpm2",
        "--tpmstate",
        (u"dir=%1,mode=0600"_s.arg(handState)).toStdString(),
        "--ctrl",
        (u"type=unixio,path=%1,mode=0600"_s.arg(handSocket)).toStdString(),
        "--pid",
        (u"file=%1"_s.arg(handPid)).toStdString(),
        "--log",
        (u"file=%1/swtpm.log"_s.arg(handState)).toStdString(),
        "--terminate",
        "--daemon"};
    const std::string handLog = runtime.filePath(u"hand.log"_s).toStdString();

    std::vector<double> berth, hand;
    for (int i = -1; i < kIterations; ++i) { // i == -1: the warm-up
        Clock::time_point t0 = Clock::now();
        const Outcome<qint64> started = Swtpm::start(layout);
        const double berthMs = Bench::milliseconds(Clock::now() - t0);
        if (!started)
            return Bench::fail(started.failure().message(), 0);
        endSwtpm(layout.swtpmPidFilePath());

        t0 = Clock::now();
        const pid_t child = Bench::spawnChild(handArgv, {}, handLog);
        int status = 0;
        if (child < 0 || ::waitpid(child, &status, 0) != child || !WIFEXITED(status) ||
            WEXITSTATUS(status) != 0)
            return Bench::fail(
                u"swtpm by hand failed: %1"_s.arg(Bench::fileTail(QString::fromStdString(handLog))),
                0);
        const double handMs = Bench::milliseconds(Clock::now() - t0);
        endSwtpm(handPid);
        if (i >= 0) {
            berth.push_back(berthMs);
            hand.push_back(handMs);
        }
    }
    RuntimeFolder::clean(layout.runtimeFolder());
    const Bench::Summary b = Bench::summarize(berth);
    const Bench::Summary h = Bench::summarize(hand);
    std::printf("Swtpm::start()        median=%6.2f p90=%6.2f ms (min %.2f max %.2f)\n", b.p50,
                b.p90, b.min, b.max);
    std::printf("swtpm --daemon by hand median=%6.2f p90=%6.2f ms (min %.2f max %.2f)\n", h.p50,
                h.p90, h.min, h.max);
    std::printf("RESULT tpm_start_ms %.2f ms ratio=%.2f baseline=swtpm-by-hand\n", b.p50,
                b.p50 / h.p50);
    return 0;
}
