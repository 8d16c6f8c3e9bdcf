// SPDX-License-Identifier: GPL-2.0-or-later
// How Berth judges the end of a QEMU process from what it saw: a failed start, a clean
// stop or a crash, without QEMU (the guest tests show the same against the real thing).
#include "models/vm/qemuexit.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

QemuExit::Seen listening()
{
    QemuExit::Seen seen;
    seen.vmName = u"web"_s;
    seen.everReady = true;
    seen.listenedThroughout = true;
    seen.logTail = u"qemu: something"_s;
    return seen;
}

} // namespace

class TestQemuExit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aStartThatNeverGotReady()
    {
        QemuExit::Seen seen = listening();
        seen.launchedHere = true;
        seen.everReady = false;
        seen.accelerator = Accelerator::Kvm;
        const QemuExit exit = QemuExit::judge(seen);
        QCOMPARE(exit.kind, QemuExit::Kind::FailedStart);
        QVERIFY(exit.message.contains(u"web"_s) && exit.message.contains(u"qemu: something"_s));
        QVERIFY(exit.message.contains(u"TCG"_s)); // the way out of a broken KVM
        seen.forced = true; // powered off while starting: that is what the user asked
        QCOMPARE(QemuExit::judge(seen).kind, QemuExit::Kind::Clean);
    }

    void listeningThroughoutTheShutdownEventDecides()
    {
        QemuExit::Seen seen = listening();
        QCOMPARE(QemuExit::judge(seen).kind, QemuExit::Kind::Crash);
        seen.shutdownSeen = true;
        QCOMPARE(QemuExit::judge(seen).kind, QemuExit::Kind::Clean);
    }

    void ourPowerButtonAndAnOrderlyExitAreClean()
    {
        // QEMU may exit before it flushes SHUTDOWN when the guest powers off at once.
        QemuExit::Seen seen = listening();
        seen.powerdownSent = true;
        QCOMPARE(QemuExit::judge(seen).kind, QemuExit::Kind::Clean);
        seen.pidFileLeft = true; // killed after all
        QCOMPARE(QemuExit::judge(seen).kind, QemuExit::Kind::Crash);
    }

    void notListeningThePidFileAndOthersReportsDecide()
    {
        QemuExit::Seen seen = listening();
        seen.listenedThroughout = false;
        QCOMPARE(QemuExit::judge(seen).kind, QemuExit::Kind::Clean); // pidfile removed
        seen.pidFileLeft = true;
        QCOMPARE(QemuExit::judge(seen).kind, QemuExit::Kind::Crash);
        seen.pidFileLeft = false;
        seen.crashReportExists = true;
        QCOMPARE(QemuExit::judge(seen).kind, QemuExit::Kind::Crash);
    }

    void aPanicIsACrashWhatever()
    {
        QemuExit::Seen seen = listening();
        seen.shutdownSeen = true;
        seen.guestPanicked = true;
        const QemuExit exit = QemuExit::judge(seen);
        QCOMPARE(exit.kind, QemuExit::Kind::Crash);
        QVERIFY(exit.message.contains(u"kernel panic"_s));
        seen.forced = true;
        QCOMPARE(QemuExit::judge(seen).kind, QemuExit::Kind::Clean);
    }
};

QTEST_GUILESS_MAIN(TestQemuExit)
#include "tst_qemuexit.moc"
