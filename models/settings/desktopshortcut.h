// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

/// A desktop launcher (freedesktop .desktop file) that runs `berth view NAME`: one VM as
/// a virtual desktop session, like virt-viewer's. Starting it starts the VM when it is
/// stopped. Made by the display's Shortcut… dialog and `berth shortcut`, through write().
class DesktopShortcut final
{
    Q_DECLARE_TR_FUNCTIONS(DesktopShortcut)

public:
    enum class Place
    {
        Desktop,      ///< the user's desktop folder (XDG_DESKTOP_DIR)
        Applications, ///< the applications menu (~/.local/share/applications)
    };

    struct Request
    {
        QString vmName;
        QString libraryRoot; ///< passed as --library, so the launcher finds this library
        QString berthBinary; ///< absolute path of the berth executable to run
        QString folder;      ///< where the file goes
        bool fullScreen = false;
    };

    /// The launcher's text for @p r.
    static QString contents(const Request &r);
    /// Writes it as <folder>/berth-view-<name>.desktop, replacing an older launcher of the
    /// same VM there (executable, so desktops trust it). Returns the file's path, or an
    /// empty string with @p error.
    static QString write(const Request &r, QString *error);
    /// The file write() makes for @p r.
    static QString pathFor(const Request &r);
    /// The folder of @p place; for Desktop, the applications folder when there is no
    /// desktop folder (it is the home folder, or missing).
    static QString folderOf(Place place);
    /// Desktop when the user has a desktop folder, else Applications.
    static Place defaultPlace();
    /// One argument of a .desktop Exec line, quoted as the specification asks.
    static QString quoteExecArgument(const QString &argument);
};
