// SPDX-License-Identifier: GPL-2.0-or-later
// QemuCommandLine: the argument list built from a definition, and the checks before launch.
#include "models/common/hostcapabilities.h"
#include "models/vm/qemucommandline.h"

#include "tests/support/envguard.h"
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

/// Every value that follows @p option in @p args.
QStringList values(const QStringList &args, const QString &option)
{
    QStringList out;
    for (qsizetype i = 0; i + 1 < args.size(); ++i) {
        if (args[i] == option)
            out.append(args[i + 1]);
    }
    return out;
}

QString value(const QStringList &args, const QString &option)
{
    const QStringList all = values(args, option);
    return all.size() == 1 ? all.first() : u"<%1 times>"_s.arg(all.size());
}

} // namespace

class TestQemuCommandLine final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_vmFolder;
    const QString m_runtime = u"/run/user/1000/berth/0b3c2a6e-6a8e-4f4e-9a55-1f1d6d0c5f10"_s;

    QString touch(const QString &name)
    {
        QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot create %s", qPrintable(path));
        return path;
    }

    VmDefinition base() const
    {
        VmDefinition d;
        d.name = u"web"_s;
        d.uuid = QUuid::fromString(u"0b3c2a6e-6a8e-4f4e-9a55-1f1d6d0c5f10"_s);
        d.cpus = 2;
        d.memoryMiB = 512;
        d.machine = u"q35"_s;
        d.accelerator = Accelerator::Tcg;
        return d;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_vmFolder = m_dir.path();
    }

    void basicArgumentsUnderTcg()
    {
        VmDefinition d = base();
        d.name = u"web, staging"_s; // a comma inside an option value is doubled
        d.portForwards = {{u"tcp"_s, 2222, 22}, {u"udp"_s, 5353, 53}};
        const QemuCommandLine cl(d, m_vmFolder, m_runtime, Accelerator::Tcg);
        const QStringList args = cl.arguments();

        QCOMPARE(value(args, u"-name"_s), u"guest=web,, staging"_s);
        QCOMPARE(value(args, u"-uuid"_s), u"0b3c2a6e-6a8e-4f4e-9a55-1f1d6d0c5f10"_s);
        QCOMPARE(value(args, u"-machine"_s), u"q35,accel=tcg"_s);
        QVERIFY(!args.contains(u"-cpu"_s)); // TCG keeps QEMU's default CPU model
        QCOMPARE(value(args, u"-smp"_s), u"2"_s);
        QCOMPARE(value(args, u"-m"_s), u"512M"_s);
        QVERIFY(args.contains(u"-nodefaults"_s));
        QVERIFY(args.contains(u"-no-user-config"_s));
        QVERIFY(!args.contains(u"-no-shutdown"_s)); // QEMU exits when the guest powers off
        QVERIFY(!args.contains(u"-daemonize"_s));
        QVERIFY(!args.contains(u"-kernel"_s));
        QVERIFY(!args.contains(u"-blockdev"_s));

        QCOMPARE(value(args, u"-netdev"_s),
                 u"user,id=net0,hostfwd=tcp:127.0.0.1:2222-:22,hostfwd=udp:127.0.0.1:5353-:53"_s);
        const QStringList devices = values(args, u"-device"_s);
        // Each card with its MAC address, kept in the definition or derived from the uuid.
        QVERIFY(devices.contains(u"virtio-net-pci,netdev=net0,id=nic0,mac="_s + d.macOf(0)));
        // The card the settings chose (VmLimits::nicModels()), by QEMU's device name.
        d.nicModel = u"e1000e"_s;
        QVERIFY(values(QemuCommandLine(d, m_vmFolder, m_runtime, Accelerator::Tcg).arguments(),
                       u"-device"_s)
                    .contains(u"e1000e,netdev=net0,id=nic0,mac="_s + d.macOf(0)));
        QVERIFY(devices.contains(u"qemu-xhci,id=usb"_s));
        QVERIFY(devices.contains(u"usb-tablet,bus=usb.0,id=tablet0"_s));
        QVERIFY(devices.contains(u"virtio-balloon-pci,id=balloon0"_s));
        QVERIFY(devices.contains(u"VGA,id=video0"_s));

        QCOMPARE(value(args, u"-display"_s), u"none"_s);
        QCOMPARE(value(args, u"-vnc"_s), u"unix:"_s + m_runtime + u"/vnc.sock"_s);
        QCOMPARE(values(args, u"-chardev"_s),
                 QStringList({
                     u"socket,id=mon-gui,path=%1/qmp-gui.sock,server=on,wait=off"_s.arg(m_runtime),
                     u"socket,id=mon-cli,path=%1/qmp-cli.sock,server=on,wait=off"_s.arg(m_runtime),
                     u"socket,id=serial0,path=%1/serial-qemu.sock"_s.arg(m_runtime),
                 }));
        QCOMPARE(values(args, u"-mon"_s), QStringList({u"chardev=mon-gui,mode=control"_s,
                                                       u"chardev=mon-cli,mode=control"_s}));
        QCOMPARE(value(args, u"-serial"_s), u"chardev:serial0"_s);
        QCOMPARE(value(args, u"-pidfile"_s), m_runtime + u"/qemu.pid"_s);
        // No TCP listener anywhere: no -qmp tcp:, no VNC display number, no -monitor.
        QVERIFY(!args.contains(u"-qmp"_s));
        QVERIFY(!args.contains(u"-monitor"_s));
    }

    void kvmUsesHostCpu()
    {
        const QemuCommandLine cl(base(), m_vmFolder, m_runtime, Accelerator::Kvm);
        const QStringList args = cl.arguments();
        QCOMPARE(value(args, u"-machine"_s), u"q35,accel=kvm"_s);
        QCOMPARE(value(args, u"-cpu"_s), u"host"_s);
    }

    void noNetwork()
    {
        VmDefinition d = base();
        d.nics.clear();
        const QStringList args =
            QemuCommandLine(d, m_vmFolder, m_runtime, Accelerator::Tcg).arguments();
        QVERIFY(!args.contains(u"-netdev"_s));
        for (const QString &device : values(args, u"-device"_s))
            QVERIFY2(!device.startsWith("virtio-net"_L1), qPrintable(device));
    }

    void directKernelBoot()
    {
        VmDefinition d = base();
        d.kernel = touch(u"vmlinuz"_s);
        d.initrd = touch(u"initrd.img"_s);
        d.kernelArgs = u"console=ttyS0 quiet root=/dev/vda1"_s;
        const QemuCommandLine cl(d, m_vmFolder, m_runtime, Accelerator::Tcg);
        QCOMPARE(cl.check(), QString());
        const QStringList args = cl.arguments();
        QCOMPARE(value(args, u"-kernel"_s), d.kernel);
        QCOMPARE(value(args, u"-initrd"_s), d.initrd);
        QCOMPARE(value(args, u"-append"_s), d.kernelArgs); // one argument, never split
    }

    void disksOnQ35()
    {
        VmDefinition d = base();
        d.disks = {{touch(u"a,b.qcow2"_s), u"qcow2"_s, u"virtio"_s},
                   {touch(u"sata.raw"_s), u"raw"_s, u"sata"_s},
                   {touch(u"ide.qcow2"_s), u"qcow2"_s, u"ide"_s},
                   {touch(u"scsi.qcow2"_s), u"qcow2"_s, u"scsi"_s},
                   {touch(u"scsi2.qcow2"_s), u"qcow2"_s, u"scsi"_s}};
        d.cdrom = touch(u"install.iso"_s);
        const QemuCommandLine cl(d, m_vmFolder, m_runtime, Accelerator::Tcg);
        QCOMPARE(cl.check(), QString());
        const QStringList args = cl.arguments();
        const QString dir = m_dir.path();

        QCOMPARE(
            values(args, u"-blockdev"_s),
            QStringList({
                u"driver=qcow2,node-name=disk0,file.driver=file,file.filename=%1/a,,b.qcow2"_s.arg(
                    dir),
                u"driver=raw,node-name=disk1,file.driver=file,file.filename=%1/sata.raw"_s.arg(dir),
                u"driver=qcow2,node-name=disk2,file.driver=file,file.filename=%1/ide.qcow2"_s.arg(
                    dir),
                u"driver=qcow2,node-name=disk3,file.driver=file,file.filename=%1/scsi.qcow2"_s.arg(
                    dir),
                u"driver=qcow2,node-name=disk4,file.driver=file,file.filename=%1/scsi2.qcow2"_s.arg(
                    dir),
                u"driver=raw,node-name=cdrom0,read-only=on,file.driver=file,"
                "file.filename=%1/install.iso,file.read-only=on"_s.arg(dir),
            }));
        const QStringList devices = values(args, u"-device"_s);
        // q35's own AHCI ports serve SATA, IDE and the CD-ROM; one virtio-scsi controller.
        const QStringList expected{
            u"virtio-blk-pci,drive=disk0,id=disk0-dev,bootindex=1"_s,
            u"ide-hd,drive=disk1,bus=ide.0,id=disk1-dev,bootindex=2"_s,
            u"ide-hd,drive=disk2,bus=ide.1,id=disk2-dev,bootindex=3"_s,
            u"virtio-scsi-pci,id=scsi0"_s,
            u"scsi-hd,drive=disk3,bus=scsi0.0,id=disk3-dev,bootindex=4"_s,
            u"scsi-hd,drive=disk4,bus=scsi0.0,id=disk4-dev,bootindex=5"_s,
            u"ide-cd,drive=cdrom0,bus=ide.2,id=cdrom0-dev,bootindex=6"_s,
        };
        QCOMPARE(devices.mid(0, expected.size()), expected);
        QVERIFY(!devices.contains(u"ahci,id=sata0"_s));
    }

    void disksOnI440fx()
    {
        VmDefinition d = base();
        d.machine = u"pc"_s;
        d.disks = {{touch(u"ide0.qcow2"_s), u"qcow2"_s, u"ide"_s},
                   {touch(u"sata0.qcow2"_s), u"qcow2"_s, u"sata"_s},
                   {touch(u"ide1.qcow2"_s), u"qcow2"_s, u"ide"_s}};
        d.cdrom = touch(u"cd.iso"_s);
        const QemuCommandLine cl(d, m_vmFolder, m_runtime, Accelerator::Tcg);
        QCOMPARE(cl.check(), QString());
        const QStringList devices = values(cl.arguments(), u"-device"_s);
        const QStringList expected{
            u"ide-hd,drive=disk0,bus=ide.0,unit=0,id=disk0-dev,bootindex=1"_s,
            u"ahci,id=sata0"_s,
            u"ide-hd,drive=disk1,bus=sata0.0,id=disk1-dev,bootindex=2"_s,
            u"ide-hd,drive=disk2,bus=ide.0,unit=1,id=disk2-dev,bootindex=3"_s,
            u"ide-cd,drive=cdrom0,bus=ide.1,unit=0,id=cdrom0-dev,bootindex=4"_s,
        };
        QCOMPARE(devices.mid(0, expected.size()), expected);
    }

    void checkNamesTheMissingFile_data()
    {
        QTest::addColumn<QString>("what");
        QTest::newRow("disk") << u"disk"_s;
        QTest::newRow("cdrom") << u"cdrom"_s;
        QTest::newRow("kernel") << u"kernel"_s;
        QTest::newRow("initrd") << u"initrd"_s;
    }

    void checkNamesTheMissingFile()
    {
        QFETCH(QString, what);
        VmDefinition d = base();
        const QString missing = m_dir.filePath(u"missing-"_s + what);
        if (what == "disk"_L1)
            d.disks = {{missing, u"qcow2"_s, u"virtio"_s}};
        else if (what == "cdrom"_L1)
            d.cdrom = missing;
        else if (what == "kernel"_L1)
            d.kernel = missing;
        else {
            d.kernel = touch(u"vmlinuz"_s);
            d.initrd = missing;
        }
        const QString error = QemuCommandLine(d, m_vmFolder, m_runtime, Accelerator::Tcg).check();
        QVERIFY2(error.contains(missing), qPrintable(error));
        QVERIFY2(error.contains("does not exist"_L1), qPrintable(error));
    }

    void checkRefusals()
    {
        VmDefinition uefi = base();
        uefi.firmware = Firmware::Uefi;
        QString error = QemuCommandLine(uefi, m_vmFolder, m_runtime, Accelerator::Tcg).check();
        // Until its variables file exists (tst_uefi covers the rest).
        QVERIFY2(error.contains("UEFI variables"_L1) && error.contains("does not exist"_L1),
                 qPrintable(error));

        VmDefinition invalid = base();
        invalid.memoryMiB = 1;
        error = QemuCommandLine(invalid, m_vmFolder, m_runtime, Accelerator::Tcg).check();
        QCOMPARE(error, invalid.validate());

        VmDefinition crowded = base();
        crowded.machine = u"pc"_s;
        for (int i = 0; i < 4; ++i)
            crowded.disks.append({touch(u"ide%1.qcow2"_s.arg(i)), u"qcow2"_s, u"ide"_s});
        crowded.cdrom = touch(u"cd.iso"_s);
        error = QemuCommandLine(crowded, m_vmFolder, m_runtime, Accelerator::Tcg).check();
        QVERIFY2(error.contains("room for 4"_L1), qPrintable(error));

        const QString deep = u"/tmp/"_s + QString(80, u'x') + u"/berth/uuid"_s;
        error = QemuCommandLine(base(), m_vmFolder, deep, Accelerator::Tcg).check();
        QVERIFY2(error.contains("unix socket"_L1), qPrintable(error));

        QCOMPARE(QemuCommandLine(base(), m_vmFolder, m_runtime, Accelerator::Tcg).check(),
                 QString());
    }

    void binaryLookup()
    {
        EnvGuard qemu("BERTH_QEMU");
        EnvGuard path("PATH");

        qputenv("BERTH_QEMU", "/nonexistent/qemu-system-x86_64");
        QString error;
        QCOMPARE(QemuCommandLine::findBinary(&error), QString());
        QVERIFY2(error.contains("/nonexistent/qemu-system-x86_64"_L1), qPrintable(error));
        QVERIFY2(error.contains("BERTH_QEMU"_L1), qPrintable(error));

        qunsetenv("BERTH_QEMU");
        QTemporaryDir emptyPath;
        qputenv("PATH", QFile::encodeName(emptyPath.path()));
        error.clear();
        QCOMPARE(QemuCommandLine::findBinary(&error), QString());
        QCOMPARE(error, u"qemu-system-x86_64 was not found; install the qemu-system-x86 package"_s);

        // An executable named by BERTH_QEMU is used as it is.
        const QString fake = emptyPath.filePath(u"my-qemu"_s);
        QFile f(fake);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("#!/bin/sh\n");
        f.close();
        QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        qputenv("BERTH_QEMU", QFile::encodeName(fake));
        QCOMPARE(QemuCommandLine::findBinary(&error), fake);
        qputenv("BERTH_QEMU", "my-qemu"); // a bare name is looked up in PATH
        QCOMPARE(QemuCommandLine::findBinary(&error), fake);
    }

    void acceleratorResolution()
    {
        QCOMPARE(QemuCommandLine::resolveAccelerator(Accelerator::Kvm), Accelerator::Kvm);
        QCOMPARE(QemuCommandLine::resolveAccelerator(Accelerator::Tcg), Accelerator::Tcg);
        const Accelerator expected =
            HostCapabilities::kvm().usable ? Accelerator::Kvm : Accelerator::Tcg;
        QCOMPARE(QemuCommandLine::resolveAccelerator(Accelerator::Auto), expected);
        // An unresolved choice never reaches QEMU.
        const QString error =
            QemuCommandLine(base(), m_vmFolder, m_runtime, Accelerator::Auto).check();
        QVERIFY(!error.isEmpty());
    }

    void escaping()
    {
        QCOMPARE(QemuCommandLine::escapeOptionValue(u"/a,b,,c"_s), u"/a,,b,,,,c"_s);
        QCOMPARE(QemuCommandLine::escapeOptionValue(u"plain"_s), u"plain"_s);
    }
};

QTEST_GUILESS_MAIN(TestQemuCommandLine)
#include "tst_qemucommandline.moc"
