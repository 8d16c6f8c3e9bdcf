// SPDX-License-Identifier: GPL-2.0-or-later
#include "qmp/qemuusernetwork.h"

#include <QRegularExpression>
#include <QStringList>

using namespace Qt::Literals::StringLiterals;

QList<QemuUserSocket> QemuUserSocket::parse(const QString &text, const QString &netdevId)
{
    // libslirp's slirp_connection_info(): "  %-18s %3d %15s %5d %15s %5d %5d %5d" for
    // Protocol[State] FD, source address and port, destination address and port, queues.
    static const QRegularExpression row(
        u"^\\s*(TCP|UDP)\\[([^\\]]*)\\]\\s+-?\\d+\\s+(\\S+)\\s+(\\d+)\\s+(\\S+)\\s+(\\d+)"_s);
    static const QRegularExpression hub(u"^Hub\\s+-?\\d+\\s+\\((.*)\\):\\s*$"_s);
    QList<QemuUserSocket> sockets;
    bool inNetwork = false;
    for (const QString &raw : text.split(u'\n')) {
        const QString line = QString(raw).remove(u'\r');
        if (const QRegularExpressionMatch h = hub.match(line); h.hasMatch()) {
            inNetwork = h.captured(1) == netdevId;
            continue;
        }
        const QRegularExpressionMatch m = row.match(line);
        if (!inNetwork || !m.hasMatch())
            continue;
        QemuUserSocket s;
        s.protocol = m.captured(1);
        s.state = m.captured(2);
        // Forwards and connections into the guest list the host side first; connections
        // the guest made list its own side first.
        // (QEMU's own addresses in the guest's network, 10.0.2.2 to .4, are never the guest.)
        const QString source = m.captured(3);
        const bool sourceIsGuest =
            source.startsWith("10.0.2."_L1) &&
            !QStringList{u"10.0.2.2"_s, u"10.0.2.3"_s, u"10.0.2.4"_s}.contains(source);
        const bool intoGuest = s.state == "HOST_FORWARD"_L1 || !sourceIsGuest;
        const int guest = intoGuest ? 5 : 3;
        const int host = intoGuest ? 3 : 5;
        s.guestAddress = m.captured(guest);
        s.guestPort = quint16(m.captured(guest + 1).toUInt());
        s.hostAddress = m.captured(host);
        s.hostPort = quint16(m.captured(host + 1).toUInt());
        sockets << s;
    }
    return sockets;
}
