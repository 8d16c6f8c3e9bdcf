// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/vm/qemuprocesswatcher.h"

#include <QObject>
#include <QTimer>

class VmLayout;

/// Tells when the swtpm of a running VM ends (see Swtpm), a moment late: swtpm ends on its
/// own when its QEMU closes the connection, so VmInstance asks after ended() whether QEMU
/// still runs before it reports a TPM lost under a running guest.
class SwtpmWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SwtpmWatcher)

public:
    explicit SwtpmWatcher(QObject *parent = nullptr);

    /// Watches the swtpm that serves @p layout's VM now (stops watching any other); false
    /// when none runs.
    bool watch(const VmLayout &layout);
    /// Stops watching without emitting anything.
    void stop();

Q_SIGNALS:
    /// The watched swtpm ended, a second ago. Emitted once per watch().
    void ended();

private:
    QemuProcessWatcher m_process;
    QTimer m_grace;
};
