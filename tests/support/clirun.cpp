// SPDX-License-Identifier: GPL-2.0-or-later
#include "tests/support/clirun.h"

#include "app/cli/commandline.h"

#include <QBuffer>

BerthRun runInProcess(const QStringList &arguments, const CliViewer &viewer)
{
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    BerthRun r;
    r.exitCode = CommandLine::run(arguments, out, err, viewer);
    r.out = out.data();
    r.err = err.data();
    return r;
}

bool isOneErrorLine(const BerthRun &r, const QString &mentions)
{
    const QString err = QString::fromLocal8Bit(r.err);
    return r.out.isEmpty() && err.count(u'\n') == 1 && err.endsWith(u'\n') &&
           err.startsWith(QLatin1StringView("berth: ")) && err.contains(mentions);
}
