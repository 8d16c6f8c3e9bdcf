// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QLatin1StringView>
#include <QString>

/// The ids QEMU's command line gives a VM's devices and block nodes, in one place:
/// QemuCommandLine gives them, and whatever later names one over QMP (QemuMonitor takes device
/// ids and node names) takes it from here. Nothing else spells them.
///
///   device                                 id                 block node
///   disk n (virtio-blk, ide-hd, scsi-hd)   diskDevice(n)      diskNode(n) (its format node)
///   CD-ROM (ide-cd)                        Cdrom              CdromNode
///   UEFI code, variables (pflash)                             UefiCodeNode, UefiVarsNode
///   virtio-balloon                         Balloon
///   network backend n (-netdev)            networkBackend(n)
///   network card n (virtio-net-pci...)     networkCard(n)
///
/// and the devices no command names yet: the SATA and SCSI controllers, the USB controller
/// and its tablet, pvpanic, the VGA card and the TPM.
class VmDevices final
{
public:
    VmDevices() = delete;

    /// The block node of disk @p index, "disk0", "disk1"...: what snapshot jobs take in
    /// "vmstate" and "devices", and what query-block reports as the medium's "node-name".
    static QString diskNode(qsizetype index);
    /// The guest device of disk @p index, "disk0-dev"...: what block_set_io_throttle takes.
    static QString diskDevice(qsizetype index);

    /// The CD-ROM drive: what changeMedium() and ejectMedium() take, and the "qdev" that
    /// query-block reports for it.
    static constexpr QLatin1StringView Cdrom{"cdrom0-dev"};
    /// The block node of the CD-ROM's image.
    static constexpr QLatin1StringView CdromNode{"cdrom0"};

    /// The block nodes of OVMF's two pflash drives: the shared code (read-only), and the VM's
    /// own variables, snapshotted with the disks.
    static constexpr QLatin1StringView UefiCodeNode{"uefi-code"};
    static constexpr QLatin1StringView UefiVarsNode{"uefi-vars"};

    /// The virtio-balloon device: its "guest-stats" are the guest's memory as it sees it.
    static constexpr QLatin1StringView Balloon{"balloon0"};

    /// The network backend (-netdev) of card @p index, "net0", "net1"...: for a NAT card,
    /// what hostfwd_add, hostfwd_remove and info usernet name.
    static QString networkBackend(qsizetype index);
    /// The guest's network card @p index, "nic0"...
    static QString networkCard(qsizetype index);

    /// The TPM 2.0 (tpm-tis), its emulator backend and the chardev to swtpm's socket.
    static constexpr QLatin1StringView Tpm{"tpm0-dev"};
    static constexpr QLatin1StringView TpmBackend{"tpm0"};
    static constexpr QLatin1StringView TpmChardev{"chrtpm"};

    static constexpr QLatin1StringView SataController{"sata0"};
    static constexpr QLatin1StringView ScsiController{"scsi0"};
    /// The qemu-xhci controller; its bus is "usb.0".
    static constexpr QLatin1StringView UsbController{"usb"};
    static constexpr QLatin1StringView Tablet{"tablet0"};
    static constexpr QLatin1StringView PanicDevice{"pvpanic0"};
    static constexpr QLatin1StringView Video{"video0"};
};
