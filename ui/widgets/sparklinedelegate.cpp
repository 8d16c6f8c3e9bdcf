// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/widgets/sparklinedelegate.h"

#include "models/itemmodels/vmlistmodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

SparklineDelegate::SparklineDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

SparklineDelegate::~SparklineDelegate() = default;

void SparklineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background, focus

    // The chart on the left, the number on the right: never one over the other.
    const int textWidth = text.isEmpty() ? 0 : opt.fontMetrics.horizontalAdvance(text) + 8;
    const QRect area = opt.rect.adjusted(3, 3, -3 - textWidth, -3);
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    QColor line =
        opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Highlight);
    const QList<float> values = index.data(VmListModel::SparklineRole).value<QList<float>>();

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    if (values.size() >= 2 && area.width() > 4 && area.height() > 4) {
        // The newest value at the right edge; one slot per sample of a full sparkline,
        // so a VM that just started fills in from the right.
        const qreal step = qreal(area.width()) / (VmListModel::SparklineSamples - 1);
        const qreal x0 = area.right() - step * qreal(values.size() - 1);
        QPainterPath path;
        QPainterPath fill;
        bool inRun = false;
        qreal runStart = 0;
        qreal lastX = 0;
        auto closeRun = [&] {
            if (!inRun)
                return;
            fill.lineTo(lastX, area.bottom());
            fill.lineTo(runStart, area.bottom());
            fill.closeSubpath();
            inRun = false;
        };
        for (qsizetype i = 0; i < values.size(); ++i) {
            const float v = values[i];
            if (std::isnan(v)) {
                closeRun();
                continue;
            }
            const qreal x = x0 + step * qreal(i);
            const qreal y = area.bottom() - qreal(std::clamp(v, 0.0f, 1.0f)) * area.height();
            if (!inRun) {
                path.moveTo(x, y);
                fill.moveTo(x, area.bottom());
                fill.lineTo(x, y);
                runStart = x;
                inRun = true;
            } else {
                path.lineTo(x, y);
                fill.lineTo(x, y);
            }
            lastX = x;
        }
        closeRun();
        QColor area_ = line;
        area_.setAlphaF(0.25f);
        painter->fillPath(fill, area_);
        painter->setPen(QPen(line, 1.2));
        painter->drawPath(path);
    }
    painter->restore();

    if (!text.isEmpty()) {
        // The number over the chart, right-aligned like the other numeric columns.
        painter->save();
        painter->setPen(
            opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
        painter->setFont(opt.font);
        painter->drawText(opt.rect.adjusted(4, 0, -4, 0), Qt::AlignRight | Qt::AlignVCenter, text);
        painter->restore();
    }
}

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    // Room for "1000 MiB" and a chart about as wide.
    size.setWidth(option.fontMetrics.horizontalAdvance(u"1000 MiB"_s) * 2 + 14);
    return size;
}
