// SPDX-License-Identifier: GPL-2.0-or-later
// The window as a new user meets it (issue 14), with the tiny test guest under TCG: a
// monitor that cannot be reached is retried and the window says so; a message about a
// failed start goes once the VM starts.
#include "models/itemmodels/vmlistmodel.h"
#include "models/vm/vminstance.h"
#include "models/vm/vmlayout.h"
#include "tests/support/testguest.h"
#include "tests/support/windowdriver.h"
#include "ui/pages/displaypage.h"
#include "ui/pages/displaywindow.h"
#include "ui/pages/vmdetailspane.h"
#include "ui/widgets/displayview.h"
#include "ui/widgets/messagebar.h"
#include "ui/window/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QLocalSocket>
#include <QPointer>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kActionTimeoutMs = 60'000;

} // namespace

class TestWindowFlowsGuest final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WindowDriver> m_driver;

    WindowDriver &driver() const { return *m_driver; }

    static DisplayWindow *displayWindow()
    {
        for (QWidget *top : QApplication::topLevelWidgets()) {
            if (auto *d = qobject_cast<DisplayWindow *>(top); d && d->isVisible())
                return d;
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(TestGuest::isAvailable(), "the test guest is not built (run through ctest)");
        QVERIFY(WindowDriver::isolateSettings());
    }

    void init()
    {
        m_driver = std::make_unique<WindowDriver>();
        QVERIFY(driver().isValid());
    }

    void cleanup() { m_driver.reset(); }

    // ---- 1. A monitor that refuses is retried, visibly ----------------------------------

    void unreachableMonitorIsRetriedAndSaysSo()
    {
        VmDefinition d = TestGuest::definition(u"held"_s);
        QVERIFY(driver().createVm(d));
        const QString folder = driver().library().find(u"held"_s)->folder;
        // Started from elsewhere (the CLI's monitor), and the window's monitor taken by
        // another program, as a second Berth window would take it.
        VmInstance cli(d, folder, VmInstance::MonitorRole::Cli);
        QSignalSpy started(&cli, &VmInstance::started);
        cli.start();
        QVERIFY(started.wait(kActionTimeoutMs));
        auto squatter = std::make_unique<QLocalSocket>();
        squatter->connectToServer(cli.layout().guiMonitorPath());
        QVERIFY(squatter->waitForConnected(5000));

        MainWindow *w = driver().openWindow();
        QVERIFY(driver().select(u"held"_s));
        QVERIFY(driver().waitForState(u"held"_s, VmState::Unreachable, kActionTimeoutMs));
        QTRY_VERIFY2(w->detailsPane()->problemText().contains("keeps trying"_L1),
                     qPrintable(w->detailsPane()->problemText()));
        QVERIFY2(w->detailsPane()->statusText().contains("retrying"_L1),
                 qPrintable(w->detailsPane()->statusText()));

        // The other program lets go: the window reaches the monitor by itself.
        squatter.reset();
        QVERIFY(driver().waitForState(u"held"_s, VmState::Running, kActionTimeoutMs));
        QTRY_VERIFY(w->detailsPane()->problemText().isEmpty());
        QTRY_VERIFY(!w->messageBar()->isVisible());
        cli.forceStop();
        QVERIFY(driver().waitForState(u"held"_s, VmState::Stopped, kActionTimeoutMs));
    }

    // ---- 4. A message goes when its cause does -----------------------------------------

    void startFailureMessageGoesOnceTheVmStarts()
    {
        VmDefinition d = TestGuest::definition(u"fixed"_s);
        const QString kernel = d.kernel;
        d.kernel = driver().libraryRoot() + u"/no-such-vmlinuz"_s;
        QVERIFY(driver().createVm(d));
        MainWindow *w = driver().openWindow();
        QVERIFY(driver().select(u"fixed"_s));
        driver().action("actionStart")->trigger();
        QTRY_VERIFY(w->messageBar()->currentText().contains("Could not start"_L1));

        d.kernel = kernel; // fixed from elsewhere (the CLI, another editor)
        QVERIFY(driver().library().save(d).ok());
        QTRY_COMPARE(driver().instance(d.name)->definition().kernel, kernel);
        driver().action("actionStart")->trigger();
        QVERIFY(driver().waitForState(u"fixed"_s, VmState::Running, kActionTimeoutMs));
        QVERIFY2(!w->messageBar()->isVisible(), qPrintable(w->messageBar()->currentText()));
        QVERIFY(!driver().action("actionDismissMessage")->isEnabled());
        // Powered off: the guest may not have booted far enough to hear the power button.
        driver().instance(d.name)->forceStop();
        QVERIFY(driver().waitForState(u"fixed"_s, VmState::Stopped, kActionTimeoutMs));
    }

    // ---- 5. Full screen you can leave ----------------------------------------------------

    void fullScreenFromTheTabIsLeftBackToTheTab()
    {
        VmDefinition d = TestGuest::definition(u"full"_s);
        QVERIFY(driver().createVm(d));
        MainWindow *w = driver().openWindow();
        QVERIFY(driver().select(u"full"_s));
        driver().action("actionStart")->trigger();
        QVERIFY(driver().waitForState(u"full"_s, VmState::Running, kActionTimeoutMs));
        DisplayPage *tab = w->detailsPane()->findChild<DisplayPage *>();
        QVERIFY(tab);
        w->detailsPane()->tabs()->setCurrentWidget(tab);
        QAction *full = tab->findChild<QAction *>(u"displayFullScreenAction"_s);
        QTRY_VERIFY(full->isEnabled());
        full->trigger();

        DisplayWindow *shown = nullptr;
        QTRY_VERIFY((shown = displayWindow()) && shown->isFullScreen());
        QPointer<DisplayWindow> window(shown);
        QVERIFY2(shown->fullScreenHint().contains(DisplayView::fullScreenKeys()),
                 qPrintable(shown->fullScreenHint()));
        // Screenshot works there once the screen has arrived, with no pause/resume.
        QTRY_VERIFY_WITH_TIMEOUT(
            shown->page()->findChild<QAction *>(u"displayScreenshotAction"_s)->isEnabled(),
            kActionTimeoutMs);
        QTest::keyClick(shown->page()->view(), Qt::Key_F11);
        QTRY_VERIFY(!window); // no floating window left behind
        QVERIFY(!displayWindow());
        QVERIFY(tab->isVisible());
        QVERIFY(!full->isChecked());

        driver().instance(d.name)->forceStop();
        QVERIFY(driver().waitForState(u"full"_s, VmState::Stopped, kActionTimeoutMs));
    }
};

QTEST_MAIN(TestWindowFlowsGuest)
#include "tst_windowflows_guest.moc"
