// SPDX-License-Identifier: GPL-2.0-or-later
// `berth disk` and `berth snapshot` on stopped VMs, in this process (CommandLine::run on
// buffers) with the real qemu-img on small images: the JSON shapes, the text, the refusals,
// and convert's progress on stderr. What qemu-img made is checked with qemu-img itself.
#include "tests/models/disks/diskchecks.h"
#include "tests/support/clirun.h"
#include "tests/support/testguest.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace DiskChecks;

namespace {

constexpr qint64 kMiB = 1024 * 1024;

/// What qemu-img itself says of @p image.
qint64 virtualSize(const QString &image)
{
    return qemuImgInfo(image).value("virtual-size"_L1).toInteger(-1);
}

} // namespace

class TestCliInProcessDisk final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PrivateRuntime> m_runtime;
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    static BerthRun berth(const QStringList &args) { return runInProcess(args); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_runtime = std::make_unique<PrivateRuntime>();
        QVERIFY(m_runtime->isValid() && m_dir.isValid());
        qputenv("BERTH_LIBRARY", QFile::encodeName(path(u"library"_s)));
    }

    void createAndInfo()
    {
        const QString image = path(u"a.qcow2"_s);
        const BerthRun made = berth({u"disk"_s, u"create"_s, image, u"--size"_s, u"1M"_s});
        VERIFY_RUN(made, 0);
        QCOMPARE(made.out, "Created " + image.toLocal8Bit() + '\n');
        QVERIFY(made.err.isEmpty());
        QCOMPARE(virtualSize(image), kMiB);

        const BerthRun again = berth({u"disk"_s, u"create"_s, image, u"--size"_s, u"2M"_s});
        VERIFY_RUN(again, 1);
        QVERIFY2(isOneErrorLine(again, u"--overwrite"_s), again.err.constData());
        QCOMPARE(virtualSize(image), kMiB);

        const BerthRun info = berth({u"disk"_s, u"info"_s, image, u"--json"_s});
        VERIFY_RUN(info, 0);
        const QJsonObject o = info.object();
        const QStringList keys{
            u"actual_size"_s, u"backing"_s,   u"backing_format"_s, u"cluster_size"_s, u"corrupt"_s,
            u"dirty"_s,       u"encrypted"_s, u"format"_s,         u"full_backing"_s, u"in_use"_s,
            u"path"_s,        u"snapshots"_s, u"virtual_size"_s};
        QCOMPARE(o.keys(), keys);
        QCOMPARE(o.value("path"_L1).toString(), image);
        QCOMPARE(o.value("format"_L1).toString(), u"qcow2"_s);
        QCOMPARE(o.value("virtual_size"_L1).toInteger(), kMiB);
        QCOMPARE(o.value("actual_size"_L1).toInteger(),
                 qemuImgInfo(image).value("actual-size"_L1).toInteger());
        QCOMPARE(o.value("cluster_size"_L1).toInteger(), 65536);
        QVERIFY(o.value("backing"_L1).isNull());
        QCOMPARE(o.value("snapshots"_L1).toInt(), 0);
        QCOMPARE(o.value("dirty"_L1).toBool(), false);

        const BerthRun text = berth({u"disk"_s, u"info"_s, image});
        VERIFY_RUN(text, 0);
        QVERIFY2(text.out.startsWith(QByteArray("image:        " + image.toLocal8Bit() +
                                                "\nformat:       qcow2\nvirtual size: ")),
                 text.out.constData());
        QVERIFY(text.out.contains("(1048576 bytes)\n"));

        const BerthRun missing = berth({u"disk"_s, u"info"_s, path(u"none.qcow2"_s)});
        VERIFY_RUN(missing, 1);
        QVERIFY2(isOneErrorLine(missing, path(u"none.qcow2"_s)), missing.err.constData());

        // Raw, and a replacement asked for.
        const BerthRun raw = berth({u"disk"_s, u"create"_s, image, u"--size"_s, u"2M"_s,
                                    u"--format"_s, u"raw"_s, u"--overwrite"_s, u"--json"_s});
        VERIFY_RUN(raw, 0);
        QCOMPARE(raw.object().value("format"_L1).toString(), u"raw"_s);
        QCOMPARE(raw.object().value("virtual_size"_L1).toInteger(), 2 * kMiB);
        QCOMPARE(qemuImgInfo(image).value("format"_L1).toString(), u"raw"_s);
    }

    void check()
    {
        const QString image = path(u"c.qcow2"_s);
        VERIFY_RUN(berth({u"disk"_s, u"create"_s, image, u"--size"_s, u"1M"_s}), 0);
        const BerthRun text = berth({u"disk"_s, u"check"_s, image});
        VERIFY_RUN(text, 0);
        QCOMPARE(text.out.count('\n'), 1);
        QVERIFY(text.err.isEmpty());
        const BerthRun json = berth({u"disk"_s, u"check"_s, image, u"--json"_s});
        VERIFY_RUN(json, 0);
        QCOMPARE(json.object().value("clean"_L1).toBool(), true);
        QCOMPARE(json.object().value("format"_L1).toString(), u"qcow2"_s);
        QCOMPARE(json.object().value("leaks"_L1).toInteger(), 0);
        QCOMPARE(json.object().value("summary"_L1).toString().toLocal8Bit() + '\n', text.out);

        const BerthRun missing = berth({u"disk"_s, u"check"_s, path(u"none.qcow2"_s)});
        VERIFY_RUN(missing, 1);
        QVERIFY2(isOneErrorLine(missing, u"none.qcow2"_s), missing.err.constData());
    }

    void resize()
    {
        const QString qcow2 = path(u"r.qcow2"_s);
        const QString raw = path(u"r.raw"_s);
        VERIFY_RUN(berth({u"disk"_s, u"create"_s, qcow2, u"--size"_s, u"1M"_s}), 0);
        VERIFY_RUN(
            berth({u"disk"_s, u"create"_s, raw, u"--size"_s, u"2M"_s, u"--format"_s, u"raw"_s}), 0);

        const BerthRun grow = berth({u"disk"_s, u"resize"_s, qcow2, u"2M"_s});
        VERIFY_RUN(grow, 0);
        QVERIFY2(grow.out.startsWith(QByteArray("Resized " + qcow2.toLocal8Bit() + " to ")),
                 grow.out.constData());
        QVERIFY(grow.out.endsWith("(2097152 bytes)\n"));
        const BerthRun json = berth({u"disk"_s, u"resize"_s, qcow2, u"3M"_s, u"--json"_s});
        VERIFY_RUN(json, 0);
        QCOMPARE(json.object().value("virtual_size"_L1).toInteger(), 3 * kMiB);
        QCOMPARE(virtualSize(qcow2), 3 * kMiB);

        const BerthRun shrinkQcow2 = berth({u"disk"_s, u"resize"_s, qcow2, u"1M"_s, u"--shrink"_s});
        VERIFY_RUN(shrinkQcow2, 1);
        QVERIFY2(isOneErrorLine(shrinkQcow2, u"qcow2"_s), shrinkQcow2.err.constData());
        QCOMPARE(virtualSize(qcow2), 3 * kMiB);

        const BerthRun unconfirmed = berth({u"disk"_s, u"resize"_s, raw, u"1M"_s});
        VERIFY_RUN(unconfirmed, 1);
        QVERIFY2(isOneErrorLine(unconfirmed, u"Add --shrink to confirm."_s),
                 unconfirmed.err.constData());
        QCOMPARE(virtualSize(raw), 2 * kMiB);
        VERIFY_RUN(berth({u"disk"_s, u"resize"_s, raw, u"1M"_s, u"--shrink"_s}), 0);
        QCOMPARE(virtualSize(raw), kMiB);
    }

    void convertShowsProgressOnStderr()
    {
        const QString source = path(u"src.qcow2"_s);
        const QString destination = path(u"dst.raw"_s);
        VERIFY_RUN(berth({u"disk"_s, u"create"_s, source, u"--size"_s, u"4M"_s}), 0);
        QVERIFY(writePattern(source, u"qcow2"_s, 0, 2 * kMiB, "0x55"));
        const BerthRun r =
            berth({u"disk"_s, u"convert"_s, source, destination, u"--format"_s, u"raw"_s});
        VERIFY_RUN(r, 0);
        QVERIFY2(r.out.startsWith(QByteArray("Converted " + source.toLocal8Bit())),
                 r.out.constData());
        // Percentage lines, rising, ending at 100.
        const QList<QByteArray> lines = r.err.trimmed().split('\n');
        int last = -1;
        for (const QByteArray &line : lines) {
            QVERIFY2(line.endsWith('%'), r.err.constData());
            const int percent = line.chopped(1).toInt();
            QVERIFY2(percent > last, r.err.constData());
            last = percent;
        }
        QCOMPARE(last, 100);
        QCOMPARE(qemuImgCompare(source, destination), 0);
    }

    void snapshotsOfAStoppedVm()
    {
        const BerthRun c = berth({u"create"_s, u"vm"_s, u"--disk-size"_s, u"16M"_s, u"--json"_s});
        VERIFY_RUN(c, 0);
        const QString disk = c.object().value("folder"_L1).toString() + u"/disk.qcow2"_s;
        QCOMPARE(virtualSize(disk), 16 * kMiB);

        const BerthRun none = berth({u"snapshot"_s, u"list"_s, u"vm"_s, u"--json"_s});
        VERIFY_RUN(none, 0);
        QCOMPARE(none.array().size(), 0);

        const BerthRun take = berth(
            {u"snapshot"_s, u"create"_s, u"vm"_s, u"first"_s, u"--description"_s, u"fresh"_s});
        VERIFY_RUN(take, 0);
        QCOMPARE(take.out, QByteArray("Took snapshot first of vm (disks only: it is stopped)\n"));
        QCOMPARE(qemuImgInfo(disk).value("snapshots"_L1).toArray().size(), 1);

        const BerthRun list = berth({u"snapshot"_s, u"list"_s, u"vm"_s, u"--json"_s});
        VERIFY_RUN(list, 0);
        QCOMPARE(list.array().size(), 1);
        const QJsonObject s = list.array().at(0).toObject();
        const QStringList keys{u"created"_s, u"current"_s, u"description"_s, u"every_disk"_s,
                               u"name"_s,    u"parent"_s,  u"thumbnail"_s,   u"vm_state"_s};
        QCOMPARE(s.keys(), keys);
        QCOMPARE(s.value("name"_L1).toString(), u"first"_s);
        QCOMPARE(s.value("description"_L1).toString(), u"fresh"_s);
        QCOMPARE(s.value("vm_state"_L1).toBool(), false);
        QCOMPARE(s.value("current"_L1).toBool(), true);
        QVERIFY(s.value("parent"_L1).isNull());
        QVERIFY(s.value("thumbnail"_L1).isNull());
        QVERIFY(QDateTime::fromString(s.value("created"_L1).toString(), Qt::ISODate).isValid());

        const BerthRun tree = berth({u"snapshot"_s, u"list"_s, u"vm"_s});
        VERIFY_RUN(tree, 0);
        QVERIFY2(tree.out.startsWith("first *\t") && tree.out.endsWith("\tdisks only\tfresh\n"),
                 tree.out.constData());

        const BerthRun twice = berth({u"snapshot"_s, u"create"_s, u"vm"_s, u"first"_s});
        VERIFY_RUN(twice, 1);
        QVERIFY2(isOneErrorLine(twice, u"first"_s), twice.err.constData());

        // Issue 13 item 6: a disk added after the snapshot does not make Berth forget it,
        // neither on a refresh nor when the next snapshot is taken.
        const QString folder = c.object().value("folder"_L1).toString();
        const QString added = folder + u"/added.qcow2"_s;
        VERIFY_RUN(berth({u"disk"_s, u"create"_s, added, u"--size"_s, u"8M"_s}), 0);
        QByteArray original;
        {
            QFile f(folder + u"/vm.json"_s);
            QVERIFY(f.open(QIODevice::ReadOnly));
            original = f.readAll();
            QJsonObject vm = QJsonDocument::fromJson(original).object();
            f.close();
            QJsonArray disks = vm.value("disks"_L1).toArray();
            disks.append(QJsonObject{
                {u"path"_s, added}, {u"format"_s, u"qcow2"_s}, {u"bus"_s, u"virtio"_s}});
            vm.insert(u"disks"_s, disks);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(QJsonDocument(vm).toJson());
        }
        const BerthRun partial = berth({u"snapshot"_s, u"list"_s, u"vm"_s, u"--json"_s});
        VERIFY_RUN(partial, 0);
        QCOMPARE(partial.array().size(), 1);
        QCOMPARE(partial.array().at(0).toObject().value("every_disk"_L1).toBool(true), false);
        // Reverting to it reverts the disk that holds it and says the added one was left.
        const BerthRun reverted =
            berth({u"snapshot"_s, u"revert"_s, u"vm"_s, u"first"_s, u"--json"_s});
        VERIFY_RUN(reverted, 0);
        QCOMPARE(reverted.object().value("untouched_disks"_L1).toArray(), QJsonArray{added});
        const BerthRun revertedText = berth({u"snapshot"_s, u"revert"_s, u"vm"_s, u"first"_s});
        VERIFY_RUN(revertedText, 0);
        QVERIFY2(revertedText.out.contains(QByteArray(added.toUtf8() + " does not hold first")),
                 revertedText.out.constData());
        VERIFY_RUN(berth({u"snapshot"_s, u"create"_s, u"vm"_s, u"second"_s}), 0);
        const BerthRun both = berth({u"snapshot"_s, u"list"_s, u"vm"_s, u"--json"_s});
        VERIFY_RUN(both, 0);
        QCOMPARE(both.array().size(), 2);
        QCOMPARE(both.array().at(0).toObject().value("name"_L1).toString(), u"first"_s);
        QCOMPARE(both.array().at(0).toObject().value("description"_L1).toString(), u"fresh"_s);
        QCOMPARE(both.array().at(1).toObject().value("every_disk"_L1).toBool(), true);
        VERIFY_RUN(berth({u"snapshot"_s, u"delete"_s, u"vm"_s, u"second"_s}), 0);
        {
            QFile f(folder + u"/vm.json"_s); // the added disk goes again
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(original);
        }
        QFile::remove(added);

        const BerthRun gone = berth({u"snapshot"_s, u"delete"_s, u"vm"_s, u"first"_s, u"--json"_s});
        VERIFY_RUN(gone, 0);
        QCOMPARE(gone.object().value("deleted"_L1).toBool(), true);
        QCOMPARE(qemuImgInfo(disk).value("snapshots"_L1).toArray().size(), 0);

        VERIFY_RUN(berth({u"delete"_s, u"vm"_s}), 0);
        QVERIFY(!QFile::exists(disk));
    }
};

QTEST_GUILESS_MAIN(TestCliInProcessDisk)
#include "tst_cli_inprocess_disk.moc"
