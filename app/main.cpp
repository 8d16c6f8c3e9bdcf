#include "app/cli/commandline.h"
#include "app/startupprobe.h"
#include "app/viewwindow.h"
#include "models/settings/appsettings.h"
#include "models/settings/uilanguage.h"
#include "models/vm/vmlibrary.h"
#include "ui/window/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <csignal>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

void describeApplication()
{
    QCoreApplication::setApplicationName(u"berth"_s);
    QCoreApplication::setOrganizationName(u"berth"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(BERTH_VERSION));
}

} // namespace

int main(int argc, char *argv[])
{
    // A write to a peer that has gone (QEMU killed, a closed pipe) must fail with EPIPE, not
    // end the process.
    std::signal(SIGPIPE, SIG_IGN);
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    // Commands, --help and --version work without any display.
    const bool headless = CommandLine::isCommand(arguments) || arguments.contains(u"--version"_s) ||
                          arguments.contains(u"-v"_s) || arguments.contains(u"--help"_s) ||
                          arguments.contains(u"-h"_s);
    // `berth view NAME` is a command with a window.
    QString commandWord;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (arguments[i] == "--library"_L1) {
            ++i; // its value
        } else if (!arguments[i].startsWith(u'-')) {
            commandWord = arguments[i];
            break;
        }
    }
    // Without any display it stays headless and says so (instead of Qt aborting).
    const bool viewCommand =
        commandWord == "view"_L1 &&
        (qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY") ||
         qEnvironmentVariableIsSet("QT_QPA_PLATFORM"));
    if (headless) {
        std::unique_ptr<QCoreApplication> application;
        if (viewCommand)
            application = std::make_unique<QApplication>(argc, argv);
        else
            application = std::make_unique<QCoreApplication>(argc, argv);
        QCoreApplication &app = *application;
        describeApplication();
        UiLanguage::install(&app);
        if (CommandLine::isCommand(arguments))
            return CommandLine::run(arguments,
                                    viewCommand ? CliViewer(&ViewWindow::exec) : CliViewer());
        QCommandLineParser parser;
        parser.setApplicationDescription(QCoreApplication::translate(
            "main", "A desktop manager for QEMU/KVM virtual machines.\n\n"
                    "Without a command, opens the window. Commands: create, "
                    "list, status, start, pause, resume, reset, stop, delete, "
                    "log, screenshot, view (berth COMMAND --help)."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.process(app);
        return 0;
    }

    QApplication app(argc, argv);
    describeApplication();
    UiLanguage::install(&app);
    QApplication::setApplicationDisplayName(u"Berth"_s);
    QApplication::setDesktopFileName(u"invalid.berth.Berth"_s); // packaging/linux
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(
        {u"library"_s, QApplication::translate("main", "The VM library folder."), u"DIR"_s});
    parser.process(app);

    VmLibrary library(parser.isSet(u"library"_s) ? parser.value(u"library"_s)
                                                 : AppSettings::libraryRoot());
    MainWindow window(&library);
    window.show();
    if (qEnvironmentVariableIsSet("BERTH_STARTUP_PROBE"))
        StartupProbe::install(&window);
    return QApplication::exec();
}
