#include "app/cli/commandline.h"

#include "app/cli/clisession.h"
#include "app/cli/diskcommands.h"
#include "app/cli/displaycommands.h"
#include "app/cli/snapshotcommands.h"
#include "app/cli/statscommands.h"
#include "app/cli/vmcommands.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace {

/// Every command, by name. Each family of commands registers itself here.
const CliCommandTable &commands()
{
    static const CliCommandTable table = [] {
        CliCommandTable t;
        addVmCommands(t);
        addSnapshotCommands(t);
        addDisplayCommands(t);
        addStatsCommands(t);
        addDiskCommands(t);
        return t;
    }();
    return table;
}

} // namespace

bool CommandLine::isCommand(const QStringList &arguments)
{
    // The window takes no positional arguments: any word is a command, known or not
    // (an unknown one gets its error line instead of a window).
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (arguments[i] == "--library"_L1) {
            ++i;
            continue;
        }
        if (!arguments[i].startsWith(u'-'))
            return true;
    }
    return false;
}

int CommandLine::run(const QStringList &arguments)
{
    // The first argument that is not an option is the command; options may come first.
    qsizetype commandIndex = -1;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (!arguments[i].startsWith(u'-')) {
            commandIndex = i;
            break;
        }
        if (arguments[i] == "--library"_L1)
            ++i; // its value
    }
    const QString command = arguments.value(commandIndex);
    const auto it = commands().find(command);
    if (it == commands().end()) {
        printLine(stderr, u"berth: "_s + CliText::tr("unknown command \"%1\"").arg(command));
        return CliUsage;
    }
    const CliCommand &spec = it->second;

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("CommandLine", spec.summary));
    parser.addHelpOption();
    parser.addOption({u"json"_s, CliText::tr("Print JSON on stdout.")});
    parser.addOption(
        {u"library"_s,
         CliText::tr("The VM library folder (default: $BERTH_LIBRARY or ~/.local/share/berth)."),
         u"DIR"_s});
    parser.addOptions(spec.options);
    if (*spec.syntax)
        parser.addPositionalArgument(QString::fromLatin1(spec.syntax), QString());

    QStringList args = arguments;
    args.removeAt(commandIndex);
    args.prepend(u"berth "_s + command);
    if (!parser.parse(args)) {
        printLine(stderr, u"berth: "_s + parser.errorText());
        return CliUsage;
    }
    if (parser.isSet(u"help"_s)) {
        // QCommandLineParser names the binary's path in the usage line; say the command.
        QString help = parser.helpText();
        const QString program = QCoreApplication::arguments().value(0);
        const qsizetype at = help.indexOf(program);
        if (!program.isEmpty() && at >= 0 && at < help.indexOf(u'\n'))
            help.replace(at, program.size(), u"berth "_s + command);
        printLine(stdout, help);
        return CliSuccess;
    }
    // One positional argument per word of the syntax ("NAME" is one; "ACTION NAME [TAG]" three).
    const qsizetype maxPositional =
        QString::fromLatin1(spec.syntax).split(u' ', Qt::SkipEmptyParts).size();
    if (parser.positionalArguments().size() > maxPositional) {
        printLine(stderr,
                  u"berth: "_s + CliText::tr("unexpected argument \"%1\"")
                                     .arg(parser.positionalArguments().value(maxPositional)));
        return CliUsage;
    }

    CliSession session(parser, command);
    try {
        return spec.run(session);
    } catch (const CliError &error) {
        printLine(stderr, u"berth: "_s + oneLine(error.message));
        return error.code;
    }
}
