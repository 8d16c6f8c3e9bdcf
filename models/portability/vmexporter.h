// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/portability/vmcopyjob.h"

#include <QString>
#include <QStringList>

/// Writes a VM into a Berth bundle (BundleDescriptor): `berth export` and the window's
/// Export… both use it.
///
///   1. check  the VM exists, is readable and stopped; the file does not exist; each disk
///             is read with qemu-img info: a disk with a backing file (a linked clone) is
///             refused, since its data is partly elsewhere
///   2. write  the archive, streamed from the VM's files into a hidden file beside the
///             target (ClaimedFile, mode 0600), on a worker thread; checksums are made as
///             the data passes
///   3. commit the file is renamed to the target, never over an existing file
///
/// A failure or cancel() leaves no file. progress() reports 0..100 by bytes (holes
/// included: they pass quickly). finished() follows exactly once per export(), always from
/// the event loop. Deleting a running exporter cancels it (without finished()).
class VmExporter final : public VmCopyJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VmExporter)

public:
    /// @p library must outlive the exporter.
    explicit VmExporter(VmLibrary *library, QObject *parent = nullptr);
    ~VmExporter() override;

    /// Exports the VM @p name to @p file; with @p compress the bundle is zstd-compressed.
    void exportVm(const QString &name, const QString &file, bool compress);

private:
    void checkDisks(int index);
    void write();

    bool m_compress = false;
    QString m_name;
    QString m_file;
    QStringList m_disks;
};
