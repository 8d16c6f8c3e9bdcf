// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/itemmodels/snapshottreemodel.h"

#include "models/snapshots/snapshotoperation.h"

#include <QHash>
#include <QLocale>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

SnapshotTreeModel::SnapshotTreeModel(SnapshotOperation *operation, QObject *parent)
    : QAbstractItemModel(parent)
{
    if (!operation)
        return;
    setStore(operation->store());
    connect(operation, &SnapshotOperation::finished, this,
            [this, operation] { setStore(operation->store()); });
}

SnapshotTreeModel::~SnapshotTreeModel() = default;

void SnapshotTreeModel::setStore(const SnapshotStore &store)
{
    beginResetModel();
    m_nodes.clear();
    m_roots.clear();
    m_current = store.current();
    QHash<QString, int> byName;
    for (const SnapshotInfo &info : store.snapshots()) {
        byName.insert(info.name, int(m_nodes.size()));
        m_nodes.append({info, -1, 0, {}});
    }
    for (int i = 0; i < m_nodes.size(); ++i) {
        // Walk up: a parent that is missing, or a loop, makes this a top-level snapshot.
        int parent = byName.value(m_nodes[i].info.parent, -1);
        QSet<int> seen{i};
        for (int up = parent; up != -1; up = byName.value(m_nodes[up].info.parent, -1)) {
            if (seen.contains(up)) {
                parent = -1;
                break;
            }
            seen.insert(up);
        }
        m_nodes[i].parent = parent;
        QList<int> &siblings = parent == -1 ? m_roots : m_nodes[parent].children;
        m_nodes[i].row = int(siblings.size());
        siblings.append(i);
    }
    endResetModel();
}

QModelIndex SnapshotTreeModel::indexOf(const QString &name) const
{
    for (int i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes[i].info.name == name)
            return createIndex(m_nodes[i].row, 0, quintptr(i));
    }
    return {};
}

const SnapshotTreeModel::Node *SnapshotTreeModel::nodeOf(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() >= quintptr(m_nodes.size()))
        return nullptr;
    return &m_nodes[qsizetype(index.internalId())];
}

const QList<int> &SnapshotTreeModel::childrenOf(const QModelIndex &parent) const
{
    const Node *node = nodeOf(parent);
    return node ? node->children : m_roots;
}

QModelIndex SnapshotTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    const QList<int> &children = childrenOf(parent);
    if (row < 0 || row >= children.size())
        return {};
    return createIndex(row, column, quintptr(children[row]));
}

QModelIndex SnapshotTreeModel::parent(const QModelIndex &child) const
{
    const Node *node = nodeOf(child);
    if (!node || node->parent == -1)
        return {};
    return createIndex(m_nodes[node->parent].row, 0, quintptr(node->parent));
}

int SnapshotTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(childrenOf(parent).size());
}

int SnapshotTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant SnapshotTreeModel::data(const QModelIndex &index, int role) const
{
    const Node *node = nodeOf(index);
    if (!node)
        return {};
    const SnapshotInfo &s = node->info;
    const bool current = s.name == m_current;
    switch (role) {
    case NameRole:
        return s.name;
    case IsCurrentRole:
        return current;
    case HasMemoryStateRole:
        return s.hasMemoryState;
    case ThumbnailPathRole:
        return s.thumbnail;
    case CreatedRole:
        return s.created;
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return current ? tr("%1  ◀ you are here").arg(s.name) : s.name;
        case CreatedColumn:
            return QLocale().toString(s.created.toLocalTime(), QLocale::ShortFormat);
        case ContentsColumn: {
            const QString contents = s.hasMemoryState ? tr("Memory and disks") : tr("Disks only");
            return s.coversEveryDisk ? contents : tr("%1 (not on every disk)").arg(contents);
        }
        case DescriptionColumn:
            return s.description;
        default:
            return {};
        }
    case CoversEveryDiskRole:
        return s.coversEveryDisk;
    case Qt::ToolTipRole:
        if (index.column() == ContentsColumn && !s.coversEveryDisk)
            return tr("A disk added after this snapshot was taken does not hold it: reverting "
                      "leaves that disk as it is now");
        if (index.column() == ContentsColumn)
            return s.hasMemoryState
                       ? tr("Reverting resumes the VM exactly where it was")
                       : tr("Holds the disks only: the VM must be stopped to revert to it, and "
                            "starts from a cold boot");
        return s.description.isEmpty() ? QVariant() : QVariant(s.description);
    case Qt::AccessibleTextRole:
        return current ? tr("%1, current state descends from it").arg(s.name) : s.name;
    default:
        return {};
    }
}

QVariant SnapshotTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case CreatedColumn:
        return tr("Taken");
    case ContentsColumn:
        return tr("Contents");
    case DescriptionColumn:
        return tr("Description");
    default:
        return {};
    }
}
