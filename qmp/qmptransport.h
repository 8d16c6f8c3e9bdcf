// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

class QmpStreamParser;

/// The byte stream under a QmpClient (internal to qmp/): a socket that puts what arrives into
/// the client's QmpStreamParser and sends what the client writes, in order.
///
/// A unix socket is driven straight from its file descriptor: connected with SOCK_CLOEXEC |
/// SOCK_NONBLOCK, read with one read(2) per wake-up into the parser's own buffer, written with
/// send(MSG_NOSIGNAL). QLocalSocket would first ask how much there is (FIONREAD), read into its
/// ring buffer and copy out again; on a round trip of ~170 µs that layering was a measurable
/// share of QmpClient's overhead (bench_qmp). TCP stays on QTcpSocket, which resolves host
/// names and connects asynchronously.
///
/// Signals come from the event loop, or from inside open() and closeAfterWrites(); never from
/// inside write(), so a call that sends is never answered or failed before it returns.
class QmpTransport : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QmpTransport)

public:
    ~QmpTransport() override;

    static QmpTransport *unixSocket(const QString &path, QmpStreamParser &parser, QObject *parent);
    static QmpTransport *tcpSocket(const QString &host, quint16 port, QmpStreamParser &parser,
                                   QObject *parent);

    /// Starts connecting; connected() or failed() follows (possibly before this returns).
    virtual void open() = 0;
    /// Sends @p bytes after whatever is still queued.
    virtual void write(const QByteArray &bytes) = 0;
    /// Closes once everything queued has been sent; closed() follows.
    virtual void closeAfterWrites() = 0;
    /// Closes at once; nothing is emitted afterwards.
    virtual void abort() = 0;

Q_SIGNALS:
    void connected();
    /// The parser has new bytes.
    void bytesArrived();
    /// The peer closed the connection (after the last bytesArrived()), or closeAfterWrites()
    /// has finished.
    void closed();
    /// The socket could not connect or failed; @p reason is the system's words.
    void failed(const QString &reason);

protected:
    QmpTransport(QmpStreamParser &parser, QObject *parent);

    QmpStreamParser &m_parser;
};
