// SPDX-License-Identifier: GPL-2.0-or-later
// Which VMs of a library use an image: by any path that names the same file (symbolic
// links, ".."), as a disk, the CD-ROM or the UEFI variables. None of them runs here: a
// running one is tested with the real guest in tst_disk_cli.
#include "models/disks/diskimageusers.h"
#include "models/vm/uefifirmware.h"
#include "models/vm/vmlayout.h"
#include "models/vm/vmlibrary.h"
#include "tests/support/verifyoutcome.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestDiskImageUsers final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsUsersByAnyName()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString disk = dir.filePath(u"disk.qcow2"_s);
        const QString iso = dir.filePath(u"install.iso"_s);
        for (const QString &file : {disk, iso}) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        QVERIFY(QFile::link(disk, dir.filePath(u"link.qcow2"_s)));
        QVERIFY(QDir().mkpath(dir.filePath(u"sub"_s)));

        VmLibrary library(dir.filePath(u"library"_s));
        QVERIFY_OUTCOME(library.reload());
        VmDefinition a;
        a.name = u"alpha"_s;
        a.disks = {{disk, u"qcow2"_s, u"virtio"_s}};
        VmDefinition b;
        b.name = u"beta"_s;
        b.cdrom = iso;
        b.firmware = Firmware::Uefi;
        QVERIFY_OUTCOME(library.create(a));
        QVERIFY_OUTCOME(library.create(b));

        QCOMPARE(DiskImageUsers::vmsUsing(disk, library), QStringList{u"alpha"_s});
        QCOMPARE(DiskImageUsers::vmsUsing(dir.filePath(u"link.qcow2"_s), library),
                 QStringList{u"alpha"_s});
        QCOMPARE(DiskImageUsers::vmsUsing(dir.filePath(u"sub/../disk.qcow2"_s), library),
                 QStringList{u"alpha"_s});
        QCOMPARE(DiskImageUsers::vmsUsing(iso, library), QStringList{u"beta"_s});
        const QString vars = VmLayout::ofFolder(library.find(u"beta"_s)->folder).uefiVarsPath();
        QCOMPARE(DiskImageUsers::vmsUsing(vars, library), QStringList{u"beta"_s});
        QVERIFY(DiskImageUsers::vmsUsing(dir.filePath(u"other.qcow2"_s), library).isEmpty());

        // Stopped VMs do not hold their images.
        QVERIFY(!DiskImageUsers::isRunning(*library.find(u"alpha"_s)));
        QVERIFY(DiskImageUsers::runningVmUsing(disk, library).isEmpty());
        QVERIFY(DiskImageUsers::inUseMessage(disk, {}).isEmpty());
        QVERIFY(DiskImageUsers::inUseMessage(disk, u"alpha"_s).contains("\"alpha\""_L1));
    }
};

QTEST_GUILESS_MAIN(TestDiskImageUsers)
#include "tst_diskimageusers.moc"
