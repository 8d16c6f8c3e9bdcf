// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

struct VmDefinition;

/// The one set of limits and rules for a VM's hardware, used by the New VM wizard, the
/// settings page, `berth create` and `berth set` alike.
///
/// Two levels:
///  - the fixed limits (CPUs, memory, NIC models, disk buses...) that
///    VmDefinition::validate() enforces on every definition, wherever it came from;
///  - check(), the rules of this host, for a definition someone is making or changing now:
///    the fixed limits, memory no larger than this computer's, a machine type this QEMU
///    offers (an error each), and more vCPUs than the host has threads (a warning: it works,
///    slowly). A definition read from disk is never refused for the host's rules: it may
///    come from a bigger machine.
class VmLimits final
{
    Q_DECLARE_TR_FUNCTIONS(VmLimits)

public:
    static constexpr int MinCpus = 1;
    static constexpr int MaxCpus = 256;
    static constexpr int MinMemoryMiB = 16;
    static constexpr int MaxMemoryMiB = 4 * 1024 * 1024;

    /// The disk buses a VM's disks may use: virtio, sata, ide, scsi.
    static const QStringList &diskBuses();
    /// The image formats a VM's disks may have: qcow2, raw, vmdk, vdi, vhdx, qed.
    static const QStringList &diskFormats();
    /// The network card models: virtio (fastest, needs drivers on Windows), e1000e, e1000,
    /// rtl8139 (older systems).
    static const QStringList &nicModels();

    struct Verdict
    {
        QString error;   ///< why it cannot be saved, or empty
        QString warning; ///< what the user should know, or empty
    };

    /// The rules above for @p definition on this host.
    static Verdict check(const VmDefinition &definition);
};
