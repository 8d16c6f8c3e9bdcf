// SPDX-License-Identifier: GPL-2.0-or-later
#include "tests/models/disks/diskchecks.h"

#include <QDir>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>

using namespace Qt::Literals::StringLiterals;

namespace DiskChecks {

int tool(const QString &program, const QStringList &arguments, QByteArray *out, QByteArray *err)
{
    QProcess p;
    p.start(program, arguments);
    if (!p.waitForFinished(300'000) || p.exitStatus() != QProcess::NormalExit)
        return -1;
    if (out)
        *out = p.readAllStandardOutput();
    if (err)
        *err = p.readAllStandardError();
    return p.exitCode();
}

QJsonObject qemuImgInfo(const QString &path)
{
    QByteArray out;
    // -U: the in-use tests read images a QEMU holds.
    if (tool(u"qemu-img"_s, {u"info"_s, u"-U"_s, u"--output=json"_s, path}, &out) != 0)
        return {};
    return QJsonDocument::fromJson(out).object();
}

int qemuImgCompare(const QString &a, const QString &b)
{
    return tool(u"qemu-img"_s, {u"compare"_s, u"-q"_s, a, b});
}

bool writePattern(const QString &image, const QString &format, qint64 offset, qint64 length,
                  const char *pattern)
{
    return tool(u"qemu-io"_s,
                {u"-f"_s, format, u"-c"_s,
                 u"write -P %1 %2 %3"_s.arg(QLatin1StringView(pattern)).arg(offset).arg(length),
                 image}) == 0;
}

bool makeSlowToConvert(const QString &path)
{
    constexpr qint64 kMiB = 1024 * 1024;
    if (tool(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"raw"_s, path, u"1G"_s}) != 0)
        return false;
    for (qint64 at : {0, 1, 2}) {
        if (!writePattern(path, u"raw"_s, at * 320 * kMiB, 128 * kMiB, "0x5a"))
            return false;
    }
    return true;
}

QString wait(DiskImageJob &job, const std::function<void()> &start, int timeoutMs)
{
    QSignalSpy spy(&job, &DiskImageJob::finished);
    start();
    if (!spy.wait(timeoutMs))
        return u"timeout"_s;
    const auto outcome = spy.first().first().value<Outcome<>>();
    return outcome ? QString() : outcome.failure().message();
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
}

} // namespace DiskChecks
