// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/monitorconnection.h"

#include "qmp/qmpclient.h"

#include <QFileInfo>
#include <QFileSystemWatcher>

using namespace std::chrono_literals;

namespace {

constexpr int kFirstRetryMs = 10;
constexpr int kMaxRetryMs = 200;
// How long QEMU may take to greet once connected while it starts: it greets from its main
// loop, after machine initialisation, which a loaded host can make slow.
constexpr auto kStartGreetingTimeout = 20s;

} // namespace

MonitorConnection::MonitorConnection(QObject *parent)
    : QObject(parent)
    , m_client(new QmpClient(this))
{
    connect(m_client, &QmpClient::ready, this, [this] {
        if (!m_connecting)
            return;
        stopTrying();
        Q_EMIT ready();
    });
    connect(m_client, &QmpClient::disconnected, this, &MonitorConnection::onDisconnected);
    m_retryTimer.setSingleShot(true);
    m_deadlineTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &MonitorConnection::tryConnect);
    connect(&m_deadlineTimer, &QTimer::timeout, this, [this] {
        if (!m_connecting)
            return;
        const QString why = m_lastFailure.isEmpty() ? tr("it did not answer") : m_lastFailure;
        close();
        Q_EMIT gaveUp(why);
    });
}

MonitorConnection::~MonitorConnection()
{
    m_client->disconnect(this);
}

bool MonitorConnection::isReady() const
{
    return m_client->isReady() && !m_connecting;
}

bool MonitorConnection::isOpen() const
{
    return m_client->state() != QmpClient::State::Disconnected;
}

void MonitorConnection::open(Purpose purpose, std::chrono::milliseconds deadline)
{
    m_purpose = purpose;
    m_connecting = true;
    m_closed = false;
    m_lastFailure.clear();
    m_retryDelayMs = kFirstRetryMs;
    m_deadlineTimer.start(deadline);
    m_client->setGreetingTimeout(purpose == Purpose::Start ? kStartGreetingTimeout
                                                           : QmpClient::DefaultGreetingTimeout);
    if (purpose == Purpose::Start) {
        // Connect when QEMU has made the socket, not before. Watching starts before the
        // first look, so the creation cannot slip between the two.
        if (!m_folderWatcher) {
            m_folderWatcher = new QFileSystemWatcher(this);
            connect(m_folderWatcher, &QFileSystemWatcher::directoryChanged, this, [this] {
                if (m_connecting && !m_retryTimer.isActive())
                    tryConnect();
            });
        }
        m_folderWatcher->addPath(QFileInfo(m_socketPath).absolutePath());
    }
    if (m_client->state() == QmpClient::State::Ready) {
        // Still connected from before (attach() again): nothing to wait for.
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_connecting && m_client->isReady()) {
                    stopTrying();
                    Q_EMIT ready();
                }
            },
            Qt::QueuedConnection);
        return;
    }
    tryConnect();
}

void MonitorConnection::close()
{
    stopTrying();
    m_closed = true;
    if (m_client->state() != QmpClient::State::Disconnected)
        m_client->disconnectFromServer();
}

void MonitorConnection::tryConnect()
{
    if (!m_connecting || m_client->state() != QmpClient::State::Disconnected)
        return;
    if (m_purpose == Purpose::Start && m_folderWatcher &&
        !m_folderWatcher->directories().isEmpty() && !QFileInfo::exists(m_socketPath))
        return; // directoryChanged() calls again
    m_client->connectToUnixSocket(m_socketPath);
}

void MonitorConnection::onDisconnected(const QmpError &error)
{
    if (m_closed)
        return;
    if (m_connecting) {
        if (error.isError())
            m_lastFailure = error.message();
        // Bounded by the deadline.
        m_retryTimer.start(m_retryDelayMs);
        m_retryDelayMs = std::min(m_retryDelayMs * 2, kMaxRetryMs);
        return;
    }
    Q_EMIT lost(error);
}

void MonitorConnection::stopTrying()
{
    m_connecting = false;
    m_retryTimer.stop();
    m_deadlineTimer.stop();
    if (m_folderWatcher && !m_folderWatcher->directories().isEmpty())
        m_folderWatcher->removePaths(m_folderWatcher->directories());
}
