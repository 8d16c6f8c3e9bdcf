// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/vm/vmnetwork.h"

#include <QList>
#include <QString>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

/// The network part of the settings page: a VM's network cards (what each is plugged into:
/// NAT, one of the library's private networks, or a host bridge; its MAC address) and the
/// port forwards of its NAT card, each an editable table with Add and Remove (also Insert and
/// Delete on the table, and a context menu).
///
/// Forwards listen on 127.0.0.1 unless the user types another address; the note under the
/// table says so, and says plainly when one listens beyond this computer. Host and guest ports
/// are a port or a range ("8000-8010"). What the user typed is checked by problem() with the
/// rules `berth forward add` uses (VmNetwork).
class NetworkEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NetworkEditor)

public:
    explicit NetworkEditor(QWidget *parent = nullptr);
    ~NetworkEditor() override;

    /// The library whose private networks the card's choices list.
    void setLibraryRoot(const QString &root);
    void setNetwork(const QList<VmNic> &nics, const QList<PortForward> &forwards);
    QList<VmNic> nics() const;
    QList<PortForward> forwards() const;
    /// Why the tables cannot be saved as they are (a port that is not one), or empty.
    QString problem() const;

Q_SIGNALS:
    void changed();

private:
    void addNic(const VmNic &nic);
    void addForward(const PortForward &forward);
    void updateNote();
    /// The cards' choices: NAT, the library's private networks, this computer's bridges, and
    /// @p keep (a card's network that is in neither list any more).
    QList<VmNic> choices(const VmNic &keep) const;

    QString m_libraryRoot;
    QTableWidget *m_nics = nullptr;
    QTableWidget *m_forwards = nullptr;
    QLabel *m_note = nullptr;
    bool m_loading = false;
};
