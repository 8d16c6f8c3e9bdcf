// SPDX-License-Identifier: GPL-2.0-or-later
// The display view and page on a FakeDisplay: placeholder texts, damage-only repaints,
// scaling geometry, keyboard (scan codes) and mouse input, the keyboard grab and its
// release key, Send key combinations and screenshots. No server, no QEMU.
#include "tests/support/fakedisplay.h"
#include "ui/display/keycodes.h"
#include "ui/pages/displaypage.h"
#include "ui/pages/displaywindow.h"
#include "ui/widgets/displayview.h"

#include <QAction>
#include <QKeyEvent>
#include <QMenu>
#include <QPointer>
#include <QProcess>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QWheelEvent>

using namespace Qt::Literals::StringLiterals;

namespace {

QImage pattern(int w, int h)
{
    QImage img(w, h, QImage::Format_RGB32);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            img.setPixel(x, y, qRgb(x % 256, y % 256, (x + y) % 256));
    return img;
}

/// A key event as X11 delivers it: evdev code + 8 as the native scan code.
void sendScanCode(QWidget *w, QEvent::Type type, int key, quint32 evdev,
                  Qt::KeyboardModifiers mods = {})
{
    QKeyEvent e(type, key, mods, evdev + 8, 0, 0);
    QCoreApplication::sendEvent(w, &e);
}

} // namespace

class TestDisplayView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void placeholderThenFrame()
    {
        FakeDisplay display;
        DisplayView view;
        view.setDisplay(&display);
        view.resize(400, 300);
        view.setPlaceholderText(u"The VM is stopped"_s);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.placeholderText(), u"The VM is stopped"_s);
        view.setPlaceholderText(QString());
        display.setFrame(pattern(200, 150));
        QTRY_VERIFY(!view.frameTarget().isEmpty());
        // Fit: scaled up to the viewport, aspect kept.
        QCOMPARE(view.frameTarget().size(), QSizeF(400, 300));
    }

    void fitKeepsAspect()
    {
        FakeDisplay display;
        DisplayView view;
        view.setDisplay(&display);
        view.resize(400, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        display.setFrame(pattern(800, 400));
        const QRectF t = view.frameTarget();
        QCOMPARE(t.width(), 400.0);
        QCOMPARE(t.height(), 200.0);
        QCOMPARE(t.y(), 100.0);
        view.setScaling(DisplayView::Scaling::ActualSize);
        QCOMPARE(view.frameTarget().size(), QSizeF(800, 400));
        QVERIFY(view.horizontalScrollBar()->maximum() > 0);
    }

    void repaintsOnlyDamage()
    {
        FakeDisplay display;
        DisplayView view;
        view.setDisplay(&display);
        view.resize(300, 200);
        view.setScaling(DisplayView::Scaling::ActualSize);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QImage img = pattern(300, 200);
        display.setFrame(img);
        QTest::qWait(50);
        display.setFrame(img, QRect(10, 20, 30, 40));
        QTRY_VERIFY(view.lastPaintedRegion().boundingRect().width() < 60);
        QVERIFY(view.lastPaintedRegion().boundingRect().contains(QRect(10, 20, 30, 40)));
        // What is painted is the frame itself.
        const QImage grabbed =
            view.viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
        QCOMPARE(grabbed.copy(0, 0, 300, 200), img);
    }

    void keysGoOutAsScanCodes()
    {
        FakeDisplay display;
        display.setConnected();
        DisplayView view;
        view.setDisplay(&display);
        display.setFrame(pattern(64, 64));
        sendScanCode(&view, QEvent::KeyPress, Qt::Key_A, 30);
        sendScanCode(&view, QEvent::KeyRelease, Qt::Key_A, 30);
        sendScanCode(&view, QEvent::KeyPress, Qt::Key_Up, 103);     // E0 48
        sendScanCode(&view, QEvent::KeyPress, Qt::Key_Control, 97); // right Ctrl, E0 1D
        QCOMPARE(display.input().size(), 4);
        QCOMPARE(display.input()[0].qnum, 0x1eu);
        QVERIFY(display.input()[0].down);
        QVERIFY(!display.input()[1].down);
        QCOMPARE(display.input()[2].qnum, 0xc8u);
        QCOMPARE(display.input()[3].qnum, 0x9du);
        // Without a native scan code (offscreen), Qt's key on a US layout.
        display.clearInput();
        QTest::keyClick(&view, Qt::Key_Return);
        QCOMPARE(display.input().first().qnum, 0x1cu);
        QCOMPARE(display.input().first().keysym, 0xff0du);
    }

    void mouseMapsToFramebuffer()
    {
        FakeDisplay display;
        display.setConnected();
        DisplayView view;
        view.setDisplay(&display);
        view.resize(400, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        display.setFrame(pattern(800, 400)); // shown at half size
        QTest::mousePress(view.viewport(), Qt::LeftButton, {}, QPoint(100, 50));
        QVERIFY(view.isKeyboardGrabbed());
        const auto &in = display.input();
        QVERIFY(!in.isEmpty());
        QCOMPARE(in.last().position, QPoint(200, 100));
        QCOMPARE(in.last().buttons, int(RemoteDisplay::LeftButton));
        QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, QPoint(100, 50));
        QCOMPARE(display.input().last().buttons, 0);
        // Wheel: press and release of button 4.
        display.clearInput();
        QWheelEvent wheel(QPointF(100, 50), view.viewport()->mapToGlobal(QPointF(100, 50)),
                          QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase,
                          false);
        QCoreApplication::sendEvent(view.viewport(), &wheel);
        QCOMPARE(display.input().size(), 2);
        QCOMPARE(display.input()[0].buttons, int(RemoteDisplay::WheelUp));
        QCOMPARE(display.input()[1].buttons, 0);
    }

    void grabReleasedByCtrlAltG()
    {
        FakeDisplay display;
        display.setConnected();
        DisplayView view;
        view.setDisplay(&display);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        display.setFrame(pattern(64, 64));
        view.grabGuestKeyboard();
        QVERIFY(view.isKeyboardGrabbed());
        sendScanCode(&view, QEvent::KeyPress, Qt::Key_Control, 29, Qt::ControlModifier);
        sendScanCode(&view, QEvent::KeyPress, Qt::Key_Alt, 56,
                     Qt::ControlModifier | Qt::AltModifier);
        display.clearInput();
        sendScanCode(&view, QEvent::KeyPress, Qt::Key_G, 34, Qt::ControlModifier | Qt::AltModifier);
        QVERIFY(!view.isKeyboardGrabbed());
        // G never reached the guest; Ctrl and Alt were let go there.
        QCOMPARE(display.input().size(), 2);
        for (const FakeDisplay::Input &i : display.input())
            QVERIFY(!i.down && i.qnum != 0x22);
    }

    void sendKeyMenu()
    {
        auto *display = new FakeDisplay;
        DisplayPage page(nullptr, display);
        display->setConnected();
        QAction *sendKey = page.findChild<QAction *>(u"displaySendKeyAction"_s);
        QVERIFY(sendKey && sendKey->menu());
        auto *cad = sendKey->menu()->findChild<QAction *>(u"sendCtrlAltDel"_s);
        QVERIFY(cad);
        cad->trigger();
        const auto &in = display->input();
        QCOMPARE(in.size(), 6);
        QCOMPARE(in[0].qnum, KeyCodes::QnumLeftCtrl);
        QCOMPARE(in[1].qnum, KeyCodes::QnumLeftAlt);
        QCOMPARE(in[2].qnum, KeyCodes::QnumDelete);
        QVERIFY(in[2].down && !in[3].down);
        QCOMPARE(in[5].qnum, KeyCodes::QnumLeftCtrl);
        display->clearInput();
        page.findChild<QAction *>(u"sendCtrlAltF2"_s)->trigger();
        QCOMPARE(display->input()[2].qnum, 0x3cu);
        display->clearInput();
        page.findChild<QAction *>(u"sendPrintScreen"_s)->trigger();
        QCOMPARE(display->input()[0].qnum, 0xb7u);
    }

    void actionsOnlyWhenTheyCanAct()
    {
        auto *display = new FakeDisplay;
        DisplayPage page(nullptr, display);
        const auto action = [&](const char *name) {
            return page.findChild<QAction *>(QLatin1StringView(name));
        };
        // Nothing runs: no keys to send, no picture to save, nothing to show full screen.
        QVERIFY(!action("displaySendKeyAction")->isEnabled());
        QVERIFY(!action("displayScreenshotAction")->isEnabled());
        QVERIFY(!action("displayFullScreenAction")->isEnabled());
        QVERIFY(action("displayFitAction")->isEnabled());

        page.setSocket(u"/nonexistent/vnc.sock"_s, u"vm"_s); // a screen to follow
        QVERIFY(action("displayFullScreenAction")->isEnabled());
        QVERIFY(!action("displaySendKeyAction")->isEnabled()); // not connected yet
        display->setConnected();
        QVERIFY(action("displaySendKeyAction")->isEnabled());
        QVERIFY(!action("displayScreenshotAction")->isEnabled()); // no picture yet
        QImage frame(64, 48, QImage::Format_RGB32);
        frame.fill(Qt::darkCyan);
        display->setFrame(frame);
        QVERIFY(action("displayScreenshotAction")->isEnabled());
        display->fail(u"gone"_s);
        QVERIFY(!action("displaySendKeyAction")->isEnabled());
    }

    void customCombination()
    {
        const auto combo = DisplayPage::combinationFor(
            QKeyCombination(Qt::ControlModifier | Qt::AltModifier, Qt::Key_F7));
        QCOMPARE(combo.size(), 3);
        QCOMPARE(combo[0].first, KeyCodes::QnumLeftCtrl);
        QCOMPARE(combo[1].first, KeyCodes::QnumLeftAlt);
        QCOMPARE(combo[2].first, 0x41u);
        QCOMPARE(combo[2].second, 0xffc4u);
    }

    void pageWithoutVmAndScreenshot()
    {
        auto *display = new FakeDisplay;
        DisplayPage page(nullptr, display);
        page.setVm(nullptr);
        QVERIFY(!page.view()->placeholderText().isEmpty());
        QTemporaryDir dir;
        QString error;
        QVERIFY(!page.saveScreenshot(dir.filePath(u"none.png"_s), &error));
        QVERIFY(!error.isEmpty());
        const QImage img = pattern(32, 16);
        display->setFrame(img);
        QVERIFY(page.saveScreenshot(dir.filePath(u"a.png"_s), &error));
        QCOMPARE(QImage(dir.filePath(u"a.png"_s)).convertToFormat(QImage::Format_RGB32), img);
    }

    void fullScreenToolBarHides()
    {
        DisplayWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.setFullScreen(true);
        QVERIFY(window.isFullScreen());
        QTRY_VERIFY_WITH_TIMEOUT(!window.page()->toolBar()->isVisible(), 5000);
        // The pointer at the top edge brings it back.
        QMouseEvent move(QEvent::MouseMove, QPointF(50, 1), QPointF(50, 1), Qt::NoButton,
                         Qt::NoButton, Qt::NoModifier);
        QCoreApplication::sendEvent(window.page()->view()->viewport(), &move);
        QVERIFY(window.page()->toolBar()->isVisible());
        window.setFullScreen(false);
        QVERIFY(window.page()->toolBar()->isVisible());
    }

    void fullScreenKeysAreTheHostsAndLeave()
    {
        // Issue 14 point 5: F11 and Esc went to the guest; there was no way out but the mouse.
        auto *window = new DisplayWindow;
        window->setAttribute(Qt::WA_DeleteOnClose);
        QPointer<DisplayWindow> alive(window);
        auto *display = new FakeDisplay;
        DisplayView *view = window->page()->view();
        view->setDisplay(display);
        display->setParent(window);
        display->setConnected();
        display->setFrame(pattern(64, 64));
        window->setClosesOnLeavingFullScreen(true); // opened from the tab's Full Screen
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        window->setFullScreen(true);
        QVERIFY(window->isFullScreen());
        QVERIFY2(window->fullScreenHint().contains(DisplayView::fullScreenKeys()),
                 qPrintable(window->fullScreenHint()));
        view->grabGuestKeyboard();
        display->clearInput();

        sendScanCode(view, QEvent::KeyPress, Qt::Key_F11, 87);
        sendScanCode(view, QEvent::KeyRelease, Qt::Key_F11, 87);
        QVERIFY(display->input().isEmpty()); // neither press nor release reached the guest
        QTRY_VERIFY(!alive);                 // left full screen, and the window it needed is gone

        // Ctrl+Alt+F does the same, in a window that stays (Detach, berth view).
        DisplayWindow stays;
        auto *fake = new FakeDisplay(&stays);
        stays.page()->view()->setDisplay(fake);
        fake->setConnected();
        stays.show();
        QVERIFY(QTest::qWaitForWindowExposed(&stays));
        stays.setFullScreen(true);
        fake->clearInput();
        sendScanCode(stays.page()->view(), QEvent::KeyPress, Qt::Key_F, 33,
                     Qt::ControlModifier | Qt::AltModifier);
        QVERIFY(!stays.isFullScreen());
        QVERIFY(stays.isVisible());
        for (const FakeDisplay::Input &i : fake->input())
            QVERIFY(i.qnum != 0x21); // F never went out
    }
};

QTEST_MAIN(TestDisplayView)
#include "tst_displayview.moc"
