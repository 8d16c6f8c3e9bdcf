// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QList>
#include <QString>

/// One socket of QEMU's user-mode network (slirp), as `info usernet` lists it: a port
/// forward's listener, a connection into the guest through one, or a connection the guest
/// made. QEMU 7.2 keeps no list of its DHCP leases; the guest side of these sockets is where
/// it shows the guest's address.
struct QemuUserSocket
{
    QString protocol;     ///< "TCP" or "UDP"
    QString state;        ///< "HOST_FORWARD", "ESTABLISHED", "LISTEN", "236 sec"...
    QString guestAddress; ///< the guest's side
    quint16 guestPort = 0;
    QString hostAddress; ///< the other side: a forward's host address, or where the guest went
    quint16 hostPort = 0;

    /// The sockets of the network @p netdevId in `info usernet`'s text @p text (each network
    /// is a "Hub -1 (ID):" header, a column header and one line per socket).
    static QList<QemuUserSocket> parse(const QString &text, const QString &netdevId);

    friend bool operator==(const QemuUserSocket &, const QemuUserSocket &) = default;
};
