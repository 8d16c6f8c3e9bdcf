// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/serialkeeper.h"
#include "models/vm/vmlayout.h"

#include <QDir>
#include <QFile>
#include <QLocalSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <QScopeGuard>

#include <csignal>
#include <cstring>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

/// A SerialKeeper with a local socket as QEMU's serial chardev: what QEMU would write
/// lands in serial.log (bounded) and reaches consoles; what a console types reaches QEMU.
class TestSerialKeeper final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    VmLayout m_layout;
    qint64 m_keeper = 0;
    QLocalSocket m_qemu;

    static QByteArray readUntil(QLocalSocket &socket, const QByteArray &needle, QByteArray *all)
    {
        (void)QTest::qWaitFor(
            [&] {
                *all += socket.readAll();
                return all->contains(needle) || socket.state() != QLocalSocket::ConnectedState;
            },
            20'000);
        return *all;
    }

    QByteArray log() const
    {
        QFile f(m_layout.serialLogPath());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    /// Running (not gone, not a zombie waiting for whoever adopted it).
    static bool isAlive(qint64 pid)
    {
        QFile stat(u"/proc/%1/stat"_s.arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            return false;
        const QByteArray line = stat.readAll();
        const qsizetype end = line.lastIndexOf(')');
        return end > 0 && line.mid(end + 2, 1) != "Z";
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString vmFolder = m_dir.filePath(u"vm"_s);
        const QString runtime = m_dir.filePath(u"run"_s);
        QVERIFY(QDir().mkpath(vmFolder) && QDir().mkpath(runtime));
        m_layout = VmLayout::ofFolder(vmFolder).withRuntimeFolder(runtime);
    }

    void bothSocketsArePrivate()
    {
        const Outcome<qint64> keeper = SerialKeeper::start(m_layout, SerialKeeper::MinimumLogLimit);
        QVERIFY2(keeper, keeper ? "" : qPrintable(keeper.failure().message()));
        m_keeper = *keeper;
        QVERIFY(isAlive(m_keeper));
        for (const QString &path :
             {m_layout.serialKeeperSocketPath(), m_layout.serialConsoleSocketPath()}) {
            struct stat st = {};
            QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
            QVERIFY(S_ISSOCK(st.st_mode));
            QCOMPARE(st.st_mode & 0077, 0u);
        }
        m_qemu.connectToServer(m_layout.serialKeeperSocketPath());
        QVERIFY(m_qemu.waitForConnected(10'000));
        // One QEMU, once: its side of the keeper is gone from the runtime folder.
        QTRY_VERIFY(!QFile::exists(m_layout.serialKeeperSocketPath()));
    }

    void theGuestsOutputIsLoggedAndBounded()
    {
        // 4 × the limit, in lines that say where they were: only the newer part stays.
        QByteArray sent;
        for (int i = 0; sent.size() < 4 * SerialKeeper::MinimumLogLimit; ++i)
            sent += "line " + QByteArray::number(i) + " of what the guest printed\r\n";
        sent += "BERTH-LAST-LINE\r\n";
        m_qemu.write(sent);
        QVERIFY(m_qemu.waitForBytesWritten(10'000));
        QTRY_VERIFY_WITH_TIMEOUT(log().endsWith("BERTH-LAST-LINE\r\n"), 20'000);
        const QByteArray kept = log();
        QVERIFY2(kept.size() <= SerialKeeper::MinimumLogLimit,
                 QByteArray::number(kept.size()).constData());
        // The newer half at least, whole, after a note that the rest was dropped.
        QVERIFY2(kept.size() >= SerialKeeper::MinimumLogLimit / 2 - 100,
                 QByteArray::number(kept.size()).constData());
        QVERIFY(kept.startsWith("[Berth: older serial output was dropped"));
        const QByteArray rest = kept.mid(kept.indexOf("\r\n") + 2);
        QVERIFY(rest.size() > SerialKeeper::MinimumLogLimit / 2 - 200);
        QVERIFY(sent.endsWith(rest));
        QVERIFY(!kept.contains("line 0 of"));
        QCOMPARE(QFile::permissions(m_layout.serialLogPath()),
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
    }

    void aConsoleSeesThePastThenTheLiveOutputAndTypes()
    {
        QLocalSocket console;
        console.connectToServer(m_layout.serialConsoleSocketPath());
        QVERIFY(console.waitForConnected(10'000));
        QByteArray seen;
        readUntil(console, "BERTH-LAST-LINE", &seen);
        QVERIFY2(seen.contains("BERTH-LAST-LINE"), seen.right(200).constData());

        m_qemu.write("BERTH-LIVE\r\n");
        QVERIFY(m_qemu.waitForBytesWritten(10'000));
        readUntil(console, "BERTH-LIVE", &seen);
        QVERIFY(seen.contains("BERTH-LIVE"));

        console.write("typed by the user\r");
        QVERIFY(console.waitForBytesWritten(10'000));
        QByteArray typed;
        readUntil(m_qemu, "typed by the user\r", &typed);
        QCOMPARE(typed, QByteArray("typed by the user\r"));

        // A second console at once sees the same output.
        QLocalSocket second;
        second.connectToServer(m_layout.serialConsoleSocketPath());
        QVERIFY(second.waitForConnected(10'000));
        QByteArray secondSeen;
        readUntil(second, "BERTH-LIVE", &secondSeen);
        m_qemu.write("BERTH-BOTH\r\n");
        QVERIFY(m_qemu.waitForBytesWritten(10'000));
        readUntil(console, "BERTH-BOTH", &seen);
        readUntil(second, "BERTH-BOTH", &secondSeen);
        QVERIFY(seen.contains("BERTH-BOTH") && secondSeen.contains("BERTH-BOTH"));
    }

    void aConsoleMayFallBehindABurstButNotStopReading()
    {
        QLocalSocket slow;
        slow.connectToServer(m_layout.serialConsoleSocketPath());
        QVERIFY(slow.waitForConnected(10'000));
        QByteArray seen;
        readUntil(slow, "BERTH-BOTH", &seen); // the history

        // 512 KiB while the console does not read: it gets all of it afterwards.
        const QByteArray burst = QByteArray(512 * 1024 - 13, 'b') + "BERTH-BURST\r\n";
        m_qemu.write(burst);
        QVERIFY(m_qemu.waitForBytesWritten(10'000));
        QTest::qWait(500); // the keeper takes the burst while nobody reads the console
        seen.clear();
        readUntil(slow, "BERTH-BURST", &seen);
        QVERIFY(seen.endsWith(burst));

        // A console that stops reading altogether is dropped; the log goes on.
        // (A plain socket: QLocalSocket would read everything into its own buffer.)
        const int stuck = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_un address = {};
        address.sun_family = AF_UNIX;
        const QByteArray path = QFile::encodeName(m_layout.serialConsoleSocketPath());
        std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
        QCOMPARE(::connect(stuck, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
        const auto closeStuck = qScopeGuard([stuck] { ::close(stuck); });
        for (int i = 0; i < 4; ++i) {
            m_qemu.write(QByteArray(1024 * 1024, 'f'));
            QVERIFY(m_qemu.waitForBytesWritten(20'000));
        }
        m_qemu.write("BERTH-AFTER-FLOOD\r\n");
        QVERIFY(m_qemu.waitForBytesWritten(10'000));
        QTRY_VERIFY_WITH_TIMEOUT(log().endsWith("BERTH-AFTER-FLOOD\r\n"), 20'000);
        // Dropped: after what the kernel buffered for it, the end of the stream.
        const timeval patience{20, 0}; // a keeper that never drops it fails, not hangs
        QCOMPARE(::setsockopt(stuck, SOL_SOCKET, SO_RCVTIMEO, &patience, sizeof patience), 0);
        char sink[64 * 1024];
        ssize_t n = 0;
        while ((n = ::read(stuck, sink, sizeof sink)) > 0) {
        }
        QCOMPARE(n, ssize_t(0));
    }

    void theKeeperEndsWithQemu()
    {
        QLocalSocket console;
        console.connectToServer(m_layout.serialConsoleSocketPath());
        QVERIFY(console.waitForConnected(10'000));
        m_qemu.disconnectFromServer();
        QTRY_VERIFY_WITH_TIMEOUT(console.state() == QLocalSocket::UnconnectedState, 20'000);
        QTRY_VERIFY_WITH_TIMEOUT(!isAlive(m_keeper), 20'000);
        // Nothing left behind in the runtime folder.
        QVERIFY(!QFile::exists(m_layout.serialConsoleSocketPath()));
        QVERIFY(!QFile::exists(m_layout.serialKeeperSocketPath()));
    }

    void cleanupTestCase()
    {
        if (m_keeper > 0)
            ::kill(pid_t(m_keeper), SIGKILL);
    }
};

QTEST_GUILESS_MAIN(TestSerialKeeper)
#include "tst_serialkeeper.moc"
