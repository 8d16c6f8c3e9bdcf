// SPDX-License-Identifier: GPL-2.0-or-later
// TestGuest::killLeftoverQemus(): the tests' safety net for detached QEMUs.
#include "tests/support/testguest.h"
#include "tests/support/testqemu.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestLeftoverQemus final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killsQemuUnderTheRuntimeFolderOnly()
    {
        QTemporaryDir runtime;
        QVERIFY(QDir().mkpath(runtime.filePath(u"berth/vm"_s)));
        const QString pidFile = runtime.filePath(u"berth/vm/qemu.pid"_s);
        TestQemu qemu(1, {u"-pidfile"_s, pidFile});
        QString error;
        QVERIFY2(qemu.start(&error), qPrintable(error));
        QTRY_VERIFY(QFile(pidFile).size() > 0);

        // A pidfile naming something that is not QEMU is left alone.
        QProcess sleeper;
        sleeper.start(u"sleep"_s, {u"60"_s});
        QVERIFY(sleeper.waitForStarted());
        QVERIFY(QDir().mkpath(runtime.filePath(u"berth/other"_s)));
        QFile other(runtime.filePath(u"berth/other/qemu.pid"_s));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write(QByteArray::number(sleeper.processId()));
        other.close();

        TestGuest::killLeftoverQemus(runtime.path());
        QVERIFY(qemu.process().waitForFinished(10'000));
        QCOMPARE(qemu.process().exitStatus(), QProcess::CrashExit); // SIGKILL
        QCOMPARE(sleeper.state(), QProcess::Running);
        sleeper.kill();
        sleeper.waitForFinished();
    }
};

QTEST_GUILESS_MAIN(TestLeftoverQemus)
#include "tst_leftoverqemus.moc"
