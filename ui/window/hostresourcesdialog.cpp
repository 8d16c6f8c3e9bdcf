// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/window/hostresourcesdialog.h"

#include "models/common/procstat.h"
#include "models/itemmodels/vmlistmodel.h"
#include "models/resources/memoryadmission.h"
#include "models/resources/memorybalancer.h"
#include "models/stats/statssampler.h"
#include "models/vm/cpucontrol.h"
#include "models/vm/vminstance.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

QString mib(qint64 value)
{
    return HostResourcesDialog::tr("%1 MiB").arg(QLocale().toString(value));
}

QString rate(qint64 bytesPerSecond)
{
    return QLocale().formattedDataSize(bytesPerSecond, 1, QLocale::DataSizeIecFormat) +
           HostResourcesDialog::tr("/s");
}

} // namespace

HostResourcesDialog::HostResourcesDialog(VmListModel *model, StatsSampler *sampler,
                                         MemoryBalancer *balancer, QWidget *parent)
    : QDialog(parent)
    , m_model(model)
    , m_sampler(sampler)
    , m_balancer(balancer)
    , m_summary(new QLabel(this))
    , m_mechanisms(new QLabel(this))
    , m_table(new QTableWidget(this))
    , m_noneRunning(new QLabel(this))
    , m_balancerState(new QLabel(this))
    , m_actions(new QListWidget(this))
{
    setObjectName(u"hostResourcesDialog"_s);
    setWindowTitle(tr("Host Resources"));
    m_summary->setObjectName(u"hostResourcesSummary"_s);
    m_summary->setWordWrap(true);
    m_mechanisms->setWordWrap(true);
    const CpuControl::Host host = CpuControl::detect();
    m_mechanisms->setText(tr("CPU weight: %1 (with a limit: %2) · CPU limit: %3 · affinity: %4")
                              .arg(CpuControl::mechanismName(host.weight()),
                                   CpuControl::mechanismName(host.weightWithLimit()),
                                   CpuControl::mechanismName(host.limit()),
                                   CpuControl::mechanismName(CpuControl::Mechanism::Affinity)));
    m_table->setObjectName(u"hostResourcesTable"_s);
    m_table->setColumnCount(8);
    m_table->setHorizontalHeaderLabels({tr("VM"), tr("Memory"), tr("Target"), tr("Guest uses"),
                                        tr("CPU weight"), tr("CPU limit"), tr("vCPUs on"),
                                        tr("Disk limits")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_mechanisms);
    layout->addWidget(m_table, 2);
    // In the table's place while nothing runs: an empty grid of headers says nothing.
    m_noneRunning->setObjectName(u"hostResourcesNoneRunning"_s);
    m_noneRunning->setText(tr("No virtual machine is running. Running ones are listed here with "
                              "the memory, CPU share and disk limits they are given."));
    m_noneRunning->setWordWrap(true);
    m_noneRunning->setAlignment(Qt::AlignCenter);
    m_noneRunning->setForegroundRole(QPalette::PlaceholderText);
    m_noneRunning->setMinimumHeight(120);
    layout->addWidget(m_noneRunning, 2);
    m_balancerState->setObjectName(u"balancerState"_s);
    m_balancerState->setWordWrap(true);
    m_actions->setObjectName(u"balancerActions"_s);
    layout->addWidget(m_balancerState);
    layout->addWidget(m_actions, 1);
    if (m_balancer)
        connect(m_balancer, &MemoryBalancer::acted, this, &HostResourcesDialog::refresh);
    layout->addWidget(buttons);
    resize(860, 360);
    if (m_sampler)
        connect(m_sampler, &StatsSampler::sampled, this, &HostResourcesDialog::refresh);
    refresh();
}

HostResourcesDialog::~HostResourcesDialog() = default;

QString HostResourcesDialog::summaryText() const
{
    return m_summary->text();
}

void HostResourcesDialog::refresh()
{
    const MemoryAdmission::Budget b = MemoryAdmission::budgetNow(*m_model->library());
    m_summary->setText(tr("%1 CPUs · memory %2, %3 available · given to running VMs %4 of %5 "
                          "(overcommit ratio %6)")
                           .arg(ProcStat::hostCpuCount())
                           .arg(mib(b.hostTotalMiB), mib(b.hostAvailableMiB), mib(b.committedMiB),
                                mib(b.limitMiB()), QLocale().toString(b.ratio, 'g', 3)));
    QList<QStringList> rows;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        const VmInstance *vm = m_model->instance(index);
        const VmEntry *entry = m_model->entry(index);
        if (!vm || !entry || vm->pid() <= 0)
            continue;
        const VmDefinition &d = entry->definition;
        const VmResources &r = d.resources;
        QString guest = tr("unknown");
        if (m_sampler) {
            const VmStatsSample s = m_sampler->latest(d.uuid);
            if (VmStatsSample::known(s.guestUsedMiB) && VmStatsSample::known(s.guestTotalMiB))
                guest =
                    tr("%1 of %2").arg(mib(qint64(s.guestUsedMiB)), mib(qint64(s.guestTotalMiB)));
        }
        QStringList io;
        if (r.ioReadBps)
            io << tr("read %1").arg(rate(r.ioReadBps));
        if (r.ioWriteBps)
            io << tr("write %1").arg(rate(r.ioWriteBps));
        if (r.ioIops)
            io << tr("%1 operations/s").arg(r.ioIops);
        rows << QStringList{d.name,
                            mib(d.memoryMiB),
                            r.memoryTargetMiB ? mib(r.memoryTargetMiB) : tr("all"),
                            guest,
                            QString::number(r.cpuWeight ? r.cpuWeight : CpuControl::DefaultWeight),
                            r.cpuLimitPercent ? tr("%1 %").arg(r.cpuLimitPercent) : tr("none"),
                            r.cpuAffinity.isEmpty() ? tr("any") : r.cpuAffinity,
                            io.isEmpty() ? tr("none") : io.join(u", "_s)};
    }
    if (!m_balancer || !m_balancer->isEnabled()) {
        m_balancerState->setText(tr("Memory balancer: off (Preferences). When on, it moves "
                                    "memory between running guests through their balloons "
                                    "when this computer runs short."));
    } else {
        m_balancerState->setText(
            tr("Memory balancer: on. It reclaims from the guest with the most free memory when "
               "less than %1 is available, and gives memory back to a guest running short.")
                .arg(mib(m_balancer->lowWatermarkMiB())));
    }
    m_actions->clear();
    if (m_balancer) {
        const QList<MemoryBalancer::Action> &actions = m_balancer->recentActions();
        for (auto it = actions.rbegin(); it != actions.rend(); ++it)
            m_actions->addItem(
                tr("%1  %2: %3 → %4 (%5)")
                    .arg(QLocale().toString(it->time.toLocalTime().time(), QLocale::ShortFormat),
                         it->name, mib(it->fromMiB), mib(it->toMiB), it->reason));
    }
    if (m_actions->count() == 0)
        m_actions->addItem(tr("No balancer actions yet."));
    m_table->setRowCount(int(rows.size()));
    m_table->setVisible(!rows.isEmpty());
    m_noneRunning->setVisible(rows.isEmpty());
    for (int i = 0; i < rows.size(); ++i) {
        for (int c = 0; c < rows[i].size(); ++c) {
            QTableWidgetItem *item = m_table->item(i, c);
            if (!item) {
                item = new QTableWidgetItem;
                m_table->setItem(i, c, item);
            }
            item->setText(rows[i][c]);
        }
    }
}
