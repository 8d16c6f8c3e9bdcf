// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTemporaryDir>

#include <deque>
#include <optional>
#include <thread>

class QLocalServer;
class QLocalSocket;

/// A scripted QMP server for the error paths a real QEMU cannot produce on demand
/// (libvirt's qemumonitortestutils). Tests queue the commands they expect, in order,
/// with the arguments to check and what to answer; anything else is recorded as a
/// failure that the test asserts on through failures().
///
/// Replies are written with the id the client sent. Raw replies may contain `%ID%`,
/// which is replaced by that id.
class FakeQmpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeQmpServer)

public:
    struct Step
    {
        QString command;
        std::optional<QJsonObject> arguments; ///< checked when set
        QByteArray reply;                     ///< full bytes to send, %ID% replaced
        int delayMs = 0;                      ///< wait before answering
        qsizetype closeAfterBytes = -1;       ///< send only this many bytes, then close
        bool bytewise = false;                ///< one write() per byte, from a thread
        bool hold = false;                    ///< keep until releaseHeld()

        Step &thenReturn(const QJsonValue &value);
        Step &thenError(const QString &errorClass, const QString &description);
        Step &thenRaw(const QByteArray &bytes);
        Step &thenDelay(int ms);
        Step &thenCloseAfter(qsizetype bytes);
        Step &thenBytewise();
        Step &thenHold();
    };

    explicit FakeQmpServer(QObject *parent = nullptr);
    ~FakeQmpServer() override;

    /// Starts listening on a socket in a fresh temporary folder.
    bool listen();
    QString socketPath() const;

    static QByteArray defaultGreeting();
    /// Bytes sent as soon as a client connects; empty sends nothing.
    void setGreeting(const QByteArray &bytes) { m_greeting = bytes; }

    Step &expect(const QString &command, std::optional<QJsonObject> arguments = std::nullopt);
    /// The usual qmp_capabilities → {"return": {}}.
    void expectNegotiation();

    /// Sends bytes to the connected client now.
    void sendRaw(const QByteArray &bytes);
    void sendEvent(const QString &name, const QJsonObject &data = {});
    /// Sends the held replies, last held first.
    void releaseHeld();
    void closeClient();

    bool hasClient() const;
    bool allStepsDone() const { return m_steps.empty() && !m_busy; }
    const QStringList &failures() const { return m_failures; }
    const QStringList &received() const { return m_received; }

Q_SIGNALS:
    void clientConnected();
    void commandReceived(const QString &command);
    void bytewiseDone();

private:
    void onNewConnection();
    void onReadyRead();
    void handleLine(const QByteArray &line);
    void answer(const Step &step, const QByteArray &id);
    void writeBytewise(const QByteArray &bytes);

    QTemporaryDir m_dir;
    QLocalServer *m_server = nullptr;
    QPointer<QLocalSocket> m_client;
    QByteArray m_greeting;
    QByteArray m_inbox;
    std::deque<Step> m_steps;
    QList<QByteArray> m_held;
    QStringList m_failures;
    QStringList m_received;
    std::thread m_writer;
    bool m_busy = false;
};
