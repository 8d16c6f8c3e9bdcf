// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/vm/vmlibrary.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <functional>
#include <map>
#include <memory>

class QIODevice;
class VmInstance;

/// Shared by every `berth COMMAND`: exit codes, the error type, output, and the session
/// (parsed options, the library, the named VM) a command runs in.

enum CliExit
{
    CliSuccess = 0,
    CliFailed = 1,
    CliUsage = 2
};

/// A failure the user must read: printed as one line on stderr, "berth: <message>".
struct CliError
{
    QString message;
    int code = CliFailed;

    /// A model's Failure: its message for the user; its detail goes to the log
    /// (berth.cli at debug level).
    static CliError from(const Failure &failure, int code = CliFailed);
};

/// Writes @p text and a newline to @p stream (CliSession::out() or err()), at once.
void printLine(QIODevice &stream, const QString &text);
/// The CLI's error contract is one line: multi-line messages (QEMU's) are folded into it.
QString oneLine(const QString &text);
/// Writes @p value, an object or an array, as one indented JSON document.
void printJson(QIODevice &stream, const QJsonValue &value);

/// The absolute path of an existing, readable file, or a CliError naming @p what.
QString requireFile(const QString &path, const QString &what);

/// Shows a running VM's screen in a window until the user closes it and returns the exit
/// code: `berth view`'s window. The application provides it (app/viewwindow.h), so that the
/// CLI links no Qt Widgets; where there is none (no display), `berth view` says so.
/// @p libraryRoot: the library the VM is in (a running window of that library shows it).
using CliViewer = std::function<int(const QString &vmName, const QString &vncSocket,
                                    bool fullScreen, const QString &libraryRoot)>;

/// What one command runs in: its parsed options, where it writes, the library, the named VM.
class CliSession final
{
public:
    /// @p out and @p err stand for stdout and stderr: the process's for `berth`, buffers for
    /// the in-process tests. @p viewer may be empty.
    CliSession(QCommandLineParser &parser, const QString &command, QIODevice &out, QIODevice &err,
               const CliViewer &viewer);
    ~CliSession();
    CliSession(const CliSession &) = delete;
    CliSession &operator=(const CliSession &) = delete;

    QCommandLineParser &parser() { return m_parser; }
    bool json() const;
    /// What the command prints (its result, --json's document).
    QIODevice &out() { return m_out; }
    /// Progress and warnings. Errors are thrown as CliError, not printed here.
    QIODevice &err() { return m_err; }
    /// `berth view`'s window, or empty.
    const CliViewer &viewer() const { return m_viewer; }

    /// --library, $BERTH_LIBRARY or the default; loaded on first use.
    VmLibrary &library();
    /// The VM named by the first positional argument; a broken one only if @p allowBroken.
    const VmEntry &entry(bool allowBroken = false);
    /// The VM named by positional argument @p index ("snapshot list NAME": 1).
    const VmEntry &entryAt(int index, bool allowBroken = false);
    /// Positional argument @p index, or a usage error saying that @p what is missing.
    QString positional(int index, const QString &what);
    /// An instance attached to whatever QEMU runs for @p e (the CLI's monitor).
    std::unique_ptr<VmInstance> attached(const VmEntry &e);

private:
    QCommandLineParser &m_parser;
    QString m_command;
    QIODevice &m_out;
    QIODevice &m_err;
    CliViewer m_viewer;
    std::unique_ptr<VmLibrary> m_library;
};

/// One `berth COMMAND`: its help, its options and what it does.
struct CliCommand
{
    const char *summary; ///< QT_TRANSLATE_NOOP("CommandLine", ...)
    const char *syntax;  ///< positional arguments, e.g. "NAME TAG"; empty for none
    QList<QCommandLineOption> options;
    std::function<int(CliSession &)> run;
    /// Opens a window (`berth view`): main() makes a QApplication for it when there is a
    /// display, and lends the session a CliViewer.
    bool opensWindow = false;
};

using CliCommandTable = std::map<QString, CliCommand>;

/// The CLI's strings: `CliText::tr("...")` translates in the context "CommandLine".
/// lupdate only finds tr() calls whose context it can see: a file-local `tr()` helper
/// or a wrapper function hides the string from the translation (and its test).
struct CliText final
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
};
