// SPDX-License-Identifier: GPL-2.0-or-later
// berth host, and the admission check of berth start and berth view.
#include "app/cli/resourcecommands.h"

#include "models/common/procstat.h"
#include "models/disks/diskimageusers.h"
#include "models/resources/memoryadmission.h"
#include "models/resources/memorybalancer.h"
#include "models/settings/appsettings.h"
#include "models/vm/cpucontrol.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace {

void setRatio(CliSession &s)
{
    const QString text = s.parser().value(u"overcommit-ratio"_s);
    bool ok = false;
    const double ratio = text.toDouble(&ok);
    if (!ok || ratio < AppSettings::MinOvercommitRatio || ratio > AppSettings::MaxOvercommitRatio)
        throw CliError{CliText::tr("--overcommit-ratio takes a number from %1 to %2, not \"%3\"")
                           .arg(AppSettings::MinOvercommitRatio)
                           .arg(AppSettings::MaxOvercommitRatio)
                           .arg(text),
                       CliUsage};
    AppSettings::setOvercommitRatio(ratio);
}

int cmdHost(CliSession &s)
{
    if (s.parser().isSet(u"overcommit-ratio"_s))
        setRatio(s);
    if (s.parser().isSet(u"balancer"_s)) {
        const QString value = s.parser().value(u"balancer"_s);
        if (value != "on"_L1 && value != "off"_L1)
            throw CliError{CliText::tr("--balancer takes on or off, not \"%1\"").arg(value),
                           CliUsage};
        MemoryBalancer::setEnabledInSettings(value == "on"_L1);
    }
    const MemoryAdmission::Budget b = MemoryAdmission::budgetNow(s.library());
    QJsonArray running;
    for (const VmEntry &e : s.library().entries()) {
        if (DiskImageUsers::isRunning(e))
            running.append(QJsonObject{{u"name"_s, e.name()},
                                       {u"memory_mib"_s, e.definition.memoryMiB},
                                       {u"cpus"_s, e.definition.cpus}});
    }
    const CpuControl::Host cpu = CpuControl::detect();
    const QJsonObject mechanisms{
        {u"cpu_weight"_s, CpuControl::mechanismName(cpu.weight())},
        {u"cpu_weight_with_limit"_s, CpuControl::mechanismName(cpu.weightWithLimit())},
        {u"cpu_limit"_s, CpuControl::mechanismName(cpu.limit())},
        {u"cpu_affinity"_s, CpuControl::mechanismName(CpuControl::Mechanism::Affinity)},
        {u"io_limits"_s, u"qemu-throttle-group"_s},
        {u"memory_target"_s, u"virtio-balloon"_s},
    };
    const QJsonObject o{
        {u"cpus"_s, ProcStat::hostCpuCount()},
        {u"mechanisms"_s, mechanisms},
        {u"memory_total_mib"_s, b.hostTotalMiB},
        {u"memory_available_mib"_s, b.hostAvailableMiB},
        {u"committed_mib"_s, b.committedMiB},
        {u"overcommit_ratio"_s, b.ratio},
        {u"memory_limit_mib"_s, b.limitMiB()},
        {u"running"_s, running},
        {u"balancer"_s, MemoryBalancer::enabledInSettings() ? u"on"_s : u"off"_s},
    };
    if (s.json()) {
        printJson(s.out(), o);
        return CliSuccess;
    }
    const QLocale locale;
    printLine(s.out(), CliText::tr("CPUs: %1").arg(ProcStat::hostCpuCount()));
    printLine(s.out(),
              CliText::tr("Memory: %1 MiB, %2 MiB available")
                  .arg(locale.toString(b.hostTotalMiB), locale.toString(b.hostAvailableMiB)));
    printLine(s.out(), CliText::tr("Given to running VMs: %1 MiB of %2 MiB (overcommit ratio %3)")
                           .arg(locale.toString(b.committedMiB), locale.toString(b.limitMiB()),
                                locale.toString(b.ratio, 'g', 3)));
    printLine(s.out(), CliText::tr("CPU weight: %1 (with a limit: %2); CPU limit: %3; affinity: %4")
                           .arg(mechanisms.value("cpu_weight"_L1).toString(),
                                mechanisms.value("cpu_weight_with_limit"_L1).toString(),
                                mechanisms.value("cpu_limit"_L1).toString(),
                                mechanisms.value("cpu_affinity"_L1).toString()));
    printLine(s.out(), MemoryBalancer::enabledInSettings()
                           ? CliText::tr("Memory balancer: on (run by the window)")
                           : CliText::tr("Memory balancer: off"));
    for (const QJsonValue &v : std::as_const(running)) {
        const QJsonObject r = v.toObject();
        printLine(s.out(), u"  %1\t%2"_s.arg(r.value("name"_L1).toString(),
                                             CliText::tr("%1 MiB").arg(locale.toString(
                                                 r.value("memory_mib"_L1).toInteger()))));
    }
    return CliSuccess;
}

} // namespace

void admitStart(CliSession &s, const VmEntry &e)
{
    const MemoryAdmission::Verdict v = MemoryAdmission::forStart(s.library(), e.definition);
    if (v.refused && !s.parser().isSet(u"force"_s))
        throw CliError{v.reason + u' ' + CliText::tr("(--force starts it anyway)")};
    if (!v.message().isEmpty())
        printLine(s.err(), CliText::tr("warning: %1").arg(v.message()));
}

void addResourceCommands(CliCommandTable &t)
{
    t[u"host"_s] = {
        QT_TRANSLATE_NOOP("CommandLine",
                          "Show this computer's CPUs and memory, the memory given to running VMs "
                          "and the overcommit ratio that limits it."),
        "",
        {{u"overcommit-ratio"_s,
          CliText::tr("Set how much memory the running VMs may be given together, as a multiple "
                      "of this computer's memory (default 1; the same as in Preferences)."),
          u"R"_s},
         {u"balancer"_s,
          CliText::tr("Let the window move memory between running VMs through their balloons "
                      "when this computer runs short: on or off (the same as in Preferences)."),
          u"on|off"_s}},
        cmdHost};
}
