// SPDX-License-Identifier: GPL-2.0-or-later
// Start benchmark: Berth's VmInstance::start() to started() against the same QEMU command
// line started by hand to QMP-ready.
//
// One VM in a temporary library (TCG, 256 MiB, no disks; the tiny test guest by direct kernel
// boot when BERTH_TEST_GUEST_DIR is set, else SeaBIOS with nothing to boot) and a private
// XDG_RUNTIME_DIR. Runs alternate between the two sides after unmeasured warm-ups:
//   berth     start() -> started() (QEMU launched detached, monitor negotiated, state known);
//             then forceStop() and wait for processEnded().
//   baseline  the argument list QemuCommandLine builds for that VM, with the same binary,
//             started with fork + exec (own session, stdin /dev/null, stdout and stderr to a
//             file, as Berth does), then a blocking raw client on the same monitor socket:
//             connect (retried every 1 ms), greeting, qmp_capabilities answered. Then quit,
//             and waitpid().
// Both wait for the same thing inside QEMU (its main loop greets after machine init), so the
// ratio of the medians is what Berth adds around launching QEMU and negotiating QMP.
//
// The last line of the output is machine-readable:
//     RESULT start_to_ready_ms <berth median> ms ratio=<berth / baseline> baseline=qemu-by-hand

#include "bench/benchsupport.h"
#include "models/vm/qemucommandline.h"
#include "models/vm/vmdefinition.h"
#include "models/vm/vminstance.h"
#include "models/vm/vmlayout.h"
#include "models/vm/vmlibrary.h"
#include "qmp/qmpclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <csignal>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace {

using Clock = std::chrono::steady_clock;

constexpr int kDefaultIterations = 15;
constexpr int kDefaultWarmup = 2;
// Generous: TCG machine init takes a fraction of a second, but the machine is shared.
constexpr auto kStartTimeout = 60s;
// forceStop() escalates to SIGTERM after 3 s and SIGKILL after 6 s.
constexpr auto kStopTimeout = 20s;
constexpr int kRawTimeoutSeconds = 20;
constexpr auto kConnectRetry = 1ms;
// Between runs: the last QEMU's teardown and Berth's deferred deletes are done by then.
constexpr auto kSettle = 100ms;

// Processes to kill if the benchmark is interrupted or fails: the baseline QEMU (our
// child; it also has PR_SET_PDEATHSIG) and the one Berth started (detached by design, so
// nothing else would stop it).
std::atomic<pid_t> g_baselinePid{0};
std::atomic<pid_t> g_berthPid{0};

void killLeftovers()
{
    for (std::atomic<pid_t> *pid : {&g_baselinePid, &g_berthPid}) {
        if (const pid_t p = pid->exchange(0); p > 0)
            ::kill(p, SIGKILL);
    }
}

std::atomic<int> g_interruptedBy{0};

/// SIGINT, SIGTERM, SIGHUP: kill the QEMUs now (async-signal-safe: atomics and kill()); the
/// run under way then fails, and main() returns through its cleanup. A second signal ends
/// the process at once.
extern "C" void onInterrupt(int signal)
{
    g_interruptedBy = signal;
    killLeftovers();
    std::signal(signal, SIG_DFL);
}

using Bench::fileTail;
using Bench::milliseconds;
using Bench::summarize;
using Bench::Summary;
using Bench::systemError;

void printSummary(const char *label, const std::vector<double> &samples)
{
    const Summary s = summarize(samples);
    std::printf("%-48s median=%7.2f p90=%7.2f ms (min=%.2f max=%.2f)\n", label, s.p50, s.p90, s.min,
                s.max);
}

/// Lets the event loop run for @p duration (deferred deletes, late socket events).
void settle(std::chrono::milliseconds duration)
{
    QEventLoop loop;
    QTimer::singleShot(duration, &loop, &QEventLoop::quit);
    loop.exec();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

// --- the Berth side ----------------------------------------------------------------------

/// Milestones of one Berth start, all from just before start().
struct BerthRun
{
    double startReturned = 0; ///< start(): checks, runtime folder, logs, QEMU launched
    double firstConnect = 0;  ///< QmpClient's first connect attempt (inotify saw the socket)
    double connected = 0;     ///< socket connected, waiting for the greeting
    double negotiated = 0;    ///< QmpClient ready (greeting + qmp_capabilities)
    double started = 0;       ///< started(): query-kvm and query-status answered
    int connectAttempts = 0;
};

bool startWithBerth(VmInstance &vm, BerthRun *run, QString *error)
{
    QEventLoop loop;
    QObject context; // the connections below end with this function
    QString failure;
    bool done = false;
    auto finish = [&](const QString &why) {
        if (std::exchange(done, true))
            return;
        failure = why;
        loop.quit();
    };
    Clock::time_point begin;
    Clock::time_point startedAt;
    Clock::time_point firstConnectAt;
    Clock::time_point connectedAt;
    Clock::time_point negotiatedAt;
    QObject::connect(&vm, &VmInstance::started, &context, [&] {
        startedAt = Clock::now();
        finish({});
    });
    QObject::connect(&vm, &VmInstance::actionFailed, &context,
                     [&](VmAction action, const QString &message) {
                         finish(u"Berth: %1 failed: %2"_s.arg(vmActionName(action), message));
                     });
    QObject::connect(&vm, &VmInstance::processEnded, &context, [&] {
        finish(u"Berth: QEMU ended while starting: %1"_s.arg(vm.lastError()));
    });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &context, [&] {
        finish(u"Berth: not started within %1 s"_s.arg(
            std::chrono::duration_cast<std::chrono::seconds>(kStartTimeout).count()));
    });
    deadline.start(kStartTimeout);

    begin = Clock::now();
    vm.start();
    const Clock::time_point startReturnedAt = Clock::now();
    g_berthPid = pid_t(vm.pid());
    if (QmpClient *client = vm.qmp()) {
        QObject::connect(client, &QmpClient::stateChanged, &context, [&](QmpClient::State state) {
            const Clock::time_point now = Clock::now();
            if (state == QmpClient::State::Connecting) {
                if (run->connectAttempts++ == 0)
                    firstConnectAt = now;
            } else if (state == QmpClient::State::Negotiating) {
                connectedAt = now;
            } else if (state == QmpClient::State::Ready) {
                negotiatedAt = now;
            }
        });
    }
    if (!done)
        loop.exec();
    if (!failure.isEmpty()) {
        *error = failure;
        return false;
    }
    auto since = [begin](Clock::time_point t) {
        return t == Clock::time_point{} ? 0.0 : milliseconds(t - begin);
    };
    run->startReturned = since(startReturnedAt);
    run->firstConnect = since(firstConnectAt);
    run->connected = since(connectedAt);
    run->negotiated = since(negotiatedAt);
    run->started = since(startedAt);
    return true;
}

bool stopWithBerth(VmInstance &vm, QString *error)
{
    QEventLoop loop;
    QObject context;
    QString failure;
    bool done = false;
    auto finish = [&](const QString &why) {
        if (std::exchange(done, true))
            return;
        failure = why;
        loop.quit();
    };
    QObject::connect(&vm, &VmInstance::processEnded, &context, [&] { finish({}); });
    QObject::connect(&vm, &VmInstance::actionFailed, &context,
                     [&](VmAction action, const QString &message) {
                         finish(u"Berth: %1 failed: %2"_s.arg(vmActionName(action), message));
                     });
    QTimer::singleShot(kStopTimeout, &context, [&] { finish(u"Berth: QEMU did not stop"_s); });
    vm.forceStop();
    if (!done)
        loop.exec();
    if (failure.isEmpty() && vm.state() != VmState::Stopped)
        failure = u"Berth: stopped in state %1: %2"_s.arg(vmStateName(vm.state()), vm.lastError());
    if (!failure.isEmpty()) {
        *error = failure;
        return false;
    }
    g_berthPid = 0;
    return true;
}

// --- the baseline: QEMU by hand ------------------------------------------------------------

/// Milestones of one start by hand, all from just before fork().
struct BaselineRun
{
    double spawned = 0;      ///< fork() returned in the parent
    double connected = 0;    ///< the monitor socket accepted
    double greeting = 0;     ///< QEMU's greeting read
    double negotiated = 0;   ///< qmp_capabilities answered: QMP-ready
    double berthQueries = 0; ///< --breakdown: query-kvm + query-status after that
    int connectAttempts = 0;
};

/// A minimal blocking QMP client: one line at a time, no JSON parser.
class RawMonitor final
{
public:
    RawMonitor() = default;
    ~RawMonitor() { close(); }
    RawMonitor(const RawMonitor &) = delete;
    RawMonitor &operator=(const RawMonitor &) = delete;

    /// One connect() attempt. False with errno set when the socket does not accept (yet).
    bool tryConnect(const sockaddr_un &address)
    {
        close();
        m_fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (m_fd < 0)
            return false;
        if (::connect(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
            const int saved = errno;
            close();
            errno = saved;
            return false;
        }
        const timeval timeout{kRawTimeoutSeconds, 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        return true;
    }

    void close()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
        m_buffer.clear();
    }

    bool send(std::string_view text, QString *error)
    {
        for (size_t sent = 0; sent < text.size();) {
            const ssize_t n = ::send(m_fd, text.data() + sent, text.size() - sent, MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                *error = u"baseline: send(): %1"_s.arg(systemError());
                return false;
            }
            sent += size_t(n);
        }
        return true;
    }

    /// The next line without its line ending; false at end of stream or on error.
    bool readLine(std::string *line, QString *error)
    {
        for (;;) {
            if (const auto end = m_buffer.find('\n'); end != std::string::npos) {
                line->assign(m_buffer, 0, end);
                if (!line->empty() && line->back() == '\r')
                    line->pop_back();
                m_buffer.erase(0, end + 1);
                return true;
            }
            char chunk[4096];
            const ssize_t n = ::read(m_fd, chunk, sizeof chunk);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
                *error = u"baseline: QEMU did not answer within %1 s"_s.arg(kRawTimeoutSeconds);
                return false;
            }
            if (n < 0) {
                *error = u"baseline: read(): %1"_s.arg(systemError());
                return false;
            }
            if (n == 0) {
                *error = u"baseline: QEMU closed the monitor connection"_s;
                return false;
            }
            m_buffer.append(chunk, size_t(n));
        }
    }

    /// Reads until a reply ({"return" or {"error"), skipping events.
    bool readReply(std::string *line, QString *error)
    {
        while (readLine(line, error)) {
            if (line->starts_with(R"({"return")"))
                return true;
            if (line->starts_with(R"({"error")")) {
                *error = u"baseline: QEMU answered %1"_s.arg(QString::fromStdString(*line));
                return false;
            }
        }
        return false;
    }

private:
    int m_fd = -1;
    std::string m_buffer;
};

/// QEMU started by hand: fork + exec of a prepared argv, detached into its own session
/// like Berth's QProcess::startDetached(), but our child so that waitpid() works and it
/// dies with us (PR_SET_PDEATHSIG).
class QemuByHand final
{
public:
    QemuByHand(const QString &binary, const QStringList &arguments, const QString &workingFolder,
               const QString &logPath, const QString &monitorPath)
        : m_program(QFile::encodeName(binary))
        , m_workingFolder(QFile::encodeName(workingFolder))
        , m_logPath(QFile::encodeName(logPath))
        , m_logPathText(logPath)
    {
        m_arguments.push_back(m_program);
        for (const QString &argument : arguments)
            m_arguments.push_back(QFile::encodeName(argument));
        for (QByteArray &argument : m_arguments)
            m_argv.push_back(argument.data());
        m_argv.push_back(nullptr);

        m_address.sun_family = AF_UNIX;
        const QByteArray socket = QFile::encodeName(monitorPath);
        // QemuCommandLine::check() has verified the length.
        std::memcpy(m_address.sun_path, socket.constData(),
                    std::min(size_t(socket.size()), sizeof m_address.sun_path - 1));
    }
    ~QemuByHand() { kill(); }
    QemuByHand(const QemuByHand &) = delete;
    QemuByHand &operator=(const QemuByHand &) = delete;

    /// Starts QEMU and negotiates QMP; the timed part of the baseline.
    bool startToReady(BaselineRun *run, QString *error)
    {
        const Clock::time_point begin = Clock::now();
        if (!spawn(error))
            return false;
        const Clock::time_point spawned = Clock::now();

        const Clock::time_point deadline = begin + std::chrono::seconds(kRawTimeoutSeconds);
        int attempts = 0;
        for (;;) {
            ++attempts;
            if (m_monitor.tryConnect(m_address))
                break;
            if (errno != ENOENT && errno != ECONNREFUSED) {
                *error = u"baseline: connect(%1): %2"_s.arg(
                    QString::fromLocal8Bit(m_address.sun_path), systemError());
                return false;
            }
            if (exitedEarly(error))
                return false;
            if (Clock::now() > deadline) {
                *error = u"baseline: the monitor socket did not accept within %1 s"_s.arg(
                    kRawTimeoutSeconds);
                return false;
            }
            std::this_thread::sleep_for(kConnectRetry);
        }
        const Clock::time_point connected = Clock::now();

        std::string line;
        if (!m_monitor.readLine(&line, error))
            return withQemuLog(error);
        if (!line.starts_with(R"({"QMP")")) {
            *error = u"baseline: unexpected greeting: %1"_s.arg(QString::fromStdString(line));
            return false;
        }
        const Clock::time_point greeted = Clock::now();
        if (m_greeting.isEmpty())
            m_greeting = QByteArray::fromStdString(line);
        if (!m_monitor.send("{\"execute\":\"qmp_capabilities\"}\r\n", error) ||
            !m_monitor.readReply(&line, error))
            return withQemuLog(error);
        const Clock::time_point negotiated = Clock::now();

        run->spawned = milliseconds(spawned - begin);
        run->connected = milliseconds(connected - begin);
        run->greeting = milliseconds(greeted - begin);
        run->negotiated = milliseconds(negotiated - begin);
        run->connectAttempts = attempts;
        return true;
    }

    /// What Berth asks right after negotiating (query-kvm, then query-status), for
    /// --breakdown; after the timed part. Returns the milliseconds both took.
    bool askLikeBerth(double *took, QString *error)
    {
        const Clock::time_point begin = Clock::now();
        std::string line;
        if (!m_monitor.send("{\"execute\":\"query-kvm\",\"id\":2}\r\n", error) ||
            !m_monitor.readReply(&line, error) ||
            !m_monitor.send("{\"execute\":\"query-status\",\"id\":3}\r\n", error) ||
            !m_monitor.readReply(&line, error))
            return false;
        *took = milliseconds(Clock::now() - begin);
        return true;
    }

    /// quit over QMP, then waitpid().
    bool quitAndWait(QString *error)
    {
        std::string line;
        // QEMU may close the monitor before its reply: only the exit counts.
        if (m_monitor.send("{\"execute\":\"quit\"}\r\n", error))
            m_monitor.readReply(&line, error);
        m_monitor.close();
        const Clock::time_point deadline = Clock::now() + kStopTimeout;
        while (m_pid > 0) {
            int status = 0;
            const pid_t ended = ::waitpid(m_pid, &status, WNOHANG);
            if (ended == m_pid || (ended < 0 && errno == ECHILD)) {
                forget();
                return true;
            }
            if (Clock::now() > deadline) {
                *error = u"baseline: QEMU did not quit"_s;
                kill();
                return false;
            }
            std::this_thread::sleep_for(1ms);
        }
        return true;
    }

    /// SIGKILL and reap, if running.
    void kill()
    {
        m_monitor.close();
        if (m_pid <= 0)
            return;
        ::kill(m_pid, SIGKILL);
        while (::waitpid(m_pid, nullptr, 0) < 0 && errno == EINTR) {
        }
        forget();
    }

    /// The first greeting seen (QEMU's version), or empty.
    QByteArray greeting() const { return m_greeting; }

private:
    bool spawn(QString *error)
    {
        const pid_t parent = ::getpid();
        const pid_t child = ::fork();
        if (child < 0) {
            *error = u"baseline: fork(): %1"_s.arg(systemError());
            return false;
        }
        if (child == 0) {
            // Only async-signal-safe calls from here to exec.
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (::getppid() != parent)
                ::_exit(127);
            ::setsid();
            if (::chdir(m_workingFolder.constData()) != 0)
                ::_exit(127);
            const int in = ::open("/dev/null", O_RDONLY);
            const int log = ::open(m_logPath.constData(), O_WRONLY | O_CREAT | O_APPEND, 0600);
            if (in < 0 || log < 0 || ::dup2(in, STDIN_FILENO) < 0 ||
                ::dup2(log, STDOUT_FILENO) < 0 || ::dup2(log, STDERR_FILENO) < 0)
                ::_exit(127);
            ::execv(m_argv[0], m_argv.data());
            ::_exit(127);
        }
        m_pid = child;
        g_baselinePid = child;
        return true;
    }

    bool exitedEarly(QString *error)
    {
        int status = 0;
        if (::waitpid(m_pid, &status, WNOHANG) != m_pid)
            return false;
        forget();
        *error =
            u"baseline: QEMU exited before its monitor accepted (status %1): %2"_s.arg(status).arg(
                fileTail(m_logPathText));
        return true;
    }

    bool withQemuLog(QString *error)
    {
        const QString tail = fileTail(m_logPathText);
        if (!tail.isEmpty())
            *error += u"\n"_s + tail;
        return false;
    }

    void forget()
    {
        m_pid = 0;
        g_baselinePid = 0;
    }

    QByteArray m_program;
    QByteArray m_workingFolder;
    QByteArray m_logPath;
    QString m_logPathText;
    std::vector<QByteArray> m_arguments;
    std::vector<char *> m_argv;
    sockaddr_un m_address{};
    RawMonitor m_monitor;
    pid_t m_pid = 0;
    QByteArray m_greeting;
};

/// "7.2.22" from a QMP greeting line, or "unknown".
QString qemuVersion(const QByteArray &greeting)
{
    const QJsonObject qemu = QJsonDocument::fromJson(greeting)
                                 .object()
                                 .value("QMP"_L1)
                                 .toObject()
                                 .value("version"_L1)
                                 .toObject()
                                 .value("qemu"_L1)
                                 .toObject();
    if (qemu.isEmpty())
        return u"unknown"_s;
    return u"%1.%2.%3"_s.arg(qemu.value("major"_L1).toInt())
        .arg(qemu.value("minor"_L1).toInt())
        .arg(qemu.value("micro"_L1).toInt());
}

using Bench::positiveOption;

/// Removes the temporary folder and kills what is still running, however main() ends.
class Cleanup final
{
public:
    explicit Cleanup(QString folder)
        : m_folder(std::move(folder))
    {}
    ~Cleanup()
    {
        killLeftovers();
        if (!m_folder.isEmpty())
            QDir(m_folder).removeRecursively();
    }
    Cleanup(const Cleanup &) = delete;
    Cleanup &operator=(const Cleanup &) = delete;

private:
    QString m_folder;
};

int fail(const QString &message)
{
    return Bench::fail(message, g_interruptedBy);
}

} // namespace

int main(int argc, char *argv[])
{
    std::signal(SIGPIPE, SIG_IGN);
    // A private runtime folder before anything reads XDG_RUNTIME_DIR. Short, for the
    // 108-byte limit on unix socket paths.
    QByteArray scratchTemplate = qgetenv("TMPDIR");
    if (scratchTemplate.isEmpty())
        scratchTemplate = "/tmp";
    scratchTemplate += "/bench_start-XXXXXX";
    if (!::mkdtemp(scratchTemplate.data())) {
        std::fprintf(stderr, "bench_start: mkdtemp(%s): %s\n", scratchTemplate.constData(),
                     std::strerror(errno));
        return 1;
    }
    const QByteArray runtimeDir = scratchTemplate + "/run";
    if (::mkdir(runtimeDir.constData(), 0700) != 0) {
        std::fprintf(stderr, "bench_start: mkdir(%s): %s\n", runtimeDir.constData(),
                     std::strerror(errno));
        return 1;
    }
    qputenv("XDG_RUNTIME_DIR", runtimeDir);

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"bench_start"_s);
    const Cleanup cleanup(QFile::decodeName(scratchTemplate));
    for (const int signal : {SIGINT, SIGTERM, SIGHUP})
        std::signal(signal, onInterrupt);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Measures Berth's VM start (VmInstance::start() to started()) against starting the "
        "same QEMU command line by hand to QMP-ready."_s);
    parser.addHelpOption();
    parser.addOption({u"iterations"_s,
                      u"Measured starts per side (default %1)."_s.arg(kDefaultIterations), u"N"_s});
    parser.addOption({u"warmup"_s,
                      u"Unmeasured starts per side first (default %1)."_s.arg(kDefaultWarmup),
                      u"N"_s});
    parser.addOption({u"breakdown"_s,
                      u"Also print when each side reached each step (launched, socket "
                      "connected, negotiated, started)."_s});
    parser.process(app);
    bool ok = true;
    const int iterations = positiveOption(parser, u"iterations"_s, kDefaultIterations, &ok);
    const int warmup = ok ? positiveOption(parser, u"warmup"_s, kDefaultWarmup, &ok) : 0;
    if (!ok)
        return 2;
    const bool breakdown = parser.isSet(u"breakdown"_s);

    QString error;
    const QString binary = QemuCommandLine::findBinary(&error);
    if (binary.isEmpty())
        return fail(error);

    // The VM.
    VmLibrary library(QFile::decodeName(scratchTemplate) + u"/library"_s);
    if (const Outcome<> loaded = library.reload(); !loaded)
        return fail(loaded.failure().message());
    VmDefinition definition;
    definition.name = u"bench-start"_s;
    definition.accelerator = Accelerator::Tcg;
    definition.memoryMiB = 256;
    QString guest = u"none (SeaBIOS, nothing to boot)"_s;
    if (const QString guestDir = qEnvironmentVariable("BERTH_TEST_GUEST_DIR");
        !guestDir.isEmpty()) {
        definition.kernel = QDir(guestDir).absoluteFilePath(u"vmlinuz"_s);
        definition.initrd = QDir(guestDir).absoluteFilePath(u"initrd.img"_s);
        definition.kernelArgs = u"console=ttyS0 quiet"_s;
        guest = u"tiny test guest, direct kernel boot (%1)"_s.arg(definition.kernel);
    }
    if (const Outcome<> created = library.create(definition); !created)
        return fail(created.failure().message());
    const VmEntry *entry = library.find(definition.name);
    if (!entry || entry->isBroken())
        return fail(u"the VM just created cannot be read back"_s);

    VmInstance vm(entry->definition, entry->folder, VmInstance::MonitorRole::Gui);
    const QemuCommandLine commandLine(entry->definition, entry->folder, vm.runtimeFolder(),
                                      Accelerator::Tcg);
    if (error = commandLine.check(); !error.isEmpty())
        return fail(error);
    QemuByHand byHand(binary, commandLine.arguments(), entry->folder,
                      QFile::decodeName(scratchTemplate) + u"/baseline-qemu.log"_s,
                      vm.layout().guiMonitorPath());
    // The runtime folder exists for the baseline as it would for someone starting QEMU by
    // hand; Berth removes it after each run and creates it again in start().
    const QByteArray runtimeFolder = QFile::encodeName(vm.runtimeFolder());
    const QByteArray runtimeRoot = QFile::encodeName(QFileInfo(vm.runtimeFolder()).path());

    std::vector<double> berth;
    std::vector<double> baseline;
    std::vector<BerthRun> berthRuns;
    std::vector<BaselineRun> baselineRuns;
    for (int i = 0; i < warmup + iterations; ++i) {
        const bool measured = i >= warmup;

        BerthRun berthRun;
        if (!startWithBerth(vm, &berthRun, &error))
            return fail(error);
        if (!stopWithBerth(vm, &error))
            return fail(error);
        settle(kSettle);

        ::mkdir(runtimeRoot.constData(), 0700);
        ::mkdir(runtimeFolder.constData(), 0700);
        BaselineRun baselineRun;
        if (!byHand.startToReady(&baselineRun, &error))
            return fail(error);
        if (breakdown && !byHand.askLikeBerth(&baselineRun.berthQueries, &error))
            return fail(error);
        if (!byHand.quitAndWait(&error))
            return fail(error);
        settle(kSettle);

        if (g_interruptedBy != 0)
            return fail({});
        if (measured) {
            berth.push_back(berthRun.started);
            baseline.push_back(baselineRun.negotiated);
            berthRuns.push_back(berthRun);
            baselineRuns.push_back(baselineRun);
        }
    }

    std::printf("QEMU %s (%s), accel tcg, 256 MiB, no disks; guest: %s\n",
                qPrintable(qemuVersion(byHand.greeting())), qPrintable(binary), qPrintable(guest));
    std::printf("start to QMP ready: %d runs per side after %d warm-up runs, alternating\n",
                iterations, warmup);
    printSummary("berth    start() -> started()", berth);
    printSummary("baseline fork+exec -> qmp_capabilities answered", baseline);
    if (breakdown) {
        auto column = [](const auto &runs, auto member) {
            std::vector<double> values;
            for (const auto &run : runs)
                values.push_back(double(run.*member));
            return values;
        };
        std::printf("milestones, from the start of each run:\n");
        printSummary("  berth    start() returned (QEMU launched)",
                     column(berthRuns, &BerthRun::startReturned));
        printSummary("  berth    first connect attempt",
                     column(berthRuns, &BerthRun::firstConnect));
        printSummary("  berth    socket connected", column(berthRuns, &BerthRun::connected));
        printSummary("  berth    negotiated (QmpClient ready)",
                     column(berthRuns, &BerthRun::negotiated));
        printSummary("  berth    started() (query-kvm, query-status)",
                     column(berthRuns, &BerthRun::started));
        std::vector<double> berthQueries;
        for (const BerthRun &run : berthRuns)
            berthQueries.push_back(run.started - run.negotiated);
        printSummary("  berth    of which query-kvm + query-status", berthQueries);
        const Summary berthAttempts = summarize(column(berthRuns, &BerthRun::connectAttempts));
        std::printf("  berth    connect attempts: median %.0f, max %.0f\n", berthAttempts.p50,
                    berthAttempts.max);
        printSummary("  baseline fork() returned", column(baselineRuns, &BaselineRun::spawned));
        printSummary("  baseline socket connected", column(baselineRuns, &BaselineRun::connected));
        printSummary("  baseline greeting read", column(baselineRuns, &BaselineRun::greeting));
        printSummary("  baseline negotiated", column(baselineRuns, &BaselineRun::negotiated));
        printSummary("  baseline then query-kvm + query-status (untimed)",
                     column(baselineRuns, &BaselineRun::berthQueries));
        const Summary rawAttempts = summarize(column(baselineRuns, &BaselineRun::connectAttempts));
        std::printf("  baseline connect attempts (1 ms apart): median %.0f, max %.0f\n",
                    rawAttempts.p50, rawAttempts.max);
    }
    const double berthMedian = summarize(berth).p50;
    const double baselineMedian = summarize(baseline).p50;
    std::printf("RESULT start_to_ready_ms %.1f ms ratio=%.3f baseline=qemu-by-hand\n", berthMedian,
                berthMedian / baselineMedian);
    return 0;
}
