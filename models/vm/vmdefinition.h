// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/vm/vmnetwork.h"
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
    /// A TPM 2.0 (swtpm), its state in the VM's folder (VmLayout::tpmStateFolder()).
    bool tpm = false;
    /// UEFI Secure Boot with Microsoft's keys enrolled (UEFI firmware only).
    bool secureBoot = false;
    QList<VmDisk> disks;
    QString cdrom;      ///< ISO path, empty for none
    QString kernel;     ///< direct kernel boot: kernel image, empty for none
    QString initrd;     ///< direct kernel boot: initrd, may be empty
    QString kernelArgs; ///< direct kernel boot: command line
    /// The network cards, in the guest's order; none: no network. One NAT card by default.
    QList<VmNic> nics = {VmNic{}};
    /// The model of every network card (VmLimits::nicModels()): virtio, e1000e, e1000, rtl8139.
    QString nicModel = QStringLiteral("virtio");
    /// On the first NAT card.
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

    /// Card @p index's MAC address: the one kept in nics, else VmNetwork::derivedMac().
    QString macOf(qsizetype index) const;
};
