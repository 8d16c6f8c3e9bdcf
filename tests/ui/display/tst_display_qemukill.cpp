// SPDX-License-Identifier: GPL-2.0-or-later
// A real QEMU killed while Berth's display streams its screen and sends input, many times
// over: the process must stay up (no SIGPIPE from libvncclient's writes to the closed
// socket) and the display must say what happened. This test process keeps SIGPIPE's
// default action, as any program that embeds the display does.
#include "qmp/qemumonitor.h"
#include "qmp/qmpclient.h"
#include "tests/support/testqemu.h"
#include "ui/display/vncdisplay.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <optional>
#include <sys/types.h>

using namespace Qt::Literals::StringLiterals;

class TestDisplayQemuKill final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (TestQemu::binary().isEmpty())
            QFAIL("qemu-system-x86_64 is not installed (apt install qemu-system-x86)");
    }

    void survivesQemuKilledMidStream()
    {
        constexpr int kRounds = 12;
        int failuresSeen = 0;
        for (int round = 0; round < kRounds; ++round) {
            QTemporaryDir dir;
            QVERIFY(dir.isValid());
            const QString vncPath = dir.filePath(u"vnc.sock"_s);
            // SeaBIOS draws its boot screen and then its "no bootable device" text: the
            // display has updates to stream while the pointer keeps moving.
            TestQemu qemu(1, {u"-vga"_s, u"std"_s, u"-vnc"_s, u"unix:"_s + vncPath});
            QString error;
            QVERIFY2(qemu.start(&error), qPrintable(error));

            QmpClient monitor;
            QSignalSpy ready(&monitor, &QmpClient::ready);
            monitor.connectToUnixSocket(qemu.monitorPath());
            QVERIFY2(ready.wait(10'000), qPrintable(monitor.lastError().message()));
            std::optional<QmpResult<void>> cont;
            QemuMonitor(monitor).cont(this, [&](const QmpResult<void> &r) { cont = r; });
            QVERIFY(QTest::qWaitFor([&] { return cont.has_value(); }, 10'000));
            QVERIFY2(*cont, qPrintable(cont->error().message()));

            // Now and then QEMU drops a connection made while SeaBIOS sets up the VGA card,
            // right after the handshake; the window's display then reconnects, and so
            // does this test (that is not what it is about).
            VncDisplay display;
            for (int attempt = 0; attempt < 5 && !display.hasFrame(); ++attempt) {
                display.open(vncPath);
                [[maybe_unused]] const bool settled = QTest::qWaitFor(
                    [&] {
                        return display.hasFrame() ||
                               display.status() == RemoteDisplay::Status::Failed;
                    },
                    10'000);
            }
            QVERIFY2(display.hasFrame(), qPrintable(display.errorString()));
            // The point of the test: with SIGPIPE's default action, which ends the process,
            // a broken pipe must still not end it. (Qt ignores SIGPIPE once its first
            // socket is made, so this is set again each round.)
            std::signal(SIGPIPE, SIG_DFL);

            // Input as a person gives it: the pointer moving with a button now and then,
            // and keys, every millisecond, before, during and after the kill.
            QTimer input;
            input.setInterval(1);
            int tick = 0;
            connect(&input, &QTimer::timeout, this, [&] {
                ++tick;
                display.sendPointer(QPoint(tick % 640, (tick * 7) % 480), tick % 50 == 0 ? 1 : 0);
                display.sendKey(0x1e, 'a', tick % 2 == 0); // "a" down, then up
            });
            input.start();
            QTest::qWait(int(QRandomGenerator::global()->bounded(50, 400)));

            ::kill(pid_t(qemu.process().processId()), SIGKILL);
            QTRY_COMPARE_WITH_TIMEOUT(display.status(), RemoteDisplay::Status::Failed, 10'000);
            QVERIFY(!display.errorString().isEmpty());
            ++failuresSeen;
            QTest::qWait(50); // input keeps coming at a display that has failed
            input.stop();
            qemu.kill();
        }
        QCOMPARE(failuresSeen, kRounds);
    }
};

QTEST_GUILESS_MAIN(TestDisplayQemuKill)
#include "tst_display_qemukill.moc"
