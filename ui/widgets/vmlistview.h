// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QTreeView>

class QMenu;

/// The VM list: a flat, sortable table with one row per VM and a context menu that is
/// also reachable from the keyboard (the Menu key or Shift+F10 opens it at the current
/// row, not at the mouse).
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

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;
    /// Shift+F10 opens the context menu too, as on other desktops.
    void keyPressEvent(QKeyEvent *event) override;

private:
    void popupAtCurrentRow();

    QMenu *m_menu = nullptr;
};
