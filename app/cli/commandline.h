#pragma once

#include <QStringList>

/// `berth COMMAND ...`: the scriptable interface. Runs without any display.
///
/// Output contract: with --json, one JSON document on stdout; a failure exits non-zero
/// with one line on stderr ("berth: <what went wrong>"). Exit codes: 0 success,
/// 1 the command failed, 2 the command line was wrong.
class CommandLine final
{
public:
    /// True when @p arguments (argv without the program) hold a command word (known or
    /// not), so main() knows not to open the window.
    static bool isCommand(const QStringList &arguments);

    /// Runs the command. Needs a QCoreApplication.
    static int run(const QStringList &arguments);
};
