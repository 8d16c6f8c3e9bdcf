// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class VmLibrary;

/// Asks how to clone a VM: the clone's name (free in the library, checked as it is typed)
/// and whether to copy the disks or make linked overlays on them, with what each means.
class CloneDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CloneDialog)

public:
    CloneDialog(const VmLibrary *library, const QString &source, QWidget *parent = nullptr);
    ~CloneDialog() override;

    QString name() const;
    bool linked() const;

private:
    void check();

    const VmLibrary *m_library;
    QLineEdit *m_name;
    QRadioButton *m_full;
    QRadioButton *m_linked;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};
