// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "qmp/qemuhostforward.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

/// Host ports forwarded into the guest by user-mode networking (NAT): connections to
/// address:hostPort .. hostPort+count-1 reach guestPort .. guestPort+count-1 of the guest.
struct PortForward
{
    QString protocol = QStringLiteral("tcp"); ///< tcp or udp
    quint16 hostPort = 0;
    quint16 guestPort = 0;
    /// The host address QEMU listens on: loopback unless the user chose another (an IPv4
    /// address; 0.0.0.0 is every address of this computer).
    QString address = QStringLiteral("127.0.0.1");
    quint16 count = 1; ///< ports in the range, at least 1

    /// The last host port of the range.
    int hostLast() const { return int(hostPort) + count - 1; }
    int guestLast() const { return int(guestPort) + count - 1; }
    /// "8080" or "8000-8005".
    QString hostPorts() const;
    QString guestPorts() const;
    /// Whether both take one host port of the same protocol (on any address: a port QEMU
    /// binds on 0.0.0.0 is taken on 127.0.0.1 too).
    bool overlaps(const PortForward &other) const;
    /// One QEMU rule per port of the range.
    QList<QemuHostForward> rules() const;

    friend bool operator==(const PortForward &, const PortForward &) = default;
};

/// One network card of a VM and what it is plugged into.
struct VmNic
{
    enum class Kind
    {
        Nat,     ///< QEMU's user-mode network: the internet through the host, forwards
        Private, ///< a private network of the library, shared with other VMs on it only
        Bridge,  ///< a host bridge, through qemu-bridge-helper
    };
    Kind kind = Kind::Nat;
    QString network; ///< the private network's or the bridge's name; empty for NAT
    /// "52:54:00:12:34:56"; empty: derived from the VM's uuid and the card's place
    /// (VmNetwork::derivedMac), which is as stable as the uuid.
    QString mac;

    /// "nat", "private:lab", "bridge:br0".
    QString spec() const;

    friend bool operator==(const VmNic &, const VmNic &) = default;
};

/// The rules and the JSON of a VM's network cards and port forwards.
class VmNetwork final
{
    Q_DECLARE_TR_FUNCTIONS(VmNetwork)

public:
    /// Parses "nat", "private:NAME" or "bridge:NAME", optionally followed by ",mac=MAC".
    /// One sentence for the user on failure ("none" is not a card: callers handle it).
    static QString parseNic(const QString &spec, VmNic &out);
    /// Parses "8080" or "8000-8005" into @p first and @p count.
    static QString parsePorts(const QString &text, quint16 &first, quint16 &count);

    /// Why these cards and forwards cannot be a VM's, or empty: a malformed or repeated MAC,
    /// a private network or bridge without a valid name, forwards without a NAT card, a bad
    /// protocol, address or range, overlapping host ports.
    static QString validate(const QList<VmNic> &nics, const QList<PortForward> &forwards);

    /// A locally administered unicast MAC in QEMU's 52:54:00 range, from @p uuid and @p index.
    static QString derivedMac(const QUuid &uuid, qsizetype index);
    static bool isValidMac(const QString &mac);
    /// A private network's name: 1 to 32 letters, digits, '-', '_' or '.'.
    static bool isValidNetworkName(const QString &name);

    /// Writes "nics" and "port_forwards" (and "enabled", for older readers) into @p network.
    static void toJson(const QList<VmNic> &nics, const QList<PortForward> &forwards,
                       QJsonObject &network);
    /// Reads them back. A definition from before several cards ({"enabled": true}) has one
    /// NAT card; forwards without an address listened on 127.0.0.1, and still do.
    static QString fromJson(const QJsonObject &network, QList<VmNic> &nics,
                            QList<PortForward> &forwards);
};
