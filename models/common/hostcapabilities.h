// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

/// What this host offers for running virtual machines.
class HostCapabilities final
{
public:
    /// Whether /dev/kvm can be opened for reading and writing, and if not, why.
    struct KvmStatus
    {
        bool usable = false;
        QString reason; ///< empty when usable; otherwise a sentence for the user
    };

    static KvmStatus kvm(const QString &devicePath = QStringLiteral("/dev/kvm"));
};
