// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/vmlayout.h"

#include "models/vm/runtimefolder.h"
#include "models/vm/vmdefinition.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace {

bool isPlainFileName(const QString &name)
{
    return !name.isEmpty() && name != "."_L1 && name != ".."_L1 && !name.contains(u'/') &&
           !name.contains(QChar(0));
}

/// The runtime folder's name: the uuid, and a short digest of the VM folder's real path, so
/// a copy of a VM folder in another library (same uuid) never finds the original's QEMU,
/// while two paths that alias one folder (a symbolic link) agree.
QString runtimeFolderName(const QString &vmFolder, const QUuid &uuid)
{
    const QFileInfo folder(vmFolder);
    const QString real = folder.canonicalFilePath();
    const QByteArray digest = QCryptographicHash::hash(
        QFile::encodeName(real.isEmpty() ? folder.absoluteFilePath() : real),
        QCryptographicHash::Sha256);
    return uuid.toString(QUuid::WithoutBraces) + u'-' +
           QString::fromLatin1(digest.left(4).toHex());
}

} // namespace

VmLayout::VmLayout(const QString &vmFolder, const QUuid &uuid, const QString &name)
    : m_folder(vmFolder)
    , m_runtimeFolder(uuid.isNull()
                          ? QString()
                          : RuntimeFolder::root() + u'/' + runtimeFolderName(vmFolder, uuid))
    , m_name(name)
{}

VmLayout::VmLayout(const QString &vmFolder, const VmDefinition &definition)
    : VmLayout(vmFolder, definition.uuid, definition.name)
{}

VmLayout VmLayout::ofFolder(const QString &vmFolder)
{
    VmLayout layout;
    layout.m_folder = vmFolder;
    return layout;
}

VmLayout VmLayout::ofRuntimeFolder(const QString &runtimeFolder)
{
    VmLayout layout;
    layout.m_runtimeFolder = runtimeFolder;
    return layout;
}

VmLayout VmLayout::withRuntimeFolder(const QString &runtimeFolder) const
{
    VmLayout layout = *this;
    layout.m_runtimeFolder = runtimeFolder;
    return layout;
}

QString VmLayout::inFolder(const QString &fileName) const
{
    return m_folder.isEmpty() ? QString() : m_folder + u'/' + fileName;
}

QString VmLayout::inRuntimeFolder(const QString &fileName) const
{
    return m_runtimeFolder.isEmpty() ? QString() : m_runtimeFolder + u'/' + fileName;
}

// ---- the VM's folder ------------------------------------------------------------------

QString VmLayout::definitionPath() const
{
    return inFolder(u"vm.json"_s);
}

QString VmLayout::definitionBackupPath() const
{
    return m_folder.isEmpty() ? QString() : backupPath(definitionPath());
}

QString VmLayout::backupPath(const QString &path)
{
    return path + u".bak"_s;
}

QString VmLayout::serialLogPath() const
{
    return inFolder(u"serial.log"_s);
}

QString VmLayout::previousSerialLogPath() const
{
    return inFolder(u"serial.log.old"_s);
}

QString VmLayout::qemuLogPath() const
{
    return inFolder(u"qemu.log"_s);
}

QString VmLayout::previousQemuLogPath() const
{
    return inFolder(u"qemu.log.old"_s);
}

QString VmLayout::crashReportPath() const
{
    return inFolder(u"last-crash.json"_s);
}

QString VmLayout::uefiVarsPath() const
{
    return inFolder(u"uefi-vars.qcow2"_s);
}

QString VmLayout::snapshotsPath() const
{
    return inFolder(u"snapshots.json"_s);
}

QString VmLayout::thumbnailFolder() const
{
    return inFolder(u"snapshots"_s);
}

QString VmLayout::thumbnailPath(const QString &fileName) const
{
    if (m_folder.isEmpty() || !isPlainFileName(fileName))
        return {};
    return thumbnailFolder() + u'/' + fileName;
}

bool VmLayout::isThumbnailPath(const QString &path) const
{
    // The path exactly as thumbnailPath() makes it: "snapshots/../vm.json" or a link's
    // other spelling is not one.
    const qsizetype slash = path.lastIndexOf(u'/');
    return !m_folder.isEmpty() && slash >= 0 && path.left(slash) == thumbnailFolder() &&
           isPlainFileName(path.mid(slash + 1));
}

QString VmLayout::tpmStateFolder() const
{
    return inFolder(u"tpm"_s);
}

QString VmLayout::swtpmLogPath() const
{
    return m_folder.isEmpty() ? QString() : tpmStateFolder() + u"/swtpm.log"_s;
}

QString VmLayout::startLockPath() const
{
    return inFolder(u"start.lock"_s);
}

QString VmLayout::diskExtension(const QString &format)
{
    return format == "raw"_L1 ? u"img"_s : format;
}

QString VmLayout::firstDiskPath(const QString &format) const
{
    return inFolder(u"disk."_s + diskExtension(format));
}

QString VmLayout::newDiskPath(const QString &format, const QStringList &reserved) const
{
    if (m_folder.isEmpty())
        return {};
    // A VM's name is a valid file name (VmDefinition::validateName); a layout without one
    // takes its folder's.
    const QString stem = m_name.isEmpty() ? QFileInfo(m_folder).fileName() : m_name;
    const QString extension = diskExtension(format);
    QString candidate = inFolder(stem + u'.' + extension);
    const auto taken = [&reserved](const QString &path) {
        return QFileInfo::exists(path) || QFileInfo(path).isSymLink() || reserved.contains(path);
    };
    for (int n = 2; taken(candidate); ++n)
        candidate = inFolder(u"%1-%2.%3"_s.arg(stem).arg(n).arg(extension));
    return candidate;
}

// ---- the runtime folder ---------------------------------------------------------------

QString VmLayout::guiMonitorPath() const
{
    return inRuntimeFolder(u"qmp-gui.sock"_s);
}

QString VmLayout::cliMonitorPath() const
{
    return inRuntimeFolder(u"qmp-cli.sock"_s);
}

QString VmLayout::vncSocketPath() const
{
    return inRuntimeFolder(u"vnc.sock"_s);
}

QString VmLayout::pidFilePath() const
{
    return inRuntimeFolder(u"qemu.pid"_s);
}

QString VmLayout::serialConsoleSocketPath() const
{
    return inRuntimeFolder(u"serial.sock"_s);
}

QString VmLayout::serialKeeperSocketPath() const
{
    return inRuntimeFolder(u"serial-qemu.sock"_s);
}

QString VmLayout::swtpmSocketPath() const
{
    return inRuntimeFolder(u"swtpm.sock"_s);
}

QString VmLayout::swtpmPidFilePath() const
{
    return inRuntimeFolder(u"swtpm.pid"_s);
}

QString VmLayout::swtpmStateLinkPath() const
{
    return inRuntimeFolder(u"tpm"_s);
}

QString VmLayout::virtiofsdSocketPath(int index) const
{
    return inRuntimeFolder(u"virtiofsd-%1.sock"_s.arg(index));
}

QStringList VmLayout::qemuRuntimeFiles() const
{
    if (m_runtimeFolder.isEmpty())
        return {};
    return {guiMonitorPath(),          cliMonitorPath(),         vncSocketPath(),
            pidFilePath(),             serialConsoleSocketPath(), serialKeeperSocketPath(),
            swtpmSocketPath(),         swtpmPidFilePath(),        swtpmStateLinkPath()};
}
