// SPDX-License-Identifier: GPL-2.0-or-later
#include "qmp/qmpmessage.h"
#include "qmp/qmpstreamparser.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestQmpStreamParser final : public QObject
{
    Q_OBJECT

private:
    static QList<QByteArray> drain(QmpStreamParser &parser, QString *error = nullptr)
    {
        QList<QByteArray> out;
        QByteArray json;
        QString why;
        for (;;) {
            const auto status = parser.next(json, why);
            if (status == QmpStreamParser::Status::Message) {
                out << json;
                continue;
            }
            if (status == QmpStreamParser::Status::Error && error)
                *error = why;
            return out;
        }
    }

private Q_SLOTS:
    void splitsAtEveryPossibleBoundary()
    {
        const QByteArray stream =
            "{\"QMP\": {\"version\": {}, \"capabilities\": []}}\r\n"
            "{\"return\": {\"status\": \"run}{ning\", \"q\": \"a\\\"}\"}, \"id\": 1}\r\n"
            "{\"event\": \"STOP\", \"timestamp\": {\"seconds\": 1, \"microseconds\": 2}}\r\n";
        for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
            QmpStreamParser parser;
            parser.feed(QByteArrayView(stream).first(cut));
            QList<QByteArray> got = drain(parser);
            parser.feed(QByteArrayView(stream).sliced(cut));
            got += drain(parser);
            QCOMPARE(got.size(), 3);
            QVERIFY(got[1].contains("run}{ning"));
            QVERIFY(got[1].endsWith('}'));
        }
    }

    void prettyPrintedMessagesSpanLines()
    {
        QmpStreamParser parser;
        parser.feed("{\n    \"return\": {\n        \"running\": true\n    },\n    \"id\": 7\n}\n");
        const auto got = drain(parser);
        QCOMPARE(got.size(), 1);
        QmpMessage msg;
        QString error;
        QVERIFY2(QmpMessage::fromJson(got[0], msg, error), qPrintable(error));
        QCOMPARE(msg.type, QmpMessage::Type::Return);
        QCOMPARE(msg.id.toInteger(), 7);
        QCOMPARE(msg.value.toObject().value("running"_L1).toBool(), true);
    }

    void garbageBetweenMessagesIsAnError()
    {
        QmpStreamParser parser;
        parser.feed("{\"return\": {}, \"id\": 1}\r\nHELLO\r\n{\"return\": {}}");
        QString error;
        const auto got = drain(parser, &error);
        QCOMPARE(got.size(), 1);
        QVERIFY(error.contains("outside a JSON object"_L1));
        // Once failed, it stays failed until reset.
        parser.feed("{\"return\": {}}");
        QCOMPARE(drain(parser).size(), 0);
        parser.reset();
        parser.feed("{\"return\": {}}");
        QCOMPARE(drain(parser).size(), 1);
    }

    void deepNestingIsRefused()
    {
        QmpStreamParser parser;
        parser.feed(QByteArray(QByteArray("{\"a\":") + QByteArray(5000, '[')));
        QString error;
        QCOMPARE(drain(parser, &error).size(), 0);
        QVERIFY(error.contains("nested"_L1));
    }

    void oversizedMessageIsRefused()
    {
        QmpStreamParser parser(1024 * 1024);
        parser.feed("{\"return\": \"");
        parser.feed(QByteArray(2 * 1024 * 1024, 'x'));
        QString error;
        QCOMPARE(drain(parser, &error).size(), 0);
        QVERIFY(error.contains("exceeds"_L1));
    }

    void fiveMegabytesOneByteAtATime()
    {
        QByteArray big = "{\"return\": [";
        for (int i = 0; big.size() < 5 * 1024 * 1024; ++i)
            big += "{\"name\": \"member-" + QByteArray::number(i) + "\", \"brace\": \"}\"},";
        big.chop(1);
        big += "], \"id\": 3}\r\n";
        QmpStreamParser parser;
        QByteArray json;
        QString error;
        int messages = 0;
        for (const char c : std::as_const(big)) {
            parser.feed(QByteArrayView(&c, 1));
            if (parser.next(json, error) == QmpStreamParser::Status::Message)
                ++messages;
        }
        QCOMPARE(messages, 1);
        QCOMPARE(json, big.trimmed());
    }

    void classifiesMessages_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("type");
        QTest::newRow("greeting")
            << QByteArray(R"({"QMP": {"version": {"qemu": {}}, "capabilities": []}})") << true
            << int(QmpMessage::Type::Greeting);
        QTest::newRow("greeting without version")
            << QByteArray(R"({"QMP": {"capabilities": []}})") << false << 0;
        QTest::newRow("return") << QByteArray(R"({"return": 5, "id": 1})") << true
                                << int(QmpMessage::Type::Return);
        QTest::newRow("error")
            << QByteArray(R"({"error": {"class": "GenericError", "desc": "no"}, "id": 1})") << true
            << int(QmpMessage::Type::Error);
        QTest::newRow("error without desc")
            << QByteArray(R"({"error": {"class": "GenericError"}, "id": 1})") << false << 0;
        QTest::newRow("event")
            << QByteArray(R"({"event": "STOP", "timestamp": {"seconds": 1, "microseconds": 0}})")
            << true << int(QmpMessage::Type::Event);
        QTest::newRow("event without name") << QByteArray(R"({"event": 3})") << false << 0;
        QTest::newRow("unknown shape") << QByteArray(R"({"hello": "world"})") << false << 0;
        QTest::newRow("not an object") << QByteArray(R"([1, 2])") << false << 0;
        QTest::newRow("malformed") << QByteArray(R"({"return": nope})") << false << 0;
    }

    void classifiesMessages()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, valid);
        QFETCH(int, type);
        QmpMessage msg;
        QString error;
        QCOMPARE(QmpMessage::fromJson(json, msg, error), valid);
        if (valid)
            QCOMPARE(int(msg.type), type);
        else
            QVERIFY(!error.isEmpty());
    }

    // Replies take a short path that reads the envelope without a JSON document for the
    // whole message; whatever path a reply takes, it must read as its document says.
    void repliesReadAsTheirDocumentSays_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("query-status") << QByteArray(
            R"({"return": {"status": "prelaunch", "singlestep": false, "running": false}, "id": 12})");
        QTest::newRow("empty") << QByteArray(R"({"return": {}, "id": 1})");
        QTest::newRow("id first") << QByteArray("{\"id\": 7, \"return\": [1, {\"a\": \"}]\"}]}");
        QTest::newRow("spaces") << QByteArray(" \r\n{ \"return\" :\t{ } ,\n \"id\" : 3 }\r\n");
        QTest::newRow("braces and escapes in strings")
            << QByteArray("{\"return\": {\"s\": \"a\\\"}{[\\\\\", \"t\": \"\\u00e9\"}, \"id\": 2}");
        QTest::newRow("nested") << QByteArray(R"({"return": [[[{"x": [[]]}]]], "id": 900})");
        QTest::newRow("scalar") << QByteArray(R"({"return": 5, "id": 1})");
        QTest::newRow("string") << QByteArray(R"({"return": "host forwarding rule", "id": 1})");
        QTest::newRow("string id") << QByteArray(R"({"return": {}, "id": "abc"})");
        QTest::newRow("negative id") << QByteArray(R"({"return": {}, "id": -4})");
        QTest::newRow("fractional id") << QByteArray(R"({"return": {}, "id": 4.5})");
        QTest::newRow("huge id") << QByteArray(R"({"return": {}, "id": 123456789012345678901})");
        QTest::newRow("no id") << QByteArray(R"({"return": {}})");
        QTest::newRow("escaped key") << QByteArray("{\"ret\\u0075rn\": {\"a\": 1}, \"id\": 1}");
        QTest::newRow("extra member") << QByteArray(R"({"return": {}, "id": 1, "x": 2})");
        QTest::newRow("error") << QByteArray(
            R"({"error": {"class": "GenericError", "desc": "no"}, "id": 5})");
    }

    void repliesReadAsTheirDocumentSays()
    {
        QFETCH(QByteArray, json);
        const QJsonObject document = QJsonDocument::fromJson(json).object();
        QVERIFY(!document.isEmpty());
        QmpMessage msg;
        QString error;
        QVERIFY2(QmpMessage::fromJson(json, msg, error), qPrintable(error));
        QCOMPARE(msg.id, document.value("id"_L1));
        if (document.contains("return"_L1)) {
            QCOMPARE(msg.type, QmpMessage::Type::Return);
            QCOMPARE(msg.value, document.value("return"_L1));
        } else {
            QCOMPARE(msg.type, QmpMessage::Type::Error);
        }
    }

    void brokenRepliesAreRefusedWhicheverPathTheyTake_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("bad value") << QByteArray(R"({"return": {"a": nope}, "id": 1})");
        QTest::newRow("missing colon") << QByteArray(R"({"return" {}, "id": 1})");
        QTest::newRow("missing comma") << QByteArray(R"({"return": {} "id": 1})");
        QTest::newRow("trailing comma") << QByteArray(R"({"return": {}, "id": 1,})");
        QTest::newRow("unclosed") << QByteArray(R"({"return": {"a": 1}, "id": 1)");
        QTest::newRow("garbage after") << QByteArray(R"({"return": {}, "id": 1} x)");
        QTest::newRow("bad id") << QByteArray(R"({"return": {}, "id": 1x})");
    }

    void brokenRepliesAreRefusedWhicheverPathTheyTake()
    {
        QFETCH(QByteArray, json);
        QmpMessage msg;
        QString error;
        QVERIFY(!QmpMessage::fromJson(json, msg, error));
        QVERIFY(!error.isEmpty());
    }

    void eventTimestampIsUtc()
    {
        QmpMessage msg;
        QString error;
        QVERIFY(QmpMessage::fromJson(
            R"({"event": "RESUME", "timestamp": {"seconds": 1700000000, "microseconds": 250000}})",
            msg, error));
        QCOMPARE(msg.timestamp.toMSecsSinceEpoch(), 1700000000250LL);
        QCOMPARE(msg.name, u"RESUME"_s);
    }
};

QTEST_GUILESS_MAIN(TestQmpStreamParser)
#include "tst_qmpstreamparser.moc"
