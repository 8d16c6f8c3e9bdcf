// SPDX-License-Identifier: GPL-2.0-or-later
// The main window with real QEMU and the tiny test guest under TCG: the whole lifecycle
// through the window's own actions, a VM started by another Berth process, the question
// after a shutdown that times out, and a crash.
#include "models/itemmodels/vmlistmodel.h"
#include "models/vm/qemucommandline.h"
#include "models/vm/vminstance.h"
#include "tests/support/testguest.h"
#include "tests/support/windowdriver.h"
#include "ui/pages/definitioneditor.h"
#include "ui/pages/vmdetailspane.h"
#include "ui/widgets/messagebar.h"
#include "ui/widgets/serialconsoleview.h"
#include "ui/window/mainwindow.h"
#include "ui/window/vmactions.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

#include <csignal>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr int kBootTimeoutMs = 90'000;
constexpr int kActionTimeoutMs = 30'000;

} // namespace

class TestMainWindowGuest final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WindowDriver> m_driver;

    WindowDriver &driver() const { return *m_driver; }

    VmDefinition guestVm(const QString &name, const QString &append = u"console=ttyS0 quiet"_s)
    {
        return TestGuest::definition(name, append);
    }

    QString consoleText() const { return driver().window()->detailsPane()->console()->text(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(TestGuest::isAvailable(), "the test guest is not built (BERTH_TEST_GUEST_DIR; run "
                                           "through ctest, whose fixture builds it)");
        QVERIFY(WindowDriver::isolateSettings());
    }

    void init()
    {
        m_driver = std::make_unique<WindowDriver>();
        QVERIFY(driver().isValid());
    }

    void cleanup() { m_driver.reset(); }

    void lifecycleThroughTheActions()
    {
        VmDefinition d = guestVm(u"tiny"_s);
        QTcpServer probe; // a free host port for a forward: QEMU then knows the guest's address
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        d.portForwards = {PortForward{u"tcp"_s, probe.serverPort(), 80}};
        probe.close();
        QVERIFY(driver().createVm(d));
        MainWindow *w = driver().openWindow();
        QVERIFY(driver().select(u"tiny"_s));
        QCOMPARE(driver().enabledActions(),
                 u"start -pause -resume -reset -shutdown -forceoff delete new"_s);

        driver().action("actionStart")->trigger();
        QVERIFY(driver().waitForState(u"tiny"_s, VmState::Running, kActionTimeoutMs));
        QCOMPARE(driver().enabledActions(),
                 u"-start pause -resume reset shutdown forceoff -delete new"_s);
        QVERIFY(!w->detailsPane()->editor()->isEditable());
        const QString status = w->detailsPane()->statusText();
        QVERIFY2(status.contains(QString::number(driver().instance(u"tiny"_s)->pid())) &&
                     status.contains("TCG"_L1),
                 qPrintable(status));
        QCOMPARE(driver().row(u"tiny"_s, VmListModel::AcceleratorColumn).data().toString(),
                 u"TCG (emulated)"_s);
        // Where QEMU's user-mode network sends the guest's connections.
        QTRY_VERIFY2(w->detailsPane()->statusText().contains("guest address 10.0.2.15"_L1),
                     qPrintable(w->detailsPane()->statusText()));
        // The serial console follows the guest live.
        QVERIFY2(QTest::qWaitFor([&] { return consoleText().contains("BERTH-GUEST-READY"_L1); },
                                 kBootTimeoutMs),
                 qPrintable(consoleText().right(500)));
        QVERIFY(QTest::qWaitFor([&] { return consoleText().contains("BERTH-TICK 2"_L1); },
                                kActionTimeoutMs));

        driver().action("actionPause")->trigger();
        QVERIFY(driver().waitForState(u"tiny"_s, VmState::Paused, kActionTimeoutMs));
        QCOMPARE(driver().enabledActions(),
                 u"-start -pause resume reset -shutdown forceoff -delete new"_s);
        driver().action("actionResume")->trigger();
        QVERIFY(driver().waitForState(u"tiny"_s, VmState::Running, kActionTimeoutMs));

        driver().action("actionShutDown")->trigger();
        QVERIFY(driver().waitForState(u"tiny"_s, VmState::Stopped, kActionTimeoutMs));
        QVERIFY(QTest::qWaitFor([&] { return consoleText().contains("BERTH-POWER-BUTTON"_L1); },
                                kActionTimeoutMs));
        QCOMPARE(driver().enabledActions(),
                 u"start -pause -resume -reset -shutdown -forceoff delete new"_s);
        // The details pane follows the list model, whose changes are batched per event-loop
        // pass: one pass after the state.
        QTRY_VERIFY(w->detailsPane()->editor()->isEditable());
        QVERIFY2(!w->messageBar()->isVisible(), qPrintable(w->messageBar()->currentText()));

        // A second start rotates serial.log: the console marks the new run and follows it.
        driver().action("actionStart")->trigger();
        QVERIFY(driver().waitForState(u"tiny"_s, VmState::Running, kActionTimeoutMs));
        QVERIFY(QTest::qWaitFor([&] { return consoleText().count("BERTH-GUEST-READY"_L1) == 2; },
                                kBootTimeoutMs));
        QVERIFY(consoleText().contains("new run"_L1));
        driver().action("actionShutDown")->trigger();
        QVERIFY(driver().waitForState(u"tiny"_s, VmState::Stopped, kActionTimeoutMs));
    }

    void vmStartedElsewhereShowsAsRunning()
    {
        VmDefinition d = guestVm(u"remote"_s);
        QVERIFY(driver().createVm(d));
        driver().openWindow();
        QVERIFY(driver().select(u"remote"_s));
        QCOMPARE(driver().stateText(u"remote"_s), vmStateDisplayName(VmState::Stopped));

        // What `berth start` does, in this process: the CLI's own monitor.
        VmInstance cli(d, driver().library().find(u"remote"_s)->folder,
                       VmInstance::MonitorRole::Cli);
        QSignalSpy started(&cli, &VmInstance::started);
        QSignalSpy failed(&cli, &VmInstance::actionFailed);
        cli.start();
        QVERIFY(QTest::qWaitFor([&] { return !started.isEmpty() || !failed.isEmpty(); },
                                kActionTimeoutMs));
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed[0][1].toString()));

        QVERIFY(driver().waitForState(u"remote"_s, VmState::Running, kActionTimeoutMs));
        QCOMPARE(driver().enabledActions(),
                 u"-start pause -resume reset shutdown forceoff -delete new"_s);

        // The window controls it too: Force Off asks first.
        driver().action("actionForceOff")->trigger();
        QMessageBox *box = driver().waitForMessageBox(u"confirmForceOff"_s);
        QVERIFY(box);
        QVERIFY(WindowDriver::clickButton(box, u"confirmButton"_s));
        QVERIFY(driver().waitForState(u"remote"_s, VmState::Stopped, kActionTimeoutMs));
        QVERIFY(QTest::qWaitFor([&] { return cli.state() == VmState::Stopped; }, kActionTimeoutMs));
    }

    void shutdownTimeoutAsksTheUser()
    {
        // /bin/sleep as init: nothing in the guest listens to the power button.
        VmDefinition d = guestVm(u"deaf"_s, u"console=ttyS0 quiet rdinit=/bin/sleep 100000"_s);
        QVERIFY(driver().createVm(d));
        MainWindow *w = driver().openWindow();
        w->actions()->setShutdownTimeout(500ms);
        QVERIFY(driver().select(u"deaf"_s));
        driver().action("actionStart")->trigger();
        QVERIFY(driver().waitForState(u"deaf"_s, VmState::Running, kActionTimeoutMs));

        driver().action("actionShutDown")->trigger();
        QMessageBox *box = driver().waitForMessageBox(u"shutdownTimeoutPrompt"_s, kActionTimeoutMs);
        QVERIFY(box);
        QVERIFY(!box->isModal()); // the window stays usable meanwhile
        QCOMPARE(driver().stateText(u"deaf"_s), vmStateDisplayName(VmState::ShuttingDown));
        QPointer<QMessageBox> first = box;
        QVERIFY(WindowDriver::clickButton(box, u"keepWaitingButton"_s));
        QTRY_VERIFY(first.isNull());

        // Keep Waiting pressed the button again, with the same timeout: asked again.
        box = driver().waitForMessageBox(u"shutdownTimeoutPrompt"_s, kActionTimeoutMs);
        QVERIFY(box);
        QVERIFY(driver().instance(u"deaf"_s)->pid() > 0);
        QVERIFY(WindowDriver::clickButton(box, u"forceOffButton"_s));
        QVERIFY(driver().waitForState(u"deaf"_s, VmState::Stopped, kActionTimeoutMs));
        QVERIFY2(!w->messageBar()->isVisible(), qPrintable(w->messageBar()->currentText()));
    }

    void crashShowsWhyInTheDetails()
    {
        VmDefinition d = guestVm(u"fragile"_s, u"console=ttyS0 quiet rdinit=/bin/sleep 100000"_s);
        QVERIFY(driver().createVm(d));
        MainWindow *w = driver().openWindow();
        QVERIFY(driver().select(u"fragile"_s));
        driver().action("actionStart")->trigger();
        QVERIFY(driver().waitForState(u"fragile"_s, VmState::Running, kActionTimeoutMs));
        QCOMPARE(::kill(pid_t(driver().instance(u"fragile"_s)->pid()), SIGKILL), 0);
        QVERIFY(driver().waitForState(u"fragile"_s, VmState::Crashed, kActionTimeoutMs));
        // The pane follows the model's batched dataChanged, one event-loop pass later.
        QTRY_VERIFY2(w->detailsPane()->problemText().contains("unexpectedly"_L1),
                     qPrintable(w->detailsPane()->problemText()));
        QTRY_COMPARE(driver().enabledActions(),
                     u"start -pause -resume -reset -shutdown -forceoff delete new"_s);
        QVERIFY(w->detailsPane()->editor()->isEditable());
    }
};

QTEST_MAIN(TestMainWindowGuest)
#include "tst_mainwindow_guest.moc"
