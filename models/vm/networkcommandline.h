// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/vm/vmdefinition.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

/// The network part of QEMU's command line for one VM (QemuCommandLine asks it): one
/// `-netdev` and one `-device` per card, ids from VmDevices.
///
///   nat            -netdev user,id=netN[,hostfwd=tcp:127.0.0.1:H-:G...] (forwards on the
///                  first NAT card only)
///   private:NAME   -netdev socket,id=netN,mcast=GROUP:PORT,localaddr=127.0.0.1 (the group
///                  and port PrivateNetworks keeps for NAME)
///   bridge:NAME    -netdev bridge,id=netN,br=NAME,helper=qemu-bridge-helper
///
/// each card `-device MODEL,netdev=netN,id=nicN,mac=MAC` with the VM's card model and
/// VmDefinition::macOf(N).
class NetworkCommandLine final
{
    Q_DECLARE_TR_FUNCTIONS(NetworkCommandLine)

public:
    /// Why the network of @p definition cannot start now, or empty: a private network the
    /// library (@p libraryRoot) does not have, a bridge the host does not allow, a host port
    /// of a forward that cannot be listened on, a MAC address another VM of the library has
    /// on the same private network or bridge (macConflict()).
    static QString check(const VmDefinition &definition, const QString &libraryRoot);
    /// Why @p definition cannot join its private networks and bridges beside the other VMs
    /// of the library: one of them has a card with the same MAC on the same segment.
    static QString macConflict(const VmDefinition &definition, const QString &libraryRoot);
    /// The arguments. Meaningful only when check() is empty.
    static QStringList arguments(const VmDefinition &definition, const QString &libraryRoot);

    /// The index of the card that carries the port forwards (the first NAT card), or -1.
    static qsizetype forwardingCard(const VmDefinition &definition);
};
