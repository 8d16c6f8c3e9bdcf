// SPDX-License-Identifier: GPL-2.0-or-later
// QMP round-trip benchmark: Berth's typed monitor (QemuMonitor::queryStatus() over a QmpClient,
// the path product code takes) against a minimal blocking raw-socket client.
//
// One real QEMU (paused, TCG) with two QMP monitors, because QEMU 7.2 serves one client per
// monitor socket: QmpClient talks to monitor 0, the raw client to monitor 1. Calls alternate
// between the two, one at a time, so both see the same machine load and QEMU never has more
// than one command in flight. QEMU's own share (~150 µs) is the same for both; the ratio of
// the medians shows what Berth adds on top (event loop, JSON, the typed reading, timers).
//
// With --floor, a bare event-loop client (a QSocketNotifier, one read(2), no JSON) takes
// Berth's place on a third monitor: how far it stays from the raw client is what waiting in
// Qt's event loop costs on this machine, whatever the client does.
//
// The last line of the output is machine-readable:
//     RESULT qmp_rtt_p50 <berth p50 µs> us ratio=<berth p50 / raw p50> baseline=raw-socket
//     RESULT qmp_floor_rtt_p50 <floor p50 µs> us ratio=<floor p50 / raw p50> ... (--floor)

#include "bench/benchsupport.h"
#include "qmp/qemumonitor.h"
#include "qmp/qmpclient.h"
#include "tests/support/testqemu.h"

#include <QAbstractEventDispatcher>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QSocketNotifier>
#include <QTimer>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <numeric>
#include <optional>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <csignal>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

using Clock = std::chrono::steady_clock;

constexpr int kDefaultIterations = 5000;
constexpr int kDefaultWarmup = 200;
// Longer than any sane round trip; a blocked read means QEMU is hung.
constexpr int kRawTimeoutSeconds = 10;
constexpr auto kSettle = std::chrono::microseconds(300);
constexpr auto kConnectTimeout = std::chrono::seconds(20);

/// Reports the first failure and ends the event loop; later ones (a failed call is usually
/// followed by the disconnect that caused it) would only repeat it.
void failRun(const QString &message)
{
    static bool failed = false;
    if (!std::exchange(failed, true))
        std::fprintf(stderr, "bench_qmp: %s\n", qPrintable(message));
    QCoreApplication::exit(1);
}

QLatin1StringView latin1(std::string_view text)
{
    return QLatin1StringView(text.data(), qsizetype(text.size()));
}

/// The baseline: a plain blocking client on a POSIX unix socket, doing as little as a
/// QMP client can (no JSON parser, no allocation per call, one write and one read).
class RawQmpConnection final
{
public:
    RawQmpConnection() = default;
    ~RawQmpConnection()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    RawQmpConnection(const RawQmpConnection &) = delete;
    RawQmpConnection &operator=(const RawQmpConnection &) = delete;

    /// Connects, reads the greeting and negotiates capabilities.
    bool open(const QString &path, QString *error)
    {
        const QByteArray native = QFile::encodeName(path);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        if (size_t(native.size()) >= sizeof(address.sun_path)) {
            *error = u"socket path too long: %1"_s.arg(path);
            return false;
        }
        std::memcpy(address.sun_path, native.constData(), size_t(native.size()));

        m_fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (m_fd < 0)
            return fail(u"socket()"_s, error);
        const timeval timeout{kRawTimeoutSeconds, 0};
        if (::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout) != 0)
            return fail(u"setsockopt(SO_RCVTIMEO)"_s, error);
        if (::connect(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0)
            return fail(u"connect(%1)"_s.arg(path), error);

        std::string_view line;
        if (!readLine(&line, error))
            return false;
        if (!line.starts_with(R"({"QMP")")) {
            *error = u"unexpected greeting: %1"_s.arg(latin1(line));
            return false;
        }
        return call("qmp_capabilities", error);
    }

    /// One round trip of @p command (without arguments); events in between are skipped.
    bool call(const char *command, QString *error)
    {
        const long long id = m_nextId++;
        std::array<char, 128> request{};
        const int length = std::snprintf(request.data(), request.size(),
                                         "{\"execute\":\"%s\",\"id\":%lld}\r\n", command, id);
        if (length <= 0 || size_t(length) >= request.size()) {
            *error = u"command name too long"_s;
            return false;
        }
        for (int sent = 0; sent < length;) {
            const ssize_t n =
                ::send(m_fd, request.data() + sent, size_t(length - sent), MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return fail(u"send()"_s, error);
            sent += int(n);
        }
        for (;;) {
            std::string_view line;
            if (!readLine(&line, error))
                return false;
            // QEMU writes replies as {"return": ..., "id": N} or {"error": ..., "id": N}
            // and events as {"timestamp": ..., "event": ...}.
            if (line.starts_with(R"({"return")")) {
                if (replyId(line) != id) {
                    *error = u"raw client: reply for another id: %1"_s.arg(latin1(line));
                    return false;
                }
                return true;
            }
            if (line.find(R"("event")") != std::string_view::npos)
                continue;
            *error = u"raw client: %1 failed: %2"_s.arg(QLatin1StringView(command), latin1(line));
            return false;
        }
    }

    /// The connected, negotiated socket, for a client that takes over from here.
    int takeDescriptor() { return std::exchange(m_fd, -1); }

private:
    bool fail(const QString &what, QString *error)
    {
        *error = u"raw client: %1: %2"_s.arg(what, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }

    static long long replyId(std::string_view line)
    {
        const auto at = line.rfind(R"("id":)");
        if (at == std::string_view::npos)
            return -1;
        std::string_view rest = line.substr(at + 5);
        while (!rest.empty() && rest.front() == ' ')
            rest.remove_prefix(1);
        long long id = 0;
        bool any = false;
        for (const char c : rest) {
            if (c < '0' || c > '9')
                break;
            id = id * 10 + (c - '0');
            any = true;
        }
        return any ? id : -1;
    }

    /// Reads up to and including the next '\n'; @p line excludes the line ending and
    /// stays valid until the next call.
    bool readLine(std::string_view *line, QString *error)
    {
        // Drop the line handed out last time.
        if (m_consumed > 0) {
            std::memmove(m_buffer.data(), m_buffer.data() + m_consumed, m_filled - m_consumed);
            m_filled -= m_consumed;
            m_consumed = 0;
        }
        size_t scanned = 0;
        for (;;) {
            const void *newline = std::memchr(m_buffer.data() + scanned, '\n', m_filled - scanned);
            if (newline) {
                const size_t end = size_t(static_cast<const char *>(newline) - m_buffer.data());
                size_t length = end;
                if (length > 0 && m_buffer[length - 1] == '\r')
                    --length;
                *line = std::string_view(m_buffer.data(), length);
                m_consumed = end + 1;
                return true;
            }
            scanned = m_filled;
            if (m_filled == m_buffer.size()) {
                *error = u"raw client: a line from QEMU exceeds %1 bytes"_s.arg(m_buffer.size());
                return false;
            }
            const ssize_t n = ::read(m_fd, m_buffer.data() + m_filled, m_buffer.size() - m_filled);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
                *error = u"raw client: QEMU did not answer within %1 s"_s.arg(kRawTimeoutSeconds);
                return false;
            }
            if (n < 0)
                return fail(u"read()"_s, error);
            if (n == 0) {
                *error = u"raw client: QEMU closed the monitor connection"_s;
                return false;
            }
            m_filled += size_t(n);
        }
    }

    int m_fd = -1;
    long long m_nextId = 1;
    std::array<char, 64 * 1024> m_buffer{};
    size_t m_filled = 0;
    size_t m_consumed = 0;
};

using Bench::microseconds;
using Bench::summarize;
using Bench::Summary;

void printSummary(const char *label, const Summary &s)
{
    std::printf("%-6s p50=%.1f p99=%.1f mean=%.1f us (min=%.1f max=%.1f)\n", label, s.p50, s.p99,
                s.mean, s.min, s.max);
}

/// With --floor: the least an event-loop client can do per call. It sends the same request,
/// waits in the application's event loop on a QSocketNotifier, reads once and looks for the
/// end of the line: no JSON, no ids, no timers. Its distance to the raw client is what waiting
/// in an event loop costs here (poll, dispatch, a read(2) of its own); QmpClient's distance
/// to it is what QmpClient itself adds.
class EventLoopFloorClient final : public QObject
{
public:
    /// Takes over @p connection's negotiated socket.
    explicit EventLoopFloorClient(RawQmpConnection &connection)
        : m_fd(connection.takeDescriptor())
    {
        ::fcntl(m_fd, F_SETFL, ::fcntl(m_fd, F_GETFL) | O_NONBLOCK);
        m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, &EventLoopFloorClient::onReadable);
    }
    ~EventLoopFloorClient() override { ::close(m_fd); }
    Q_DISABLE_COPY_MOVE(EventLoopFloorClient)

    /// Sends query-status; @p done runs from the event loop once a line has come back.
    void call(std::function<void()> done)
    {
        m_done = std::move(done);
        std::array<char, 96> request{};
        const int length =
            std::snprintf(request.data(), request.size(),
                          "{\"execute\":\"query-status\",\"id\":%lld}\r\n", m_nextId++);
        if (::send(m_fd, request.data(), size_t(length), MSG_NOSIGNAL | MSG_DONTWAIT) != length)
            failRun(u"floor client: send() failed"_s);
    }

private:
    void onReadable()
    {
        const ssize_t n = ::read(m_fd, m_buffer.data() + m_filled, m_buffer.size() - m_filled);
        if (n <= 0) {
            if (n == 0 || (errno != EAGAIN && errno != EINTR))
                failRun(u"floor client: QEMU closed the monitor connection"_s);
            return;
        }
        m_filled += size_t(n);
        const void *newline = std::memchr(m_buffer.data(), '\n', m_filled);
        if (!newline)
            return;
        // One command in flight: the line is its reply (or an event, which no paused QEMU
        // sends here); whatever follows it is dropped with it.
        m_filled = 0;
        if (m_done)
            std::exchange(m_done, nullptr)();
    }

    int m_fd;
    QSocketNotifier *m_notifier = nullptr;
    std::function<void()> m_done;
    long long m_nextId = 1000;
    std::array<char, 64 * 1024> m_buffer{};
    size_t m_filled = 0;
};

/// With --breakdown: remembers when the event loop last delivered a socket notifier event
/// and when it last got ready to block before that, so Berth's round trip can be split
/// into send side, loop work after sending, wait, and receive side.
class SocketWakeRecorder final : public QObject
{
public:
    SocketWakeRecorder()
    {
        QCoreApplication::instance()->installEventFilter(this);
        connect(QAbstractEventDispatcher::instance(), &QAbstractEventDispatcher::aboutToBlock, this,
                [this] { m_lastBlock = Clock::now(); });
    }
    ~SocketWakeRecorder() override { QCoreApplication::instance()->removeEventFilter(this); }
    Q_DISABLE_COPY_MOVE(SocketWakeRecorder)

    Clock::time_point lastWake() const { return m_lastWake; }
    /// When the event loop last got ready to block before lastWake().
    Clock::time_point blockBeforeWake() const { return m_blockBeforeWake; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::SockAct) {
            m_lastWake = Clock::now();
            m_blockBeforeWake = m_lastBlock;
        }
        return QObject::eventFilter(watched, event);
    }

private:
    Clock::time_point m_lastWake;
    Clock::time_point m_lastBlock;
    Clock::time_point m_blockBeforeWake;
};

/// Alternates one Berth call with one raw call, each after the same settle pause. The Berth call
/// is issued from the previous answer's callback and answered through the application's event
/// loop; the raw call runs inline in that callback, so only one command is ever in flight.
class InterleavedRun final
{
public:
    InterleavedRun(QmpClient &client, RawQmpConnection &raw, EventLoopFloorClient *floor,
                   int warmup, int iterations, const SocketWakeRecorder *wakes)
        : m_monitor(client)
        , m_raw(raw)
        , m_floor(floor)
        , m_wakes(wakes)
        , m_warmup(warmup)
        , m_total(warmup + iterations)
    {
        m_berth.reserve(size_t(iterations));
        m_rawSamples.reserve(size_t(iterations));
        if (m_wakes) {
            m_sendSide.reserve(size_t(iterations));
            m_afterSend.reserve(size_t(iterations));
            m_wait.reserve(size_t(iterations));
            m_receiveSide.reserve(size_t(iterations));
        }
    }
    InterleavedRun(const InterleavedRun &) = delete;
    InterleavedRun &operator=(const InterleavedRun &) = delete;

    void start() { issueBerthCall(); }

    const std::vector<double> &berthSamples() const { return m_berth; }
    const std::vector<double> &rawSamples() const { return m_rawSamples; }
    /// --breakdown only: Berth's round trip in four consecutive parts.
    const std::vector<double> &sendSideSamples() const { return m_sendSide; }
    const std::vector<double> &afterSendSamples() const { return m_afterSend; }
    const std::vector<double> &waitSamples() const { return m_wait; }
    const std::vector<double> &receiveSideSamples() const { return m_receiveSide; }

private:
    void issueBerthCall()
    {
        m_started = Clock::now();
        if (m_floor)
            m_floor->call([this] { onBerthFinished(QmpResult<QemuStatus>(QemuStatus{})); });
        else
            m_monitor.queryStatus(&m_context,
                                  [this](const QmpResult<QemuStatus> &r) { onBerthFinished(r); });
        if (m_wakes)
            m_executeReturned = Clock::now();
    }

    void onBerthFinished(const QmpResult<QemuStatus> &status)
    {
        const Clock::time_point finished = Clock::now();
        if (status.hasError()) {
            failRun(u"QemuMonitor: %1"_s.arg(status.error().message()));
            return;
        }
        const bool measured = m_done >= m_warmup;
        if (measured) {
            m_berth.push_back(microseconds(finished - m_started));
            if (m_wakes) {
                const Clock::time_point blocked =
                    std::max(m_wakes->blockBeforeWake(), m_executeReturned);
                m_sendSide.push_back(microseconds(m_executeReturned - m_started));
                m_afterSend.push_back(microseconds(blocked - m_executeReturned));
                m_wait.push_back(microseconds(m_wakes->lastWake() - blocked));
                m_receiveSide.push_back(microseconds(finished - m_wakes->lastWake()));
            }
        }

        QString error;
        settle();
        const Clock::time_point rawStarted = Clock::now();
        if (!m_raw.call("query-status", &error)) {
            failRun(error);
            return;
        }
        const Clock::time_point rawFinished = Clock::now();
        if (measured)
            m_rawSamples.push_back(microseconds(rawFinished - rawStarted));

        if (++m_done == m_total) {
            QCoreApplication::exit(0);
            return;
        }
        settle();
        issueBerthCall();
    }

    /// QEMU goes on working for a while after it has sent a reply; a call that starts at
    /// once pays for that, and in a strict alternation it is always the same client.
    /// Both clients therefore start each call after the same pause, against an idle QEMU.
    static void settle() { std::this_thread::sleep_for(kSettle); }

    const QemuMonitor m_monitor;
    RawQmpConnection &m_raw;
    EventLoopFloorClient *m_floor;
    const SocketWakeRecorder *m_wakes;
    QObject m_context; // receiver for the reply connections
    const int m_warmup;
    const int m_total;
    int m_done = 0;
    Clock::time_point m_started;
    Clock::time_point m_executeReturned;
    std::vector<double> m_berth;
    std::vector<double> m_rawSamples;
    std::vector<double> m_sendSide;
    std::vector<double> m_afterSend;
    std::vector<double> m_wait;
    std::vector<double> m_receiveSide;
};

using Bench::positiveOption;

} // namespace

int main(int argc, char *argv[])
{
    std::signal(SIGPIPE, SIG_IGN);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"bench_qmp"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Measures Berth's query-status round trip (QemuMonitor over QmpClient) against a raw "
        "blocking socket client on the same QEMU."_s);
    parser.addHelpOption();
    parser.addOption({u"iterations"_s,
                      u"Measured calls per client (default %1)."_s.arg(kDefaultIterations),
                      u"N"_s});
    parser.addOption({u"warmup"_s,
                      u"Unmeasured calls per client first (default %1)."_s.arg(kDefaultWarmup),
                      u"N"_s});
    parser.addOption({u"breakdown"_s,
                      u"Also split Berth's round trip into four consecutive parts: inside "
                      "queryStatus(), event loop work until it blocks, blocked until the socket "
                      "notifier fires, and from there to finished() (adds an event filter)."_s});
    parser.addOption({u"floor"_s,
                      u"Time a bare event-loop client (QSocketNotifier, one read, no JSON) in "
                      "Berth's place: the floor any client that waits in the event loop stands "
                      "on here. Prints RESULT qmp_floor_rtt_p50."_s});
    parser.process(app);
    bool ok = true;
    const int iterations = positiveOption(parser, u"iterations"_s, kDefaultIterations, &ok);
    const int warmup = ok ? positiveOption(parser, u"warmup"_s, kDefaultWarmup, &ok) : 0;
    if (!ok)
        return 2;

    const bool withFloor = parser.isSet(u"floor"_s);
    TestQemu qemu(withFloor ? 3 : 2);
    // If this process dies without running destructors (a signal, say), QEMU goes too.
    qemu.process().setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    QString error;
    if (!qemu.start(&error)) {
        std::fprintf(stderr, "bench_qmp: cannot start QEMU: %s\n", qPrintable(error));
        return 1;
    }

    RawQmpConnection raw;
    if (!raw.open(qemu.monitorPath(1), &error)) {
        std::fprintf(stderr, "bench_qmp: %s\n", qPrintable(error));
        return 1;
    }

    RawQmpConnection floorConnection;
    std::optional<EventLoopFloorClient> floorClient;
    if (withFloor) {
        if (!floorConnection.open(qemu.monitorPath(2), &error)) {
            std::fprintf(stderr, "bench_qmp: %s\n", qPrintable(error));
            return 1;
        }
        floorClient.emplace(floorConnection);
    }

    std::optional<SocketWakeRecorder> wakes;
    if (parser.isSet(u"breakdown"_s))
        wakes.emplace();
    QmpClient client;
    InterleavedRun run(client, raw, floorClient ? &*floorClient : nullptr, warmup, iterations,
                       wakes ? &*wakes : nullptr);
    QObject context;
    QTimer connectTimeout;
    connectTimeout.setSingleShot(true);
    QObject::connect(&connectTimeout, &QTimer::timeout, &context, [] {
        failRun(u"QmpClient did not become ready within %1 s"_s.arg(kConnectTimeout.count()));
    });
    QObject::connect(&client, &QmpClient::ready, &context, [&run, &connectTimeout] {
        connectTimeout.stop();
        run.start();
    });
    QObject::connect(&client, &QmpClient::disconnected, &context, [](const QmpError &why) {
        failRun(u"QmpClient lost the connection: %1"_s.arg(why.isError() ? why.message()
                                                                         : u"closed by QEMU"_s));
    });
    connectTimeout.start(kConnectTimeout);
    client.connectToUnixSocket(qemu.monitorPath(0));

    const int status = QCoreApplication::exec();
    // Stop listening before QEMU goes away.
    QObject::disconnect(&client, nullptr, &context, nullptr);
    qemu.kill();
    if (status != 0)
        return status;

    const Summary berth = summarize(run.berthSamples());
    const Summary baseline = summarize(run.rawSamples());
    std::printf("query-status round trips: %d per client after %d warm-up calls, interleaved\n",
                iterations, warmup);
    printSummary(floorClient ? "floor" : "berth", berth);
    printSummary("raw", baseline);

    if (wakes) {
        // Consecutive parts of one Berth round trip (their medians need not add up).
        printSummary("  berth 1 queryStatus()", summarize(run.sendSideSamples()));
        printSummary("  berth 2 queryStatus() returned -> loop about to block",
                     summarize(run.afterSendSamples()));
        printSummary("  berth 3 about to block -> socket notifier event",
                     summarize(run.waitSamples()));
        printSummary("  berth 4 socket notifier event -> finished()",
                     summarize(run.receiveSideSamples()));
    }
    std::printf("RESULT %s %.1f us ratio=%.3f baseline=raw-socket\n",
                floorClient ? "qmp_floor_rtt_p50" : "qmp_rtt_p50", berth.p50,
                berth.p50 / baseline.p50);
    return 0;
}
