// SPDX-License-Identifier: GPL-2.0-or-later
// QemuLog (qemu.log, serial.log and their previous run) and CrashReport (last-crash.json).
#include "models/vm/crashreport.h"
#include "models/vm/qemulog.h"
#include "models/vm/vmlayout.h"
#include "tests/support/testfiles.h"
#include "tests/support/verifyoutcome.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

void append(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Append))
        qFatal("cannot write %s", qPrintable(path));
    f.write(bytes);
}

} // namespace

class TestQemuLog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void headerAndTail()
    {
        QTemporaryDir dir;
        const QString vm = dir.path();
        QCOMPARE(QemuLog::tail(vm), QString()); // no log yet

        QemuLog::writeHeader(vm, u"/usr/bin/qemu-system-x86_64"_s,
                             {u"-name"_s, u"guest=my vm"_s, u"-append"_s, u"a='b'"_s});
        const QByteArray header = TestFiles::contents(VmLayout::ofFolder(vm).qemuLogPath());
        QVERIFY(header.startsWith("# berth "));
        QVERIFY2(header.contains(
                     "/usr/bin/qemu-system-x86_64 -name 'guest=my vm' -append 'a='\\''b'\\'''\n"),
                 header.constData());
        QCOMPARE(QemuLog::tail(vm), QString()); // Berth's own line is not QEMU's message

        append(VmLayout::ofFolder(vm).qemuLogPath(),
               "qemu-system-x86_64: unsupported machine type\n\n"
               "Use -machine help to list supported machines\n");
        QCOMPARE(QemuLog::tail(vm), u"qemu-system-x86_64: unsupported machine type\n"
                                    "Use -machine help to list supported machines"_s);
        QCOMPARE(QemuLog::tail(vm, 1), u"Use -machine help to list supported machines"_s);
    }

    void rotationKeepsOneRun()
    {
        QTemporaryDir dir;
        const QString vm = dir.path();
        const QString serial = VmLayout::ofFolder(vm).serialLogPath();
        append(VmLayout::ofFolder(vm).qemuLogPath(), "first\n");
        append(serial, "BERTH-TICK 1\n");
        QemuLog::rotate(vm);
        QVERIFY(!QFile::exists(VmLayout::ofFolder(vm).qemuLogPath()));
        QVERIFY(!QFile::exists(serial));
        QCOMPARE(TestFiles::contents(VmLayout::ofFolder(vm).qemuLogPath() + u".old"_s),
                 QByteArray("first\n"));
        QCOMPARE(TestFiles::contents(serial + u".old"_s), QByteArray("BERTH-TICK 1\n"));

        append(VmLayout::ofFolder(vm).qemuLogPath(), "second\n");
        QemuLog::rotate(vm);
        QCOMPARE(TestFiles::contents(VmLayout::ofFolder(vm).qemuLogPath() + u".old"_s),
                 QByteArray("second\n"));
        QVERIFY(!QFile::exists(serial + u".old"_s)); // that run had no console output
        QemuLog::rotate(vm);                         // nothing to move: harmless
    }

    void crashReportRoundTrip()
    {
        QTemporaryDir dir;
        const QString vm = dir.path();
        QVERIFY(!CrashReport::exists(vm));
        QVERIFY(!CrashReport::read(vm).has_value());

        CrashReport report;
        report.time = QDateTime(QDate(2024, 5, 1), QTime(12, 30, 1, 250), Qt::UTC);
        report.pid = 4242;
        report.message = u"QEMU ended unexpectedly"_s;
        report.guestPanicked = true;
        report.shutdownReason = u"guest-panic"_s;
        report.qemuLogTail = u"qemu-system-x86_64: terminating"_s;
        QVERIFY_OUTCOME(report.write(vm));
        QVERIFY(CrashReport::exists(vm));
        const std::optional<CrashReport> back = CrashReport::read(vm);
        QVERIFY(back.has_value());
        QCOMPARE(back->time, report.time);
        QCOMPARE(back->pid, report.pid);
        QCOMPARE(back->message, report.message);
        QCOMPARE(back->guestPanicked, true);
        QCOMPARE(back->shutdownReason, report.shutdownReason);
        QCOMPARE(back->qemuLogTail, report.qemuLogTail);

        // Unreadable content still says that QEMU crashed.
        QFile f(VmLayout::ofFolder(vm).crashReportPath());
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("{ not json");
        f.close();
        QVERIFY(!CrashReport::read(vm)->message.isEmpty());

        CrashReport::remove(vm);
        QVERIFY(!CrashReport::exists(vm));
    }
};

QTEST_GUILESS_MAIN(TestQemuLog)
#include "tst_qemulog.moc"
