// SPDX-License-Identifier: GPL-2.0-or-later
#include "tests/support/berthrun.h"
#include "tests/support/testguest.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;

class TestCli final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_library;
    QString m_runtime;
    QProcessEnvironment m_env;

    BerthRun berth(const QStringList &args, const QProcessEnvironment &env = {},
                   int timeoutMs = 120'000)
    {
        return BerthRun::run(QStringLiteral(BERTH_BINARY), args, env.isEmpty() ? m_env : env,
                             timeoutMs);
    }

    static QString guestFile(const char *name)
    {
        return qEnvironmentVariable("BERTH_TEST_GUEST_DIR") + u'/' + QLatin1StringView(name);
    }

    QByteArray serialLog(const QString &vm) { return berth({u"log"_s, vm}).out; }

    bool waitForLog(const QString &vm, const QByteArray &needle, int timeoutMs = 90'000)
    {
        return QTest::qWaitFor([&] { return serialLog(vm).contains(needle); }, timeoutMs);
    }

    QString uuidOf(const QString &vm)
    {
        return berth({u"status"_s, vm, u"--json"_s}).object().value("uuid"_L1).toString();
    }

    QString state(const QString &vm)
    {
        return berth({u"status"_s, vm, u"--json"_s}).object().value("state"_L1).toString();
    }

    /// How many clients are connected to a VNC socket under this test's runtime folder:
    /// /proc/net/unix lists each accepted connection (state 03) with the listener's path.
    int vncClients() const
    {
        QFile table(u"/proc/net/unix"_s);
        if (!table.open(QIODevice::ReadOnly))
            return -1;
        const QByteArray runtime = QFile::encodeName(m_runtime);
        int clients = 0;
        const QList<QByteArray> lines = table.readAll().split('\n');
        for (const QByteArray &line : lines) {
            const QList<QByteArray> fields = line.simplified().split(' ');
            if (fields.size() >= 8 && fields.at(5) == "03" && fields.at(7).startsWith(runtime) &&
                fields.at(7).endsWith("/vnc.sock"))
                ++clients;
        }
        return clients;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_library = m_dir.filePath(u"library"_s);
        m_runtime = m_dir.filePath(u"run"_s);
        QVERIFY(QDir().mkpath(m_runtime));
        QFile::setPermissions(m_runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(u"BERTH_LIBRARY"_s, m_library);
        m_env.insert(u"XDG_RUNTIME_DIR"_s, m_runtime);
        m_env.remove(u"DISPLAY"_s);
        m_env.remove(u"WAYLAND_DISPLAY"_s);
        m_env.remove(u"QT_QPA_PLATFORM"_s); // the CLI must not need a display at all
    }

    // VMs run detached: a check that failed half-way must not leave its QEMU running.
    void cleanupTestCase() { TestGuest::killLeftoverQemus(m_runtime); }

    void versionAndHelpNeedNoDisplay()
    {
        const BerthRun v = berth({u"--version"_s});
        VERIFY_RUN(v, 0);
        QVERIFY(v.out.contains("berth"));
        const BerthRun h = berth({u"stop"_s, u"--help"_s});
        VERIFY_RUN(h, 0);
        QVERIFY(h.out.contains("--force"));
        // The usage line names the command as typed, not the binary's path.
        const QByteArray usage = h.out.left(h.out.indexOf('\n'));
        QVERIFY2(usage.endsWith(" berth stop [options] NAME"), usage.constData());
    }

    void createListStatusDelete()
    {
        const BerthRun c = berth(
            {u"create"_s, u"alpha"_s, u"--memory"_s, u"768"_s, u"--cpus"_s, u"2"_s, u"--json"_s});
        VERIFY_RUN(c, 0);
        QCOMPARE(c.object().value("name"_L1).toString(), u"alpha"_s);

        const BerthRun l = berth({u"list"_s, u"--json"_s});
        VERIFY_RUN(l, 0);
        QCOMPARE(l.array().size(), 1);
        const QJsonObject o = l.array().at(0).toObject();
        QCOMPARE(o.value("state"_L1).toString(), u"stopped"_s);
        QVERIFY(o.value("pid"_L1).isNull());
        QCOMPARE(o.value("memory_mib"_L1).toInt(), 768);
        QCOMPARE(o.value("cpus"_L1).toInt(), 2);
        QCOMPARE(o.value("accel"_L1).toString(), u"auto"_s);

        const BerthRun s = berth({u"status"_s, u"alpha"_s});
        VERIFY_RUN(s, 0);
        QVERIFY(s.out.startsWith("alpha\tstopped"));

        VERIFY_RUN(berth({u"delete"_s, u"alpha"_s}), 0);
        QCOMPARE(berth({u"list"_s, u"--json"_s}).array().size(), 0);
    }

    void createWithNewDisk()
    {
        const BerthRun c = berth({u"create"_s, u"disky"_s, u"--disk-size"_s, u"64M"_s});
        VERIFY_RUN(c, 0);
        const QString disk = m_library + u"/disky/disk.qcow2"_s;
        QProcess info;
        info.start(u"qemu-img"_s, {u"info"_s, u"--output=json"_s, disk});
        QVERIFY(info.waitForFinished(30'000));
        const QJsonObject i = QJsonDocument::fromJson(info.readAllStandardOutput()).object();
        QCOMPARE(i.value("format"_L1).toString(), u"qcow2"_s);
        QCOMPARE(i.value("virtual-size"_L1).toInteger(), 64LL * 1024 * 1024);
        VERIFY_RUN(berth({u"delete"_s, u"disky"_s}), 0);
        QVERIFY(!QFile::exists(disk));
    }

    void createWithUefiFirmware()
    {
        VERIFY_RUN(berth({u"create"_s, u"efi"_s, u"--firmware"_s, u"uefi"_s}), 0);
        QFile json(m_library + u"/efi/vm.json"_s);
        QVERIFY(json.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(json.readAll()).object().value("firmware"_L1).toString(),
                 u"uefi"_s);
        json.close(); // delete refuses while a process has the VM's files open
        // Its own UEFI variables, made at creation: qcow2, checked by qemu-img itself.
        QProcess info;
        info.start(u"qemu-img"_s,
                   {u"info"_s, u"--output=json"_s, m_library + u"/efi/uefi-vars.qcow2"_s});
        QVERIFY(info.waitForFinished(30'000));
        QCOMPARE(QJsonDocument::fromJson(info.readAllStandardOutput())
                     .object()
                     .value("format"_L1)
                     .toString(),
                 u"qcow2"_s);
        VERIFY_RUN(berth({u"delete"_s, u"efi"_s}), 0);
    }

    void createWithExistingDiskReadsItsFormatAndNeverLosesIt()
    {
        // A raw image named .qcow2: attached as raw, as qemu-img reads it.
        const QString disk = m_dir.filePath(u"mine.qcow2"_s);
        QCOMPARE(QProcess::execute(u"qemu-img"_s,
                                   {u"create"_s, u"-q"_s, u"-f"_s, u"raw"_s, disk, u"8M"_s}),
                 0);
        VERIFY_RUN(berth({u"create"_s, u"mine"_s, u"--disk"_s, disk}), 0);
        QFile json(m_library + u"/mine/vm.json"_s);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonArray disks =
            QJsonDocument::fromJson(json.readAll()).object().value("disks"_L1).toArray();
        QCOMPARE(disks.size(), 1);
        QCOMPARE(disks.at(0).toObject().value("path"_L1).toString(), disk);
        QCOMPARE(disks.at(0).toObject().value("format"_L1).toString(), u"raw"_s);
        json.close(); // delete refuses while a process has the VM's files open
        VERIFY_RUN(berth({u"delete"_s, u"mine"_s, u"--keep-disks"_s}), 0);
        QVERIFY(QFile::exists(disk));

        // A creation that fails after the disk was read (the UEFI variables template is
        // unreadable) leaves no VM and keeps the disk.
        const QString ovmf = m_dir.filePath(u"broken-ovmf"_s);
        QVERIFY(QDir().mkpath(ovmf + u"/OVMF_VARS.fd"_s));
        QVERIFY(QFile(ovmf + u"/OVMF_CODE.fd"_s).open(QIODevice::WriteOnly));
        QProcessEnvironment env = m_env;
        env.insert(u"BERTH_OVMF_DIR"_s, ovmf);
        const BerthRun failed =
            berth({u"create"_s, u"mine"_s, u"--disk"_s, disk, u"--firmware"_s, u"uefi"_s}, env);
        VERIFY_RUN(failed, 1);
        QVERIFY2(failed.err.contains("UEFI variables"), failed.err.constData());
        QVERIFY(QFile::exists(disk));
        QCOMPARE(berth({u"list"_s, u"--json"_s}).array().size(), 0);
        // Nothing but the library's lock file (how creates and deletes take turns).
        QCOMPARE(QDir(m_library).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{u".library.lock"_s});
    }

    void errorsAreOneClearLine_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("bad name") << QStringList{u"create"_s, u"a/b"_s} << 1 << u"/"_s;
        QTest::newRow("missing disk")
            << QStringList{u"create"_s, u"x"_s, u"--disk"_s, u"/nonexistent/disk.qcow2"_s} << 1
            << u"/nonexistent/disk.qcow2"_s;
        QTest::newRow("invalid option")
            << QStringList{u"create"_s, u"x"_s, u"--frobnicate"_s} << 2 << u"frobnicate"_s;
        QTest::newRow("bad memory")
            << QStringList{u"create"_s, u"x"_s, u"--memory"_s, u"lots"_s} << 2 << u"lots"_s;
        QTest::newRow("bad accel")
            << QStringList{u"create"_s, u"x"_s, u"--accel"_s, u"hvf"_s} << 2 << u"hvf"_s;
        QTest::newRow("bad firmware")
            << QStringList{u"create"_s, u"x"_s, u"--firmware"_s, u"coreboot"_s} << 2
            << u"coreboot"_s;
        QTest::newRow("unknown vm") << QStringList{u"start"_s, u"ghost"_s} << 1 << u"ghost"_s;
        QTest::newRow("missing name") << QStringList{u"status"_s} << 2 << u"NAME"_s;
        QTest::newRow("unknown command") << QStringList{u"frob"_s} << 2 << u"frob"_s;
    }

    void errorsAreOneClearLine()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, mentions);
        const BerthRun r = berth(args);
        VERIFY_RUN(r, code);
        const QString err = QString::fromLocal8Bit(r.err).trimmed();
        QVERIFY2(!err.contains(u'\n'), qPrintable(err));
        QVERIFY2(err.startsWith("berth: "_L1) && err.contains(mentions), qPrintable(err));
        QVERIFY(r.out.isEmpty());
    }

    void corruptDefinitionIsReportedAndOthersStillWork()
    {
        VERIFY_RUN(berth({u"create"_s, u"fine"_s}), 0);
        QVERIFY(QDir().mkpath(m_library + u"/mangled"_s));
        QFile f(m_library + u"/mangled/vm.json"_s);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{ this is not json");
        f.close();
        const BerthRun l = berth({u"list"_s, u"--json"_s});
        VERIFY_RUN(l, 0);
        QCOMPARE(l.array().size(), 2);
        const BerthRun s = berth({u"status"_s, u"mangled"_s, u"--json"_s});
        VERIFY_RUN(s, 0);
        QVERIFY(s.object().value("broken"_L1).toString().contains("not valid JSON"_L1));
        const BerthRun start = berth({u"start"_s, u"mangled"_s});
        VERIFY_RUN(start, 1);
        QVERIFY(start.err.contains("cannot be used"));
        QCOMPARE(state(u"fine"_s), u"stopped"_s);
        // The broken file was left exactly as it was.
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("{ this is not json"));
        f.close();
        VERIFY_RUN(berth({u"delete"_s, u"mangled"_s}), 0);
        VERIFY_RUN(berth({u"delete"_s, u"fine"_s}), 0);
    }

    void missingQemuBinaryIsExplained()
    {
        VERIFY_RUN(berth({u"create"_s, u"noqemu"_s, u"--kernel"_s, guestFile("vmlinuz"),
                          u"--accel"_s, u"tcg"_s}),
                   0);
        QProcessEnvironment env = m_env;
        env.insert(u"BERTH_QEMU"_s, u"/nonexistent/qemu-system-x86_64"_s);
        const BerthRun r = berth({u"start"_s, u"noqemu"_s}, env);
        VERIFY_RUN(r, 1);
        QVERIFY2(r.err.contains("qemu"), r.err.constData());
        QCOMPARE(state(u"noqemu"_s), u"stopped"_s);
        VERIFY_RUN(berth({u"delete"_s, u"noqemu"_s}), 0);
    }

    void viewStartsTheVmAndShowsItsScreen()
    {
        VERIFY_RUN(berth({u"create"_s, u"viewed"_s, u"--memory"_s, u"256"_s, u"--accel"_s, u"tcg"_s,
                          u"--kernel"_s, guestFile("vmlinuz"), u"--initrd"_s,
                          guestFile("initrd.img"), u"--append"_s, u"console=ttyS0 quiet"_s}),
                   0);
        // With a display the CLI starts the stopped VM and the application's window (lent to
        // the CLI, which links no Widgets) connects to its screen.
        QProcessEnvironment env = m_env;
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        QProcess view;
        view.setProcessEnvironment(env);
        view.start(QStringLiteral(BERTH_BINARY), {u"view"_s, u"viewed"_s});
        QVERIFY(view.waitForStarted());
        QVERIFY2(QTest::qWaitFor([&] { return vncClients() > 0; }, 90'000),
                 view.readAllStandardError().constData());
        QCOMPARE(view.state(), QProcess::Running);
        QCOMPARE(state(u"viewed"_s), u"running"_s);
        view.terminate();
        QVERIFY(view.waitForFinished(10'000));
        VERIFY_RUN(berth({u"stop"_s, u"viewed"_s, u"--force"_s, u"--timeout"_s, u"0"_s}), 0);
        VERIFY_RUN(berth({u"delete"_s, u"viewed"_s}), 0);
    }

    static QFile::Permissions modeOf(const QString &path)
    {
        return QFileInfo(path).permissions() &
               (QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther |
                QFile::WriteOther | QFile::ExeOther | QFile::ReadOwner | QFile::WriteOwner |
                QFile::ExeOwner);
    }

    void whatBerthWritesIsTheUsersAlone()
    {
        // Issue 13 item 7: folders 0700; definitions, disks, logs, UEFI variables and
        // screenshots 0600, whatever the umask Berth was started with; a shared library
        // folder keeps its own mode, the VMs in it are private all the same.
        const QFile::Permissions folder = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
        const QFile::Permissions file = QFile::ReadOwner | QFile::WriteOwner;
        const QString shared = m_dir.filePath(u"shared"_s);
        QVERIFY(QDir().mkpath(shared));
        QVERIFY(QFile::setPermissions(shared, folder | QFile::ReadGroup | QFile::ExeGroup |
                                                  QFile::ReadOther | QFile::ExeOther));
        // Started with no umask at all: what is private is so because Berth makes it so.
        const mode_t umaskBefore = ::umask(0);
        const auto restoreUmask = qScopeGuard([umaskBefore] { ::umask(umaskBefore); });
        for (const QString &library : {m_dir.filePath(u"fresh/library"_s), shared}) {
            QProcessEnvironment env = m_env;
            env.insert(u"BERTH_LIBRARY"_s, library);
            VERIFY_RUN(berth({u"create"_s, u"private"_s, u"--memory"_s, u"128"_s, u"--accel"_s,
                              u"tcg"_s, u"--disk-size"_s, u"4M"_s, u"--firmware"_s, u"uefi"_s},
                             env),
                       0);
            VERIFY_RUN(berth({u"start"_s, u"private"_s}, env), 0);
            const QString shot = m_dir.filePath(u"shot.png"_s);
            QFile::remove(shot);
            VERIFY_RUN(berth({u"screenshot"_s, u"private"_s, shot, u"--qmp"_s}, env), 0);
            VERIFY_RUN(berth({u"stop"_s, u"private"_s, u"--force"_s, u"--timeout"_s, u"0"_s}, env),
                       0);
            const QString vm = library + u"/private"_s;
            QCOMPARE(modeOf(vm), folder);
            if (library != shared)
                QCOMPARE(modeOf(library), folder);
            else
                QVERIFY(modeOf(library) & QFile::ReadOther); // the user's choice stays
            for (const QString &f :
                 QStringList{vm + u"/vm.json"_s, vm + u"/disk.qcow2"_s, vm + u"/uefi-vars.qcow2"_s,
                             vm + u"/serial.log"_s, vm + u"/qemu.log"_s, shot})
                QVERIFY2(modeOf(f) == file,
                         qPrintable(u"%1: %2"_s.arg(f).arg(int(modeOf(f)), 0, 16)));
            VERIFY_RUN(berth({u"delete"_s, u"private"_s}, env), 0);
        }
    }

    void brokenVmIsNotDeletedWhileItsQemuRuns()
    {
        // Issue 13 item 3: a definition broken while its QEMU runs names no uuid (so no
        // runtime folder, no monitor): the QEMU is found by the files it holds, and delete
        // refuses, touching nothing.
        VERIFY_RUN(berth({u"create"_s, u"held"_s, u"--memory"_s, u"128"_s, u"--accel"_s, u"tcg"_s,
                          u"--disk-size"_s, u"16M"_s}),
                   0);
        VERIFY_RUN(berth({u"start"_s, u"held"_s}), 0);
        const QString definition = m_library + u"/held/vm.json"_s;
        QFile f(definition);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray good = f.readAll();
        f.close();
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(good.left(good.size() / 2)); // torn
        f.close();
        for (const QStringList &args : {QStringList{u"delete"_s, u"held"_s},
                                        QStringList{u"delete"_s, u"held"_s, u"--keep-disks"_s}}) {
            const BerthRun r = berth(args);
            VERIFY_RUN(r, 1);
            QVERIFY2(r.err.contains("still in use") && r.err.contains("qemu-system"),
                     r.err.constData());
        }
        QVERIFY(QFile::exists(m_library + u"/held/disk.qcow2"_s));
        QVERIFY(QFile::exists(definition));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(good);
        f.close();
        QCOMPARE(state(u"held"_s), u"running"_s);
        VERIFY_RUN(berth({u"stop"_s, u"held"_s, u"--force"_s, u"--timeout"_s, u"0"_s}), 0);
        VERIFY_RUN(berth({u"delete"_s, u"held"_s}), 0);
        QVERIFY(!QFile::exists(m_library + u"/held"_s));
    }

    void twoStartsAtOnceMakeOneQemu()
    {
        // Issue 13 item 10: two `berth start` of one VM at the same moment make exactly one
        // QEMU, and the loser leaves the running guest's logs alone (a rotation would move
        // serial.log to serial.log.old under the running guest).
        for (int round = 0; round < 4; ++round) {
            const QString name = u"twice%1"_s.arg(round);
            VERIFY_RUN(berth({u"create"_s, name, u"--memory"_s, u"128"_s, u"--accel"_s, u"tcg"_s}),
                       0);
            QProcess a, b;
            for (QProcess *p : {&a, &b})
                p->setProcessEnvironment(m_env);
            a.start(QStringLiteral(BERTH_BINARY), {u"start"_s, name});
            b.start(QStringLiteral(BERTH_BINARY), {u"start"_s, name});
            QVERIFY(a.waitForFinished(60'000) && b.waitForFinished(60'000));
            const QByteArray errors = a.readAllStandardError() + b.readAllStandardError();
            QCOMPARE(a.exitCode() + b.exitCode(), 1); // one started, one was refused
            QVERIFY2(errors.contains("already running") || errors.contains("being started"),
                     errors.constData());
            const QString folder = m_library + u'/' + name;
            const QList<qint64> qemus = TestGuest::qemusNaming(uuidOf(name));
            QCOMPARE(qemus.size(), 1);
            QVERIFY2(!QFile::exists(folder + u"/serial.log.old"_s), qPrintable(name));
            QVERIFY2(!QFile::exists(folder + u"/qemu.log.old"_s), qPrintable(name));
            // The log the guest writes is the one `berth log` reads.
            QCOMPARE(QFileInfo(u"/proc/%1/cwd"_s.arg(qemus.first())).symLinkTarget(), folder);
            QCOMPARE(state(name), u"running"_s);
            VERIFY_RUN(berth({u"stop"_s, name, u"--force"_s, u"--timeout"_s, u"0"_s}), 0);
            VERIFY_RUN(berth({u"delete"_s, name}), 0);
        }
    }

    void oneUuidInTwoLibrariesRunsApart()
    {
        // Issue 13 item 12: a VM folder copied into another library keeps its uuid. The
        // copy must not find the original's QEMU (and stop it, or show its screen): each
        // runs in its own runtime folder.
        // No disk: a copied definition still names the original's disks (QEMU's image lock
        // would then refuse the second start, which is right, but not what this checks).
        VERIFY_RUN(berth({u"create"_s, u"twin"_s, u"--memory"_s, u"128"_s, u"--accel"_s,
                          u"tcg"_s}),
                   0);
        const QString otherLibrary = m_dir.filePath(u"library2"_s);
        QVERIFY(QDir().mkpath(otherLibrary));
        VERIFY_RUN(BerthRun::run(u"cp"_s, {u"-a"_s, m_library + u"/twin"_s, otherLibrary}, m_env, 60'000),
                   0);
        QProcessEnvironment other = m_env;
        other.insert(u"BERTH_LIBRARY"_s, otherLibrary);
        const auto stateIn = [&](const QProcessEnvironment &env) {
            return berth({u"status"_s, u"twin"_s, u"--json"_s}, env)
                .object()
                .value("state"_L1)
                .toString();
        };
        const auto stopBoth = qScopeGuard([&] {
            berth({u"stop"_s, u"twin"_s, u"--force"_s, u"--timeout"_s, u"0"_s});
            berth({u"stop"_s, u"twin"_s, u"--force"_s, u"--timeout"_s, u"0"_s}, other);
        });
        QCOMPARE(berth({u"status"_s, u"twin"_s, u"--json"_s}, other)
                     .object()
                     .value("uuid"_L1)
                     .toString(),
                 berth({u"status"_s, u"twin"_s, u"--json"_s}).object().value("uuid"_L1).toString());

        VERIFY_RUN(berth({u"start"_s, u"twin"_s}), 0);
        QCOMPARE(stateIn(m_env), u"running"_s);
        QCOMPARE(stateIn(other), u"stopped"_s);
        VERIFY_RUN(berth({u"start"_s, u"twin"_s}, other), 0);
        const auto pidIn = [&](const QProcessEnvironment &env) {
            return berth({u"status"_s, u"twin"_s, u"--json"_s}, env)
                .object()
                .value("pid"_L1)
                .toInteger();
        };
        QCOMPARE(TestGuest::qemusNaming(uuidOf(u"twin"_s)).size(), 2);
        QVERIFY(pidIn(m_env) > 0 && pidIn(other) > 0 && pidIn(m_env) != pidIn(other));
        // Stopping the copy leaves the original running.
        VERIFY_RUN(berth({u"stop"_s, u"twin"_s, u"--force"_s, u"--timeout"_s, u"0"_s}, other), 0);
        QCOMPARE(stateIn(other), u"stopped"_s);
        QCOMPARE(stateIn(m_env), u"running"_s);
        VERIFY_RUN(berth({u"stop"_s, u"twin"_s, u"--force"_s, u"--timeout"_s, u"0"_s}), 0);
        VERIFY_RUN(berth({u"delete"_s, u"twin"_s}), 0);
        VERIFY_RUN(berth({u"delete"_s, u"twin"_s}, other), 0);
    }

    void consoleTalksToTheGuestsShell()
    {
        // Issue 14 item 7 and issue 13 item 9: `berth console` is the guest's serial port,
        // both ways, Ctrl+] leaves; serial.log keeps what went by, bounded by its limit.
        QProcessEnvironment env = m_env;
        env.insert(u"BERTH_SERIAL_LOG_LIMIT"_s, u"65536"_s);
        VERIFY_RUN(berth({u"create"_s, u"chatty"_s, u"--memory"_s, u"256"_s, u"--accel"_s,
                          u"tcg"_s, u"--kernel"_s, guestFile("vmlinuz"), u"--initrd"_s,
                          guestFile("initrd.img"), u"--append"_s,
                          u"console=ttyS0 quiet berth.serialshell"_s}),
                   0);
        const auto cleanup = qScopeGuard([&] {
            berth({u"stop"_s, u"chatty"_s, u"--force"_s, u"--timeout"_s, u"0"_s});
            berth({u"delete"_s, u"chatty"_s});
        });
        VERIFY_RUN(berth({u"start"_s, u"chatty"_s}, env), 0);
        QVERIFY2(waitForLog(u"chatty"_s, "BERTH-GUEST-READY"),
                 serialLog(u"chatty"_s).right(500).constData());

        QProcess console;
        console.setProcessEnvironment(m_env);
        console.start(QStringLiteral(BERTH_BINARY), {u"console"_s, u"chatty"_s});
        QVERIFY(console.waitForStarted());
        QByteArray seen;
        const auto waitFor = [&](const QByteArray &needle) {
            return QTest::qWaitFor(
                [&] {
                    seen += console.readAllStandardOutput();
                    return seen.contains(needle) || console.state() == QProcess::NotRunning;
                },
                90'000);
        };
        // The shell computes it, so the answer cannot be the echo of what was typed.
        console.write("echo BERTH-ANSWER-$((6 * 7))\n");
        QVERIFY2(waitFor("BERTH-ANSWER-42") && seen.contains("BERTH-ANSWER-42"),
                 QByteArray(seen.right(400) + console.readAllStandardError()).constData());

        // 2000 lines of 60 bytes: about twice the limit.
        console.write("i=0; while [ $i -lt 2000 ]; do echo BERTH-FILL-$i-xxxxxxxxxxxxxxxxxxxxxxx"
                      "xxxxxxxxxxxxxx; i=$((i + 1)); done; echo BERTH-FILLED-$((1 + 1))\n");
        QVERIFY2(waitFor("BERTH-FILLED-2") && seen.contains("BERTH-FILLED-2"),
                 QByteArray(seen.right(400) + console.readAllStandardError()).constData());
        QCOMPARE(console.state(), QProcess::Running); // a burst does not drop the console
        console.write("\x1d"); // Ctrl+]
        QVERIFY(console.waitForFinished(20'000));
        QCOMPARE(console.exitStatus(), QProcess::NormalExit);
        QCOMPARE(console.exitCode(), 0);
        QCOMPARE(state(u"chatty"_s), u"running"_s); // leaving the console leaves the VM alone

        const QString logPath = m_library + u"/chatty/serial.log"_s;
        QTRY_VERIFY_WITH_TIMEOUT(serialLog(u"chatty"_s).contains("BERTH-FILLED-2"), 20'000);
        QVERIFY2(QFileInfo(logPath).size() <= 65536, qPrintable(QString::number(QFileInfo(logPath).size())));
        const QByteArray log = serialLog(u"chatty"_s);
        QVERIFY(log.contains("older serial output was dropped"));
        QVERIFY(!log.contains("BERTH-FILL-0-"));
        QVERIFY(log.contains("BERTH-FILL-1999-"));

        // A stopped VM has no console to join.
        VERIFY_RUN(berth({u"stop"_s, u"chatty"_s, u"--force"_s, u"--timeout"_s, u"0"_s}), 0);
        const BerthRun refused = berth({u"console"_s, u"chatty"_s});
        VERIFY_RUN(refused, 1);
        QVERIFY2(refused.err.contains("not running"), refused.err.constData());
    }

    void lifecycleWithRealGuest()
    {
        const BerthRun c =
            berth({u"create"_s, u"guest"_s, u"--memory"_s, u"256"_s, u"--accel"_s, u"tcg"_s,
                   u"--kernel"_s, guestFile("vmlinuz"), u"--initrd"_s, guestFile("initrd.img"),
                   u"--append"_s, u"console=ttyS0 quiet"_s});
        VERIFY_RUN(c, 0);

        const BerthRun start = berth({u"start"_s, u"guest"_s, u"--json"_s});
        VERIFY_RUN(start, 0);
        QCOMPARE(start.object().value("state"_L1).toString(), u"running"_s);
        QVERIFY(start.object().value("pid"_L1).toInteger() > 0);
        QCOMPARE(start.object().value("accel"_L1).toString(), u"tcg"_s);
        QVERIFY2(waitForLog(u"guest"_s, "BERTH-GUEST-READY"),
                 serialLog(u"guest"_s).right(500).constData());

        // Starting twice is refused; the VM keeps running.
        VERIFY_RUN(berth({u"start"_s, u"guest"_s}), 1);

        VERIFY_RUN(berth({u"pause"_s, u"guest"_s}), 0);
        QCOMPARE(state(u"guest"_s), u"paused"_s);
        VERIFY_RUN(berth({u"resume"_s, u"guest"_s}), 0);
        QCOMPARE(state(u"guest"_s), u"running"_s);

        // Reset: answered by QEMU, and the guest boots again.
        const BerthRun reset = berth({u"reset"_s, u"guest"_s});
        VERIFY_RUN(reset, 0);
        QVERIFY2(reset.out.contains("guest was reset"), reset.out.constData());
        QVERIFY2(QTest::qWaitFor(
                     [&] { return serialLog(u"guest"_s).count("BERTH-GUEST-READY") >= 2; }, 90'000),
                 serialLog(u"guest"_s).right(500).constData());

        // ACPI shutdown: the guest sees the power button and powers off.
        const BerthRun stop = berth({u"stop"_s, u"guest"_s, u"--timeout"_s, u"60"_s});
        VERIFY_RUN(stop, 0);
        QVERIFY(serialLog(u"guest"_s).contains("BERTH-POWER-BUTTON"));
        const BerthRun after = berth({u"status"_s, u"guest"_s, u"--json"_s});
        QCOMPARE(after.object().value("state"_L1).toString(), u"stopped"_s);
        QVERIFY(after.object().value("pid"_L1).isNull());
        QDirIterator leftovers(m_runtime, QDir::Files | QDir::System | QDir::Hidden,
                               QDirIterator::Subdirectories);
        QVERIFY2(!leftovers.hasNext(), qPrintable(u"stale runtime file: "_s + leftovers.next()));

        // Force off.
        VERIFY_RUN(berth({u"start"_s, u"guest"_s}), 0);
        VERIFY_RUN(berth({u"stop"_s, u"guest"_s, u"--force"_s, u"--timeout"_s, u"0"_s}), 0);
        QCOMPARE(state(u"guest"_s), u"stopped"_s);

        VERIFY_RUN(berth({u"delete"_s, u"guest"_s}), 0);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
