// SPDX-License-Identifier: GPL-2.0-or-later
// berth stats NAME [--json] [--watch] [--interval MS].
#include "app/cli/statscommands.h"

#include "models/stats/statssampler.h"
#include "models/vm/vminstance.h"
#include "models/vm/vmlifecycle.h"
#include "qmp/qmpclient.h"

#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace {

/// A known value rounded to @p decimals, or null.
QJsonValue number(float value, int decimals)
{
    if (!VmStatsSample::known(value))
        return QJsonValue();
    const double scale = std::pow(10.0, decimals);
    return std::round(double(value) * scale) / scale;
}

QJsonObject describe(const VmEntry &e, const VmStatsSample &s, int intervalMs)
{
    QJsonArray vcpus;
    for (const float v : s.vcpuPercent)
        vcpus.append(number(v, 1));
    return QJsonObject{
        {u"name"_s, e.name()},
        {u"time"_s, QDateTime::fromMSecsSinceEpoch(s.timeMs, Qt::UTC).toString(Qt::ISODateWithMs)},
        {u"interval_ms"_s, intervalMs},
        {u"cpu_percent"_s, number(s.cpuPercent, 1)},
        {u"vcpu_percent"_s, vcpus},
        {u"memory_total_mib"_s, e.definition.memoryMiB},
        {u"memory_used_mib"_s, number(s.guestUsedMiB, 1)},
        {u"memory_available_mib"_s, number(s.guestAvailableMiB, 1)},
        {u"guest_memory_total_mib"_s, number(s.guestTotalMiB, 1)},
        {u"rss_mib"_s, number(s.rssMiB, 1)},
        {u"disk_read_bps"_s, number(s.diskReadBps, 0)},
        {u"disk_write_bps"_s, number(s.diskWriteBps, 0)},
        {u"net_rx_bps"_s, number(s.netRxBps, 0)},
        {u"net_tx_bps"_s, number(s.netTxBps, 0)},
    };
}

QString percentText(float value)
{
    return VmStatsSample::known(value) ? CliText::tr("%1 %").arg(QLocale().toString(value, 'f', 0))
                                       : CliText::tr("unknown");
}

QString rateText(float bytesPerSecond)
{
    if (!VmStatsSample::known(bytesPerSecond))
        return CliText::tr("unknown");
    return CliText::tr("%1/s").arg(
        QLocale().formattedDataSize(qint64(bytesPerSecond), 1, QLocale::DataSizeIecFormat));
}

QString mibText(float mib)
{
    return QLocale().formattedDataSize(qint64(double(mib) * 1024 * 1024), 1,
                                       QLocale::DataSizeIecFormat);
}

/// Several lines for one reading; one line per reading with --watch.
QString describeText(const VmEntry &e, const VmStatsSample &s, bool oneLine)
{
    QStringList vcpus;
    for (const float v : s.vcpuPercent)
        vcpus << percentText(v);
    const QString memory =
        VmStatsSample::known(s.guestUsedMiB)
            ? CliText::tr("%1 used of %2")
                  .arg(mibText(s.guestUsedMiB), mibText(float(e.definition.memoryMiB)))
            : CliText::tr("%1, use not reported by the guest")
                  .arg(mibText(float(e.definition.memoryMiB)));
    const QString network =
        CliText::tr("not available (QEMU 7.2 does not count a VM's network traffic)");
    if (oneLine)
        return CliText::tr("%1  CPU %2 [%3]  memory %4  RSS %5  disk read %6 write %7")
            .arg(QDateTime::fromMSecsSinceEpoch(s.timeMs).toString(u"HH:mm:ss"_s),
                 percentText(s.cpuPercent), vcpus.join(u", "_s), memory, mibText(s.rssMiB),
                 rateText(s.diskReadBps), rateText(s.diskWriteBps));
    return CliText::tr("CPU       %1 (100 % is one host core)\n"
                       "vCPUs     %2\n"
                       "Memory    %3\n"
                       "QEMU RSS  %4\n"
                       "Disk      read %5, write %6\n"
                       "Network   %7")
        .arg(percentText(s.cpuPercent), vcpus.join(u", "_s), memory, mibText(s.rssMiB),
             rateText(s.diskReadBps), rateText(s.diskWriteBps), network);
}

int cmdStats(CliSession &s)
{
    const VmEntry &e = s.entry();
    const bool watch = s.parser().isSet(u"watch"_s);
    StatsSampler sampler;
    if (s.parser().isSet(u"interval"_s)) {
        bool ok = false;
        const int ms = s.parser().value(u"interval"_s).toInt(&ok);
        if (!ok || ms < StatsSampler::MinIntervalMs || ms > StatsSampler::MaxIntervalMs)
            throw CliError{CliText::tr("--interval takes milliseconds from %1 to %2")
                               .arg(StatsSampler::MinIntervalMs)
                               .arg(StatsSampler::MaxIntervalMs),
                           CliUsage};
        sampler.setInterval(ms);
    }

    const std::unique_ptr<VmInstance> instance = s.attached(e);
    if (!VmLifecycle::hasProcess(instance->state()))
        throw CliError{CliText::tr("%1 is not running").arg(e.name())};
    if (!instance->qmp() || !instance->qmp()->isReady())
        throw CliError{instance->lastError().isEmpty()
                           ? CliText::tr("cannot reach the monitor of %1").arg(e.name())
                           : instance->lastError()};

    sampler.track(instance.get());
    const QUuid uuid = e.definition.uuid;
    // The first tick is the baseline for the rates. Without --watch, a guest whose memory
    // reporting was only just switched on gets two more intervals to send its first report.
    constexpr int kExtraTicksForMemory = 2;
    int ticks = 0;
    int result = CliSuccess;
    QString error;
    QEventLoop loop;
    QObject::connect(&sampler, &StatsSampler::sampled, &loop, [&] {
        if (++ticks < 2)
            return;
        const VmStatsSample sample = sampler.latest(uuid);
        if (sample.timeMs == 0) {
            error = CliText::tr("%1 stopped").arg(e.name());
            result = CliFailed;
            loop.quit();
            return;
        }
        if (!watch && !VmStatsSample::known(sample.guestUsedMiB) &&
            ticks < 2 + kExtraTicksForMemory)
            return;
        if (s.json()) {
            const QJsonObject o = describe(e, sample, sampler.intervalMs());
            if (watch)
                printLine(s.out(),
                          QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
            else
                printJson(s.out(), o);
        } else {
            printLine(s.out(), describeText(e, sample, watch));
        }
        if (!watch)
            loop.quit();
    });
    sampler.start();
    loop.exec();
    if (result != CliSuccess)
        throw CliError{error, result};
    return result;
}

} // namespace

void addStatsCommands(CliCommandTable &t)
{
    t[u"stats"_s] = {
        QT_TRANSLATE_NOOP("CommandLine",
                          "CPU, memory, disk and network use of a running VM, measured over one "
                          "interval (--watch: every interval until Ctrl+C; with --json, one JSON "
                          "object per line). 100 % CPU is one host core. Memory use is what the "
                          "guest reports through its virtio-balloon driver (null when it does "
                          "not); network counters are not available with QEMU 7.2."),
        "NAME",
        {{u"watch"_s, CliText::tr("Print every interval until interrupted.")},
         {u"interval"_s,
          CliText::tr("Milliseconds between samples (default: the window's setting, 1000)."),
          u"MS"_s}},
        cmdStats};
}
