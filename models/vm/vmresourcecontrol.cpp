// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/vmresourcecontrol.h"

#include "models/vm/cpucontrol.h"
#include "models/vm/vmdevices.h"
#include "qmp/qemumonitor.h"

#include <memory>

using namespace Qt::Literals::StringLiterals;

void VmResourceControl::apply(const QemuMonitor &monitor, qint64 pid, const VmDefinition &d,
                              QObject *context, std::function<void(const QString &)> done)
{
    const CpuControl::Host host = CpuControl::detect();
    if (const QString why = CpuControl::check(d.resources, host); !why.isEmpty()) {
        if (done)
            done(why);
        return;
    }

    struct Pending
    {
        int calls = 0;
        QString error;
        std::function<void(const QString &)> done;
    };
    auto pending = std::make_shared<Pending>();
    pending->done = std::move(done);
    const auto answer = [pending](const QString &what) {
        return [pending, what](const QmpResult<void> &r) {
            if (!r && pending->error.isEmpty())
                pending->error = what.arg(r.error().message());
            if (--pending->calls == 0 && pending->done)
                pending->done(pending->error);
        };
    };

    const VmResources &r = d.resources;
    QemuIoThrottle limits;
    limits.readBytesPerSecond = r.ioReadBps;
    limits.writeBytesPerSecond = r.ioWriteBps;
    limits.iops = r.ioIops;
    pending->calls = int(d.disks.size()) + 2;
    for (qsizetype i = 0; i < d.disks.size(); ++i) {
        // A virtio-blk-pci device is a PCI proxy: its block backend is its virtio child.
        const QString device =
            d.disks[i].bus == "virtio"_L1
                ? QemuMonitor::peripheralPath(VmDevices::diskDevice(i)) + u"/virtio-backend"_s
                : VmDevices::diskDevice(i);
        monitor.setIoThrottle(device, limits, IoThrottleGroup, context,
                              answer(tr("QEMU refused the I/O limits: %1")));
    }
    const qint64 targetMiB = r.memoryTargetMiB > 0 ? r.memoryTargetMiB : d.memoryMiB;
    monitor.setBalloonTarget(targetMiB * 1024 * 1024, context,
                             answer(tr("QEMU refused the memory target: %1")));
    monitor.queryCpusFast(context, [pending, pid, d, host](const QmpResult<QList<QemuCpu>> &cpus) {
        QString why;
        if (!cpus) {
            why = tr("QEMU did not name its vCPU threads: %1").arg(cpus.error().message());
        } else {
            QList<qint64> threads;
            for (const QemuCpu &cpu : cpus.value())
                threads << cpu.threadId;
            why = CpuControl::apply(pid, d.uuid, threads, d.resources, host);
        }
        if (!why.isEmpty() && pending->error.isEmpty())
            pending->error = why;
        if (--pending->calls == 0 && pending->done)
            pending->done(pending->error);
    });
}
