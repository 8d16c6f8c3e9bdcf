// The display with real QEMU and the tiny test guest under TCG: the screen Berth shows
// (frame and painted widget) equals QEMU's own screendump of the same paused frame, as do
// both `berth screenshot` variants; keys typed into the view reach the guest's shell
// (it echoes to the serial port); the display reconnects by itself after a restart.
#include "displaypage.h"
#include "displayview.h"
#include "mainwindow.h"
#include "qemucommandline.h"
#include "qmpclient.h"
#include "qmpreply.h"
#include "remotedisplay.h"
#include "testguest.h"
#include "vmdetailspane.h"
#include "vminstance.h"
#include "vmlistmodel.h"
#include "windowdriver.h"

#include <QFile>
#include <QKeyEvent>
#include <QProcess>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

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

    VmInstance *instanceOf(const QString &name)
    {
        MainWindow *w = m_driver->window();
        for (int r = 0; r < w->model()->rowCount(); ++r) {
            const QModelIndex i = w->model()->index(r, 0);
            if (i.data().toString() == name)
                return w->model()->instance(i);
        }
        return nullptr;
    }

    bool waitForState(const QString &name, VmState state)
    {
        return QTest::qWaitFor(
            [&] { return m_driver->stateText(name) == vmStateDisplayName(state); },
            kActionTimeoutMs);
    }

    QString serial(const QString &name)
    {
        QFile f(QemuCommandLine::serialLogPath(m_driver->library().find(name)->folder));
        return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()) : QString();
    }

    /// Starts @p name from the window with the Display tab showing; returns its page once
    /// the guest is up and the screen has pixels.
    DisplayPage *startAndShow(const QString &name)
    {
        VmDefinition d = guestVm(name);
        if (!m_driver->createVm(d))
            return nullptr;
        MainWindow *w = m_driver->openWindow();
        w->resize(1500, 1000);
        if (!m_driver->select(name))
            return nullptr;
        DisplayPage *page = w->detailsPane()->displayPage();
        w->detailsPane()->tabs()->setCurrentWidget(page);
        m_driver->action("actionStart")->trigger();
        if (!waitForState(name, VmState::Running))
            return nullptr;
        if (!QTest::qWaitFor([&] { return serial(name).contains("BERTH-GUEST-READY"_L1); },
                             kBootTimeoutMs))
            return nullptr;
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
        QmpReply *reply =
            vm->qmp()->execute(u"screendump"_s, {{u"filename"_s, path}, {u"format"_s, u"png"_s}},
                               std::chrono::milliseconds(kActionTimeoutMs));
        if (!QTest::qWaitFor([&] { return reply->isFinished(); }, kActionTimeoutMs) ||
            reply->hasError()) {
            qWarning("screendump: %s", qPrintable(reply->error().message()));
            return {};
        }
        return QImage(path);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!TestGuest::isAvailable())
            QSKIP("the test guest is not built (BERTH_TEST_GUEST_DIR)");
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
        instanceOf(u"keys"_s)->reset();
        QVERIFY(QTest::qWaitFor(
            [&] { return serial(u"keys"_s).count("BERTH-GUEST-READY"_L1) >= 2; }, kBootTimeoutMs));
        QCOMPARE(page->display()->status(), RemoteDisplay::Status::Connected);
        QVERIFY(!updates.isEmpty());
    }

    void screenEqualsScreendumpWhenPaused()
    {
        DisplayPage *page = startAndShow(u"shot"_s);
        QVERIFY(page);
        VmInstance *vm = instanceOf(u"shot"_s);
        QVERIFY(vm);
        m_driver->action("actionPause")->trigger();
        QVERIFY(waitForState(u"shot"_s, VmState::Paused));
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
        instanceOf(u"again"_s)->forceStop(); // QEMU goes away under the display
        QVERIFY(waitForState(u"again"_s, VmState::Stopped));
        QTRY_COMPARE_WITH_TIMEOUT(page->display()->status(), RemoteDisplay::Status::Disconnected,
                                  kActionTimeoutMs);
        QVERIFY2(page->view()->placeholderText().contains(tr("not running")),
                 qPrintable(page->view()->placeholderText()));
        m_driver->action("actionStart")->trigger();
        QVERIFY(waitForState(u"again"_s, VmState::Running));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return page->display()->status() == RemoteDisplay::Status::Connected &&
                       page->display()->hasFrame();
            },
            kBootTimeoutMs));
        QVERIFY(page->view()->placeholderText().isEmpty());
    }
};

QTEST_MAIN(TestDisplayGuest)
#include "tst_display_guest.moc"
