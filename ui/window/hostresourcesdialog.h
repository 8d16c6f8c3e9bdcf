// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDialog>
#include <QPointer>

class QLabel;
class QTableWidget;
class StatsSampler;
class VmListModel;

/// View → Host Resources (Ctrl+Shift+H): how the running VMs share this computer, side by
/// side — each VM's memory, memory target, what its guest uses (balloon statistics), CPU
/// weight and limit, vCPU affinity and disk limits — under the host's memory, the memory
/// given to running VMs against the admission limit (MemoryAdmission) and the mechanisms
/// this host uses (CpuControl). Refreshed with every statistics sample; not modal.
class HostResourcesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostResourcesDialog)

public:
    HostResourcesDialog(VmListModel *model, StatsSampler *sampler, QWidget *parent = nullptr);
    ~HostResourcesDialog() override;

    QTableWidget *table() const { return m_table; }
    QString summaryText() const;

    void refresh();

private:
    VmListModel *m_model;
    QPointer<StatsSampler> m_sampler;
    QLabel *m_summary;
    QLabel *m_mechanisms;
    QTableWidget *m_table;
};
