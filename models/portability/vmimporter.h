// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/portability/vmcopyjob.h"
#include "models/vm/vmdefinition.h"

#include <QString>

/// Adds the VM of a Berth bundle to the library: `berth import` and the window's Import…
/// (and a .berth file dropped on the window) both use it.
///
///   1. unpack   on a worker thread, into a hidden staging folder of the library (mode
///               0700) with ArchiveExtractor, which refuses hostile archives; only the names
///               a bundle may hold are accepted (BundleDescriptor::nameProblem)
///   2. verify   the descriptor comes first and lists exactly the files that came, with
///               their sizes; each file's checksum matches the one written with it; each
///               disk is read with qemu-img info in its stated format, and a disk that
///               names a backing or data file (which would let a bundle read the host's
///               files) is refused
///   3. add      under the bundle's name or the one given; a name that is taken is refused,
///               never replaced; a uuid that another VM has is replaced by a new one;
///               snapshot thumbnails are pointed at the new folder
///
/// A failure or cancel() removes the staging folder and everything in it; nothing is
/// written elsewhere. finished() follows exactly once per importFile(), always from the
/// event loop. Deleting a running importer cancels it (without finished()).
class VmImporter final : public VmCopyJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VmImporter)

public:
    /// @p library must outlive the importer.
    explicit VmImporter(VmLibrary *library, QObject *parent = nullptr);
    ~VmImporter() override;

    /// Imports the bundle @p file; @p name, when not empty, names the new VM.
    void importFile(const QString &file, const QString &name = {});
    /// After a successful finished(): the VM as it was added.
    const VmDefinition &definition() const { return m_definition; }
    /// After a successful finished(): whether it got a new uuid (its own was taken).
    bool uuidChanged() const { return m_uuidChanged; }

private:
    void checkDisks(int index);
    void add();
    void rollback() override;

    bool m_uuidChanged = false;
    QString m_name;
    QString m_staging; ///< removed on failure; empty once it is the VM's folder
    VmDefinition m_definition;
};
