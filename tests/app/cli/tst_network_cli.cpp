// SPDX-License-Identifier: GPL-2.0-or-later
// `berth forward` and `berth network` through the real berth binary, on the tiny guest under
// TCG: a forward reaches an HTTP server in the guest (also one added while it runs) and listens
// on 127.0.0.1 only; two guests on one private network ping each other, a third on another
// private network cannot reach them. Bad input is refused before start, the definition as it was.
#include "tests/support/berthrun.h"
#include "tests/support/testguest.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

/// A port on 127.0.0.1 that nothing listens on now.
quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost) ? probe.serverPort() : 0;
}

/// What an HTTP GET of / on 127.0.0.1:@p port answers (empty when nothing answers).
QByteArray httpGet(quint16 port, const QHostAddress &address = QHostAddress::LocalHost)
{
    QTcpSocket socket;
    socket.connectToHost(address, port);
    if (!socket.waitForConnected(10'000))
        return {};
    socket.write("GET / HTTP/1.0\r\n\r\n");
    QByteArray answer;
    while (socket.waitForReadyRead(10'000))
        answer += socket.readAll();
    return answer + socket.readAll();
}

/// The local addresses of the TCP sockets listening on @p port (from /proc/net/tcp and tcp6,
/// as "7F000001"-style hex words), as the kernel sees them.
QStringList listeners(quint16 port)
{
    QStringList found;
    for (const char *table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        QFile file(QString::fromLatin1(table));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &line : file.readAll().split('\n')) {
            const QList<QByteArray> f = line.simplified().split(' ');
            // sl local_address rem_address st ...; st 0A is LISTEN.
            if (f.size() < 4 || f[3] != "0A")
                continue;
            const QList<QByteArray> local = f[1].split(':');
            if (local.size() == 2 && local[1].toUShort(nullptr, 16) == port)
                found << QString::fromLatin1(local[0]);
        }
    }
    return found;
}

} // namespace

class TestNetworkCli final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_library;
    QProcessEnvironment m_env;

    BerthRun berth(const QStringList &args, int timeoutMs = 180'000)
    {
        return BerthRun::run(QStringLiteral(BERTH_BINARY), args, m_env, timeoutMs);
    }

    QStringList guestOptions(const QString &append)
    {
        const QString guest = TestGuest::directory();
        return {u"--memory"_s, u"160"_s,
                u"--accel"_s,  u"tcg"_s,
                u"--kernel"_s, guest + u"/vmlinuz"_s,
                u"--initrd"_s, guest + u"/initrd.img"_s,
                u"--append"_s, u"console=ttyS0 quiet "_s + append};
    }

    QByteArray serial(const QString &vm) { return berth({u"log"_s, vm}).out; }
    bool serialHas(const QString &vm, const QByteArray &marker, int timeoutMs = 120'000)
    {
        return QTest::qWaitFor([&] { return serial(vm).contains(marker); }, timeoutMs);
    }
    /// The MAC address of @p vm's first card, as `berth status --json` shows it.
    QString firstMac(const QString &vm)
    {
        const QJsonObject status = berth({u"status"_s, vm, u"--json"_s}).object();
        const QJsonArray nics = status.value("network"_L1).toObject().value("nics"_L1).toArray();
        return nics.at(0).toObject().value("mac"_L1).toString();
    }
    QJsonArray forwards(const QString &vm)
    {
        return berth({u"forward"_s, u"list"_s, vm, u"--json"_s}).array();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(TestGuest::isAvailable(), "the test guest is not built (BERTH_TEST_GUEST_DIR; "
                                           "run through ctest, whose fixture builds it)");
        m_library = m_dir.filePath(u"library"_s);
        const QString runtime = m_dir.filePath(u"run"_s);
        QVERIFY(QDir().mkpath(runtime));
        QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(u"BERTH_LIBRARY"_s, m_library);
        m_env.insert(u"XDG_RUNTIME_DIR"_s, runtime);
        m_env.remove(u"DISPLAY"_s);
        m_env.remove(u"WAYLAND_DISPLAY"_s);
        m_env.remove(u"QT_QPA_PLATFORM"_s);
    }

    void badForwardsAreRefusedAndChangeNothing()
    {
        VERIFY_RUN(berth(QStringList{u"create"_s, u"bad"_s} + guestOptions({})), 0);
        const quint16 port = freePort();
        VERIFY_RUN(berth({u"forward"_s, u"add"_s, u"bad"_s, u"tcp"_s,
                          u"%1-%2"_s.arg(port).arg(port + 2), u"8000-8002"_s}),
                   0);
        const QJsonArray before = forwards(u"bad"_s);
        QCOMPARE(before.size(), 1);
        const QJsonObject range = before[0].toObject();
        QCOMPARE(range.value("protocol"_L1).toString(), u"tcp"_s);
        QCOMPARE(range.value("address"_L1).toString(), u"127.0.0.1"_s); // loopback by default
        QCOMPARE(range.value("host_port"_L1).toInt(), port);
        QCOMPARE(range.value("guest_port"_L1).toInt(), 8000);
        QCOMPARE(range.value("count"_L1).toInt(), 3);

        // Each refusal: exit 1 (2 for usage), one line saying why, the forwards unchanged.
        const auto refused = [&](const QStringList &args, int code, const QByteArray &why) {
            const BerthRun r = berth(QStringList{u"forward"_s} + args);
            VERIFY_RUN(r, code);
            QVERIFY2(r.err.startsWith("berth: ") && r.err.count('\n') == 1 && r.err.contains(why),
                     r.err.constData());
            QCOMPARE(forwards(u"bad"_s), before);
        };
        refused({u"add"_s, u"bad"_s, u"tcp"_s, QString::number(port + 1), u"22"_s}, 1, "overlap");
        QTcpServer busy;
        QVERIFY(busy.listen(QHostAddress::LocalHost));
        refused({u"add"_s, u"bad"_s, u"tcp"_s, QString::number(busy.serverPort()), u"22"_s}, 1,
                "is in use by another program");
        refused({u"add"_s, u"bad"_s, u"sctp"_s, u"9000"_s, u"22"_s}, 2, "tcp or udp");
        refused({u"add"_s, u"bad"_s, u"tcp"_s, u"9000-9001"_s, u"22-24"_s}, 2, "as many ports");
        refused({u"add"_s, u"bad"_s, u"tcp"_s, u"9000"_s, u"22"_s, u"--address"_s, u"::1"_s}, 1,
                "IPv4");
        refused({u"remove"_s, u"bad"_s, u"udp"_s, QString::number(port)}, 1, "has no forward");

        // A forward whose host port became busy after it was added stops the start, in words.
        VERIFY_RUN(
            berth({u"forward"_s, u"remove"_s, u"bad"_s, u"tcp"_s, QString::number(port + 1)}), 0);
        QVERIFY(forwards(u"bad"_s).isEmpty());
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost));
        VERIFY_RUN(berth({u"forward"_s, u"add"_s, u"bad"_s, u"tcp"_s,
                          QString::number(squatter.serverPort() + 0), u"80"_s}),
                   1);
        squatter.close();
        const quint16 later = freePort();
        VERIFY_RUN(
            berth({u"forward"_s, u"add"_s, u"bad"_s, u"tcp"_s, QString::number(later), u"80"_s}),
            0);
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost, later));
        const BerthRun start = berth({u"start"_s, u"bad"_s});
        VERIFY_RUN(start, 1);
        QVERIFY2(start.err.contains("Host port %1/tcp on 127.0.0.1 is in use"_ba.replace(
                     "%1", QByteArray::number(later))),
                 start.err.constData());

        // Networks that do not exist, named before QEMU starts.
        VERIFY_RUN(
            berth({u"set"_s, u"bad"_s, u"--network"_s, u"nat"_s, u"--nic"_s, u"private:nowhere"_s}),
            0);
        const BerthRun unknown = berth({u"start"_s, u"bad"_s});
        VERIFY_RUN(unknown, 1);
        QVERIFY2(unknown.err.contains("There is no private network \"nowhere\": create it first"),
                 unknown.err.constData());
        VERIFY_RUN(berth({u"set"_s, u"bad"_s, u"--network"_s, u"wifi"_s}), 2);
        QCOMPARE(berth({u"status"_s, u"bad"_s, u"--json"_s})
                     .object()
                     .value("network"_L1)
                     .toObject()
                     .value("nics"_L1)
                     .toArray()
                     .size(),
                 2);
    }

    void forwardReachesTheGuestAndOnlyOnLoopback()
    {
        const quint16 first = freePort();
        VERIFY_RUN(berth(QStringList{u"create"_s, u"web"_s} +
                         guestOptions(u"berth.dhcp berth.http=80 berth.name=web"_s)),
                   0);
        const BerthRun added =
            berth({u"forward"_s, u"add"_s, u"web"_s, u"tcp"_s, QString::number(first), u"80"_s});
        VERIFY_RUN(added, 0);
        QVERIFY2(added.out.contains("from its next start"), added.out.constData());
        VERIFY_RUN(berth({u"start"_s, u"web"_s}), 0);
        QVERIFY2(serialHas(u"web"_s, "BERTH-HTTP-READY"), serial(u"web"_s).constData());
        QVERIFY(serial(u"web"_s).contains("BERTH-DHCP 10.0.2.15"));

        QVERIFY(httpGet(first).contains("BERTH-HTTP-OK web"));
        // QEMU listens on 127.0.0.1 (7F000001 in /proc/net/tcp) and nowhere else.
        QCOMPARE(listeners(first), QStringList{u"0100007F"_s});

        // Added while it runs: at once, through the monitor.
        const quint16 second = freePort();
        const BerthRun live = berth({u"forward"_s, u"add"_s, u"web"_s, u"tcp"_s,
                                     QString::number(second), u"80"_s, u"--json"_s});
        VERIFY_RUN(live, 0);
        QCOMPARE(live.object().value("live"_L1), QJsonValue(true));
        QVERIFY(httpGet(second).contains("BERTH-HTTP-OK web"));
        QCOMPARE(listeners(second), QStringList{u"0100007F"_s});
        QCOMPARE(forwards(u"web"_s).size(), 2);

        // A port QEMU cannot take now is refused, and the definition keeps two forwards.
        QTcpServer busy;
        QVERIFY(busy.listen(QHostAddress::LocalHost));
        VERIFY_RUN(berth({u"forward"_s, u"add"_s, u"web"_s, u"tcp"_s,
                          QString::number(busy.serverPort()), u"80"_s}),
                   1);
        QCOMPARE(forwards(u"web"_s).size(), 2);

        // Removed while it runs: nothing listens there any more.
        VERIFY_RUN(berth({u"forward"_s, u"remove"_s, u"web"_s, u"tcp"_s, QString::number(second)}),
                   0);
        QVERIFY(listeners(second).isEmpty());
        QVERIFY(httpGet(second).isEmpty());
        QVERIFY(httpGet(first).contains("BERTH-HTTP-OK web"));
        const QJsonArray left = forwards(u"web"_s);
        QCOMPARE(left.size(), 1);
        QCOMPARE(left[0].toObject().value("host_port"_L1).toInt(), first);

        // Where QEMU sees the guest: its DHCP address, on the guest side of the forwards.
        QCOMPARE(berth({u"status"_s, u"web"_s, u"--json"_s}).object().value("guest_address"_L1),
                 QJsonValue(u"10.0.2.15"_s));

        // The guest's card has the MAC kept in the definition.
        const QString mac = firstMac(u"web"_s);
        QVERIFY2(mac.startsWith(u"52:54:00:"_s), qPrintable(mac));
        VERIFY_RUN(berth({u"stop"_s, u"web"_s, u"--force"_s, u"--timeout"_s, u"0"_s}), 0);
    }

    void privateNetworksAreIsolated()
    {
        VERIFY_RUN(berth({u"network"_s, u"create"_s, u"lab"_s}), 0);
        VERIFY_RUN(berth({u"network"_s, u"create"_s, u"other"_s}), 0);
        VERIFY_RUN(berth({u"network"_s, u"create"_s, u"lab"_s}), 1);
        VERIFY_RUN(berth(QStringList{u"create"_s, u"a"_s, u"--network"_s, u"private:lab"_s} +
                         guestOptions(u"berth.ip=10.9.0.1/24 berth.ping=10.9.0.2"_s)),
                   0);
        VERIFY_RUN(berth(QStringList{u"create"_s, u"b"_s, u"--network"_s, u"private:lab"_s} +
                         guestOptions(u"berth.ip=10.9.0.2/24 berth.ping=10.9.0.1"_s)),
                   0);
        // Another network, the same addresses' subnet: only the segment keeps it apart.
        VERIFY_RUN(berth(QStringList{u"create"_s, u"c"_s, u"--network"_s, u"private:other"_s} +
                         guestOptions(u"berth.ip=10.9.0.3/24 berth.ping=10.9.0.1"_s)),
                   0);
        const QJsonArray networks = berth({u"network"_s, u"list"_s, u"--json"_s}).array();
        QCOMPARE(networks.size(), 2);
        const BerthRun inUse = berth({u"network"_s, u"delete"_s, u"lab"_s});
        VERIFY_RUN(inUse, 1);
        QVERIFY2(inUse.err.contains("lab is still the network of a, b: plug their network cards"),
                 inUse.err.constData());

        VERIFY_RUN(berth({u"start"_s, u"a"_s}), 0);
        VERIFY_RUN(berth({u"start"_s, u"b"_s}), 0);
        QVERIFY2(serialHas(u"a"_s, "BERTH-PING 10.9.0.2 ok"), serial(u"a"_s).constData());
        QVERIFY2(serialHas(u"b"_s, "BERTH-PING 10.9.0.1 ok"), serial(u"b"_s).constData());
        // a and b answer (both up, as seen just now) for the whole time c tries.
        VERIFY_RUN(berth({u"start"_s, u"c"_s}), 0);
        QVERIFY2(serialHas(u"c"_s, "BERTH-PING 10.9.0.1 "), serial(u"c"_s).constData());
        QVERIFY2(serial(u"c"_s).contains("BERTH-PING 10.9.0.1 fail"), serial(u"c"_s).constData());

        // A card with b's MAC on lab is refused before start.
        const QString bMac = firstMac(u"b"_s);
        VERIFY_RUN(berth(QStringList{u"create"_s, u"twin"_s, u"--network"_s,
                                     u"private:lab,mac="_s + bMac} +
                         guestOptions({})),
                   0);
        const BerthRun twin = berth({u"start"_s, u"twin"_s});
        VERIFY_RUN(twin, 1);
        QVERIFY2(twin.err.contains("twin and b have the same MAC address"), twin.err.constData());

        for (const QString &vm : {u"a"_s, u"b"_s, u"c"_s})
            VERIFY_RUN(berth({u"stop"_s, vm, u"--force"_s, u"--timeout"_s, u"0"_s}), 0);
    }

    void cleanupTestCase()
    {
        // Whatever a failed assertion left running.
        for (const QString &vm : {u"bad"_s, u"web"_s, u"a"_s, u"b"_s, u"c"_s, u"twin"_s})
            berth({u"stop"_s, vm, u"--force"_s, u"--timeout"_s, u"0"_s});
    }
};

QTEST_GUILESS_MAIN(TestNetworkCli)
#include "tst_network_cli.moc"
