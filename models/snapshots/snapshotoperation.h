// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/common/outcome.h"
#include "models/snapshots/snapshotstore.h"
#include "models/vm/vmdefinition.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class VmInstance;

/// Lists, creates, reverts to and deletes the snapshots of one VM, and keeps its
/// SnapshotStore in step with what the qcow2 images hold.
///
/// A running or paused VM is snapshotted live, through QMP jobs (snapshot-save,
/// snapshot-load, snapshot-delete with a "vmstate" node and "devices"): the operation
/// follows JOB_STATUS_CHANGE, reads the error of a concluded job with query-jobs and
/// dismisses it. A stopped VM is snapshotted offline with `qemu-img snapshot` (QemuImg). qemu-img
/// never touches an image while QEMU runs the VM; a VM that is starting or shutting down is
/// refused.
///
/// Every action first reads the images' snapshot lists (query-block, or qemu-img info),
/// reconciles the store, and refuses with one sentence when the action cannot work
/// (see checkSnapshottable(); a name that exists; a snapshot that is missing; a disk-only
/// snapshot reverted live; too little free space for the memory state) before any change.
///
/// One action at a time: finished() is emitted exactly once per action, always from the
/// event loop. The VmInstance must outlive the operation.
class SnapshotOperation final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnapshotOperation)

public:
    enum class Action
    {
        Refresh,
        Create,
        Revert,
        Delete
    };
    Q_ENUM(Action)

    explicit SnapshotOperation(VmInstance *vm, QObject *parent = nullptr);
    ~SnapshotOperation() override;

    /// Why @p definition cannot be snapshotted, in one sentence, or empty: no disk (the
    /// memory state needs a qcow2 disk), a disk that is not qcow2, UEFI firmware whose
    /// variables file in @p vmFolder is missing or not qcow2. A UEFI VM's qcow2
    /// variables are snapshotted, reverted and deleted with its disks.
    static QString checkSnapshottable(const VmDefinition &definition, const QString &vmFolder);

    /// The tree as of the last action (loaded from snapshots.json before the first one).
    const SnapshotStore &store() const { return m_store; }
    bool isBusy() const { return m_busy; }
    /// Whether the last action went through QEMU (true) or qemu-img (false).
    bool wasLive() const { return m_live; }

    void refresh();
    /// Takes a snapshot named @p tag; with memory state (and a thumbnail) when the VM runs.
    void create(const QString &tag, const QString &description = {});
    /// Reverts disks, and when live, memory: what happened since the snapshot is lost.
    /// Disks that do not hold it (added after it was taken) keep their contents.
    void revert(const QString &tag);
    /// Deletes one snapshot from the images that hold it; never the disks.
    void remove(const QString &tag);
    /// The disks (paths; the UEFI variables' file too) the last revert or delete left as
    /// they were because they do not hold the snapshot; empty when it was on every disk.
    QStringList untouchedDisks() const { return m_untouched; }

Q_SIGNALS:
    /// A step began ("Saving the memory state"...), for a progress line.
    void progress(const QString &step);
    /// The action ended: it worked, or why not.
    void finished(const Outcome<> &outcome);

private:
    using ListCallback = std::function<void(const QList<ImageSnapshot> &)>;
    using OutputCallback = std::function<void(const QByteArray &output)>;

    void begin(Action action, const QString &tag, const QString &description);
    void afterList(const QList<ImageSnapshot> &images);
    void finish(const Outcome<> &outcome);
    void fail(const Failure &failure) { finish(failure); }
    void fail(const QString &error) { finish(Failure(error)); }

    void readImages(const ListCallback &done);
    void readImagesOffline(qsizetype index, QList<QList<ImageSnapshot>> perDisk,
                           const ListCallback &done);
    void runQemuImg(const QStringList &arguments, const QString &image, const OutputCallback &done);
    /// Runs `qemu-img snapshot FLAG` on each of m_targets' disks, from its @p index on.
    void runOfflineOnEachDisk(const QString &flag, qsizetype index,
                              const std::function<void()> &done);
    /// Chooses m_targets (every disk to create; those holding m_tag to revert or delete)
    /// and m_untouched from m_perDisk.
    void chooseTargets();
    /// Runs the QMP job of m_action (snapshot-save, -load or -delete) on qcow2Nodes(), then
    /// @p done once it concluded well.
    void runJob(const std::function<void()> &done);
    void onJobStatus(const QString &jobId, const QString &status);
    void recordResult();

    QStringList qcow2Disks() const;
    QStringList qcow2Nodes() const;
    bool hasQcow2UefiVars() const;
    QString spaceProblem() const;

    QPointer<VmInstance> m_vm;
    SnapshotStore m_store;
    bool m_storeLoaded = false;
    bool m_busy = false;
    quint64 m_generation = 0; ///< counts actions; stale callbacks compare against it
    bool m_live = false;
    Action m_action = Action::Refresh;
    QString m_tag;
    QString m_description;
    QString m_thumbnail;
    QList<QList<ImageSnapshot>> m_perDisk; ///< by qcow2Disks() index, as last read
    QList<qsizetype> m_targets;            ///< qcow2Disks() indexes the action works on
    QStringList m_untouched;

    QString m_jobId;
    std::function<void()> m_jobDone;
    QMetaObject::Connection m_jobConnection;
    QMetaObject::Connection m_disconnectConnection;
    QTimer m_jobTimer;
};
