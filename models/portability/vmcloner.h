// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/portability/vmcopyjob.h"
#include "models/vm/vmdefinition.h"

#include <QList>
#include <QString>

#include <memory>

class ClaimedFile;

/// Makes a copy of a stopped VM under a new name: `berth clone` and the window's Clone…
/// both use it.
///
///   full    every disk is copied as it is (sparse, internal snapshots included), with the
///           UEFI variables and the snapshot tree and thumbnails
///   linked  every disk of the clone is a new qcow2 overlay on the source's disk (qemu-img
///           create -b), recorded as its VmDisk::backing; no snapshots come along. The
///           source is marked (VmDefinition::linkedClones): from then on it is neither started
///           (its disks must not change under the clone) nor deleted, until its linked
///           clones are deleted
///
/// Either way the clone gets a new uuid (and with it its own runtime folder and, should
/// the definition name MAC addresses one day, new ones), its own copy of the UEFI
/// variables, and a fresh TPM: a TPM's state is its identity, which two machines must not
/// share. Everything is made in a hidden staging folder of the library and added in one
/// step (VmLibrary::create); a failure or cancel() removes what was made. The source's
/// files are only read.
///
/// Without blocking: copies run on a worker thread, overlays through qemu-img. progress()
/// reports 0..100; finished() follows exactly once per clone(), always from the event loop.
/// Deleting a running cloner cancels it (without finished()).
class VmCloner final : public VmCopyJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VmCloner)

public:
    /// @p library must outlive the cloner.
    explicit VmCloner(VmLibrary *library, QObject *parent = nullptr);
    ~VmCloner() override;

    void clone(const QString &source, const QString &name, bool linked);
    /// After a successful finished(): the clone as it was added.
    const VmDefinition &definition() const { return m_definition; }

private:
    struct Copy
    {
        QString from;
        QString to;
    };

    Outcome<> plan();
    void makeOverlay(int index);
    void copyFiles();
    void add();
    void rollback() override;

    bool m_linked = false;
    QString m_sourceName;
    VmDefinition m_source;
    QString m_sourceFolder;
    VmDefinition m_definition;
    QString m_staging;
    QList<Copy> m_copies;
    std::shared_ptr<std::vector<ClaimedFile>> m_claims;
};
