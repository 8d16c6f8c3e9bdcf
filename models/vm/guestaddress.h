// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "qmp/qemuusernetwork.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QObject;
class VmInstance;

/// The guest's IPv4 address on its NAT cards, where QEMU knows it: QEMU 7.2's user-mode
/// network keeps no list of DHCP leases, so it is the guest side of the network's sockets
/// (`info usernet`): a connection the guest made, else one into it, else a forward's target.
/// `berth status --json` (guest_address) and the window's status line show it.
class GuestAddress final
{
public:
    GuestAddress() = delete;

    /// From the sockets of one NAT card, or empty.
    static QString fromSockets(const QList<QemuUserSocket> &sockets);

    /// Asks the running @p instance's QEMU; @p done gets one entry per network card (empty
    /// for a card that is not NAT or whose address QEMU does not know), on @p context's
    /// thread. Nothing is asked (and @p done gets empties) without a ready monitor.
    static void query(const VmInstance &instance, QObject *context,
                      const std::function<void(const QStringList &)> &done);
};
