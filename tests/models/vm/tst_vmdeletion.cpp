// SPDX-License-Identifier: GPL-2.0-or-later
// VmLibrary::removeWithDisks(): the rules that keep the user's files. Only the files Berth
// makes for a VM and the disks the caller names (made by Berth, used by no other VM) go;
// everything else in the VM's folder is moved to the library's images folder; nothing is
// touched while a process has the VM's files open.
#include "models/vm/vmlibrary.h"
#include "tests/support/testfiles.h"
#include "tests/support/verifyoutcome.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestVmDeletion final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_root;

    static VmDefinition vm(const QString &name)
    {
        VmDefinition d;
        d.name = name;
        d.memoryMiB = 256;
        return d;
    }

    /// The files under the library's images folder and their contents.
    QMap<QString, QByteArray> imagesFolder() const
    {
        QMap<QString, QByteArray> files;
        const QString images = m_root + u"/images"_s;
        QDirIterator it(images, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            files.insert(QDir(images).relativeFilePath(path), TestFiles::contents(path));
        }
        return files;
    }

private Q_SLOTS:
    void init()
    {
        m_root = m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()));
        QVERIFY(QDir().mkpath(m_root));
    }

    void onlyWhatBerthMadeIsDeleted()
    {
        VmLibrary lib(m_root);
        QVERIFY_OUTCOME(lib.reload());
        VmDefinition a = vm(u"a"_s);
        QVERIFY_OUTCOME(lib.create(a));
        const QString folder = m_root + u"/a"_s;
        const QString made = folder + u"/disk.qcow2"_s;         // Berth's, recorded
        const QString brought = folder + u"/ubuntu.qcow2"_s;    // copied in by the user
        const QString nested = folder + u"/isos/install.iso"_s; // the user's own subfolder
        const QString outside = m_dir.filePath(u"outside.img"_s);
        for (const QString &f : {made, brought, nested, outside})
            QVERIFY(TestFiles::write(f, "image " + f.toUtf8()));
        QVERIFY(TestFiles::write(folder + u"/notes.txt"_s, "my notes"));
        QVERIFY(TestFiles::write(folder + u"/serial.log"_s, "console"));
        a.disks = {{made, u"qcow2"_s, u"virtio"_s, true},
                   {brought, u"qcow2"_s, u"virtio"_s},
                   {outside, u"raw"_s, u"virtio"_s}};
        a.cdrom = nested;
        QVERIFY_OUTCOME(lib.save(a));

        // A file the user brought into the VM's folder is not Berth's, whatever its place.
        const VmEntry *entry = lib.find(u"a"_s);
        QVERIFY(entry);
        QVERIFY(entry->isCreatedByBerth(a.disks.at(0)));
        QVERIFY(!entry->isCreatedByBerth(a.disks.at(1)));
        QVERIFY(!entry->isCreatedByBerth(a.disks.at(2)));
        for (const QString &refused : {brought, outside}) {
            const Outcome<QStringList> no = lib.removeWithDisks(u"a"_s, {refused});
            QVERIFY(!no);
            QVERIFY2(no.failure().message().contains("not created by Berth"_L1),
                     qPrintable(no.failure().message()));
            QVERIFY(QFile::exists(folder + u"/vm.json"_s));
        }

        const Outcome<QStringList> done = lib.removeWithDisks(u"a"_s, {made});
        QVERIFY_OUTCOME(done);
        QVERIFY(!QFile::exists(made));
        QVERIFY(!QFileInfo::exists(folder));
        QCOMPARE(TestFiles::contents(outside), "image " + outside.toUtf8());
        const QMap<QString, QByteArray> kept = imagesFolder();
        QCOMPARE(kept.value(u"a-ubuntu.qcow2"_s), "image " + brought.toUtf8());
        QCOMPARE(kept.value(u"a-notes.txt"_s), QByteArray("my notes"));
        QCOMPARE(kept.value(u"a-isos/install.iso"_s), "image " + nested.toUtf8());
        QCOMPARE(kept.size(), 3); // not the serial log
        QCOMPARE(done.value().size(), 3);
        QVERIFY_OUTCOME(lib.reload());
        QCOMPARE(lib.entries().size(), 0);
    }

    void olderDefinitionsTellBerthsDisksByTheirNames()
    {
        // Before VmDisk::createdByBerth was recorded, Berth named its disks disk.<ext> or
        // <vm>[-N].<ext> in the VM's folder: those, and only those, are taken as its own.
        VmLibrary lib(m_root);
        QVERIFY_OUTCOME(lib.reload());
        VmDefinition web = vm(u"web"_s);
        QVERIFY_OUTCOME(lib.create(web));
        const QString folder = m_root + u"/web"_s;
        const VmEntry *e = lib.find(u"web"_s);
        QVERIFY(e);
        for (const QString &ours : {u"disk.qcow2"_s, u"disk.img"_s, u"web.qcow2"_s, u"web-3.img"_s})
            QVERIFY2(e->isCreatedByBerth({folder + u'/' + ours, u"qcow2"_s, u"virtio"_s}),
                     qPrintable(ours));
        for (const QString &theirs :
             {u"win10.qcow2"_s, u"web-old.qcow2"_s, u"disk"_s, u"sub/disk.qcow2"_s})
            QVERIFY2(!e->isCreatedByBerth({folder + u'/' + theirs, u"qcow2"_s, u"virtio"_s}),
                     qPrintable(theirs));
    }

    void aBrokenVmKeepsEveryFileBerthDidNotMake()
    {
        const QString folder = m_root + u"/mangled"_s;
        QVERIFY(TestFiles::write(folder + u"/vm.json"_s, "{ not json"));
        QVERIFY(TestFiles::write(folder + u"/vm.json.bak"_s, "{}"));
        QVERIFY(TestFiles::write(folder + u"/disk.qcow2"_s, "disk"));
        QVERIFY(TestFiles::write(folder + u"/backup-of-my-windows"_s, "no extension")); // any name
        QVERIFY(TestFiles::write(folder + u"/serial.log"_s, "console"));
        QVERIFY(TestFiles::write(folder + u"/uefi-vars.qcow2"_s, "vars"));
        VmLibrary lib(m_root);
        QVERIFY_OUTCOME(lib.reload());
        QVERIFY(lib.find(u"mangled"_s)->isBroken());
        // Its disks are unknown: none can be named for deletion.
        QVERIFY(!lib.removeWithDisks(u"mangled"_s, {folder + u"/disk.qcow2"_s}));
        QVERIFY_OUTCOME(lib.removeWithDisks(u"mangled"_s, {}));
        QVERIFY(!QFileInfo::exists(folder));
        const QMap<QString, QByteArray> kept = imagesFolder();
        QCOMPARE(kept,
                 (QMap<QString, QByteArray>{{u"mangled-disk.qcow2"_s, "disk"},
                                            {u"mangled-backup-of-my-windows"_s, "no extension"}}));
    }

    void aDiskOfAnotherVmStaysWhateverPathNamesIt()
    {
        // The library reached through a symbolic link: the other VM names the same file by
        // another path.
        const QString real = m_root + u"/real"_s;
        const QString link = m_root + u"/link"_s;
        QVERIFY(QDir().mkpath(real));
        QVERIFY(QFile::link(real, link));
        VmLibrary lib(real);
        QVERIFY_OUTCOME(lib.reload());
        VmDefinition a = vm(u"a"_s);
        VmDefinition b = vm(u"b"_s);
        QVERIFY_OUTCOME(lib.create(a));
        QVERIFY_OUTCOME(lib.create(b));
        const QString disk = real + u"/a/disk.qcow2"_s;
        QVERIFY(TestFiles::write(disk, "shared"));
        a.disks = {{disk, u"qcow2"_s, u"virtio"_s, true}};
        b.disks = {{link + u"/a/../a/disk.qcow2"_s, u"qcow2"_s, u"virtio"_s}};
        QVERIFY_OUTCOME(lib.save(a));
        QVERIFY_OUTCOME(lib.save(b));
        QCOMPARE(lib.otherVmUsing(disk, real + u"/a"_s), u"b"_s);
        const Outcome<QStringList> no = lib.removeWithDisks(u"a"_s, {disk});
        QVERIFY(!no);
        QVERIFY2(no.failure().message().contains("\"b\""_L1), qPrintable(no.failure().message()));
        QCOMPARE(TestFiles::contents(disk), QByteArray("shared"));
        QVERIFY(QFile::exists(real + u"/a/vm.json"_s));

        // A broken VM names no disks: a file in its folder may be one of them.
        QVERIFY(TestFiles::write(real + u"/c/vm.json"_s, "truncated {"));
        const QString cDisk = real + u"/c/disk.qcow2"_s;
        QVERIFY(TestFiles::write(cDisk, "c's"));
        QVERIFY_OUTCOME(lib.reload());
        QCOMPARE(lib.otherVmUsing(cDisk, real + u"/a"_s), u"c"_s);
    }

    void nothingIsTouchedWhileAProcessHasTheFilesOpen()
    {
        // A broken definition hides the VM's uuid, so its QEMU cannot be found by its runtime
        // folder: it is found by the files it holds open (here a reader of its serial log).
        const QString folder = m_root + u"/busy"_s;
        QVERIFY(TestFiles::write(folder + u"/vm.json"_s, ""));
        QVERIFY(TestFiles::write(folder + u"/serial.log"_s, "console"));
        QVERIFY(TestFiles::write(folder + u"/disk.qcow2"_s, "disk"));
        QProcess holder;
        holder.start(u"tail"_s, {u"-f"_s, folder + u"/serial.log"_s});
        QVERIFY(holder.waitForStarted());
        // Once tail has the file open (it prints it).
        QVERIFY(
            QTest::qWaitFor([&] { return holder.readAllStandardOutput().contains("console"); }));
        VmLibrary lib(m_root);
        QVERIFY_OUTCOME(lib.reload());
        const Outcome<QStringList> no = lib.removeWithDisks(u"busy"_s, {});
        QVERIFY(!no);
        QVERIFY2(no.failure().message().contains(QString::number(holder.processId())),
                 qPrintable(no.failure().message()));
        QCOMPARE(TestFiles::contents(folder + u"/disk.qcow2"_s), QByteArray("disk"));
        QVERIFY(QFile::exists(folder + u"/vm.json"_s));
        QVERIFY(!QFileInfo::exists(m_root + u"/images"_s));
        holder.kill();
        QVERIFY(holder.waitForFinished());
        QVERIFY_OUTCOME(lib.removeWithDisks(u"busy"_s, {}));
        QCOMPARE(imagesFolder().value(u"busy-disk.qcow2"_s), QByteArray("disk"));
    }
};

QTEST_GUILESS_MAIN(TestVmDeletion)
#include "tst_vmdeletion.moc"
