// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/common/outcome.h"
#include "models/vm/vmdefinition.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

/// What a Berth bundle (`berth export`, a .berth file) holds, as its first entry,
/// berth-bundle.json, says. A bundle is a tar archive (ArchiveWriter; zstd-compressed with
/// --compress):
///
///   berth-bundle.json       this descriptor: the format version, the VM's definition with
///                           each disk named by its file in the bundle, and every file with
///                           its size
///   <disk files>            the disks, directly in the bundle (sparse)
///   uefi-vars.qcow2         the UEFI variables, when the VM has them
///   snapshots.json, snapshots/<thumbnail>   the snapshot tree and its thumbnails
///   tpm/...                 the TPM's state, when there is one
///   berth-checksums.json    last: each file's SparseDigest checksum, computed while the
///                           bundle was written (so it needs no second pass over the disks)
///
/// The names of the VM's folder are VmLayout's; a bundle never holds vm.json (the importer
/// writes the definition) nor the logs.
struct BundleDescriptor
{
    Q_DECLARE_TR_FUNCTIONS(BundleDescriptor)

public:
    static constexpr int Version = 1;

    struct File
    {
        QString name; ///< in the bundle (and in the VM's folder)
        qint64 size = 0;
        QString source; ///< export only: where the file is now
    };

    /// The VM's definition as the bundle stores it (disks named by bundle file names).
    QJsonObject definition;
    QList<File> files;

    /// "berth-bundle.json"
    static QString descriptorName();
    /// "berth-checksums.json"
    static QString checksumsName();

    /// What a bundle of the VM @p definition in @p vmFolder holds: its disks (each must be a
    /// regular file), its UEFI variables, snapshot tree and thumbnails, TPM state.
    static Outcome<BundleDescriptor> of(const VmDefinition &definition, const QString &vmFolder);
    QByteArray toJson() const;
    /// Parses and checks a descriptor: its version, that every name is one a bundle may hold
    /// (nameProblem()), that no file is listed twice and that each disk the definition names
    /// is one of the files.
    static Outcome<BundleDescriptor> fromJson(const QByteArray &json);

    /// The definition, with its disks at their files in @p folder.
    Outcome<VmDefinition> definitionIn(const QString &folder) const;

    /// Why @p name cannot be in a bundle, or empty: the descriptor and checksums, plain file
    /// names that are not another file of a VM's folder, and the names of the UEFI
    /// variables, the snapshot tree, its thumbnails (snapshots/<name>) and the TPM's state
    /// (tpm/...).
    static QString nameProblem(const QString &name);

    /// The checksums entry's content.
    static QByteArray checksumsJson(const QHash<QString, QString> &digests);
    static Outcome<QHash<QString, QString>> checksumsFromJson(const QByteArray &json);
};
