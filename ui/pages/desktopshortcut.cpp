// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/pages/desktopshortcut.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;

QString DesktopShortcut::quoteExecArgument(const QString &argument)
{
    // Desktop Entry Specification, "The Exec key": reserved characters need double
    // quotes, inside which ", `, $ and \ are escaped; % is always doubled.
    QString escaped;
    bool needsQuotes = argument.isEmpty();
    for (const QChar c : argument) {
        if (u" \t\n\"'\\><~|&;$*?#()`"_s.contains(c))
            needsQuotes = true;
        if (c == u'"' || c == u'`' || c == u'$' || c == u'\\')
            escaped += u'\\';
        escaped += c;
    }
    escaped.replace(u"%"_s, u"%%"_s);
    QString quoted = needsQuotes ? u'"' + escaped + u'"' : escaped;
    // The whole value is also a string value: its backslashes are escaped once more.
    quoted.replace(u"\\"_s, u"\\\\"_s);
    return quoted;
}

QString DesktopShortcut::contents(const QString &vmName, const QString &libraryRoot,
                                  const QString &berthBinary)
{
    QString name = vmName;
    name.replace(u'\n', u' ');
    const QStringList exec{berthBinary, u"view"_s, vmName, u"--library"_s, libraryRoot};
    QStringList quoted;
    for (const QString &a : exec)
        quoted << quoteExecArgument(a);
    return u"[Desktop Entry]\n"
           "Type=Application\n"
           "Version=1.0\n"
           "Name=%1\n"
           "Comment=%2\n"
           "Exec=%3\n"
           "Icon=computer\n"
           "Terminal=false\n"
           "Categories=System;Emulator;\n"_s.arg(
               name,
               QCoreApplication::translate("DesktopShortcut", "Virtual machine screen (Berth)"),
               quoted.join(u' '));
}

QString DesktopShortcut::write(const QString &folder, const QString &vmName,
                               const QString &libraryRoot, const QString &berthBinary,
                               QString *error)
{
    QString fileName = vmName;
    for (QChar &c : fileName) {
        if (!c.isLetterOrNumber() && c != u'-' && c != u'_')
            c = u'_';
    }
    const QString path = QDir(folder).filePath(u"berth-view-"_s + fileName + u".desktop"_s);
    if (!QDir().mkpath(folder)) {
        *error = QCoreApplication::translate("DesktopShortcut", "Cannot create %1.").arg(folder);
        return {};
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(contents(vmName, libraryRoot, berthBinary).toUtf8()) < 0 || !file.commit()) {
        *error = QCoreApplication::translate("DesktopShortcut", "Cannot write %1: %2")
                     .arg(path, file.errorString());
        return {};
    }
    QFile::setPermissions(path, QFile::permissions(path) | QFile::ExeOwner | QFile::ExeUser);
    return path;
}

QString DesktopShortcut::defaultFolder()
{
    const QString desktop = QStandardPaths::writableLocation(QStandardPaths::DesktopLocation);
    if (!desktop.isEmpty() && QDir(desktop).exists() && desktop != QDir::homePath())
        return desktop;
    return QStandardPaths::writableLocation(QStandardPaths::ApplicationsLocation);
}
