// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/common/outcome.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

/// One internal snapshot as a qcow2 image holds it (qemu-img info's and query-block's
/// "snapshots" entries).
struct ImageSnapshot
{
    QString id;
    QString name;
    QDateTime created;      ///< UTC
    qint64 vmStateSize = 0; ///< bytes of memory state; 0 for a disk-only snapshot

    /// Parses QAPI SnapshotInfo objects ("id", "name", "date-sec", "vm-state-size").
    static QList<ImageSnapshot> fromJson(const QJsonArray &snapshots);
    /// The snapshots present on every one of @p perDisk (a VM's snapshot must exist on all
    /// its disks to be reverted to); the first disk's entries (which hold the memory state).
    static QList<ImageSnapshot> onEveryDisk(const QList<QList<ImageSnapshot>> &perDisk);
    /// Those on any disk of @p perDisk (by name, the first disk's first), each saying
    /// whether every disk holds it.
    static QList<ImageSnapshot> onAnyDisk(const QList<QList<ImageSnapshot>> &perDisk);

    bool coversEveryDisk = true; ///< set by onAnyDisk()
};

/// What Berth knows about one snapshot beyond what the image holds.
struct SnapshotInfo
{
    QString name; ///< the tag in the qcow2 images
    QString description;
    QDateTime created; ///< UTC
    bool hasMemoryState = false;
    QString parent;    ///< the snapshot that was current when this one was taken; may be empty
    QString thumbnail; ///< absolute path of a PNG of the screen, or empty
    /// False when a disk (added after it was taken, or the UEFI variables) does not hold it:
    /// it stays listed, and reverting is left to QEMU. Not stored: the images say.
    bool coversEveryDisk = true;

    friend bool operator==(const SnapshotInfo &, const SnapshotInfo &) = default;
};

/// The snapshot tree of one VM, stored as `<vm folder>/snapshots.json` (written atomically
/// with VmLibrary::writeFileAtomically) and thumbnails under `<vm folder>/snapshots/` (see
/// VmLayout). A thumbnail a record names outside that folder is ignored, never deleted.
///
/// The images are the truth: reconcile() adds snapshots made outside Berth on every disk (as
/// roots, with no description), drops those no disk holds any more (their children move to
/// their parent), and clears the "current" marker when it names one that is gone. A record
/// some disks do not hold (a disk was added after it) stays, marked (coversEveryDisk).
class SnapshotStore final
{
    Q_DECLARE_TR_FUNCTIONS(SnapshotStore)

public:
    static constexpr int SchemaVersion = 1;

    explicit SnapshotStore(QString vmFolder);

    /// Why @p tag cannot name a snapshot, or empty: not empty, at most 127 characters, no
    /// control characters, no leading or trailing whitespace, not only digits (qemu-img and
    /// QEMU also match a tag against snapshot ids).
    static QString validateTag(const QString &tag);

    QString vmFolder() const { return m_vmFolder; }

    /// Reads snapshots.json; a missing file is an empty tree. Fails when the file is
    /// unreadable or not Berth's.
    Outcome<> load();
    Outcome<> save() const;

    /// In creation order.
    const QList<SnapshotInfo> &snapshots() const { return m_snapshots; }
    const SnapshotInfo *find(const QString &name) const;
    QStringList children(const QString &parent) const;
    /// The snapshot the VM's disks descend from ("you are here"); empty when unknown.
    QString current() const { return m_current; }
    void setCurrent(const QString &name) { m_current = name; }

    /// Adds @p info as a child of current() (unless it names a parent) and makes it current.
    void add(SnapshotInfo info);
    /// Removes @p name; its children move to its parent, and so does the current marker.
    void remove(const QString &name);
    /// Makes the tree match @p onImage, the snapshots on any disk (ImageSnapshot::onAnyDisk(),
    /// see the class comment). True when anything changed.
    bool reconcile(const QList<ImageSnapshot> &onImage);

    /// For a VM whose folder was copied or imported from elsewhere: the records' thumbnails
    /// still name the old folder, so each is pointed at the file of the same name in this
    /// VM's thumbnail folder (or dropped when there is none there). Saves when anything
    /// changed.
    Outcome<> adoptThumbnails();

private:
    QString m_vmFolder;
    QList<SnapshotInfo> m_snapshots;
    QString m_current;
};
