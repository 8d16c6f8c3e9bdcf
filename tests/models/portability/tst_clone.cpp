// SPDX-License-Identifier: GPL-2.0-or-later
// VmCloner with the real qemu-img: a full clone's disks equal the source's (qemu-img
// compare) and keep their internal snapshots, its UEFI variables are a copy and its TPM is
// fresh; a linked clone's disks are overlays on the source's, which then neither starts nor
// goes until the clone is deleted; a taken name or a cancel leaves the library as it was.
#include "models/creation/vmcreator.h"
#include "models/portability/vmcloner.h"
#include "models/snapshots/snapshotstore.h"
#include "models/vm/qemulauncher.h"
#include "models/vm/vmlayout.h"
#include "models/vm/vmlibrary.h"
#include "tests/support/testfiles.h"
#include "tests/support/verifyoutcome.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;
using namespace TestFiles;

namespace {

constexpr int kTimeoutMs = 120'000;

} // namespace

class TestClone final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<VmLibrary> m_library;

    const VmEntry &entry(const QString &name)
    {
        const VmEntry *e = m_library->find(name);
        if (!e)
            qFatal("no VM %s", qPrintable(name));
        return *e;
    }

    QStringList folders() const
    {
        return QDir(m_library->root())
            .entryList(QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
    }

    Outcome<> clone(const QString &source, const QString &name, bool linked, bool cancel = false)
    {
        VmCloner cloner(m_library.get());
        QSignalSpy done(&cloner, &VmCloner::finished);
        cloner.clone(source, name, linked);
        if (cancel)
            cloner.cancel();
        if (!done.wait(kTimeoutMs))
            return Failure(u"no finished() in time"_s);
        return done.first().first().value<Outcome<>>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_library = std::make_unique<VmLibrary>(m_dir.filePath(u"library"_s));
        QVERIFY_OUTCOME(m_library->reload());
        VmCreator creator(m_library.get());
        VmDefinition d;
        d.name = u"base"_s;
        d.memoryMiB = 256;
        d.firmware = Firmware::Uefi;
        DiskPlan disk;
        disk.kind = DiskPlan::Kind::Create;
        disk.sizeBytes = 64 << 20;
        QSignalSpy done(&creator, &VmCreator::finished);
        creator.create(d, disk);
        QVERIFY(done.wait(kTimeoutMs));
        QVERIFY_OUTCOME(done.first().first().value<Outcome<>>());
        const VmEntry &base = entry(u"base"_s);
        const QString image = base.definition.disks.first().path;
        QCOMPARE(run(u"qemu-io"_s, {u"-c"_s, u"write -P 0x61 1M 2M"_s, image}), 0);
        QCOMPARE(run(u"qemu-img"_s, {u"snapshot"_s, u"-c"_s, u"before"_s, image}), 0);
        const VmLayout layout(base.folder, base.definition);
        QVERIFY(QDir().mkpath(layout.thumbnailFolder()));
        QFile thumb(layout.thumbnailPath(u"before.png"_s));
        QVERIFY(thumb.open(QIODevice::WriteOnly) && thumb.write("png") == 3);
        thumb.close();
        SnapshotStore store(base.folder);
        store.add({u"before"_s,
                   {},
                   QDateTime::currentDateTimeUtc(),
                   false,
                   {},
                   layout.thumbnailPath(u"before.png"_s)});
        QVERIFY_OUTCOME(store.save());
        QVERIFY(QDir().mkpath(layout.tpmStateFolder()));
        QFile tpm(layout.tpmStateFolder() + u"/tpm2-00.permall"_s);
        QVERIFY(tpm.open(QIODevice::WriteOnly) && tpm.write("identity") == 8);
    }

    void fullClone()
    {
        VmCloner cloner(m_library.get());
        QSignalSpy progress(&cloner, &VmCloner::progress);
        QSignalSpy done(&cloner, &VmCloner::finished);
        cloner.clone(u"base"_s, u"full"_s, false);
        QVERIFY(done.wait(kTimeoutMs));
        QVERIFY_OUTCOME(done.first().first().value<Outcome<>>());
        QCOMPARE(progress.last().first().toDouble(), 100.0);
        const VmEntry &base = entry(u"base"_s);
        const VmEntry &full = entry(u"full"_s);
        QVERIFY(full.definition.uuid != base.definition.uuid);
        QCOMPARE(full.definition.firmware, Firmware::Uefi);
        const VmDisk &disk = full.definition.disks.first();
        QVERIFY(disk.createdByBerth);
        QVERIFY(disk.backing.isEmpty());
        QCOMPARE(QFileInfo(disk.path).absolutePath(), full.folder);
        QCOMPARE(run(u"qemu-img"_s, {u"compare"_s, base.definition.disks.first().path, disk.path}),
                 0);
        QByteArray out;
        QCOMPARE(run(u"qemu-img"_s, {u"snapshot"_s, u"-l"_s, disk.path}, &out), 0);
        QVERIFY2(out.contains("before"), out.constData());
        const VmLayout from(base.folder, base.definition);
        const VmLayout to(full.folder, full.definition);
        QCOMPARE(contents(to.uefiVarsPath()), contents(from.uefiVarsPath()));
        QVERIFY(!QFileInfo::exists(to.tpmStateFolder())); // a fresh TPM
        SnapshotStore store(full.folder);
        QVERIFY_OUTCOME(store.load());
        QCOMPARE(store.snapshots().size(), 1);
        QCOMPARE(store.snapshots().first().thumbnail, to.thumbnailPath(u"before.png"_s));
        QCOMPARE(modeOf(full.folder), 0700);
        QCOMPARE(modeOf(disk.path), 0600);
        // The copy is thin like its source.
        struct stat st = {};
        QCOMPARE(::stat(QFile::encodeName(disk.path).constData(), &st), 0);
        QVERIFY(qint64(st.st_blocks) * 512 < 16 << 20);
        // A full clone is its own: the base is not marked, and the clone can go.
        QVERIFY(entry(u"base"_s).definition.linkedClones.isEmpty());
        QVERIFY_OUTCOME(m_library->removeWithDisks(u"full"_s, {disk.path}));
    }

    void linkedClone()
    {
        QVERIFY_OUTCOME(clone(u"base"_s, u"linked"_s, true));
        const VmEntry base = entry(u"base"_s);
        const VmEntry linked = entry(u"linked"_s);
        const QString baseImage = base.definition.disks.first().path;
        const VmDisk &disk = linked.definition.disks.first();
        QCOMPARE(disk.backing, baseImage);
        QCOMPARE(disk.format, u"qcow2"_s);
        QByteArray out;
        QCOMPARE(run(u"qemu-img"_s, {u"info"_s, u"--output=json"_s, disk.path}, &out), 0);
        QCOMPARE(QJsonDocument::fromJson(out).object().value("backing-filename"_L1).toString(),
                 baseImage);
        QCOMPARE(run(u"qemu-img"_s, {u"compare"_s, baseImage, disk.path}), 0);
        // No snapshots in a linked clone; the base is marked.
        QVERIFY(!QFileInfo::exists(VmLayout::ofFolder(linked.folder).snapshotsPath()));
        QCOMPARE(base.definition.linkedClones, QList<QUuid>{linked.definition.uuid});

        // Writing to the clone leaves the base alone.
        const QByteArray before = contents(baseImage);
        QCOMPARE(run(u"qemu-io"_s, {u"-c"_s, u"write -P 0x62 1M 1M"_s, disk.path}), 0);
        QCOMPARE(contents(baseImage), before);

        // The base neither starts nor goes while the clone is there.
        const QemuLauncher::Launched started =
            QemuLauncher::launch(base.definition, VmLayout(base.folder, base.definition));
        QCOMPARE(started.pid, 0);
        QVERIFY2(started.error.contains(u"linked clone"_s), qPrintable(started.error));
        const Outcome<QStringList> removed = m_library->removeWithDisks(u"base"_s, {baseImage});
        QVERIFY(!removed);
        QVERIFY2(removed.failure().message().contains(u"linked"_s),
                 qPrintable(removed.failure().message()));
        QVERIFY(QFileInfo::exists(baseImage));

        // Once the clone is gone, the mark goes with it.
        QVERIFY_OUTCOME(m_library->removeWithDisks(u"linked"_s, {disk.path}));
        QVERIFY(entry(u"base"_s).definition.linkedClones.isEmpty());
        QVERIFY(QFileInfo::exists(baseImage));
    }

    void linkedCloneOfSeveralDisks()
    {
        // Overlays are made one after the other: each needs a name of its own from the start.
        VmDefinition d;
        d.name = u"many"_s;
        d.memoryMiB = 256;
        for (const QString &name : {u"a.qcow2"_s, u"b.qcow2"_s, u"c.qcow2"_s}) {
            const QString image = m_dir.filePath(name);
            QCOMPARE(
                run(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, image, u"1M"_s}), 0);
            d.disks.append({image, u"qcow2"_s, u"virtio"_s});
        }
        QVERIFY_OUTCOME(m_library->create(d));
        QVERIFY_OUTCOME(clone(u"many"_s, u"many-linked"_s, true));
        const VmDefinition made = entry(u"many-linked"_s).definition;
        QCOMPARE(made.disks.size(), 3);
        QStringList paths;
        for (qsizetype i = 0; i < made.disks.size(); ++i) {
            paths << made.disks[i].path;
            QVERIFY2(QFileInfo(made.disks[i].path).isFile(), qPrintable(made.disks[i].path));
            QCOMPARE(made.disks[i].backing, d.disks[i].path);
        }
        paths.removeDuplicates();
        QCOMPARE(paths.size(), 3);
        QVERIFY_OUTCOME(m_library->removeWithDisks(u"many-linked"_s, paths));
        QVERIFY_OUTCOME(m_library->removeWithDisks(u"many"_s, {}));
    }

    void linkedCloneKeepsWhatChangedMeanwhile()
    {
        // The source is marked when its clone is complete: an edit made elsewhere while the
        // overlays were made stays.
        VmCloner cloner(m_library.get());
        QSignalSpy done(&cloner, &VmCloner::finished);
        cloner.clone(u"base"_s, u"meanwhile"_s, true);
        VmLibrary elsewhere(m_library->root());
        QVERIFY_OUTCOME(elsewhere.reload());
        VmDefinition edited = elsewhere.find(u"base"_s)->definition;
        const VmDefinition before = edited;
        edited.notes = u"changed while cloning"_s;
        QVERIFY_OUTCOME(elsewhere.update(edited.uuid, before, edited));
        QVERIFY(done.wait(kTimeoutMs));
        QVERIFY_OUTCOME(done.first().first().value<Outcome<>>());
        QVERIFY_OUTCOME(elsewhere.reload());
        const VmDefinition now = elsewhere.find(u"base"_s)->definition;
        QCOMPARE(now.notes, u"changed while cloning"_s);
        QCOMPARE(now.linkedClones, QList<QUuid>{entry(u"meanwhile"_s).definition.uuid});
        QVERIFY_OUTCOME(m_library->removeWithDisks(
            u"meanwhile"_s, {entry(u"meanwhile"_s).definition.disks.first().path}));
        QVERIFY_OUTCOME(elsewhere.reload());
        QCOMPARE(elsewhere.find(u"base"_s)->definition.notes, u"changed while cloning"_s);
        QVERIFY(elsewhere.find(u"base"_s)->definition.linkedClones.isEmpty());
        VmDefinition restored = elsewhere.find(u"base"_s)->definition;
        const VmDefinition changed = restored;
        restored.notes.clear();
        QVERIFY_OUTCOME(elsewhere.update(restored.uuid, changed, restored));
        QVERIFY_OUTCOME(m_library->reload());
    }

    void refusals()
    {
        const QStringList before = folders();
        Outcome<> taken = clone(u"base"_s, u"base"_s, false);
        QVERIFY(!taken);
        QVERIFY(taken.failure().message().contains(u"already exists"_s));
        Outcome<> missing = clone(u"nobody"_s, u"x"_s, true);
        QVERIFY(!missing);
        Outcome<> badName = clone(u"base"_s, u"a/b"_s, false);
        QVERIFY(!badName);
        QCOMPARE(folders(), before);
    }

    void cancelLeavesNothing_data()
    {
        QTest::addColumn<bool>("linked");
        QTest::newRow("full") << false;
        QTest::newRow("linked") << true;
    }

    void cancelLeavesNothing()
    {
        QFETCH(bool, linked);
        const QStringList before = folders();
        const Outcome<> cancelled = clone(u"base"_s, u"never"_s, linked, true);
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.failure().message(), u"Cancelled."_s);
        QCOMPARE(folders(), before);
        QVERIFY(!m_library->find(u"never"_s));
        QVERIFY(entry(u"base"_s).definition.linkedClones.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestClone)
#include "tst_clone.moc"
