// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/qemuexit.h"

using namespace Qt::Literals::StringLiterals;

QemuExit QemuExit::judge(const Seen &seen)
{
    const QString &tail = seen.logTail;
    if (seen.launchedHere && !seen.forced) {
        QString message = seen.startFailure;
        if (message.isEmpty()) // QEMU ended by itself
            message = tail.isEmpty()
                          ? tr("QEMU ended before %1 was ready, without a message").arg(seen.vmName)
                          : tr("QEMU could not start %1:\n%2").arg(seen.vmName, tail);
        else if (!tail.isEmpty())
            message += u'\n' + tail;
        if (seen.accelerator == Accelerator::Kvm)
            message += u'\n' + tr("QEMU was using KVM. If KVM does not work on this host, set "
                                  "the VM's accelerator to TCG: slower, but it needs no hardware "
                                  "support.");
        return {Kind::FailedStart, message};
    }

    bool clean = false;
    if (seen.forced) {
        clean = true; // the user asked for it, however it ended
    } else if (seen.guestPanicked) {
        clean = false;
    } else if (seen.everReady && seen.listenedThroughout) {
        // Listening until QEMU's monitor closed: a SHUTDOWN event came, or not. QEMU can exit
        // before it flushes its last words, though: after our own press of the power button,
        // an orderly exit (QEMU removed its pidfile) is the guest's doing.
        clean = seen.shutdownSeen || (seen.powerdownSent && !seen.pidFileLeft);
    } else {
        // Not listening all along: QEMU removes its pidfile when it exits in an orderly way,
        // and another Berth that was listening writes last-crash.json before cleaning up.
        clean = seen.shutdownSeen || (!seen.pidFileLeft && !seen.crashReportExists);
    }
    if (clean)
        return {Kind::Clean, {}};
    QString message = seen.guestPanicked ? tr("The guest's operating system crashed (kernel panic)")
                                         : tr("QEMU ended unexpectedly");
    if (!tail.isEmpty())
        message += u":\n"_s + tail;
    return {Kind::Crash, message};
}
