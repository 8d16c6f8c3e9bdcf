// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/vm/vminstance.h"
#include "models/vm/vmlibrary.h"
#include "models/vm/vmlifecycle.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUuid>

#include <chrono>
#include <functional>

class QAction;
class QMessageBox;
class QWidget;
class VmListModel;

/// The lifecycle actions of the window (toolbar, "Virtual Machine" menu, context menu):
/// New VM…, Start, Pause, Resume, Reset…, Shut Down, Force Off…, Delete….
///
/// They act on the current VM (setCurrent()) and are enabled exactly when VmLifecycle's
/// table allows them for its state; a disabled action's status tip says why. Reset and
/// Force Off ask first; Delete asks too (disks kept unless ticked) and is also offered for
/// a broken VM. The per-VM functions (startVm()...) do the same for any VM: the tray's
/// quick actions use them, so both behave alike (Shut Down's timeout and question
/// included).
///
/// Start first asks MemoryAdmission (the policy `berth start` follows) and asks the user
/// (non-modal) before starting a VM that the host cannot back or that exceeds the memory
/// available now.
///
/// Every VM's failures (VmInstance::actionFailed) come out of failed(), whichever VM is
/// current. When a graceful shutdown times out, a non-modal question offers "Keep
/// Waiting" (presses the power button again, with the same timeout) or "Force Off".
/// Every dialog here is asynchronous (open() / show()); none runs a nested event loop.
class VmActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VmActions)

public:
    /// @p window parents the dialogs; @p model gives the library and the instances.
    VmActions(VmListModel *model, QWidget *window);
    ~VmActions() override;

    QAction *newVm() const { return m_newVm; }
    QAction *start() const { return m_start; }
    QAction *pause() const { return m_pause; }
    QAction *resume() const { return m_resume; }
    QAction *reset() const { return m_reset; }
    QAction *shutdown() const { return m_shutdown; }
    QAction *forceOff() const { return m_forceOff; }
    QAction *remove() const { return m_remove; }

    /// The VM the actions apply to; @p instance is null for a broken one. Call again
    /// (or refresh()) when its state may have changed.
    void setCurrent(VmInstance *instance, const VmEntry &entry);
    void clearCurrent();
    /// Re-reads the current VM's state and updates what is enabled.
    void refresh();

    /// Reports @p instance's failures through failed() and asks the user when its
    /// shutdown times out. Call once per instance.
    void watch(VmInstance *instance);

    /// The actions for any VM, not only the current one, as the window's do them.
    void startVm(VmInstance *vm);
    void pauseVm(VmInstance *vm);
    void resumeVm(VmInstance *vm);
    void shutDownVm(VmInstance *vm);
    /// Asks first.
    void resetVm(VmInstance *vm);
    /// Asks first.
    void forceOffVm(VmInstance *vm);

    /// Re-reads the icons (after the window's palette or style changed).
    void updateIcons();

    /// Asked before any start (the window's, the tray's): runs its continuation to go on,
    /// or drops it to cancel. The window asks about unapplied settings here.
    using StartGate = std::function<void(VmInstance *vm, const std::function<void()> &go)>;
    void setStartGate(StartGate gate) { m_startGate = std::move(gate); }

    /// How long Shut Down waits for the guest before asking (default 60 s).
    void setShutdownTimeout(std::chrono::milliseconds timeout) { m_shutdownTimeout = timeout; }
    std::chrono::milliseconds shutdownTimeout() const { return m_shutdownTimeout; }

Q_SIGNALS:
    void newVmRequested();
    /// Something went wrong with the VM @p vm (null: with none in particular); @p message
    /// is for the user (it names the VM).
    void failed(const QUuid &vm, const QString &message);
    /// Something worth a line in the status bar happened.
    void notice(const QString &message);

private:
    QAction *makeAction(const QString &objectName, const QString &text, const char *iconName,
                        int fallbackIcon, const QKeySequence &shortcut, const QString &tip);
    VmInstance *current() const { return m_instance.data(); }
    QString currentName() const { return m_entry.name(); }

    void startAfterGate(VmInstance *vm);
    void confirmOvercommit(VmInstance *vm, const QString &warning);
    void confirmDelete();
    void deleteVm(const QString &folder, const QStringList &deleteDisks);
    void askAfterShutdownTimeout(VmInstance *instance);
    QMessageBox *question(const QString &objectName, const QString &title, const QString &text,
                          const QString &informative, const QString &confirmText);

    struct IconSpec
    {
        QAction *action;
        const char *themeName;
        int fallback;
    };

    VmListModel *m_model;
    StartGate m_startGate;
    QList<IconSpec> m_icons;
    QWidget *m_window;
    QPointer<VmInstance> m_instance;
    VmEntry m_entry;
    bool m_hasCurrent = false;
    std::chrono::milliseconds m_shutdownTimeout;
    QHash<VmInstance *, std::chrono::milliseconds> m_shutdownTimeouts;
    QHash<VmInstance *, QPointer<QMessageBox>> m_shutdownPrompts;

    QAction *m_newVm;
    QAction *m_start;
    QAction *m_pause;
    QAction *m_resume;
    QAction *m_reset;
    QAction *m_shutdown;
    QAction *m_forceOff;
    QAction *m_remove;
};
