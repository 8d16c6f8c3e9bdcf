// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/vm/vmnetwork.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

/// What this computer allows a VM's network: host ports it can listen on, bridges it may
/// join. Asked before QEMU starts and before a forward is added, so that the user reads the
/// reason in Berth's words and the definition stays as it was.
class HostNetwork final
{
    Q_DECLARE_TR_FUNCTIONS(HostNetwork)

public:
    /// Why QEMU could not listen on every host port of @p forwards now, or empty: a port in
    /// use by another program, a port below 1024 this user may not take, an address that is
    /// not this computer's. Tries each (bind, then close at once).
    static QString portRefusal(const QList<PortForward> &forwards);
    /// The same for one forward.
    static QString portRefusal(const PortForward &forward);

    /// Where qemu-bridge-helper and its configuration are; tests point elsewhere.
    struct BridgePaths
    {
        QString helper = QStringLiteral("/usr/lib/qemu/qemu-bridge-helper");
        QString config = QStringLiteral("/etc/qemu/bridge.conf");
        QString sysClassNet = QStringLiteral("/sys/class/net");
    };
    /// Why a VM cannot join the host bridge @p bridge through qemu-bridge-helper, or empty:
    /// no helper, a helper that is not setuid root (unless Berth runs as root), no such
    /// bridge, or one that bridge.conf does not allow ("allow NAME" or "allow all", also in
    /// files it includes). Each reason says exactly what to configure.
    static QString bridgeRefusal(const QString &bridge, const BridgePaths &paths);
    /// The same with the installed helper and /etc/qemu/bridge.conf.
    static QString bridgeRefusal(const QString &bridge);
};
