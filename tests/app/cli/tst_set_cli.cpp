// SPDX-License-Identifier: GPL-2.0-or-later
// berth set through the real binary: the options of VmFields, the limits of VmLimits, and
// compare-and-swap between processes that change one VM at the same time.
#include "tests/support/berthrun.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

class TestSetCli final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_library;
    QProcessEnvironment m_env;

    BerthRun berth(const QStringList &args)
    {
        return BerthRun::run(QStringLiteral(BERTH_BINARY), args, m_env, 60'000);
    }

    QJsonObject definition(const QString &vm)
    {
        QFile f(m_library + u'/' + vm + u"/vm.json"_s);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(f.readAll()).object();
    }

    QProcess *startSet(const QStringList &args)
    {
        auto *p = new QProcess(this);
        p->setProcessEnvironment(m_env);
        p->start(QStringLiteral(BERTH_BINARY), QStringList{u"set"_s} + args);
        return p;
    }

    /// How many processes wait for a lock on @p path's inode (/proc/locks marks them "->").
    static int lockWaiters(const QString &path)
    {
        struct stat st = {};
        if (::stat(QFile::encodeName(path).constData(), &st) != 0)
            return -1;
        QFile locks(u"/proc/locks"_s);
        if (!locks.open(QIODevice::ReadOnly))
            return -1;
        const QByteArray inode = ':' + QByteArray::number(qulonglong(st.st_ino)) + ' ';
        int waiters = 0;
        for (const QByteArray &line : locks.readAll().split('\n')) {
            if (line.contains("->") && line.contains(inode))
                ++waiters;
        }
        return waiters;
    }

    /// Holds the VM folder's lock (as a writer of vm.json would), starts both `berth set`
    /// runs, waits until both wait for the lock (so both have read the same vm.json), then
    /// lets them go: the interleaving a real race can produce, made certain.
    QList<QProcess *> racing(const QString &vm, const QStringList &first, const QStringList &second)
    {
        const QString folder = m_library + u'/' + vm;
        // O_CLOEXEC: a child that inherited the lock would keep it after close() below.
        const int fd =
            ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0 || ::flock(fd, LOCK_EX) != 0)
            return {};
        QList<QProcess *> runs{startSet(first), startSet(second)};
        const bool bothWait = QTest::qWaitFor([&] { return lockWaiters(folder) == 2; }, 60'000);
        ::close(fd);
        bool ended = true;
        for (QProcess *p : runs)
            ended = p->waitForFinished(60'000) && p->exitStatus() == QProcess::NormalExit && ended;
        if (!bothWait || !ended)
            return {}; // a run still going reports exit code 0: never read it as a result
        return runs;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_library = m_dir.filePath(u"library"_s);
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(u"BERTH_LIBRARY"_s, m_library);
        m_env.insert(u"XDG_RUNTIME_DIR"_s, m_dir.filePath(u"run"_s));
        QVERIFY(QDir().mkpath(m_dir.filePath(u"run"_s)));
        QFile::setPermissions(m_dir.filePath(u"run"_s),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        m_env.remove(u"DISPLAY"_s);
        m_env.remove(u"WAYLAND_DISPLAY"_s);
        for (const char *name : {"web", "db", "lab"})
            VERIFY_RUN(berth({u"create"_s, QString::fromLatin1(name), u"--memory"_s, u"256"_s}), 0);
    }

    void setsWhatItIsGiven()
    {
        const QString iso = m_dir.filePath(u"x.iso"_s);
        QFile f(iso);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        const BerthRun run =
            berth({u"set"_s, u"lab"_s, u"--cpus"_s, u"2"_s, u"--memory"_s, u"512"_s, u"--cdrom"_s,
                   iso, u"--machine"_s, u"pc"_s, u"--nic-model"_s, u"e1000e"_s, u"--notes"_s,
                   u"hi"_s, u"--json"_s});
        VERIFY_RUN(run, 0);
        QCOMPARE(run.object().value("changed"_L1).toArray().size(), 6);
        const QJsonObject d = definition(u"lab"_s);
        QCOMPARE(d.value("cpus"_L1).toInt(), 2);
        QCOMPARE(d.value("memory_mib"_L1).toInt(), 512);
        QCOMPARE(d.value("cdrom"_L1).toString(), QFileInfo(iso).absoluteFilePath());
        QCOMPARE(d.value("machine"_L1).toString(), u"pc"_s);
        QCOMPARE(d.value("network"_L1).toObject().value("model"_L1).toString(), u"e1000e"_s);
        QCOMPARE(d.value("notes"_L1).toString(), u"hi"_s);

        VERIFY_RUN(berth({u"set"_s, u"lab"_s, u"--no-cdrom"_s}), 0);
        QCOMPARE(definition(u"lab"_s).value("cdrom"_L1).toString(), QString());
    }

    void refusesWhatTheWindowRefuses()
    {
        const QByteArray before = QJsonDocument(definition(u"lab"_s)).toJson();
        BerthRun run = berth({u"set"_s, u"lab"_s, u"--machine"_s, u"foobar"_s});
        VERIFY_RUN(run, 1);
        QVERIFY(run.err.contains("foobar"));
        run = berth({u"set"_s, u"lab"_s, u"--memory"_s, u"0"_s});
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains("16"), run.err.constData());
        run = berth({u"set"_s, u"lab"_s, u"--memory"_s, u"4000000"_s}); // more than here
        QVERIFY(run.exitCode != 0);
        run = berth({u"set"_s, u"lab"_s, u"--nic-model"_s, u"ne2k"_s});
        VERIFY_RUN(run, 2);
        run = berth({u"set"_s, u"lab"_s});
        VERIFY_RUN(run, 2);
        QCOMPARE(QJsonDocument(definition(u"lab"_s)).toJson(), before);

        // More vCPUs than the host has threads: done, and said.
        run = berth(
            {u"set"_s, u"lab"_s, u"--cpus"_s, QString::number(QThread::idealThreadCount() + 1)});
        VERIFY_RUN(run, 0);
        QVERIFY2(run.err.contains("warning"), run.err.constData());
    }

    void twoConcurrentSetsOfDifferentFieldsBothLand()
    {
        const QList<QProcess *> runs =
            racing(u"web"_s, {u"web"_s, u"--cpus"_s, u"2"_s}, {u"web"_s, u"--notes"_s, u"both"_s});
        QCOMPARE(runs.size(), 2);
        for (QProcess *p : runs)
            QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
        const QJsonObject d = definition(u"web"_s);
        QCOMPARE(d.value("cpus"_L1).toInt(), 2);
        QCOMPARE(d.value("notes"_L1).toString(), u"both"_s);
    }

    void aConflictingSetIsRefusedNeverReverted()
    {
        const QList<QProcess *> runs =
            racing(u"db"_s, {u"db"_s, u"--cpus"_s, u"2"_s}, {u"db"_s, u"--cpus"_s, u"3"_s});
        QCOMPARE(runs.size(), 2);
        QProcess *won = runs[0]->exitCode() == 0 ? runs[0] : runs[1];
        QProcess *lost = won == runs[0] ? runs[1] : runs[0];
        QCOMPARE(won->exitCode(), 0);
        QCOMPARE(lost->exitCode(), 1);
        const QByteArray why = lost->readAllStandardError();
        QVERIFY2(why.contains("changed meanwhile") && why.contains("cpus"), why.constData());
        const int expected = won == runs[0] ? 2 : 3;
        QCOMPARE(definition(u"db"_s).value("cpus"_L1).toInt(), expected);
    }
};

QTEST_GUILESS_MAIN(TestSetCli)
#include "tst_set_cli.moc"
