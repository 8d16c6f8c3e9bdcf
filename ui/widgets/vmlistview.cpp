// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/widgets/vmlistview.h"

#include "models/itemmodels/vmlistmodel.h"
#include "models/vm/vmstate.h"

#include <QContextMenuEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QStyle>

using namespace Qt::Literals::StringLiterals;

VmListView::VmListView(QWidget *parent)
    : QTreeView(parent)
{
    setObjectName(u"vmList"_s);
    setRootIsDecorated(false);
    setItemsExpandable(false);
    setUniformRowHeights(true);
    setAllColumnsShowFocus(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSortingEnabled(true);
    setAlternatingRowColors(true);
    setAccessibleName(tr("Virtual machines"));
    header()->setSectionsMovable(true);
    // The notes take what is left, down to a sliver (a stretched *last* section would not
    // shrink below its default width, and a scroll bar would appear instead).
    header()->setStretchLastSection(false);
    header()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header(), &QHeaderView::customContextMenuRequested, this, &VmListView::showColumnMenu);
}

VmListView::~VmListView() = default;

void VmListView::setModel(QAbstractItemModel *model)
{
    QTreeView::setModel(model);
    if (model && model->columnCount() > VmListModel::NotesColumn)
        header()->setSectionResizeMode(VmListModel::NotesColumn, QHeaderView::Stretch);
}

void VmListView::resizeColumnsToContents()
{
    if (!model())
        return;
    for (int c = 0; c < model()->columnCount() - 1; ++c)
        resizeColumnToContents(c);
    // Room for a longer name than the ones there now, and for every state and accelerator
    // a VM can come to show, not just today's.
    const QFontMetrics fm = fontMetrics();
    const int padding = 2 * style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, this) + 4;
    const int icon = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this) + 4;
    setColumnWidth(VmListModel::NameColumn,
                   std::max(columnWidth(VmListModel::NameColumn), fm.horizontalAdvance(u'M') * 12));
    int state = fm.horizontalAdvance(tr("Broken"));
    for (const VmState s :
         {VmState::Stopped, VmState::Starting, VmState::Running, VmState::Pausing, VmState::Paused,
          VmState::Resuming, VmState::ShuttingDown, VmState::Stopping, VmState::Crashed,
          VmState::Panicked, VmState::Unreachable})
        state = std::max(state, fm.horizontalAdvance(vmStateDisplayName(s)));
    setColumnWidth(VmListModel::StateColumn,
                   std::max(columnWidth(VmListModel::StateColumn), state + icon + padding));
    const int accel =
        std::max({fm.horizontalAdvance(tr("TCG (emulated)")), fm.horizontalAdvance(tr("Automatic")),
                  fm.horizontalAdvance(u"KVM"_s)});
    // The usage sparklines: a number and a chart about as wide.
    for (const int usage : {VmListModel::CpuUsageColumn, VmListModel::MemoryUsageColumn})
        setColumnWidth(usage,
                       std::max(columnWidth(usage), fm.horizontalAdvance(u"1000 MiB"_s) * 2 + 14));
    setColumnWidth(VmListModel::AcceleratorColumn,
                   std::max(columnWidth(VmListModel::AcceleratorColumn), accel + padding));
    // A long name is elided, not given the whole list.
    setColumnWidth(VmListModel::NameColumn,
                   std::min(columnWidth(VmListModel::NameColumn), fm.horizontalAdvance(u'M') * 20));
}

void VmListView::showDefaultColumns()
{
    // The screen gets most of the window: by default the list shows what tells VMs apart
    // and what they are doing; the header's menu shows the rest.
    for (int c = 0; model() && c < model()->columnCount(); ++c)
        header()->setSectionHidden(c, c != VmListModel::NameColumn &&
                                          c != VmListModel::StateColumn &&
                                          c != VmListModel::CpuUsageColumn);
}

int VmListView::fitVisibleColumns(int maxWidth)
{
    int width = 2 * frameWidth() + style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this);
    for (int c = 0; model() && c < model()->columnCount(); ++c) {
        if (!header()->isSectionHidden(c))
            width += header()->sectionSize(c);
    }
    if (width > maxWidth) {
        // The name gives way (it elides), down to a few characters.
        const int name = columnWidth(VmListModel::NameColumn);
        const int fitted = std::max(fontMetrics().horizontalAdvance(u'M') * 8,
                                    name - (width - maxWidth));
        setColumnWidth(VmListModel::NameColumn, fitted);
        width -= name - fitted;
    }
    return std::min(width, maxWidth);
}

void VmListView::showColumnMenu(const QPoint &pos)
{
    QMenu menu(this);
    for (int c = 0; model() && c < model()->columnCount(); ++c) {
        QAction *a = menu.addAction(model()->headerData(c, Qt::Horizontal).toString());
        a->setCheckable(true);
        a->setChecked(!header()->isSectionHidden(c));
        a->setEnabled(c != VmListModel::NameColumn);
        connect(a, &QAction::toggled, this, [this, c](bool on) {
            header()->setSectionHidden(c, !on);
            if (on && header()->sectionSize(c) < 20)
                resizeColumnToContents(c);
        });
    }
    menu.exec(header()->viewport()->mapToGlobal(pos));
}

void VmListView::contextMenuEvent(QContextMenuEvent *event)
{
    if (!m_menu)
        return;
    if (event->reason() == QContextMenuEvent::Keyboard) {
        popupAtCurrentRow();
        event->accept();
        return;
    }
    if (!indexAt(event->pos()).isValid()) { // viewport coordinates
        clearSelection();                   // a click beside the rows: only "New VM…" applies
        setCurrentIndex({});
    }
    m_menu->popup(event->globalPos());
    event->accept();
}

void VmListView::keyPressEvent(QKeyEvent *event)
{
    if (m_menu && event->key() == Qt::Key_F10 && event->modifiers() == Qt::ShiftModifier) {
        popupAtCurrentRow();
        event->accept();
        return;
    }
    QTreeView::keyPressEvent(event);
}

void VmListView::popupAtCurrentRow()
{
    const QRect rect = visualRect(currentIndex());
    m_menu->popup(viewport()->mapToGlobal(rect.isValid() ? rect.bottomLeft() : QPoint(0, 0)));
}
