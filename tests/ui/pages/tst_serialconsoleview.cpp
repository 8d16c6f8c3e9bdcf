// SPDX-License-Identifier: GPL-2.0-or-later
// The serial console view on a file written by the test: it follows appends without
// polling, keeps partial lines and UTF-8 sequences split across writes, notices a new
// run (serial.log moved to serial.log.old and begun again) and truncation, strips what
// a terminal would not print, and keeps only the last lines.
#include "ui/widgets/serialconsoleview.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

bool append(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Append) && f.write(data) == data.size();
}

} // namespace

class TestSerialConsoleView final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString log() const { return m_dir.filePath(u"serial.log"_s); }

private Q_SLOTS:
    void init()
    {
        QFile::remove(log());
        QFile::remove(log() + u".old"_s);
    }

    void followsAppendsAndNewRuns()
    {
        SerialConsoleView view;
        view.setLogFile(log()); // not there yet
        QCOMPARE(view.text(), QString());
        QVERIFY(append(log(), "first line\r\nhalf "));
        QTRY_COMPARE(view.text(), u"first line\nhalf "_s);
        // A UTF-8 character split across two writes, and an ANSI colour.
        QVERIFY(append(log(), "line \xc3"));
        QTRY_VERIFY(view.text().endsWith("half line "_L1));
        QVERIFY(append(log(), "\xa9 \x1b[1;32mgreen\x1b[0m\r\n"));
        QTRY_COMPARE(view.text(), u"first line\nhalf line é green\n"_s);

        // What a VM start does: the log moves away and a new one begins.
        QVERIFY(QFile::rename(log(), log() + u".old"_s));
        QVERIFY(append(log(), "second run\r\n"));
        QTRY_VERIFY(view.text().endsWith("second run\n"_L1));
        QVERIFY(view.text().startsWith("first line\n"_L1));
        QVERIFY(view.text().contains("new run"_L1));
        QVERIFY(append(log(), "more\r\n"));
        QTRY_VERIFY(view.text().endsWith("second run\nmore\n"_L1));
    }

    void noticesTruncation()
    {
        QVERIFY(append(log(), "a long line that will be cut away\n"));
        SerialConsoleView view;
        view.setLogFile(log());
        QCOMPARE(view.text(), u"a long line that will be cut away\n"_s);
        QFile f(log());
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("short\n");
        f.close();
        QTRY_VERIFY(view.text().endsWith("short\n"_L1));
        QVERIFY(view.text().contains("truncated"_L1));
    }

    void keepsOnlyTheLastLines()
    {
        QByteArray lines;
        for (int i = 1; i <= 300; ++i)
            lines += "line " + QByteArray::number(i) + '\n';
        QVERIFY(append(log(), lines));
        SerialConsoleView view;
        view.setMaximumLines(100);
        view.setLogFile(log());
        QVERIFY(view.text().contains("line 300\n"_L1));
        QVERIFY(!view.text().contains("line 150\n"_L1));
        QVERIFY(view.text().count(u'\n') <= 100);
    }

    void showsTheTailOfALargeLog()
    {
        const QByteArray line(99, 'x');
        QByteArray big;
        for (qint64 n = 0; n < SerialConsoleView::InitialTailBytes * 3 / 100; ++n)
            big += line + '\n';
        QVERIFY(append(log(), "the very first line\n" + big + "the last line\n"));
        SerialConsoleView view;
        view.setLogFile(log());
        QTRY_VERIFY(view.text().endsWith("the last line\n"_L1));
        QVERIFY(!view.text().contains("the very first line"_L1));
        QVERIFY(view.text().contains("Earlier output"_L1));
    }
};

QTEST_MAIN(TestSerialConsoleView)
#include "tst_serialconsoleview.moc"
