// SPDX-License-Identifier: GPL-2.0-or-later
// SerialText: a guest's console bytes made safe for the user's terminal.
#include "models/vm/serialtext.h"

#include <QTest>

class TestSerialText final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleans_data()
    {
        QTest::addColumn<QByteArray>("guest");
        QTest::addColumn<QByteArray>("shown");
        QTest::newRow("text") << QByteArray("Booting\r\nready\n") << QByteArray("Booting\nready\n");
        QTest::newRow("tab kept") << QByteArray("a\tb") << QByteArray("a\tb");
        QTest::newRow("utf-8") << QByteArray("h\xc3\xa9llo \xe4\xb8\xad")
                               << QByteArray("h\xc3\xa9llo \xe4\xb8\xad");
        QTest::newRow("colours") << QByteArray("\x1b[1;31mRED\x1b[0m") << QByteArray("RED");
        QTest::newRow("clear screen") << QByteArray("\x1b[2J\x1b[Hx") << QByteArray("x");
        QTest::newRow("window title (BEL)")
            << QByteArray("\x1b]0;owned\x07" "after") << QByteArray("after");
        QTest::newRow("window title (ST)")
            << QByteArray("\x1b]2;owned\x1b\\after") << QByteArray("after");
        QTest::newRow("DCS") << QByteArray("\x1bP1$r\x1b\\z") << QByteArray("z");
        QTest::newRow("charset switch") << QByteArray("\x1b(0q\x1b(B") << QByteArray("q");
        QTest::newRow("keypad mode") << QByteArray("\x1b=k") << QByteArray("k");
        QTest::newRow("8-bit CSI (U+009B)") << QByteArray("\xc2\x9b"
                                                          "2Jok")
                                            << QByteArray("ok");
        QTest::newRow("8-bit OSC") << QByteArray("\xc2\x9d"
                                                 "0;t\x07ok")
                                   << QByteArray("ok");
        QTest::newRow("C0 controls") << QByteArray("a\x07\x08\x00\x05\x7f"
                                                   "b",
                                                   8)
                                     << QByteArray("ab");
        QTest::newRow("lone carriage return")
            << QByteArray("progress\rdone") << QByteArray("progressdone");
        QTest::newRow("invalid UTF-8") << QByteArray("a\xff"
                                                     "b")
                                       << QByteArray("a\xef\xbf\xbd"
                                                     "b");
        QTest::newRow("unfinished sequence") << QByteArray("tail\x1b[12") << QByteArray("tail");
    }

    void cleans()
    {
        QFETCH(QByteArray, guest);
        QFETCH(QByteArray, shown);
        QCOMPARE(SerialText::clean(guest), shown);
        // The same byte by byte: a sequence or a character split between reads.
        SerialText text;
        QByteArray pieces;
        for (const char c : std::as_const(guest))
            pieces += text.feed(QByteArrayView(&c, 1));
        pieces += text.finish();
        QCOMPARE(pieces, shown);
    }
};

QTEST_GUILESS_MAIN(TestSerialText)
#include "tst_serialtext.moc"
