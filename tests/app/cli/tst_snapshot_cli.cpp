// SPDX-License-Identifier: GPL-2.0-or-later
// `berth snapshot ...` through the real berth binary: a private library and runtime folder,
// no display; offline on a stopped VM, live (with memory) on the tiny guest under TCG.
#include "tests/support/berthrun.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

QJsonObject byName(const QJsonArray &list, const QString &name)
{
    for (const QJsonValue &v : list) {
        if (v.toObject().value("name"_L1).toString() == name)
            return v.toObject();
    }
    return {};
}

} // namespace

class TestSnapshotCli final : public QObject
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

    int lastTick(const QString &vm)
    {
        static const QRegularExpression re(u"BERTH-TICK (\\d+)\\r?\\n"_s);
        int last = -1;
        const QString log = QString::fromLatin1(berth({u"log"_s, vm}).out);
        for (auto it = re.globalMatch(log); it.hasNext();)
            last = it.next().captured(1).toInt();
        return last;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
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

    void offlineAndErrors()
    {
        VERIFY_RUN(berth({u"create"_s, u"off"_s, u"--disk-size"_s, u"32M"_s}), 0);
        VERIFY_RUN(berth({u"snapshot"_s, u"create"_s, u"off"_s, u"clean"_s, u"--description"_s,
                          u"fresh disk"_s}),
                   0);
        const BerthRun dup = berth({u"snapshot"_s, u"create"_s, u"off"_s, u"clean"_s});
        VERIFY_RUN(dup, 1);
        QCOMPARE(dup.err, QByteArray("berth: off already has a snapshot named \"clean\"\n"));

        const BerthRun list = berth({u"snapshot"_s, u"list"_s, u"off"_s, u"--json"_s});
        VERIFY_RUN(list, 0);
        QCOMPARE(list.array().size(), 1);
        const QJsonObject clean = byName(list.array(), u"clean"_s);
        QCOMPARE(clean.value("vm_state"_L1), QJsonValue(false));
        QCOMPARE(clean.value("description"_L1).toString(), u"fresh disk"_s);
        QCOMPARE(clean.value("current"_L1), QJsonValue(true));
        QVERIFY(QDateTime::fromString(clean.value("created"_L1).toString(), Qt::ISODate).isValid());

        VERIFY_RUN(berth({u"snapshot"_s, u"revert"_s, u"off"_s, u"clean"_s}), 0);
        const BerthRun missing = berth({u"snapshot"_s, u"revert"_s, u"off"_s, u"nope"_s});
        VERIFY_RUN(missing, 1);
        QVERIFY(missing.err.contains("no snapshot named \"nope\""));
        VERIFY_RUN(berth({u"snapshot"_s, u"delete"_s, u"off"_s, u"clean"_s}), 0);
        QCOMPARE(berth({u"snapshot"_s, u"list"_s, u"off"_s, u"--json"_s}).array().size(), 0);

        VERIFY_RUN(berth({u"snapshot"_s, u"frob"_s, u"off"_s}), 2);
        VERIFY_RUN(berth({u"snapshot"_s, u"create"_s, u"off"_s}), 2);
        VERIFY_RUN(berth({u"snapshot"_s, u"list"_s, u"nobody"_s}), 1);

        // A raw disk is refused with the reason, before anything is tried.
        const QString raw = m_dir.filePath(u"raw.img"_s);
        QFile f(raw);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.resize(1024 * 1024));
        f.close();
        VERIFY_RUN(berth({u"create"_s, u"rawvm"_s, u"--disk"_s, raw}), 0);
        const BerthRun refused = berth({u"snapshot"_s, u"create"_s, u"rawvm"_s, u"x"_s});
        VERIFY_RUN(refused, 1);
        QVERIFY2(refused.err.contains("is raw, not qcow2"), refused.err.constData());
        QCOMPARE(refused.err.count('\n'), 1);
    }

    void liveWithMemory()
    {
        const QString guest = qEnvironmentVariable("BERTH_TEST_GUEST_DIR");
        QVERIFY2(!guest.isEmpty(), "the test guest is not built (BERTH_TEST_GUEST_DIR; run through "
                                   "ctest, whose fixture builds it)");
        VERIFY_RUN(
            berth({u"create"_s, u"live"_s, u"--disk-size"_s, u"32M"_s, u"--memory"_s, u"256"_s,
                   u"--accel"_s, u"tcg"_s, u"--kernel"_s, guest + u"/vmlinuz"_s, u"--initrd"_s,
                   guest + u"/initrd.img"_s, u"--append"_s, u"console=ttyS0 quiet"_s}),
            0);
        VERIFY_RUN(berth({u"start"_s, u"live"_s}), 0);
        QVERIFY(QTest::qWaitFor([&] { return lastTick(u"live"_s) >= 2; }, 90'000));

        VERIFY_RUN(berth({u"snapshot"_s, u"create"_s, u"live"_s, u"warm"_s}), 0);
        const int n = lastTick(u"live"_s);
        const BerthRun list = berth({u"snapshot"_s, u"list"_s, u"live"_s, u"--json"_s});
        VERIFY_RUN(list, 0);
        QCOMPARE(byName(list.array(), u"warm"_s).value("vm_state"_L1), QJsonValue(true));

        QVERIFY(QTest::qWaitFor([&] { return lastTick(u"live"_s) >= n + 6; }, 30'000));
        const qsizetype mark = berth({u"log"_s, u"live"_s}).out.size();
        VERIFY_RUN(berth({u"snapshot"_s, u"revert"_s, u"live"_s, u"warm"_s}), 0);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return berth({u"log"_s, u"live"_s}).out.mid(mark).contains("BERTH-TICK");
            },
            30'000));
        static const QRegularExpression re(u"BERTH-TICK (\\d+)"_s);
        const int resumed =
            re.match(QString::fromLatin1(berth({u"log"_s, u"live"_s}).out.mid(mark)))
                .captured(1)
                .toInt();
        QVERIFY2(resumed == n || resumed == n + 1,
                 qPrintable(u"resumed at %1, snapshot at %2"_s.arg(resumed).arg(n)));

        VERIFY_RUN(berth({u"snapshot"_s, u"delete"_s, u"live"_s, u"warm"_s}), 0);
        QCOMPARE(berth({u"snapshot"_s, u"list"_s, u"live"_s, u"--json"_s}).array().size(), 0);
        VERIFY_RUN(berth({u"stop"_s, u"live"_s, u"--force"_s, u"--timeout"_s, u"0"_s}), 0);
    }

    void cleanupTestCase()
    {
        // Whatever a failed assertion left running.
        berth({u"stop"_s, u"live"_s, u"--force"_s, u"--timeout"_s, u"0"_s});
    }
};

QTEST_GUILESS_MAIN(TestSnapshotCli)
#include "tst_snapshot_cli.moc"
