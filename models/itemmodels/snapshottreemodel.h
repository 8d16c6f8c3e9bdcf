// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/snapshots/snapshotstore.h"

#include <QAbstractItemModel>
#include <QList>

class SnapshotOperation;

/// One VM's snapshot tree: each snapshot under the one that was current when it was taken.
///
/// Follows a SnapshotOperation: the tree is rebuilt from its store whenever an action
/// finishes (a reset; a tree of snapshots is small). A parent chain that loops or names a
/// snapshot that is gone puts the snapshot at the top level, so every snapshot shows.
///
/// Columns: Name (with "you are here" on the current one), Taken, Contents, Description.
class SnapshotTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnapshotTreeModel)

public:
    enum Column
    {
        NameColumn,
        CreatedColumn,
        ContentsColumn,
        DescriptionColumn,
        ColumnCount
    };
    enum Role
    {
        NameRole = Qt::UserRole + 1, ///< QString: the bare tag
        IsCurrentRole,               ///< bool
        HasMemoryStateRole,          ///< bool
        ThumbnailPathRole,           ///< QString, may be empty
        CreatedRole,                 ///< QDateTime (UTC)
        CoversEveryDiskRole,         ///< bool: false when a disk added later lacks it
    };

    /// @p operation must outlive the model; null for an always-empty model.
    explicit SnapshotTreeModel(SnapshotOperation *operation, QObject *parent = nullptr);
    ~SnapshotTreeModel() override;

    /// Rebuilds the tree from @p store (what the operation does after each action).
    void setStore(const SnapshotStore &store);

    /// The index of @p name in column 0, or invalid.
    QModelIndex indexOf(const QString &name) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        SnapshotInfo info;
        int parent = -1; ///< index in m_nodes, -1 for the top level
        int row = 0;     ///< position among its siblings
        QList<int> children;
    };

    const Node *nodeOf(const QModelIndex &index) const;
    const QList<int> &childrenOf(const QModelIndex &parent) const;

    QList<Node> m_nodes;
    QList<int> m_roots;
    QString m_current;
};
