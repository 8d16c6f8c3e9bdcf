// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/qemucommandline.h"

#include "models/common/hostcapabilities.h"
#include "models/vm/networkcommandline.h"
#include "models/vm/swtpm.h"
#include "models/vm/uefifirmware.h"
#include "models/vm/vmdevices.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <sys/stat.h>
#include <sys/un.h>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString kDefaultBinary = u"qemu-system-x86_64"_s;

// q35's ICH9 AHCI has six ports, each its own bus (ide.0 ... ide.5, one unit each);
// i440fx's PIIX IDE has two buses of two units. An AHCI controller we add has six ports.
constexpr int kQ35AhciPorts = 6;
constexpr int kPiixIdeSlots = 4;
constexpr int kAhciPorts = 6;

QString fileDriver(const QString &path)
{
    struct stat st = {};
    const QByteArray native = QFile::encodeName(path);
    if (::stat(native.constData(), &st) == 0 && S_ISBLK(st.st_mode))
        return u"host_device"_s;
    return u"file"_s;
}

QString missingFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return QemuCommandLine::tr("does not exist");
    if (info.isDir())
        return QemuCommandLine::tr("is a folder");
    if (!info.isReadable())
        return QemuCommandLine::tr("cannot be read (check its permissions)");
    return {};
}

} // namespace

QemuCommandLine::QemuCommandLine(VmDefinition definition, VmLayout layout, Accelerator accelerator)
    : m_definition(std::move(definition))
    , m_layout(std::move(layout))
    , m_accelerator(accelerator)
{}

QemuCommandLine::QemuCommandLine(VmDefinition definition, const QString &vmFolder,
                                 const QString &runtimeFolder, Accelerator accelerator)
    : QemuCommandLine(std::move(definition),
                      VmLayout::ofFolder(vmFolder).withRuntimeFolder(runtimeFolder), accelerator)
{}

QString QemuCommandLine::escapeOptionValue(const QString &value)
{
    QString escaped = value;
    return escaped.replace(u',', u",,"_s);
}

QString QemuCommandLine::findBinary(QString *error)
{
    const QString requested = qEnvironmentVariable("BERTH_QEMU");
    const QString name = requested.isEmpty() ? kDefaultBinary : requested;
    QString found;
    if (name.contains(u'/')) {
        const QFileInfo info(name);
        if (info.isFile() && info.isExecutable())
            found = info.absoluteFilePath();
    } else {
        found = QStandardPaths::findExecutable(name);
    }
    if (found.isEmpty() && error) {
        if (requested.isEmpty())
            *error = tr("qemu-system-x86_64 was not found; install the qemu-system-x86 package");
        else
            *error = tr("%1 (from BERTH_QEMU) was not found or is not executable; unset "
                        "BERTH_QEMU or install the qemu-system-x86 package")
                         .arg(requested);
    }
    return found;
}

Accelerator QemuCommandLine::resolveAccelerator(Accelerator requested)
{
    if (requested != Accelerator::Auto)
        return requested;
    return HostCapabilities::kvm().usable ? Accelerator::Kvm : Accelerator::Tcg;
}

QString QemuCommandLine::libraryRoot() const
{
    return QFileInfo(m_layout.folder()).absolutePath();
}

bool QemuCommandLine::isQ35() const
{
    return m_definition.machine == "q35"_L1 || m_definition.machine.startsWith("pc-q35"_L1);
}

QString QemuCommandLine::check() const
{
    if (QString invalid = m_definition.validate(); !invalid.isEmpty())
        return invalid;
    if (m_definition.firmware == Firmware::Uefi) {
        if (const Outcome<UefiFirmware::Files> ovmf = UefiFirmware::find(m_definition.secureBoot);
            !ovmf)
            return ovmf.failure().message();
        const QString vars = m_layout.uefiVarsPath();
        if (QString why = missingFile(vars); !why.isEmpty())
            return tr("The UEFI variables file %1 %2").arg(vars, why);
        if (m_definition.secureBoot && !isQ35())
            return tr("Secure Boot needs the q35 machine (its firmware runs in SMM), not %1")
                .arg(m_definition.machine);
    }
    if (m_definition.tpm) {
        if (const Outcome<QString> swtpm = Swtpm::findBinary(); !swtpm)
            return swtpm.failure().message();
    }
    if (m_accelerator == Accelerator::Auto)
        return tr("no accelerator was chosen (kvm or tcg)");

    int idePorts = m_definition.cdrom.isEmpty() ? 0 : 1;
    int sataPorts = 0;
    for (const VmDisk &disk : m_definition.disks) {
        if (disk.bus == "ide"_L1)
            ++idePorts;
        else if (disk.bus == "sata"_L1)
            ++sataPorts;
    }
    if (isQ35() && idePorts + sataPorts > kQ35AhciPorts)
        return tr("This VM has %1 IDE, SATA and CD-ROM drives; the q35 machine has room for %2")
            .arg(idePorts + sataPorts)
            .arg(kQ35AhciPorts);
    if (!isQ35() && idePorts > kPiixIdeSlots)
        return tr("This VM has %1 IDE and CD-ROM drives; the %2 machine has room for %3")
            .arg(idePorts)
            .arg(m_definition.machine)
            .arg(kPiixIdeSlots);
    if (!isQ35() && sataPorts > kAhciPorts)
        return tr("This VM has %1 SATA disks; Berth's SATA controller has room for %2")
            .arg(sataPorts)
            .arg(kAhciPorts);

    // sun_path holds 108 bytes including the terminating NUL.
    constexpr qsizetype maxSocketPath = sizeof(sockaddr_un::sun_path) - 1;
    for (const QString &socket :
         {m_layout.guiMonitorPath(), m_layout.cliMonitorPath(), m_layout.vncSocketPath(),
          m_layout.serialKeeperSocketPath(), m_layout.swtpmSocketPath()}) {
        if (QFile::encodeName(socket).size() > maxSocketPath)
            return tr("The runtime folder %1 is too deep for a unix socket path (at most %2 "
                      "bytes); set XDG_RUNTIME_DIR to a shorter folder")
                .arg(m_layout.runtimeFolder())
                .arg(maxSocketPath);
    }

    for (const VmDisk &disk : m_definition.disks) {
        if (QString why = missingFile(disk.path); !why.isEmpty())
            return tr("The disk %1 %2").arg(disk.path, why);
    }
    if (!m_definition.cdrom.isEmpty()) {
        if (QString why = missingFile(m_definition.cdrom); !why.isEmpty())
            return tr("The CD-ROM image %1 %2").arg(m_definition.cdrom, why);
    }
    if (!m_definition.kernel.isEmpty()) {
        if (QString why = missingFile(m_definition.kernel); !why.isEmpty())
            return tr("The kernel %1 %2").arg(m_definition.kernel, why);
    }
    if (!m_definition.initrd.isEmpty()) {
        if (QString why = missingFile(m_definition.initrd); !why.isEmpty())
            return tr("The initrd %1 %2").arg(m_definition.initrd, why);
    }
    if (!QFileInfo(m_layout.folder()).isDir())
        return tr("The VM folder %1 does not exist").arg(m_layout.folder());
    return NetworkCommandLine::check(m_definition, libraryRoot());
}

QStringList QemuCommandLine::arguments() const
{
    const VmDefinition &d = m_definition;
    const auto esc = &QemuCommandLine::escapeOptionValue;
    const bool kvm = m_accelerator == Accelerator::Kvm;

    QStringList args;
    args << u"-name"_s << u"guest=%1"_s.arg(esc(d.name));
    args << u"-uuid"_s << d.uuid.toString(QUuid::WithoutBraces);
    QString machine = u"%1,accel=%2"_s.arg(d.machine, kvm ? u"kvm"_s : u"tcg"_s);
    if (d.firmware == Firmware::Uefi) {
        // OVMF as two pflash drives: the shared code read-only, the VM's own variables
        // (qcow2, so internal snapshots cover them) writable.
        const UefiFirmware::Files ovmf =
            UefiFirmware::find(d.secureBoot).value(); // check() found it
        const QString vars = m_layout.uefiVarsPath();
        args << u"-blockdev"_s
             << u"driver=raw,node-name=%1,read-only=on,file.driver=file,file.filename=%2,"
                "file.read-only=on"_s.arg(VmDevices::UefiCodeNode, esc(ovmf.code));
        args << u"-blockdev"_s
             << u"driver=%1,node-name=%2,file.driver=file,file.filename=%3"_s.arg(
                    UefiFirmware::isQcow2(vars) ? u"qcow2"_s : u"raw"_s, VmDevices::UefiVarsNode,
                    esc(vars));
        machine +=
            u",pflash0=%1,pflash1=%2"_s.arg(VmDevices::UefiCodeNode, VmDevices::UefiVarsNode);
        // Secure Boot's OVMF keeps its variables behind SMM: only SMM code may write them.
        if (d.secureBoot) {
            machine += u",smm=on"_s;
            args << u"-global"_s << u"driver=cfi.pflash01,property=secure,value=on"_s;
        }
    }
    args << u"-machine"_s << machine;
    // -cpu host only with KVM: TCG cannot emulate the host CPU, its default model is safe.
    if (kvm)
        args << u"-cpu"_s << u"host"_s;
    args << u"-smp"_s << QString::number(d.cpus);
    args << u"-m"_s << u"%1M"_s.arg(d.memoryMiB);
    args << u"-nodefaults"_s << u"-no-user-config"_s;

    // Drive slots on the machine's own IDE/AHCI controller, and on a SATA one we add.
    // Both are named "ide": q35's AHCI ports are ide.0 ... ide.5.
    int ownSlot = 0;
    auto nextOwnSlot = [&] {
        const int slot = ownSlot++;
        if (isQ35())
            return u"bus=ide.%1"_s.arg(slot);
        return u"bus=ide.%1,unit=%2"_s.arg(slot / 2).arg(slot % 2);
    };
    bool sataController = false;
    int sataSlot = 0;
    bool scsiController = false;
    int bootIndex = 1;

    for (qsizetype i = 0; i < d.disks.size(); ++i) {
        const VmDisk &disk = d.disks[i];
        const QString node = VmDevices::diskNode(i);
        args << u"-blockdev"_s
             << u"driver=%1,node-name=%2,file.driver=%3,file.filename=%4"_s.arg(
                    disk.format, node, fileDriver(disk.path), esc(disk.path));
        QString device;
        if (disk.bus == "virtio"_L1) {
            device = u"virtio-blk-pci,drive=%1"_s.arg(node);
        } else if (disk.bus == "ide"_L1 || (disk.bus == "sata"_L1 && isQ35())) {
            device = u"ide-hd,drive=%1,%2"_s.arg(node, nextOwnSlot());
        } else if (disk.bus == "sata"_L1) {
            if (!sataController) {
                args << u"-device"_s << u"ahci,id=%1"_s.arg(VmDevices::SataController);
                sataController = true;
            }
            device =
                u"ide-hd,drive=%1,bus=%2.%3"_s.arg(node, VmDevices::SataController).arg(sataSlot++);
        } else { // scsi
            if (!scsiController) {
                args << u"-device"_s << u"virtio-scsi-pci,id=%1"_s.arg(VmDevices::ScsiController);
                scsiController = true;
            }
            device = u"scsi-hd,drive=%1,bus=%2.0"_s.arg(node, VmDevices::ScsiController);
        }
        args << u"-device"_s
             << u"%1,id=%2,bootindex=%3"_s.arg(device, VmDevices::diskDevice(i)).arg(bootIndex++);
    }

    // After the disks in boot order: an empty new disk falls through to the installer,
    // an installed one boots without ejecting the ISO.
    if (!d.cdrom.isEmpty()) {
        args << u"-blockdev"_s
             << u"driver=raw,node-name=%1,read-only=on,file.driver=file,file.filename=%2,"
                "file.read-only=on"_s.arg(VmDevices::CdromNode, esc(d.cdrom));
        args << u"-device"_s
             << u"ide-cd,drive=%1,%2,id=%3,bootindex=%4"_s
                    .arg(VmDevices::CdromNode, nextOwnSlot(), VmDevices::Cdrom)
                    .arg(bootIndex++);
    }

    if (!d.kernel.isEmpty()) {
        args << u"-kernel"_s << d.kernel;
        if (!d.initrd.isEmpty())
            args << u"-initrd"_s << d.initrd;
        if (!d.kernelArgs.isEmpty())
            args << u"-append"_s << d.kernelArgs;
    }

    args << NetworkCommandLine::arguments(d, libraryRoot());

    if (d.tpm)
        args << Swtpm::qemuArguments(m_layout); // swtpm is started by QemuLauncher
    args << u"-device"_s << u"qemu-xhci,id=%1"_s.arg(VmDevices::UsbController);
    args << u"-device"_s
         << u"usb-tablet,bus=%1.0,id=%2"_s.arg(VmDevices::UsbController, VmDevices::Tablet);
    args << u"-device"_s << u"virtio-balloon-pci,id=%1"_s.arg(VmDevices::Balloon);
    args << u"-device"_s << u"pvpanic,id=%1"_s.arg(VmDevices::PanicDevice);
    args << u"-device"_s << u"VGA,id=%1"_s.arg(VmDevices::Video);
    args << u"-display"_s << u"none"_s;
    args << u"-vnc"_s << u"unix:%1"_s.arg(esc(m_layout.vncSocketPath()));

    const std::pair<QString, QString> monitors[] = {
        {u"mon-gui"_s, m_layout.guiMonitorPath()},
        {u"mon-cli"_s, m_layout.cliMonitorPath()},
    };
    for (const auto &[id, path] : monitors) {
        args << u"-chardev"_s << u"socket,id=%1,path=%2,server=on,wait=off"_s.arg(id, esc(path));
        args << u"-mon"_s << u"chardev=%1,mode=control"_s.arg(id);
    }

    // The first serial port goes to SerialKeeper, which keeps serial.log (bounded) and
    // serves consoles; it listens before QEMU starts.
    args << u"-chardev"_s
         << u"socket,id=serial0,path=%1"_s.arg(esc(m_layout.serialKeeperSocketPath()));
    args << u"-serial"_s << u"chardev:serial0"_s;
    args << u"-pidfile"_s << m_layout.pidFilePath();
    return args;
}
