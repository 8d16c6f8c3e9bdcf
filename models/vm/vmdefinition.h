// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/vm/vmresources.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

/// How QEMU runs the guest's CPU.
enum class Accelerator
{
    Auto, ///< KVM when /dev/kvm is usable, TCG otherwise
    Kvm,
    Tcg,
};

enum class Firmware
{
    Bios,
    Uefi
};

/// One disk attached to a VM.
struct VmDisk
{
    QString path;                             ///< absolute path of the image
    QString format = QStringLiteral("qcow2"); ///< qemu-img format name: qcow2, raw, ...
    QString bus = QStringLiteral("virtio");   ///< virtio, sata, ide, scsi
    /// Berth made this image for the VM (when creating it, or Add Disk with a new image):
    /// deleting the VM may delete it. An image the user brought in is never deleted.
    bool createdByBerth = false;
    /// The image this one is an overlay on, when Berth made it as a linked clone (absolute;
    /// empty otherwise). Recorded so that the base is never deleted from under it.
    QString backing = QString();

    friend bool operator==(const VmDisk &, const VmDisk &) = default;
};

/// A host port forwarded into the guest by user-mode networking.
struct PortForward
{
    QString protocol = QStringLiteral("tcp"); ///< tcp or udp
    quint16 hostPort = 0;
    quint16 guestPort = 0;

    friend bool operator==(const PortForward &, const PortForward &) = default;
};

/// Everything Berth knows about a VM that is not runtime state: what `vm.json` holds.
///
/// A plain value. fromJson() validates and says exactly what is wrong; toJson() writes
/// the current schema version. Paths are stored absolute.
struct VmDefinition
{
    Q_DECLARE_TR_FUNCTIONS(VmDefinition) // validation errors are shown to users

public:
    static constexpr int SchemaVersion = 1;

    QString name;
    QUuid uuid;
    int cpus = 1;
    int memoryMiB = 1024;
    QString machine = QStringLiteral("q35");
    Accelerator accelerator = Accelerator::Auto;
    Firmware firmware = Firmware::Bios;
    QList<VmDisk> disks;
    QString cdrom;              ///< ISO path, empty for none
    QString kernel;             ///< direct kernel boot: kernel image, empty for none
    QString initrd;             ///< direct kernel boot: initrd, may be empty
    QString kernelArgs;         ///< direct kernel boot: command line
    bool networkEnabled = true; ///< user-mode NAT
    /// The network card (VmLimits::nicModels()): virtio, e1000e, e1000, rtl8139.
    QString nicModel = QStringLiteral("virtio");
    QList<PortForward> portForwards;
    QString notes; ///< free text for the user
    /// The VMs (by uuid) whose disks are linked clones of this VM's disks: while there are
    /// any, this VM is not started (its disks must not change under them) nor deleted.
    QList<QUuid> linkedClones;
    /// Its share of the host: I/O limits, memory target (VmResources).
    VmResources resources;

    /// The disks are in boot order: the first boots first, the CD-ROM after them.
    friend bool operator==(const VmDefinition &, const VmDefinition &) = default;

    QJsonObject toJson() const;
    /// Parses and validates. On failure returns false and sets @p error to one sentence
    /// for the user (e.g. "memory_mib must be a whole number between 16 and 4194304").
    /// A definition written by a newer Berth (higher "version") is refused, never guessed at.
    static bool fromJson(const QJsonObject &json, VmDefinition &out, QString &error);

    /// Checks the values (not the files they name). Empty when valid.
    QString validate() const;

    /// Why @p name cannot name a VM, or empty when it can: not empty, at most 64
    /// characters, no '/' or '\\', no control characters, not "." or "..", no leading
    /// or trailing whitespace. (Uniqueness is the library's business.)
    static QString validateName(const QString &name);

    static QString acceleratorName(Accelerator a); ///< "auto", "kvm", "tcg"
    static bool acceleratorFromName(const QString &name, Accelerator &out);
    static QString firmwareName(Firmware f); ///< "bios", "uefi"
};
