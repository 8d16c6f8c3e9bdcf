// SPDX-License-Identifier: GPL-2.0-or-later
#include "app/cli/shortcutcommand.h"

#include "models/settings/desktopshortcut.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace {

int cmdShortcut(CliSession &s)
{
    const QCommandLineParser &p = s.parser();
    if (p.positionalArguments().size() > 1)
        throw CliError{CliText::tr("unexpected argument \"%1\"").arg(p.positionalArguments().at(1)),
                       CliUsage};
    if (p.isSet(u"menu"_s) && p.isSet(u"folder"_s))
        throw CliError{CliText::tr("give --menu or --folder, not both"), CliUsage};
    const VmEntry &e = s.entryAt(0);
    DesktopShortcut::Request r;
    r.vmName = e.name();
    r.libraryRoot = s.library().root();
    r.berthBinary = QCoreApplication::applicationFilePath();
    r.fullScreen = p.isSet(u"fullscreen"_s);
    if (p.isSet(u"folder"_s))
        r.folder = QDir::cleanPath(QFileInfo(p.value(u"folder"_s)).absoluteFilePath());
    else
        r.folder =
            DesktopShortcut::folderOf(p.isSet(u"menu"_s) ? DesktopShortcut::Place::Applications
                                                         : DesktopShortcut::defaultPlace());
    QString error;
    const QString path = DesktopShortcut::write(r, &error);
    if (path.isEmpty())
        throw CliError{error};
    if (s.json())
        printJson(
            s.out(),
            QJsonObject{{u"name"_s, r.vmName}, {u"path"_s, path}, {u"fullscreen"_s, r.fullScreen}});
    else
        printLine(s.out(), CliText::tr("Created %1").arg(path));
    return CliSuccess;
}

} // namespace

void addShortcutCommand(CliCommandTable &t)
{
    t[u"shortcut"_s] = {
        QT_TRANSLATE_NOOP("CommandLine",
                          "Create a launcher that opens only this VM's screen (berth view), "
                          "starting it when it is shut down: on the desktop, or in the "
                          "applications menu when there is no desktop folder."),
        "NAME",
        {{u"menu"_s, CliText::tr("Put it in the applications menu.")},
         {u"folder"_s, CliText::tr("Put it in this folder."), u"DIR"_s},
         {u"fullscreen"_s, CliText::tr("Open it full screen.")}},
        cmdShortcut};
}
