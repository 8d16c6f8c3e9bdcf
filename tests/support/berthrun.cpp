// SPDX-License-Identifier: GPL-2.0-or-later
#include "tests/support/berthrun.h"

#include <QJsonDocument>
#include <QProcess>

QJsonObject BerthRun::object() const
{
    return QJsonDocument::fromJson(out).object();
}

QJsonArray BerthRun::array() const
{
    return QJsonDocument::fromJson(out).array();
}

BerthRun BerthRun::run(const QString &binary, const QStringList &arguments,
                       const QProcessEnvironment &environment, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(binary, arguments);
    BerthRun r;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = process.readAllStandardOutput();
    r.err = process.readAllStandardError();
    return r;
}
