// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/vm/vmlibrary.h"
#include "models/vm/vmstate.h"

#include <QAbstractTableModel>
#include <QSet>
#include <QTimer>
#include <QUuid>

#include <vector>

class StatsSampler;
class VmInstance;
class VmRegistry;

/// The VMs of one library with their live state: one row per VM folder, broken ones
/// included (with the reason).
///
/// The rows observe a VmRegistry, which owns each readable VM's instance and follows what
/// other Berth processes do. Changes of many rows are batched into one dataChanged per
/// event-loop pass. With a StatsSampler (setStatsSampler()), the usage columns show each
/// running VM's CPU and memory use, updated with one dataChanged per sampler tick (over the
/// rows that run, or have just stopped; none while nothing runs).
class VmListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VmListModel)

public:
    enum Column
    {
        NameColumn,
        StateColumn,
        CpuUsageColumn,    ///< "37 %" (100 % = one host core); SparklineRole
        MemoryUsageColumn, ///< guest memory in use; SparklineRole
        AcceleratorColumn,
        MemoryColumn,
        CpusColumn,
        NotesColumn,
        ColumnCount
    };
    enum Role
    {
        StateRole = Qt::UserRole + 1, ///< VmState as int; -1 for a broken entry
        UuidRole,                     ///< QUuid
        BrokenReasonRole,             ///< QString, empty when readable
        FolderRole,                   ///< QString
        /// Usage columns: QList<float>, the recent values scaled to 0..1 of what the VM
        /// has (its vCPUs, its memory), oldest first, NaN where unknown; empty when the
        /// VM does not run.
        SparklineRole,
        /// Usage columns: the current value as a number for sorting (-1 when unknown).
        SortValueRole,
    };
    /// How many samples SparklineRole gives.
    static constexpr int SparklineSamples = 60;

    /// @p registry must outlive the model.
    explicit VmListModel(VmRegistry *registry, QObject *parent = nullptr);
    ~VmListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    VmLibrary *library() const;
    VmRegistry *registry() const { return m_registry; }
    /// Null for broken entries and invalid indexes.
    VmInstance *instance(const QModelIndex &index) const;
    const VmEntry *entry(const QModelIndex &index) const;
    QModelIndex indexOf(const QUuid &uuid, int column = 0) const;

    /// Re-reads the library now; the rows follow.
    void reload();

    /// Tracks every VM with @p sampler (not owned; must outlive the model) and fills the
    /// usage columns from it.
    void setStatsSampler(StatsSampler *sampler);

    /// Memory as the list shows it: "512 MiB", "2 GiB", "1.5 GiB".
    static QString formatMemory(int mib);
    /// Whether a dataChanged(@p topLeft, @p bottomRight) covers only the usage columns,
    /// which change with every stats tick: listeners that follow states, names or
    /// settings skip those.
    static bool isUsageOnly(const QModelIndex &topLeft, const QModelIndex &bottomRight);

private:
    struct Row
    {
        VmEntry entry;
        VmInstance *instance = nullptr; ///< the registry's; null for a broken entry
        bool usageShown = false;        ///< the usage columns showed a running VM at the last tick
    };

    bool isRow(const QModelIndex &index) const;
    void syncRows();
    void markDirty(const QUuid &uuid);
    void flushDirty();
    void onSampled();
    QVariant usageData(const Row &row, int column, int role) const;

    VmRegistry *m_registry;
    StatsSampler *m_sampler = nullptr;
    std::vector<Row> m_rows;
    QTimer m_dirtyTimer;
    QSet<QUuid> m_dirty;
};
