// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

/// One port forward of QEMU's user-mode network (slirp): connections to a host port reach a
/// port of the guest. The same rule text serves `-netdev user,hostfwd=...` and the monitor's
/// `hostfwd_add`.
struct QemuHostForward
{
    enum class Protocol
    {
        Tcp,
        Udp
    };

    Protocol protocol = Protocol::Tcp;
    QString hostAddress; ///< empty: every host address (QEMU's default, 0.0.0.0)
    quint16 hostPort = 0;
    QString guestAddress; ///< empty: the guest's first DHCP address (10.0.2.15)
    quint16 guestPort = 0;

    /// "tcp:127.0.0.1:2222-:22": the whole rule, for hostfwd= and hostfwd_add.
    QString rule() const;
    /// "tcp:127.0.0.1:2222": the host side, which names the rule for hostfwd_remove.
    QString hostSide() const;

    friend bool operator==(const QemuHostForward &, const QemuHostForward &) = default;
};
