// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QUuid>

struct VmDefinition;

/// Every path of one VM, in one place: nothing else in Berth names these files.
///
///   VM folder (<library>/<name>, the user's data, kept)
///     vm.json, vm.json.bak        the definition and its previous version (VmLibrary)
///     serial.log, serial.log.old  the first serial port, this run and the one before
///     qemu.log, qemu.log.old      QEMU's stdout and stderr, this run and the one before
///     last-crash.json             how QEMU last ended without a clean shutdown (CrashReport)
///     uefi-vars.qcow2             the VM's own UEFI variables (UefiFirmware)
///     snapshots.json, snapshots/  the snapshot tree and its thumbnails (SnapshotStore)
///     tpm/                        the TPM's state and swtpm.log (Swtpm)
///     start.lock                  locked while a QEMU for the VM is started and runs
///     disk.qcow2, <name>.qcow2    disks Berth made for the VM
///
///   runtime folder (RuntimeFolder::root()/<uuid>-<digest of the VM folder's real path>,
///                   mode 0700, gone when the VM stops)
///     qmp-gui.sock, qmp-cli.sock  the two QMP monitors (the window's, the command line's)
///     vnc.sock                    the display
///     qemu.pid                    QEMU's pidfile (locked by QEMU while it runs)
///     serial.sock, serial-qemu.sock  the serial console (consoles', QEMU's side: SerialKeeper)
///     swtpm.sock, virtiofsd-<n>.sock  the swtpm and virtiofsd sockets
///     swtpm.pid, tpm              swtpm's pidfile, a link to the VM's tpm/ (Swtpm)
///
/// A plain value: only newDiskPath() (for a free name) and the constructors (for the VM
/// folder's real path) look at the file system, and the
/// runtime folder's place comes from the environment (RuntimeFolder::root()). A layout made
/// from a folder alone (ofFolder()) has no runtime paths; one made from a runtime folder
/// alone (ofRuntimeFolder()) has only those; the paths a layout lacks are empty.
class VmLayout final
{
public:
    /// An empty layout: every path is empty.
    VmLayout() = default;
    /// The VM in @p vmFolder whose uuid is @p uuid; @p name names the disks Berth makes.
    VmLayout(const QString &vmFolder, const QUuid &uuid, const QString &name);
    /// The VM @p definition in @p vmFolder.
    VmLayout(const QString &vmFolder, const VmDefinition &definition);

    /// Only the paths inside @p vmFolder (no runtime folder, no name).
    static VmLayout ofFolder(const QString &vmFolder);
    /// Only the paths inside @p runtimeFolder (a folder that RuntimeFolder made).
    static VmLayout ofRuntimeFolder(const QString &runtimeFolder);
    /// This layout with its runtime paths in @p runtimeFolder instead.
    VmLayout withRuntimeFolder(const QString &runtimeFolder) const;

    bool isNull() const { return m_folder.isEmpty() && m_runtimeFolder.isEmpty(); }

    // ---- the VM's folder ----------------------------------------------------------------

    /// The VM's folder (absolute).
    QString folder() const { return m_folder; }
    QString definitionPath() const;
    /// The previous version of the definition (see backupPath()).
    QString definitionBackupPath() const;
    QString serialLogPath() const;
    QString previousSerialLogPath() const;
    QString qemuLogPath() const;
    QString previousQemuLogPath() const;
    QString crashReportPath() const;
    QString uefiVarsPath() const;
    QString snapshotsPath() const;
    QString thumbnailFolder() const;
    /// @p fileName in thumbnailFolder(), or empty when @p fileName is not a plain file name
    /// (empty, ".", "..", absolute, or holding a '/'): a thumbnail never leaves its folder.
    QString thumbnailPath(const QString &fileName) const;
    /// Whether @p path is a file directly inside thumbnailFolder() (as thumbnailPath() makes
    /// them): what a snapshot record may name and Berth may delete.
    bool isThumbnailPath(const QString &path) const;
    /// The folder swtpm keeps the TPM's state in.
    QString tpmStateFolder() const;
    /// swtpm's log, in tpmStateFolder().
    QString swtpmLogPath() const;
    /// The file QemuLauncher locks while it starts the VM; QEMU inherits the lock and holds it
    /// while it runs, so that a second start in any process finds it taken.
    QString startLockPath() const;
    /// The disk a VM is created with: disk.qcow2 (disk.img for a raw image), as Berth has
    /// always named it. Its folder is new, so the name is free.
    QString firstDiskPath(const QString &format) const;
    /// A new disk Berth makes for the VM later: named from the VM, in its folder, and free
    /// now (<name>.qcow2, else <name>-2.qcow2, <name>-3.qcow2...; ".img" for raw) and not one
    /// of @p reserved (names handed out for disks not made yet).
    QString newDiskPath(const QString &format, const QStringList &reserved = {}) const;

    /// The file name extension Berth gives an image of @p format: "img" for raw, else the
    /// format's name ("qcow2", "vmdk"...).
    static QString diskExtension(const QString &format);
    /// Where VmLibrary keeps the previous version of @p path when it replaces it.
    static QString backupPath(const QString &path);

    // ---- the runtime folder -------------------------------------------------------------

    /// The VM's runtime folder; empty without a uuid.
    QString runtimeFolder() const { return m_runtimeFolder; }
    /// The QMP monitor of the window (MonitorRole::Gui).
    QString guiMonitorPath() const;
    /// The QMP monitor of the command line (MonitorRole::Cli).
    QString cliMonitorPath() const;
    QString vncSocketPath() const;
    QString pidFilePath() const;
    /// An interactive serial console on the first serial port.
    /// Where consoles reach the serial port (SerialKeeper serves it).
    QString serialConsoleSocketPath() const;
    /// Where QEMU's serial chardev connects to SerialKeeper.
    QString serialKeeperSocketPath() const;
    QString swtpmSocketPath() const;
    QString swtpmPidFilePath() const;
    /// A link to tpmStateFolder(), the path swtpm is given (see Swtpm).
    QString swtpmStateLinkPath() const;
    /// The socket of the virtiofsd that serves shared folder number @p index.
    QString virtiofsdSocketPath(int index) const;
    /// The files QEMU and swtpm make in the runtime folder (monitors, display, pidfiles,
    /// serial console, swtpm's socket and link): what RuntimeFolder::clean() removes once
    /// QEMU is gone.
    QStringList qemuRuntimeFiles() const;

private:
    QString inFolder(const QString &fileName) const;
    QString inRuntimeFolder(const QString &fileName) const;

    QString m_folder;
    QString m_runtimeFolder;
    QString m_name;
};
