// SPDX-License-Identifier: GPL-2.0-or-later
// `berth COMMAND` in this process (CommandLine::run on buffers), for everything that needs
// neither QEMU nor qemu-img: usage lines and errors, unknown VMs, create's checks, the JSON of
// stopped VMs, delete, log, snapshot list of a diskless VM, and `view`'s wiring. The real
// binary's contract stays tested by tst_cli, tst_disk_cli and tst_snapshot_cli.
#include "app/cli/commandline.h"
#include "models/common/procstat.h"
#include "models/vm/vmlayout.h"
#include "tests/support/clirun.h"
#include "tests/support/testguest.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace {

/// The commands that take a VM's NAME as their first positional argument.
const QStringList kNameCommands{u"status"_s, u"start"_s, u"pause"_s,  u"resume"_s,
                                u"reset"_s,  u"stop"_s,  u"delete"_s, u"log"_s,
                                u"stats"_s,  u"view"_s,  u"create"_s};

/// Every command of the table, as `berth --help` lists them.
const QStringList kCommands{
    u"clone"_s,  u"console"_s,    u"create"_s,  u"delete"_s,   u"detect"_s,
    u"disk"_s,   u"export"_s,     u"forward"_s, u"host"_s,     u"import"_s,
    u"list"_s,   u"log"_s,        u"network"_s, u"pause"_s,    u"reset"_s,
    u"resume"_s, u"screenshot"_s, u"set"_s,     u"shortcut"_s, u"snapshot"_s,
    u"start"_s,  u"stats"_s,      u"status"_s,  u"stop"_s,     u"view"_s};

/// A viewer that records what it was asked to show instead of opening a window.
struct FakeViewer
{
    int calls = 0;
    QString name;
    CliViewer viewer()
    {
        return [this](const QString &vmName, const QString &, bool, const QString &) {
            ++calls;
            name = vmName;
            return 0;
        };
    }
};

/// The error contract: nothing on stdout, one line on stderr naming what went wrong.
} // namespace

class TestCliInProcess final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PrivateRuntime> m_runtime;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_library;

    BerthRun berth(const QStringList &args, const CliViewer &viewer = {})
    {
        return runInProcess(args, viewer);
    }

    QString file(const QString &name, const QByteArray &content = "x")
    {
        const QString path = m_dir->filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
            qWarning("cannot write %s", qPrintable(path));
        return path;
    }

    QJsonObject describedAs(const QString &vm)
    {
        return berth({u"status"_s, vm, u"--json"_s}).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setApplicationName(u"berth"_s);
        QCoreApplication::setApplicationVersion(QStringLiteral(BERTH_VERSION));
        QStandardPaths::setTestModeEnabled(true); // not the user's Preferences
        m_runtime = std::make_unique<PrivateRuntime>();
        QVERIFY(m_runtime->isValid());
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_library = m_dir->filePath(u"library"_s);
        qputenv("BERTH_LIBRARY", QFile::encodeName(m_library));
    }

    void linksNoQtWidgets()
    {
        // The test links berth_cli and nothing of the UI (berth_forbid_link checks the link
        // interface when configuring; this checks what was loaded).
        QFile maps(u"/proc/self/maps"_s);
        QVERIFY(maps.open(QIODevice::ReadOnly));
        const QByteArray loaded = maps.readAll();
        QVERIFY(loaded.contains("libQt6Core"));
        QVERIFY2(!loaded.contains("libQt6Widgets"), "berth_cli brought in Qt Widgets");
    }

    void whatMainStarts_data()
    {
        using What = CommandLine::Start::What;
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<What>("what");
        QTest::addColumn<QString>("library");
        QTest::newRow("nothing") << QStringList{} << What::Window << QString();
        QTest::newRow("library") << QStringList{u"--library"_s, u"/x"_s} << What::Window << u"/x"_s;
        QTest::newRow("command") << QStringList{u"list"_s} << What::Command << QString();
        QTest::newRow("options first")
            << QStringList{u"--library"_s, u"/x"_s, u"list"_s} << What::Command << QString();
        QTest::newRow("unknown command") << QStringList{u"frob"_s} << What::Command << QString();
        QTest::newRow("help") << QStringList{u"--help"_s} << What::Command << QString();
        QTest::newRow("-h") << QStringList{u"-h"_s} << What::Command << QString();
        QTest::newRow("version") << QStringList{u"--version"_s} << What::Command << QString();
        QTest::newRow("-v") << QStringList{u"-v"_s} << What::Command << QString();
        QTest::newRow("wrong option") << QStringList{u"--frob"_s} << What::Command << QString();
        // The test runs with QT_QPA_PLATFORM=offscreen: a display.
        QTest::newRow("view") << QStringList{u"view"_s, u"vm"_s} << What::CommandWithWindow
                              << QString();
    }

    void whatMainStarts()
    {
        QFETCH(QStringList, args);
        QFETCH(CommandLine::Start::What, what);
        QFETCH(QString, library);
        QVERIFY(qEnvironmentVariableIsSet("QT_QPA_PLATFORM"));
        const CommandLine::Start start = CommandLine::start(args);
        QCOMPARE(start.what, what);
        QCOMPARE(start.library, library);
    }

    void viewWithoutAnyDisplayStaysACommand()
    {
        const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
        const QByteArray display = qgetenv("DISPLAY");
        const QByteArray wayland = qgetenv("WAYLAND_DISPLAY");
        qunsetenv("QT_QPA_PLATFORM");
        qunsetenv("DISPLAY");
        qunsetenv("WAYLAND_DISPLAY");
        const CommandLine::Start start = CommandLine::start({u"view"_s, u"vm"_s});
        qputenv("QT_QPA_PLATFORM", platform);
        if (!display.isEmpty())
            qputenv("DISPLAY", display);
        if (!wayland.isEmpty())
            qputenv("WAYLAND_DISPLAY", wayland);
        QCOMPARE(start.what, CommandLine::Start::What::Command);
    }

    void versionAndHelp()
    {
        const BerthRun v = berth({u"--version"_s});
        VERIFY_RUN(v, 0);
        QCOMPARE(v.out, QByteArray("berth " BERTH_VERSION "\n"));
        QVERIFY(v.err.isEmpty());

        const BerthRun h = berth({u"--help"_s});
        VERIFY_RUN(h, 0);
        QVERIFY2(h.out.startsWith("Usage: berth [options]\n"), h.out.constData());
        const QString help = QString::fromLocal8Bit(h.out).simplified();
        QVERIFY2(help.contains(kCommands.join(u", "_s)), qPrintable(help));
        QVERIFY(help.contains("--library <DIR>"_L1));
        QVERIFY2(help.contains("Preferences"_L1), qPrintable(help));
    }

    void shortcutOpensTheVmsScreen()
    {
        // The display's Shortcut… dialog from the command line (DesktopShortcut for both).
        VERIFY_RUN(berth({u"create"_s, u"my vm"_s, u"--memory"_s, u"128"_s}), 0);
        const QString folder = m_dir->filePath(u"launchers"_s);
        const BerthRun made = berth(
            {u"shortcut"_s, u"my vm"_s, u"--folder"_s, folder, u"--fullscreen"_s, u"--json"_s});
        VERIFY_RUN(made, 0);
        const QString path = made.object().value("path"_L1).toString();
        QCOMPARE(path, folder + u"/berth-view-my_vm.desktop"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY2(text.contains(u" view \"my vm\" --library "_s + m_library + u" --fullscreen\n"_s),
                 qPrintable(text));
        QVERIFY(f.permissions() & QFile::ExeOwner);
        // Again: the same file, replaced (no second launcher for one VM).
        VERIFY_RUN(berth({u"shortcut"_s, u"my vm"_s, u"--folder"_s, folder}), 0);
        QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 1);
        f.close();
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains("--fullscreen"));

        const BerthRun menu = berth({u"shortcut"_s, u"my vm"_s, u"--menu"_s, u"--json"_s});
        VERIFY_RUN(menu, 0);
        const QString inMenu = menu.object().value("path"_L1).toString();
        QVERIFY2(inMenu.startsWith(
                     QStandardPaths::writableLocation(QStandardPaths::ApplicationsLocation)),
                 qPrintable(inMenu));
        QVERIFY(QFile::remove(inMenu));
        VERIFY_RUN(berth({u"shortcut"_s, u"my vm"_s, u"--menu"_s, u"--folder"_s, folder}), 2);
        VERIFY_RUN(berth({u"shortcut"_s, u"nobody"_s, u"--folder"_s, folder}), 1);
    }

    void commandHelp_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("usage");
        QTest::addColumn<QString>("option");
        QTest::newRow("create") << u"create"_s << u"berth create [options] NAME"_s
                                << u"--disk-size"_s;
        QTest::newRow("list") << u"list"_s << u"berth list [options]"_s << u"--json"_s;
        QTest::newRow("stop") << u"stop"_s << u"berth stop [options] NAME"_s << u"--force"_s;
        QTest::newRow("delete") << u"delete"_s << u"berth delete [options] NAME"_s
                                << u"--keep-disks"_s;
        QTest::newRow("snapshot")
            << u"snapshot"_s << u"berth snapshot [options] list|create|revert|delete NAME [TAG]"_s
            << u"--description"_s;
        QTest::newRow("disk")
            << u"disk"_s << u"berth disk [options] ACTION PATH [SIZE|DST] | attach|detach VM PATH"_s
            << u"--preallocation"_s;
        QTest::newRow("shortcut") << u"shortcut"_s << u"berth shortcut [options] NAME"_s
                                  << u"--fullscreen"_s;
        QTest::newRow("stats") << u"stats"_s << u"berth stats [options] NAME"_s << u"--watch"_s;
        QTest::newRow("screenshot")
            << u"screenshot"_s << u"berth screenshot [options] NAME FILE.png"_s << u"--qmp"_s;
        // The CLI keeps view's help, although its window is the application's.
        QTest::newRow("view") << u"view"_s << u"berth view [options] NAME"_s << u"--fullscreen"_s;
    }

    void commandHelp()
    {
        QFETCH(QString, command);
        QFETCH(QString, usage);
        QFETCH(QString, option);
        for (const QString &help : {u"--help"_s, u"-h"_s, u"--help-all"_s}) {
            const BerthRun r = berth({command, help});
            VERIFY_RUN(r, 0);
            const QString out = QString::fromLocal8Bit(r.out);
            QCOMPARE(out.section(u'\n', 0, 0), u"Usage: "_s + usage);
            QVERIFY2(out.contains(option) && out.contains("--library <DIR>"_L1), qPrintable(out));
            QVERIFY(r.err.isEmpty());
        }
    }

    void usageErrorsAreOneLineAndExit2_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no command") << QStringList{} << u"berth --help"_s;
        QTest::newRow("unknown command") << QStringList{u"frob"_s} << u"frob"_s;
        QTest::newRow("unknown option") << QStringList{u"list"_s, u"--frob"_s} << u"frob"_s;
        QTest::newRow("unknown option, no command") << QStringList{u"--frob"_s} << u"frob"_s;
        QTest::newRow("library without value") << QStringList{u"--library"_s} << u"library"_s;
        QTest::newRow("value for a switch") << QStringList{u"list"_s, u"--json=yes"_s} << u"json"_s;
        QTest::newRow("extra argument") << QStringList{u"status"_s, u"a"_s, u"b"_s} << u"\"b\""_s;
        QTest::newRow("list takes none") << QStringList{u"list"_s, u"a"_s} << u"\"a\""_s;
        for (const QString &command : kNameCommands)
            QTest::newRow(qPrintable(command + u" without NAME"_s))
                << QStringList{command} << u"NAME"_s;
        QTest::newRow("stop timeout")
            << QStringList{u"stop"_s, u"a"_s, u"--timeout"_s, u"soon"_s} << u"soon"_s;
        QTest::newRow("stop negative timeout")
            << QStringList{u"stop"_s, u"a"_s, u"--timeout"_s, u"-1"_s} << u"-1"_s;
        QTest::newRow("snapshot without action") << QStringList{u"snapshot"_s} << u"list"_s;
        QTest::newRow("snapshot action")
            << QStringList{u"snapshot"_s, u"take"_s, u"a"_s} << u"take"_s;
        QTest::newRow("snapshot list without NAME")
            << QStringList{u"snapshot"_s, u"list"_s} << u"NAME"_s;
        QTest::newRow("snapshot list description")
            << QStringList{u"snapshot"_s, u"list"_s, u"a"_s, u"--description"_s, u"d"_s}
            << u"--description"_s;
        QTest::newRow("snapshot list extra")
            << QStringList{u"snapshot"_s, u"list"_s, u"a"_s, u"b"_s} << u"\"b\""_s;
        QTest::newRow("disk without action") << QStringList{u"disk"_s} << u"create"_s;
        QTest::newRow("disk action") << QStringList{u"disk"_s, u"make"_s, u"x"_s} << u"make"_s;
        QTest::newRow("disk create without size")
            << QStringList{u"disk"_s, u"create"_s, u"x.qcow2"_s} << u"--size"_s;
        QTest::newRow("disk create bad size")
            << QStringList{u"disk"_s, u"create"_s, u"x.qcow2"_s, u"--size"_s, u"big"_s} << u"big"_s;
        QTest::newRow("disk create bad preallocation")
            << QStringList{u"disk"_s, u"create"_s,          u"x.qcow2"_s, u"--size"_s,
                           u"1M"_s,   u"--preallocation"_s, u"some"_s}
            << u"some"_s;
        QTest::newRow("disk create --shrink")
            << QStringList{u"disk"_s,   u"create"_s, u"x.qcow2"_s,
                           u"--size"_s, u"1M"_s,     u"--shrink"_s}
            << u"--shrink"_s;
        QTest::newRow("disk info --size")
            << QStringList{u"disk"_s, u"info"_s, u"x.qcow2"_s, u"--size"_s, u"1M"_s} << u"--size"_s;
        QTest::newRow("disk resize without size")
            << QStringList{u"disk"_s, u"resize"_s, u"x.qcow2"_s} << u"SIZE"_s;
        QTest::newRow("disk resize bad size")
            << QStringList{u"disk"_s, u"resize"_s, u"x.qcow2"_s, u"lots"_s} << u"lots"_s;
        QTest::newRow("disk convert without destination")
            << QStringList{u"disk"_s, u"convert"_s, u"x.qcow2"_s} << u"DESTINATION"_s;
        QTest::newRow("disk info extra")
            << QStringList{u"disk"_s, u"info"_s, u"x.qcow2"_s, u"y"_s} << u"\"y\""_s;
    }

    void usageErrorsAreOneLineAndExit2()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const BerthRun r = berth(args);
        VERIFY_RUN(r, 2);
        QVERIFY2(isOneErrorLine(r, mentions), r.err.constData());
    }

    void unknownVm_data()
    {
        QTest::addColumn<QStringList>("args");
        for (const QString &command : kNameCommands) {
            if (command != "create"_L1)
                QTest::newRow(qPrintable(command)) << QStringList{command, u"ghost"_s};
        }
        QTest::newRow("screenshot") << QStringList{u"screenshot"_s, u"ghost"_s, u"x.png"_s};
        for (const QString &action : {u"list"_s, u"create"_s, u"revert"_s, u"delete"_s})
            QTest::newRow(qPrintable(u"snapshot "_s + action))
                << QStringList{u"snapshot"_s, action, u"ghost"_s, u"tag"_s}.mid(
                       0, action == "list"_L1 ? 3 : 4);
    }

    void unknownVm()
    {
        QFETCH(QStringList, args);
        FakeViewer viewer;
        const BerthRun r = berth(args + QStringList{u"--json"_s}, viewer.viewer());
        VERIFY_RUN(r, 1);
        QVERIFY2(isOneErrorLine(r, u"no VM named \"ghost\" in "_s + m_library), r.err.constData());
        QCOMPARE(viewer.calls, 0);
    }

    void createRefusesInvalidValues_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("mentions");
        const QString missing = u"/nonexistent/file"_s;
        QTest::newRow("memory word") << QStringList{u"--memory"_s, u"lots"_s} << 2 << u"lots"_s;
        QTest::newRow("memory unit") << QStringList{u"--memory"_s, u"2G"_s} << 2 << u"2G"_s;
        QTest::newRow("memory empty") << QStringList{u"--memory="_s} << 2 << u"--memory"_s;
        QTest::newRow("memory zero") << QStringList{u"--memory"_s, u"0"_s} << 1 << u"MiB"_s;
        QTest::newRow("memory huge") << QStringList{u"--memory"_s, u"99999999"_s} << 1 << u"MiB"_s;
        QTest::newRow("cpus word") << QStringList{u"--cpus"_s, u"two"_s} << 2 << u"two"_s;
        QTest::newRow("cpus zero") << QStringList{u"--cpus"_s, u"0"_s} << 1 << u"CPUs"_s;
        QTest::newRow("cpus negative") << QStringList{u"--cpus"_s, u"-2"_s} << 1 << u"CPUs"_s;
        QTest::newRow("accel") << QStringList{u"--accel"_s, u"hvf"_s} << 2 << u"hvf"_s;
        QTest::newRow("firmware") << QStringList{u"--firmware"_s, u"coreboot"_s} << 2
                                  << u"coreboot"_s;
        QTest::newRow("disk-size") << QStringList{u"--disk-size"_s, u"huge"_s} << 2 << u"huge"_s;
        QTest::newRow("disk-size negative")
            << QStringList{u"--disk-size"_s, u"-1G"_s} << 2 << u"-1G"_s;
        QTest::newRow("disk and disk-size")
            << QStringList{u"--disk"_s, missing, u"--disk-size"_s, u"1G"_s} << 2 << u"--disk"_s;
        QTest::newRow("disk missing") << QStringList{u"--disk"_s, missing} << 1 << missing;
        QTest::newRow("cdrom missing") << QStringList{u"--cdrom"_s, missing} << 1 << missing;
        QTest::newRow("kernel missing") << QStringList{u"--kernel"_s, missing} << 1 << missing;
        QTest::newRow("initrd missing")
            << QStringList{u"--kernel"_s, u"KERNEL"_s, u"--initrd"_s, missing} << 1 << missing;
        QTest::newRow("initrd without kernel")
            << QStringList{u"--initrd"_s, u"KERNEL"_s} << 2 << u"--kernel"_s;
        QTest::newRow("append without kernel")
            << QStringList{u"--append"_s, u"quiet"_s} << 2 << u"--kernel"_s;
        QTest::newRow("unknown option") << QStringList{u"--ram"_s, u"1"_s} << 2 << u"ram"_s;
    }

    void createRefusesInvalidValues()
    {
        QFETCH(QStringList, options);
        QFETCH(int, code);
        QFETCH(QString, mentions);
        options.replaceInStrings(u"KERNEL"_s, file(u"vmlinuz"_s));
        const BerthRun r = berth(QStringList{u"create"_s, u"vm"_s, u"--json"_s} + options);
        VERIFY_RUN(r, code);
        QVERIFY2(isOneErrorLine(r, mentions), r.err.constData());
        // Nothing was made.
        const BerthRun list = berth({u"list"_s, u"--json"_s});
        VERIFY_RUN(list, 0);
        QCOMPARE(list.array().size(), 0);
    }

    void createRefusesBadNamesAndDuplicates()
    {
        for (const QString &name : {u"a/b"_s, u".."_s, u" x"_s}) {
            const BerthRun r = berth({u"create"_s, name});
            VERIFY_RUN(r, 1);
            QVERIFY2(isOneErrorLine(r, u"name"_s), r.err.constData());
        }
        VERIFY_RUN(berth({u"create"_s, u"twin"_s}), 0);
        const BerthRun again = berth({u"create"_s, u"twin"_s});
        VERIFY_RUN(again, 1);
        QVERIFY2(isOneErrorLine(again, u"twin"_s), again.err.constData());
    }

    void stoppedVmsAsJsonAndText()
    {
        const QString kernel = file(u"vmlinuz"_s);
        const BerthRun c =
            berth({u"create"_s, u"alpha"_s, u"--memory"_s, u"768"_s, u"--cpus"_s, u"2"_s,
                   u"--accel"_s, u"tcg"_s, u"--kernel"_s, kernel, u"--json"_s});
        VERIFY_RUN(c, 0);
        QVERIFY(c.err.isEmpty());
        const QJsonObject made = c.object();
        const QStringList keys{u"accel"_s, u"cpus"_s, u"folder"_s, u"memory_mib"_s,
                               u"name"_s,  u"pid"_s,  u"state"_s,  u"uuid"_s};
        QCOMPARE(made.keys(), keys);
        QCOMPARE(made.value("name"_L1).toString(), u"alpha"_s);
        QCOMPARE(made.value("state"_L1).toString(), u"stopped"_s);
        QVERIFY(made.value("pid"_L1).isNull());
        QCOMPARE(made.value("accel"_L1).toString(), u"tcg"_s);
        QCOMPARE(made.value("memory_mib"_L1).toInt(), 768);
        QCOMPARE(made.value("cpus"_L1).toInt(), 2);
        QCOMPARE(made.value("folder"_L1).toString(), m_library + u"/alpha"_s);
        QVERIFY(!QUuid::fromString(made.value("uuid"_L1).toString()).isNull());
        VERIFY_RUN(berth({u"create"_s, u"beta"_s}), 0);

        const BerthRun l = berth({u"list"_s, u"--json"_s});
        VERIFY_RUN(l, 0);
        QCOMPARE(l.array().size(), 2);
        QCOMPARE(l.array().at(0).toObject(), made);
        QCOMPARE(l.array().at(1).toObject().value("name"_L1).toString(), u"beta"_s);
        QCOMPARE(l.array().at(1).toObject().value("accel"_L1).toString(), u"auto"_s);
        // status says what list says, and the rest of the definition besides.
        const QJsonObject status = describedAs(u"alpha"_s);
        for (auto it = made.constBegin(); it != made.constEnd(); ++it)
            QCOMPARE(status.value(it.key()), it.value());
        QCOMPARE(status.value("kernel"_L1).toObject().value("path"_L1).toString(), kernel);
        QCOMPARE(status.value("disks"_L1).toArray(), QJsonArray());
        QCOMPARE(status.value("machine"_L1).toString(), u"q35"_s);

        const BerthRun text = berth({u"list"_s});
        VERIFY_RUN(text, 0);
        QCOMPARE(text.out, QByteArray("alpha\tstopped\ttcg\t768 MiB\t2 CPU\n"
                                      "beta\tstopped\tauto\t1024 MiB\t1 CPU\n"));
        const BerthRun one = berth({u"status"_s, u"beta"_s});
        VERIFY_RUN(one, 0);
        QCOMPARE(one.out, QByteArray("beta\tstopped\tauto\t1024 MiB\t1 CPU\n"));
        // --library before the command word, as well as after it.
        const QString other = m_dir->filePath(u"other"_s);
        VERIFY_RUN(berth({u"--library"_s, other, u"create"_s, u"gamma"_s}), 0);
        const BerthRun there = berth({u"--library"_s, other, u"list"_s});
        VERIFY_RUN(there, 0);
        QVERIFY2(there.out.startsWith("gamma\tstopped"), there.out.constData());
        QCOMPARE(berth({u"list"_s, u"--json"_s, u"--library"_s, other}).array().size(), 1);
    }

    void actionsOnAStoppedVm()
    {
        VERIFY_RUN(berth({u"create"_s, u"idle"_s}), 0);
        for (const QString &command : {u"pause"_s, u"resume"_s, u"reset"_s, u"stats"_s}) {
            const BerthRun r = berth({command, u"idle"_s});
            VERIFY_RUN(r, 1);
            QVERIFY2(isOneErrorLine(r, u"not running"_s), r.err.constData());
        }
        const BerthRun shot = berth({u"screenshot"_s, u"idle"_s, m_dir->filePath(u"s.png"_s)});
        VERIFY_RUN(shot, 1);
        QVERIFY2(isOneErrorLine(shot, u"not running"_s), shot.err.constData());
        QVERIFY(!QFile::exists(m_dir->filePath(u"s.png"_s)));
        // Stopping what is stopped is done at once.
        const BerthRun stop = berth({u"stop"_s, u"idle"_s});
        VERIFY_RUN(stop, 0);
        QCOMPARE(stop.out, QByteArray("idle is not running\n"));
        const BerthRun stopJson = berth({u"stop"_s, u"idle"_s, u"--json"_s});
        VERIFY_RUN(stopJson, 0);
        QCOMPARE(stopJson.object().value("state"_L1).toString(), u"stopped"_s);
        // stats checks its interval before it looks at the VM's state.
        const BerthRun interval = berth({u"stats"_s, u"idle"_s, u"--interval"_s, u"5"_s});
        VERIFY_RUN(interval, 2);
        QVERIFY2(isOneErrorLine(interval, u"--interval"_s), interval.err.constData());
    }

    void deleteAStoppedVm()
    {
        const QString kept = file(u"kept.img"_s);
        const QString gone = file(u"gone.img"_s);
        VERIFY_RUN(berth({u"create"_s, u"keep"_s, u"--disk"_s, kept}), 0);
        VERIFY_RUN(berth({u"create"_s, u"drop"_s, u"--disk"_s, gone}), 0);

        const BerthRun k = berth({u"delete"_s, u"keep"_s, u"--keep-disks"_s});
        VERIFY_RUN(k, 0);
        QCOMPARE(k.out, QByteArray("Deleted keep\n"));
        QVERIFY(QFile::exists(kept));
        QVERIFY(!QFile::exists(m_library + u"/keep"_s));

        // An image brought in with --disk is only detached, never deleted (as the window's
        // Delete dialog: VmLibrary::removeWithDisks()).
        const BerthRun d = berth({u"delete"_s, u"drop"_s, u"--json"_s});
        VERIFY_RUN(d, 0);
        QCOMPARE(d.object(), (QJsonObject{{u"name"_s, u"drop"_s},
                                          {u"deleted"_s, true},
                                          {u"deleted_disks"_s, QJsonArray()},
                                          {u"kept_disks"_s, QJsonArray()}}));
        QVERIFY(QFile::exists(gone));
        QVERIFY(!QFile::exists(m_library + u"/drop"_s));
        QCOMPARE(berth({u"list"_s, u"--json"_s}).array().size(), 0);
        VERIFY_RUN(berth({u"delete"_s, u"drop"_s}), 1);
    }

    void brokenDefinition()
    {
        QVERIFY(QDir().mkpath(m_library + u"/mangled"_s));
        QFile f(m_library + u"/mangled/vm.json"_s);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{ this is not json");
        f.close();
        const QJsonObject o = describedAs(u"mangled"_s);
        QCOMPARE(o.value("name"_L1).toString(), u"mangled"_s);
        QVERIFY(o.value("broken"_L1).toString().contains("not valid JSON"_L1));
        const BerthRun text = berth({u"list"_s});
        VERIFY_RUN(text, 0);
        QVERIFY2(text.out.startsWith("mangled\tstopped\tbroken: "), text.out.constData());
        const BerthRun start = berth({u"start"_s, u"mangled"_s});
        VERIFY_RUN(start, 1);
        QVERIFY2(isOneErrorLine(start, u"cannot be used"_s), start.err.constData());
        const BerthRun snapshots = berth({u"snapshot"_s, u"list"_s, u"mangled"_s});
        VERIFY_RUN(snapshots, 1);
        QVERIFY2(isOneErrorLine(snapshots, u"cannot be used"_s), snapshots.err.constData());
        VERIFY_RUN(berth({u"log"_s, u"mangled"_s}), 0);
        VERIFY_RUN(berth({u"delete"_s, u"mangled"_s}), 0);
        QVERIFY(!QFile::exists(m_library + u"/mangled"_s));
    }

    void attachNeverTrustsAPlantedRuntimeFolder()
    {
        // Issue 13 item 8: the VM's runtime folder replaced by a link to someone else's
        // folder, holding a stale pidfile. Attaching (any command that looks at the VM)
        // must not read it, call the VM crashed, or clean the files it links to.
        const BerthRun made = berth({u"create"_s, u"planted"_s, u"--json"_s});
        VERIFY_RUN(made, 0);
        const QString uuid = made.object().value("uuid"_L1).toString();
        QVERIFY(!uuid.isEmpty());
        const QString victim = m_dir->filePath(u"victim"_s);
        QVERIFY(QDir().mkpath(victim));
        file(u"victim/qemu.pid"_s, "1\n");
        file(u"victim/vnc.sock"_s, "someone's file");
        const QString root = qEnvironmentVariable("XDG_RUNTIME_DIR") + u"/berth"_s;
        QVERIFY(QDir().mkpath(root));
        QFile::setPermissions(root, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QVERIFY(QFile::link(victim, root + u'/' + uuid));
        const BerthRun status = berth({u"status"_s, u"planted"_s, u"--json"_s});
        QVERIFY(QFile::exists(victim + u"/qemu.pid"_s));
        QVERIFY(QFile::exists(victim + u"/vnc.sock"_s));
        QVERIFY(!QFile::exists(m_library + u"/planted/last-crash.json"_s));
        QCOMPARE(status.object().value("state"_L1).toString(), u"stopped"_s);
        QFile::remove(root + u'/' + uuid);
    }

    void logPrintsTheSerialConsoleSafely()
    {
        VERIFY_RUN(berth({u"create"_s, u"chatty"_s}), 0);
        const BerthRun none = berth({u"log"_s, u"chatty"_s});
        VERIFY_RUN(none, 0);
        QVERIFY(none.out.isEmpty() && none.err.isEmpty());

        // What a guest may send a terminal: colours, a new window title, a charset switch.
        QByteArray console = "Booting\r\n\x1b[1mBERTH-GUEST-READY\x1b[0m\r\n\x1b]0;owned\x07"
                             "\x1b(0\xff\xfe";
        console += QByteArray(200'000, 'z'); // more than one read
        QFile log(VmLayout::ofFolder(m_library + u"/chatty"_s).serialLogPath());
        QVERIFY(log.open(QIODevice::WriteOnly));
        log.write(console);
        log.close();
        const BerthRun r = berth({u"log"_s, u"chatty"_s});
        VERIFY_RUN(r, 0);
        QCOMPARE(r.out,
                 "Booting\nBERTH-GUEST-READY\n\xef\xbf\xbd\xef\xbf\xbd" + QByteArray(200'000, 'z'));
        // --raw: the bytes as the guest sent them, for a pipe.
        const BerthRun raw = berth({u"log"_s, u"chatty"_s, u"--raw"_s});
        VERIFY_RUN(raw, 0);
        QCOMPARE(raw.out.size(), console.size());
        QVERIFY(raw.out == console);
    }

    void snapshotListOfAStoppedVmWithoutQcow2()
    {
        VERIFY_RUN(berth({u"create"_s, u"plain"_s}), 0);
        VERIFY_RUN(berth({u"create"_s, u"rawdisk"_s, u"--disk"_s, file(u"r.img"_s)}), 0);
        for (const QString &vm : {u"plain"_s, u"rawdisk"_s}) {
            const BerthRun json = berth({u"snapshot"_s, u"list"_s, vm, u"--json"_s});
            VERIFY_RUN(json, 0);
            QCOMPARE(json.out.trimmed(), QByteArray("[\n]"));
            const BerthRun text = berth({u"snapshot"_s, u"list"_s, vm});
            VERIFY_RUN(text, 0);
            QVERIFY(text.out.isEmpty());
        }
        // Taking one needs a qcow2 disk, and says so.
        const BerthRun take = berth({u"snapshot"_s, u"create"_s, u"plain"_s, u"first"_s});
        VERIFY_RUN(take, 1);
        QVERIFY2(isOneErrorLine(take, u"qcow2"_s), take.err.constData());
    }

    void hostAndTheOvercommitRatio()
    {
        const BerthRun h = berth({u"host"_s, u"--json"_s});
        VERIFY_RUN(h, 0);
        const QJsonObject o = h.object();
        QCOMPARE(o.value("memory_total_mib"_L1).toInteger(), ProcStat::hostMemoryMiB());
        QCOMPARE(o.value("cpus"_L1).toInt(), ProcStat::hostCpuCount());
        QCOMPARE(o.value("committed_mib"_L1).toInteger(), 0);
        QVERIFY(o.value("running"_L1).toArray().isEmpty());
        for (const QString &bad : {u"0"_s, u"lots"_s, u"11"_s}) {
            const BerthRun r = berth({u"host"_s, u"--overcommit-ratio"_s, bad});
            VERIFY_RUN(r, 2);
            QVERIFY2(isOneErrorLine(r, bad), r.err.constData());
        }
        const BerthRun set = berth({u"host"_s, u"--overcommit-ratio"_s, u"1.5"_s, u"--json"_s});
        VERIFY_RUN(set, 0);
        QCOMPARE(set.object().value("overcommit_ratio"_L1).toDouble(), 1.5);
        QCOMPARE(set.object().value("memory_limit_mib"_L1).toInteger(),
                 qint64(ProcStat::hostMemoryMiB() * 1.5));
        const BerthRun text = berth({u"host"_s});
        VERIFY_RUN(text, 0);
        QVERIFY2(text.out.contains("overcommit ratio 1.5"), text.out.constData());
        VERIFY_RUN(berth({u"host"_s, u"--overcommit-ratio"_s, u"1"_s}), 0);

        // The memory balancer is off unless asked for.
        QCOMPARE(berth({u"host"_s, u"--json"_s}).object().value("balancer"_L1).toString(),
                 u"off"_s);
        const BerthRun on = berth({u"host"_s, u"--balancer"_s, u"on"_s, u"--json"_s});
        VERIFY_RUN(on, 0);
        QCOMPARE(on.object().value("balancer"_L1).toString(), u"on"_s);
        const BerthRun bad = berth({u"host"_s, u"--balancer"_s, u"maybe"_s});
        VERIFY_RUN(bad, 2);
        QVERIFY2(isOneErrorLine(bad, u"maybe"_s), bad.err.constData());
        VERIFY_RUN(berth({u"host"_s, u"--balancer"_s, u"off"_s}), 0);
    }

    void startAndViewRefuseWhatTheHostCannotBack()
    {
        // With the ratio at 0.1, a VM given a fifth of the host's memory is more than the
        // running VMs may have together: refused, naming the numbers, before anything runs.
        VERIFY_RUN(berth({u"host"_s, u"--overcommit-ratio"_s, u"0.1"_s}), 0);
        const qint64 memory = ProcStat::hostMemoryMiB() / 5;
        VERIFY_RUN(berth({u"create"_s, u"big"_s, u"--memory"_s, QString::number(memory)}), 0);
        const BerthRun start = berth({u"start"_s, u"big"_s});
        VERIFY_RUN(start, 1);
        QVERIFY2(isOneErrorLine(start, u"more than this computer can back"_s),
                 start.err.constData());
        const QString limit = QLocale().toString(qint64(ProcStat::hostMemoryMiB() * 0.1));
        for (const QString &n : {QLocale().toString(memory), limit, u"--force"_s})
            QVERIFY2(QString::fromUtf8(start.err).contains(n), qPrintable(n));
        QCOMPARE(describedAs(u"big"_s).value("state"_L1).toString(), u"stopped"_s);
        FakeViewer viewer;
        const BerthRun view = berth({u"view"_s, u"big"_s}, viewer.viewer());
        VERIFY_RUN(view, 1);
        QVERIFY2(isOneErrorLine(view, u"more than this computer can back"_s), view.err.constData());
        QCOMPARE(viewer.calls, 0);
        QCOMPARE(describedAs(u"big"_s).value("state"_L1).toString(), u"stopped"_s);
        VERIFY_RUN(berth({u"host"_s, u"--overcommit-ratio"_s, u"1"_s}), 0);
    }

    void viewHandsTheWindowToTheApplication()
    {
        VERIFY_RUN(berth({u"create"_s, u"screen"_s}), 0);
        // Without a viewer (main() lends one only with a display) view explains itself.
        const BerthRun r = berth({u"view"_s, u"screen"_s});
        VERIFY_RUN(r, 1);
        QVERIFY2(isOneErrorLine(r, u"needs a display"_s), r.err.constData());
        // With one, an unknown VM never reaches it.
        FakeViewer viewer;
        VERIFY_RUN(berth({u"view"_s, u"nothere"_s, u"--fullscreen"_s}, viewer.viewer()), 1);
        QCOMPARE(viewer.calls, 0);
    }
};

QTEST_GUILESS_MAIN(TestCliInProcess)
#include "tst_cli_inprocess.moc"
