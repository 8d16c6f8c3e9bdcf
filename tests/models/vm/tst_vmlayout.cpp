// SPDX-License-Identifier: GPL-2.0-or-later
// VmLayout: every path of one VM, with the names Berth has always used on disk (an existing
// VM's files must still be found), a thumbnail that cannot leave its folder, and new disks
// named from the VM without taking an existing file's name.
#include "models/vm/runtimefolder.h"
#include "models/vm/vmdefinition.h"
#include "models/vm/vmlayout.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestVmLayout final : public QObject
{
    Q_OBJECT

private:
    const QUuid m_uuid{u"6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9"_s};

private Q_SLOTS:
    void init() { qputenv("XDG_RUNTIME_DIR", "/run/user/4242"); }
    void cleanup() { qunsetenv("XDG_RUNTIME_DIR"); }

    void folderFilesKeepTheirNames()
    {
        const VmLayout l(u"/lib/web"_s, m_uuid, u"web"_s);
        QCOMPARE(l.folder(), u"/lib/web"_s);
        QCOMPARE(l.definitionPath(), u"/lib/web/vm.json"_s);
        QCOMPARE(l.definitionBackupPath(), u"/lib/web/vm.json.bak"_s);
        QCOMPARE(VmLayout::backupPath(u"/lib/web/snapshots.json"_s),
                 u"/lib/web/snapshots.json.bak"_s);
        QCOMPARE(l.serialLogPath(), u"/lib/web/serial.log"_s);
        QCOMPARE(l.previousSerialLogPath(), u"/lib/web/serial.log.old"_s);
        QCOMPARE(l.qemuLogPath(), u"/lib/web/qemu.log"_s);
        QCOMPARE(l.previousQemuLogPath(), u"/lib/web/qemu.log.old"_s);
        QCOMPARE(l.crashReportPath(), u"/lib/web/last-crash.json"_s);
        QCOMPARE(l.uefiVarsPath(), u"/lib/web/uefi-vars.qcow2"_s);
        QCOMPARE(l.snapshotsPath(), u"/lib/web/snapshots.json"_s);
        QCOMPARE(l.thumbnailFolder(), u"/lib/web/snapshots"_s);
        QCOMPARE(l.tpmStateFolder(), u"/lib/web/tpm"_s);
        QCOMPARE(l.firstDiskPath(u"qcow2"_s), u"/lib/web/disk.qcow2"_s);
        QCOMPARE(l.firstDiskPath(u"raw"_s), u"/lib/web/disk.img"_s);
        QCOMPARE(VmLayout::diskExtension(u"raw"_s), u"img"_s);
        QCOMPARE(VmLayout::diskExtension(u"vmdk"_s), u"vmdk"_s);
    }

    void runtimeFilesAreInTheVmsRuntimeFolder()
    {
        VmDefinition d;
        d.name = u"web"_s;
        d.uuid = m_uuid;
        const VmLayout l(u"/lib/web"_s, d);
        // <uuid>-<the first 4 bytes of the SHA-256 of the VM folder's path, in hex>
        const QString rt =
            u"/run/user/4242/berth/6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9-"_s +
            QString::fromLatin1(
                QCryptographicHash::hash("/lib/web", QCryptographicHash::Sha256).left(4).toHex());
        QCOMPARE(l.runtimeFolder(), rt);
        // The uuid and the folder: a copy of the VM in another library runs apart.
        QCOMPARE(VmLayout(u"/lib/web"_s, m_uuid, u"other name"_s).runtimeFolder(), rt);
        QVERIFY(VmLayout(u"/elsewhere/web"_s, m_uuid, u"web"_s).runtimeFolder() != rt);
        // Two paths of one folder (a symbolic link to the library) agree.
        QTemporaryDir dir;
        QVERIFY(QDir().mkpath(dir.filePath(u"lib/web"_s)));
        QVERIFY(QFile::link(dir.filePath(u"lib"_s), dir.filePath(u"alias"_s)));
        QCOMPARE(VmLayout(dir.filePath(u"alias/web"_s), d).runtimeFolder(),
                 VmLayout(dir.filePath(u"lib/web"_s), d).runtimeFolder());
        QCOMPARE(l.guiMonitorPath(), rt + u"/qmp-gui.sock"_s);
        QCOMPARE(l.cliMonitorPath(), rt + u"/qmp-cli.sock"_s);
        QCOMPARE(l.vncSocketPath(), rt + u"/vnc.sock"_s);
        QCOMPARE(l.pidFilePath(), rt + u"/qemu.pid"_s);
        QCOMPARE(l.serialConsoleSocketPath(), rt + u"/serial.sock"_s);
        QCOMPARE(l.swtpmSocketPath(), rt + u"/swtpm.sock"_s);
        QCOMPARE(l.swtpmPidFilePath(), rt + u"/swtpm.pid"_s);
        QCOMPARE(l.swtpmStateLinkPath(), rt + u"/tpm"_s);
        QCOMPARE(l.swtpmLogPath(), u"/lib/web/tpm/swtpm.log"_s);
        QCOMPARE(l.virtiofsdSocketPath(0), rt + u"/virtiofsd-0.sock"_s);
        QCOMPARE(l.virtiofsdSocketPath(3), rt + u"/virtiofsd-3.sock"_s);
        QCOMPARE(l.qemuRuntimeFiles(),
                 (QStringList{rt + u"/qmp-gui.sock"_s, rt + u"/qmp-cli.sock"_s, rt + u"/vnc.sock"_s,
                              rt + u"/qemu.pid"_s, rt + u"/serial.sock"_s,
                              rt + u"/serial-qemu.sock"_s, rt + u"/swtpm.sock"_s,
                              rt + u"/swtpm.pid"_s, rt + u"/tpm"_s}));

        // Without XDG_RUNTIME_DIR: /tmp/berth-<uid>.
        qunsetenv("XDG_RUNTIME_DIR");
        QVERIFY2(VmLayout(u"/lib/web"_s, d).runtimeFolder().startsWith("/tmp/berth-"_L1),
                 qPrintable(VmLayout(u"/lib/web"_s, d).runtimeFolder()));
    }

    void partialLayoutsHaveOnlyTheirPaths()
    {
        const VmLayout folderOnly = VmLayout::ofFolder(u"/lib/a"_s);
        QCOMPARE(folderOnly.qemuLogPath(), u"/lib/a/qemu.log"_s);
        QVERIFY(folderOnly.runtimeFolder().isEmpty());
        QVERIFY(folderOnly.pidFilePath().isEmpty());
        QVERIFY(folderOnly.qemuRuntimeFiles().isEmpty());

        const VmLayout runtimeOnly = VmLayout::ofRuntimeFolder(u"/run/x"_s);
        QCOMPARE(runtimeOnly.pidFilePath(), u"/run/x/qemu.pid"_s);
        QVERIFY(runtimeOnly.definitionPath().isEmpty());
        QVERIFY(runtimeOnly.thumbnailPath(u"a.png"_s).isEmpty());

        const VmLayout both = folderOnly.withRuntimeFolder(u"/run/y"_s);
        QCOMPARE(both.vncSocketPath(), u"/run/y/vnc.sock"_s);
        QCOMPARE(both.serialLogPath(), u"/lib/a/serial.log"_s);

        QVERIFY(VmLayout().isNull());
        QVERIFY(VmLayout().definitionPath().isEmpty());
        QVERIFY(VmLayout().newDiskPath(u"qcow2"_s).isEmpty());
        QVERIFY(VmLayout(u"/lib/a"_s, QUuid(), u"a"_s).runtimeFolder().isEmpty());
    }

    void thumbnailsStayInTheirFolder()
    {
        const VmLayout l = VmLayout::ofFolder(u"/lib/web"_s);
        QCOMPARE(l.thumbnailPath(u"0b1c.png"_s), u"/lib/web/snapshots/0b1c.png"_s);
        QVERIFY(l.isThumbnailPath(u"/lib/web/snapshots/0b1c.png"_s));
        for (const QString &bad : {u""_s, u"."_s, u".."_s, u"../vm.json"_s, u"a/b.png"_s,
                                   u"/etc/passwd"_s, u"x/../../vm.json"_s}) {
            QVERIFY2(l.thumbnailPath(bad).isEmpty(), qPrintable(bad));
        }
        for (const QString &bad :
             {u"/lib/web/snapshots/../vm.json"_s, u"/lib/web/snapshots/.."_s,
              u"/lib/web/snapshots/"_s, u"/lib/web/snapshots/a/b.png"_s, u"/lib/web/vm.json"_s,
              u"/lib/web/snapshots2/a.png"_s, u"snapshots/a.png"_s, u"/etc/passwd"_s, u""_s}) {
            QVERIFY2(!l.isThumbnailPath(bad), qPrintable(bad));
        }
    }

    void newDisksAreNamedFromTheVmAndFree()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const VmLayout l(dir.path(), m_uuid, u"Debian 12"_s);
        QCOMPARE(l.newDiskPath(u"qcow2"_s), dir.filePath(u"Debian 12.qcow2"_s));
        QCOMPARE(l.newDiskPath(u"raw"_s), dir.filePath(u"Debian 12.img"_s));
        QVERIFY(QFile(dir.filePath(u"Debian 12.qcow2"_s)).open(QIODevice::WriteOnly));
        QCOMPARE(l.newDiskPath(u"qcow2"_s), dir.filePath(u"Debian 12-2.qcow2"_s));
        QVERIFY(QFile(dir.filePath(u"Debian 12-2.qcow2"_s)).open(QIODevice::WriteOnly));
        // A dangling link is a taken name too: writing there would follow it.
        QVERIFY(QFile::link(dir.filePath(u"nowhere"_s), dir.filePath(u"Debian 12-3.qcow2"_s)));
        QCOMPARE(l.newDiskPath(u"qcow2"_s), dir.filePath(u"Debian 12-4.qcow2"_s));
        // Without a name: the folder's.
        QCOMPARE(VmLayout::ofFolder(dir.path()).newDiskPath(u"vdi"_s),
                 dir.filePath(QFileInfo(dir.path()).fileName() + u".vdi"_s));
    }
};

QTEST_GUILESS_MAIN(TestVmLayout)
#include "tst_vmlayout.moc"
