// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/swtpmwatcher.h"

#include "models/vm/swtpm.h"
#include "models/vm/vmlayout.h"

using namespace std::chrono_literals;

namespace {

// QEMU ends a moment after it closes swtpm's connection (which ends swtpm): as long as the
// grace VmInstance gives a closed monitor before it calls the monitor lost.
constexpr auto kGrace = 1s;

} // namespace

SwtpmWatcher::SwtpmWatcher(QObject *parent)
    : QObject(parent)
{
    m_grace.setSingleShot(true);
    connect(&m_process, &QemuProcessWatcher::exited, this, [this] { m_grace.start(kGrace); });
    connect(&m_grace, &QTimer::timeout, this, &SwtpmWatcher::ended);
}

bool SwtpmWatcher::watch(const VmLayout &layout)
{
    stop();
    const qint64 pid = Swtpm::runningPid(layout);
    // Checked again once the pidfd is open: the pid cannot be recycled behind it.
    if (pid == 0 || !m_process.watch(pid) || Swtpm::runningPid(layout) != pid) {
        m_process.stop();
        return false;
    }
    return true;
}

void SwtpmWatcher::stop()
{
    m_process.stop();
    m_grace.stop();
}
