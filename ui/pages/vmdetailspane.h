// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/vm/vminstance.h"
#include "models/vm/vmlibrary.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class DefinitionEditor;
class ElidedLabel;
class DisplayPage;
class DisplayWindow;
class PerformancePage;
class QFrame;
class QLabel;
class QTabWidget;
class ResourcesPage;
class QTimer;
class SerialConsoleView;
class SnapshotPage;
class StatsSampler;

/// The right side of the window: what the selected VM is doing and what it is.
///
///   header     name, state icon and a status line: state, QEMU's pid, the accelerator
///              in effect ("KVM" / "TCG (emulated)"), or the one the next start will use
///   problem    why the VM is broken (its definition cannot be read), why it crashed, or
///              why its last start failed: VmInstance::lastError() in full
///   tabs       Display (the VM's screen), Settings (DefinitionEditor, editable while
///              stopped), Serial Console, Snapshots (SnapshotPage) and Performance
///              (PerformancePage, live charts once setStatsSampler() was called) and
///              Resources (ResourcesPage: CPU, memory target and disk limits, live)
class VmDetailsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VmDetailsPane)

public:
    /// @p library must outlive the pane.
    explicit VmDetailsPane(VmLibrary *library, QWidget *parent = nullptr);
    ~VmDetailsPane() override;

    /// Shows @p entry; @p instance is null for a broken VM. Call again when its state or
    /// definition may have changed.
    void setVm(VmInstance *instance, const VmEntry &entry);
    void clear();

    DefinitionEditor *editor() const { return m_editor; }
    SerialConsoleView *console() const { return m_console; }
    DisplayPage *displayPage() const { return m_display; }
    SnapshotPage *snapshotPage() const { return m_snapshots; }
    PerformancePage *performancePage() const { return m_performance; }
    ResourcesPage *resourcesPage() const { return m_resources; }
    /// Feeds the Performance tab; not owned.
    void setStatsSampler(StatsSampler *sampler);
    QTabWidget *tabs() const { return m_tabs; }

    /// Shows the VM's screen full screen (in a window of its own), or ends that.
    void setDisplayFullScreen(bool on);
    /// The window of its own the selected VM's screen is detached into, or null.
    DisplayWindow *detachedDisplay() const;

    /// The status line's text, e.g. "Running · QEMU process 1234 · TCG (emulated)".
    QString statusText() const;
    /// The problem shown, or empty.
    QString problemText() const;

Q_SIGNALS:
    /// "Start" on the Display tab of a stopped VM, or in its detached or full-screen
    /// window: the main window starts @p vm as its Start does (asking what it asks).
    void startRequested(VmInstance *vm);

protected:
    void changeEvent(QEvent *event) override;

private:
    /// Start in @p window (detached or full screen) asks the main window, as the tab does.
    void startsThroughThisPane(DisplayWindow *window);
    void refresh();
    void detach();
    /// Asks QEMU where the running VM's guest is (GuestAddress) for the status line.
    void askGuestAddress();

    QPointer<VmInstance> m_instance;
    VmEntry m_entry;
    bool m_hasVm = false;
    QString m_guestAddress; ///< of m_instance's guest, while it runs; empty when unknown
    QTimer *m_addressTimer;
    /// Detached screens by VM: the tab says "shown in its own window" instead of a second copy.
    QHash<VmInstance *, QPointer<DisplayWindow>> m_detached;

    QLabel *m_icon;
    ElidedLabel *m_name;
    QLabel *m_status;
    QFrame *m_problemFrame;
    QLabel *m_problemIcon;
    QLabel *m_problem;
    QTabWidget *m_tabs;
    DefinitionEditor *m_editor;
    SerialConsoleView *m_console;
    DisplayPage *m_display;
    SnapshotPage *m_snapshots;
    PerformancePage *m_performance;
    ResourcesPage *m_resources;
};
