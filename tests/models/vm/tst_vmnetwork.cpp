// SPDX-License-Identifier: GPL-2.0-or-later
// A VM's network cards and port forwards: their rules, their JSON (old definitions too), the
// library's private networks, what the host allows (busy and privileged ports, bridges), and
// the QEMU arguments they become.
#include "models/vm/hostnetwork.h"
#include "models/vm/networkcommandline.h"
#include "models/vm/privatenetworks.h"
#include "models/vm/qemucommandline.h"
#include "models/vm/vmdefinition.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <pwd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

QStringList values(const QStringList &args, const QString &option)
{
    QStringList out;
    for (qsizetype i = 0; i + 1 < args.size(); ++i) {
        if (args[i] == option)
            out.append(args[i + 1]);
    }
    return out;
}

PortForward forward(const char *protocol, quint16 host, quint16 guest, quint16 count = 1,
                    const QString &address = u"127.0.0.1"_s)
{
    return PortForward{QString::fromLatin1(protocol), host, guest, address, count};
}

/// A free port on 127.0.0.1 now (the kernel's choice).
quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost) ? probe.serverPort() : 0;
}

} // namespace

class TestVmNetwork final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nicSpecs()
    {
        VmNic nic;
        QVERIFY(VmNetwork::parseNic(u"nat"_s, nic).isEmpty());
        QCOMPARE(nic.kind, VmNic::Kind::Nat);
        QVERIFY(VmNetwork::parseNic(u"private:lab,mac=52:54:00:AB:00:01"_s, nic).isEmpty());
        QCOMPARE(nic.kind, VmNic::Kind::Private);
        QCOMPARE(nic.network, u"lab"_s);
        QCOMPARE(nic.mac, u"52:54:00:ab:00:01"_s);
        QCOMPARE(nic.spec(), u"private:lab"_s);
        QVERIFY(VmNetwork::parseNic(u"bridge:br0"_s, nic).isEmpty());
        QCOMPARE(nic.kind, VmNic::Kind::Bridge);
        // What the user sees for what is not a card.
        QVERIFY(VmNetwork::parseNic(u"wifi"_s, nic).contains(u"nat, none, private:NAME"_s));
        QVERIFY(VmNetwork::parseNic(u"private:"_s, nic).contains(u"needs a name"_s));
        QVERIFY(VmNetwork::parseNic(u"private:a,b"_s, nic).contains(u"mac="_s));
        // A multicast MAC (lowest bit of the first octet) cannot be a card's.
        QVERIFY(!VmNetwork::parseNic(u"nat,mac=01:00:5e:00:00:01"_s, nic).isEmpty());
    }

    void portRanges()
    {
        quint16 first = 0;
        quint16 count = 0;
        QVERIFY(VmNetwork::parsePorts(u"8080"_s, first, count).isEmpty());
        QCOMPARE(first, 8080);
        QCOMPARE(count, 1);
        QVERIFY(VmNetwork::parsePorts(u"8000-8010"_s, first, count).isEmpty());
        QCOMPARE(first, 8000);
        QCOMPARE(count, 11);
        for (const QString &bad : {u"0"_s, u"65536"_s, u"9-8"_s, u"http"_s, u"1-"_s})
            QVERIFY2(!VmNetwork::parsePorts(bad, first, count).isEmpty(), qPrintable(bad));
    }

    void forwardRules()
    {
        const QList<VmNic> nat{VmNic{}};
        QVERIFY(VmNetwork::validate(nat, {forward("tcp", 8000, 80, 3), forward("tcp", 8003, 90)})
                    .isEmpty());
        // Overlapping host ranges of one protocol are refused, naming both.
        QCOMPARE(VmNetwork::validate(nat, {forward("tcp", 8000, 80, 3), forward("tcp", 8002, 90)}),
                 u"Host ports 8000-8002/tcp and 8002/tcp overlap."_s);
        // ... also on two addresses (0.0.0.0 takes the port on 127.0.0.1 too).
        QVERIFY(!VmNetwork::validate(
                     nat, {forward("tcp", 8000, 80), forward("tcp", 8000, 81, 1, u"0.0.0.0"_s)})
                     .isEmpty());
        // tcp and udp are apart.
        QVERIFY(
            VmNetwork::validate(nat, {forward("tcp", 53, 53), forward("udp", 53, 53)}).isEmpty());
        QVERIFY(VmNetwork::validate(nat, {forward("tcp", 65535, 80, 2)}).contains(u"65535"_s));
        QVERIFY(VmNetwork::validate(nat, {forward("tcp", 80, 80, 1, u"localhost"_s)})
                    .contains(u"IPv4"_s));
        QCOMPARE(VmNetwork::validate({VmNic{VmNic::Kind::Private, u"lab"_s, {}}},
                                     {forward("tcp", 8000, 80)}),
                 u"Port forwards need a NAT network card."_s);
        QVERIFY(VmNetwork::validate({VmNic{VmNic::Kind::Nat, {}, u"52:54:00:00:00:01"_s},
                                     VmNic{VmNic::Kind::Private, u"lab"_s, u"52:54:00:00:00:01"_s}},
                                    {})
                    .contains(u"Two network cards"_s));
    }

    void macsAreStable()
    {
        VmDefinition d;
        d.uuid = QUuid::createUuid();
        d.nics = {VmNic{}, VmNic{VmNic::Kind::Private, u"lab"_s, {}}};
        QCOMPARE(d.macOf(0), VmNetwork::derivedMac(d.uuid, 0));
        QVERIFY(VmNetwork::isValidMac(d.macOf(0)));
        QVERIFY(d.macOf(0).startsWith(u"52:54:00:"_s));
        QVERIFY(d.macOf(0) != d.macOf(1));
        VmDefinition other = d;
        other.uuid = QUuid::createUuid();
        QVERIFY(other.macOf(0) != d.macOf(0));
        d.nics[1].mac = u"52:54:00:12:34:56"_s;
        QCOMPARE(d.macOf(1), u"52:54:00:12:34:56"_s);
    }

    void jsonRoundTripAndOldDefinitions()
    {
        VmDefinition d;
        d.name = u"web"_s;
        d.uuid = QUuid::createUuid();
        d.nics = {VmNic{VmNic::Kind::Nat, {}, u"52:54:00:00:00:07"_s},
                  VmNic{VmNic::Kind::Private, u"lab"_s, {}}};
        d.portForwards = {forward("tcp", 8000, 80, 5, u"0.0.0.0"_s)};
        VmDefinition back;
        QString error;
        QVERIFY2(VmDefinition::fromJson(d.toJson(), back, error), qPrintable(error));
        QCOMPARE(back, d);

        // Written before cards and addresses: one NAT card, forwards on 127.0.0.1.
        QJsonObject old = d.toJson();
        old.insert(u"network"_s, QJsonObject{{u"enabled"_s, true},
                                             {u"model"_s, u"e1000e"_s},
                                             {u"port_forwards"_s,
                                              QJsonArray{QJsonObject{{u"protocol"_s, u"tcp"_s},
                                                                     {u"host_port"_s, 2222},
                                                                     {u"guest_port"_s, 22}}}}});
        QVERIFY2(VmDefinition::fromJson(old, back, error), qPrintable(error));
        QCOMPARE(back.nics, QList<VmNic>{VmNic{}});
        QCOMPARE(back.nicModel, u"e1000e"_s);
        QCOMPARE(back.portForwards, QList<PortForward>{forward("tcp", 2222, 22)});
        old.insert(u"network"_s, QJsonObject{{u"enabled"_s, false}});
        QVERIFY(VmDefinition::fromJson(old, back, error));
        QVERIFY(back.nics.isEmpty());
    }

    void privateNetworksFile()
    {
        QTemporaryDir root;
        PrivateNetworks networks(root.path());
        QVERIFY(networks.list()->isEmpty());
        const Outcome<PrivateNetwork> lab = networks.create(u"lab"_s);
        QVERIFY(lab);
        const Outcome<PrivateNetwork> dmz = networks.create(u"dmz"_s);
        QVERIFY(dmz);
        // Each its own group and port: the two segments never meet.
        QVERIFY(lab->group != dmz->group);
        QVERIFY(lab->port != dmz->port);
        QVERIFY(lab->group.startsWith(u"239.255."_s));
        struct stat st = {};
        QCOMPARE(::stat(QFile::encodeName(PrivateNetworks::filePath(root.path())).constData(), &st),
                 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
        QCOMPARE(*PrivateNetworks(root.path()).find(u"lab"_s), *lab);
        QVERIFY(networks.create(u"lab"_s).failure().message().contains(u"already exists"_s));
        QVERIFY(!networks.create(u"a b"_s));
        QVERIFY(networks.remove(u"lab"_s));
        QVERIFY(
            networks.find(u"lab"_s).failure().message().contains(u"berth network create lab"_s));
        QCOMPARE(networks.list()->size(), 1);

        // A damaged file is reported and left alone.
        QFile file(PrivateNetworks::filePath(root.path()));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("{\"networks\": [{\"name\": 7}]}");
        file.close();
        QVERIFY(networks.list().failure().message().contains(u"damaged"_s));
        QVERIFY(!networks.create(u"x"_s));
    }

    void busyHostPortIsReported()
    {
        QTcpServer busy;
        QVERIFY(busy.listen(QHostAddress::LocalHost));
        const QString why = HostNetwork::portRefusal(forward("tcp", busy.serverPort(), 80));
        QCOMPARE(why, u"Host port %1/tcp on 127.0.0.1 is in use by another program: choose "
                      "another host port, or stop that program."_s.arg(busy.serverPort()));
        // A range is refused for the one busy port inside it.
        QVERIFY(HostNetwork::portRefusal(forward("tcp", busy.serverPort() - 1, 80, 3))
                    .contains(QString::number(busy.serverPort())));
        QUdpSocket udp;
        QVERIFY(udp.bind(QHostAddress::LocalHost, 0));
        QVERIFY(
            HostNetwork::portRefusal(forward("udp", udp.localPort(), 53)).contains(u"in use"_s));
        busy.close();
        QVERIFY(HostNetwork::portRefusal(forward("tcp", freePort(), 80)).isEmpty());
        QVERIFY(HostNetwork::portRefusal(forward("tcp", freePort(), 80, 1, u"192.0.2.1"_s))
                    .contains(u"not an address of this computer"_s));
    }

    void privilegedPortForAnOrdinaryUser()
    {
        // As an ordinary user would be: a child process that gave up root.
        QFile unprivileged(u"/proc/sys/net/ipv4/ip_unprivileged_port_start"_s);
        if (!unprivileged.open(QIODevice::ReadOnly) ||
            unprivileged.readAll().trimmed().toInt() <= 80)
            QSKIP("every user may listen on port 80 here (ip_unprivileged_port_start)");
        int pipeFds[2];
        QVERIFY(::pipe(pipeFds) == 0);
        const pid_t child = ::fork();
        if (child == 0) {
            ::close(pipeFds[0]);
            const passwd *nobody = ::getpwnam("nobody");
            if (::geteuid() == 0 &&
                (!nobody || ::setgid(nobody->pw_gid) != 0 || ::setuid(nobody->pw_uid) != 0))
                ::_exit(3);
            const QByteArray why = HostNetwork::portRefusal(forward("tcp", 80, 80)).toUtf8();
            const bool written =
                ::write(pipeFds[1], why.constData(), size_t(why.size())) == why.size();
            ::_exit(written ? 0 : 4);
        }
        ::close(pipeFds[1]);
        QByteArray answer;
        char buffer[512];
        for (ssize_t n; (n = ::read(pipeFds[0], buffer, sizeof buffer)) > 0;)
            answer.append(buffer, n);
        ::close(pipeFds[0]);
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QCOMPARE(WEXITSTATUS(status), 0);
        QCOMPARE(QString::fromUtf8(answer),
                 u"Host port 80/tcp is below 1024, which only root may listen on: choose a host "
                 "port from 1024 up (the guest port may stay 80)."_s);
    }

    void bridgeMessages()
    {
        QTemporaryDir dir;
        HostNetwork::BridgePaths paths;
        paths.helper = dir.filePath(u"qemu-bridge-helper"_s);
        paths.config = dir.filePath(u"bridge.conf"_s);
        paths.sysClassNet = dir.filePath(u"net"_s);
        QVERIFY(HostNetwork::bridgeRefusal(u"br0"_s, paths)
                    .contains(u"install the qemu-system-common package"_s));
        QFile helper(paths.helper);
        QVERIFY(helper.open(QIODevice::WriteOnly));
        helper.close();
        if (::geteuid() != 0)
            QVERIFY(HostNetwork::bridgeRefusal(u"br0"_s, paths).contains(u"chmod u+s"_s));
        else
            QVERIFY(!HostNetwork::bridgeRefusal(u"br0"_s, paths).contains(u"chmod u+s"_s));
        if (::geteuid() != 0)
            return;
        QCOMPARE(HostNetwork::bridgeRefusal(u"br0"_s, paths),
                 u"There is no bridge \"br0\" on this computer: create it first (for example "
                 "with NetworkManager, or as root: ip link add br0 type bridge), or choose an "
                 "existing one."_s);
        QVERIFY(QDir().mkpath(paths.sysClassNet + u"/br0/bridge"_s));
        QCOMPARE(HostNetwork::bridgeRefusal(u"br0"_s, paths),
                 u"qemu-bridge-helper may not use the bridge \"br0\": as root, add the line "
                 "\"allow br0\" to %1 (create the file if it is missing)."_s.arg(paths.config));
        QFile config(paths.config);
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("# the bridges VMs may join\nallow virbr0\ninclude " +
                     QFile::encodeName(dir.filePath(u"more.conf"_s)) + "\n");
        config.close();
        QVERIFY(!HostNetwork::bridgeRefusal(u"br0"_s, paths).isEmpty());
        QFile more(dir.filePath(u"more.conf"_s));
        QVERIFY(more.open(QIODevice::WriteOnly));
        more.write("allow br0\n");
        more.close();
        QCOMPARE(HostNetwork::bridgeRefusal(u"br0"_s, paths), QString());
    }

    void commandLineOfEveryKind()
    {
        QTemporaryDir library;
        const QString folder = library.filePath(u"web"_s);
        QVERIFY(QDir().mkpath(folder));
        VmDefinition d;
        d.name = u"web"_s;
        d.uuid = QUuid::createUuid();
        d.nicModel = u"e1000e"_s;
        d.nics = {VmNic{}, VmNic{VmNic::Kind::Private, u"lab"_s, u"52:54:00:00:00:02"_s},
                  VmNic{VmNic::Kind::Bridge, u"br0"_s, {}}};
        d.portForwards = {forward("tcp", 8000, 80, 2), forward("udp", 5353, 53, 1, u"0.0.0.0"_s)};

        // An unknown private network is named, with what to do.
        const QemuCommandLine cl(d, folder, library.filePath(u"run"_s), Accelerator::Tcg);
        QVERIFY(cl.check().contains(u"There is no private network \"lab\""_s));

        const PrivateNetwork lab = *PrivateNetworks(library.path()).create(u"lab"_s);
        const QStringList args = cl.arguments();
        QCOMPARE(
            values(args, u"-netdev"_s),
            QStringList(
                {u"user,id=net0,hostfwd=tcp:127.0.0.1:8000-:80,hostfwd=tcp:127.0.0.1:"
                 "8001-:81,hostfwd=udp:0.0.0.0:5353-:53"_s,
                 u"socket,id=net1,mcast=%1:%2,localaddr=127.0.0.1"_s.arg(lab.group).arg(lab.port),
                 u"bridge,id=net2,br=br0,helper=/usr/lib/qemu/qemu-bridge-helper"_s}));
        const QStringList devices = values(args, u"-device"_s);
        QVERIFY(devices.contains(u"e1000e,netdev=net0,id=nic0,mac="_s + d.macOf(0)));
        QVERIFY(devices.contains(u"e1000e,netdev=net1,id=nic1,mac=52:54:00:00:00:02"_s));
        QVERIFY(devices.contains(u"e1000e,netdev=net2,id=nic2,mac="_s + d.macOf(2)));
        QCOMPARE(NetworkCommandLine::forwardingCard(d), 0);

        // A host port in use stops the start, before QEMU, in Berth's words.
        d.nics.removeLast();
        QTcpServer busy;
        QVERIFY(busy.listen(QHostAddress::LocalHost));
        d.portForwards = {forward("tcp", busy.serverPort(), 80)};
        QVERIFY(QemuCommandLine(d, folder, library.filePath(u"run"_s), Accelerator::Tcg)
                    .check()
                    .contains(u"is in use by another program"_s));
    }
};

QTEST_GUILESS_MAIN(TestVmNetwork)
#include "tst_vmnetwork.moc"
