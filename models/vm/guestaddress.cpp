// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/guestaddress.h"

#include "models/vm/vmdevices.h"
#include "models/vm/vminstance.h"
#include "qmp/qemumonitor.h"

#include <QObject>
#include <QTimer>

#include <memory>

using namespace Qt::Literals::StringLiterals;

QString GuestAddress::fromSockets(const QList<QemuUserSocket> &sockets)
{
    // The guest's own traffic says most surely where it is; a forward only says where QEMU
    // sends connections (10.0.2.15, the first address its DHCP hands out).
    for (const bool forwards : {false, true}) {
        for (const QemuUserSocket &s : sockets) {
            if ((s.state == "HOST_FORWARD"_L1) == forwards && s.guestAddress != "0.0.0.0"_L1)
                return s.guestAddress;
        }
    }
    return {};
}

void GuestAddress::query(const VmInstance &instance, QObject *context,
                         const std::function<void(const QStringList &)> &done)
{
    const QList<VmNic> &nics = instance.definition().nics;
    auto addresses = std::make_shared<QStringList>(QStringList(nics.size(), QString()));
    QmpClient *client = instance.qmp();
    QList<qsizetype> nat;
    for (qsizetype i = 0; i < nics.size(); ++i) {
        if (nics[i].kind == VmNic::Kind::Nat)
            nat << i;
    }
    if (!client || nat.isEmpty()) {
        QTimer::singleShot(0, context, [done, addresses] { done(*addresses); });
        return;
    }
    auto pending = std::make_shared<qsizetype>(nat.size());
    const QemuMonitor monitor(*client);
    for (const qsizetype i : nat) {
        monitor.userNetworkSockets(
            VmDevices::networkBackend(i), context,
            [i, addresses, pending, done](const QmpResult<QList<QemuUserSocket>> &r) {
                if (r)
                    (*addresses)[i] = fromSockets(*r);
                if (--*pending == 0)
                    done(*addresses);
            });
    }
}
