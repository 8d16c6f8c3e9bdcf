// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/resources/memoryadmission.h"

#include "models/common/procstat.h"
#include "models/disks/diskimageusers.h"
#include "models/settings/appsettings.h"

#include <QLocale>

#include <cmath>

namespace {

QString mib(qint64 value)
{
    return QLocale().toString(value);
}

} // namespace

qint64 MemoryAdmission::Budget::limitMiB() const
{
    return qint64(std::floor(double(hostTotalMiB) * ratio));
}

MemoryAdmission::Verdict MemoryAdmission::judge(const QString &vmName, qint64 memoryMiB,
                                                const Budget &budget)
{
    Verdict v;
    if (budget.hostTotalMiB <= 0)
        return v;
    const qint64 after = budget.committedMiB + memoryMiB;
    if (after > budget.limitMiB()) {
        v.refused = true;
        v.reason =
            tr("Starting “%1” (%2 MiB) would give the running virtual machines %3 MiB of memory "
               "(%4 MiB already), more than this computer can back: %5 MiB of memory × "
               "overcommit ratio %6 = %7 MiB. Stop another VM, give “%1” less memory, or raise "
               "the overcommit ratio.")
                .arg(vmName, mib(memoryMiB), mib(after), mib(budget.committedMiB),
                     mib(budget.hostTotalMiB), QLocale().toString(budget.ratio, 'g', 3),
                     mib(budget.limitMiB()));
        return v;
    }
    if (memoryMiB > budget.hostAvailableMiB)
        v.warning = tr("“%1” is given %2 MiB of memory, but only %3 MiB is available on this "
                       "computer now. It may slow down the host, or be ended when memory runs "
                       "out.")
                        .arg(vmName, mib(memoryMiB), mib(budget.hostAvailableMiB));
    return v;
}

MemoryAdmission::Budget MemoryAdmission::budgetNow(const VmLibrary &library, const QUuid &excluded)
{
    Budget b;
    if (const std::optional<ProcStat::HostMemory> m = ProcStat::hostMemory()) {
        b.hostTotalMiB = m->totalBytes / (1024 * 1024);
        b.hostAvailableMiB = m->availableBytes / (1024 * 1024);
    }
    for (const VmEntry &e : library.entries()) {
        if (e.definition.uuid != excluded && DiskImageUsers::isRunning(e))
            b.committedMiB += e.definition.memoryMiB;
    }
    b.ratio = AppSettings::overcommitRatio();
    return b;
}

MemoryAdmission::Verdict MemoryAdmission::forStart(const VmLibrary &library,
                                                   const VmDefinition &definition)
{
    return judge(definition.name, definition.memoryMiB, budgetNow(library, definition.uuid));
}
