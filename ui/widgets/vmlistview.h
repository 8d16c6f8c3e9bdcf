// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QTreeView>

class QMenu;

/// The VM list: a flat, sortable table with one row per VM and a context menu that is
/// also reachable from the keyboard (the Menu key or Shift+F10 opens it at the current
/// row, not at the mouse). Right-clicking the header shows or hides columns.
class VmListView final : public QTreeView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VmListView)

public:
    explicit VmListView(QWidget *parent = nullptr);
    ~VmListView() override;

    void setModel(QAbstractItemModel *model) override;

    /// The menu shown on right-click; not owned.
    void setContextMenu(QMenu *menu) { m_menu = menu; }

    /// Sizes the columns to their contents once, for a first start without saved state.
    void resizeColumnsToContents();
    /// Shows only the name, state and CPU use (a first start without saved state).
    void showDefaultColumns();
    /// The width that shows the visible columns without a horizontal scroll bar, at most
    /// @p maxWidth: the name column is narrowed (it elides) when they do not fit.
    int fitVisibleColumns(int maxWidth);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;
    /// Shift+F10 opens the context menu too, as on other desktops.
    void keyPressEvent(QKeyEvent *event) override;

private:
    void popupAtCurrentRow();
    void showColumnMenu(const QPoint &pos);

    QMenu *m_menu = nullptr;
};
