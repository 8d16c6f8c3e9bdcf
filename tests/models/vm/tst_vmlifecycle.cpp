// SPDX-License-Identifier: GPL-2.0-or-later
// The one table of VM states and actions, without QEMU: what each state allows, that
// every refusal says why in a sentence naming the VM, and how events move a VM.
#include "models/vm/vmlifecycle.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr VmState kStates[] = {VmState::Stopped,      VmState::Starting,   VmState::Running,
                               VmState::Pausing,      VmState::Paused,     VmState::Resuming,
                               VmState::ShuttingDown, VmState::Stopping,   VmState::Crashed,
                               VmState::Panicked,     VmState::Unreachable};
constexpr VmAction kActions[] = {
    VmAction::Start,    VmAction::Pause, VmAction::Resume, VmAction::Reset,    VmAction::Shutdown,
    VmAction::ForceOff, VmAction::Edit,  VmAction::Delete, VmAction::Snapshot, VmAction::Display};
constexpr VmEvent kEvents[] = {
    VmEvent::Launched,      VmEvent::StartFailed,   VmEvent::PauseAsked,    VmEvent::Stopped,
    VmEvent::ResumeAsked,   VmEvent::Resumed,       VmEvent::CommandFailed, VmEvent::PowerButton,
    VmEvent::GuestShutdown, VmEvent::ForceOff,      VmEvent::GuestPanicked, VmEvent::MonitorLost,
    VmEvent::EndedCleanly,  VmEvent::EndedUncleanly};

QList<VmAction> allowed(VmState state)
{
    QList<VmAction> out;
    for (VmAction a : kActions) {
        if (VmLifecycle::allows(state, a))
            out << a;
    }
    return out;
}

} // namespace

class TestVmLifecycle final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void whatEachStateAllows()
    {
        using A = VmAction;
        QCOMPARE(allowed(VmState::Stopped), QList<A>({A::Start, A::Edit, A::Delete, A::Snapshot}));
        QCOMPARE(allowed(VmState::Crashed), QList<A>({A::Start, A::Edit, A::Delete, A::Snapshot}));
        QCOMPARE(allowed(VmState::Starting), QList<A>({A::ForceOff, A::Display}));
        QCOMPARE(allowed(VmState::Running),
                 QList<A>({A::Pause, A::Reset, A::Shutdown, A::ForceOff, A::Snapshot, A::Display}));
        QCOMPARE(allowed(VmState::Pausing), QList<A>({A::Reset, A::ForceOff, A::Display}));
        QCOMPARE(allowed(VmState::Paused),
                 QList<A>({A::Resume, A::Reset, A::ForceOff, A::Snapshot, A::Display}));
        QCOMPARE(allowed(VmState::Resuming), QList<A>({A::Reset, A::ForceOff, A::Display}));
        // The power button again (Keep Waiting) is allowed while shutting down.
        QCOMPARE(allowed(VmState::ShuttingDown),
                 QList<A>({A::Reset, A::Shutdown, A::ForceOff, A::Display}));
        QCOMPARE(allowed(VmState::Stopping), QList<A>({A::ForceOff, A::Display}));
        QCOMPARE(allowed(VmState::Panicked), QList<A>({A::Reset, A::ForceOff, A::Display}));
        QCOMPARE(allowed(VmState::Unreachable), QList<A>({A::ForceOff, A::Display}));
    }

    void everyRefusalSaysWhy()
    {
        for (VmState s : kStates) {
            for (VmAction a : kActions) {
                const QString why = VmLifecycle::refusal(s, a, u"web"_s);
                QCOMPARE(why.isEmpty(), VmLifecycle::allows(s, a));
                if (!why.isEmpty())
                    QVERIFY2(why.contains(u"web"_s),
                             qPrintable(vmStateName(s) + u" "_s + vmActionName(a) + u": "_s + why));
            }
        }
        QCOMPARE(VmLifecycle::refusal(VmState::Paused, VmAction::Shutdown, u"web"_s),
                 u"“web” is paused and cannot react to the power button; resume it first, or "
                 "force it off"_s);
        QCOMPARE(VmLifecycle::refusal(VmState::Stopped, VmAction::Pause, u"web"_s),
                 u"“web” is not running"_s);
    }

    void processAndMonitorFollowTheTable()
    {
        for (VmState s : kStates) {
            const bool process = VmLifecycle::hasProcess(s);
            QCOMPARE(process, s != VmState::Stopped && s != VmState::Crashed);
            // A VM without a process can be started, edited and deleted; with one, never.
            QCOMPARE(VmLifecycle::allows(s, VmAction::Start), !process);
            QCOMPARE(VmLifecycle::allows(s, VmAction::Edit), !process);
            QCOMPARE(VmLifecycle::allows(s, VmAction::Delete), !process);
            QCOMPARE(VmLifecycle::allows(s, VmAction::ForceOff), process);
            // What needs QEMU's monitor is refused without one.
            if (!VmLifecycle::hasMonitor(s)) {
                for (VmAction a :
                     {VmAction::Pause, VmAction::Resume, VmAction::Reset, VmAction::Shutdown})
                    QVERIFY2(!VmLifecycle::allows(s, a), qPrintable(vmStateName(s)));
            }
            QVERIFY(!vmStateName(s).isEmpty());
            QVERIFY(!vmStateDisplayName(s).isEmpty());
        }
    }

    void eventsMoveTheState()
    {
        using S = VmState;
        using E = VmEvent;
        QCOMPARE(VmLifecycle::after(S::Stopped, E::Launched), S::Starting);
        QCOMPARE(VmLifecycle::after(S::Crashed, E::Launched), S::Starting);
        QCOMPARE(VmLifecycle::after(S::Starting, E::StartFailed), S::Stopped);
        QCOMPARE(VmLifecycle::after(S::Stopping, E::StartFailed), S::Stopped);
        QCOMPARE(VmLifecycle::after(S::Running, E::PauseAsked), S::Pausing);
        QCOMPARE(VmLifecycle::after(S::Pausing, E::Stopped), S::Paused);
        QCOMPARE(VmLifecycle::after(S::Pausing, E::CommandFailed), S::Running);
        QCOMPARE(VmLifecycle::after(S::Running, E::Stopped), S::Paused); // paused elsewhere
        QCOMPARE(VmLifecycle::after(S::Paused, E::ResumeAsked), S::Resuming);
        QCOMPARE(VmLifecycle::after(S::Resuming, E::Resumed), S::Running);
        QCOMPARE(VmLifecycle::after(S::Resuming, E::CommandFailed), S::Paused);
        QCOMPARE(VmLifecycle::after(S::Running, E::PowerButton), S::ShuttingDown);
        QCOMPARE(VmLifecycle::after(S::Paused, E::GuestShutdown), S::ShuttingDown);
        QCOMPARE(VmLifecycle::after(S::Running, E::GuestPanicked), S::Panicked);
        QCOMPARE(VmLifecycle::after(S::Panicked, E::ForceOff), S::Stopping);
        QCOMPARE(VmLifecycle::after(S::Running, E::MonitorLost), S::Unreachable);
        QCOMPARE(VmLifecycle::after(S::Stopping, E::EndedCleanly), S::Stopped);
        QCOMPARE(VmLifecycle::after(S::Running, E::EndedUncleanly), S::Crashed);
        // Events that do not apply leave the state alone.
        QCOMPARE(VmLifecycle::after(S::Stopped, E::Stopped), S::Stopped);
        QCOMPARE(VmLifecycle::after(S::Stopped, E::ForceOff), S::Stopped);
        QCOMPARE(VmLifecycle::after(S::Stopping, E::GuestPanicked), S::Stopping);
        QCOMPARE(VmLifecycle::after(S::Paused, E::PowerButton), S::Paused);
    }

    void noEventRevivesAStoppedVmExceptALaunch()
    {
        for (VmState s : {VmState::Stopped, VmState::Crashed}) {
            for (VmEvent e : kEvents) {
                const VmState next = VmLifecycle::after(s, e);
                if (e == VmEvent::Launched)
                    QCOMPARE(next, VmState::Starting);
                else
                    QVERIFY2(!VmLifecycle::hasProcess(next),
                             qPrintable(vmStateName(s) + u" -> "_s + vmStateName(next)));
            }
        }
    }

    void qemuStatusAsTheUserSeesIt()
    {
        QCOMPARE(VmLifecycle::fromQemuStatus(qemuRunStateFromName(u"running"), true, false),
                 VmState::Running);
        QCOMPARE(VmLifecycle::fromQemuStatus(qemuRunStateFromName(u"paused"), false, false),
                 VmState::Paused);
        QCOMPARE(VmLifecycle::fromQemuStatus(qemuRunStateFromName(u"prelaunch"), false, false),
                 VmState::Paused);
        QCOMPARE(VmLifecycle::fromQemuStatus(qemuRunStateFromName(u"running"), true, true),
                 VmState::ShuttingDown);
        QCOMPARE(VmLifecycle::fromQemuStatus(qemuRunStateFromName(u"shutdown"), false, false),
                 VmState::ShuttingDown);
        QCOMPARE(VmLifecycle::fromQemuStatus(qemuRunStateFromName(u"guest-panicked"), false, false),
                 VmState::Panicked);
        QCOMPARE(VmLifecycle::fromQemuStatus(qemuRunStateFromName(u"internal-error"), false, true),
                 VmState::Panicked);
    }
};

QTEST_GUILESS_MAIN(TestVmLifecycle)
#include "tst_vmlifecycle.moc"
