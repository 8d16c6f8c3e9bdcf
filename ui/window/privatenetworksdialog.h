// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QTreeWidget;
class VmLibrary;

/// File → Private Networks… (Ctrl+Shift+L): the library's private networks (PrivateNetworks),
/// with the VMs on each; Create… and Delete do what `berth network create` and `berth network
/// delete` do, through the same code (a network VMs still use is not deleted: the dialog
/// says which). A VM joins one in its settings (Network cards) or with `berth set VM --network
/// private:NAME`. Window-modal, opened with open().
class PrivateNetworksDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PrivateNetworksDialog)

public:
    /// @p library must outlive the dialog.
    explicit PrivateNetworksDialog(VmLibrary *library, QWidget *parent = nullptr);
    ~PrivateNetworksDialog() override;

    /// Creates the network @p name; false with the reason shown when it cannot.
    bool createNetwork(const QString &name);
    /// Deletes the selected network; false with the reason shown when it cannot.
    bool deleteSelected();

private:
    void reload();
    void askName();

    VmLibrary *m_library;
    QTreeWidget *m_list = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_delete = nullptr;
};
