// SPDX-License-Identifier: GPL-2.0-or-later
#include "tests/support/fakeqmpserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QTimer>

#include <cerrno>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray line(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + "\r\n";
}

} // namespace

FakeQmpServer::Step &FakeQmpServer::Step::thenReturn(const QJsonValue &value)
{
    // Built by hand so that %ID% can be substituted like in raw replies.
    const QByteArray v = QJsonDocument(QJsonObject{{u"v"_s, value}}).toJson(QJsonDocument::Compact);
    reply = "{\"return\": " + v.mid(5, v.size() - 6) + ", \"id\": %ID%}\r\n";
    return *this;
}

FakeQmpServer::Step &FakeQmpServer::Step::thenError(const QString &errorClass,
                                                    const QString &description)
{
    const QJsonObject err{{u"class"_s, errorClass}, {u"desc"_s, description}};
    reply =
        "{\"error\": " + QJsonDocument(err).toJson(QJsonDocument::Compact) + ", \"id\": %ID%}\r\n";
    return *this;
}

FakeQmpServer::Step &FakeQmpServer::Step::thenRaw(const QByteArray &bytes)
{
    reply = bytes;
    return *this;
}

FakeQmpServer::Step &FakeQmpServer::Step::thenDelay(int ms)
{
    delayMs = ms;
    return *this;
}

FakeQmpServer::Step &FakeQmpServer::Step::thenCloseAfter(qsizetype bytes)
{
    closeAfterBytes = bytes;
    return *this;
}

FakeQmpServer::Step &FakeQmpServer::Step::thenBytewise()
{
    bytewise = true;
    return *this;
}

FakeQmpServer::Step &FakeQmpServer::Step::thenHold()
{
    hold = true;
    return *this;
}

FakeQmpServer::FakeQmpServer(QObject *parent)
    : QObject(parent)
    , m_dir(QDir::tempPath() + u"/berth-fakeqmp-XXXXXX"_s)
    , m_server(new QLocalServer(this))
    , m_greeting(defaultGreeting())
{
    connect(m_server, &QLocalServer::newConnection, this, &FakeQmpServer::onNewConnection);
}

FakeQmpServer::~FakeQmpServer()
{
    if (m_writer.joinable())
        m_writer.join();
}

bool FakeQmpServer::listen()
{
    return m_server->listen(socketPath());
}

QString FakeQmpServer::socketPath() const
{
    return m_dir.filePath(u"qmp.sock"_s);
}

QByteArray FakeQmpServer::defaultGreeting()
{
    return R"({"QMP": {"version": {"qemu": {"micro": 22, "minor": 2, "major": 7}, "package": "fake"}, "capabilities": ["oob"]}})"
           "\r\n";
}

FakeQmpServer::Step &FakeQmpServer::expect(const QString &command,
                                           std::optional<QJsonObject> arguments)
{
    Step step;
    step.command = command;
    step.arguments = std::move(arguments);
    step.thenReturn(QJsonObject{});
    m_steps.push_back(std::move(step));
    return m_steps.back();
}

void FakeQmpServer::expectNegotiation()
{
    expect(u"qmp_capabilities"_s);
}

bool FakeQmpServer::hasClient() const
{
    return m_client && m_client->state() == QLocalSocket::ConnectedState;
}

void FakeQmpServer::onNewConnection()
{
    QLocalSocket *socket = m_server->nextPendingConnection();
    if (m_client) {
        m_failures << u"a second client connected"_s;
        socket->abort();
        socket->deleteLater();
        return;
    }
    m_client = socket;
    connect(socket, &QLocalSocket::readyRead, this, &FakeQmpServer::onReadyRead);
    if (!m_greeting.isEmpty())
        sendRaw(m_greeting);
    Q_EMIT clientConnected();
}

void FakeQmpServer::sendRaw(const QByteArray &bytes)
{
    if (!m_client)
        return;
    m_client->write(bytes);
    m_client->flush();
}

void FakeQmpServer::sendEvent(const QString &name, const QJsonObject &data)
{
    QJsonObject event{
        {u"event"_s, name},
        {u"timestamp"_s, QJsonObject{{u"seconds"_s, 1700000000}, {u"microseconds"_s, 250000}}}};
    if (!data.isEmpty())
        event.insert(u"data"_s, data);
    sendRaw(line(event));
}

void FakeQmpServer::releaseHeld()
{
    while (!m_held.isEmpty())
        sendRaw(m_held.takeLast());
}

void FakeQmpServer::closeClient()
{
    if (m_client)
        m_client->disconnectFromServer();
}

void FakeQmpServer::onReadyRead()
{
    m_inbox += m_client->readAll();
    qsizetype end;
    while ((end = m_inbox.indexOf('\n')) >= 0) {
        const QByteArray one = m_inbox.left(end).trimmed();
        m_inbox.remove(0, end + 1);
        if (!one.isEmpty())
            handleLine(one);
    }
}

void FakeQmpServer::handleLine(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (!doc.isObject()) {
        m_failures << u"client sent malformed JSON: %1"_s.arg(QString::fromUtf8(bytes));
        return;
    }
    const QJsonObject msg = doc.object();
    const QString command = msg.value("execute"_L1).toString();
    m_received << command;
    Q_EMIT commandReceived(command);
    if (!msg.contains("id"_L1)) {
        m_failures << u"client sent %1 without an id"_s.arg(command);
        return;
    }
    const QByteArray id = QJsonDocument(QJsonArray{msg.value("id"_L1)})
                              .toJson(QJsonDocument::Compact)
                              .mid(1)
                              .chopped(1);
    if (m_steps.empty()) {
        m_failures << u"unexpected command %1"_s.arg(command);
        return;
    }
    const Step step = m_steps.front();
    m_steps.pop_front();
    if (step.command != command) {
        m_failures << u"expected %1, got %2"_s.arg(step.command, command);
        return;
    }
    if (step.arguments && msg.value("arguments"_L1).toObject() != *step.arguments) {
        m_failures << u"%1: expected arguments %2, got %3"_s.arg(
            command,
            QString::fromUtf8(QJsonDocument(*step.arguments).toJson(QJsonDocument::Compact)),
            QString::fromUtf8(QJsonDocument(msg.value("arguments"_L1).toObject())
                                  .toJson(QJsonDocument::Compact)));
    }
    if (step.delayMs > 0) {
        m_busy = true;
        QTimer::singleShot(step.delayMs, this, [this, step, id] {
            m_busy = false;
            answer(step, id);
        });
    } else {
        answer(step, id);
    }
}

void FakeQmpServer::answer(const Step &step, const QByteArray &id)
{
    QByteArray bytes = step.reply;
    bytes.replace("%ID%", id);
    if (step.hold) {
        m_held << bytes;
        return;
    }
    if (step.closeAfterBytes >= 0) {
        sendRaw(bytes.left(step.closeAfterBytes));
        closeClient();
        return;
    }
    if (step.bytewise) {
        writeBytewise(bytes);
        return;
    }
    sendRaw(bytes);
}

void FakeQmpServer::writeBytewise(const QByteArray &bytes)
{
    if (!m_client)
        return;
    // One write(2) per byte from a thread of its own, so the client really sees the
    // reply trickle in while its event loop runs.
    m_client->flush();
    const int fd = ::dup(int(m_client->socketDescriptor()));
    m_busy = true;
    if (m_writer.joinable())
        m_writer.join();
    m_writer = std::thread([this, fd, bytes] {
        for (const char c : bytes) {
            ssize_t n;
            while ((n = ::send(fd, &c, 1, MSG_NOSIGNAL)) < 0 &&
                   (errno == EINTR || errno == EAGAIN)) {
                pollfd p{fd, POLLOUT, 0};
                ::poll(&p, 1, 100);
            }
            if (n < 0)
                break; // the client went away
        }
        ::close(fd);
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_busy = false;
                Q_EMIT bytewiseDone();
            },
            Qt::QueuedConnection);
    });
}
