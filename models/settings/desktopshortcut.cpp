// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/settings/desktopshortcut.h"

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

QString DesktopShortcut::contents(const Request &r)
{
    QString name = r.vmName;
    name.replace(u'\n', u' ');
    QStringList exec{r.berthBinary, u"view"_s, r.vmName, u"--library"_s, r.libraryRoot};
    if (r.fullScreen)
        exec << u"--fullscreen"_s;
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
           "Categories=System;Emulator;\n"_s.arg(name, tr("Virtual machine screen (Berth)"),
                                                 quoted.join(u' '));
}

QString DesktopShortcut::pathFor(const Request &r)
{
    QString fileName = r.vmName;
    for (QChar &c : fileName) {
        if (!c.isLetterOrNumber() && c != u'-' && c != u'_')
            c = u'_';
    }
    return QDir(r.folder).filePath(u"berth-view-"_s + fileName + u".desktop"_s);
}

QString DesktopShortcut::write(const Request &r, QString *error)
{
    const QString path = pathFor(r);
    if (!QDir().mkpath(r.folder)) {
        *error = tr("Cannot create %1.").arg(r.folder);
        return {};
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents(r).toUtf8()) < 0 ||
        !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return {};
    }
    QFile::setPermissions(path, QFile::permissions(path) | QFile::ExeOwner | QFile::ExeUser);
    return path;
}

QString DesktopShortcut::folderOf(Place place)
{
    if (place == Place::Desktop) {
        const QString desktop = QStandardPaths::writableLocation(QStandardPaths::DesktopLocation);
        if (!desktop.isEmpty() && QDir(desktop).exists() && desktop != QDir::homePath())
            return desktop;
    }
    return QStandardPaths::writableLocation(QStandardPaths::ApplicationsLocation);
}

DesktopShortcut::Place DesktopShortcut::defaultPlace()
{
    return folderOf(Place::Desktop) == folderOf(Place::Applications) ? Place::Applications
                                                                     : Place::Desktop;
}
