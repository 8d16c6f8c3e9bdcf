// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/networkcommandline.h"

#include "models/vm/hostnetwork.h"
#include "models/vm/privatenetworks.h"
#include "models/vm/qemucommandline.h"
#include "models/vm/vmdevices.h"
#include "models/vm/vmlibrary.h"

using namespace Qt::Literals::StringLiterals;

qsizetype NetworkCommandLine::forwardingCard(const VmDefinition &definition)
{
    for (qsizetype i = 0; i < definition.nics.size(); ++i) {
        if (definition.nics[i].kind == VmNic::Kind::Nat)
            return i;
    }
    return -1;
}

QString NetworkCommandLine::check(const VmDefinition &definition, const QString &libraryRoot)
{
    const PrivateNetworks networks(libraryRoot);
    for (const VmNic &nic : definition.nics) {
        if (nic.kind == VmNic::Kind::Private) {
            if (const Outcome<PrivateNetwork> n = networks.find(nic.network); !n)
                return n.failure().message();
        } else if (nic.kind == VmNic::Kind::Bridge) {
            if (QString why = HostNetwork::bridgeRefusal(nic.network); !why.isEmpty())
                return why;
        }
    }
    if (QString why = macConflict(definition, libraryRoot); !why.isEmpty())
        return why;
    return HostNetwork::portRefusal(definition.portForwards);
}

QString NetworkCommandLine::macConflict(const VmDefinition &definition, const QString &libraryRoot)
{
    // On one Ethernet segment (a private network, a bridge) two cards with one address lose
    // each other's frames; every VM on user-mode NAT has a segment of its own.
    const auto shared = [](const VmNic &a, const VmNic &b) {
        return a.kind != VmNic::Kind::Nat && a.kind == b.kind && a.network == b.network;
    };
    if (std::all_of(definition.nics.cbegin(), definition.nics.cend(),
                    [](const VmNic &n) { return n.kind == VmNic::Kind::Nat; }))
        return {};
    VmLibrary library(libraryRoot);
    if (!library.reload())
        return {};
    for (const VmEntry &other : library.entries()) {
        if (other.isBroken() || other.definition.uuid == definition.uuid)
            continue;
        for (qsizetype i = 0; i < definition.nics.size(); ++i) {
            for (qsizetype j = 0; j < other.definition.nics.size(); ++j) {
                if (shared(definition.nics[i], other.definition.nics[j]) &&
                    definition.macOf(i).compare(other.definition.macOf(j), Qt::CaseInsensitive) ==
                        0)
                    return tr("%1 and %2 have the same MAC address %3 on %4: give one of them "
                              "another (berth set %1 --network %4,mac=52:54:00:...).")
                        .arg(definition.name, other.name(), definition.macOf(i),
                             definition.nics[i].spec());
            }
        }
    }
    return {};
}

QStringList NetworkCommandLine::arguments(const VmDefinition &d, const QString &libraryRoot)
{
    const auto esc = &QemuCommandLine::escapeOptionValue;
    const PrivateNetworks networks(libraryRoot);
    const qsizetype forwarding = forwardingCard(d);
    // VmLimits::nicModels() in QEMU's device names.
    const QString card = d.nicModel == "virtio"_L1 ? u"virtio-net-pci"_s : d.nicModel;
    QStringList args;
    for (qsizetype i = 0; i < d.nics.size(); ++i) {
        const VmNic &nic = d.nics[i];
        const QString id = VmDevices::networkBackend(i);
        QString netdev;
        switch (nic.kind) {
        case VmNic::Kind::Nat:
            netdev = u"user,id=%1"_s.arg(id);
            if (i == forwarding) {
                for (const PortForward &f : d.portForwards) {
                    for (const QemuHostForward &rule : f.rules())
                        netdev += u",hostfwd="_s + rule.rule();
                }
            }
            break;
        case VmNic::Kind::Private: {
            const PrivateNetwork n = networks.find(nic.network).value(); // check() found it
            netdev = u"socket,id=%1,mcast=%2:%3,localaddr=127.0.0.1"_s.arg(id, n.group).arg(n.port);
            break;
        }
        case VmNic::Kind::Bridge:
            netdev = u"bridge,id=%1,br=%2,helper=%3"_s.arg(id, esc(nic.network),
                                                           esc(HostNetwork::BridgePaths().helper));
            break;
        }
        args << u"-netdev"_s << netdev;
        args << u"-device"_s
             << u"%1,netdev=%2,id=%3,mac=%4"_s.arg(card, id, VmDevices::networkCard(i), d.macOf(i));
    }
    return args;
}
