// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/vm/vmdefinition.h"
#include "models/vm/vmlayout.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

/// The argument list for qemu-system-x86_64 that runs one VM, built from its definition.
///
/// Always a list of arguments, never a shell command. Values inside QEMU's
/// "key=value,key=value" options have their commas doubled, so any path works.
///
/// Where QEMU's files go: VmLayout's paths (the two QMP monitors, the VNC socket and the
/// pidfile in the runtime folder; the first serial port appended to serial.log in the VM's
/// folder).
///
/// Devices: disks by bus (virtio-blk-pci; ide-hd on the machine's IDE or, on q35, its
/// AHCI ports; ide-hd on an AHCI controller for sata, one added on i440fx; scsi-hd on a
/// virtio-scsi-pci controller), the CD-ROM as ide-cd after the disks in boot order, a
/// VGA card shown only over VNC, a usb-tablet on qemu-xhci, virtio-balloon-pci,
/// pvpanic (so a guest kernel panic reaches QMP), and its network cards (NetworkCommandLine:
/// NAT with port forwards, private networks, bridges). UEFI firmware is OVMF on two
/// pflash drives (the code read-only, the VM's variables file writable). Every device and block
/// node gets the id VmDevices names it by, which is how the monitor finds it later.
class QemuCommandLine final
{
    Q_DECLARE_TR_FUNCTIONS(QemuCommandLine)

public:
    /// @p accelerator must be resolved (Kvm or Tcg); see resolveAccelerator().
    QemuCommandLine(VmDefinition definition, VmLayout layout, Accelerator accelerator);
    /// The same, with the layout of @p vmFolder and @p runtimeFolder.
    QemuCommandLine(VmDefinition definition, const QString &vmFolder, const QString &runtimeFolder,
                    Accelerator accelerator);

    /// Why this VM cannot be started as defined, in one sentence for the user, or empty:
    /// an invalid definition, UEFI firmware that is not installed or a missing UEFI
    /// variables file (see UefiFirmware), too many IDE/SATA devices, a socket path too
    /// long for a unix socket, a disk, CD-ROM image, kernel or initrd that does not
    /// exist, or a network that cannot be had (NetworkCommandLine::check()). Reads the file
    /// system and tries the forwards' host ports.
    QString check() const;

    /// The arguments, without the program. Meaningful only when check() is empty.
    QStringList arguments() const;

    /// The QEMU binary: $BERTH_QEMU when set (a path or a name looked up in PATH),
    /// else qemu-system-x86_64 from PATH. Empty with @p error set when it is not there.
    static QString findBinary(QString *error);

    /// Auto becomes Kvm when /dev/kvm is usable, Tcg otherwise; Kvm and Tcg stay.
    static Accelerator resolveAccelerator(Accelerator requested);

    /// Doubles the commas in @p value, as QEMU's option parser expects.
    static QString escapeOptionValue(const QString &value);

private:
    bool isQ35() const;
    /// The library the VM's folder is in (its private networks).
    QString libraryRoot() const;

    VmDefinition m_definition;
    VmLayout m_layout;
    Accelerator m_accelerator;
};
