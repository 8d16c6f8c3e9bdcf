// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

class QCommandLineParser;

#include <atomic>
#include <chrono>
#include <string>
#include <vector>

#include <sys/types.h>

/// What the benchmarks share: statistics over samples, log tails, and child processes
/// (fork + exec that die with the benchmark, a private Xvfb) for baselines that Berth's
/// own classes must not be used to start.
namespace Bench {

struct Summary
{
    double p50 = 0;
    double p90 = 0;
    double p99 = 0;
    double mean = 0;
    double min = 0;
    double max = 0;
};

/// Nearest-rank percentiles, mean and extremes. @p samples must not be empty.
Summary summarize(std::vector<double> samples);

double milliseconds(std::chrono::steady_clock::duration d);
double microseconds(std::chrono::steady_clock::duration d);

/// The value of option --@p name, a positive integer, or @p fallback when it is not given.
/// A bad value clears @p ok and says so on stderr.
int positiveOption(const QCommandLineParser &parser, const QString &name, int fallback, bool *ok);

/// Says on stderr why the benchmark stops ("interrupted (signal N)" when @p interruptedBy
/// is a signal number) and returns the exit code for it: 128 + signal, or 1.
int fail(const QString &message, int interruptedBy);

/// strerror(errno), as text.
QString systemError();

/// The last @p maxBytes of a log file, trimmed, for error messages.
QString fileTail(const QString &path, qint64 maxBytes = 2048);

/// fork + exec of @p argv (argv[0] an absolute path) with stdin from /dev/null, stdout into
/// @p stdoutFd (or the log) and stderr appended to @p logPath; @p keepFd stays open in the
/// child; @p env replaces the environment unless empty. The child gets SIGKILL when this
/// process dies. Returns its pid, or -1 with errno set.
pid_t spawnChild(const std::vector<std::string> &argv, const std::vector<std::string> &env,
                 const std::string &logPath, int stdoutFd = -1, int keepFd = -1);

/// SIGTERM (SIGKILL right away when @p grace is zero), SIGKILL after @p grace, and reap.
void stopChild(pid_t pid, std::chrono::milliseconds grace);

/// This process's environment with @p overrides ("NAME=value") set.
std::vector<std::string> environmentWith(const std::vector<std::string> &overrides);

/// A private Xvfb on the first free display (-displayfd: Xvfb picks it itself, so there is
/// no race with other X servers, and says so once it accepts connections). @p pid is set
/// as soon as it is forked, so a signal handler can kill it. Returns the display number,
/// or -1 after stopping it, with @p error set.
int startXvfb(const std::string &binary, const std::string &screen,
              const std::vector<std::string> &env, const std::string &logPath,
              std::atomic<pid_t> *pid, std::chrono::milliseconds timeout, QString *error);

} // namespace Bench
