// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/qemulog.h"

#include "models/vm/vmlayout.h"

#include <QDateTime>
#include <QFile>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 kTailBytes = 8192;
constexpr auto kMarker = "# berth"_L1;

QString quoteForShell(const QString &arg)
{
    if (!arg.isEmpty() && std::none_of(arg.begin(), arg.end(), [](QChar c) {
            return c.isSpace() || c == u'\'' || c == u'"' || c == u'\\' || c == u'$' || c == u'`' ||
                   c == u';' || c == u'&' || c == u'|';
        }))
        return arg;
    QString quoted = arg;
    quoted.replace(u"'"_s, u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

void rotateFile(const QString &path, const QString &old)
{
    QFile::remove(old);
    QFile::rename(path, old);
}

} // namespace

void QemuLog::rotate(const QString &vmFolder)
{
    const VmLayout layout = VmLayout::ofFolder(vmFolder);
    rotateFile(layout.qemuLogPath(), layout.previousQemuLogPath());
    rotateFile(layout.serialLogPath(), layout.previousSerialLogPath());
}

void QemuLog::writeHeader(const QString &vmFolder, const QString &program,
                          const QStringList &arguments)
{
    QFile file(VmLayout::ofFolder(vmFolder).qemuLogPath());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return; // starting QEMU reports the folder's problem: it opens the same file
    QStringList words{quoteForShell(program)};
    for (const QString &arg : arguments)
        words.append(quoteForShell(arg));
    const QString line = u"%1 %2 %3: %4\n"_s.arg(
        kMarker, QString::fromLatin1(BERTH_VERSION),
        QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), words.join(u' '));
    file.write(line.toLocal8Bit());
}

QString QemuLog::tail(const QString &vmFolder, int maxLines)
{
    return tailOfFile(VmLayout::ofFolder(vmFolder).qemuLogPath(), maxLines);
}

QString QemuLog::tailOfFile(const QString &path, int maxLines)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    if (file.size() > kTailBytes)
        file.seek(file.size() - kTailBytes);
    const QString text = QString::fromLocal8Bit(file.readAll());
    QStringList lines;
    const auto all = QStringView(text).split(u'\n');
    for (QStringView line : all) {
        line = line.trimmed();
        if (!line.isEmpty() && !line.startsWith(kMarker))
            lines.append(line.toString());
    }
    if (lines.size() > maxLines)
        lines = lines.mid(lines.size() - maxLines);
    return lines.join(u'\n');
}
