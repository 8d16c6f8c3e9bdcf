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
    case VmState::Paused:
        return QStringLiteral("paused");
    case VmState::ShuttingDown:
        return QStringLiteral("shutting-down");
    case VmState::Crashed:
        return QStringLiteral("crashed");
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
    case VmState::Paused:
        return QCoreApplication::translate("VmState", "Paused");
    case VmState::ShuttingDown:
        return QCoreApplication::translate("VmState", "Shutting down");
    case VmState::Crashed:
        return QCoreApplication::translate("VmState", "Crashed");
    }
    return {};
}
