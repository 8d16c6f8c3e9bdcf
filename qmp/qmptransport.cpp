// SPDX-License-Identifier: GPL-2.0-or-later
#include "qmp/qmptransport.h"

#include "qmp/qmpstreamparser.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QPointer>
#include <QSocketNotifier>
#include <QTcpSocket>
#include <QTimer>

#include <cerrno>
#include <cstring>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace {

/// What one read(2) asks for. A QMP answer is usually a few hundred bytes; a large one
/// (query-qmp-schema, ~5 MB) is read in several rounds per wake-up, up to kReadPerWakeUp.
constexpr qsizetype kReadChunk = 64 * 1024;
constexpr qsizetype kReadPerWakeUp = 1024 * 1024;

/// A full listen queue (QEMU's backlog is 1) makes connect(2) fail with EAGAIN: try again this
/// often, for as long, as QLocalSocket would.
constexpr std::chrono::milliseconds kConnectRetry{20};
constexpr std::chrono::milliseconds kConnectPatience{30'000};

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

/// A unix stream socket driven from its file descriptor.
class UnixSocketTransport final : public QmpTransport
{
public:
    UnixSocketTransport(const QString &path, QmpStreamParser &parser, QObject *parent)
        : QmpTransport(parser, parent)
        , m_path(path)
    {
        m_retryTimer.setSingleShot(true);
        connect(&m_retryTimer, &QTimer::timeout, this, &UnixSocketTransport::tryConnect);
    }
    ~UnixSocketTransport() override { closeDescriptor(); }

    void open() override
    {
        const QByteArray native = QFile::encodeName(m_path);
        sockaddr_un address{};
        if (size_t(native.size()) >= sizeof(address.sun_path)) {
            Q_EMIT failed(systemError(ENAMETOOLONG));
            return;
        }
        m_fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        if (m_fd < 0) {
            Q_EMIT failed(systemError(errno));
            return;
        }
        m_connectDeadline = QDeadlineTimer(kConnectPatience);
        tryConnect();
    }

    void write(const QByteArray &bytes) override
    {
        if (m_fd < 0)
            return;
        if (!m_outbox.isEmpty()) {
            m_outbox += bytes;
            return;
        }
        const ssize_t sent = sendSome(bytes.constData(), bytes.size());
        if (sent == bytes.size())
            return;
        if (sent < 0) {
            if (!peerHasGone(errno))
                failLater(errno);
            return;
        }
        m_outbox = bytes.mid(sent);
        m_writeNotifier->setEnabled(true);
    }

    void closeAfterWrites() override
    {
        if (m_fd < 0)
            return;
        m_closing = true;
        if (m_readNotifier)
            m_readNotifier->setEnabled(false);
        if (m_outbox.isEmpty())
            finishClose();
    }

    void abort() override
    {
        m_retryTimer.stop();
        closeDescriptor();
    }

private:
    void tryConnect()
    {
        const QByteArray native = QFile::encodeName(m_path);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        std::memcpy(address.sun_path, native.constData(), size_t(native.size()));
        int result;
        do {
            result = ::connect(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof address);
        } while (result != 0 && errno == EINTR);
        if (result == 0) {
            onConnected();
            return;
        }
        if (errno == EAGAIN && !m_connectDeadline.hasExpired()) {
            m_retryTimer.start(kConnectRetry);
            return;
        }
        const int error = errno;
        closeDescriptor();
        Q_EMIT failed(systemError(error));
    }

    void onConnected()
    {
        m_readNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
        connect(m_readNotifier, &QSocketNotifier::activated, this,
                &UnixSocketTransport::onReadable);
        m_writeNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
        m_writeNotifier->setEnabled(false);
        connect(m_writeNotifier, &QSocketNotifier::activated, this,
                &UnixSocketTransport::onWritable);
        Q_EMIT connected();
    }

    void onReadable()
    {
        // Level-triggered: whatever this round leaves wakes the loop again. Reading less than
        // was asked for means the socket is empty for now, which saves the read(2) that would
        // only say EAGAIN.
        qsizetype total = 0;
        ssize_t n;
        do {
            char *room = m_parser.appendBuffer(kReadChunk);
            do {
                n = ::read(m_fd, room, size_t(kReadChunk));
            } while (n < 0 && errno == EINTR);
            m_parser.commitAppend(n > 0 ? n : 0);
            if (n > 0)
                total += n;
        } while (n == kReadChunk && total < kReadPerWakeUp);

        const int error = errno;
        // A handler of bytesArrived() may close or even destroy this transport.
        const QPointer<UnixSocketTransport> self(this);
        if (total > 0)
            Q_EMIT bytesArrived();
        if (!self || m_fd < 0)
            return;
        // A peer that closes with our bytes still unread resets the connection: for QMP that
        // is an end like any other (QLocalSocket treats it the same).
        if (n == 0 || (n < 0 && error == ECONNRESET)) {
            closeDescriptor();
            Q_EMIT closed();
        } else if (n < 0 && error != EAGAIN && error != EWOULDBLOCK) {
            closeDescriptor();
            Q_EMIT failed(systemError(error));
        }
    }

    void onWritable()
    {
        const ssize_t sent = sendSome(m_outbox.constData(), m_outbox.size());
        if (sent < 0) {
            const int error = errno;
            if (peerHasGone(error)) {
                m_outbox.clear();
                m_writeNotifier->setEnabled(false);
                return;
            }
            closeDescriptor();
            Q_EMIT failed(systemError(error));
            return;
        }
        m_outbox.remove(0, sent);
        if (!m_outbox.isEmpty())
            return;
        m_writeNotifier->setEnabled(false);
        if (m_closing)
            finishClose();
    }

    /// Sends what the kernel takes now; 0 when it takes nothing, -1 (errno set) on an error.
    ssize_t sendSome(const char *data, qsizetype size)
    {
        ssize_t sent;
        do {
            sent = ::send(m_fd, data, size_t(size), MSG_NOSIGNAL | MSG_DONTWAIT);
        } while (sent < 0 && errno == EINTR);
        if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return 0;
        return sent;
    }

    /// The peer closed: what is unsent is lost, and reading finds the end and says closed().
    static bool peerHasGone(int error) { return error == EPIPE || error == ECONNRESET; }

    /// A failed send comes out of write(): report it from the event loop, as for a read.
    void failLater(int error)
    {
        closeDescriptor();
        QMetaObject::invokeMethod(
            this, [this, error] { Q_EMIT failed(systemError(error)); }, Qt::QueuedConnection);
    }

    void finishClose()
    {
        closeDescriptor();
        Q_EMIT closed();
    }

    void closeDescriptor()
    {
        // This may run inside a notifier's own activated(): switch them off now (the
        // descriptor's number may be reused at once) and delete them from the event loop.
        for (QSocketNotifier *notifier : {m_readNotifier, m_writeNotifier}) {
            if (notifier) {
                notifier->setEnabled(false);
                notifier->deleteLater();
            }
        }
        m_readNotifier = nullptr;
        m_writeNotifier = nullptr;
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
        m_outbox.clear();
    }

    QString m_path;
    int m_fd = -1;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QByteArray m_outbox; ///< what the kernel has not taken yet
    QTimer m_retryTimer;
    QDeadlineTimer m_connectDeadline;
    bool m_closing = false;
};

/// TCP through QTcpSocket.
class TcpSocketTransport final : public QmpTransport
{
public:
    TcpSocketTransport(const QString &host, quint16 port, QmpStreamParser &parser, QObject *parent)
        : QmpTransport(parser, parent)
        , m_host(host)
        , m_port(port)
        , m_socket(new QTcpSocket(this))
    {
        connect(m_socket, &QTcpSocket::connected, this, [this] {
            // QMP is a request/reply protocol of small messages: Nagle would add latency.
            m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            Q_EMIT connected();
        });
        connect(m_socket, &QTcpSocket::readyRead, this, [this] {
            m_parser.feed(m_socket->readAll());
            Q_EMIT bytesArrived();
        });
        connect(m_socket, &QTcpSocket::disconnected, this, &QmpTransport::closed);
        connect(m_socket, &QTcpSocket::errorOccurred, this,
                [this](QAbstractSocket::SocketError error) {
                    if (error == QAbstractSocket::RemoteHostClosedError)
                        return; // disconnected() tells the rest
                    Q_EMIT failed(m_socket->errorString());
                });
    }

    void open() override { m_socket->connectToHost(m_host, m_port); }

    void write(const QByteArray &bytes) override
    {
        // Straight to the kernel when nothing is queued: QTcpSocket would buffer, switch its
        // write notifier on and off again, and wake the event loop twice per call. Whatever
        // the kernel does not take (or an error, which Qt then reports) goes through the
        // socket as usual, so ordering is kept.
        const qintptr fd = m_socket->socketDescriptor();
        QByteArray rest = bytes;
        if (fd >= 0 && m_socket->bytesToWrite() == 0) {
            const ssize_t sent = ::send(int(fd), bytes.constData(), size_t(bytes.size()),
                                        MSG_NOSIGNAL | MSG_DONTWAIT);
            if (sent == bytes.size())
                return;
            if (sent > 0)
                rest.remove(0, sent);
        }
        m_socket->write(rest);
        m_socket->flush();
    }

    void closeAfterWrites() override { m_socket->disconnectFromHost(); }

    void abort() override
    {
        m_socket->disconnect(this);
        m_socket->abort();
    }

private:
    QString m_host;
    quint16 m_port;
    QTcpSocket *m_socket;
};

} // namespace

QmpTransport::QmpTransport(QmpStreamParser &parser, QObject *parent)
    : QObject(parent)
    , m_parser(parser)
{}

QmpTransport::~QmpTransport() = default;

QmpTransport *QmpTransport::unixSocket(const QString &path, QmpStreamParser &parser,
                                       QObject *parent)
{
    return new UnixSocketTransport(path, parser, parent);
}

QmpTransport *QmpTransport::tcpSocket(const QString &host, quint16 port, QmpStreamParser &parser,
                                      QObject *parent)
{
    return new TcpSocketTransport(host, port, parser, parent);
}
