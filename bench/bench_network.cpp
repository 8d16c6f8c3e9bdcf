// SPDX-License-Identifier: GPL-2.0-or-later
// Network benchmark: how fast one tiny test guest fetches a file over HTTP from another,
// on a Berth private network (QEMU's socket netdev, multicast on loopback) against the same
// two guests on QEMU's plain user-mode network (the fetcher asks 10.0.2.2, the host, where
// a Berth port forward leads to the server guest: what two VMs without a private network
// do); and, in the same run, how fast this host fetches the file through that forward.
//
// Needs BERTH_TEST_GUEST_DIR (the test guest, built by tests/guest). The guests run under
// TCG, so the figures are the emulated guests' speed, not a wire's: the ratio is what
// counts. Times are the fetching guest's own (wget, /proc/uptime). --mib sets the file's
// size (default 32).
//
// The last line of the output is machine-readable:
//     RESULT private_network_mib_s <MiB/s> MiB/s ratio=<private / user-mode>
//            baseline=user-mode-network-via-forward

#include "models/vm/privatenetworks.h"
#include "models/vm/vminstance.h"
#include "models/vm/vmlayout.h"
#include "models/vm/vmlibrary.h"
#include "tests/support/testguest.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

void say(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost) ? probe.serverPort() : 0;
}

/// Two guests in one library, started, stopped when it goes.
class Pair final
{
public:
    explicit Pair(const QString &root)
        : m_library(root)
    {}
    ~Pair()
    {
        for (const auto &vm : m_vms) {
            QEventLoop loop;
            QObject::connect(vm.get(), &VmInstance::processEnded, &loop, &QEventLoop::quit);
            vm->forceStop();
            QTimer::singleShot(20'000, &loop, &QEventLoop::quit);
            loop.exec();
        }
    }
    Q_DISABLE_COPY_MOVE(Pair)

    VmLibrary &library() { return m_library; }

    /// Creates and starts a guest; empty, or why not.
    QString start(VmDefinition d)
    {
        if (const Outcome<> made = m_library.create(d); !made)
            return made.failure().message();
        const VmEntry *e = m_library.find(d.name);
        auto vm =
            std::make_unique<VmInstance>(e->definition, e->folder, VmInstance::MonitorRole::Gui);
        QEventLoop loop;
        QObject::connect(vm.get(), &VmInstance::started, &loop, &QEventLoop::quit);
        QObject::connect(vm.get(), &VmInstance::actionFailed, &loop, &QEventLoop::quit);
        QObject::connect(vm.get(), &VmInstance::processEnded, &loop, &QEventLoop::quit);
        vm->start();
        loop.exec();
        const bool running = vm->state() == VmState::Running;
        const QString why = vm->lastError();
        m_vms.push_back(std::move(vm));
        return running ? QString() : d.name + u" did not start: "_s + why;
    }

    /// Waits for @p pattern's first capture on @p name's serial console; empty on timeout.
    QString waitFor(const QString &name, const QRegularExpression &pattern, int timeoutMs)
    {
        const QString log = m_library.find(name)->layout().serialLogPath();
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            QFile file(log);
            if (file.open(QIODevice::ReadOnly)) {
                const QRegularExpressionMatch m =
                    pattern.match(QString::fromLatin1(file.readAll()));
                if (m.hasMatch())
                    return m.captured(1);
            }
            QEventLoop wait;
            QTimer::singleShot(200, &wait, &QEventLoop::quit);
            wait.exec();
        }
        return {};
    }

private:
    VmLibrary m_library;
    std::vector<std::unique_ptr<VmInstance>> m_vms;
};

/// Seconds the fetching guest took, from its BERTH-FETCHED line; negative on failure.
double fetchSeconds(Pair &pair, const QString &fetcher)
{
    static const QRegularExpression fetched(u"BERTH-FETCHED (\\d+)"_s);
    const QString centiseconds = pair.waitFor(fetcher, fetched, 600'000);
    return centiseconds.isEmpty() ? -1 : centiseconds.toDouble() / 100;
}

/// Seconds this host takes to GET /big through 127.0.0.1:@p port; negative on failure.
double hostFetchSeconds(quint16 port, qint64 bytes)
{
    QTcpSocket socket;
    QElapsedTimer timer;
    timer.start();
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(30'000))
        return -1;
    socket.write("GET /big HTTP/1.0\r\n\r\n");
    qint64 received = 0;
    while (socket.waitForReadyRead(30'000))
        received += socket.readAll().size();
    received += socket.readAll().size();
    return received >= bytes ? double(timer.nsecsElapsed()) / 1e9 : -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Private network vs user-mode network throughput"_s);
    parser.addHelpOption();
    parser.addOption({u"mib"_s, u"Size of the fetched file (default 32)."_s, u"MIB"_s});
    parser.process(app);
    const int mib = parser.isSet(u"mib"_s) ? parser.value(u"mib"_s).toInt() : 32;
    if (mib < 1 || !TestGuest::isAvailable()) {
        std::fprintf(stderr, "bench_network: set BERTH_TEST_GUEST_DIR to the built test guest "
                             "(and --mib to a positive size)\n");
        return 1;
    }
    const PrivateRuntime runtime;
    QTemporaryDir dir;
    const int memory = 96 + mib;
    const QString server = u"console=ttyS0 quiet berth.http=80 berth.bigfile=%1 "_s.arg(mib);

    // 1. A private network: the fetcher asks the server's own address.
    double privateSeconds = -1;
    {
        Pair pair(dir.filePath(u"private"_s));
        if (!PrivateNetworks(pair.library().root()).create(u"bench"_s)) {
            std::fprintf(stderr, "bench_network: cannot make the private network\n");
            return 1;
        }
        VmDefinition a =
            TestGuest::definition(u"server"_s, server + u"berth.ip=10.9.0.1/24"_s, memory);
        VmDefinition b = TestGuest::definition(
            u"fetcher"_s,
            u"console=ttyS0 quiet berth.ip=10.9.0.2/24 berth.fetch=http://10.9.0.1/big"_s, memory);
        a.nics = b.nics = {VmNic{VmNic::Kind::Private, u"bench"_s, {}}};
        for (const VmDefinition &d : {a, b}) {
            if (const QString why = pair.start(d); !why.isEmpty()) {
                std::fprintf(stderr, "bench_network: %s\n", qPrintable(why));
                return 1;
            }
        }
        privateSeconds = fetchSeconds(pair, u"fetcher"_s);
    }

    // 2. QEMU's user-mode network: the fetcher reaches the server through the host and a
    // port forward; this host fetches through the same forward.
    double userSeconds = -1;
    double hostSeconds = -1;
    {
        Pair pair(dir.filePath(u"user"_s));
        const quint16 port = freePort();
        VmDefinition a = TestGuest::definition(u"server"_s, server + u"berth.dhcp"_s, memory);
        a.portForwards = {PortForward{u"tcp"_s, port, 80}};
        VmDefinition b = TestGuest::definition(
            u"fetcher"_s,
            u"console=ttyS0 quiet berth.dhcp berth.fetch=http://10.0.2.2:%1/big"_s.arg(port),
            memory);
        for (const VmDefinition &d : {a, b}) {
            if (const QString why = pair.start(d); !why.isEmpty()) {
                std::fprintf(stderr, "bench_network: %s\n", qPrintable(why));
                return 1;
            }
        }
        userSeconds = fetchSeconds(pair, u"fetcher"_s);
        hostSeconds = hostFetchSeconds(port, qint64(mib) * 1024 * 1024);
    }

    if (privateSeconds <= 0 || userSeconds <= 0) {
        std::fprintf(stderr,
                     "bench_network: a fetch did not finish (private %.2f s, user-mode "
                     "%.2f s)\n",
                     privateSeconds, userSeconds);
        return 1;
    }
    const double privateRate = mib / privateSeconds;
    const double userRate = mib / userSeconds;
    say(u"guest to guest, %1 MiB over HTTP (TCG):"_s.arg(mib));
    say(u"  Berth private network (socket mcast on loopback): %1 s, %2 MiB/s"_s
            .arg(privateSeconds, 0, 'f', 2)
            .arg(privateRate, 0, 'f', 1));
    say(u"  QEMU user-mode network via a port forward:        %1 s, %2 MiB/s"_s
            .arg(userSeconds, 0, 'f', 2)
            .arg(userRate, 0, 'f', 1));
    if (hostSeconds > 0)
        say(u"host from guest through Berth's port forward (127.0.0.1): %1 s, %2 MiB/s"_s
                .arg(hostSeconds, 0, 'f', 2)
                .arg(mib / hostSeconds, 0, 'f', 1));
    say(u"RESULT private_network_mib_s %1 MiB/s ratio=%2 baseline=user-mode-network-via-forward"_s
            .arg(privateRate, 0, 'f', 1)
            .arg(privateRate / userRate, 0, 'f', 2));
    return 0;
}
