// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

/// What `qemu-img info --output=json [--backing-chain]` says about one image: a plain value.
///
/// fromJson() takes the object of one image, or the array that --backing-chain prints (the
/// image first, then its backing files); with the array, chainActualSize adds up the space
/// the whole chain takes on the host.
struct DiskImageInfo
{
    Q_DECLARE_TR_FUNCTIONS(DiskImageInfo)

public:
    QString path;               ///< "filename" as qemu-img printed it
    QString format;             ///< qemu-img format name: qcow2, raw, vmdk, vdi, vhdx...
    qint64 virtualSize = 0;     ///< the size the guest sees, bytes
    qint64 actualSize = 0;      ///< space taken on the host by this file (allocated), bytes
    qint64 chainActualSize = 0; ///< actualSize plus that of every backing file read
    qint64 clusterSize = 0;     ///< 0 when the format has none
    QString backingFile;        ///< as stored in the image (may be relative); empty for none
    QString fullBackingFile;    ///< the backing file resolved to a path
    QString backingFormat;      ///< empty when not recorded in the image
    bool dirty = false;         ///< "dirty-flag": not closed cleanly (lazy refcounts)
    bool corrupt = false;       ///< qcow2 marked itself corrupt: QEMU opens it read-only
    bool encrypted = false;     ///< needs a secret Berth cannot give
    int snapshotCount = 0;      ///< internal (qcow2) snapshots
    QString vmdkSubformat;      ///< vmdk "create-type", e.g. monolithicSparse, streamOptimized
    bool inUseByAnotherProcess = false; ///< read with --force-share: a process held its lock

    bool hasBacking() const { return !backingFile.isEmpty(); }

    /// Parses qemu-img's JSON. Returns nothing and sets @p error (one sentence) when it is
    /// not the info of an image.
    static std::optional<DiskImageInfo> fromJson(const QByteArray &json, QString *error);

    /// For `berth disk info --json`: format, virtual_size, actual_size, backing (null or the
    /// path), backing_format, full_backing, dirty, corrupt, encrypted, snapshots,
    /// cluster_size, in_use.
    QJsonObject toJson() const;
};
