// SPDX-License-Identifier: GPL-2.0-or-later
#include "qmp/qemuhostforward.h"

using namespace Qt::Literals::StringLiterals;

QString QemuHostForward::hostSide() const
{
    return u"%1:%2:%3"_s.arg(protocol == Protocol::Udp ? "udp"_L1 : "tcp"_L1, hostAddress)
        .arg(hostPort);
}

QString QemuHostForward::rule() const
{
    return u"%1-%2:%3"_s.arg(hostSide(), guestAddress).arg(guestPort);
}
