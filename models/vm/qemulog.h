// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>
#include <QStringList>

/// The logs of one run of a VM, in its folder: qemu.log (QEMU's stdout and stderr) and
/// serial.log (the first serial port). Each start begins both afresh and keeps the
/// previous run's as qemu.log.old and serial.log.old.
///
/// qemu.log begins with the command line of the run, on a line of Berth's own that starts
/// with "# berth"; tail() leaves such lines out, so it shows only what QEMU said.
class QemuLog final
{
public:
    /// Moves qemu.log and serial.log to their .old names, replacing older ones.
    static void rotate(const QString &vmFolder);
    /// Appends the "# berth" line with the time and the (shell-quoted) command line.
    static void writeHeader(const QString &vmFolder, const QString &program,
                            const QStringList &arguments);
    /// The last @p maxLines non-empty lines QEMU wrote, joined by '\n'; empty when none.
    static QString tail(const QString &vmFolder, int maxLines = 12);
    /// The same of any log file @p path (swtpm's).
    static QString tailOfFile(const QString &path, int maxLines = 12);
};
