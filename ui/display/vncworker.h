// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QImage>
#include <QMutex>
#include <QPoint>
#include <QRect>
#include <QString>
#include <QThread>

#include <atomic>
#include <cstdint>
#include <deque>

struct _rfbClient;

/// The thread that owns one RFB connection (libvncclient's rfbClient) to a VNC unix
/// socket. Used by VncDisplay; one worker per connection attempt.
///
/// The worker decodes into its own back buffer; at the end of every FramebufferUpdate
/// it copies the damaged rectangle into the shared front image (under m_mutex) and
/// emits frameUpdated() once, queued to whoever listens. Input is queued with the post*()
/// functions (any thread) and sent by the worker; an eventfd wakes it at once.
///
/// requestStop() (any thread) ends run() promptly: it also shuts the socket down, so a
/// read blocked inside libvncclient returns. The object may be deleted once finished().
class VncWorker final : public QThread
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VncWorker)

public:
    explicit VncWorker(QString socketPath, QObject *parent = nullptr);
    /// Stops and waits for the thread.
    ~VncWorker() override;

    void requestStop();
    void postKey(quint32 qnum, quint32 keysym, bool down);
    void postPointer(QPoint position, int buttonMask);

    /// The front buffer (Format_RGB32); a shared copy, safe from any thread.
    QImage frame() const;
    /// Pixels received since the connection opened (not counting pseudo-rectangles).
    qint64 pixelsReceived() const { return m_pixels.load(); }

    /// Largest framebuffer accepted from a server: what QEMU's VNC server can send at most
    /// (VNC_MAX_WIDTH and VNC_MAX_HEIGHT in QEMU's ui/vnc.h, 7.2). Anything larger comes
    /// from something else and ends the connection.
    static constexpr int MaxWidth = 5120;
    static constexpr int MaxHeight = 2160;

Q_SIGNALS:
    void connected();
    void frameResized(QSize size);
    void frameUpdated(QRect rect);
    /// The connection ended without requestStop(): @p message says why.
    void failed(const QString &message);

protected:
    void run() override;

private:
    struct InputEvent
    {
        enum Kind
        {
            Key,
            Pointer
        } kind;
        quint32 a = 0; // qnum or x
        quint32 b = 0; // keysym or y
        int c = 0;     // down or button mask
    };

    static char *passwordTrampoline(_rfbClient *client);
    static std::int8_t mallocFrameBufferTrampoline(_rfbClient *client);
    static void bitmapTrampoline(_rfbClient *client, const std::uint8_t *buffer, int x, int y,
                                 int w, int h);
    static void fillTrampoline(_rfbClient *client, int x, int y, int w, int h,
                               std::uint32_t colour);
    static void copyRectTrampoline(_rfbClient *client, int srcX, int srcY, int w, int h, int dstX,
                                   int dstY);
    static void finishedUpdateTrampoline(_rfbClient *client);
    static void cutTextTrampoline(_rfbClient *client, const char *text, int length);
    static VncWorker *self(_rfbClient *client);

    bool allocateBackBuffer(_rfbClient *client);
    void addDamage(const QRect &r);
    void publish();
    bool sendQueuedInput(_rfbClient *client);
    void post(const InputEvent &event);
    void wake();
    QString session(_rfbClient *client);

    const QString m_socketPath;
    QString m_error; // worker thread only

    QImage m_back;  // worker thread only; the rfbClient's frameBuffer
    QRect m_damage; // worker thread only
    bool m_resized = false;

    mutable QMutex m_mutex; // guards m_front and m_queue
    QImage m_front;
    std::deque<InputEvent> m_queue;

    std::atomic<bool> m_stop{false};
    std::atomic<qint64> m_pixels{0};
    int m_wakeFd = -1;
    QMutex m_socketMutex; // guards m_socket against close during requestStop()
    int m_socket = -1;
};
