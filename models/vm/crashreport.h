// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/common/outcome.h"

#include <QDateTime>
#include <QString>

#include <optional>

/// <vm folder>/last-crash.json: how QEMU last ended without a clean shutdown.
///
/// Written when Berth sees QEMU end that way, or finds later that it did (a pidfile left
/// behind); read back by any Berth process to show why the VM is "crashed"; removed by
/// the next start. Fields: time, pid, message, guest_panicked, shutdown_reason,
/// qemu_log_tail.
struct CrashReport
{
    QDateTime time;             ///< when Berth noticed, UTC
    qint64 pid = 0;             ///< QEMU's pid
    QString message;            ///< for the user: what happened, with the tail of qemu.log
    bool guestPanicked = false; ///< QEMU reported GUEST_PANICKED
    QString shutdownReason;     ///< the SHUTDOWN event's reason, if one came
    QString qemuLogTail;

    /// The report of the VM in @p vmFolder (VmLayout::crashReportPath()).
    static bool exists(const QString &vmFolder);
    /// Nothing when there is no report; a report with a generic message when it is unreadable.
    static std::optional<CrashReport> read(const QString &vmFolder);
    static void remove(const QString &vmFolder);

    /// Atomically replaces the report.
    Outcome<> write(const QString &vmFolder) const;
};
