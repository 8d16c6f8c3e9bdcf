// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/vmresources.h"

#include "models/common/bytesize.h"
#include "models/common/procstat.h"
#include "models/vm/cpucontrol.h"
#include "models/vm/vmdefinition.h"
#include "models/vm/vmfields.h"

#include <QJsonValue>
#include <QLocale>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace {

using Parse = std::function<QString(VmDefinition &, const QString &)>;

/// A live row for @p member whose option is `--KEY`; @p makeParse gets the option's name
/// for its messages.
template<typename T>
VmField field(const char *key, T VmResources::*member, const char *valueName, const char *help,
              Parse (*makeParse)(T VmResources::*, const QString &option))
{
    VmField f;
    f.key = QString::fromLatin1(key);
    f.valueName = QString::fromLatin1(valueName);
    f.help = help;
    f.live = true;
    f.same = [member](const VmDefinition &a, const VmDefinition &b) {
        return a.resources.*member == b.resources.*member;
    };
    f.take = [member](VmDefinition &to, const VmDefinition &from) {
        to.resources.*member = from.resources.*member;
    };
    f.parse = makeParse(member, f.key);
    return f;
}

bool isNone(const QString &text)
{
    return text.trimmed() == "none"_L1;
}

/// A rate in bytes per second: "4194304", "4M" (binary suffixes), or none.
Parse bytesPerSecond(qint64 VmResources::*member, const QString &option)
{
    return [member, option](VmDefinition &d, const QString &text) -> QString {
        if (isNone(text)) {
            d.resources.*member = 0;
            return {};
        }
        const std::optional<qint64> v = parseByteSize(text.trimmed());
        if (!v || *v <= 0 || *v > VmResources::MaxBytesPerSecond)
            return VmFields::tr("--%1 takes bytes per second (e.g. 4M or 4194304) or none, "
                                "not \"%2\"")
                .arg(option, text);
        d.resources.*member = *v;
        return {};
    };
}

Parse count(qint64 VmResources::*member, const QString &option)
{
    return [member, option](VmDefinition &d, const QString &text) -> QString {
        if (isNone(text)) {
            d.resources.*member = 0;
            return {};
        }
        bool ok = false;
        const qint64 v = text.trimmed().toLongLong(&ok);
        if (!ok || v <= 0 || v > VmResources::MaxIops)
            return VmFields::tr("--%1 takes a whole number above 0 or none, not \"%2\"")
                .arg(option, text);
        d.resources.*member = v;
        return {};
    };
}

Parse positive(int VmResources::*member, const QString &option)
{
    return [member, option](VmDefinition &d, const QString &text) -> QString {
        if (isNone(text)) {
            d.resources.*member = 0;
            return {};
        }
        bool ok = false;
        const int v = text.trimmed().toInt(&ok);
        if (!ok || v <= 0)
            return VmFields::tr("--%1 takes a whole number above 0 or none, not \"%2\"")
                .arg(option, text);
        d.resources.*member = v;
        return {};
    };
}

Parse cpuList(QString VmResources::*member, const QString &option)
{
    return [member, option](VmDefinition &d, const QString &text) -> QString {
        if (isNone(text)) {
            d.resources.*member = QString();
            return {};
        }
        QString why;
        const std::optional<QList<int>> cpus =
            CpuControl::parseCpuList(text, ProcStat::hostCpuCount(), why);
        if (!cpus)
            return u"--%1: %2"_s.arg(option, why);
        d.resources.*member = text.trimmed();
        return {};
    };
}

/// A non-negative whole number under @p key, or @p error set.
qint64 readCount(const QJsonObject &json, const char *key, qint64 max, QString &error)
{
    const QJsonValue v = json.value(QLatin1StringView(key));
    if (v.isUndefined() || v.isNull())
        return 0;
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d < 0 || d > double(max) || d != std::floor(d)) {
        if (error.isEmpty())
            error = VmResources::tr("resources.%1 must be a whole number between 0 and %2")
                        .arg(QLatin1StringView(key))
                        .arg(max);
        return 0;
    }
    return qint64(d);
}

} // namespace

QString VmResources::validate(int memoryMiB) const
{
    if (ioReadBps < 0 || ioReadBps > MaxBytesPerSecond || ioWriteBps < 0 ||
        ioWriteBps > MaxBytesPerSecond || ioIops < 0 || ioIops > MaxIops)
        return tr("An I/O limit is out of range.");
    if (cpuWeight != 0 && (cpuWeight < CpuControl::MinWeight || cpuWeight > CpuControl::MaxWeight))
        return tr("The CPU weight must be between %1 and %2, not %3.")
            .arg(CpuControl::MinWeight)
            .arg(CpuControl::MaxWeight)
            .arg(cpuWeight);
    if (cpuLimitPercent < 0)
        return tr("The CPU limit must be above 0 %.");
    if (memoryTargetMiB != 0) {
        if (memoryTargetMiB > memoryMiB)
            return tr("The memory target (%1 MiB) is more than the VM's memory (%2 MiB).")
                .arg(QLocale().toString(memoryTargetMiB), QLocale().toString(memoryMiB));
        if (memoryTargetMiB < MinMemoryTargetMiB)
            return tr("The memory target (%1 MiB) is below the floor of %2 MiB.")
                .arg(memoryTargetMiB)
                .arg(MinMemoryTargetMiB);
    }
    return {};
}

QJsonObject VmResources::toJson() const
{
    QJsonObject o;
    const auto put = [&o](const char *key, qint64 value) {
        if (value != 0)
            o.insert(QLatin1StringView(key), value);
    };
    put("io_read_bps", ioReadBps);
    put("io_write_bps", ioWriteBps);
    put("io_iops", ioIops);
    put("memory_target_mib", memoryTargetMiB);
    put("cpu_weight", cpuWeight);
    put("cpu_limit_percent", cpuLimitPercent);
    if (!cpuAffinity.isEmpty())
        o.insert(u"cpu_affinity"_s, cpuAffinity);
    if (!emulatorAffinity.isEmpty())
        o.insert(u"emulator_affinity"_s, emulatorAffinity);
    return o;
}

bool VmResources::fromJson(const QJsonObject &json, VmResources &out, QString &error)
{
    VmResources r;
    error.clear();
    r.ioReadBps = readCount(json, "io_read_bps", MaxBytesPerSecond, error);
    r.ioWriteBps = readCount(json, "io_write_bps", MaxBytesPerSecond, error);
    r.ioIops = readCount(json, "io_iops", MaxIops, error);
    r.memoryTargetMiB = int(readCount(json, "memory_target_mib", 4 * 1024 * 1024, error));
    r.cpuWeight = int(readCount(json, "cpu_weight", CpuControl::MaxWeight, error));
    r.cpuLimitPercent = int(readCount(json, "cpu_limit_percent", 100 * 4096, error));
    for (const auto &[key, member] :
         {std::pair{"cpu_affinity", &VmResources::cpuAffinity},
          std::pair{"emulator_affinity", &VmResources::emulatorAffinity}}) {
        const QJsonValue v = json.value(QLatin1StringView(key));
        if (v.isString())
            r.*member = v.toString();
        else if (!v.isUndefined() && !v.isNull() && error.isEmpty())
            error = tr("resources.%1 must be a list of CPUs as text").arg(QLatin1StringView(key));
    }
    if (!error.isEmpty())
        return false;
    out = r;
    return true;
}

QList<VmField> VmResources::fields()
{
    return {
        field("io-read-bps", &VmResources::ioReadBps, "BPS",
              QT_TRANSLATE_NOOP("VmFields", "Disk reads, bytes per second for all disks together "
                                            "(e.g. 4M), or none. Applies live."),
              bytesPerSecond),
        field("io-write-bps", &VmResources::ioWriteBps, "BPS",
              QT_TRANSLATE_NOOP("VmFields", "Disk writes, bytes per second for all disks "
                                            "together (e.g. 4M), or none. Applies live."),
              bytesPerSecond),
        field("io-iops", &VmResources::ioIops, "N",
              QT_TRANSLATE_NOOP("VmFields", "Disk operations per second for all disks "
                                            "together, or none. Applies live."),
              count),
        field("memory-target", &VmResources::memoryTargetMiB, "MIB",
              QT_TRANSLATE_NOOP("VmFields", "Memory the balloon leaves the guest, in MiB, or "
                                            "none for all of it. Applies live."),
              positive),
        field("cpu-weight", &VmResources::cpuWeight, "N",
              QT_TRANSLATE_NOOP("VmFields", "CPU share against other VMs when the host is busy, "
                                            "1-10000 (default 100), or none. Applies live."),
              positive),
        field("cpu-limit", &VmResources::cpuLimitPercent, "PERCENT",
              QT_TRANSLATE_NOOP("VmFields", "At most this % of one host CPU for the whole VM "
                                            "(200: two CPUs), or none. Applies live."),
              positive),
        field("cpu-affinity", &VmResources::cpuAffinity, "LIST",
              QT_TRANSLATE_NOOP("VmFields", "Host CPUs for the virtual CPUs, e.g. 0-3,6, or "
                                            "none for any. Applies live."),
              cpuList),
        field("emulator-affinity", &VmResources::emulatorAffinity, "LIST",
              QT_TRANSLATE_NOOP("VmFields", "Host CPUs for QEMU's other threads (disk, "
                                            "display...), or none for any. Applies live."),
              cpuList),
    };
}
