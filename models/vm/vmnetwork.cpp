// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/vmnetwork.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace {

QString kindName(VmNic::Kind kind)
{
    switch (kind) {
    case VmNic::Kind::Nat:
        return u"nat"_s;
    case VmNic::Kind::Private:
        return u"private"_s;
    case VmNic::Kind::Bridge:
        return u"bridge"_s;
    }
    return {};
}

bool isIpv4(const QString &address)
{
    QHostAddress parsed;
    return parsed.setAddress(address) && parsed.protocol() == QAbstractSocket::IPv4Protocol &&
           parsed.toString() == address;
}

} // namespace

QString PortForward::hostPorts() const
{
    return count > 1 ? u"%1-%2"_s.arg(hostPort).arg(hostLast()) : QString::number(hostPort);
}

QString PortForward::guestPorts() const
{
    return count > 1 ? u"%1-%2"_s.arg(guestPort).arg(guestLast()) : QString::number(guestPort);
}

bool PortForward::overlaps(const PortForward &other) const
{
    return protocol == other.protocol && hostPort <= other.hostLast() &&
           other.hostPort <= hostLast();
}

QList<QemuHostForward> PortForward::rules() const
{
    QList<QemuHostForward> rules;
    for (int i = 0; i < count; ++i) {
        QemuHostForward r;
        r.protocol =
            protocol == "udp"_L1 ? QemuHostForward::Protocol::Udp : QemuHostForward::Protocol::Tcp;
        r.hostAddress = address;
        r.hostPort = quint16(hostPort + i);
        r.guestPort = quint16(guestPort + i);
        rules << r;
    }
    return rules;
}

QString VmNic::spec() const
{
    return kind == Kind::Nat ? kindName(kind) : kindName(kind) + u':' + network;
}

QString VmNetwork::parseNic(const QString &spec, VmNic &out)
{
    QStringList parts = spec.split(u',');
    const QString head = parts.takeFirst().trimmed();
    VmNic nic;
    const qsizetype colon = head.indexOf(u':');
    const QString kind = colon < 0 ? head : head.left(colon);
    const QString name = colon < 0 ? QString() : head.mid(colon + 1);
    if (kind == "nat"_L1 && colon < 0) {
        nic.kind = VmNic::Kind::Nat;
    } else if (kind == "private"_L1 || kind == "bridge"_L1) {
        nic.kind = kind == "private"_L1 ? VmNic::Kind::Private : VmNic::Kind::Bridge;
        if (!isValidNetworkName(name))
            return tr("\"%1\" needs a name after \"%2:\" (letters, digits, '-', '_', '.'; at "
                      "most 32)")
                .arg(spec, kind);
        nic.network = name;
    } else {
        return tr("A network is nat, none, private:NAME or bridge:NAME, not \"%1\"").arg(spec);
    }
    for (const QString &part : std::as_const(parts)) {
        if (!part.startsWith("mac="_L1) || !isValidMac(part.mid(4)))
            return tr("\"%1\" is not mac=XX:XX:XX:XX:XX:XX (a unicast address)").arg(part);
        nic.mac = part.mid(4).toLower();
    }
    out = nic;
    return {};
}

QString VmNetwork::parsePorts(const QString &text, quint16 &first, quint16 &count)
{
    static const QRegularExpression form(u"^(\\d{1,5})(?:-(\\d{1,5}))?$"_s);
    const QRegularExpressionMatch m = form.match(text.trimmed());
    const int from = m.hasMatch() ? m.captured(1).toInt() : 0;
    const int to = m.hasMatch() && m.hasCaptured(2) ? m.captured(2).toInt() : from;
    if (!m.hasMatch() || from < 1 || to > 65535 || to < from)
        return tr("\"%1\" is not a port (1 to 65535) or a range of ports such as 8000-8010")
            .arg(text);
    first = quint16(from);
    count = quint16(to - from + 1);
    return {};
}

QString VmNetwork::derivedMac(const QUuid &uuid, qsizetype index)
{
    const QByteArray hash =
        QCryptographicHash::hash(QByteArray(uuid.toRfc4122() + QByteArray::number(qint64(index))),
                                 QCryptographicHash::Sha256);
    return u"52:54:00:%1:%2:%3"_s.arg(uint(quint8(hash[0])), 2, 16, QChar(u'0'))
        .arg(uint(quint8(hash[1])), 2, 16, QChar(u'0'))
        .arg(uint(quint8(hash[2])), 2, 16, QChar(u'0'));
}

bool VmNetwork::isValidMac(const QString &mac)
{
    static const QRegularExpression form(u"^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$"_s);
    // The first octet's lowest bit marks a multicast address: no card may have one.
    return form.match(mac).hasMatch() && (mac.left(2).toInt(nullptr, 16) & 1) == 0;
}

bool VmNetwork::isValidNetworkName(const QString &name)
{
    static const QRegularExpression form(u"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,31}$"_s);
    return form.match(name).hasMatch();
}

QString VmNetwork::validate(const QList<VmNic> &nics, const QList<PortForward> &forwards)
{
    QSet<QString> macs;
    bool nat = false;
    for (const VmNic &nic : nics) {
        nat |= nic.kind == VmNic::Kind::Nat;
        if (nic.kind != VmNic::Kind::Nat && !isValidNetworkName(nic.network))
            return tr("A network card's network \"%1\" is not a valid name.").arg(nic.network);
        if (nic.mac.isEmpty())
            continue;
        if (!isValidMac(nic.mac))
            return tr("\"%1\" is not a MAC address a network card can have.").arg(nic.mac);
        if (macs.contains(nic.mac.toLower()))
            return tr("Two network cards have the MAC address %1.").arg(nic.mac);
        macs.insert(nic.mac.toLower());
    }
    for (qsizetype i = 0; i < forwards.size(); ++i) {
        const PortForward &f = forwards[i];
        if (f.protocol != "tcp"_L1 && f.protocol != "udp"_L1)
            return tr("A port forward's protocol must be tcp or udp, not \"%1\".").arg(f.protocol);
        if (f.hostPort == 0 || f.guestPort == 0 || f.count == 0 || f.hostLast() > 65535 ||
            f.guestLast() > 65535)
            return tr("A port forward needs host and guest ports between 1 and 65535.");
        if (!isIpv4(f.address))
            return tr("A port forward listens on an IPv4 address such as 127.0.0.1, not \"%1\".")
                .arg(f.address);
        for (qsizetype j = 0; j < i; ++j) {
            if (f.overlaps(forwards[j]))
                return tr("Host ports %1/%2 and %3/%2 overlap.")
                    .arg(forwards[j].hostPorts(), f.protocol, f.hostPorts());
        }
    }
    if (!forwards.isEmpty() && !nat)
        return tr("Port forwards need a NAT network card.");
    return {};
}

void VmNetwork::toJson(const QList<VmNic> &nics, const QList<PortForward> &forwards,
                       QJsonObject &network)
{
    QJsonArray cards;
    for (const VmNic &nic : nics) {
        QJsonObject card{{u"type"_s, kindName(nic.kind)}};
        if (nic.kind != VmNic::Kind::Nat)
            card.insert(u"name"_s, nic.network);
        if (!nic.mac.isEmpty())
            card.insert(u"mac"_s, nic.mac);
        cards.append(card);
    }
    QJsonArray list;
    for (const PortForward &f : forwards) {
        QJsonObject o{{u"protocol"_s, f.protocol},
                      {u"address"_s, f.address},
                      {u"host_port"_s, int(f.hostPort)},
                      {u"guest_port"_s, int(f.guestPort)}};
        if (f.count > 1)
            o.insert(u"count"_s, int(f.count));
        list.append(o);
    }
    network.insert(u"enabled"_s, !nics.isEmpty());
    network.insert(u"nics"_s, cards);
    network.insert(u"port_forwards"_s, list);
}

QString VmNetwork::fromJson(const QJsonObject &network, QList<VmNic> &nics,
                            QList<PortForward> &forwards)
{
    const auto number = [](const QJsonValue &v, int fallback, int min, int max) {
        if (v.isUndefined())
            return fallback;
        const double d = v.toDouble(-1);
        return v.isDouble() && d == double(int(d)) && d >= min && d <= max ? int(d) : -1;
    };
    nics.clear();
    forwards.clear();
    if (network.contains("nics"_L1)) {
        if (!network.value("nics"_L1).isArray())
            return tr("network.nics must be a list");
        const QJsonArray cards = network.value("nics"_L1).toArray();
        for (qsizetype i = 0; i < cards.size(); ++i) {
            const QJsonObject o = cards[i].toObject();
            const QString type = o.value("type"_L1).toString();
            QString spec = type == "nat"_L1 ? type : type + u':' + o.value("name"_L1).toString();
            if (o.contains("mac"_L1))
                spec += u",mac="_s + o.value("mac"_L1).toString();
            VmNic nic;
            if (const QString why = parseNic(spec, nic); !why.isEmpty())
                return u"network.nics[%1]: "_s.arg(i) + why;
            nics << nic;
        }
    } else if (network.value("enabled"_L1).toBool(true)) {
        nics << VmNic{};
    }
    const QJsonArray list = network.value("port_forwards"_L1).toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject o = list[i].toObject();
        PortForward f;
        f.protocol = o.value("protocol"_L1).toString(f.protocol);
        f.address = o.value("address"_L1).toString(f.address);
        const int host = number(o.value("host_port"_L1), 0, 1, 65535);
        const int guest = number(o.value("guest_port"_L1), 0, 1, 65535);
        const int count = number(o.value("count"_L1), 1, 1, 65535);
        if (host < 1 || guest < 1 || count < 1)
            return tr("network.port_forwards[%1] needs host_port and guest_port between 1 and "
                      "65535")
                .arg(i);
        f.hostPort = quint16(host);
        f.guestPort = quint16(guest);
        f.count = quint16(count);
        forwards << f;
    }
    return {};
}
