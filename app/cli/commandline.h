// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "app/cli/clisession.h"

#include <QString>
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
    /// What main() starts for a command line.
    struct Start
    {
        enum class What
        {
            Window,           ///< the main window: no command, no --help or --version
            Command,          ///< a command, --help, --version or a wrong option: no display
            CommandWithWindow ///< a command that opens a window (view), with a display
        };
        What what = What::Window;
        /// For the window: --library's folder, or empty for AppSettings::libraryRoot().
        QString library;
    };

    /// The one place that tells the window from a command, for @p arguments (argv without
    /// the program). The window takes no positional arguments: any word is a command, known
    /// or not (an unknown one gets its error line instead of a window).
    static Start start(const QStringList &arguments);

    /// Runs the command in @p arguments (argv without the program; options may come before
    /// the command word), or answers --help and --version, writing to @p out and @p err as
    /// stdout and stderr. Returns the exit code. Needs a QCoreApplication (a QApplication
    /// where @p viewer opens a window).
    static int run(const QStringList &arguments, QIODevice &out, QIODevice &err,
                   const CliViewer &viewer = {});
    /// The same on the process's stdout and stderr.
    static int run(const QStringList &arguments, const CliViewer &viewer = {});
};
