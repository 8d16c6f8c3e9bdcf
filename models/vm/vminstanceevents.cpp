// SPDX-License-Identifier: GPL-2.0-or-later
// How QEMU's QMP events move a VmInstance's state (the rest of it is in vminstance.cpp).
#include "models/vm/vminstance_p.h"

#include "qmp/qmpclient.h"

void VmInstance::Private::connectQemuEvents()
{
    QmpClient *client = connection.client();
    QObject::connect(client, &QmpClient::eventStop, q, [this] { onStop(); });
    QObject::connect(client, &QmpClient::eventResume, q, [this] { onResume(); });
    QObject::connect(client, &QmpClient::eventPowerdown, q, [this] { onPowerdown(); });
    QObject::connect(client, &QmpClient::eventShutdown, q,
                     [this](bool guest, const QString &reason) { onShutdown(guest, reason); });
    QObject::connect(client, &QmpClient::eventGuestPanicked, q, [this] { onGuestPanicked(); });
    QObject::connect(client, &QmpClient::eventReset, q, [this](bool guest, const QString &reason) {
        qCInfo(lcVm) << vmName() << "reset; by the guest:" << guest << reason;
    });
}

void VmInstance::Private::onStop()
{
    if (awaiting != Awaiting::Nothing || run.shutdownSeen)
        return; // query-status, or the exit, tells the state
    apply(VmEvent::Stopped);
}

void VmInstance::Private::onResume()
{
    if (awaiting != Awaiting::Nothing || run.shutdownSeen)
        return;
    apply(VmEvent::Resumed);
}

void VmInstance::Private::onPowerdown()
{
    if (awaiting != Awaiting::Nothing)
        return;
    run.powerButtonPressed = true;
    apply(VmEvent::PowerButton);
}

void VmInstance::Private::onShutdown(bool guest, const QString &reason)
{
    qCInfo(lcVm) << vmName() << "SHUTDOWN; by the guest:" << guest << reason;
    run.shutdownSeen = true;
    run.shutdownReason = reason;
    if (awaiting != Awaiting::Nothing)
        return;
    apply(VmEvent::GuestShutdown);
}

void VmInstance::Private::onGuestPanicked()
{
    qCWarning(lcVm) << vmName() << "the guest panicked";
    run.guestPanicked = true;
    lastError = VmInstance::tr("The guest's operating system crashed (kernel panic)");
    if (awaiting == Awaiting::Nothing)
        apply(VmEvent::GuestPanicked);
}
