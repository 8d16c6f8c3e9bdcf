// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/display/vncworker.h"

#include <QFile>
#include <QLoggingCategory>

#include <rfb/rfbclient.h>

#include <algorithm>
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <csignal>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcVnc, "berth.vnc", QtWarningMsg)

namespace {

// libvncclient logs through two global function pointers; route both to our category
// (debug level: errors reach the user through return values, never through log text).
__attribute__((format(printf, 1, 2))) void vncLog(const char *format, ...)
{
    if (!lcVnc().isDebugEnabled())
        return;
    char buffer[512];
    va_list args;
    va_start(args, format);
    std::vsnprintf(buffer, sizeof buffer, format, args);
    va_end(args);
    qCDebug(lcVnc, "%s", buffer);
}

void installLogHandlers()
{
    static const bool done = [] {
        rfbClientLog = vncLog;
        rfbClientErr = vncLog;
        return true;
    }();
    Q_UNUSED(done)
}

// The tag under which each rfbClient keeps its VncWorker.
char clientTag;

// Encodings for a local unix socket, chosen by measurement (1024x768 full frame, client
// decode on the 2-core build machine, libvncclient 0.9.14): Raw 1.1 ms, Hextile 1.8 ms,
// ZRLE 2.7 ms, Tight (lossless) 3.6 ms, zlib 4.9 ms. On a socket that never leaves the
// host, bandwidth is free and decode time is what the user waits for: Raw first.
// CopyRect costs nothing when a server uses it. QEMU's pseudo-encodings (desktop size,
// extended key events, LED state) are added by libvncclient itself.
constexpr const char *kEncodings = "raw copyrect";

/// A stream socket connected to @p path, close-on-exec (a QEMU started meanwhile must not
/// inherit the display's connection), or -1 with errno set.
int connectToUnixSocket(const QByteArray &path)
{
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (size_t(path.size()) >= sizeof address.sun_path) {
        errno = ENAMETOOLONG;
        return -1;
    }
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
        const int error = errno;
        ::close(fd);
        errno = error;
        return -1;
    }
    return fd;
}

/// While it lives, SIGPIPE is blocked on the calling thread. libvncclient writes to the
/// socket with plain write(): when QEMU has gone (killed, or quit with the display open),
/// that write would raise SIGPIPE, whose default action ends the whole process. Blocked,
/// the write fails with EPIPE and the connection ends like any other failure. Pending
/// SIGPIPEs of this thread are taken before it unblocks, so none is delivered late.
class BrokenPipeGuard final
{
public:
    BrokenPipeGuard()
    {
        sigemptyset(&m_pipe);
        sigaddset(&m_pipe, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &m_pipe, &m_previous);
    }
    ~BrokenPipeGuard()
    {
        const timespec now{};
        while (sigtimedwait(&m_pipe, nullptr, &now) == SIGPIPE) {
        }
        pthread_sigmask(SIG_SETMASK, &m_previous, nullptr);
    }
    BrokenPipeGuard(const BrokenPipeGuard &) = delete;
    BrokenPipeGuard &operator=(const BrokenPipeGuard &) = delete;

private:
    sigset_t m_pipe{};
    sigset_t m_previous{};
};

} // namespace

VncWorker::VncWorker(QString socketPath, QObject *parent)
    : QThread(parent)
    , m_socketPath(std::move(socketPath))
    , m_wakeFd(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
    installLogHandlers();
}

VncWorker::~VncWorker()
{
    requestStop();
    wait();
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
}

void VncWorker::requestStop()
{
    m_stop = true;
    wake();
    QMutexLocker lock(&m_socketMutex);
    if (m_socket >= 0)
        ::shutdown(m_socket, SHUT_RDWR);
}

void VncWorker::postKey(quint32 qnum, quint32 keysym, bool down)
{
    post({InputEvent::Key, qnum, keysym, down ? 1 : 0});
}

void VncWorker::postPointer(QPoint position, int buttonMask)
{
    post({InputEvent::Pointer, quint32(qMax(0, position.x())), quint32(qMax(0, position.y())),
          buttonMask});
}

void VncWorker::post(const InputEvent &event)
{
    {
        QMutexLocker lock(&m_mutex);
        // Pointer motion piles up while the guest is slow: keep only the newest position
        // unless the buttons changed.
        if (event.kind == InputEvent::Pointer && !m_queue.empty() &&
            m_queue.back().kind == InputEvent::Pointer && m_queue.back().c == event.c)
            m_queue.back() = event;
        else if (m_queue.size() < 4096)
            m_queue.push_back(event);
    }
    wake();
}

void VncWorker::wake()
{
    if (m_wakeFd >= 0) {
        const quint64 one = 1;
        [[maybe_unused]] const auto written = ::write(m_wakeFd, &one, sizeof one);
    }
}

QImage VncWorker::frame() const
{
    QMutexLocker lock(&m_mutex);
    return m_front;
}

VncWorker *VncWorker::self(rfbClient *client)
{
    return static_cast<VncWorker *>(rfbClientGetClientData(client, &clientTag));
}

char *VncWorker::passwordTrampoline(rfbClient *client)
{
    // QEMU's unix socket needs no password; a server that asks gets an empty one (freed
    // by libvncclient) and fails the handshake with a message.
    self(client)->m_error = tr("the VNC server asks for a password");
    return strdup("");
}

std::int8_t VncWorker::mallocFrameBufferTrampoline(rfbClient *client)
{
    return self(client)->allocateBackBuffer(client) ? TRUE : FALSE;
}

// Every decoder writes through these three (libvncclient's GotBitmap / GotFillRect /
// GotCopyRect), so they are where pixels arrive: damage and the pixel count come from
// here, not from GotFrameBufferUpdate, which also reports pseudo-rectangles without
// pixels (QEMU's extended-key-event acknowledgement covers the whole screen). Each is
// clipped to the buffer: the server's rectangles are not trusted.
void VncWorker::bitmapTrampoline(rfbClient *client, const uint8_t *buffer, int x, int y, int w,
                                 int h)
{
    VncWorker *me = self(client);
    const QRect r = QRect(x, y, w, h) & me->m_back.rect();
    if (r.isEmpty() || w <= 0)
        return;
    for (int row = r.top(); row <= r.bottom(); ++row) {
        const uint8_t *src = buffer + (qsizetype(row - y) * w + (r.x() - x)) * 4;
        std::memcpy(me->m_back.scanLine(row) + qsizetype(r.x()) * 4, src, size_t(r.width()) * 4);
    }
    me->addDamage(r);
}

void VncWorker::fillTrampoline(rfbClient *client, int x, int y, int w, int h, uint32_t colour)
{
    VncWorker *me = self(client);
    const QRect r = QRect(x, y, w, h) & me->m_back.rect();
    if (r.isEmpty())
        return;
    for (int row = r.top(); row <= r.bottom(); ++row) {
        auto *dst = reinterpret_cast<quint32 *>(me->m_back.scanLine(row)) + r.x();
        std::fill(dst, dst + r.width(), colour);
    }
    me->addDamage(r);
}

void VncWorker::copyRectTrampoline(rfbClient *client, int srcX, int srcY, int w, int h, int dstX,
                                   int dstY)
{
    VncWorker *me = self(client);
    const QRect bounds = me->m_back.rect();
    const QRect src(srcX, srcY, w, h);
    const QRect dst(dstX, dstY, w, h);
    if (!bounds.contains(src) || !bounds.contains(dst) || src.isEmpty())
        return;
    const qsizetype stride = me->m_back.bytesPerLine();
    uchar *bits = me->m_back.bits();
    // Rows overlap when moving down: copy bottom-up then.
    const bool down = dstY > srcY;
    for (int i = 0; i < h; ++i) {
        const int row = down ? h - 1 - i : i;
        std::memmove(bits + (dstY + row) * stride + qsizetype(dstX) * 4,
                     bits + (srcY + row) * stride + qsizetype(srcX) * 4, size_t(w) * 4);
    }
    me->addDamage(dst);
}

void VncWorker::addDamage(const QRect &r)
{
    m_damage |= r;
    m_pixels += qint64(r.width()) * r.height();
}

void VncWorker::finishedUpdateTrampoline(rfbClient *client)
{
    self(client)->publish();
}

void VncWorker::cutTextTrampoline(rfbClient *, const char *, int)
{
    // Clipboard sharing is not offered; the text is dropped.
}

bool VncWorker::allocateBackBuffer(rfbClient *client)
{
    const int w = client->width;
    const int h = client->height;
    qCDebug(lcVnc) << "framebuffer" << w << h;
    if (w <= 0 || h <= 0 || w > MaxWidth || h > MaxHeight) {
        m_error = tr("the VNC server sent an impossible screen size (%1×%2)").arg(w).arg(h);
        return false;
    }
    QImage back(w, h, QImage::Format_RGB32);
    if (back.isNull()) {
        m_error = tr("not enough memory for a %1×%2 screen").arg(w).arg(h);
        return false;
    }
    back.fill(Qt::black);
    m_back = std::move(back);
    client->frameBuffer = m_back.bits();
    // What libvncclient's incremental requests ask for (rfbInitClient() would set it;
    // QEMU ignores it, other servers do not).
    client->updateRect.x = 0;
    client->updateRect.y = 0;
    client->updateRect.w = w;
    client->updateRect.h = h;
    m_resized = true;
    m_damage = QRect();
    return true;
}

void VncWorker::publish()
{
    if (m_damage.isEmpty() && !m_resized)
        return;
    const bool resized = m_resized;
    // After a resize the whole (blank) buffer is copied, but only rectangles that carried
    // pixels are announced: a screenshot waits for real pixels, not for a size change.
    const QRect damage = m_damage;
    const QRect copy = m_resized ? m_back.rect() : m_damage;
    {
        QMutexLocker lock(&m_mutex);
        if (m_front.size() != m_back.size())
            m_front = QImage(m_back.size(), QImage::Format_RGB32);
        // QImage::bits() detaches if the GUI thread still holds a copy, so what it
        // paints never changes under it. RFB leaves the padding byte undefined: set it,
        // so the front image is a valid RGB32 image everywhere.
        const int x = copy.x();
        const int w = copy.width();
        for (int row = copy.top(); row <= copy.bottom(); ++row) {
            const auto *src = reinterpret_cast<const quint32 *>(m_back.constScanLine(row)) + x;
            auto *dst = reinterpret_cast<quint32 *>(m_front.scanLine(row)) + x;
            for (int i = 0; i < w; ++i)
                dst[i] = src[i] | 0xff000000u;
        }
    }
    m_resized = false;
    m_damage = QRect();
    if (resized)
        Q_EMIT frameResized(m_back.size());
    if (!damage.isEmpty())
        Q_EMIT frameUpdated(damage);
}

bool VncWorker::sendQueuedInput(rfbClient *client)
{
    std::deque<InputEvent> events;
    {
        QMutexLocker lock(&m_mutex);
        events.swap(m_queue);
    }
    for (const InputEvent &e : events) {
        bool ok = true;
        switch (e.kind) {
        case InputEvent::Key:
            // QEMU takes XT scancodes (extended key events): every key, any layout.
            ok = e.a != 0 ? SendExtendedKeyEvent(client, e.b, e.a, e.c ? TRUE : FALSE)
                          : SendKeyEvent(client, e.b, e.c ? TRUE : FALSE);
            // A server without the extension answers FALSE without writing: use the keysym.
            if (!ok && e.a != 0 && e.b != 0)
                ok = SendKeyEvent(client, e.b, e.c ? TRUE : FALSE);
            break;
        case InputEvent::Pointer:
            ok = SendPointerEvent(client, int(qMin<quint32>(e.a, 65535)),
                                  int(qMin<quint32>(e.b, 65535)), e.c);
            break;
        }
        if (!ok)
            return false;
    }
    return true;
}

void VncWorker::run()
{
    if (m_stop)
        return;
    const BrokenPipeGuard noSigpipe;
    const QByteArray path = QFile::encodeName(m_socketPath);
    const int fd = connectToUnixSocket(path);
    if (fd < 0) {
        Q_EMIT failed(tr("cannot connect to %1: %2")
                          .arg(m_socketPath, QString::fromLocal8Bit(std::strerror(errno))));
        return;
    }
    {
        QMutexLocker lock(&m_socketMutex);
        m_socket = fd;
        if (m_stop)
            ::shutdown(fd, SHUT_RDWR);
    }
    // libvncclient expects a non-blocking socket (it waits with select() on EAGAIN).
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);

    rfbClient *client = rfbGetClient(8, 3, 4);
    if (!client) {
        ::close(fd);
        Q_EMIT failed(tr("out of memory"));
        return;
    }
    // 32-bit 0x00RRGGBB little-endian: QImage::Format_RGB32, and QEMU's own surface
    // format, so Raw is a plain copy on both sides.
    client->format.redShift = 16;
    client->format.greenShift = 8;
    client->format.blueShift = 0;
    client->appData.encodingsString = kEncodings;
    client->appData.useRemoteCursor = FALSE;
    client->canHandleNewFBSize = TRUE;
    client->readTimeout = 10; // seconds; a server stalling mid-message is dropped
    client->sock = fd;
    std::free(client->serverHost); // rfbGetClient()'s strdup("")
    client->serverHost = strdup(path.constData());
    client->serverPort = 0;
    client->GetPassword = passwordTrampoline;
    client->MallocFrameBuffer = mallocFrameBufferTrampoline;
    client->GotBitmap = bitmapTrampoline;
    client->GotFillRect = fillTrampoline;
    client->GotCopyRect = copyRectTrampoline;
    client->FinishedFrameBufferUpdate = finishedUpdateTrampoline;
    client->GotXCutText = cutTextTrampoline;
    rfbClientSetClientData(client, &clientTag, this);

    // rfbInitClient() without its connect step (we made the socket, so requestStop()
    // can shut it down at any time).
    bool ok = InitialiseRFBConnection(client);
    if (ok) {
        client->width = client->si.framebufferWidth;
        client->height = client->si.framebufferHeight;
        ok = client->MallocFrameBuffer(client) && SetFormatAndEncodings(client) &&
             SendFramebufferUpdateRequest(client, 0, 0, client->width, client->height, FALSE);
        if (ok)
            Q_EMIT connected();
    }

    pollfd fds[2] = {{fd, POLLIN, 0}, {m_wakeFd, POLLIN, 0}};
    while (ok && !m_stop) {
        if (!sendQueuedInput(client)) {
            ok = false;
            break;
        }
        // libvncclient reads ahead: a whole message may already sit in its buffer.
        if (client->buffered == 0) {
            const int n = ::poll(fds, 2, -1);
            if (n < 0 && errno != EINTR) {
                ok = false;
                break;
            }
            if (fds[1].revents & POLLIN) {
                quint64 count;
                [[maybe_unused]] const auto r = ::read(m_wakeFd, &count, sizeof count);
            }
            if (!(fds[0].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
        }
        if (m_stop)
            break;
        ok = HandleRFBServerMessage(client);
    }

    {
        QMutexLocker lock(&m_socketMutex);
        m_socket = -1;
        rfbClientCleanup(client); // closes fd; does not touch frameBuffer (m_back's)
    }
    if (!m_stop) {
        Q_EMIT failed(m_error.isEmpty() ? tr("the VNC connection ended (the server closed it or "
                                             "sent data Berth does not accept)")
                                        : m_error);
    }
}
