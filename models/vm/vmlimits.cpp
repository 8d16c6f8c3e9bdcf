// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/vmlimits.h"

#include "models/vm/qemumachines.h"
#include "models/vm/vmdefinition.h"

#include <QLocale>
#include <QThread>

#include <unistd.h>

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

qint64 VmLimits::hostMemoryMiB()
{
    const long pages = ::sysconf(_SC_PHYS_PAGES);
    const long pageSize = ::sysconf(_SC_PAGESIZE);
    return pages > 0 && pageSize > 0 ? qint64(pages) * pageSize / (1024 * 1024) : 0;
}

int VmLimits::hostCpus()
{
    return std::max(1, QThread::idealThreadCount());
}

VmLimits::Verdict VmLimits::check(const VmDefinition &d)
{
    Verdict v;
    v.error = d.validate();
    if (!v.error.isEmpty())
        return v;
    const QLocale locale;
    if (const qint64 host = hostMemoryMiB(); host > 0 && d.memoryMiB > host) {
        v.error = tr("%1 MiB of memory is more than this computer has (%2 MiB).")
                      .arg(locale.toString(d.memoryMiB), locale.toString(host));
        return v;
    }
    if (!QemuMachines::isOffered(d.machine)) {
        v.error = tr("This QEMU does not offer the machine type “%1”.").arg(d.machine);
        return v;
    }
    if (d.cpus > hostCpus())
        v.warning =
            tr("%n virtual CPU(s) on a computer with %1: the VM will run slowly.", nullptr, d.cpus)
                .arg(tr("%n hardware thread(s)", nullptr, hostCpus()));
    return v;
}
