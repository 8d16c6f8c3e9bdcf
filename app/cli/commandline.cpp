// SPDX-License-Identifier: GPL-2.0-or-later
#include "app/cli/commandline.h"

#include "app/cli/clisession.h"
#include "app/cli/consolecommand.h"
#include "app/cli/diskcommands.h"
#include "app/cli/displaycommands.h"
#include "app/cli/networkcommands.h"
#include "app/cli/detectcommand.h"
#include "app/cli/portabilitycommands.h"
#include "app/cli/resourcecommands.h"
#include "app/cli/setcommand.h"
#include "app/cli/shortcutcommand.h"
#include "app/cli/snapshotcommands.h"
#include "app/cli/statscommands.h"
#include "app/cli/vmcommands.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

/// Every command, by name. Each family of commands registers itself here.
const CliCommandTable &commands()
{
    static const CliCommandTable table = [] {
        CliCommandTable t;
        addVmCommands(t);
        addSetCommand(t);
        addDetectCommand(t);
        addSnapshotCommands(t);
        addDisplayCommands(t);
        addStatsCommands(t);
        addDiskCommands(t);
        addPortabilityCommands(t);
        addConsoleCommand(t);
        addNetworkCommands(t);
        addResourceCommands(t);
        addShortcutCommand(t);
        return t;
    }();
    return table;
}

/// Where the command word is: the first argument that is not an option or --library's
/// value (options may come first). -1 when there is none.
qsizetype commandIndex(const QStringList &arguments)
{
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (arguments[i] == "--library"_L1)
            ++i; // its value
        else if (!arguments[i].startsWith(u'-'))
            return i;
    }
    return -1;
}

/// --library, which every command line has, with or without a command.
QCommandLineOption libraryOption()
{
    return {u"library"_s,
            CliText::tr("The VM library folder (default: $BERTH_LIBRARY, else the folder set in "
                        "Preferences, else ~/.local/share/berth)."),
            u"DIR"_s};
}

/// The options of `berth` without a command.
void addTopLevelOptions(QCommandLineParser &parser)
{
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(libraryOption());
}

bool helpWanted(const QCommandLineParser &parser)
{
    return parser.isSet(u"help"_s) || parser.isSet(u"help-all"_s);
}

/// The help text, its usage line naming @p usage ("berth stop") rather than the binary's path,
/// which QCommandLineParser puts there.
QString helpText(const QCommandLineParser &parser, const QString &usage)
{
    QString help = parser.helpText();
    const QString program = QCoreApplication::arguments().value(0);
    const qsizetype at = help.indexOf(program);
    if (!program.isEmpty() && at >= 0 && at < help.indexOf(u'\n'))
        help.replace(at, program.size(), usage);
    return help;
}

/// `berth`, `berth --help`, `berth --version` and wrong options without a command.
int runWithoutCommand(const QStringList &arguments, QIODevice &out, QIODevice &err)
{
    QStringList names;
    for (const auto &[name, spec] : commands())
        names << name;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CliText::tr("A desktop manager for QEMU/KVM virtual machines.\n\n"
                    "Without a command, opens the window. Commands: %1 (berth COMMAND --help).")
            .arg(names.join(u", "_s)));
    addTopLevelOptions(parser);
    if (!parser.parse(QStringList{u"berth"_s} + arguments)) {
        printLine(err, u"berth: "_s + parser.errorText());
        return CliUsage;
    }
    if (parser.isSet(u"version"_s)) {
        // As QCommandLineParser::showVersion() words it.
        printLine(out, QCoreApplication::applicationName() + u' ' +
                           QCoreApplication::applicationVersion());
        return CliSuccess;
    }
    if (helpWanted(parser)) {
        printLine(out, helpText(parser, u"berth"_s));
        return CliSuccess;
    }
    // Start::What::Window: main() opens the window instead of coming here.
    printLine(err, u"berth: "_s + CliText::tr("no command given (berth --help lists them)"));
    return CliUsage;
}

bool hasDisplay()
{
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY") ||
           qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
}

} // namespace

CommandLine::Start CommandLine::start(const QStringList &arguments)
{
    using enum Start::What;
    if (const qsizetype at = commandIndex(arguments); at >= 0) {
        const auto it = commands().find(arguments[at]);
        // Without any display a window command stays headless and says so (instead of Qt
        // aborting).
        const bool window = it != commands().end() && it->second.opensWindow && hasDisplay();
        return {window ? CommandWithWindow : Command, {}};
    }
    // Help, the version and wrong options are answered on the terminal, without a display.
    QCommandLineParser parser;
    addTopLevelOptions(parser);
    if (!parser.parse(QStringList{u"berth"_s} + arguments) || helpWanted(parser) ||
        parser.isSet(u"version"_s))
        return {Command, {}};
    return {Window, parser.value(u"library"_s)};
}

int CommandLine::run(const QStringList &arguments, QIODevice &out, QIODevice &err,
                     const CliViewer &viewer)
{
    const qsizetype at = commandIndex(arguments);
    if (at < 0)
        return runWithoutCommand(arguments, out, err);
    const QString command = arguments[at];
    const auto it = commands().find(command);
    if (it == commands().end()) {
        printLine(err, u"berth: "_s + CliText::tr("unknown command \"%1\"").arg(command));
        return CliUsage;
    }
    const CliCommand &spec = it->second;

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("CommandLine", spec.summary));
    parser.addHelpOption();
    parser.addOption({u"json"_s, CliText::tr("Print JSON on stdout.")});
    parser.addOption(libraryOption());
    parser.addOptions(spec.options);
    if (*spec.syntax)
        parser.addPositionalArgument(QString::fromLatin1(spec.syntax), QString());

    QStringList args = arguments;
    args.removeAt(at);
    args.prepend(u"berth "_s + command);
    if (!parser.parse(args)) {
        printLine(err, u"berth: "_s + parser.errorText());
        return CliUsage;
    }
    if (helpWanted(parser)) {
        printLine(out, helpText(parser, u"berth "_s + command));
        return CliSuccess;
    }
    // One positional argument per word of the syntax ("NAME" is one; "ACTION NAME [TAG]" three).
    const qsizetype maxPositional =
        QString::fromLatin1(spec.syntax).split(u' ', Qt::SkipEmptyParts).size();
    if (parser.positionalArguments().size() > maxPositional) {
        printLine(err, u"berth: "_s + CliText::tr("unexpected argument \"%1\"")
                                          .arg(parser.positionalArguments().value(maxPositional)));
        return CliUsage;
    }

    CliSession session(parser, command, out, err, viewer);
    try {
        return spec.run(session);
    } catch (const CliError &error) {
        printLine(err, u"berth: "_s + oneLine(error.message));
        return error.code;
    }
}

int CommandLine::run(const QStringList &arguments, const CliViewer &viewer)
{
    // Unbuffered: a line is on the terminal (or in the pipe) as soon as it is printed, as
    // `stats --watch` and convert's progress need.
    QFile out;
    QFile err;
    if (!out.open(STDOUT_FILENO, QIODevice::WriteOnly | QIODevice::Unbuffered) ||
        !err.open(STDERR_FILENO, QIODevice::WriteOnly | QIODevice::Unbuffered))
        return CliFailed;
    return run(arguments, out, err, viewer);
}
