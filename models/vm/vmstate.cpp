// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/vmstate.h"

#include <QCoreApplication>

QString vmStateName(VmState state)
{
    switch (state) {
    case VmState::Stopped:
        return QStringLiteral("stopped");
    case VmState::Starting:
        return QStringLiteral("starting");
    case VmState::Running:
        return QStringLiteral("running");
    case VmState::Pausing:
        return QStringLiteral("pausing");
    case VmState::Paused:
        return QStringLiteral("paused");
    case VmState::Resuming:
        return QStringLiteral("resuming");
    case VmState::ShuttingDown:
        return QStringLiteral("shutting-down");
    case VmState::Stopping:
        return QStringLiteral("stopping");
    case VmState::Crashed:
        return QStringLiteral("crashed");
    case VmState::Panicked:
        return QStringLiteral("panicked");
    case VmState::Unreachable:
        return QStringLiteral("unreachable");
    }
    return {};
}

QString vmStateDisplayName(VmState state)
{
    switch (state) {
    case VmState::Stopped:
        return QCoreApplication::translate("VmState", "Stopped");
    case VmState::Starting:
        return QCoreApplication::translate("VmState", "Starting");
    case VmState::Running:
        return QCoreApplication::translate("VmState", "Running");
    case VmState::Pausing:
        return QCoreApplication::translate("VmState", "Pausing");
    case VmState::Paused:
        return QCoreApplication::translate("VmState", "Paused");
    case VmState::Resuming:
        return QCoreApplication::translate("VmState", "Resuming");
    case VmState::ShuttingDown:
        return QCoreApplication::translate("VmState", "Shutting down");
    case VmState::Stopping:
        return QCoreApplication::translate("VmState", "Powering off");
    case VmState::Crashed:
        return QCoreApplication::translate("VmState", "Crashed");
    case VmState::Panicked:
        return QCoreApplication::translate("VmState", "Guest crashed");
    case VmState::Unreachable:
        return QCoreApplication::translate("VmState", "Not responding");
    }
    return {};
}
