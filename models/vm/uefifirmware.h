// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/common/outcome.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

class QObject;
class VmLayout;

/// UEFI firmware for VMs: OVMF (Debian's `ovmf` package) as two pflash drives, the
/// firmware code read-only and shared, the variables (boot entries, settings) per VM.
///
/// Each UEFI VM keeps its variables in `uefi-vars.qcow2` in its folder, made from OVMF's
/// variables template with `qemu-img convert -O qcow2` when the VM is created (or, for a
/// VM switched to UEFI later, before its first start). qcow2 because QEMU's internal
/// snapshots need every writable drive to be qcow2: the variables are snapshotted with
/// the disks.
class UefiFirmware final
{
    Q_DECLARE_TR_FUNCTIONS(UefiFirmware)

public:
    /// One matching pair of OVMF files: the code and the template of its variables.
    struct Files
    {
        QString code;
        QString varsTemplate;
    };

    /// The installed OVMF: in $BERTH_OVMF_DIR when set, else /usr/share/OVMF (Debian,
    /// Ubuntu; the 4 MiB build first), /usr/share/edk2/ovmf (Fedora) or
    /// /usr/share/edk2-ovmf/x64. Fails naming the package when missing. With @p secureBoot,
    /// the Secure Boot build (SMM) and variables with Microsoft's keys enrolled
    /// (OVMF_CODE_4M.ms.fd and OVMF_VARS_4M.ms.fd on Debian 12).
    static Outcome<Files> find(bool secureBoot = false);

    /// Whether @p path starts with qcow2's magic.
    static bool isQcow2(const QString &path);

    /// Makes @p layout's variables file (VmLayout::uefiVarsPath()) from OVMF's template
    /// without blocking (QemuImg: qemu-img convert into a file claimed beside it with
    /// O_EXCL, renamed into place when complete). @p done gets the outcome always from the
    /// event loop (never inside this call), and not at all once @p context is gone, which
    /// cancels the work. An existing variables file is kept as it is, also one another
    /// Berth made meanwhile. Nothing is left behind on failure or cancel.
    /// With @p secureBoot, from the template with Microsoft's keys (see find()).
    static void createVariables(const VmLayout &layout, bool secureBoot, QObject *context,
                                const std::function<void(const Outcome<> &outcome)> &done);
};
