// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/common/outcome.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeView;
class SnapshotOperation;
class SnapshotTreeModel;
class VmInstance;

/// The Snapshots tab: one VM's snapshot tree ("you are here" on the current one), a
/// thumbnail of the selected snapshot, and Take / Revert / Delete.
///
/// Revert asks first and says what will be lost, offering to take a snapshot of the
/// current state before reverting. While an action runs, its step shows with a busy bar
/// and the buttons are disabled; a failure shows its reason. Everything is reachable from
/// the keyboard (the tree takes focus; the buttons have mnemonics; Delete deletes).
class SnapshotPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnapshotPage)

public:
    explicit SnapshotPage(QWidget *parent = nullptr);
    ~SnapshotPage() override;

    /// Shows @p instance's snapshots (null: nothing). Cheap when it is the same VM.
    void setVm(VmInstance *instance);

    SnapshotTreeModel *model() const { return m_model.get(); }
    SnapshotOperation *operation() const { return m_operation.get(); }
    QTreeView *view() const { return m_view; }
    /// The status line: the running step, the last error, or a hint.
    QString statusText() const;

    /// Actions without dialogs (the buttons ask first, then call these).
    void takeSnapshot(const QString &name, const QString &description);
    void revertTo(const QString &name, bool snapshotFirst);
    void deleteSnapshot(const QString &name);

private:
    void askTake();
    void askRevert();
    void askDelete();
    void refreshList();
    void updateButtons();
    void updateSelection();
    QString selectedName() const;
    void onFinished(const Outcome<> &outcome);

    QPointer<VmInstance> m_instance;
    std::unique_ptr<SnapshotOperation> m_operation;
    std::unique_ptr<SnapshotTreeModel> m_model;
    QString m_thenRevertTo;     ///< "snapshot first" pending revert
    quint64 m_vmGeneration = 0; ///< bumped when the page shows another VM
    int m_listMode = 0;         ///< see listMode() in the .cpp: the list is reread when it changes

    QTreeView *m_view;
    QLabel *m_thumbnail;
    QLabel *m_details; ///< what the selected snapshot is
    QLabel *m_status;
    QProgressBar *m_busy;
    QPushButton *m_take;
    QPushButton *m_revert;
    QPushButton *m_delete;
};
