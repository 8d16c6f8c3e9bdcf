// SPDX-License-Identifier: GPL-2.0-or-later
// Display benchmark: full-screen 1920x1080 updates from a synthetic RFB server written with
// LibVNCServer (in this process, its own thread, on a unix socket) into Berth's VncDisplay
// and DisplayView.
//
// Measured on the client side:
//   fps          full frames per second that reach the GUI thread
//   decode       CPU per frame on the VncWorker thread (process CPU minus the GUI and
//                server threads), which reads, decodes and publishes the frame
//   present      GUI-thread time per frame for a synchronous repaint of the view (1:1)
//   latency      from the server marking the framebuffer changed to the end of the repaint
//                (the frame number travels in the last pixel)
// Beside them, the machine's memcpy time for one 1080p frame (8 MB) is printed as the
// physical limit of any client that copies a frame once.
//
// Client CPU per frame is also given per frame the server sent (the server counts its
// FramebufferUpdate messages), which is how TigerVNC's vncviewer is measured when it is
// installed (Debian tigervnc-viewer) and Xvfb is too: a second synthetic server, the same
// stream on the same kind of endpoint (a unix socket, which vncviewer 1.11+ accepts as the
// server name), vncviewer on a private Xvfb (-displayfd) with raw encoding, full colour and
// no security, and its CPU (utime+stime from /proc/<pid>/stat) over kFrames frames sent after
// a warm-up. Its X server's CPU is printed beside it (vncviewer draws through XShm; Berth's
// run above draws into its own backing store, offscreen unless DISPLAY is set).
//
// The last line is machine-readable:
//     RESULT display_cpu_per_frame_ms <Berth client CPU per frame sent> ms
//            ratio=<Berth/vncviewer> baseline=tigervnc-vncviewer
// or, when vncviewer could not be measured (the reason is printed):
//     RESULT display_present_1080p_ms <median present ms> ms ratio=<present/memcpy>
//            baseline=memcpy_1080p

#include "bench/benchsupport.h"
#include "models/vm/vminstance.h"
#include "models/vm/vmlayout.h"
#include "models/vm/vmlibrary.h"
#include "tests/support/testguest.h"
#include "ui/display/vncdisplay.h"
#include "ui/widgets/displayview.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <rfb/rfb.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kWidth = 1920;
constexpr int kHeight = 1080;
constexpr int kFrames = 300;
constexpr int kMaxStamps = 1 << 16;

double nowMs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

double cpuMs(clockid_t clock)
{
    timespec ts{};
    clock_gettime(clock, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double memcpyFrameMs()
{
    std::vector<char> a(size_t(kWidth) * kHeight * 4, 1), b(a.size());
    std::vector<double> t;
    for (int i = 0; i < 50; ++i) {
        const double t0 = nowMs();
        std::memcpy(b.data(), a.data(), a.size());
        t.push_back(nowMs() - t0);
        a[size_t(i)] = b[size_t(i) + 1]; // keep the copy observable
    }
    return median(t);
}

/// The synthetic server: one client on a unix socket, a new full frame whenever the
/// client has asked for one.
class SyntheticServer
{
public:
    explicit SyntheticServer(const QString &path)
        : m_path(path.toStdString())
    {}

    void start()
    {
        m_listen = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        std::strncpy(addr.sun_path, m_path.c_str(), sizeof addr.sun_path - 1);
        if (::bind(m_listen, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 ||
            ::listen(m_listen, 1) != 0) {
            std::perror("bind");
            std::exit(1);
        }
        m_thread = std::thread([this] { run(); });
    }

    void stop()
    {
        m_stop = true;
        ::shutdown(m_listen, SHUT_RDWR);
        m_thread.join();
        ::close(m_listen);
    }

    double stamp(quint32 frame) const { return m_stamps[frame % kMaxStamps].load(); }
    double cpuMs() const { return m_cpuMs.load(); }
    /// FramebufferUpdate messages sent to the client so far.
    int sent() const { return m_sent.load(); }

private:
    void run()
    {
        const int fd = ::accept(m_listen, nullptr, nullptr);
        if (fd < 0)
            return;
        rfbLogEnable(0);
        rfbScreenInfoPtr screen = rfbGetScreen(nullptr, nullptr, kWidth, kHeight, 8, 3, 4);
        std::vector<quint32> fb(size_t(kWidth) * kHeight);
        screen->frameBuffer = reinterpret_cast<char *>(fb.data());
        // The client's own format (0x00RRGGBB): the server sends without translating.
        screen->serverFormat.redShift = 16;
        screen->serverFormat.greenShift = 8;
        screen->serverFormat.blueShift = 0;
        screen->port = 0;
        screen->ipv6port = 0;
        screen->autoPort = FALSE;
        screen->deferUpdateTime = 0;
        rfbInitServer(screen);
        rfbClientPtr client = rfbNewClient(screen, fd);
        quint32 frame = 0;
        while (!m_stop && rfbIsActive(screen)) {
            ++frame;
            const quint32 colour = (frame * 2654435761u) & 0x00ffffffu;
            std::fill(fb.begin(), fb.end(), colour);
            fb.back() = frame & 0x00ffffffu; // not (0,0): the server draws its cursor there
            m_stamps[frame % kMaxStamps] = nowMs();
            rfbMarkRectAsModified(screen, 0, 0, kWidth, kHeight);
            // Sends once the client has asked; waits for its next request otherwise.
            rfbProcessEvents(screen, 20'000);
            m_cpuMs = ::cpuMs(CLOCK_THREAD_CPUTIME_ID);
            if (client && screen->clientHead == client) {
                if (const rfbStatList *s = rfbStatLookupMessage(client, rfbFramebufferUpdate))
                    m_sent = s->sentCount;
            }
        }
        rfbShutdownServer(screen, TRUE);
        screen->frameBuffer = nullptr;
        rfbScreenCleanup(screen);
    }

    std::string m_path;
    int m_listen = -1;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<double> m_cpuMs{0};
    std::atomic<int> m_sent{0};
    std::array<std::atomic<double>, kMaxStamps> m_stamps{};
};

void waitMs(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

/// Keys for a US keyboard: qnum codes equal evdev codes below 89.
void typeInto(RemoteDisplay &display, const QString &text)
{
    static const QString rows[] = {u"1234567890-="_s, u"qwertyuiop[]"_s, u"asdfghjkl;'"_s,
                                   u"zxcvbnm,./"_s};
    static const quint32 firsts[] = {2, 16, 30, 44};
    for (const QChar c : text) {
        quint32 code = c == u' ' ? 57 : c == u'\n' ? 28 : 0;
        bool shift = false;
        if (c == u'$') {
            code = 5;
            shift = true;
        }
        for (int r = 0; r < 4 && code == 0; ++r) {
            const qsizetype i = rows[r].indexOf(c.toLower());
            if (i >= 0) {
                code = firsts[r] + quint32(i);
                shift = c.isUpper();
            }
        }
        if (shift)
            display.sendKey(0x2a, 0xffe1, true);
        display.sendKey(code, 0, true);
        display.sendKey(code, 0, false);
        if (shift)
            display.sendKey(0x2a, 0xffe1, false);
    }
}

/// QEMU's own update stream: the test guest's console scrolling as fast as it can
/// (a shell loop typed into it), shown 1:1. Prints frames/s and client CPU.
void benchQemu()
{
    QTemporaryDir dir;
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(dir.filePath(u"run"_s)));
    QDir().mkpath(dir.filePath(u"run"_s));
    QFile::setPermissions(dir.filePath(u"run"_s),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    VmLibrary library(dir.filePath(u"lib"_s));
    VmDefinition d = TestGuest::definition(u"bench"_s);
    if (const Outcome<> created = library.create(d); !created) {
        std::fprintf(stderr, "qemu: %s\n", qPrintable(created.failure().message()));
        return;
    }
    const VmEntry *e = library.find(d.name);
    VmInstance vm(e->definition, e->folder, VmInstance::MonitorRole::Gui);
    QEventLoop loop;
    QObject::connect(&vm, &VmInstance::started, &loop, &QEventLoop::quit);
    QObject::connect(&vm, &VmInstance::processEnded, &loop, &QEventLoop::quit);
    QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
    vm.start();
    loop.exec();
    if (vm.pid() <= 0) {
        std::fprintf(stderr, "qemu: the guest did not start: %s\n", qPrintable(vm.lastError()));
        return;
    }
    const QString serial = VmLayout::ofFolder(e->folder).serialLogPath();
    QElapsedTimer boot;
    boot.start();
    while (boot.elapsed() < 90'000) {
        QFile f(serial);
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains("BERTH-GUEST-READY"))
            break;
        waitMs(100);
    }
    VncDisplay display;
    DisplayView view;
    view.setDisplay(&display);
    view.setScaling(DisplayView::Scaling::ActualSize);
    view.resize(800, 500);
    view.show();
    display.open(vm.layout().vncSocketPath());
    QElapsedTimer wait;
    wait.start();
    while (!display.hasFrame() && wait.elapsed() < 20'000)
        waitMs(50);
    waitMs(1500); // the shell on tty1 prints its prompt
    typeInto(display, u"while true; do echo $RANDOM; done\n"_s);
    waitMs(2000);

    int frames = 0;
    QObject::connect(&display, &RemoteDisplay::frameUpdated, &view, [&] {
        view.viewport()->repaint();
        ++frames;
    });
    const double t0 = nowMs();
    const double process0 = cpuMs(CLOCK_PROCESS_CPUTIME_ID);
    const double main0 = cpuMs(CLOCK_THREAD_CPUTIME_ID);
    waitMs(5000);
    const double elapsed = nowMs() - t0;
    const double process = cpuMs(CLOCK_PROCESS_CPUTIME_ID) - process0;
    const double gui = cpuMs(CLOCK_THREAD_CPUTIME_ID) - main0;
    const QSize size = display.frame().size();
    display.close();
    vm.forceStop();
    QEventLoop ended;
    QObject::connect(&vm, &VmInstance::processEnded, &ended, &QEventLoop::quit);
    QTimer::singleShot(15'000, &ended, &QEventLoop::quit);
    if (vm.pid() > 0)
        ended.exec();
    if (frames == 0) {
        std::printf("qemu: no updates arrived\n");
        return;
    }
    std::printf("qemu %dx%d scrolling console: %.1f updates/s, client CPU %.2f ms per update "
                "(GUI thread %.2f ms), %.1f%% of one core\n",
                size.width(), size.height(), frames / (elapsed / 1e3), process / frames,
                gui / frames, process / elapsed * 100);
}

// --- TigerVNC's vncviewer on the same synthetic stream -----------------------------------

/// utime+stime of @p pid from /proc/<pid>/stat, in ms; negative if it cannot be read.
double procCpuMs(pid_t pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string stat;
    std::getline(in, stat);
    const auto paren = stat.rfind(')');
    if (paren == std::string::npos)
        return -1;
    std::istringstream fields(stat.substr(paren + 2));
    std::string field;
    unsigned long long utime = 0, stime = 0;
    // Fields 3 (state) to 13, then utime (14) and stime (15).
    for (int i = 3; i <= 13 && fields >> field; ++i) {
    }
    if (!(fields >> utime >> stime))
        return -1;
    return double(utime + stime) * 1e3 / double(::sysconf(_SC_CLK_TCK));
}

bool exited(pid_t pid)
{
    return ::waitpid(pid, nullptr, WNOHANG) == pid;
}

/// The end of a log as one line, for a "skipped" reason.
QString logTail(const QString &path)
{
    return Bench::fileTail(path, 600).replace(u'\n', u" | "_s);
}

struct ViewerResult
{
    bool ok = false;
    QString why; // when not ok
    int frames = 0;
    double seconds = 0;
    double viewerCpuMs = 0;
    double xCpuMs = 0;
};

/// TigerVNC's vncviewer on a private Xvfb against a synthetic server on a unix socket in
/// @p dir: CPU over kFrames frames sent after a warm-up of 30.
ViewerResult benchVncviewer(const QString &dir)
{
    ViewerResult r;
    const QString viewer = QStandardPaths::findExecutable(u"vncviewer"_s);
    const QString xvfb = QStandardPaths::findExecutable(u"Xvfb"_s);
    if (viewer.isEmpty() || xvfb.isEmpty()) {
        r.why = viewer.isEmpty() ? u"vncviewer not on PATH (Debian: tigervnc-viewer)"_s
                                 : u"Xvfb not on PATH (Debian: xvfb)"_s;
        return r;
    }
    const QString xlog = dir + u"/xvfb.log"_s;
    const QString vlog = dir + u"/vncviewer.log"_s;
    std::atomic<pid_t> xpid{0};
    QString error;
    const int display = Bench::startXvfb(xvfb.toStdString(), "2560x1440x24", {}, xlog.toStdString(),
                                         &xpid, std::chrono::seconds(10), &error);
    if (display < 0) {
        r.why = error.replace(u'\n', u" | "_s);
        return r;
    }
    const QString socket = dir + u"/tigervnc.sock"_s;
    SyntheticServer server(socket);
    server.start();
    // Raw encoding and full colour as Berth asks for; no security, as the server offers.
    const pid_t vpid = Bench::spawnChild(
        {viewer.toStdString(), "-PreferredEncoding=raw", "-AutoSelect=0", "-FullColor",
         "-SecurityTypes=None", "-Shared=1", "-AlertOnFatalError=0", "-ReconnectOnError=0",
         socket.toStdString()},
        Bench::environmentWith({"DISPLAY=:" + std::to_string(display)}), vlog.toStdString());
    bool gone = vpid <= 0;
    const double warmDeadline = nowMs() + 20'000;
    while (!gone && server.sent() < 30 && nowMs() < warmDeadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        gone = exited(vpid);
    }
    if (!gone && server.sent() >= 30) {
        const int sent0 = server.sent();
        const double t0 = nowMs();
        const double cpu0 = procCpuMs(vpid);
        const double x0 = procCpuMs(xpid);
        const double deadline = t0 + 30'000;
        while (!gone && server.sent() - sent0 < kFrames && nowMs() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
            gone = exited(vpid);
        }
        if (!gone) {
            r.frames = server.sent() - sent0;
            r.seconds = (nowMs() - t0) / 1e3;
            r.viewerCpuMs = procCpuMs(vpid) - cpu0;
            r.xCpuMs = procCpuMs(xpid) - x0;
            r.ok = cpu0 >= 0 && r.viewerCpuMs >= 0 && r.frames > 0;
            if (!r.ok)
                r.why = u"could not read /proc/%1/stat"_s.arg(vpid);
        }
    }
    if (gone)
        r.why = u"vncviewer exited: %1"_s.arg(logTail(vlog));
    else if (!r.ok && r.why.isEmpty())
        r.why = u"vncviewer received %1 frames in 20 s: %2"_s.arg(server.sent()).arg(logTail(vlog));
    if (!gone)
        Bench::stopChild(vpid, std::chrono::seconds(2));
    server.stop();
    Bench::stopChild(xpid.exchange(0), std::chrono::seconds(2));
    return r;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::signal(SIGPIPE, SIG_IGN); // a viewer that goes away while the server writes
    QTemporaryDir dir;
    const QString path = dir.filePath(u"vnc.sock"_s);

    const double copyMs = memcpyFrameMs();
    std::printf("memcpy of one 1920x1080x32 frame: %.3f ms (%.1f GB/s)\n", copyMs,
                double(kWidth) * kHeight * 4 / (copyMs / 1e3) / 1e9);

    SyntheticServer server(path);
    server.start();

    VncDisplay display;
    DisplayView view;
    view.setDisplay(&display);
    view.setScaling(DisplayView::Scaling::ActualSize);
    view.resize(kWidth, kHeight);
    view.show();

    std::vector<double> present;
    std::vector<double> latency;
    int frames = 0;
    double startMs = 0;
    double mainCpuStart = 0;
    double processCpuStart = 0;
    double serverCpuStart = 0;
    int sentStart = 0;
    QObject::connect(&display, &RemoteDisplay::frameUpdated, &app, [&](QRect rect) {
        if (rect.width() < kWidth || rect.height() < kHeight)
            return;
        const double t0 = nowMs();
        view.viewport()->repaint();
        const double t1 = nowMs();
        const quint32 frame = display.frame().pixel(kWidth - 1, kHeight - 1) & 0x00ffffffu;
        if (frames == 0) {
            startMs = t1;
            mainCpuStart = cpuMs(CLOCK_THREAD_CPUTIME_ID);
            processCpuStart = cpuMs(CLOCK_PROCESS_CPUTIME_ID);
            serverCpuStart = server.cpuMs();
            sentStart = server.sent();
        } else {
            present.push_back(t1 - t0);
            latency.push_back(t1 - server.stamp(frame));
        }
        if (++frames > kFrames)
            app.quit();
    });
    QObject::connect(&display, &RemoteDisplay::statusChanged, &app, [&](RemoteDisplay::Status s) {
        if (s == RemoteDisplay::Status::Failed) {
            std::fprintf(stderr, "connection failed: %s\n", qPrintable(display.errorString()));
            app.exit(1);
        }
    });
    QTimer::singleShot(60000, &app, [&] { app.exit(2); });
    display.open(path);
    const int rc = QApplication::exec();
    const double elapsed = nowMs() - startMs;
    const double mainCpu = cpuMs(CLOCK_THREAD_CPUTIME_ID) - mainCpuStart;
    const double processCpu = cpuMs(CLOCK_PROCESS_CPUTIME_ID) - processCpuStart;
    const double serverCpu = server.cpuMs() - serverCpuStart;
    const int sent = server.sent() - sentStart;
    display.close();
    server.stop();
    if (rc != 0 || present.empty()) {
        std::fprintf(stderr, "benchmark did not complete (%d)\n", rc);
        return 1;
    }
    const double n = double(present.size());
    const double fps = n / (elapsed / 1e3);
    const double decodePerFrame = (processCpu - mainCpu - serverCpu) / n;
    const double guiPerFrame = mainCpu / n;
    std::printf("synthetic 1920x1080 raw: %.1f frames/s over %d frames\n", fps, int(n));
    std::printf("client CPU per frame: decode (worker) %.2f ms, GUI thread %.2f ms\n",
                decodePerFrame, guiPerFrame);
    std::printf("present (synchronous repaint, 1:1) median %.2f ms\n", median(present));
    std::printf("latency server change -> repainted median %.2f ms\n", median(latency));
    std::printf("client CPU at %.1f fps: %.0f%% of one core\n", fps,
                (processCpu - serverCpu) / elapsed * 100);
    // Per frame the server sent (the worker may fold several into one repaint), as for
    // vncviewer below.
    const double berthPerSent = sent > 0 ? (processCpu - serverCpu) / sent : 0;
    std::printf("Berth client CPU per frame sent: %.2f ms (%d frames sent in %.2f s)\n",
                berthPerSent, sent, elapsed / 1e3);

    const ViewerResult tiger = benchVncviewer(dir.path());
    if (tiger.ok)
        std::printf("TigerVNC vncviewer (raw, full colour, Xvfb): %.1f frames/s, CPU per frame "
                    "sent %.2f ms (%d frames in %.2f s); its Xvfb %.2f ms per frame\n",
                    tiger.frames / tiger.seconds, tiger.viewerCpuMs / tiger.frames, tiger.frames,
                    tiger.seconds, tiger.xCpuMs / tiger.frames);
    else
        std::printf("tigervnc: skipped (%s)\n", qPrintable(tiger.why));
    if (TestGuest::isAvailable())
        benchQemu();
    else
        std::printf("qemu: skipped (set BERTH_TEST_GUEST_DIR to the test guest)\n");
    const bool tigerMeasured = tiger.ok && tiger.viewerCpuMs > 0 && berthPerSent > 0;
    std::printf("%sdisplay_present_1080p_ms %.3f ms ratio=%.2f baseline=memcpy_1080p\n",
                tigerMeasured ? "" : "RESULT ", median(present), median(present) / copyMs);
    if (tigerMeasured) {
        const double tigerPerFrame = tiger.viewerCpuMs / tiger.frames;
        std::printf("client CPU per frame sent: Berth %.3f ms, TigerVNC vncviewer %.3f ms\n",
                    berthPerSent, tigerPerFrame);
        std::printf("RESULT display_cpu_per_frame_ms %.3f ms ratio=%.2f "
                    "baseline=tigervnc-vncviewer\n",
                    berthPerSent, berthPerSent / tigerPerFrame);
    }
    return 0;
}
