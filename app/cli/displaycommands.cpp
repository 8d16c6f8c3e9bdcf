// SPDX-License-Identifier: GPL-2.0-or-later
// berth screenshot: through Berth's own VNC client, or QEMU's screendump (--qmp).
// berth view: finds and starts the VM; the application's CliViewer opens the window.
#include "app/cli/displaycommands.h"

#include "app/cli/resourcecommands.h"

#include "models/vm/vminstance.h"
#include "models/vm/vmlayout.h"
#include "models/vm/vmlifecycle.h"
#include "qmp/qemumonitor.h"
#include "ui/display/vncdisplay.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QImage>
#include <QJsonObject>
#include <QRegion>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kFrameTimeoutMs = 20'000;

/// The first complete frame from the VM's VNC server. QEMU answers the first
/// (non-incremental) request with an ExtendedDesktopSize rectangle that has no pixels:
/// wait until updates have covered the whole screen.
QImage grabFrame(const QString &socketPath)
{
    VncDisplay display;
    QEventLoop loop;
    QRegion covered;
    QRect screen;
    bool complete = false;
    QObject::connect(&display, &RemoteDisplay::frameResized, &loop, [&](QSize size) {
        screen = QRect(QPoint(0, 0), size);
        covered = QRegion();
    });
    QObject::connect(&display, &RemoteDisplay::frameUpdated, &loop, [&](QRect rect) {
        covered += rect;
        if (!screen.isEmpty() && QRegion(screen).subtracted(covered).isEmpty()) {
            complete = true;
            loop.quit();
        }
    });
    QObject::connect(&display, &RemoteDisplay::statusChanged, &loop, [&](RemoteDisplay::Status s) {
        if (s == RemoteDisplay::Status::Failed)
            loop.quit();
    });
    QTimer::singleShot(kFrameTimeoutMs, &loop, &QEventLoop::quit);
    display.open(socketPath);
    loop.exec();
    if (display.status() == RemoteDisplay::Status::Failed)
        throw CliError{CliText::tr("cannot read the screen: %1").arg(display.errorString())};
    if (!complete)
        throw CliError{CliText::tr("no complete screen arrived within %1 seconds")
                           .arg(kFrameTimeoutMs / 1000)};
    QImage frame = display.frame();
    display.close();
    return frame;
}

void screendump(VmInstance &instance, const QString &path)
{
    QmpClient *qmp = instance.qmp();
    if (!qmp)
        throw CliError{CliText::tr("%1 has no monitor connection").arg(instance.definition().name)};
    QEventLoop loop;
    bool answered = false;
    QmpError error;
    QemuMonitor(*qmp).screendump(path, &loop, [&](const QmpResult<void> &r) {
        answered = true;
        error = r.error();
        loop.quit();
    });
    if (!answered) // the answer always comes from the event loop, with a timeout
        loop.exec();
    if (error.isError())
        throw CliError{error.message()};
}

int cmdScreenshot(CliSession &s)
{
    const VmEntry &e = s.entry();
    const QString file = s.positional(1, CliText::tr("FILE.png"));
    // QEMU writes the file itself from its own working directory: give it an absolute path.
    const QString path = QFileInfo(file).absoluteFilePath();
    std::unique_ptr<VmInstance> instance = s.attached(e);
    if (const QString why = instance->refusal(VmAction::Display); !why.isEmpty())
        throw CliError{why};
    if (s.parser().isSet(u"qmp"_s)) {
        screendump(*instance, path);
    } else {
        const QImage frame = grabFrame(instance->layout().vncSocketPath());
        if (!frame.save(path, "PNG"))
            throw CliError{CliText::tr("cannot write %1").arg(path)};
    }
    const QImage written(path);
    if (s.json()) {
        printJson(s.out(), QJsonObject{{u"name"_s, e.name()},
                                       {u"file"_s, path},
                                       {u"width"_s, written.width()},
                                       {u"height"_s, written.height()}});
    } else {
        printLine(s.out(), CliText::tr("Saved the screen of %1 (%2×%3) to %4")
                               .arg(e.name())
                               .arg(written.width())
                               .arg(written.height())
                               .arg(path));
    }
    return CliSuccess;
}

/// Starts @p instance (stopped) and waits until it runs.
void startAndWait(VmInstance &instance)
{
    QString failure;
    bool started = false;
    QEventLoop loop;
    QObject::connect(&instance, &VmInstance::started, &loop, [&] {
        started = true;
        loop.quit();
    });
    QObject::connect(&instance, &VmInstance::actionFailed, &loop, [&](VmAction, const QString &m) {
        failure = m;
        loop.quit();
    });
    QObject::connect(&instance, &VmInstance::processEnded, &loop, [&] {
        failure = instance.lastError();
        loop.quit();
    });
    instance.start();
    loop.exec();
    if (!started)
        throw CliError{failure.isEmpty()
                           ? CliText::tr("%1 did not start").arg(instance.definition().name)
                           : failure};
}

int cmdView(CliSession &s)
{
    const VmEntry &e = s.entry();
    if (!s.viewer())
        throw CliError{CliText::tr("berth view needs a display")};
    QString socketPath;
    {
        // The CLI's monitor is held only to start the VM: while the window is open, other
        // `berth` commands can use it. The window follows the VNC socket alone.
        std::unique_ptr<VmInstance> instance = s.attached(e);
        if (!VmLifecycle::hasProcess(instance->state())) {
            admitStart(s, e);
            startAndWait(*instance);
        }
        socketPath = instance->layout().vncSocketPath();
    }
    return s.viewer()(e.name(), socketPath, s.parser().isSet(u"fullscreen"_s), s.library().root());
}

} // namespace

void addDisplayCommands(CliCommandTable &t)
{
    t[u"screenshot"_s] = {
        QT_TRANSLATE_NOOP("CommandLine",
                          "Save a running VM's screen as PNG, through Berth's VNC client (or "
                          "QEMU's screendump with --qmp)."),
        "NAME FILE.png",
        {{u"qmp"_s, CliText::tr("Take it with QEMU's screendump instead of Berth's VNC client.")}},
        cmdScreenshot};
    t[u"view"_s] = {
        QT_TRANSLATE_NOOP("CommandLine",
                          "Open a window with only this VM's screen, starting the VM if it is "
                          "stopped."),
        "NAME",
        {{u"fullscreen"_s, CliText::tr("Open the window full screen.")},
         {u"force"_s, CliText::tr("Start it even when the running VMs would be given more "
                                  "memory than this computer can back (berth host).")}},
        cmdView,
        true}; // opens a window
}
