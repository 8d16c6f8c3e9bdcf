// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/pages/performancepage.h"

#include "ui/widgets/elidedlabel.h"

#include "models/stats/statssampler.h"
#include "models/vm/vminstance.h"
#include "ui/widgets/statschart.h"

#include <QComboBox>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

// Mid-tone colours that read on light and dark backgrounds alike.
const QColor kBlue(0x35, 0x84, 0xe4);
const QColor kOrange(0xe6, 0x61, 0x00);
const QColor kGreen(0x2e, 0xc2, 0x7e);
const QColor kPurple(0x91, 0x41, 0xac);
const QColor kYellow(0xc6, 0x9b, 0x00);
const QColor kRed(0xe0, 0x1b, 0x24);

constexpr auto kRangeKey = "performance/rangeSeconds";

StatsChart::Series seriesOf(const StatsHistory &h, int first, const QString &name,
                            const QColor &color, const std::function<float(int)> &value)
{
    StatsChart::Series s;
    s.name = name;
    s.color = color;
    s.timeMs.reserve(h.size() - first);
    s.values.reserve(h.size() - first);
    for (int i = first; i < h.size(); ++i) {
        s.timeMs.append(h.timeAt(i));
        s.values.append(value(i));
    }
    return s;
}

} // namespace

PerformancePage::PerformancePage(QWidget *parent)
    : QWidget(parent)
    , m_range(new QComboBox(this))
    , m_summary(new ElidedLabel(this))
    , m_cpu(new StatsChart(tr("CPU (100 % = one host core)"), StatsChart::Unit::Percent, this))
    , m_memory(new StatsChart(tr("Memory"), StatsChart::Unit::MiB, this))
    , m_disk(new StatsChart(tr("Disk"), StatsChart::Unit::BytesPerSecond, this))
    , m_network(new StatsChart(tr("Network"), StatsChart::Unit::BytesPerSecond, this))
{
    setObjectName(u"performancePage"_s);
    m_cpu->setObjectName(u"cpuChart"_s);
    m_memory->setObjectName(u"memoryChart"_s);
    m_disk->setObjectName(u"diskChart"_s);
    m_network->setObjectName(u"networkChart"_s);
    m_range->setObjectName(u"performanceRange"_s);
    m_range->addItem(tr("Last minute"), 60);
    m_range->addItem(tr("Last 5 minutes"), 300);
    m_range->addItem(tr("Last hour"), 3600);
    m_summary->setObjectName(u"performanceSummary"_s);
    // QEMU 7.2 has no per-NIC counters over QMP (see StatsSampler).
    m_network->setMessage(tr("Not available: QEMU 7.2 does not count a VM's network traffic."));

    auto *rangeLabel = new QLabel(tr("&Show:"), this);
    rangeLabel->setBuddy(m_range);
    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(rangeLabel);
    top->addWidget(m_range);
    auto *grid = new QGridLayout;
    grid->setSpacing(6);
    grid->addWidget(m_cpu, 0, 0);
    grid->addWidget(m_memory, 0, 1);
    grid->addWidget(m_disk, 1, 0);
    grid->addWidget(m_network, 1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addLayout(top);
    layout->addLayout(grid, 1);

    setRangeSeconds(QSettings().value(QLatin1StringView(kRangeKey), 60).toInt());
    connect(m_range, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(QLatin1StringView(kRangeKey), rangeSeconds());
        refresh();
    });
    refresh();
}

PerformancePage::~PerformancePage() = default;

void PerformancePage::setSampler(StatsSampler *sampler)
{
    if (m_sampler)
        m_sampler->disconnect(this);
    m_sampler = sampler;
    if (m_sampler)
        connect(m_sampler, &StatsSampler::sampled, this, [this] {
            if (isVisible())
                refresh();
        });
    refresh();
}

void PerformancePage::setVm(VmInstance *vm)
{
    if (m_vm == vm)
        return;
    m_vm = vm;
    refresh();
}

int PerformancePage::rangeSeconds() const
{
    return m_range->currentData().toInt();
}

void PerformancePage::setRangeSeconds(int seconds)
{
    const int index = m_range->findData(seconds);
    m_range->setCurrentIndex(index >= 0 ? index : 0);
}

void PerformancePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void PerformancePage::setSummary(const QString &text)
{
    m_summary->setFullText(text); // long summaries are elided, never widen the window
}

void PerformancePage::refresh()
{
    const qint64 spanMs = qint64(rangeSeconds()) * 1000;
    const StatsHistory *h =
        m_sampler && m_vm ? m_sampler->history(m_vm->definition().uuid) : nullptr;
    const bool running = m_vm && m_vm->pid() != 0;
    const qint64 endMs = h && !h->isEmpty() && !running ? h->timeAt(h->size() - 1)
                                                        : QDateTime::currentMSecsSinceEpoch();
    QList<StatsChart *> charts{m_cpu, m_memory, m_disk};
    if (!h || h->isEmpty()) {
        for (StatsChart *c : charts) {
            c->setData({}, endMs, spanMs);
            c->setMessage(!m_vm     ? QString()
                          : running ? tr("Measuring…")
                                    : tr("Start the VM to see its performance."));
        }
        setSummary(m_vm ? tr("No measurements yet.") : QString());
        return;
    }
    for (StatsChart *c : charts)
        c->setMessage({});

    // Only what the window shows: the samples from the start of the range on.
    int first = h->size();
    while (first > 0 && h->timeAt(first - 1) >= endMs - spanMs)
        --first;
    first = std::max(0, first - 1); // one before, so the line starts at the edge

    const VmDefinition &d = m_vm->definition();
    QList<StatsChart::Series> cpu{seriesOf(
        *h, first, tr("QEMU"), kBlue, [h](int i) { return h->valueAt(StatsHistory::Cpu, i); })};
    cpu.front().filled = true;
    const QColor vcpuColors[] = {kOrange, kGreen, kPurple, kYellow, kRed};
    for (int c = 0; c < h->vcpuCount(); ++c)
        cpu.append(seriesOf(*h, first, tr("vCPU %1").arg(c), vcpuColors[c % 5],
                            [h, c](int i) { return h->vcpuAt(c, i); }));
    m_cpu->setMinimumTop(100.0 * std::max(1, d.cpus));
    m_cpu->setData(cpu, endMs, spanMs);

    QList<StatsChart::Series> memory{
        seriesOf(*h, first, tr("Guest uses"), kBlue,
                 [h](int i) { return h->valueAt(StatsHistory::GuestUsed, i); }),
        seriesOf(*h, first, tr("QEMU on the host"), kOrange,
                 [h](int i) { return h->valueAt(StatsHistory::Rss, i); }),
        seriesOf(*h, first, tr("Allocated"), kGreen, [h, mib = float(d.memoryMiB)](int i) {
            return VmStatsSample::known(h->valueAt(StatsHistory::Rss, i)) ? mib
                                                                          : VmStatsSample::Unknown;
        })};
    memory[0].filled = true;
    memory[2].dashed = true;
    // A guest without the balloon driver: the legend says so where the value would be.
    bool anyMemory = false;
    for (int i = first; i < h->size() && !anyMemory; ++i)
        anyMemory = VmStatsSample::known(h->valueAt(StatsHistory::GuestUsed, i));
    if (!anyMemory)
        memory[0].name = tr("Guest use: not reported");
    m_memory->setToolTip(anyMemory ? QString()
                                   : tr("The guest does not report its memory use (it needs the "
                                        "virtio-balloon driver); QEMU's resident memory is "
                                        "shown."));
    m_memory->setMinimumTop(d.memoryMiB);
    m_memory->setData(memory, endMs, spanMs);

    QList<StatsChart::Series> disk{
        seriesOf(*h, first, tr("Read"), kGreen,
                 [h](int i) { return h->valueAt(StatsHistory::DiskRead, i); }),
        seriesOf(*h, first, tr("Write"), kOrange,
                 [h](int i) { return h->valueAt(StatsHistory::DiskWrite, i); })};
    const bool noDisks = d.disks.isEmpty() && d.cdrom.isEmpty();
    m_disk->setData(noDisks ? QList<StatsChart::Series>() : disk, endMs, spanMs);
    m_disk->setMessage(noDisks ? tr("This VM has no disks.") : QString());
    m_network->setData({}, endMs, spanMs);

    const VmStatsSample s = running ? m_sampler->latest(d.uuid) : VmStatsSample{};
    QStringList parts;
    if (!running) {
        parts << tr("Not running; the charts show its last run.");
    } else {
        if (VmStatsSample::known(s.cpuPercent))
            parts << tr("CPU %1").arg(
                StatsChart::formatValue(s.cpuPercent, StatsChart::Unit::Percent));
        parts << (VmStatsSample::known(s.guestUsedMiB)
                      ? tr("guest uses %1 of %2")
                            .arg(StatsChart::formatValue(s.guestUsedMiB, StatsChart::Unit::MiB),
                                 StatsChart::formatValue(d.memoryMiB, StatsChart::Unit::MiB))
                      : tr("guest memory use not reported"));
        if (VmStatsSample::known(s.rssMiB))
            parts << tr("QEMU holds %1")
                         .arg(StatsChart::formatValue(s.rssMiB, StatsChart::Unit::MiB));
    }
    setSummary(parts.join(u"  ·  "_s));
}
