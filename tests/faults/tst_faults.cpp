// SPDX-License-Identifier: GPL-2.0-or-later
// The fault-injection suite (issue 13): the real berth binary, qemu-img and QEMU, each fault
// made for real: processes killed with SIGKILL at seeded random moments, a full tmpfs and a
// read-only bind mount holding the library, corrupt, truncated, empty and foreign files,
// two processes racing on one VM. After every fault: the VMs that were there are there with
// the same definition and disks, no torn or half-made VM is listed, no QEMU is orphaned,
// and a failure is one line on stderr. It ends with "faults tried N, data lost 0".
#include "tests/support/berthrun.h"
#include "tests/support/testfiles.h"
#include "tests/support/testguest.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/mount.h>

using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray digest(const QString &path)
{
    QFile f(path);
    QCryptographicHash h(QCryptographicHash::Sha256);
    return f.open(QIODevice::ReadOnly) && h.addData(&f) ? h.result().toHex() : QByteArray();
}

} // namespace

class TestFaults final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_library;
    QString m_outside; ///< images the user keeps outside the library
    QProcessEnvironment m_env;
    QRandomGenerator m_random;
    int m_tried = 0;
    QStringList m_lost;
    /// What must survive every fault: file -> sha256.
    QMap<QString, QByteArray> m_precious;

    BerthRun berth(const QStringList &args, const QProcessEnvironment &env = {})
    {
        return BerthRun::run(QStringLiteral(BERTH_BINARY), args, env.isEmpty() ? m_env : env,
                             120'000);
    }

    static bool isOneErrorLine(const BerthRun &r)
    {
        return r.exitCode > 0 && r.err.startsWith("berth: ") && r.err.count('\n') == 1;
    }

    void remember(const QString &path) { m_precious.insert(path, digest(path)); }

    /// One fault was made; @p ok says whether what followed was right (else data is lost or
    /// the user was left without a word).
    void tried(const QString &what, bool ok, const QByteArray &detail = {})
    {
        ++m_tried;
        if (!ok)
            m_lost << what + u": "_s + QString::fromLocal8Bit(detail);
    }

    /// After each fault: the precious files are intact, every listed VM is whole, no QEMU.
    void verifyNothingLost(const QString &after)
    {
        for (auto it = m_precious.cbegin(); it != m_precious.cend(); ++it) {
            if (digest(it.key()) != it.value())
                m_lost << after + u": changed or lost "_s + it.key();
        }
        const BerthRun list = berth({u"list"_s, u"--json"_s});
        if (list.exitCode != 0)
            m_lost << after + u": list fails: "_s + QString::fromLocal8Bit(list.err);
        for (const QJsonValue &v : list.array()) {
            const QJsonObject vm = v.toObject();
            const QString name = vm.value("name"_L1).toString();
            if (vm.contains("broken"_L1) && !name.startsWith("victim"_L1))
                m_lost << after + u": "_s + name + u" is broken: "_s +
                              vm.value("broken"_L1).toString();
        }
        if (const QList<qint64> q = TestGuest::qemusNaming(m_dir.path() + u'/'); !q.isEmpty())
            m_lost << after + u": QEMU left running, pid "_s + QString::number(q.first());
        QVERIFY2(m_lost.isEmpty(), qPrintable(m_lost.join(u'\n')));
    }

    /// Starts berth with @p args and kills it with SIGKILL after a random 0..@p maxMs.
    void killDuring(const QStringList &args, int maxMs)
    {
        QProcess p;
        p.setProcessEnvironment(m_env);
        p.start(QStringLiteral(BERTH_BINARY), args);
        QVERIFY(p.waitForStarted());
        const int delay = int(m_random.bounded(maxMs + 1));
        p.waitForFinished(delay);
        if (p.state() != QProcess::NotRunning) {
            ::kill(pid_t(p.processId()), SIGKILL);
            p.waitForFinished();
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const quint32 seed = qEnvironmentVariableIsSet("BERTH_FAULT_SEED")
                                 ? quint32(qEnvironmentVariableIntValue("BERTH_FAULT_SEED"))
                                 : QRandomGenerator::system()->generate();
        m_random.seed(seed);
        qInfo("fault seed %u (BERTH_FAULT_SEED=%u repeats this run)", seed, seed);
        m_library = m_dir.filePath(u"library"_s);
        m_outside = m_dir.filePath(u"outside"_s);
        const QString runtime = m_dir.filePath(u"run"_s);
        QVERIFY(QDir().mkpath(runtime) && QDir().mkpath(m_outside) && QDir().mkpath(m_library));
        QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(u"BERTH_LIBRARY"_s, m_library);
        m_env.insert(u"XDG_RUNTIME_DIR"_s, runtime);
        m_env.remove(u"DISPLAY"_s);

        // The user's data: a VM with a disk Berth made, a VM on an image the user brought.
        const QString userImage = m_outside + u"/user.img"_s;
        QVERIFY(TestFiles::write(userImage, QByteArray(1 << 20, 'u')));
        VERIFY_RUN(berth({u"create"_s, u"keeper"_s, u"--disk-size"_s, u"16M"_s}), 0);
        VERIFY_RUN(berth({u"create"_s, u"user"_s, u"--disk"_s, userImage}), 0);
        for (const QString &f :
             QStringList{m_library + u"/keeper/vm.json"_s, m_library + u"/keeper/disk.qcow2"_s,
                         m_library + u"/user/vm.json"_s, userImage})
            remember(f);
    }

    void corruptDefinitions()
    {
        const QList<QByteArray> variants{"",
                                         "{\"name\": \"victim\", \"memory_mib\": 5",
                                         "\x00\x00\x00\x00",
                                         "[1, 2, 3]",
                                         "{\"hello\": \"world\"}",
                                         "{\"name\": 42}",
                                         QByteArray(70'000, '{'),
                                         "\xef\xbb\xbf\xff\xfe garbage"};
        for (const QByteArray &bytes : variants) {
            VERIFY_RUN(berth({u"create"_s, u"victim"_s, u"--disk-size"_s, u"4M"_s}), 0);
            const QString definition = m_library + u"/victim/vm.json"_s;
            const QByteArray disk = digest(m_library + u"/victim/disk.qcow2"_s);
            QVERIFY(TestFiles::write(definition, bytes));
            for (const QStringList &args : {QStringList{u"start"_s, u"victim"_s},
                                            {u"snapshot"_s, u"list"_s, u"victim"_s},
                                            {u"stop"_s, u"victim"_s},
                                            {u"create"_s, u"victim"_s}}) {
                const BerthRun r = berth(args);
                tried(u"vm.json %1 then %2"_s.arg(QString::fromLatin1(bytes.left(12).toHex()),
                                                  args.join(u' ')),
                      isOneErrorLine(r) && TestFiles::contents(definition) == bytes, r.err);
            }
            const BerthRun status = berth({u"status"_s, u"victim"_s, u"--json"_s});
            tried(u"status of a broken VM"_s,
                  status.exitCode == 0 && status.object().contains("broken"_L1), status.err);
            // Delete keeps the disk: a broken definition names none.
            const BerthRun del = berth({u"delete"_s, u"victim"_s});
            const QString kept = m_library + u"/images/victim-disk.qcow2"_s;
            tried(u"delete of a broken VM"_s, del.exitCode == 0 && digest(kept) == disk, del.err);
            QFile::remove(kept);
            verifyNothingLost(u"corrupt vm.json"_s);
        }
    }

    void corruptSnapshotRecords()
    {
        const QString records = m_library + u"/keeper/snapshots.json"_s;
        for (const QByteArray &bytes :
             {QByteArray(), QByteArray("{\"snapshots\": [ {\"name\": "), QByteArray("[]"),
              QByteArray("\x00\x01\x02"), QByteArray("{\"snapshots\": 7}")}) {
            QVERIFY(TestFiles::write(records, bytes));
            const BerthRun r = berth({u"snapshot"_s, u"list"_s, u"keeper"_s, u"--json"_s});
            // Listed or refused in one line, and never rewritten by a mere read.
            tried(u"snapshots.json %1"_s.arg(QString::fromLatin1(bytes.toHex())),
                  (r.exitCode == 0 || isOneErrorLine(r)) && TestFiles::contents(records) == bytes,
                  r.err);
            verifyNothingLost(u"corrupt snapshots.json"_s);
        }
        QFile::remove(records);
    }

    void readOnlyLibrary()
    {
        const QByteArray lib = QFile::encodeName(m_library);
        if (::mount(lib.constData(), lib.constData(), nullptr, MS_BIND, nullptr) != 0)
            QSKIP("cannot bind-mount the library (needs root or a user namespace)");
        const bool ro = ::mount(nullptr, lib.constData(), nullptr, MS_BIND | MS_REMOUNT | MS_RDONLY,
                                nullptr) == 0;
        if (ro) {
            for (const QStringList &args :
                 {QStringList{u"create"_s, u"nope"_s},
                  {u"create"_s, u"nope"_s, u"--disk-size"_s, u"4M"_s},
                  {u"delete"_s, u"keeper"_s},
                  {u"delete"_s, u"user"_s, u"--keep-disks"_s},
                  {u"disk"_s, u"create"_s, m_library + u"/x.qcow2"_s, u"--size"_s, u"4M"_s},
                  {u"start"_s, u"keeper"_s}}) {
                const BerthRun r = berth(args);
                tried(u"read-only library: "_s + args.join(u' '), isOneErrorLine(r), r.err);
            }
            const BerthRun list = berth({u"list"_s});
            tried(u"read-only library: list"_s, list.exitCode == 0, list.err);
        }
        QVERIFY(::umount(lib.constData()) == 0);
        QVERIFY2(ro, "remounting read-only failed");
        verifyNothingLost(u"read-only library"_s);
    }

    void fullDisk()
    {
        // A small tmpfs holds a second library; the user's image is outside it.
        const QString small = m_dir.filePath(u"small"_s);
        QVERIFY(QDir().mkpath(small));
        const QByteArray where = QFile::encodeName(small);
        if (::mount("tmpfs", where.constData(), "tmpfs", 0, "size=4m,mode=0700") != 0)
            QSKIP("cannot mount a tmpfs (needs root); the full-disk faults need one");
        QProcessEnvironment env = m_env;
        env.insert(u"BERTH_LIBRARY"_s, small);
        VERIFY_RUN(berth({u"create"_s, u"base"_s}, env), 0);
        const QByteArray base = TestFiles::contents(small + u"/base/vm.json"_s);
        const QString userImage = m_outside + u"/user.img"_s;
        // Fill it: a file that takes every free block.
        {
            QFile filler(small + u"/filler"_s);
            QVERIFY(filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
            for (const qsizetype size : {qsizetype(64 * 1024), qsizetype(512), qsizetype(1)}) {
                const QByteArray block(size, 'f');
                while (filler.write(block) == block.size()) {
                }
            }
        }
        const QList<QStringList> attempts{
            {u"create"_s, u"full1"_s},
            {u"create"_s, u"full2"_s, u"--disk-size"_s, u"16M"_s},
            {u"create"_s, u"full3"_s, u"--disk"_s, userImage, u"--firmware"_s, u"uefi"_s},
            {u"disk"_s, u"convert"_s, userImage, small + u"/conv.qcow2"_s},
            {u"disk"_s, u"create"_s, small + u"/new.qcow2"_s, u"--size"_s, u"8M"_s,
             u"--preallocation"_s, u"full"_s}};
        for (const QStringList &args : attempts) {
            const BerthRun r = berth(args, env);
            // Nothing half-made is left visible, base is untouched, the user's image stays.
            const QStringList visible =
                QDir(small).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
            tried(u"full disk: "_s + args.join(u' '),
                  isOneErrorLine(r) && visible == QStringList({u"base"_s, u"filler"_s}) &&
                      TestFiles::contents(small + u"/base/vm.json"_s) == base,
                  r.err + visible.join(u' ').toLocal8Bit());
        }
        const BerthRun list = berth({u"list"_s, u"--json"_s}, env);
        tried(u"full disk: list"_s, list.exitCode == 0 && list.array().size() == 1, list.err);
        QVERIFY(::umount(where.constData()) == 0);
        verifyNothingLost(u"full disk"_s);
    }

    void berthKilledAtRandomMoments()
    {
        const QString source = m_outside + u"/source.img"_s;
        VERIFY_RUN(berth({u"disk"_s, u"create"_s, source, u"--size"_s, u"256M"_s, u"--format"_s,
                          u"raw"_s, u"--preallocation"_s, u"full"_s}),
                   0);
        remember(source);
        for (int round = 0; round < 6; ++round) {
            killDuring({u"create"_s, u"killed"_s, u"--disk-size"_s, u"64M"_s}, 400);
            const BerthRun s = berth({u"status"_s, u"killed"_s, u"--json"_s});
            // Made whole or not at all.
            // In the folder status names: a leftover of a killed delete keeps the plain name.
            const bool whole =
                s.exitCode == 0 && !s.object().contains("broken"_L1) &&
                QFile::exists(s.object().value("folder"_L1).toString() + u"/disk.qcow2"_s);
            tried(u"kill during create"_s, whole || s.exitCode == 1, s.out + s.err);
            if (whole) {
                killDuring({u"delete"_s, u"killed"_s}, 60);
                const BerthRun again = berth({u"status"_s, u"killed"_s, u"--json"_s});
                tried(u"kill during delete"_s,
                      again.exitCode == 1 || !again.object().contains("broken"_L1) ||
                          !QFile::exists(m_library + u"/killed/vm.json"_s),
                      again.err);
                berth({u"delete"_s, u"killed"_s});
            }
            const QString target = m_outside + u"/converted.qcow2"_s;
            killDuring({u"disk"_s, u"convert"_s, source, target}, 600);
            // The target is whole or absent; a leftover is hidden and Berth's.
            const bool absent = !QFile::exists(target);
            const BerthRun check =
                absent ? BerthRun{0, {}, {}} : berth({u"disk"_s, u"check"_s, target});
            tried(u"kill during convert"_s, absent || check.exitCode == 0, check.err);
            QFile::remove(target);
            verifyNothingLost(u"berth killed"_s);
        }
    }

    void qemuKilled()
    {
        const QString guest = qEnvironmentVariable("BERTH_TEST_GUEST_DIR");
        VERIFY_RUN(berth({u"create"_s, u"runner"_s, u"--memory"_s, u"128"_s, u"--accel"_s, u"tcg"_s,
                          u"--kernel"_s, guest + u"/vmlinuz"_s, u"--initrd"_s,
                          guest + u"/initrd.img"_s, u"--append"_s, u"console=ttyS0 quiet"_s}),
                   0);
        const QByteArray definition = TestFiles::contents(m_library + u"/runner/vm.json"_s);
        for (int round = 0; round < 3; ++round) {
            VERIFY_RUN(berth({u"start"_s, u"runner"_s}), 0);
            const QList<qint64> qemu = TestGuest::qemusNaming(m_dir.filePath(u"run/"_s));
            QCOMPARE(qemu.size(), 1);
            ::kill(pid_t(qemu.first()), SIGKILL);
            QVERIFY(
                QTest::qWaitFor([&] { return TestGuest::qemusNaming(m_dir.filePath(u"run/"_s)).isEmpty(); }));
            const BerthRun s = berth({u"status"_s, u"runner"_s, u"--json"_s});
            const QString state = s.object().value("state"_L1).toString();
            tried(u"QEMU killed"_s,
                  s.exitCode == 0 && (state == "crashed"_L1 || state == "stopped"_L1) &&
                      TestFiles::contents(m_library + u"/runner/vm.json"_s) == definition,
                  s.out + s.err);
        }
        // It starts again after its crashes.
        VERIFY_RUN(berth({u"start"_s, u"runner"_s}), 0);
        VERIFY_RUN(berth({u"stop"_s, u"runner"_s, u"--force"_s, u"--timeout"_s, u"0"_s}), 0);
        VERIFY_RUN(berth({u"delete"_s, u"runner"_s}), 0);
        verifyNothingLost(u"QEMU killed"_s);
    }

    void racingProcesses()
    {
        for (const QStringList &args :
             {QStringList{u"create"_s, u"race"_s, u"--disk-size"_s, u"8M"_s, u"--accel"_s,
                          u"tcg"_s},
              QStringList{u"start"_s, u"race"_s},
              QStringList{u"stop"_s, u"race"_s, u"--force"_s, u"--timeout"_s, u"0"_s},
              QStringList{u"delete"_s, u"race"_s}}) {
            QProcess a, b;
            for (QProcess *p : {&a, &b}) {
                p->setProcessEnvironment(m_env);
                p->start(QStringLiteral(BERTH_BINARY), args);
            }
            QVERIFY(a.waitForFinished(60'000) && b.waitForFinished(60'000));
            const QByteArray err = a.readAllStandardError() + b.readAllStandardError();
            // stop is answered twice ("not running" is a success); the others once.
            const bool once = args.first() == "stop"_L1 ? a.exitCode() + b.exitCode() == 0
                                                        : a.exitCode() + b.exitCode() == 1;
            tried(u"two at once: "_s + args.join(u' '), once, err);
        }
        verifyNothingLost(u"racing processes"_s);
    }

    void cleanupTestCase()
    {
        TestGuest::killLeftoverQemus(m_dir.filePath(u"run"_s)); // a check that failed half-way
        const QByteArray totals =
            u"faults tried %1, data lost %2"_s.arg(m_tried).arg(m_lost.size()).toUtf8();
        qInfo("%s", totals.constData());
        for (const QString &lost : std::as_const(m_lost))
            qWarning("%s", qPrintable(lost));
        QVERIFY(m_lost.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
