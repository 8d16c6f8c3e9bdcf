// SPDX-License-Identifier: GPL-2.0-or-later
// The tray with the tiny test guest under TCG: a running VM is listed with its quick
// actions, they act on it, Show Display brings the window back on the VM's screen, a crash
// gives a notification, and closing the window while it runs does what Preferences say.
#include "models/itemmodels/vmlistmodel.h"
#include "models/settings/appsettings.h"
#include "models/vm/vminstance.h"
#include "models/vm/vmregistry.h"
#include "tests/support/testguest.h"
#include "tests/support/windowdriver.h"
#include "ui/pages/displaypage.h"
#include "ui/pages/vmdetailspane.h"
#include "ui/widgets/serialconsoleview.h"
#include "ui/widgets/vmlistview.h"
#include "ui/window/mainwindow.h"
#include "ui/window/trayicon.h"
#include "ui/window/trayicon_p.h"

#include <QApplication>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

#include <csignal>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kBootTimeoutMs = 90'000;
constexpr int kActionTimeoutMs = 30'000;

QStringList menuTexts(const QMenu *menu)
{
    QStringList texts;
    const QList<QAction *> actions = menu->actions();
    for (const QAction *a : actions) {
        if (a->isSeparator())
            texts << u"--"_s;
        else
            texts << a->text() + (a->isEnabled() ? u""_s : u" (off)"_s);
    }
    return texts;
}

} // namespace

class TestTrayGuest final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WindowDriver> m_driver;

    QMenu *vmMenu(const QString &name) const
    {
        TrayIcon *tray = m_driver->window()->trayIcon();
        tray->rebuildMenu();
        return tray->menu()->findChild<QMenu *>(u"trayVm:"_s + name);
    }

    MainWindow *startGuest(const QString &name, const QString &append = u"console=ttyS0 quiet"_s)
    {
        VmDefinition d = TestGuest::definition(name, append);
        if (!m_driver->createVm(d))
            return nullptr;
        MainWindow *w = m_driver->openWindow();
        if (!m_driver->select(name))
            return nullptr;
        m_driver->action("actionStart")->trigger();
        if (!m_driver->waitForState(name, VmState::Running, kActionTimeoutMs))
            return nullptr;
        return w;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(TestGuest::isAvailable(), "the test guest is not built (BERTH_TEST_GUEST_DIR; run "
                                           "through ctest, whose fixture builds it)");
        QVERIFY(WindowDriver::isolateSettings());
    }

    void init()
    {
        QSettings().clear();
        m_driver = std::make_unique<WindowDriver>();
        QVERIFY(m_driver->isValid());
    }

    void cleanup() { m_driver.reset(); }

    void runningVmHasQuickActions()
    {
        VmDefinition idle = WindowDriver::plainVm(u"idle"_s);
        QVERIFY(m_driver->createVm(idle));
        MainWindow *w = startGuest(u"tiny"_s);
        QVERIFY(w);
        TrayIcon *tray = w->trayIcon();
        QCOMPARE(w->registry()->runningCount(), 1);
        tray->rebuildMenu();
        // Only the running VM is listed, by name and state.
        QCOMPARE(menuTexts(tray->menu()),
                 (QStringList{u"tiny — Running"_s, u"--"_s, u"&Show Berth"_s, u"&Quit Berth"_s}));
        QCOMPARE(menuTexts(vmMenu(u"tiny"_s)),
                 (QStringList{u"Show &Display"_s, u"&Pause"_s, u"Shut &Down"_s}));

        vmMenu(u"tiny"_s)->findChild<QAction *>(u"trayPause"_s)->trigger();
        QVERIFY(m_driver->waitForState(u"tiny"_s, VmState::Paused, kActionTimeoutMs));
        QCOMPARE(menuTexts(vmMenu(u"tiny"_s)),
                 (QStringList{u"Show &Display"_s, u"Res&ume"_s, u"Shut &Down (off)"_s}));
        vmMenu(u"tiny"_s)->findChild<QAction *>(u"trayResume"_s)->trigger();
        QVERIFY(m_driver->waitForState(u"tiny"_s, VmState::Running, kActionTimeoutMs));

        // Show Display: the window comes back with the VM current and its screen showing.
        QVERIFY(m_driver->select(u"idle"_s));
        w->detailsPane()->tabs()->setCurrentIndex(1);
        w->hide();
        vmMenu(u"tiny"_s)->findChild<QAction *>(u"trayShowDisplay"_s)->trigger();
        QVERIFY(w->isVisible());
        QCOMPARE(w->detailsPane()->tabs()->currentWidget(), w->detailsPane()->displayPage());
        QCOMPARE(w->listView()->currentIndex().data().toString(), u"tiny"_s);

        // The guest handles the power button once it has booted.
        QVERIFY2(QTest::qWaitFor(
                     [w] {
                         return w->detailsPane()->console()->text().contains(
                             "BERTH-GUEST-READY"_L1);
                     },
                     kBootTimeoutMs),
                 qPrintable(w->detailsPane()->console()->text().right(300)));
        vmMenu(u"tiny"_s)->findChild<QAction *>(u"trayShutDown"_s)->trigger();
        QVERIFY(m_driver->waitForState(u"tiny"_s, VmState::Stopped, kActionTimeoutMs));
        tray->rebuildMenu();
        QCOMPARE(menuTexts(tray->menu()).value(0), u"No virtual machine is running (off)"_s);
    }

    void crashNotifies()
    {
        MainWindow *w = startGuest(u"fragile"_s, u"console=ttyS0 quiet rdinit=/bin/sleep 100000"_s);
        QVERIFY(w);
        QSignalSpy notified(w->trayIcon(), &TrayIcon::notified);
        QCOMPARE(::kill(pid_t(m_driver->instance(u"fragile"_s)->pid()), SIGKILL), 0);
        QVERIFY(m_driver->waitForState(u"fragile"_s, VmState::Crashed, kActionTimeoutMs));
        QTRY_COMPARE(notified.size(), 1);
        QCOMPARE(notified.at(0).at(0).toString(), u"“fragile” stopped unexpectedly"_s);
        QVERIFY2(notified.at(0).at(1).toString().contains("unexpectedly"_L1),
                 qPrintable(notified.at(0).at(1).toString()));
        // A clean stop later does not notify.
        m_driver->instance(u"fragile"_s)->start();
        QVERIFY(m_driver->waitForState(u"fragile"_s, VmState::Running, kActionTimeoutMs));
        m_driver->instance(u"fragile"_s)->forceStop();
        QVERIFY(m_driver->waitForState(u"fragile"_s, VmState::Stopped, kActionTimeoutMs));
        QTest::qWait(200); // the model's batched update
        QCOMPARE(notified.size(), 1);
    }

    void closingKeepsBerthInTheTray()
    {
        MainWindow *w = startGuest(u"background"_s);
        QVERIFY(w);
        assumeTrayAvailableForTesting(w->trayIcon());
        const qint64 pid = m_driver->instance(u"background"_s)->pid();
        QVERIFY(w->close() == false); // the default: keep running in the tray
        QVERIFY(!w->isVisible());
        QVERIFY(!QApplication::quitOnLastWindowClosed()); // a display window may close alone
        QCOMPARE(m_driver->instance(u"background"_s)->pid(), pid);
        QCOMPARE(w->registry()->runningCount(), 1);
        w->trayIcon()->rebuildMenu();
        w->trayIcon()->menu()->findChild<QAction *>(u"trayShowBerth"_s)->trigger();
        QVERIFY(w->isVisible());
        QVERIFY(QApplication::quitOnLastWindowClosed());
    }

    void closingAsksWhileVmsRun()
    {
        AppSettings::setCloseAction(AppSettings::CloseAction::Ask);
        MainWindow *w = startGuest(u"busy"_s);
        QVERIFY(w);
        const qint64 pid = m_driver->instance(u"busy"_s)->pid();
        w->close();
        QMessageBox *box = m_driver->waitForMessageBox(u"closeWhileRunningPrompt"_s);
        QVERIFY(box);
        QVERIFY(w->isVisible());
        QVERIFY2(box->text().contains("1 virtual machine"_L1), qPrintable(box->text()));
        // Offscreen there is no tray to keep Berth in: only Quit and Cancel.
        QVERIFY(!box->findChild<QPushButton *>(u"keepInTrayButton"_s));
        QVERIFY(WindowDriver::clickButton(box, u"quitBerthButton"_s));
        QTRY_VERIFY(!w->isVisible());
        // The VM runs on without Berth's window.
        QVERIFY(::kill(pid_t(pid), 0) == 0);
    }
};

QTEST_MAIN(TestTrayGuest)
#include "tst_tray_guest.moc"
