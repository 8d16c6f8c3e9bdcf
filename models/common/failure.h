// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

class QDebug;

/// Why something did not work: what happened, in one sentence for the user, and what a log
/// needs besides. The one error type of the domain layer and the command line; Outcome
/// carries it with a result.
///
/// message() is what a dialog, a message bar or `berth: …` shows: translated, in the user's
/// words, saying what to do when there is something to do. detail() is for the log and for
/// bug reports: a program's own output, the arguments it ran with, an errno name. It is
/// never shown instead of the message.
class Failure final
{
public:
    /// @p message must not be empty.
    explicit Failure(QString message, QString detail = {});

    const QString &message() const { return m_message; }
    const QString &detail() const { return m_detail; }

    /// This failure as the cause of a wider one: @p sentence with its "%1" replaced by
    /// message(), e.g. tr("Could not make the disk: %1"). The detail is kept.
    Failure within(const QString &sentence) const;
    /// message(), then the detail in brackets when there is one: a log line.
    QString toLogString() const;

    friend bool operator==(const Failure &, const Failure &) = default;

private:
    QString m_message;
    QString m_detail;
};

QDebug operator<<(QDebug debug, const Failure &failure);

/// What the C library says of @p error (an errno value), in the user's locale: the detail
/// a Failure gives for a failed system call.
QString systemErrorText(int error);
