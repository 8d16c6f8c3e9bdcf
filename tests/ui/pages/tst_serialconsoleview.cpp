// SPDX-License-Identifier: GPL-2.0-or-later
// The serial console view on a file written by the test: it follows appends without
// polling, keeps partial lines and UTF-8 sequences split across writes, notices a new
// run (serial.log moved to serial.log.old and begun again) and truncation, strips what
// a terminal would not print, and keeps only the last lines.
#include "models/vm/serialkeeper.h"
#include "models/vm/vmlayout.h"
#include "ui/widgets/serialconsoleview.h"

#include <QDir>
#include <QFile>
#include <QLocalSocket>
#include <QPlainTextEdit>
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

    void typingGoesToTheGuestsSerialPort()
    {
        // The real SerialKeeper; a local socket stands for QEMU's serial chardev.
        QTemporaryDir dir;
        QVERIFY(QDir().mkpath(dir.filePath(u"vm"_s)) && QDir().mkpath(dir.filePath(u"run"_s)));
        const VmLayout layout =
            VmLayout::ofFolder(dir.filePath(u"vm"_s)).withRuntimeFolder(dir.filePath(u"run"_s));
        const Outcome<qint64> keeper = SerialKeeper::start(layout, SerialKeeper::DefaultLogLimit);
        QVERIFY(keeper);
        QLocalSocket qemu;
        qemu.connectToServer(layout.serialKeeperSocketPath());
        QVERIFY(qemu.waitForConnected(10'000));

        SerialConsoleView view;
        view.setLogFile(layout.serialLogPath());
        QVERIFY(!view.isInteractive());
        view.setConsoleSocket(layout.serialConsoleSocketPath());
        QTRY_VERIFY(view.isInteractive());
        auto *edit = view.findChild<QPlainTextEdit *>(u"serialConsole"_s);
        QVERIFY(edit);
        QTest::keyClicks(edit, u"ls -l"_s);
        QTest::keyClick(edit, Qt::Key_Return);
        QTest::keyClick(edit, Qt::Key_Up);
        QTest::keyClick(edit, Qt::Key_C, Qt::ControlModifier);
        QTest::keyClick(edit, Qt::Key_Backspace);
        const QByteArray expected = "ls -l\r\x1b[A\x03\x7f";
        QByteArray got;
        QTRY_VERIFY((got += qemu.readAll()).size() >= expected.size());
        QCOMPARE(got, expected);
        // Nothing typed lands in the view itself: what shows is what the guest echoes.
        QVERIFY(!view.text().contains("ls -l"_L1));
        qemu.write("$ ls -l\r\ntotal 0\r\n");
        QTRY_VERIFY(view.text().contains("total 0"_L1));

        // The VM stopped: typing goes nowhere, and the view says so by not claiming it.
        view.setConsoleSocket(QString());
        QVERIFY(!view.isInteractive());
        qemu.disconnectFromServer();
        QTest::keyClicks(edit, u"lost"_s);
        QVERIFY(!view.text().contains("lost"_L1));
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
