// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/window/windowserver.h"

#include "models/vm/runtimefolder.h"
#include "ui/window/mainwindow.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QPointer>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcWindowServer, "berth.window.server")

namespace {

constexpr int kConnectMs = 1000;
constexpr int kAnswerMs = 5000;
constexpr qsizetype kMaxRequest = 64 * 1024;

QString sameFolder(const QString &path)
{
    return QDir::cleanPath(QDir(path).absolutePath());
}

} // namespace

WindowServer::WindowServer(MainWindow *window, QString libraryRoot)
    : QObject(window)
    , m_window(window)
    , m_libraryRoot(sameFolder(libraryRoot))
{
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    connect(&m_server, &QLocalServer::newConnection, this, &WindowServer::onNewConnection);
}

WindowServer::~WindowServer() = default;

QString WindowServer::socketPath()
{
    return RuntimeFolder::root() + u"/window.sock"_s;
}

bool WindowServer::listen()
{
    if (const Outcome<> root = RuntimeFolder::ensureRoot(); !root) {
        qCWarning(lcWindowServer) << "no runtime folder:" << root.failure();
        return false;
    }
    const QString path = socketPath();
    {
        QLocalSocket probe;
        probe.connectToServer(path);
        if (probe.waitForConnected(kConnectMs))
            return false; // another window serves this session
    }
    QLocalServer::removeServer(path); // left behind by a Berth that did not end cleanly
    if (!m_server.listen(path)) {
        qCWarning(lcWindowServer) << "cannot listen on" << path << m_server.errorString();
        return false;
    }
    return true;
}

bool WindowServer::forward(const Request &request)
{
    QLocalSocket socket;
    socket.connectToServer(socketPath());
    if (!socket.waitForConnected(kConnectMs))
        return false;
    QJsonObject json{{u"library"_s, sameFolder(request.libraryRoot)}};
    if (!request.viewVm.isEmpty()) {
        json.insert(u"view"_s, request.viewVm);
        json.insert(u"fullscreen"_s, request.fullScreen);
    }
    socket.write(QJsonDocument(json).toJson(QJsonDocument::Compact) + '\n');
    if (!socket.waitForBytesWritten(kAnswerMs))
        return false;
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(kAnswerMs))
            return false;
    }
    return socket.readLine().trimmed() == "ok";
}

void WindowServer::onNewConnection()
{
    while (QLocalSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine()) {
                if (socket->bytesAvailable() > kMaxRequest)
                    socket->abort();
                return;
            }
            const bool ok = handle(socket->readLine(kMaxRequest));
            socket->write(ok ? "ok\n" : "no\n");
            socket->disconnectFromServer();
        });
    }
}

bool WindowServer::handle(const QByteArray &line)
{
    const QJsonObject json = QJsonDocument::fromJson(line).object();
    if (sameFolder(json.value(u"library"_s).toString()) != m_libraryRoot)
        return false; // another library: that Berth opens a window of its own
    const QString vm = json.value(u"view"_s).toString();
    if (vm.isEmpty()) {
        m_window->showFromTray();
        return true;
    }
    return m_window->showDisplayOf(vm, json.value(u"fullscreen"_s).toBool());
}
