// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QLocalServer>
#include <QObject>
#include <QString>

class MainWindow;

/// One Berth window per session: the first `berth` listens on a local socket in the
/// runtime folder (RuntimeFolder::root()/window.sock, mode 0700 like the folder); a second
/// `berth` asks it to come to the front and exits, and `berth view NAME` asks it to show
/// that VM's screen instead of opening a window of its own.
///
/// The request is one JSON line: {"library": ROOT} to show the window, plus
/// "view": NAME and "fullscreen": BOOL for a VM's screen. The answer is one line, "ok" or
/// "no" (another library, or no such VM: the caller then opens its own window).
class WindowServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WindowServer)

public:
    /// Serves requests for @p window, which shows @p libraryRoot.
    WindowServer(MainWindow *window, QString libraryRoot);
    ~WindowServer() override;

    /// Where the window listens.
    static QString socketPath();

    /// Starts listening, replacing a socket that nobody serves (left by a Berth that
    /// crashed). False when another window serves it, or it cannot listen.
    bool listen();
    bool isListening() const { return m_server.isListening(); }

    /// What a second Berth asks the running window.
    struct Request
    {
        QString libraryRoot;
        QString viewVm; ///< empty: just show the window
        bool fullScreen = false;
    };
    /// Client side, before any window exists: asks the running window (if there is one)
    /// to handle @p request. True when it did. Waits at most a few seconds: a window that
    /// does not answer is treated as absent.
    static bool forward(const Request &request);

private:
    void onNewConnection();
    bool handle(const QByteArray &line);

    MainWindow *m_window;
    QString m_libraryRoot;
    QLocalServer m_server;
};
