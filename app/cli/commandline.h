#pragma once

#include "app/cli/clisession.h"

#include <QStringList>

class QIODevice;

/// `berth COMMAND ...`: the scriptable interface. Runs without any display.
///
/// Output contract: with --json, one JSON document on stdout; a failure exits non-zero
/// with one line on stderr ("berth: <what went wrong>"). Exit codes: 0 success,
/// 1 the command failed, 2 the command line was wrong.
///
/// A library: main() runs a command on the process's stdout and stderr, the in-process
/// tests on buffers. It links no Qt Widgets: `berth view`'s window is lent by the
/// application as a CliViewer.
class CommandLine final
{
public:
    /// True when @p arguments (argv without the program) hold a command word (known or
    /// not), so main() knows not to open the window.
    static bool isCommand(const QStringList &arguments);

    /// Runs the command in @p arguments (argv without the program; options may come before
    /// the command word), writing to @p out and @p err as stdout and stderr. Returns the exit
    /// code. Needs a QCoreApplication (a QApplication where @p viewer opens a window).
    static int run(const QStringList &arguments, QIODevice &out, QIODevice &err,
                   const CliViewer &viewer = {});
    /// The same on the process's stdout and stderr.
    static int run(const QStringList &arguments, const CliViewer &viewer = {});
};
