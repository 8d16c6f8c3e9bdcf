// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/vm/vmdefinition.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QPushButton;
class QTreeWidget;

/// A VM's disks on its settings page, in boot order: select one to change its bus, move it
/// up or down (the first boots first; the CD-ROM boots after the disks), resize its image
/// or detach it. Add… asks the window for the New Disk Image wizard aimed at this VM (the
/// new image goes into the VM's folder, named from the VM: VmLayout::newDiskPath()).
///
/// Bus, order and detaching are edits of the form (applied with the page's Apply);
/// resizing changes the image at once and not the definition.
class DiskListEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiskListEditor)

public:
    explicit DiskListEditor(QWidget *parent = nullptr);
    ~DiskListEditor() override;

    QList<VmDisk> disks() const { return m_disks; }
    /// Shows @p disks; keeps the selected disk selected when it is still there.
    void setDisks(const QList<VmDisk> &disks);

Q_SIGNALS:
    /// The user changed the list (bus, order, a disk detached).
    void changed();
    /// Add… was pressed.
    void addRequested();
    /// Resize… was pressed for the image @p path.
    void resizeRequested(const QString &path);

private:
    void fill();
    int current() const;
    void select(int row);
    void move(int by);
    void updateButtons();

    QList<VmDisk> m_disks;
    QTreeWidget *m_list;
    QComboBox *m_bus;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_resize;
    QPushButton *m_up;
    QPushButton *m_down;
};
