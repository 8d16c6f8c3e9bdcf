// SPDX-License-Identifier: GPL-2.0-or-later
// The QMP client against a real qemu-system-x86_64 (TCG, no display, paused with -S).
#include "qmp/qmpclient.h"
#include "tests/support/qmpclienttestaccess.h"
#include "tests/support/testqemu.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Outcome
{
    bool finished = false;
    QJsonValue result;
    QmpError error;
};

Outcome call(QmpClient &client, const QString &command, const QJsonObject &args = {},
             std::chrono::milliseconds timeout = QmpClient::ShortTimeout)
{
    Outcome out;
    QmpReply *reply = QmpClientTestAccess::execute(client, command, args, timeout);
    QObject::connect(reply, &QmpReply::finished, reply, [&out, reply] {
        out.finished = true;
        out.result = reply->result();
        out.error = reply->error();
    });
    // A real event loop: QTest::qWaitFor sleeps between rounds and would throttle reads.
    if (!out.finished) {
        QEventLoop loop;
        QObject::connect(reply, &QmpReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return out;
}

QString status(QmpClient &client)
{
    return call(client, u"query-status"_s).result.toObject().value("status"_L1).toString();
}

} // namespace

class TestQmpClientQemu final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (TestQemu::binary().isEmpty())
            QFAIL("qemu-system-x86_64 is not installed (apt install qemu-system-x86)");
    }

    void fullSessionAgainstRealQemu()
    {
        TestQemu qemu;
        QString error;
        QVERIFY2(qemu.start(&error), qPrintable(error));

        QmpClient client;
        QSignalSpy ready(&client, &QmpClient::ready);
        client.connectToUnixSocket(qemu.monitorPath());
        QVERIFY(ready.wait(10'000));
        QCOMPARE(client.state(), QmpClient::State::Ready);
        QVERIFY(client.greeting().value("capabilities"_L1).isArray());

        const Outcome version = call(client, u"query-version"_s);
        QVERIFY2(!version.error.isError(), qPrintable(version.error.message()));
        const int major =
            version.result.toObject().value("qemu"_L1).toObject().value("major"_L1).toInt();
        QVERIFY2(major >= 7, qPrintable(QString::number(major)));
        QCOMPARE(client.greeting()
                     .value("version"_L1)
                     .toObject()
                     .value("qemu"_L1)
                     .toObject()
                     .value("major"_L1)
                     .toInt(),
                 major);

        QCOMPARE(status(client), u"prelaunch"_s);

        // The biggest reply QEMU has: several MB of schema.
        const Outcome schema = call(client, u"query-qmp-schema"_s, {}, QmpClient::LongTimeout);
        QVERIFY2(!schema.error.isError(), qPrintable(schema.error.message()));
        const QJsonArray entities = schema.result.toArray();
        QVERIFY2(entities.size() > 1000, qPrintable(QString::number(entities.size())));
        bool hasQueryStatus = false;
        for (const QJsonValue &e : entities)
            hasQueryStatus =
                hasQueryStatus || e.toObject().value("name"_L1).toString() == "query-status"_L1;
        QVERIFY(hasQueryStatus);

        // A real command error: QMP's class and desc come through.
        const Outcome bogus = call(client, u"no-such-command"_s);
        QCOMPARE(bogus.error.kind(), QmpError::Kind::Command);
        QCOMPARE(bogus.error.errorClass(), u"CommandNotFound"_s);
        QVERIFY(bogus.error.description().contains("no-such-command"_L1));

        QSignalSpy resume(&client, &QmpClient::eventResume);
        QSignalSpy stop(&client, &QmpClient::eventStop);
        QVERIFY(!call(client, u"cont"_s).error.isError());
        QVERIFY(resume.size() == 1 || resume.wait(5000));
        QCOMPARE(status(client), u"running"_s);

        QVERIFY(!call(client, u"stop"_s).error.isError());
        QVERIFY(stop.size() == 1 || stop.wait(5000));
        QCOMPARE(status(client), u"paused"_s);

        QSignalSpy shutdown(&client, &QmpClient::eventShutdown);
        QSignalSpy gone(&client, &QmpClient::disconnected);
        const Outcome quit = call(client, u"quit"_s);
        QVERIFY2(!quit.error.isError(), qPrintable(quit.error.message()));
        QVERIFY(shutdown.size() == 1 || shutdown.wait(5000));
        QCOMPARE(shutdown[0][0].toBool(), false); // the host asked, not the guest
        QCOMPARE(shutdown[0][1].toString(), u"host-qmp-quit"_s);
        QVERIFY(gone.size() == 1 || gone.wait(5000));
        QVERIFY2(!gone[0][0].value<QmpError>().isError(),
                 qPrintable(gone[0][0].value<QmpError>().message()));
        QCOMPARE(client.state(), QmpClient::State::Disconnected);
        QVERIFY(qemu.process().state() == QProcess::NotRunning ||
                qemu.process().waitForFinished(10'000));

        // After the socket closed, calls fail at once with a clear reason.
        const Outcome after = call(client, u"query-status"_s);
        QCOMPARE(after.error.kind(), QmpError::Kind::NotReady);
    }

    void qemuKilledInterruptsPendingCall()
    {
        TestQemu qemu;
        QString error;
        QVERIFY2(qemu.start(&error), qPrintable(error));
        QmpClient client;
        QSignalSpy ready(&client, &QmpClient::ready);
        client.connectToUnixSocket(qemu.monitorPath());
        QVERIFY(ready.wait(10'000));
        QSignalSpy gone(&client, &QmpClient::disconnected);
        qemu.kill();
        QVERIFY(gone.size() == 1 || gone.wait(5000));
        QCOMPARE(client.state(), QmpClient::State::Disconnected);
        QCOMPARE(call(client, u"query-status"_s).error.kind(), QmpError::Kind::NotReady);
    }

    void secondClientOnOneMonitorIsTold()
    {
        TestQemu qemu;
        QString error;
        QVERIFY2(qemu.start(&error), qPrintable(error));
        QmpClient first;
        QSignalSpy ready(&first, &QmpClient::ready);
        first.connectToUnixSocket(qemu.monitorPath());
        QVERIFY(ready.wait(10'000));

        // QEMU 7.2 serves one client per monitor; the second waits without a greeting.
        QmpClient second;
        second.setGreetingTimeout(std::chrono::milliseconds(500));
        QSignalSpy gone(&second, &QmpClient::disconnected);
        second.connectToUnixSocket(qemu.monitorPath());
        QVERIFY(gone.wait(5000));
        QCOMPARE(gone[0][0].value<QmpError>().kind(), QmpError::Kind::Connection);
        QCOMPARE(status(first), u"prelaunch"_s); // the first is unaffected
    }

    void tcpMonitor()
    {
        // Find a free loopback port, then hand it to QEMU.
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        TestQemu qemu(0, {u"-qmp"_s, u"tcp:127.0.0.1:%1,server=on,wait=off"_s.arg(port)});
        QString error;
        QVERIFY2(qemu.start(&error), qPrintable(error));
        QmpClient client;
        QSignalSpy ready(&client, &QmpClient::ready);
        QSignalSpy gone(&client, &QmpClient::disconnected);
        // QEMU may not listen yet when it has just started: retry briefly.
        for (int attempt = 0; attempt < 50 && ready.isEmpty(); ++attempt) {
            client.connectToHost(u"127.0.0.1"_s, port);
            (void)QTest::qWaitFor([&] { return !ready.isEmpty() || !gone.isEmpty(); }, 5000);
            if (ready.isEmpty()) {
                gone.clear();
                QTest::qWait(100);
            }
        }
        QVERIFY(!ready.isEmpty());
        QCOMPARE(status(client), u"prelaunch"_s);
    }
};

QTEST_GUILESS_MAIN(TestQmpClientQemu)
#include "tst_qmpclient_qemu.moc"
