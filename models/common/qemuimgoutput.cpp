// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/common/qemuimgoutput.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

bool QemuImgProgress::feed(const QByteArray &bytes)
{
    static const QRegularExpression update(u"\\((\\d+(?:\\.\\d+)?)/100%\\)"_s);
    m_pending += bytes;
    // Only complete updates (ended by \r or \n) are read; the rest waits for more bytes.
    const qsizetype end = std::max(m_pending.lastIndexOf('\r'), m_pending.lastIndexOf('\n'));
    if (end < 0) {
        if (m_pending.size() > 4096) // not progress output at all: don't grow forever
            m_pending.clear();
        return false;
    }
    const QString complete = QString::fromLatin1(m_pending.left(end));
    m_pending.remove(0, end + 1);
    double highest = m_percent;
    for (auto it = update.globalMatch(complete); it.hasNext();)
        highest = std::max(highest, it.next().captured(1).toDouble());
    highest = std::min(highest, 100.0);
    if (highest <= m_percent)
        return false;
    m_percent = highest;
    return true;
}

void QemuImgProgress::reset()
{
    m_pending.clear();
    m_percent = 0;
}

bool QemuImgError::isLockFailure(const QByteArray &stderrText)
{
    static const QRegularExpression lock(u"Failed to get (shared )?\"\\w+\" lock"_s);
    return lock.match(QString::fromLocal8Bit(stderrText)).hasMatch();
}

QString QemuImgError::explain(const QByteArray &stderrText, const QString &path, int exitCode)
{
    const QString text = QString::fromLocal8Bit(stderrText);
    if (isLockFailure(stderrText))
        return tr("%1 is in use by another program (a QEMU has it open). Stop the VM that uses "
                  "it, then try again.")
            .arg(path);
    if (text.contains("No space left on device"_L1))
        return tr("The disk holding %1 is full. Free some space, then try again.").arg(path);
    if (text.contains("Permission denied"_L1))
        return tr("Permission denied on %1. Check the file's and its folder's permissions.")
            .arg(path);
    if (text.contains("Can't resize an image which has snapshots"_L1))
        return tr("%1 has internal snapshots, which qemu-img cannot resize. Delete the "
                  "snapshots first.")
            .arg(path);
    if (text.contains("Could not open backing file"_L1) ||
        text.contains("Could not open backing image"_L1))
        return tr("The base image of %1 cannot be opened: %2")
            .arg(path, text.section(u':', -1).trimmed());

    // Anything else: qemu-img's own words, on one line, without its program-name prefixes.
    QStringList lines;
    for (QString line : text.split(u'\n', Qt::SkipEmptyParts)) {
        line = line.trimmed();
        while (line.startsWith("qemu-img: "_L1))
            line = line.mid(10);
        if (!line.isEmpty())
            lines << line;
    }
    if (lines.isEmpty())
        return tr("qemu-img failed (exit code %1) on %2.").arg(exitCode).arg(path);
    QString folded = lines.join(u' ');
    if (!folded.endsWith(u'.') && !folded.endsWith(u'?') && !folded.endsWith(u'!'))
        folded += u'.';
    return folded;
}
