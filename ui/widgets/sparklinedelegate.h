// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QStyledItemDelegate>

/// Paints VmListModel's usage columns: a small line chart of the recent values
/// (VmListModel::SparklineRole, 0..1) behind the current value's text.
///
/// Plain QPainter over at most VmListModel::SparklineSamples points, in the palette's
/// highlight colour (the highlighted text colour on a selected row), so it follows
/// light and dark themes.
class SparklineDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SparklineDelegate)

public:
    explicit SparklineDelegate(QObject *parent = nullptr);
    ~SparklineDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
