// SPDX-License-Identifier: GPL-2.0-or-later
// main(): the window or a command, as CommandLine::start() decides.
#include "app/cli/commandline.h"
#include "app/startupprobe.h"
#include "app/viewwindow.h"
#include "models/settings/appsettings.h"
#include "models/settings/uilanguage.h"
#include "models/vm/vmlibrary.h"
#include "ui/window/mainwindow.h"
#include "ui/window/windowserver.h"

#include <QApplication>
#include <csignal>
#include <sys/stat.h>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

/// Qt's application object, named and speaking the user's language.
template<typename Application>
std::unique_ptr<Application> makeApplication(int &argc, char **argv)
{
    auto app = std::make_unique<Application>(argc, argv);
    QCoreApplication::setApplicationName(u"berth"_s);
    QCoreApplication::setOrganizationName(u"berth"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(BERTH_VERSION));
    UiLanguage::install(app.get());
    return app;
}

int openMainWindow(int &argc, char **argv, const QString &libraryFolder)
{
    const auto app = makeApplication<QApplication>(argc, argv);
    QApplication::setApplicationDisplayName(u"Berth"_s);
    QApplication::setDesktopFileName(u"invalid.berth.Berth"_s); // packaging/linux
    const QString root = libraryFolder.isEmpty() ? AppSettings::libraryRoot() : libraryFolder;
    // One window per session: a second `berth` brings the first one forward.
    if (WindowServer::forward({root, {}, false}))
        return 0;
    VmLibrary library(root);
    MainWindow window(&library);
    (new WindowServer(&window, root))->listen();
    window.show();
    if (qEnvironmentVariableIsSet("BERTH_STARTUP_PROBE"))
        StartupProbe::install(&window);
    return QApplication::exec();
}

} // namespace

int main(int argc, char *argv[])
{
    // A write to a peer that has gone (QEMU killed, a closed pipe) must fail with EPIPE, not
    // end the process.
    std::signal(SIGPIPE, SIG_IGN);
    // What Berth writes is the user's alone: folders 0700, files 0600 (definitions, disks,
    // logs, UEFI variables, screenshots), and so is what the QEMU and qemu-img it starts write.
    ::umask(077);
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    using What = CommandLine::Start::What;
    const CommandLine::Start start = CommandLine::start(arguments);
    if (start.what == What::Window)
        return openMainWindow(argc, argv, start.library);
    if (start.what == What::CommandWithWindow) {
        const auto app = makeApplication<QApplication>(argc, argv);
        return CommandLine::run(arguments, &ViewWindow::exec);
    }
    const auto app = makeApplication<QCoreApplication>(argc, argv);
    return CommandLine::run(arguments);
}
