// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "app/cli/clisession.h"

#include <QEventLoop>
#include <QObject>
#include <QSocketNotifier>

#include <csignal>
#include <functional>
#include <memory>

/// Long commands (disk convert, export, import, clone): their progress on stderr, Ctrl+C
/// cancelling them, and waiting for their finished().

/// While it lives, Ctrl+C (SIGINT) and SIGTERM call @p cancel from the event loop instead of
/// ending the process, so that the job can remove what it was making.
class InterruptCancels final
{
public:
    InterruptCancels(QObject *context, std::function<void()> cancel);
    ~InterruptCancels();
    InterruptCancels(const InterruptCancels &) = delete;
    InterruptCancels &operator=(const InterruptCancels &) = delete;

private:
    std::unique_ptr<QSocketNotifier> m_notifier;
    struct sigaction m_previousInt = {};
    struct sigaction m_previousTerm = {};
};

/// Prints @p job's progress(double percent) as whole percentages, one line each, on @p err.
template<typename Job>
void printProgress(Job &job, QIODevice &err)
{
    auto shown = std::make_shared<int>(-1);
    QObject::connect(&job, &Job::progress, &job, [shown, &err](double percent) {
        if (int(percent) > *shown) {
            *shown = int(percent);
            printLine(err, QStringLiteral("%1%").arg(*shown));
        }
    });
}

/// Calls @p start, then waits for @p job's finished(const Outcome<> &) with Ctrl+C cancelling
/// it; throws its failure as a CliError (exit code 130 when it was cancelled).
template<typename Job>
void runJob(Job &job, const std::function<void()> &start)
{
    Outcome<> outcome;
    QEventLoop loop;
    QObject::connect(&job, &Job::finished, &loop, [&](const Outcome<> &result) {
        outcome = result;
        loop.quit();
    });
    {
        InterruptCancels interrupt(&job, [&job] { job.cancel(); });
        start();
        loop.exec();
    }
    if (!outcome)
        throw CliError::from(outcome.failure(), job.wasCancelled() ? 128 + SIGINT : int(CliFailed));
}
