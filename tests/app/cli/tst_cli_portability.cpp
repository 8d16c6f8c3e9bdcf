// SPDX-License-Identifier: GPL-2.0-or-later
// `berth export`, `berth import` and `berth clone` in this process (CommandLine::run on
// buffers) with the real qemu-img on small images: the JSON shapes, the text, progress on
// stderr, the refusals as one error line. Disks are compared with qemu-img compare.
#include "tests/support/clirun.h"
#include "tests/support/testfiles.h"
#include "tests/support/testguest.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

using TestFiles::run;

class TestCliPortability final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PrivateRuntime> m_runtime;
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    static BerthRun berth(const QStringList &args) { return runInProcess(args); }

    QString diskOf(const QString &vm)
    {
        const BerthRun status = berth({u"status"_s, vm, u"--json"_s});
        return status.object().value("folder"_L1).toString() + u"/disk.qcow2"_s;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_runtime = std::make_unique<PrivateRuntime>();
        QVERIFY(m_runtime->isValid() && m_dir.isValid());
        qputenv("BERTH_LIBRARY", QFile::encodeName(path(u"library"_s)));
        VERIFY_RUN(berth({u"create"_s, u"web"_s, u"--disk-size"_s, u"32M"_s}), 0);
        QCOMPARE(run(u"qemu-io"_s, {u"-c"_s, u"write -P 0x42 2M 2M"_s, diskOf(u"web"_s)}), 0);
    }

    void exportAndImport()
    {
        const QString bundle = path(u"web.berth"_s);
        const BerthRun exported = berth({u"export"_s, u"web"_s, bundle, u"--json"_s});
        VERIFY_RUN(exported, 0);
        const QJsonObject e = exported.object();
        QCOMPARE(e.value("file"_L1).toString(), bundle);
        QCOMPARE(e.value("size"_L1).toInteger(), QFileInfo(bundle).size());
        QCOMPARE(e.value("compressed"_L1).toBool(true), false);
        QVERIFY2(exported.err.endsWith("100%\n"), exported.err.constData());

        const BerthRun imported =
            berth({u"import"_s, bundle, u"--name"_s, u"web-copy"_s, u"--json"_s});
        VERIFY_RUN(imported, 0);
        const QJsonObject i = imported.object();
        QCOMPARE(i.value("name"_L1).toString(), u"web-copy"_s);
        QCOMPARE(i.value("uuid_changed"_L1).toBool(), true);
        QCOMPARE(i.value("disks"_L1).toInt(), 1);
        QCOMPARE(run(u"qemu-img"_s, {u"compare"_s, diskOf(u"web"_s), diskOf(u"web-copy"_s)}), 0);

        const BerthRun text = berth({u"import"_s, bundle, u"--name"_s, u"web-text"_s});
        VERIFY_RUN(text, 0);
        QVERIFY(text.out.startsWith("Imported "));
    }

    void clone()
    {
        const BerthRun full = berth({u"clone"_s, u"web"_s, u"web-full"_s, u"--json"_s});
        VERIFY_RUN(full, 0);
        QCOMPARE(full.object().value("linked"_L1).toBool(true), false);
        QVERIFY2(full.err.endsWith("100%\n"), full.err.constData());
        QCOMPARE(run(u"qemu-img"_s, {u"compare"_s, diskOf(u"web"_s), diskOf(u"web-full"_s)}), 0);

        const BerthRun linked =
            berth({u"clone"_s, u"web"_s, u"web-linked"_s, u"--linked"_s, u"--json"_s});
        VERIFY_RUN(linked, 0);
        const QJsonObject disk = linked.object().value("disks"_L1).toArray().first().toObject();
        QCOMPARE(disk.value("backing"_L1).toString(), diskOf(u"web"_s));
        // berth status --json shows the whole definition, the base of each disk included.
        const QJsonObject status = berth({u"status"_s, u"web-linked"_s, u"--json"_s}).object();
        const QJsonObject statusDisk = status.value("disks"_L1).toArray().first().toObject();
        QCOMPARE(statusDisk.value("backing"_L1).toString(), diskOf(u"web"_s));
        QCOMPARE(statusDisk.value("format"_L1).toString(), u"qcow2"_s);
        QCOMPARE(statusDisk.value("bus"_L1).toString(), u"virtio"_s);
        QVERIFY(status.value("network"_L1).toObject().value("enabled"_L1).toBool());
        QVERIFY(status.contains("cdrom"_L1) && status.contains("firmware"_L1));
        const QJsonObject base = berth({u"status"_s, u"web"_s, u"--json"_s}).object();
        QVERIFY(base.value("disks"_L1).toArray().first().toObject().value("backing"_L1).isNull());
        QCOMPARE(base.value("linked_clones"_L1).toArray().size(), 1);
        const BerthRun deleteBase = berth({u"delete"_s, u"web"_s});
        VERIFY_RUN(deleteBase, 1);
        QVERIFY2(isOneErrorLine(deleteBase, u"web-linked"_s), deleteBase.err.constData());
        VERIFY_RUN(berth({u"delete"_s, u"web-linked"_s}), 0);

        const BerthRun taken = berth({u"clone"_s, u"web"_s, u"web-full"_s});
        VERIFY_RUN(taken, 1);
        QVERIFY2(isOneErrorLine(taken, u"already exists"_s), taken.err.constData());
        const BerthRun text = berth({u"clone"_s, u"web"_s, u"web-2"_s, u"--linked"_s});
        VERIFY_RUN(text, 0);
        QVERIFY(text.out.startsWith("Made web-2"));
        VERIFY_RUN(berth({u"delete"_s, u"web-2"_s}), 0);
    }

    void refusals()
    {
        const QString bundle = path(u"web.berth"_s);
        const BerthRun again = berth({u"export"_s, u"web"_s, bundle});
        VERIFY_RUN(again, 1);
        QVERIFY2(isOneErrorLine(again, u"exists already"_s), again.err.constData());
        const BerthRun taken = berth({u"import"_s, bundle});
        VERIFY_RUN(taken, 1);
        QVERIFY2(taken.err.contains("already exists"), taken.err.constData());
        const BerthRun missing = berth({u"export"_s, u"nope"_s, path(u"nope.berth"_s)});
        VERIFY_RUN(missing, 1);
        QVERIFY(!QFileInfo::exists(path(u"nope.berth"_s)));
        const BerthRun usage = berth({u"import"_s});
        VERIFY_RUN(usage, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliPortability)
#include "tst_cli_portability.moc"
