// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/resources/memorybalancer.h"

#include "models/common/procstat.h"
#include "models/stats/statssampler.h"
#include "models/vm/vminstance.h"
#include "models/vm/vmregistry.h"
#include "qmp/qemumonitor.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QSettings>

#include <algorithm>

Q_LOGGING_CATEGORY(lcBalancer, "berth.resources")

using namespace Qt::Literals::StringLiterals;

namespace {

qint64 reserveOf(const MemoryBalancer::Guest &g)
{
    return MemoryBalancer::ReserveMiB + g.actualMiB / 10;
}

} // namespace

bool MemoryBalancer::enabledInSettings()
{
    return QSettings().value(u"resources/balancer"_s, false).toBool();
}

void MemoryBalancer::setEnabledInSettings(bool on)
{
    QSettings().setValue(u"resources/balancer"_s, on);
}

qint64 MemoryBalancer::floorFor(qint64 memoryMiB, qint64 targetMiB)
{
    if (targetMiB > 0)
        return targetMiB;
    return std::min(memoryMiB, std::max<qint64>(128, memoryMiB / 4));
}

std::optional<MemoryBalancer::Action> MemoryBalancer::decide(const QList<Guest> &guests,
                                                             qint64 hostAvailableMiB, qint64 lowMiB)
{
    const QLocale locale;
    if (hostAvailableMiB < lowMiB) {
        const Guest *best = nullptr;
        qint64 bestSpare = 0;
        for (const Guest &g : guests) {
            const qint64 spare = std::min(g.availableMiB - reserveOf(g), g.actualMiB - g.floorMiB);
            if (spare > bestSpare) {
                best = &g;
                bestSpare = spare;
            }
        }
        if (!best)
            return std::nullopt;
        const qint64 take = std::min({StepMiB, bestSpare, lowMiB - hostAvailableMiB + StepMiB});
        Action a{QDateTime::currentDateTimeUtc(), best->uuid, best->name, best->actualMiB,
                 best->actualMiB - take,          QString()};
        a.reason = tr("the host had %1 MiB available, below %2 MiB; “%3” had %4 MiB free")
                       .arg(locale.toString(hostAvailableMiB), locale.toString(lowMiB), best->name,
                            locale.toString(best->availableMiB));
        return a;
    }
    const Guest *neediest = nullptr;
    for (const Guest &g : guests) {
        if (g.actualMiB < g.memoryMiB && g.availableMiB < reserveOf(g) &&
            (!neediest || g.availableMiB < neediest->availableMiB))
            neediest = &g;
    }
    if (!neediest || hostAvailableMiB - StepMiB < lowMiB)
        return std::nullopt;
    const qint64 give = std::min(StepMiB, neediest->memoryMiB - neediest->actualMiB);
    Action a{QDateTime::currentDateTimeUtc(), neediest->uuid, neediest->name, neediest->actualMiB,
             neediest->actualMiB + give,      QString()};
    a.reason = tr("“%1” had only %2 MiB available; the host has %3 MiB")
                   .arg(neediest->name, locale.toString(neediest->availableMiB),
                        locale.toString(hostAvailableMiB));
    return a;
}

MemoryBalancer::MemoryBalancer(VmRegistry *registry, StatsSampler *sampler, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_sampler(sampler)
    , m_lowMiB(ProcStat::hostMemoryMiB() / 10)
{
    if (m_sampler)
        connect(m_sampler, &StatsSampler::sampled, this, &MemoryBalancer::onSampled);
}

MemoryBalancer::~MemoryBalancer() = default;

void MemoryBalancer::setEnabled(bool on)
{
    m_enabled = on;
    if (!on)
        m_targets.clear();
}

void MemoryBalancer::onSampled()
{
    if (!m_enabled || m_busy || !m_registry || !m_sampler)
        return;
    QList<Guest> guests;
    qint64 given = 0;
    for (VmInstance *vm : m_registry->instances()) {
        if (vm->pid() <= 0 || vm->state() != VmState::Running || !vm->qmp())
            continue;
        const VmStatsSample s = m_sampler->latest(vm->definition().uuid);
        if (!VmStatsSample::known(s.guestTotalMiB) || !VmStatsSample::known(s.guestAvailableMiB))
            continue; // its driver has not reported: nothing to weigh
        const VmDefinition &d = vm->definition();
        // What the balloon leaves it: the target set last (by this balancer, or the VM's own
        // memory target at its start). The guest's MemTotal is a little less (the kernel's
        // own reservations), so it is not the measure.
        const qint64 target = m_targets.value(
            d.uuid, d.resources.memoryTargetMiB > 0 ? d.resources.memoryTargetMiB : d.memoryMiB);
        Guest g{d.uuid,      d.name,
                d.memoryMiB, floorFor(d.memoryMiB, d.resources.memoryTargetMiB),
                target,      qint64(s.guestAvailableMiB)};
        given += g.actualMiB;
        guests << g;
    }
    qint64 available = m_budgetMiB - given;
    if (m_budgetMiB <= 0) {
        const std::optional<ProcStat::HostMemory> host = ProcStat::hostMemory();
        if (!host)
            return;
        available = host->availableBytes / (1024 * 1024);
    }
    const std::optional<Action> action = decide(guests, available, m_lowMiB);
    if (!action)
        return;
    VmInstance *vm = m_registry->instance(action->uuid);
    if (!vm || !vm->qmp())
        return;
    m_busy = true;
    QemuMonitor(*vm->qmp())
        .setBalloonTarget(action->toMiB * 1024 * 1024, this,
                          [this, a = *action](const QmpResult<void> &r) {
                              m_busy = false;
                              if (!r) {
                                  qCWarning(lcBalancer) << "balloon of" << a.name
                                                        << "refused:" << r.error().message();
                                  return;
                              }
                              qCInfo(lcBalancer).noquote() << a.name << a.fromMiB << "MiB ->"
                                                           << a.toMiB << "MiB:" << a.reason;
                              m_targets.insert(a.uuid, a.toMiB);
                              m_actions << a;
                              while (m_actions.size() > KeptActions)
                                  m_actions.removeFirst();
                              Q_EMIT acted(a);
                          });
}
