// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/widgets/hostsummary.h"

#include "models/stats/statssampler.h"

#include <QLocale>

using namespace Qt::Literals::StringLiterals;

HostSummary::HostSummary(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(u"hostSummary"_s);
    setTextFormat(Qt::PlainText);
    setContentsMargins(0, 0, 12, 0); // apart from the library summary beside it
}

HostSummary::~HostSummary() = default;

void HostSummary::setSampler(StatsSampler *sampler)
{
    if (m_sampler)
        m_sampler->disconnect(this);
    m_sampler = sampler;
    if (m_sampler)
        connect(m_sampler, &StatsSampler::sampled, this, &HostSummary::refresh);
    refresh();
}

void HostSummary::refresh()
{
    if (!m_sampler) {
        clear();
        return;
    }
    const HostStats h = m_sampler->host();
    const QLocale locale;
    const auto size = [&](qint64 bytes) {
        return locale.formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
    };
    const qint64 committed = h.committedMiB * 1024 * 1024;
    const bool overcommitted = h.memoryTotalBytes > 0 && committed > h.memoryTotalBytes;
    QStringList parts;
    if (VmStatsSample::known(h.cpuPercent))
        parts << tr("Host CPU %1 %").arg(locale.toString(h.cpuPercent, 'f', 0));
    if (h.memoryTotalBytes > 0)
        parts << (overcommitted ? tr("VM memory %1 of %2: overcommitted")
                                : tr("VM memory %1 of %2"))
                     .arg(committed == 0 ? locale.toString(0) : size(committed),
                          size(h.memoryTotalBytes));
    setText(parts.join(u"  ·  "_s));
    setToolTip(tr("The host's %1 CPU cores are %2 % busy; the running VMs' QEMU processes "
                  "take %3 % of one core together.\n"
                  "%4 running VMs were given %5 of memory; the host has %6, of which %7 is "
                  "available now.")
                   .arg(h.cpuCount)
                   .arg(VmStatsSample::known(h.cpuPercent) ? locale.toString(h.cpuPercent, 'f', 0)
                                                           : u"?"_s)
                   .arg(locale.toString(h.vmCpuPercent, 'f', 0))
                   .arg(h.runningVms)
                   .arg(size(committed), size(h.memoryTotalBytes), size(h.memoryAvailableBytes)));
}
