// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/vm/vmlibrary.h"
#include "models/vm/vmstate.h"

#include <QFileSystemWatcher>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>
#include <QUuid>

#include <memory>

class VmInstance;

/// The VMs of one library as one long-lived Berth process (the window) sees them: one
/// VmInstance (MonitorRole::Gui) per readable VM, owned here and attached to its QEMU when
/// one runs. Item models, the tray and the main window observe the registry; none of them
/// owns an instance or derives "is it running" on its own.
///
/// It follows what other Berth processes do, without polling: the library root, every VM
/// folder and the runtime folders are watched, so a VM created, changed, deleted or started
/// from the CLI appears here within a moment; state changes arrive as QMP events.
class VmRegistry final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VmRegistry)

public:
    /// @p library must outlive the registry; the registry reloads it when the disk changes.
    explicit VmRegistry(VmLibrary *library, QObject *parent = nullptr);
    ~VmRegistry() override;

    VmLibrary *library() const { return m_library; }
    /// The instance of the VM with @p uuid; null for an unknown (or broken) one.
    VmInstance *instance(const QUuid &uuid) const;
    QList<VmInstance *> instances() const;

    /// VMs with a QEMU process that is not paused (starting, running, shutting down...).
    int runningCount() const;
    /// VMs that are paused.
    int pausedCount() const;

    /// Re-reads the library now; instances follow, then changed() is emitted.
    void reload();

Q_SIGNALS:
    /// A VM appeared; its instance is attaching.
    void instanceAdded(VmInstance *vm);
    /// A VM left the library; @p vm is deleted right after this signal.
    void instanceRemoved(VmInstance *vm);
    /// The library's entries changed and the instances follow them.
    void changed();
    /// @p vm's state changed, or it finished attaching.
    void stateChanged(VmInstance *vm);
    /// @p vm's QEMU process ended; @p clean is false for a crash.
    void processEnded(VmInstance *vm, bool clean);
    /// runningCount() or pausedCount() may have changed.
    void countsChanged();

private:
    void sync();
    void add(const VmEntry &entry);
    void updateWatches();
    void onRuntimeChanged();

    VmLibrary *m_library;
    QHash<QUuid, VmInstance *> m_instances; // owned (children)
    QFileSystemWatcher m_watcher;
    QTimer m_reloadTimer;
};
