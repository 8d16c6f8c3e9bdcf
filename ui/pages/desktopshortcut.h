// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

/// A desktop launcher (freedesktop .desktop file) that runs `berth view NAME`: one VM as
/// a virtual desktop session, like virt-viewer's.
class DesktopShortcut final
{
public:
    /// The launcher's text for @p vmName in the library at @p libraryRoot, run with
    /// @p berthBinary.
    static QString contents(const QString &vmName, const QString &libraryRoot,
                            const QString &berthBinary);
    /// Writes it as @p folder/berth-view-<name>.desktop (executable, so desktops trust
    /// it). Returns the file's path, or an empty string with @p error.
    static QString write(const QString &folder, const QString &vmName, const QString &libraryRoot,
                         const QString &berthBinary, QString *error);
    /// The user's desktop folder, or applications folder when there is none.
    static QString defaultFolder();
    /// One argument of a .desktop Exec line, quoted as the specification asks.
    static QString quoteExecArgument(const QString &argument);
};
