// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QStringList>

/// One run of the real berth binary, for the CLI tests.
struct BerthRun
{
    int exitCode = -1; ///< -1 when it crashed or timed out
    QByteArray out;
    QByteArray err;

    QJsonObject object() const;
    QJsonArray array() const;

    /// Runs @p binary with @p arguments in @p environment and waits (test code may block).
    static BerthRun run(const QString &binary, const QStringList &arguments,
                        const QProcessEnvironment &environment, int timeoutMs);
};

/// Checks a run's exit code and shows its stderr when it is not the expected one.
#define VERIFY_RUN(run, code)                                                                      \
    QVERIFY2((run).exitCode == (code), qPrintable(QStringLiteral("exit %1, stderr: %2")            \
                                                      .arg((run).exitCode)                         \
                                                      .arg(QString::fromLocal8Bit((run).err))))
