// SPDX-License-Identifier: GPL-2.0-or-later
#include "qmp/qmpclient.h"

#include "qmp/qmpmessage.h"
#include "qmp/qmptransport.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QThread>

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcQmp, "berth.qmp", QtWarningMsg)

namespace {

constexpr qsizetype kLoggedJsonLimit = 2000;

QByteArray forLog(const QByteArray &json)
{
    if (json.size() <= kLoggedJsonLimit)
        return json;
    return json.left(kLoggedJsonLimit) + "… (" + QByteArray::number(json.size()) + " bytes)";
}

// One table from QMP event name to the typed signal that carries it (libvirt's
// eventHandlers[]). Kept sorted by name; a static_assert below checks that.
using EventDispatch = void (*)(QmpClient *, const QJsonObject &);

struct EventEntry
{
    std::string_view name;
    EventDispatch dispatch;
};

constexpr std::array kEventTable = {
    EventEntry{"BALLOON_CHANGE",
               [](QmpClient *c, const QJsonObject &d) {
                   Q_EMIT c->eventBalloonChange(d.value("actual"_L1).toInteger());
               }},
    EventEntry{"DEVICE_TRAY_MOVED",
               [](QmpClient *c, const QJsonObject &d) {
                   Q_EMIT c->eventDeviceTrayMoved(d.value("device"_L1).toString(),
                                                  d.value("id"_L1).toString(),
                                                  d.value("tray-open"_L1).toBool());
               }},
    EventEntry{"GUEST_PANICKED",
               [](QmpClient *c, const QJsonObject &d) {
                   Q_EMIT c->eventGuestPanicked(d.value("action"_L1).toString(),
                                                d.value("info"_L1).toObject());
               }},
    EventEntry{"JOB_STATUS_CHANGE",
               [](QmpClient *c, const QJsonObject &d) {
                   Q_EMIT c->eventJobStatusChange(d.value("id"_L1).toString(),
                                                  d.value("status"_L1).toString());
               }},
    EventEntry{"POWERDOWN",
               [](QmpClient *c, const QJsonObject &) {
                   Q_EMIT c->eventPowerdown();
               }},
    EventEntry{"RESET",
               [](QmpClient *c, const QJsonObject &d) {
                   Q_EMIT c->eventReset(d.value("guest"_L1).toBool(),
                                        d.value("reason"_L1).toString());
               }},
    EventEntry{"RESUME",
               [](QmpClient *c, const QJsonObject &) {
                   Q_EMIT c->eventResume();
               }},
    EventEntry{"SHUTDOWN",
               [](QmpClient *c, const QJsonObject &d) {
                   Q_EMIT c->eventShutdown(d.value("guest"_L1).toBool(),
                                           d.value("reason"_L1).toString());
               }},
    EventEntry{"STOP",
               [](QmpClient *c, const QJsonObject &) {
                   Q_EMIT c->eventStop();
               }},
};

static_assert(std::is_sorted(kEventTable.begin(), kEventTable.end(),
                             [](const EventEntry &a, const EventEntry &b) {
                                 return a.name < b.name;
                             }),
              "kEventTable must stay sorted by event name");

} // namespace

QmpClient::QmpClient(QObject *parent)
    : QObject(parent)
{
    m_timeoutTimer.setSingleShot(true);
    m_timeoutTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_timeoutTimer, &QTimer::timeout, this, &QmpClient::onTimeoutTimer);

    m_greetingTimer.setSingleShot(true);
    connect(&m_greetingTimer, &QTimer::timeout, this, [this] {
        finishSession(QmpError::connection(
            tr("QEMU did not greet within %1 seconds; another program may be connected to "
               "this monitor")
                .arg(std::chrono::duration<double>(m_greetingTimeout).count())));
    });
    qRegisterMetaType<QmpError>();
}

QmpClient::~QmpClient()
{
    // Pending replies are children and die with us; nobody is told, by design: an owner
    // that destroys its client has stopped caring about the answers.
    if (m_transport)
        m_transport->disconnect(this);
}

QString QmpClient::stateName(State state)
{
    switch (state) {
    case State::Disconnected:
        return tr("disconnected");
    case State::Connecting:
        return tr("connecting");
    case State::Negotiating:
        return tr("negotiating");
    case State::Ready:
        return tr("ready");
    case State::Closing:
        return tr("closing");
    }
    return {};
}

void QmpClient::setState(State state)
{
    if (m_state == state)
        return;
    qCDebug(lcQmp) << "state" << stateName(m_state) << "->" << stateName(state);
    m_state = state;
    Q_EMIT stateChanged(state);
}

void QmpClient::connectToUnixSocket(const QString &path)
{
    if (m_state != State::Disconnected)
        finishSession(QmpError{});
    QmpTransport *transport = QmpTransport::unixSocket(path, m_parser, this);
    connect(transport, &QmpTransport::failed, this, [this, path](const QString &reason) {
        onSocketError(tr("cannot talk to QEMU's monitor at %1: %2").arg(path, reason));
    });
    attachTransport(transport);
}

void QmpClient::connectToHost(const QString &host, quint16 port)
{
    if (m_state != State::Disconnected)
        finishSession(QmpError{});
    QmpTransport *transport = QmpTransport::tcpSocket(host, port, m_parser, this);
    connect(transport, &QmpTransport::failed, this, [this, host, port](const QString &reason) {
        onSocketError(
            tr("cannot talk to QEMU's monitor at %1:%2: %3").arg(host).arg(port).arg(reason));
    });
    attachTransport(transport);
}

void QmpClient::attachTransport(QmpTransport *transport)
{
    m_transport = transport;
    m_parser.reset();
    m_greeting = {};
    m_lastError = {};
    connect(transport, &QmpTransport::connected, this, &QmpClient::onConnected);
    connect(transport, &QmpTransport::bytesArrived, this, &QmpClient::onReadyRead);
    connect(transport, &QmpTransport::closed, this, &QmpClient::onSocketClosed);
    setState(State::Connecting);
    transport->open();
}

void QmpClient::disconnectFromServer()
{
    if (m_state == State::Disconnected || m_state == State::Closing)
        return;
    setState(State::Closing);
    failAllPending(QmpError::Kind::Interrupted);
    if (m_state != State::Closing)
        return; // a reply's handler already ended the session
    // Let queued writes (a final "quit", say) go out, but do not wait on the peer for long.
    QTimer::singleShot(1000, m_transport, [this] {
        if (m_state == State::Closing)
            finishSession(QmpError{});
    });
    m_transport->closeAfterWrites();
}

void QmpClient::onConnected()
{
    setState(State::Negotiating);
    m_greetingTimer.start(m_greetingTimeout);
}

void QmpClient::onSocketError(const QString &description)
{
    finishSession(QmpError::connection(description));
}

void QmpClient::onSocketClosed()
{
    // The transport has handed over every byte that came before the end.
    if (m_state == State::Disconnected)
        return;
    if (m_state == State::Closing) {
        finishSession(QmpError{});
    } else if (m_parser.hasPartialMessage()) {
        finishSession(QmpError::connection(
            tr("QEMU closed the monitor connection in the middle of a message")));
    } else if (m_state != State::Ready) {
        finishSession(QmpError::connection(
            tr("QEMU closed the monitor connection before the session was ready")));
    } else {
        finishSession(QmpError{});
    }
}

void QmpClient::onReadyRead()
{
    // A handler below may end the session or even destroy this client.
    const QPointer<QmpClient> self(this);
    QByteArray json;
    QString error;
    while (self && m_state != State::Disconnected) {
        const auto status = m_parser.next(json, error);
        if (status == QmpStreamParser::Status::NeedMore)
            break;
        if (status == QmpStreamParser::Status::Error) {
            qCWarning(lcQmp) << "protocol violation:" << error;
            finishSession(QmpError::protocol({}, error));
            break;
        }
        handleMessage(json);
    }
}

void QmpClient::handleMessage(const QByteArray &json)
{
    QmpMessage message;
    QString error;
    if (!QmpMessage::fromJson(json, message, error)) {
        qCWarning(lcQmp).noquote() << "protocol violation:" << error << forLog(json);
        finishSession(QmpError::protocol({}, error));
        return;
    }
    qCDebug(lcQmp).noquote() << "<-" << forLog(json);

    switch (message.type) {
    case QmpMessage::Type::Greeting:
        if (m_state != State::Negotiating || !m_greeting.isEmpty()) {
            finishSession(QmpError::protocol({}, tr("QEMU sent a second greeting")));
            return;
        }
        handleGreeting(message.value.toObject());
        return;
    case QmpMessage::Type::Event:
        handleEvent(message.name, message.data, message.timestamp);
        return;
    case QmpMessage::Type::Return:
    case QmpMessage::Type::Error:
        break;
    }

    if (message.id.isUndefined()) {
        // QEMU answers without an id only when it could not parse what we sent: the
        // stream is out of step and nothing after this can be trusted (QEMU's own client
        // ends the session too).
        qCWarning(lcQmp).noquote() << "reply without id:" << forLog(json);
        const QString why =
            message.type == QmpMessage::Type::Error
                ? tr("QEMU rejected a command it could not parse: %1").arg(message.errorDescription)
                : tr("QEMU sent a reply without an id");
        finishSession(QmpError::protocol({}, why));
        return;
    }

    const qint64 id = message.id.toInteger(-1);
    const auto it = m_pending.find(id);
    if (id < 0 || it == m_pending.end()) {
        qCWarning(lcQmp).noquote() << "dropping reply with unknown id:" << forLog(json);
        return;
    }
    Pending pending = std::move(*it);
    m_pending.erase(it);
    if (message.type == QmpMessage::Type::Return) {
        deliver(pending, {}, message.value);
    } else {
        qCInfo(lcQmp).noquote() << pending.command << "failed:" << forLog(json);
        deliver(
            pending,
            QmpError::commandFailed(pending.command, message.errorClass, message.errorDescription),
            {});
    }
}

void QmpClient::handleGreeting(const QJsonObject &greeting)
{
    m_greetingTimer.stop();
    m_greeting = greeting;
    enqueue(
        u"qmp_capabilities"_s, {}, this,
        [this](const QmpError &error, const QJsonValue &) {
            if (m_state != State::Negotiating)
                return;
            if (error.isError()) {
                finishSession(error);
                return;
            }
            setState(State::Ready);
            Q_EMIT ready();
        },
        ShortTimeout);
}

void QmpClient::handleEvent(const QString &name, const QJsonObject &data,
                            const QDateTime &timestamp)
{
    Q_EMIT eventReceived(name, data, timestamp);
    const QByteArray key = name.toLatin1();
    const std::string_view wanted(key.constData(), size_t(key.size()));
    const auto it = std::lower_bound(
        kEventTable.begin(), kEventTable.end(), wanted,
        [](const EventEntry &entry, std::string_view n) { return entry.name < n; });
    if (it != kEventTable.end() && it->name == wanted)
        it->dispatch(this, data);
}

QmpError QmpClient::refusal(const QString &command) const
{
    if (!isValidCommandName(command))
        return QmpError::commandFailed(command, u"CommandNotFound"_s,
                                       tr("this is not a valid QMP command name"));
    if (m_state != State::Ready)
        return QmpError::notReady(command, stateName(m_state));
    return {};
}

QmpReply *QmpClient::execute(const QString &command, const QJsonObject &arguments,
                             std::chrono::milliseconds timeout)
{
    auto *reply = new QmpReply(command, this);
    if (const QmpError refused = refusal(command); refused.isError()) {
        // Delivered from the event loop, so the caller can connect first.
        QMetaObject::invokeMethod(
            reply, [reply, refused] { reply->fail(refused); }, Qt::QueuedConnection);
        return reply;
    }
    enqueue(
        command, arguments, reply,
        [reply](const QmpError &error, const QJsonValue &result) {
            if (error.isError())
                reply->fail(error);
            else
                reply->succeed(result);
        },
        timeout);
    return reply;
}

void QmpClient::call(const QString &command, const QJsonObject &arguments, QObject *context,
                     ReplyHandler onReply, std::chrono::milliseconds timeout)
{
    if (const QmpError refused = refusal(command); refused.isError()) {
        QMetaObject::invokeMethod(
            context, [onReply = std::move(onReply), refused] { onReply(refused, {}); },
            Qt::QueuedConnection);
        return;
    }
    enqueue(command, arguments, context, std::move(onReply), timeout);
}

void QmpClient::enqueue(const QString &command, const QJsonObject &arguments, QObject *context,
                        ReplyHandler handler, std::chrono::milliseconds timeout)
{
    const qint64 id = m_nextId++;
    const QDeadlineTimer deadline(timeout);
    m_pending.insert(id, {command, context, std::move(handler), deadline, int(timeout.count())});
    // The timer stays armed after its calls were answered (stopping and starting it again
    // for every call costs more than a rare idle wake-up); it only ever moves earlier here,
    // and onTimeoutTimer() moves it later when it fires.
    if (!m_timeoutTimer.isActive() || deadline < m_timeoutTimerDeadline)
        rearmTimeoutTimer();
    send(command, arguments, id);
}

void QmpClient::deliver(Pending &pending, const QmpError &error, const QJsonValue &result)
{
    QObject *context = pending.context.data();
    if (!context || !pending.handler)
        return;
    if (context->thread() == QThread::currentThread()) {
        pending.handler(error, result);
        return;
    }
    QMetaObject::invokeMethod(
        context, [handler = std::move(pending.handler), error, result] { handler(error, result); },
        Qt::QueuedConnection);
}

void QmpClient::send(const QString &command, const QJsonObject &arguments, qint64 id)
{
    // Built by hand into a buffer kept between calls: a QJsonObject round trip per call
    // costs more than the rest of execute() together (measured by bench_qmp), and each
    // allocation here is paid cold. isValidCommandName() has made the name ASCII.
    QByteArray &bytes = m_request;
    bytes.resize(0);
    bytes += "{\"execute\":\"";
    const qsizetype nameAt = bytes.size();
    bytes.resize(nameAt + command.size());
    std::transform(command.begin(), command.end(), bytes.data() + nameAt,
                   [](QChar c) { return char(c.unicode()); });
    bytes += '"';
    if (!arguments.isEmpty()) {
        bytes += ",\"arguments\":";
        bytes += QJsonDocument(arguments).toJson(QJsonDocument::Compact);
    }
    bytes += ",\"id\":";
    std::array<char, 24> digits{};
    const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), id).ptr;
    bytes.append(digits.data(), end - digits.data());
    bytes += '}';
    qCDebug(lcQmp).noquote() << "->" << forLog(bytes);
    bytes += "\r\n";
    m_transport->write(bytes);
}

bool QmpClient::isValidCommandName(QStringView name)
{
    // QAPI names, including vendor prefixes such as "__com.redhat_drive_add".
    if (name.isEmpty())
        return false;
    return std::all_of(name.begin(), name.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
               c == u'_' || c == u'-' || c == u'.';
    });
}

void QmpClient::rearmTimeoutTimer()
{
    if (m_pending.isEmpty()) {
        m_timeoutTimer.stop();
        return;
    }
    QDeadlineTimer soonest = QDeadlineTimer::Forever;
    for (const Pending &p : std::as_const(m_pending))
        soonest = std::min(soonest, p.deadline);
    m_timeoutTimerDeadline = soonest;
    m_timeoutTimer.start(
        int(std::clamp<qint64>(soonest.remainingTime(), 0, std::numeric_limits<int>::max())));
}

void QmpClient::onTimeoutTimer()
{
    QList<Pending> expired;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->deadline.hasExpired()) {
            expired.append(std::move(*it));
            it = m_pending.erase(it);
        } else {
            ++it;
        }
    }
    rearmTimeoutTimer();
    for (Pending &p : expired) {
        if (p.context)
            qCWarning(lcQmp) << p.command << "timed out after" << p.timeoutMs << "ms";
        deliver(p, QmpError::timeout(p.command, p.timeoutMs), {});
    }
}

void QmpClient::failAllPending(const QmpError::Kind kind, const QString &description)
{
    auto pending = std::exchange(m_pending, {});
    m_timeoutTimer.stop();
    for (Pending &p : pending) {
        deliver(p,
                kind == QmpError::Kind::Interrupted ? QmpError::interrupted(p.command)
                                                    : QmpError::protocol(p.command, description),
                {});
    }
}

void QmpClient::finishSession(const QmpError &error)
{
    if (m_state == State::Disconnected)
        return;
    m_greetingTimer.stop();
    m_lastError = error;
    if (error.isError())
        qCInfo(lcQmp).noquote() << "session ended:" << error.message();
    if (m_transport) {
        m_transport->disconnect(this);
        m_transport->abort();
        m_transport->deleteLater();
        m_transport = nullptr;
    }
    m_parser.reset();
    setState(State::Disconnected);
    if (error.kind() == QmpError::Kind::Protocol)
        failAllPending(QmpError::Kind::Protocol, error.description());
    else
        failAllPending(QmpError::Kind::Interrupted);
    Q_EMIT disconnected(error);
}
