// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QCollator>
#include <QHash>
#include <QIcon>
#include <QPalette>
#include <QSortFilterProxyModel>

class QStyle;
class VmListModel;

/// How the window presents VmListModel: sorted by what the columns mean (memory and
/// CPUs as numbers, states in lifecycle order, names as people sort them), with a state
/// icon, a warning icon and italics for broken VMs, and numbers aligned right.
class VmListProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VmListProxyModel)

public:
    explicit VmListProxyModel(VmListModel *source, QObject *parent = nullptr);
    ~VmListProxyModel() override;

    VmListModel *vmModel() const { return m_source; }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    /// The icon for a VmListModel::StateRole value (-1 is broken): from the icon theme,
    /// with @p style's standard icons where the theme has none (see SymbolicIcon).
    static QIcon stateIcon(int state, const QStyle *style, const QPalette &palette);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QIcon cachedStateIcon(int state) const;
    int naturalCompare(const QString &a, const QString &b) const;

    VmListModel *m_source;
    QCollator m_collator;
    mutable QHash<int, QIcon> m_icons; ///< by state, for m_iconPalette
    mutable qint64 m_iconPalette = 0;
};
