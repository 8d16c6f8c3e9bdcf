// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/vm/vmlibrary.h"

#include <QCoreApplication>
#include <QString>

/// Whether the host can back one more running VM's memory: the one policy that `berth start`,
/// `berth view` and the window's Start (its "Not Enough Memory" question) all follow.
///
/// Policy, with R the overcommit ratio (AppSettings::overcommitRatio(), default 1.0, set in
/// Preferences or with `berth host --overcommit-ratio R`):
///  - refused: the memory of the running VMs plus this one is more than R × the host's memory
///    (MemTotal). The CLI refuses without `--force`; the window asks "Start anyway?".
///  - warned: admitted, but this VM alone is given more than the host has available now
///    (MemAvailable): the CLI prints a warning, the window asks.
/// A host whose memory cannot be read admits everything.
class MemoryAdmission final
{
    Q_DECLARE_TR_FUNCTIONS(MemoryAdmission)

public:
    /// What the policy weighs, in MiB.
    struct Budget
    {
        qint64 hostTotalMiB = 0;     ///< MemTotal; 0 when unknown
        qint64 hostAvailableMiB = 0; ///< MemAvailable
        qint64 committedMiB = 0;     ///< given to the VMs that run now
        double ratio = 1.0;          ///< overcommit ratio
        /// What the running VMs may be given together: hostTotalMiB × ratio.
        qint64 limitMiB() const;
    };

    struct Verdict
    {
        bool refused = false;
        QString reason;  ///< why it is refused, naming the numbers; empty when admitted
        QString warning; ///< what the user should know when admitted anyway, or empty
        /// The sentence to show: the reason, else the warning.
        QString message() const { return refused ? reason : warning; }
    };

    /// The policy for starting @p vmName with @p memoryMiB under @p budget.
    static Verdict judge(const QString &vmName, qint64 memoryMiB, const Budget &budget);

    /// The budget now: the host's memory, the VMs of @p library whose QEMU runs (other than
    /// @p excluded), the ratio from AppSettings.
    static Budget budgetNow(const VmLibrary &library, const QUuid &excluded = {});

    /// judge() for starting @p definition now.
    static Verdict forStart(const VmLibrary &library, const VmDefinition &definition);
};
