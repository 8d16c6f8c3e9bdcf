// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "qmp/qmperror.h"
#include "qmp/qmpreply.h"
#include "qmp/qmpstreamparser.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>
#include <utility>

class QmpTransport;

/// An asynchronous client for the QEMU Machine Protocol.
///
/// Run states and their transitions (QEMU's python/qemu/qmp Runstate):
///
///     Disconnected --connectTo*()--> Connecting --socket open--> Negotiating
///     Negotiating --greeting + qmp_capabilities answered--> Ready
///     any --disconnectFromServer()--> Closing --socket closed--> Disconnected
///     any --peer closed / socket error / protocol violation--> Disconnected
///
/// Commands may only be executed while Ready; otherwise the reply fails at once
/// with QmpError::Kind::NotReady. Replies are matched by id; each call has its own
/// timeout; when the connection ends, every pending call fails with Interrupted.
/// A message the client cannot make sense of (malformed JSON, an error without an
/// id) ends the session with a Protocol error; a reply with an unknown id (for
/// instance one that arrives after its call timed out) is logged and dropped.
///
/// Nothing here blocks: all I/O goes through the event loop of the client's thread. A unix
/// socket is read and written straight from its file descriptor (see QmpTransport).
class QmpClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QmpClient)

public:
    enum class State
    {
        Disconnected,
        Connecting,
        Negotiating,
        Ready,
        Closing
    };
    Q_ENUM(State)

    /// For queries and quick commands.
    static constexpr std::chrono::milliseconds ShortTimeout{10'000};
    /// For commands that start or wait for long work (jobs, migration, snapshots).
    static constexpr std::chrono::milliseconds LongTimeout{300'000};
    /// How long the server may take to greet after the socket opened. QEMU serves one
    /// client per monitor: a second client waits silently, so this also catches that.
    static constexpr std::chrono::milliseconds DefaultGreetingTimeout{5'000};

    explicit QmpClient(QObject *parent = nullptr);
    ~QmpClient() override;

    /// QMP command names: letters, digits, '_', '-' and '.' (vendor prefixes).
    static bool isValidCommandName(QStringView name);

    State state() const { return m_state; }
    static QString stateName(State state);
    bool isReady() const { return m_state == State::Ready; }

    /// The error that ended the last session; None after a clean close.
    const QmpError &lastError() const { return m_lastError; }
    /// The server's greeting ("version", "capabilities"); empty before one arrived.
    const QJsonObject &greeting() const { return m_greeting; }

    void setGreetingTimeout(std::chrono::milliseconds timeout) { m_greetingTimeout = timeout; }

    void connectToUnixSocket(const QString &path);
    void connectToHost(const QString &host, quint16 port);
    /// Fails every pending call (Interrupted) and closes the connection.
    void disconnectFromServer();

    // Commands are sent through QemuMonitor, one typed function per command; see
    // "Sending commands" below for why the client lets nothing else send one.

Q_SIGNALS:
    void stateChanged(QmpClient::State state);
    /// Negotiation finished; commands may be sent.
    void ready();
    /// The session ended. @p error is None when it was closed by this side or the
    /// server closed it cleanly between messages (as QEMU does after "quit").
    void disconnected(const QmpError &error);

    /// Every event, with QMP's timestamp (UTC; invalid if QEMU had none).
    void eventReceived(const QString &name, const QJsonObject &data, const QDateTime &timestamp);

    // Typed signals for the events Berth acts on. Emitted after eventReceived().
    void eventStop();
    void eventResume();
    void eventShutdown(bool guest, const QString &reason);
    void eventPowerdown();
    void eventReset(bool guest, const QString &reason);
    void eventGuestPanicked(const QString &action, const QJsonObject &info);
    void eventJobStatusChange(const QString &jobId, const QString &status);
    void eventDeviceTrayMoved(const QString &device, const QString &qomPath, bool trayOpen);
    void eventBalloonChange(qint64 actualBytes);

private:
    // ---- Sending commands -----------------------------------------------------------------
    // Only QemuMonitor sends commands, so that no QMP command is spelled anywhere else in
    // Berth (STYLE.md, "One lifecycle, one monitor"): the compiler refuses the rest. The
    // client's own tests reach these through QmpClientTestAccess (tests/support).
    friend class QemuMonitor;
    friend class QmpClientTestAccess;

    /// Sends @p command with @p arguments. Never returns null; see QmpReply for ownership.
    QmpReply *execute(const QString &command, const QJsonObject &arguments = {},
                      std::chrono::milliseconds timeout = ShortTimeout);

    /// What call() hands back: the error (None on success) and the value of QMP's "return".
    using ReplyHandler = std::function<void(const QmpError &error, const QJsonValue &result)>;

    /// Sends @p command and runs @p onReply on @p context's thread once it is answered or has
    /// failed, unless @p context has been destroyed by then; a refusal (not ready, invalid
    /// name) comes from the event loop, never from inside call(). No QmpReply object is made:
    /// this is the path QemuMonitor's typed commands take.
    void call(const QString &command, const QJsonObject &arguments, QObject *context,
              ReplyHandler onReply, std::chrono::milliseconds timeout = ShortTimeout);

    /// Convenience: runs @p onFinished(const QmpReply &) on @p context's thread when the
    /// reply is finished, unless @p context has been destroyed by then.
    template<typename Callback>
    void execute(const QString &command, const QJsonObject &arguments, QObject *context,
                 Callback &&onFinished, std::chrono::milliseconds timeout = ShortTimeout)
    {
        QmpReply *reply = execute(command, arguments, timeout);
        connect(reply, &QmpReply::finished, context,
                [reply, callback = std::forward<Callback>(onFinished)]() mutable {
                    callback(std::as_const(*reply));
                });
    }

    /// One call waiting for its answer. The handler runs only while the context lives (a
    /// QmpReply is its own context).
    struct Pending
    {
        QString command;
        QPointer<QObject> context;
        ReplyHandler handler;
        QDeadlineTimer deadline;
        int timeoutMs = 0;
    };

    void attachTransport(QmpTransport *transport);
    void setState(State state);
    void onConnected();
    void onReadyRead();
    void onSocketClosed();
    void onSocketError(const QString &description);
    void handleMessage(const QByteArray &json);
    void handleGreeting(const QJsonObject &greeting);
    void handleEvent(const QString &name, const QJsonObject &data, const QDateTime &timestamp);
    QmpError refusal(const QString &command) const;
    void enqueue(const QString &command, const QJsonObject &arguments, QObject *context,
                 ReplyHandler handler, std::chrono::milliseconds timeout);
    static void deliver(Pending &pending, const QmpError &error, const QJsonValue &result);
    void send(const QString &command, const QJsonObject &arguments, qint64 id);
    void finishSession(const QmpError &error);
    void failAllPending(const QmpError::Kind kind, const QString &description = {});
    void rearmTimeoutTimer();
    void onTimeoutTimer();

    State m_state = State::Disconnected;
    QmpTransport *m_transport = nullptr;
    QmpStreamParser m_parser;
    QByteArray m_request; ///< send()'s buffer, kept between calls
    QHash<qint64, Pending> m_pending;
    qint64 m_nextId = 1;
    QTimer m_timeoutTimer;
    /// When m_timeoutTimer fires; it stays armed when the calls it was set for are answered.
    QDeadlineTimer m_timeoutTimerDeadline;
    QTimer m_greetingTimer;
    std::chrono::milliseconds m_greetingTimeout = DefaultGreetingTimeout;
    QJsonObject m_greeting;
    QmpError m_lastError;
};
