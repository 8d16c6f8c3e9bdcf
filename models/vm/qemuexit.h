// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/vm/vmdefinition.h"

#include <QCoreApplication>
#include <QString>

/// How one QEMU process ended, judged from what one Berth process saw of it: a start that
/// failed, a clean stop, or a crash (with the words the user reads). Pure: the facts are
/// gathered by VmInstance.
class QemuExit final
{
    Q_DECLARE_TR_FUNCTIONS(QemuExit)

public:
    /// What was seen of the process.
    struct Seen
    {
        QString vmName;
        bool launchedHere = false;       ///< start() launched it and it never got ready
        bool forced = false;             ///< Berth was powering it off
        bool guestPanicked = false;      ///< GUEST_PANICKED, or SHUTDOWN for "guest-panic"
        bool everReady = false;          ///< the monitor answered at some point
        bool listenedThroughout = false; ///< ... and was never lost until the end
        bool shutdownSeen = false;       ///< a SHUTDOWN event came
        bool powerdownSent = false;      ///< this process pressed the power button
        bool pidFileLeft = false;        ///< QEMU did not remove its pidfile (killed, aborted)
        bool crashReportExists = false;  ///< another Berth already judged it a crash
        Accelerator accelerator = Accelerator::Tcg;
        QString startFailure; ///< why start() gave up on it, when it did
        QString logTail;      ///< the end of qemu.log
    };

    enum class Kind
    {
        FailedStart, ///< it never became ready; message says why
        Clean,
        Crash, ///< message says what happened
    };

    Kind kind = Kind::Clean;
    QString message;

    static QemuExit judge(const Seen &seen);
};
