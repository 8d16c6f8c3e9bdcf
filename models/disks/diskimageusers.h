// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/vm/vmlibrary.h"

#include <QCoreApplication>
#include <QString>

/// Which VMs of the library use a disk image, and whether they run.
///
/// "Running" means QEMU holds the lock on the VM's runtime pidfile (see RuntimeFolder):
/// true from the moment QEMU starts until it has exited, whichever Berth process (window
/// or CLI) started it. Paths are compared after resolving symbolic links, so
/// `/a/../disk.qcow2` and a link to it name the same image.
///
/// This is Berth's first line of defence. QEMU's own image lock is the second: qemu-img
/// fails with "Failed to get ... lock" on an image that any QEMU has open, Berth's or not
/// (QemuImgError::explain() words that).
class DiskImageUsers final
{
    Q_DECLARE_TR_FUNCTIONS(DiskImageUsers)

public:
    /// The names of the VMs in @p library whose definitions list @p imagePath as a disk
    /// (or as the CD-ROM ISO, or whose UEFI variables image it is). Broken entries are
    /// skipped.
    static QStringList vmsUsing(const QString &imagePath, const VmLibrary &library);

    /// The name of a running VM in @p library that uses @p imagePath, or empty.
    static QString runningVmUsing(const QString &imagePath, const VmLibrary &library);

    /// Whether @p a and @p b name the same image (after resolving links and "..").
    static bool sameImage(const QString &a, const QString &b);

    /// Whether the VM @p entry runs now (its QEMU holds the pidfile lock).
    static bool isRunning(const VmEntry &entry);

    /// One sentence refusing to write to @p imagePath because @p vmName runs with it, or
    /// empty when @p vmName is empty.
    static QString inUseMessage(const QString &imagePath, const QString &vmName);
};
