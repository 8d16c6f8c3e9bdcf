// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/vm/vmlibrary.h"

#include <QDialog>
#include <QList>
#include <QStringList>

class QCheckBox;

/// "Delete “web”?": what goes (the VM's folder, entirely: settings, logs, snapshot records)
/// and, for each disk, a checkbox saying where the image came from. Images Berth created
/// for the VM are ticked; images the user brought in are never deleted (their checkbox is
/// unticked and disabled, saying so). Kept images inside the VM's folder are moved to the
/// library's images folder, which the dialog names. Cancel is the default button.
///
/// The choice is carried out by VmLibrary::removeWithDisks(), as `berth delete` does.
class DeleteVmDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeleteVmDialog)

public:
    DeleteVmDialog(const VmEntry &entry, const QString &imagesFolder, QWidget *parent = nullptr);
    ~DeleteVmDialog() override;

    /// The VM's folder (to find it again once the user has answered).
    QString folder() const { return m_folder; }
    /// The images ticked for deletion.
    QStringList disksToDelete() const;

private:
    QString m_folder;
    QList<QPair<QCheckBox *, QString>> m_disks;
};
