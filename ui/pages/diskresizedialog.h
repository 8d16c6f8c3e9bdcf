// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDialog>

class DiskImageJob;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class VmLibrary;

/// Makes a disk image larger: shows its size now (qemu-img info), takes the new size
/// ("40G"), and resizes with qemu-img (DiskImageJob::resize, as `berth disk resize`),
/// never on the GUI thread. Closing while it works cancels.
class DiskResizeDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiskResizeDialog)

public:
    DiskResizeDialog(const QString &imagePath, VmLibrary *library, QWidget *parent = nullptr);
    ~DiskResizeDialog() override;

    void reject() override;

private:
    void updateState();
    void onFinished(bool ok, const QString &message);

    QString m_path;
    DiskImageJob *m_job;
    qint64 m_currentSize = -1;
    bool m_resizing = false;
    QString m_jobError;
    QLabel *m_current;
    QLineEdit *m_size;
    QLabel *m_problem;
    QProgressBar *m_busy;
    QDialogButtonBox *m_buttons;
};
