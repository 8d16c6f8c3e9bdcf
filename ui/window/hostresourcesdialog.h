// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDialog>
#include <QPointer>

class MemoryBalancer;
class QLabel;
class QListWidget;
class QTableWidget;
class StatsSampler;
class VmListModel;

/// View → Host Resources (Ctrl+Shift+H): how the running VMs share this computer, side by
/// side — each VM's memory, memory target, what its guest uses (balloon statistics), CPU
/// weight and limit, vCPU affinity and disk limits — under the host's memory, the memory
/// given to running VMs against the admission limit (MemoryAdmission) and the mechanisms
/// this host uses (CpuControl), and the memory balancer's state and recent actions
/// (MemoryBalancer). Refreshed with every statistics sample; not modal.
class HostResourcesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostResourcesDialog)

public:
    /// @p balancer may be null.
    HostResourcesDialog(VmListModel *model, StatsSampler *sampler, MemoryBalancer *balancer,
                        QWidget *parent = nullptr);
    ~HostResourcesDialog() override;

    QTableWidget *table() const { return m_table; }
    QListWidget *balancerActions() const { return m_actions; }
    QString summaryText() const;

    void refresh();

private:
    VmListModel *m_model;
    QPointer<StatsSampler> m_sampler;
    QPointer<MemoryBalancer> m_balancer;
    QLabel *m_summary;
    QLabel *m_mechanisms;
    QTableWidget *m_table;
    QLabel *m_noneRunning;
    QLabel *m_balancerState;
    QListWidget *m_actions;
};
