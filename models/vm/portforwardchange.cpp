// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/portforwardchange.h"

#include "models/vm/hostnetwork.h"
#include "models/vm/networkcommandline.h"
#include "models/vm/vmdevices.h"
#include "models/vm/vminstance.h"
#include "models/vm/vmlibrary.h"
#include "models/vm/vmlifecycle.h"
#include "qmp/qemumonitor.h"

#include <QTimer>

using namespace Qt::Literals::StringLiterals;

PortForwardChange::PortForwardChange(VmLibrary *library, VmInstance *instance, QObject *parent)
    : QObject(parent)
    , m_library(library)
    , m_instance(instance)
{}

PortForwardChange::~PortForwardChange() = default;

bool PortForwardChange::live(QString &refusal) const
{
    const VmState state = m_instance->state();
    if (!VmLifecycle::hasProcess(state))
        return false;
    if ((state != VmState::Running && state != VmState::Paused) || !m_instance->qmp())
        refusal = tr("%1 is %2: change its port forwards once it runs or has stopped.")
                      .arg(m_instance->definition().name, vmStateDisplayName(state));
    return true;
}

void PortForwardChange::add(const PortForward &forward)
{
    m_forward = forward;
    m_adding = true;
    m_live = false;
    const VmDefinition &d = m_instance->definition();
    VmDefinition changed = d;
    changed.portForwards << forward;
    QString why = changed.validate();
    if (why.isEmpty())
        why = HostNetwork::portRefusal(forward);
    bool running = false;
    if (why.isEmpty())
        running = live(why);
    if (!why.isEmpty())
        return finish(Failure(why));
    m_live = running;
    m_rules = forward.rules();
    if (running)
        return applyLive(m_rules, true, 0);
    write();
}

void PortForwardChange::remove(const QString &protocol, quint16 hostPort)
{
    m_adding = false;
    m_live = false;
    const VmDefinition &d = m_instance->definition();
    const auto it =
        std::find_if(d.portForwards.cbegin(), d.portForwards.cend(), [&](const PortForward &f) {
            return f.protocol == protocol && hostPort >= f.hostPort && hostPort <= f.hostLast();
        });
    if (it == d.portForwards.cend())
        return finish(Failure(
            tr("%1 has no forward of host port %2/%3.").arg(d.name).arg(hostPort).arg(protocol)));
    m_forward = *it;
    QString why;
    const bool running = live(why);
    if (!why.isEmpty())
        return finish(Failure(why));
    m_live = running;
    m_rules = m_forward.rules();
    if (running)
        return applyLive(m_rules, false, 0);
    write();
}

void PortForwardChange::applyLive(const QList<QemuHostForward> &rules, bool adding, qsizetype next)
{
    if (next == rules.size())
        return write();
    QmpClient *client = m_instance->qmp();
    if (!client)
        return undoLive(rules, adding, next,
                        Failure(tr("Lost the monitor of %1.").arg(m_instance->definition().name)));
    const QString netdev =
        VmDevices::networkBackend(NetworkCommandLine::forwardingCard(m_instance->definition()));
    const auto done = [this, rules, adding, next](const QmpResult<void> &r) {
        if (!r)
            return undoLive(rules, adding, next,
                            Failure(tr("QEMU refused the forward of host port %1/%2: %3")
                                        .arg(rules[next].hostPort)
                                        .arg(m_forward.protocol, r.error().message())));
        applyLive(rules, adding, next + 1);
    };
    const QemuMonitor monitor(*client);
    if (adding)
        monitor.hostForwardAdd(netdev, rules[next], this, done);
    else
        monitor.hostForwardRemove(netdev, rules[next], this, done);
}

void PortForwardChange::undoLive(const QList<QemuHostForward> &rules, bool adding, qsizetype count,
                                 const Failure &failure)
{
    // Best effort, and not waited for: each undoes one rule QEMU took a moment ago.
    if (QmpClient *client = m_instance->qmp()) {
        const QemuMonitor monitor(*client);
        const QString netdev =
            VmDevices::networkBackend(NetworkCommandLine::forwardingCard(m_instance->definition()));
        for (qsizetype i = 0; i < count; ++i) {
            if (adding)
                monitor.hostForwardRemove(netdev, rules[i], this);
            else
                monitor.hostForwardAdd(netdev, rules[i], this);
        }
    }
    finish(failure);
}

void PortForwardChange::write()
{
    const VmDefinition base = m_instance->definition();
    VmDefinition changed = base;
    if (m_adding)
        changed.portForwards << m_forward;
    else
        changed.portForwards.removeOne(m_forward);
    const Outcome<VmDefinition> written = m_library->update(base.uuid, base, changed);
    if (!written) {
        if (m_live)
            return undoLive(m_rules, m_adding, m_rules.size(), written.failure());
        return finish(written.failure());
    }
    finish({});
}

void PortForwardChange::finish(const Outcome<> &outcome)
{
    // Always from the event loop, as QemuMonitor's answers come.
    QTimer::singleShot(0, this, [this, outcome] { Q_EMIT finished(outcome); });
}
