// SPDX-License-Identifier: GPL-2.0-or-later
// The display with real QEMU and the tiny test guest under TCG: the screen Berth shows
// (frame and painted widget) equals QEMU's own screendump of the same paused frame, as do
// both `berth screenshot` variants; keys typed into the view reach the guest's shell
// (it echoes to the serial port); the display reconnects by itself after a restart; it
// follows the guest's change of resolution (the kernel's setup code, asked to with
// vga=ask, switches from 720x400 text to a 1024x768 VESA mode that the test types); and
// a click, a drag and the wheel arrive in the guest's own input layer through QEMU's
// usb-tablet at the exact absolute position that was clicked.
#include "models/itemmodels/vmlistmodel.h"
#include "models/vm/vminstance.h"
#include "models/vm/vmlayout.h"
#include "qmp/qemumonitor.h"
#include "qmp/qmpclient.h"
#include "tests/support/testguest.h"
#include "tests/support/windowdriver.h"
#include "ui/display/remotedisplay.h"
#include "ui/pages/displaypage.h"
#include "ui/pages/vmdetailspane.h"
#include "ui/widgets/displayview.h"
#include "ui/window/mainwindow.h"

#include <QFile>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QProcess>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kBootTimeoutMs = 90'000;
constexpr int kActionTimeoutMs = 30'000;

/// evdev codes of a US keyboard for the characters the test types; shift when needed.
struct Stroke
{
    quint32 evdev;
    bool shift;
};

Stroke strokeFor(QChar c)
{
    static const QString rows[] = {u"1234567890-="_s, u"qwertyuiop[]"_s, u"asdfghjkl;'"_s,
                                   u"zxcvbnm,./"_s};
    static const quint32 firsts[] = {2, 16, 30, 44};
    if (c == u' ')
        return {57, false};
    if (c == u'\n')
        return {28, false};
    if (c == u'>')
        return {52, true};
    const QChar lower = c.toLower();
    for (int r = 0; r < 4; ++r) {
        const qsizetype i = rows[r].indexOf(lower);
        if (i >= 0)
            return {firsts[r] + quint32(i), c.isUpper()};
    }
    return {0, false};
}

void key(QWidget *w, QEvent::Type type, quint32 evdev, Qt::KeyboardModifiers mods)
{
    QKeyEvent e(type, 0, mods, evdev + 8, 0, 0);
    QCoreApplication::sendEvent(w, &e);
}

void typeText(QWidget *w, const QString &text)
{
    for (const QChar c : text) {
        const Stroke s = strokeFor(c);
        QVERIFY2(s.evdev != 0, "untypeable character");
        if (s.shift)
            key(w, QEvent::KeyPress, 42, Qt::ShiftModifier);
        key(w, QEvent::KeyPress, s.evdev, s.shift ? Qt::ShiftModifier : Qt::NoModifier);
        key(w, QEvent::KeyRelease, s.evdev, s.shift ? Qt::ShiftModifier : Qt::NoModifier);
        if (s.shift)
            key(w, QEvent::KeyRelease, 42, Qt::NoModifier);
        QTest::qWait(15);
    }
}

/// What the usb-tablet reports for frame pixel @p pixel on a screen @p size pixels
/// wide/high: QEMU's VNC server scales it to 0..0x7fff (qemu_input_scale_axis).
int tabletAxis(int pixel, int size)
{
    return int(qint64(pixel) * 0x7fff / size);
}

/// The centre of frame pixel @p pixel in @p view's viewport coordinates (fit mode).
QPointF viewportPointOf(DisplayView *view, QPoint pixel)
{
    const QRectF target = view->frameTarget();
    const QSize frame = view->display()->frame().size();
    return {target.x() + (pixel.x() + 0.5) * target.width() / frame.width(),
            target.y() + (pixel.y() + 0.5) * target.height() / frame.height()};
}

void mouse(QWidget *viewport, QEvent::Type type, QPointF at, Qt::MouseButton button,
           Qt::MouseButtons buttons)
{
    QMouseEvent e(type, at, viewport->mapToGlobal(at), button, buttons, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &e);
}

bool samePixels(const QImage &a, const QImage &b)
{
    return a.size() == b.size() &&
           a.convertToFormat(QImage::Format_RGB888) == b.convertToFormat(QImage::Format_RGB888);
}

} // namespace

class TestDisplayGuest final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WindowDriver> m_driver;

    VmDefinition guestVm(const QString &name) { return TestGuest::definition(name); }

    QString serial(const QString &name)
    {
        QFile f(VmLayout::ofFolder(m_driver->library().find(name)->folder).serialLogPath());
        return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()) : QString();
    }

    /// Starts @p name from the window with the Display tab showing; returns its page once
    /// the guest is up and the screen has pixels.
    DisplayPage *startAndShow(const QString &name)
    {
        VmDefinition d = guestVm(name);
        return startAndShow(d, u"BERTH-GUEST-READY"_s);
    }

    /// Creates @p d and starts it from the window with the Display tab showing; returns
    /// its page once the serial console has shown @p ready and the screen has pixels.
    DisplayPage *startAndShow(VmDefinition &d, const QString &ready)
    {
        const QString name = d.name;
        if (!m_driver->createVm(d))
            return nullptr;
        MainWindow *w = m_driver->openWindow();
        w->resize(1500, 1000);
        if (!m_driver->select(name))
            return nullptr;
        DisplayPage *page = w->detailsPane()->displayPage();
        w->detailsPane()->tabs()->setCurrentWidget(page);
        m_driver->action("actionStart")->trigger();
        if (!m_driver->waitForState(name, VmState::Running, kActionTimeoutMs))
            return nullptr;
        if (!QTest::qWaitFor([&] { return serial(name).contains(ready); }, kBootTimeoutMs)) {
            qWarning("no '%s' on the serial console: %s", qPrintable(ready),
                     qPrintable(serial(name).right(300)));
            return nullptr;
        }
        if (!QTest::qWaitFor(
                [&] {
                    return page->display()->status() == RemoteDisplay::Status::Connected &&
                           page->display()->hasFrame();
                },
                kActionTimeoutMs))
            return nullptr;
        return page;
    }

    QImage screendump(VmInstance *vm, const QString &path)
    {
        std::optional<QmpResult<void>> written;
        QemuMonitor(*vm->qmp()).screendump(path, this, [&](const QmpResult<void> &r) {
            written = r;
        });
        if (!QTest::qWaitFor([&] { return written.has_value(); }, kActionTimeoutMs) || !*written) {
            qWarning("screendump: %s",
                     written ? qPrintable(written->error().message()) : "no answer");
            return {};
        }
        return QImage(path);
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
        m_driver = std::make_unique<WindowDriver>();
        QVERIFY(m_driver->isValid());
    }

    void cleanup() { m_driver.reset(); }

    void keyboardReachesTheGuestShell()
    {
        DisplayPage *page = startAndShow(u"keys"_s);
        QVERIFY(page);
        // The shell on tty1 starts with the guest; give it a moment to print its prompt.
        QTest::qWait(1500);
        typeText(page->view(), u"echo Berth-typed-42 > /dev/ttyS0\n"_s);
        QVERIFY2(QTest::qWaitFor([&] { return serial(u"keys"_s).contains("Berth-typed-42"_L1); },
                                 kActionTimeoutMs),
                 qPrintable(serial(u"keys"_s).right(300)));

        // A guest reboot keeps the connection; the screen follows.
        QSignalSpy updates(page->display(), &RemoteDisplay::frameUpdated);
        m_driver->instance(u"keys"_s)->reset();
        QVERIFY(QTest::qWaitFor(
            [&] { return serial(u"keys"_s).count("BERTH-GUEST-READY"_L1) >= 2; }, kBootTimeoutMs));
        QCOMPARE(page->display()->status(), RemoteDisplay::Status::Connected);
        QVERIFY(!updates.isEmpty());
    }

    void screenEqualsScreendumpWhenPaused()
    {
        DisplayPage *page = startAndShow(u"shot"_s);
        QVERIFY(page);
        VmInstance *vm = m_driver->instance(u"shot"_s);
        QVERIFY(vm);
        m_driver->action("actionPause")->trigger();
        QVERIFY(m_driver->waitForState(u"shot"_s, VmState::Paused, kActionTimeoutMs));
        QCOMPARE(page->view()->overlayText(), tr("Paused"));

        const QString dumpPath = m_driver->libraryRoot() + u"/dump.png"_s;
        const QImage dump = screendump(vm, dumpPath);
        QVERIFY(!dump.isNull());
        // The last update may still be on its way (QEMU's refresh timer backs off).
        QVERIFY(
            QTest::qWaitFor([&] { return samePixels(page->display()->frame(), dump); }, 10'000));

        // What the widget paints at 1:1 is the same picture.
        page->view()->setScaling(DisplayView::Scaling::ActualSize);
        page->view()->setOverlayText(QString());
        QTest::qWait(50);
        const QRect target = page->view()->frameTarget().toRect();
        QCOMPARE(target.size(), dump.size());
        const QImage painted = page->view()->viewport()->grab(target).toImage();
        if (!samePixels(painted, dump))
            painted.save(m_driver->libraryRoot() + u"/../painted.png"_s);
        QVERIFY(samePixels(painted, dump));

        // Both CLI screenshots equal it pixel for pixel.
        const QString vncPath = m_driver->libraryRoot() + u"/vnc.png"_s;
        const QString qmpPath = m_driver->libraryRoot() + u"/qmp.png"_s;
        for (const QStringList &extra : {QStringList{vncPath}, QStringList{qmpPath, u"--qmp"_s}}) {
            QProcess berth;
            berth.start(QStringLiteral(BERTH_BINARY),
                        QStringList{u"screenshot"_s, u"shot"_s} + extra +
                            QStringList{u"--library"_s, m_driver->libraryRoot()});
            QVERIFY(berth.waitForFinished(60'000));
            QVERIFY2(berth.exitCode() == 0, berth.readAllStandardError().constData());
        }
        QVERIFY(samePixels(QImage(vncPath), dump));
        QVERIFY(samePixels(QImage(qmpPath), dump));
    }

    void reconnectsAfterRestart()
    {
        DisplayPage *page = startAndShow(u"again"_s);
        QVERIFY(page);
        m_driver->instance(u"again"_s)->forceStop(); // QEMU goes away under the display
        QVERIFY(m_driver->waitForState(u"again"_s, VmState::Stopped, kActionTimeoutMs));
        QTRY_COMPARE_WITH_TIMEOUT(page->display()->status(), RemoteDisplay::Status::Disconnected,
                                  kActionTimeoutMs);
        QVERIFY2(page->view()->placeholderText().contains(tr("not running")),
                 qPrintable(page->view()->placeholderText()));
        m_driver->action("actionStart")->trigger();
        QVERIFY(m_driver->waitForState(u"again"_s, VmState::Running, kActionTimeoutMs));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return page->display()->status() == RemoteDisplay::Status::Connected &&
                       page->display()->hasFrame();
            },
            kBootTimeoutMs));
        QVERIFY(page->view()->placeholderText().isEmpty());
    }

    void followsTheGuestsResolutionChange()
    {
        // The setup code prints its prompts on the serial port too (earlyprintk) and
        // waits 30 s for an answer, in 720x400 text mode.
        VmDefinition d = TestGuest::definition(
            u"modes"_s, u"console=ttyS0 quiet earlyprintk=serial,ttyS0,115200 vga=ask"_s);
        DisplayPage *page = startAndShow(d, u"Press <ENTER> to see video modes"_s);
        QVERIFY(page);
        QCOMPARE(page->display()->frame().size(), QSize(720, 400));
        QSignalSpy resized(page->display(), &RemoteDisplay::frameResized);

        typeText(page->view(), u"\n"_s);
        QVERIFY2(
            QTest::qWaitFor([&] { return serial(u"modes"_s).contains("Enter a video mode"_L1); },
                            kActionTimeoutMs),
            qPrintable(serial(u"modes"_s).right(300)));
        typeText(page->view(), u"317\n"_s); // VESA 0x317: 1024x768, 16 bpp

        // The signal, not frame(): frame() is the worker's newest picture and may show the
        // new size before the queued frameResized has reached this thread.
        QTRY_VERIFY_WITH_TIMEOUT(!resized.isEmpty() &&
                                     resized.last().at(0).toSize() == QSize(1024, 768),
                                 kActionTimeoutMs);
        QCOMPARE(page->display()->frame().size(), QSize(1024, 768));
        // Scaled to fit, the picture keeps the new 4:3 shape.
        const QRectF target = page->view()->frameTarget();
        QVERIFY2(qAbs(target.width() / target.height() - 4.0 / 3.0) < 0.01,
                 qPrintable(u"%1x%2"_s.arg(target.width()).arg(target.height())));
        // QEMU's own idea of the screen agrees.
        const QImage dump =
            screendump(m_driver->instance(u"modes"_s), m_driver->libraryRoot() + u"/modes.png"_s);
        QCOMPARE(dump.size(), QSize(1024, 768));
    }

    void absolutePointerReachesTheGuest()
    {
        const QString usbGuest = qEnvironmentVariable("BERTH_TEST_GUEST_USB_DIR");
        QVERIFY2(!usbGuest.isEmpty() && QFile::exists(usbGuest + u"/vmlinuz"_s),
                 "the usb test guest is not built (BERTH_TEST_GUEST_USB_DIR)");
        // The guest prints each evdev event of its usb-tablet on the serial console.
        VmDefinition d =
            TestGuest::definition(u"pointer"_s, u"console=ttyS0 quiet berth.pointer=1"_s);
        d.kernel = usbGuest + u"/vmlinuz"_s;
        d.initrd = usbGuest + u"/initrd.img"_s;
        DisplayPage *page = startAndShow(d, u"BERTH-POINTER-READY"_s);
        QVERIFY(page);
        DisplayView *view = page->view();
        QWidget *viewport = view->viewport();
        const QSize screen = page->display()->frame().size();
        QVERIFY(!screen.isEmpty());
        // Scaled, so that the widget-to-guest mapping is part of what is checked.
        QVERIFY(view->frameTarget().width() != screen.width());

        const auto events = [&] {
            QStringList lines;
            const QStringList all = serial(u"pointer"_s).split(u'\n');
            for (const QString &line : all) {
                if (line.startsWith("BERTH-EV "_L1))
                    lines << line.trimmed().mid(9);
            }
            return lines;
        };
        const auto waitFor = [&](const QString &event) {
            const bool seen =
                QTest::qWaitFor([&] { return events().contains(event); }, kActionTimeoutMs);
            if (!seen)
                qWarning("the guest saw: %s", qPrintable(events().join(u" | "_s)));
            return seen;
        };
        // evdev: EV_KEY 1, EV_REL 2, EV_ABS 3; ABS_X 0, ABS_Y 1; BTN_LEFT 272,
        // BTN_RIGHT 273; REL_WHEEL 8.
        const QPoint click(180, 300);
        const QPointF at = viewportPointOf(view, click);
        mouse(viewport, QEvent::MouseButtonPress, at, Qt::LeftButton, Qt::LeftButton);
        mouse(viewport, QEvent::MouseButtonRelease, at, Qt::LeftButton, Qt::NoButton);
        QVERIFY(waitFor(u"3 0 %1"_s.arg(tabletAxis(click.x(), screen.width()))));
        QVERIFY(waitFor(u"3 1 %1"_s.arg(tabletAxis(click.y(), screen.height()))));
        QVERIFY(waitFor(u"1 272 1"_s));
        QVERIFY(waitFor(u"1 272 0"_s));

        // A right-button drag to the bottom-right corner.
        const QPoint corner(screen.width() - 1, screen.height() - 1);
        mouse(viewport, QEvent::MouseButtonPress, at, Qt::RightButton, Qt::RightButton);
        mouse(viewport, QEvent::MouseMove, viewportPointOf(view, corner), Qt::NoButton,
              Qt::RightButton);
        mouse(viewport, QEvent::MouseButtonRelease, viewportPointOf(view, corner), Qt::RightButton,
              Qt::NoButton);
        QVERIFY(waitFor(u"1 273 1"_s));
        QVERIFY(waitFor(u"3 0 %1"_s.arg(tabletAxis(corner.x(), screen.width()))));
        QVERIFY(waitFor(u"3 1 %1"_s.arg(tabletAxis(corner.y(), screen.height()))));
        QVERIFY(waitFor(u"1 273 0"_s));

        // One notch up, one down.
        for (const int delta : {120, -120}) {
            QWheelEvent wheel(at, viewport->mapToGlobal(at), QPoint(), QPoint(0, delta),
                              Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
            QCoreApplication::sendEvent(viewport, &wheel);
        }
        QVERIFY(waitFor(u"2 8 1"_s));
        QVERIFY(waitFor(u"2 8 -1"_s));
    }
};

QTEST_MAIN(TestDisplayGuest)
#include "tst_display_guest.moc"
