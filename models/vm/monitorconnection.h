// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "qmp/qmperror.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>

class QFileSystemWatcher;
class QmpClient;

/// One Berth process's connection to one QEMU monitor socket, made and kept.
///
/// QEMU creates the socket while it starts, refuses connections between bind() and
/// listen(), and greets only once its main loop runs; a monitor may also be held by another
/// client. open() therefore keeps trying, with a growing pause (10 ms up to 200 ms), until
/// the connection is negotiated (ready()) or the deadline passes (gaveUp()). For a QEMU
/// being started, it waits for the socket to appear (inotify on its folder) instead of
/// polling. Once ready, a connection that closes is reported by lost(); what to do then
/// is the caller's choice.
class MonitorConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MonitorConnection)

public:
    /// Why a connection is being made: it sets how long QEMU may take to greet.
    enum class Purpose
    {
        Start,     ///< QEMU was just launched: the socket may not exist yet
        Attach,    ///< QEMU runs already
        Reconnect, ///< the connection was lost while QEMU kept running
    };

    explicit MonitorConnection(QObject *parent = nullptr);
    ~MonitorConnection() override;

    void setSocketPath(const QString &path) { m_socketPath = path; }
    QString socketPath() const { return m_socketPath; }

    /// The client, for as long as this connection lives (never null). Its typed event
    /// signals are how the caller follows QEMU.
    QmpClient *client() const { return m_client; }
    bool isReady() const;
    /// Between open() and ready() or gaveUp().
    bool isConnecting() const { return m_connecting; }
    /// Whether the client is not disconnected (connecting, ready or closing).
    bool isOpen() const;

    void open(Purpose purpose, std::chrono::milliseconds deadline);
    /// Stops trying and closes the connection; nothing more is reported.
    void close();

Q_SIGNALS:
    /// Negotiated: commands may be sent.
    void ready();
    /// The deadline passed; @p why says what the last attempt met.
    void gaveUp(const QString &why);
    /// A ready connection closed (QEMU exited, or the socket broke).
    void lost(const QmpError &error);

private:
    void tryConnect();
    void onDisconnected(const QmpError &error);
    void stopTrying();

    QString m_socketPath;
    QmpClient *m_client; // a child
    QFileSystemWatcher *m_folderWatcher = nullptr;
    Purpose m_purpose = Purpose::Attach;
    bool m_connecting = false;
    bool m_closed = false; ///< close() was called: a disconnection is expected
    int m_retryDelayMs = 0;
    QString m_lastFailure;
    QTimer m_retryTimer;
    QTimer m_deadlineTimer;
};
