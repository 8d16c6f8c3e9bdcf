// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/common/outcome.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

/// A private network of the library: an Ethernet segment between the VMs plugged into it.
///
/// QEMU carries it as UDP multicast on the loopback interface (`-netdev socket,mcast=
/// GROUP:PORT,localaddr=127.0.0.1`): no root needed, nothing leaves this computer (the
/// packets go out of `lo` only, with a TTL of 1), and each network has its own group and
/// port, so networks never see each other's frames. What it is not: a wall against other
/// programs of this computer, which may join a multicast group on loopback too.
class VmLibrary;

struct PrivateNetwork
{
    QString name;
    QString group; ///< the multicast group, 239.255.x.y (administratively scoped)
    quint16 port = 0;

    friend bool operator==(const PrivateNetwork &, const PrivateNetwork &) = default;
};

/// The library's private networks, kept in `<library>/networks.json` (0600, written
/// atomically under a lock, as vm.json is).
class PrivateNetworks final
{
    Q_DECLARE_TR_FUNCTIONS(PrivateNetworks)

public:
    explicit PrivateNetworks(QString libraryRoot);

    /// `<libraryRoot>/networks.json`.
    static QString filePath(const QString &libraryRoot);

    /// Every network, by name. No file: none. A file that cannot be read is a failure.
    Outcome<QList<PrivateNetwork>> list() const;
    /// The network called @p name, or a failure that says how to create it.
    Outcome<PrivateNetwork> find(const QString &name) const;
    /// Adds a network with a group and port no other network of the library has.
    Outcome<PrivateNetwork> create(const QString &name);
    /// Removes it, also while VMs still have a card on it (their start then says so).
    Outcome<> remove(const QString &name);
    /// Removes it unless a VM of @p library has a card on it: the failure names them. The
    /// window's Private Networks dialog and `berth network delete` use this.
    Outcome<> removeUnused(const QString &name, const VmLibrary &library);
    /// The names of the VMs of @p library with a card on the network @p name.
    static QStringList users(const QString &name, const VmLibrary &library);

private:
    /// Under the file's lock: reads the networks, lets @p edit change them (or say why not,
    /// in a sentence for the user) and writes them back.
    Outcome<> change(const std::function<QString(QList<PrivateNetwork> &)> &edit);

    QString m_root;
};
