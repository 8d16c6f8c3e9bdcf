// SPDX-License-Identifier: GPL-2.0-or-later
// berth forward add NAME tcp|udp HOSTPORT GUESTPORT [--address ADDR], forward list NAME,
// forward remove NAME tcp|udp HOSTPORT; berth network create|list|delete NAME.
#include "app/cli/networkcommands.h"

#include "models/vm/portforwardchange.h"
#include "models/vm/privatenetworks.h"
#include "models/vm/vminstance.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace {

QJsonObject describe(const PortForward &f)
{
    QJsonObject o{{u"protocol"_s, f.protocol},
                  {u"address"_s, f.address},
                  {u"host_port"_s, int(f.hostPort)},
                  {u"guest_port"_s, int(f.guestPort)},
                  {u"count"_s, int(f.count)}};
    return o;
}

QString describeLine(const PortForward &f)
{
    return CliText::tr("%1\t%2:%3\tguest port %4")
        .arg(f.protocol, f.address, f.hostPorts(), f.guestPorts());
}

QString protocolAt(CliSession &s, int index)
{
    const QString protocol = s.positional(index, CliText::tr("the protocol (tcp or udp)"));
    if (protocol != "tcp"_L1 && protocol != "udp"_L1)
        throw CliError{CliText::tr("the protocol is tcp or udp, not \"%1\"").arg(protocol),
                       CliUsage};
    return protocol;
}

void portsAt(CliSession &s, int index, const QString &what, quint16 &first, quint16 &count)
{
    if (const QString why = VmNetwork::parsePorts(s.positional(index, what), first, count);
        !why.isEmpty())
        throw CliError{why, CliUsage};
}

void expectPositionals(CliSession &s, qsizetype most)
{
    const QStringList args = s.parser().positionalArguments();
    if (args.size() > most)
        throw CliError{CliText::tr("unexpected argument \"%1\"").arg(args.at(most)), CliUsage};
}

int cmdForward(CliSession &s)
{
    const QString action = s.positional(0, CliText::tr("an action (add, list or remove)"));
    if (action != "add"_L1 && action != "list"_L1 && action != "remove"_L1)
        throw CliError{CliText::tr("forward takes add, list or remove, not \"%1\"").arg(action),
                       CliUsage};
    if (action != "add"_L1 && s.parser().isSet(u"address"_s))
        throw CliError{CliText::tr("--address is for forward add"), CliUsage};
    const VmEntry &e = s.entryAt(1);
    if (action == "list"_L1) {
        expectPositionals(s, 2);
        QJsonArray all;
        for (const PortForward &f : e.definition.portForwards)
            all.append(describe(f));
        if (s.json()) {
            printJson(s.out(), all);
        } else {
            for (const PortForward &f : e.definition.portForwards)
                printLine(s.out(), describeLine(f));
        }
        return CliSuccess;
    }

    const QString protocol = protocolAt(s, 2);
    PortForward forward;
    forward.protocol = protocol;
    quint16 hostCount = 1;
    portsAt(s, 3, CliText::tr("the host port"), forward.hostPort, hostCount);
    if (action == "add"_L1) {
        expectPositionals(s, 5);
        quint16 guestCount = 1;
        portsAt(s, 4, CliText::tr("the guest port"), forward.guestPort, guestCount);
        if (guestCount != 1 && guestCount != hostCount)
            throw CliError{CliText::tr("the host and guest ranges must have as many ports (%1 "
                                       "and %2)")
                               .arg(hostCount)
                               .arg(guestCount),
                           CliUsage};
        forward.count = hostCount;
        if (s.parser().isSet(u"address"_s))
            forward.address = s.parser().value(u"address"_s);
    } else {
        expectPositionals(s, 4);
        if (hostCount != 1)
            throw CliError{CliText::tr("forward remove takes one host port of the forward"),
                           CliUsage};
    }

    const std::unique_ptr<VmInstance> instance = s.attached(e);
    PortForwardChange change(&s.library(), instance.get());
    Outcome<> outcome;
    QEventLoop loop;
    QObject::connect(&change, &PortForwardChange::finished, &loop, [&](const Outcome<> &r) {
        outcome = r;
        loop.quit();
    });
    if (action == "add"_L1)
        change.add(forward);
    else
        change.remove(protocol, forward.hostPort);
    loop.exec();
    if (!outcome)
        throw CliError::from(outcome.failure());

    const PortForward &f = change.forward();
    if (s.json()) {
        QJsonObject o = describe(f);
        o.insert(u"name"_s, e.name());
        o.insert(u"live"_s, change.wasLive());
        if (action == "remove"_L1)
            o.insert(u"removed"_s, true);
        printJson(s.out(), o);
        return CliSuccess;
    }
    if (action == "add"_L1 && f.address != "127.0.0.1"_L1)
        printLine(s.err(), CliText::tr("warning: this forward listens on %1, not only on this "
                                       "computer (127.0.0.1): other computers that reach %1 "
                                       "can connect to the guest")
                               .arg(f.address));
    const QString when = change.wasLive() ? CliText::tr("now and at each start")
                                          : CliText::tr("from its next start");
    if (action == "add"_L1)
        printLine(s.out(),
                  CliText::tr("%1:%2/%3 reaches guest port %4 of %5 (%6)")
                      .arg(f.address, f.hostPorts(), f.protocol, f.guestPorts(), e.name(), when));
    else
        printLine(s.out(), CliText::tr("Removed the forward of %1:%2/%3 from %4 (%5)")
                               .arg(f.address, f.hostPorts(), f.protocol, e.name(), when));
    return CliSuccess;
}

int cmdNetwork(CliSession &s)
{
    const QString action = s.positional(0, CliText::tr("an action (create, list or delete)"));
    PrivateNetworks networks(s.library().root());
    if (action == "list"_L1) {
        expectPositionals(s, 1);
        const Outcome<QList<PrivateNetwork>> all = networks.list();
        if (!all)
            throw CliError::from(all.failure());
        QJsonArray array;
        for (const PrivateNetwork &n : *all) {
            const QStringList users = PrivateNetworks::users(n.name, s.library());
            array.append(QJsonObject{{u"name"_s, n.name},
                                     {u"group"_s, n.group},
                                     {u"port"_s, int(n.port)},
                                     {u"vms"_s, QJsonArray::fromStringList(users)}});
            if (!s.json())
                printLine(
                    s.out(),
                    u"%1\t%2:%3\t%4"_s.arg(n.name, n.group).arg(n.port).arg(users.join(u", "_s)));
        }
        if (s.json())
            printJson(s.out(), array);
        return CliSuccess;
    }
    if (action != "create"_L1 && action != "delete"_L1)
        throw CliError{CliText::tr("network takes create, list or delete, not \"%1\"").arg(action),
                       CliUsage};
    expectPositionals(s, 2);
    const QString name = s.positional(1, CliText::tr("the network's NAME"));
    if (action == "create"_L1) {
        const Outcome<PrivateNetwork> made = networks.create(name);
        if (!made)
            throw CliError::from(made.failure());
        if (s.json())
            printJson(s.out(), QJsonObject{{u"name"_s, made->name},
                                           {u"group"_s, made->group},
                                           {u"port"_s, int(made->port)}});
        else
            printLine(s.out(), CliText::tr("Created the private network %1 (plug a VM in with "
                                           "berth set VM --network private:%1)")
                                   .arg(name));
        return CliSuccess;
    }
    if (const Outcome<> removed = networks.removeUnused(name, s.library()); !removed)
        throw CliError::from(removed.failure());
    if (s.json())
        printJson(s.out(), QJsonObject{{u"name"_s, name}, {u"deleted"_s, true}});
    else
        printLine(s.out(), CliText::tr("Deleted the private network %1").arg(name));
    return CliSuccess;
}

} // namespace

void addNetworkCommands(CliCommandTable &t)
{
    t[u"forward"_s] = {
        QT_TRANSLATE_NOOP("CommandLine",
                          "Port forwards of a VM's NAT network: add NAME tcp|udp HOSTPORT "
                          "GUESTPORT, list NAME, remove NAME tcp|udp HOSTPORT. Ports may be "
                          "ranges (8000-8010). They listen on 127.0.0.1 unless --address says "
                          "otherwise, and change a running VM at once."),
        "add|list|remove NAME [tcp|udp] [HOSTPORT] [GUESTPORT]",
        {{u"address"_s,
          CliText::tr("The host address to listen on (default 127.0.0.1, this computer only; "
                      "0.0.0.0: every address)."),
          u"ADDR"_s}},
        cmdForward};
    t[u"network"_s] = {
        QT_TRANSLATE_NOOP("CommandLine",
                          "Private networks between VMs (no root needed; the host and its LAN "
                          "do not see them): create NAME, list, delete NAME."),
        "create|list|delete [NAME]",
        {},
        cmdNetwork};
}
