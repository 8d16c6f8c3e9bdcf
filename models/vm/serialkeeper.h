// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/common/outcome.h"
#include "models/vm/vmlayout.h"

#include <QCoreApplication>

/// Keeps a running VM's first serial port: a small process, started just before QEMU,
/// that QEMU's serial chardev connects to (VmLayout::serialKeeperSocketPath()). It
///
///  - appends what the guest writes to serial.log, bounded: when the log would grow past
///    the limit (16 MiB unless BERTH_SERIAL_LOG_LIMIT says otherwise), its older half is
///    dropped, so a chatty or hostile guest cannot fill the user's disk;
///  - serves interactive consoles on VmLayout::serialConsoleSocketPath(): each client gets
///    the last few KiB of the log, then everything the guest writes, and what a client
///    sends goes to the guest (`berth console`, the window's Console tab). A console may
///    fall 1 MiB behind a burst; one further behind (it stopped reading) is dropped rather
///    than ever slowing the guest.
///
/// It ends when QEMU closes the connection (the VM stopped, or QEMU died), or when no
/// QEMU connected within a minute of its start. It is a fork of the starting process that
/// only makes system calls (no Qt, no allocation), detached (setsid, double fork) so that
/// it outlives that process, as QEMU does.
class SerialKeeper final
{
    Q_DECLARE_TR_FUNCTIONS(SerialKeeper)

public:
    /// The default limit of serial.log, in bytes.
    static constexpr qint64 DefaultLogLimit = 16 * 1024 * 1024;
    /// The smallest limit BERTH_SERIAL_LOG_LIMIT may set.
    static constexpr qint64 MinimumLogLimit = 64 * 1024;

    SerialKeeper() = delete;

    /// The limit in force: BERTH_SERIAL_LOG_LIMIT (bytes, at least MinimumLogLimit) or
    /// DefaultLogLimit.
    static qint64 logLimit();

    /// Starts the keeper of @p layout's VM: makes both sockets (mode 0600), opens
    /// serial.log, and forks. Returns the keeper's pid.
    static Outcome<qint64> start(const VmLayout &layout, qint64 logLimit);
};
