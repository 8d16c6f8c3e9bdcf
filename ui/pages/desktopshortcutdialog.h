// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/settings/desktopshortcut.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

/// Asks where a VM's launcher goes (desktop, applications menu, another folder) and what it
/// does (a window, or full screen) before DesktopShortcut writes it; `berth shortcut` takes
/// the same choices as options.
class DesktopShortcutDialog final : public QDialog
{
    Q_OBJECT

public:
    /// For the VM @p vmName of the library at @p libraryRoot.
    DesktopShortcutDialog(const QString &vmName, const QString &libraryRoot,
                          QWidget *parent = nullptr);

    /// What the user chose; the folder is empty while "another folder" has none.
    DesktopShortcut::Request request() const;

private:
    void update();

    DesktopShortcut::Request m_base;
    QRadioButton *m_desktop;
    QRadioButton *m_menu;
    QRadioButton *m_other;
    QLineEdit *m_folder;
    QPushButton *m_browse;
    QCheckBox *m_fullScreen;
    QLabel *m_command;
    QLabel *m_note; ///< a folder is missing, or a launcher is replaced
    QPushButton *m_create = nullptr;
};
