// SPDX-License-Identifier: GPL-2.0-or-later
// The QMP client against a scripted fake server: the error paths a real QEMU does
// not produce on demand. The happy paths are proven against QEMU in tst_qmpclient_qemu.
#include "qmp/qmpclient.h"
#include "tests/support/fakeqmpserver.h"
#include "tests/support/qmpclienttestaccess.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace {

// Only QemuMonitor sends commands (so no QMP command is spelled outside it): QmpClient keeps
// execute() and call() private. Were either reachable from here, this would not compile.
using Handler = std::function<void(const QmpError &, const QJsonValue &)>;
template<typename Client>
concept CanExecute = requires(Client &c, QString name, QJsonObject arguments)
{
    c.execute(name, arguments);
};
template<typename Client>
concept CanCall = requires(Client &c, QString name, QJsonObject arguments, Handler handler)
{
    c.call(name, arguments, nullptr, handler);
};
static_assert(!CanExecute<QmpClient> && !CanCall<QmpClient>,
              "QMP commands are sent through QemuMonitor only (tests: QmpClientTestAccess)");

/// Waits for a reply and copies out what a test needs (the reply deletes itself).
struct Outcome
{
    bool finished = false;
    bool finishedInsideExecute = false;
    QJsonValue result;
    QmpError error;
};

Outcome waitFor(QmpReply *reply, int timeoutMs = 10'000)
{
    Outcome out;
    QObject::connect(reply, &QmpReply::finished, reply, [&out, reply] {
        out.finished = true;
        out.result = reply->result();
        out.error = reply->error();
    });
    // A real event loop: QTest::qWaitFor sleeps between rounds and would throttle reads.
    if (!out.finished) {
        QEventLoop loop;
        QObject::connect(reply, &QmpReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return out;
}

} // namespace

class TestQmpClientFake final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeQmpServer> m_server;
    std::unique_ptr<QmpClient> m_client;

    bool connectReady()
    {
        m_server->expectNegotiation();
        QSignalSpy ready(m_client.get(), &QmpClient::ready);
        m_client->connectToUnixSocket(m_server->socketPath());
        return ready.wait(5000) && m_client->state() == QmpClient::State::Ready;
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeQmpServer>();
        QVERIFY(m_server->listen());
        m_client = std::make_unique<QmpClient>();
    }

    void cleanup()
    {
        if (m_server)
            QVERIFY2(m_server->failures().isEmpty(),
                     qPrintable(m_server->failures().join(u"; "_s)));
        m_client.reset();
        m_server.reset();
    }

    void negotiatesThroughVisibleStates()
    {
        QSignalSpy states(m_client.get(), &QmpClient::stateChanged);
        QVERIFY(connectReady());
        QCOMPARE(states.size(), 3);
        QCOMPARE(states[0][0].value<QmpClient::State>(), QmpClient::State::Connecting);
        QCOMPARE(states[1][0].value<QmpClient::State>(), QmpClient::State::Negotiating);
        QCOMPARE(states[2][0].value<QmpClient::State>(), QmpClient::State::Ready);
        QCOMPARE(m_client->greeting()
                     .value("version"_L1)
                     .toObject()
                     .value("qemu"_L1)
                     .toObject()
                     .value("major"_L1)
                     .toInt(),
                 7);
        QCOMPARE(m_server->received(), QStringList{u"qmp_capabilities"_s});
    }

    void sendsArgumentsAndMatchesReplyById()
    {
        QVERIFY(connectReady());
        const QJsonObject args{{u"device"_s, u"ide1-cd0"_s}, {u"force"_s, true}};
        m_server->expect(u"eject"_s, args).thenReturn(QJsonObject{});
        m_server->expect(u"query-status"_s, QJsonObject{})
            .thenReturn(QJsonObject{{u"status"_s, u"running"_s}, {u"running"_s, true}});
        QmpReply *eject = QmpClientTestAccess::execute(*m_client, u"eject"_s, args);
        QmpReply *status = QmpClientTestAccess::execute(*m_client, u"query-status"_s);
        Outcome s = waitFor(status);
        QVERIFY(s.finished);
        QVERIFY(!s.error.isError());
        QCOMPARE(s.result.toObject().value("status"_L1).toString(), u"running"_s);
        Q_UNUSED(eject);
        QVERIFY(m_server->allStepsDone());
    }

    void repliesOutOfOrderReachTheirCalls()
    {
        QVERIFY(connectReady());
        m_server->expect(u"query-name"_s)
            .thenReturn(QJsonObject{{u"name"_s, u"first"_s}})
            .thenHold();
        m_server->expect(u"query-uuid"_s)
            .thenReturn(QJsonObject{{u"UUID"_s, u"second"_s}})
            .thenHold();
        QmpReply *first = QmpClientTestAccess::execute(*m_client, u"query-name"_s);
        QmpReply *second = QmpClientTestAccess::execute(*m_client, u"query-uuid"_s);
        QString order;
        connect(first, &QmpReply::finished, this, [&] {
            order += u"1:"_s + first->result().toObject().value("name"_L1).toString() + u' ';
        });
        connect(second, &QmpReply::finished, this, [&] {
            order += u"2:"_s + second->result().toObject().value("UUID"_L1).toString() + u' ';
        });
        QTRY_COMPARE(m_server->received().size(), 3);
        m_server->releaseHeld(); // answers the second call first
        QTRY_COMPARE(order, u"2:second 1:first "_s);
    }

    void commandErrorCarriesClassAndDescription()
    {
        QVERIFY(connectReady());
        m_server->expect(u"device_del"_s)
            .thenError(u"DeviceNotFound"_s, u"Device 'nic9' not found"_s);
        const Outcome o = waitFor(
            QmpClientTestAccess::execute(*m_client, u"device_del"_s, {{u"id"_s, u"nic9"_s}}));
        QVERIFY(o.finished);
        QCOMPARE(o.error.kind(), QmpError::Kind::Command);
        QCOMPARE(o.error.errorClass(), u"DeviceNotFound"_s);
        QCOMPARE(o.error.description(), u"Device 'nic9' not found"_s);
        QCOMPARE(o.error.command(), u"device_del"_s);
        QVERIFY(o.error.message().contains("Device 'nic9' not found"_L1));
        QCOMPARE(m_client->state(), QmpClient::State::Ready); // a command error is not fatal
    }

    void malformedJsonEndsTheSession()
    {
        QVERIFY(connectReady());
        m_server->expect(u"query-status"_s)
            .thenRaw("{\"return\": {\"status\": running}, \"id\": %ID%}\r\n");
        QSignalSpy gone(m_client.get(), &QmpClient::disconnected);
        const Outcome o = waitFor(QmpClientTestAccess::execute(*m_client, u"query-status"_s));
        QCOMPARE(o.error.kind(), QmpError::Kind::Protocol);
        QVERIFY2(o.error.message().contains("malformed JSON"_L1), qPrintable(o.error.message()));
        QCOMPARE(m_client->state(), QmpClient::State::Disconnected);
        QCOMPARE(gone.size(), 1);
        QCOMPARE(gone[0][0].value<QmpError>().kind(), QmpError::Kind::Protocol);
        QCOMPARE(m_client->lastError().kind(), QmpError::Kind::Protocol);
    }

    void unknownIdIsDroppedAndSessionContinues()
    {
        QVERIFY(connectReady());
        m_server->expect(u"query-status"_s)
            .thenRaw("{\"return\": {\"status\": \"stray\"}, \"id\": 4242}\r\n"
                     "{\"return\": {\"status\": \"paused\"}, \"id\": %ID%}\r\n");
        const Outcome o = waitFor(QmpClientTestAccess::execute(*m_client, u"query-status"_s));
        QVERIFY(!o.error.isError());
        QCOMPARE(o.result.toObject().value("status"_L1).toString(), u"paused"_s);
        QCOMPARE(m_client->state(), QmpClient::State::Ready);
    }

    void errorWithoutIdEndsTheSession()
    {
        QVERIFY(connectReady());
        m_server->expect(u"query-status"_s)
            .thenRaw(
                R"({"error": {"class": "GenericError", "desc": "JSON parse error, invalid keyword"}})"
                "\r\n");
        const Outcome o = waitFor(QmpClientTestAccess::execute(*m_client, u"query-status"_s));
        QCOMPARE(o.error.kind(), QmpError::Kind::Protocol);
        QVERIFY(o.error.message().contains("invalid keyword"_L1));
        QCOMPARE(m_client->state(), QmpClient::State::Disconnected);
    }

    void greetingWithoutQmpKeyIsRefused()
    {
        m_server->setGreeting(R"({"QEMU": {"version": {}, "capabilities": []}})"
                              "\r\n");
        QSignalSpy gone(m_client.get(), &QmpClient::disconnected);
        QSignalSpy ready(m_client.get(), &QmpClient::ready);
        m_client->connectToUnixSocket(m_server->socketPath());
        QVERIFY(gone.wait(5000));
        QCOMPARE(ready.size(), 0);
        QCOMPARE(gone[0][0].value<QmpError>().kind(), QmpError::Kind::Protocol);
        QCOMPARE(m_client->state(), QmpClient::State::Disconnected);
        QVERIFY(m_server->received().isEmpty()); // never negotiated with a stranger
    }

    void silentServerTimesOutGreeting()
    {
        m_server->setGreeting({});
        m_client->setGreetingTimeout(std::chrono::milliseconds(300));
        QSignalSpy gone(m_client.get(), &QmpClient::disconnected);
        m_client->connectToUnixSocket(m_server->socketPath());
        QVERIFY(gone.wait(5000));
        const auto error = gone[0][0].value<QmpError>();
        QCOMPARE(error.kind(), QmpError::Kind::Connection);
        QVERIFY(error.message().contains("another program"_L1));
    }

    void missingSocketIsAConnectionError()
    {
        QSignalSpy gone(m_client.get(), &QmpClient::disconnected);
        m_client->connectToUnixSocket(m_server->socketPath() + u".missing"_s);
        QVERIFY(gone.size() == 1 || gone.wait(5000));
        const auto error = gone[0][0].value<QmpError>();
        QCOMPARE(error.kind(), QmpError::Kind::Connection);
        QVERIFY(error.message().contains(".missing"_L1));
    }

    void serverClosingMidReplyInterruptsPendingCalls()
    {
        QVERIFY(connectReady());
        m_server->expect(u"query-block"_s)
            .thenReturn(QJsonArray{QJsonObject{{u"device"_s, u"disk0"_s}}})
            .thenCloseAfter(12);
        QmpReply *block = QmpClientTestAccess::execute(*m_client, u"query-block"_s);
        QmpReply *other = QmpClientTestAccess::execute(*m_client, u"query-status"_s);
        QString otherError;
        connect(other, &QmpReply::finished, this, [&] { otherError = other->error().message(); });
        QSignalSpy gone(m_client.get(), &QmpClient::disconnected);
        const Outcome o = waitFor(block);
        QCOMPARE(o.error.kind(), QmpError::Kind::Interrupted);
        QVERIFY(o.error.message().contains("query-block"_L1));
        QTRY_VERIFY(!otherError.isEmpty());
        QVERIFY(gone.size() == 1 || gone.wait(2000));
        QVERIFY(gone[0][0].value<QmpError>().message().contains("middle of a message"_L1));
        // The unanswered query-status reached the server, but nothing was queued for it.
        m_server.reset();
    }

    void slowReplyTimesOutAndLateReplyIsDropped()
    {
        QVERIFY(connectReady());
        m_server->expect(u"query-migrate"_s).thenReturn(QJsonObject{}).thenDelay(600);
        const Outcome slow = waitFor(QmpClientTestAccess::execute(*m_client, u"query-migrate"_s, {},
                                                                  std::chrono::milliseconds(150)));
        QCOMPARE(slow.error.kind(), QmpError::Kind::Timeout);
        QVERIFY(slow.error.message().contains("query-migrate"_L1));
        // The late answer arrives with an id nobody waits for any more; the session lives on.
        QTRY_VERIFY(m_server->allStepsDone());
        m_server->expect(u"query-status"_s).thenReturn(QJsonObject{{u"status"_s, u"running"_s}});
        const Outcome next = waitFor(QmpClientTestAccess::execute(*m_client, u"query-status"_s));
        QVERIFY(!next.error.isError());
        QCOMPARE(next.result.toObject().value("status"_L1).toString(), u"running"_s);
    }

    void eachCallHasItsOwnTimeout()
    {
        QVERIFY(connectReady());
        m_server->expect(u"snapshot-save"_s).thenReturn(QJsonObject{}).thenDelay(500);
        m_server->expect(u"query-status"_s).thenReturn(QJsonObject{}).thenDelay(400);
        QmpReply *longCall =
            QmpClientTestAccess::execute(*m_client, u"snapshot-save"_s, {}, QmpClient::LongTimeout);
        QmpReply *shortCall = QmpClientTestAccess::execute(*m_client, u"query-status"_s, {},
                                                           std::chrono::milliseconds(100));
        bool longOk = false;
        connect(longCall, &QmpReply::finished, this, [&] { longOk = !longCall->hasError(); });
        const Outcome s = waitFor(shortCall);
        QCOMPARE(s.error.kind(), QmpError::Kind::Timeout);
        QTRY_VERIFY(longOk);
    }

    void fiveMegabyteReplyOneByteAtATime()
    {
        QVERIFY(connectReady());
        QJsonArray schema;
        qsizetype approx = 0;
        for (int i = 0; approx < 5 * 1024 * 1024; ++i) {
            const QString name = u"member-%1-{braces}-\"quoted\""_s.arg(i);
            schema.append(QJsonObject{{u"name"_s, name}, {u"meta-type"_s, u"object"_s}});
            approx += name.size() + 40;
        }
        m_server->expect(u"query-qmp-schema"_s).thenReturn(schema).thenBytewise();
        const Outcome o = waitFor(QmpClientTestAccess::execute(*m_client, u"query-qmp-schema"_s, {},
                                                               QmpClient::LongTimeout),
                                  120'000);
        QVERIFY(o.finished);
        QVERIFY2(!o.error.isError(), qPrintable(o.error.message()));
        QCOMPARE(o.result.toArray().size(), schema.size());
        QCOMPARE(o.result.toArray(), schema);
        QTRY_VERIFY(m_server->allStepsDone());
    }

    void eventsInterleavedWithRepliesAreDeliveredTypedAndInOrder()
    {
        QVERIFY(connectReady());
        QStringList seen;
        connect(m_client.get(), &QmpClient::eventReceived, this,
                [&](const QString &name, const QJsonObject &, const QDateTime &ts) {
                    seen << name;
                    QCOMPARE(ts.toMSecsSinceEpoch(), 1700000000250LL);
                });
        QSignalSpy stop(m_client.get(), &QmpClient::eventStop);
        QSignalSpy resume(m_client.get(), &QmpClient::eventResume);
        QSignalSpy shutdown(m_client.get(), &QmpClient::eventShutdown);
        QSignalSpy powerdown(m_client.get(), &QmpClient::eventPowerdown);
        QSignalSpy reset(m_client.get(), &QmpClient::eventReset);
        QSignalSpy panicked(m_client.get(), &QmpClient::eventGuestPanicked);
        QSignalSpy job(m_client.get(), &QmpClient::eventJobStatusChange);
        QSignalSpy tray(m_client.get(), &QmpClient::eventDeviceTrayMoved);
        QSignalSpy balloon(m_client.get(), &QmpClient::eventBalloonChange);

        const QByteArray ts = R"("timestamp": {"seconds": 1700000000, "microseconds": 250000})";
        m_server->expect(u"stop"_s).thenRaw(
            "{\"event\": \"STOP\", " + ts +
            "}\r\n{\"return\": {}, \"id\": %ID%}\r\n{\"event\": \"RESUME\", " + ts + "}\r\n");
        m_server->expect(u"query-status"_s).thenReturn(QJsonObject{});
        QmpReply *r1 = QmpClientTestAccess::execute(*m_client, u"stop"_s);
        bool r1Done = false;
        connect(r1, &QmpReply::finished, this, [&] {
            r1Done = true;
            QCOMPARE(seen, QStringList{u"STOP"_s}); // the event before the reply came first
        });
        QTRY_VERIFY(r1Done);
        m_server->sendEvent(u"SHUTDOWN"_s,
                            {{u"guest"_s, true}, {u"reason"_s, u"guest-shutdown"_s}});
        m_server->sendEvent(u"POWERDOWN"_s);
        m_server->sendEvent(u"RESET"_s,
                            {{u"guest"_s, false}, {u"reason"_s, u"host-qmp-system-reset"_s}});
        m_server->sendEvent(
            u"GUEST_PANICKED"_s,
            {{u"action"_s, u"pause"_s}, {u"info"_s, QJsonObject{{u"type"_s, u"hyper-v"_s}}}});
        m_server->sendEvent(u"JOB_STATUS_CHANGE"_s,
                            {{u"id"_s, u"snap0"_s}, {u"status"_s, u"concluded"_s}});
        m_server->sendEvent(
            u"DEVICE_TRAY_MOVED"_s,
            {{u"device"_s, u"ide1-cd0"_s}, {u"id"_s, u"/machine/cd"_s}, {u"tray-open"_s, true}});
        m_server->sendEvent(u"BALLOON_CHANGE"_s, {{u"actual"_s, 268435456}});
        m_server->sendEvent(u"VNC_CONNECTED"_s, {{u"server"_s, QJsonObject{}}});
        const Outcome o = waitFor(QmpClientTestAccess::execute(*m_client, u"query-status"_s));
        QVERIFY(!o.error.isError());

        QCOMPARE(seen,
                 (QStringList{u"STOP"_s, u"RESUME"_s, u"SHUTDOWN"_s, u"POWERDOWN"_s, u"RESET"_s,
                              u"GUEST_PANICKED"_s, u"JOB_STATUS_CHANGE"_s, u"DEVICE_TRAY_MOVED"_s,
                              u"BALLOON_CHANGE"_s, u"VNC_CONNECTED"_s}));
        QCOMPARE(stop.size(), 1);
        QCOMPARE(resume.size(), 1);
        QCOMPARE(shutdown.size(), 1);
        QCOMPARE(shutdown[0][0].toBool(), true);
        QCOMPARE(shutdown[0][1].toString(), u"guest-shutdown"_s);
        QCOMPARE(powerdown.size(), 1);
        QCOMPARE(reset[0][0].toBool(), false);
        QCOMPARE(reset[0][1].toString(), u"host-qmp-system-reset"_s);
        QCOMPARE(panicked[0][0].toString(), u"pause"_s);
        QCOMPARE(panicked[0][1].toJsonObject().value("type"_L1).toString(), u"hyper-v"_s);
        QCOMPARE(job[0][0].toString(), u"snap0"_s);
        QCOMPARE(job[0][1].toString(), u"concluded"_s);
        QCOMPARE(tray[0][0].toString(), u"ide1-cd0"_s);
        QCOMPARE(tray[0][1].toString(), u"/machine/cd"_s);
        QCOMPARE(tray[0][2].toBool(), true);
        QCOMPARE(balloon[0][0].toLongLong(), 268435456LL);
    }

    void callBeforeReadyFailsFromTheEventLoop()
    {
        QmpReply *reply = QmpClientTestAccess::execute(*m_client, u"query-status"_s);
        QVERIFY(!reply->isFinished()); // not inside execute(): the caller can still connect
        const Outcome o = waitFor(reply);
        QCOMPARE(o.error.kind(), QmpError::Kind::NotReady);
        QVERIFY(o.error.message().contains("disconnected"_L1));
        QVERIFY(m_server->received().isEmpty());
    }

    void invalidCommandNameIsRefusedWithoutSending()
    {
        QVERIFY(connectReady());
        const Outcome o =
            waitFor(QmpClientTestAccess::execute(*m_client, u"query-status\",\"x\":\"1"_s));
        QCOMPARE(o.error.kind(), QmpError::Kind::Command);
        QCOMPARE(o.error.errorClass(), u"CommandNotFound"_s);
        QCOMPARE(m_server->received(), QStringList{u"qmp_capabilities"_s});
        QVERIFY(QmpClient::isValidCommandName(u"__com.redhat_drive-add"_s));
        QVERIFY(!QmpClient::isValidCommandName(u""_s));
    }

    void disconnectInterruptsPendingCalls()
    {
        QVERIFY(connectReady());
        m_server->expect(u"query-status"_s).thenReturn(QJsonObject{}).thenHold();
        QmpReply *reply = QmpClientTestAccess::execute(*m_client, u"query-status"_s);
        QmpError error;
        connect(reply, &QmpReply::finished, this, [&] { error = reply->error(); });
        QTRY_COMPARE(m_server->received().size(), 2);
        QSignalSpy states(m_client.get(), &QmpClient::stateChanged);
        QSignalSpy gone(m_client.get(), &QmpClient::disconnected);
        m_client->disconnectFromServer();
        QCOMPARE(error.kind(), QmpError::Kind::Interrupted);
        QVERIFY(gone.size() == 1 || gone.wait(3000));
        QCOMPARE(states.first()[0].value<QmpClient::State>(), QmpClient::State::Closing);
        QCOMPARE(m_client->state(), QmpClient::State::Disconnected);
        QVERIFY(!gone[0][0].value<QmpError>().isError());
    }

    void callbackFormSkipsDestroyedContext()
    {
        QVERIFY(connectReady());
        m_server->expect(u"query-status"_s).thenReturn(QJsonObject{{u"status"_s, u"running"_s}});
        m_server->expect(u"query-name"_s).thenReturn(QJsonObject{});
        QString status;
        QmpClientTestAccess::execute(
            *m_client, u"query-status"_s, {}, this, [&](const QmpReply &r) {
                status = r.result().toObject().value("status"_L1).toString();
            });
        bool called = false;
        {
            QObject context;
            QmpClientTestAccess::execute(*m_client, u"query-name"_s, {}, &context,
                                         [&](const QmpReply &) { called = true; });
        }
        // Replies arrive in order: once a later call is answered, query-name's was handled.
        m_server->expect(u"query-uuid"_s).thenReturn(QJsonObject{});
        const Outcome later = waitFor(QmpClientTestAccess::execute(*m_client, u"query-uuid"_s));
        QVERIFY(later.finished);
        QCOMPARE(status, u"running"_s);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestQmpClientFake)
#include "tst_qmpclient_fake.moc"
