// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/vmlimits.h"

#include "models/common/procstat.h"
#include "models/vm/cpucontrol.h"
#include "models/vm/qemumachines.h"
#include "models/vm/vmdefinition.h"

#include <QLocale>

using namespace Qt::Literals::StringLiterals;

const QStringList &VmLimits::diskBuses()
{
    static const QStringList buses{u"virtio"_s, u"sata"_s, u"ide"_s, u"scsi"_s};
    return buses;
}

const QStringList &VmLimits::diskFormats()
{
    static const QStringList formats{u"qcow2"_s, u"raw"_s,  u"vmdk"_s,
                                     u"vdi"_s,   u"vhdx"_s, u"qed"_s};
    return formats;
}

const QStringList &VmLimits::nicModels()
{
    static const QStringList models{u"virtio"_s, u"e1000e"_s, u"e1000"_s, u"rtl8139"_s};
    return models;
}

VmLimits::Verdict VmLimits::check(const VmDefinition &d)
{
    Verdict v;
    v.error = d.validate();
    if (!v.error.isEmpty())
        return v;
    const QLocale locale;
    if (const qint64 host = ProcStat::hostMemoryMiB(); host > 0 && d.memoryMiB > host) {
        v.error = tr("%1 MiB of memory is more than this computer has (%2 MiB).")
                      .arg(locale.toString(d.memoryMiB), locale.toString(host));
        return v;
    }
    if (!QemuMachines::isOffered(d.machine)) {
        v.error = tr("This QEMU does not offer the machine type “%1”.").arg(d.machine);
        return v;
    }
    // What this host can enforce of the VM's CPU share (a limit needs a cgroup; CPUs it has).
    if (const QString why = CpuControl::check(d.resources, CpuControl::detect()); !why.isEmpty()) {
        v.error = why;
        return v;
    }
    if (d.cpus > ProcStat::hostCpuCount())
        v.warning =
            tr("%n virtual CPU(s) on a computer with %1: the VM will run slowly.", nullptr, d.cpus)
                .arg(tr("%n hardware thread(s)", nullptr, ProcStat::hostCpuCount()));
    return v;
}
