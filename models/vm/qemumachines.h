// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QList>
#include <QString>

/// The machine types this host's QEMU offers (`qemu-system-x86_64 -machine help`).
///
/// QEMU is asked once per process, on a thread of its own: prefetch() starts the question
/// early (the window does at start), offered() waits for the answer. When QEMU cannot be
/// asked (not installed), the list is empty and every machine name is accepted: starting
/// the VM then says what is wrong.
class QemuMachines final
{
public:
    struct Machine
    {
        QString name;        ///< "q35", "pc-q35-7.2", ...
        QString description; ///< QEMU's words: "Standard PC (Q35 + ICH9, 2009)"
        QString aliasOf;     ///< for an alias such as "q35": the versioned type it stands for
        bool isDefault = false;
    };

    /// Starts asking QEMU in the background, unless already asked.
    static void prefetch();
    /// The machine types, in QEMU's order; waits for the answer on first use.
    static const QList<Machine> &offered();
    /// Whether @p name is offered; true when the list could not be read.
    static bool isOffered(const QString &name);
    /// Parses the output of `-machine help` (for tests).
    static QList<Machine> parse(const QString &helpOutput);
};
