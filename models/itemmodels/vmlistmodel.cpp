// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/itemmodels/vmlistmodel.h"

#include "models/stats/statssampler.h"
#include "models/vm/vminstance.h"
#include "models/vm/vmlayout.h"
#include "models/vm/vmregistry.h"

#include <QDebug>
#include <QDir>
#include <QFileInfo>
#include <QLocale>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

VmListModel::VmListModel(VmRegistry *registry, QObject *parent)
    : QAbstractTableModel(parent)
    , m_registry(registry)
{
    m_dirtyTimer.setSingleShot(true);
    m_dirtyTimer.setInterval(0);
    connect(&m_dirtyTimer, &QTimer::timeout, this, &VmListModel::flushDirty);
    connect(m_registry, &VmRegistry::changed, this, &VmListModel::syncRows);
    connect(m_registry, &VmRegistry::stateChanged, this,
            [this](VmInstance *vm) { markDirty(vm->definition().uuid); });
    connect(m_registry, &VmRegistry::instanceAdded, this, [this](VmInstance *vm) {
        if (m_sampler)
            m_sampler->track(vm);
    });
    // A VM that leaves the registry leaves its row first.
    connect(m_registry, &VmRegistry::instanceRemoved, this, [this](VmInstance *vm) {
        for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
            if (m_rows[size_t(row)].instance == vm) {
                beginRemoveRows({}, row, row);
                m_rows.erase(m_rows.begin() + row);
                endRemoveRows();
            }
        }
    });
    syncRows();
}

VmListModel::~VmListModel() = default;

VmLibrary *VmListModel::library() const
{
    return m_registry->library();
}

void VmListModel::reload()
{
    m_registry->reload();
}

void VmListModel::syncRows()
{
    const QList<VmEntry> &entries = library()->entries();
    // Rows whose folder is gone, or whose VM changed identity, go first.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        const Row &r = m_rows[size_t(row)];
        const auto it = std::find_if(entries.begin(), entries.end(), [&](const VmEntry &e) {
            return e.folder == r.entry.folder && e.isBroken() == r.entry.isBroken() &&
                   e.definition.uuid == r.entry.definition.uuid;
        });
        if (it == entries.end()) {
            beginRemoveRows({}, row, row);
            m_rows.erase(m_rows.begin() + row);
            endRemoveRows();
        }
    }
    for (const VmEntry &e : entries) {
        const auto it = std::find_if(m_rows.begin(), m_rows.end(),
                                     [&](const Row &r) { return r.entry.folder == e.folder; });
        if (it != m_rows.end()) {
            if (!(it->entry.definition == e.definition) ||
                it->entry.brokenReason != e.brokenReason) {
                it->entry = e;
                const int row = int(it - m_rows.begin());
                Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            continue;
        }
        const int row = int(m_rows.size());
        beginInsertRows({}, row, row);
        m_rows.push_back({e, e.isBroken() ? nullptr : m_registry->instance(e.definition.uuid)});
        endInsertRows();
    }
}

void VmListModel::markDirty(const QUuid &uuid)
{
    m_dirty.insert(uuid);
    if (!m_dirtyTimer.isActive())
        m_dirtyTimer.start();
}

void VmListModel::flushDirty()
{
    if (m_dirty.isEmpty())
        return;
    int first = int(m_rows.size());
    int last = -1;
    for (int row = 0; row < int(m_rows.size()); ++row) {
        if (m_dirty.contains(m_rows[size_t(row)].entry.definition.uuid)) {
            first = std::min(first, row);
            last = std::max(last, row);
        }
    }
    m_dirty.clear();
    if (last >= 0)
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

int VmListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VmListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool VmListModel::isRow(const QModelIndex &index) const
{
    return index.isValid() && index.model() == this && index.row() < int(m_rows.size());
}

VmInstance *VmListModel::instance(const QModelIndex &index) const
{
    if (!isRow(index))
        return nullptr;
    return m_rows[size_t(index.row())].instance;
}

const VmEntry *VmListModel::entry(const QModelIndex &index) const
{
    if (!isRow(index))
        return nullptr;
    return &m_rows[size_t(index.row())].entry;
}

QModelIndex VmListModel::indexOf(const QUuid &uuid, int column) const
{
    for (int row = 0; row < int(m_rows.size()); ++row) {
        if (!m_rows[size_t(row)].entry.isBroken() &&
            m_rows[size_t(row)].entry.definition.uuid == uuid)
            return index(row, column);
    }
    return {};
}

QVariant VmListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[size_t(index.row())];
    const VmDefinition &d = r.entry.definition;
    const bool broken = r.entry.isBroken();
    const VmState state = r.instance ? r.instance->state() : VmState::Stopped;

    switch (role) {
    case StateRole:
        return broken ? -1 : int(state);
    case UuidRole:
        return broken ? QVariant() : QVariant(d.uuid);
    case BrokenReasonRole:
        return r.entry.brokenReason;
    case FolderRole:
        return r.entry.folder;
    case SparklineRole:
    case SortValueRole:
        return usageData(r, index.column(), role);
    case Qt::ToolTipRole:
        if (broken)
            return tr("This VM cannot be used: %1").arg(r.entry.brokenReason);
        if (index.column() == CpuUsageColumn || index.column() == MemoryUsageColumn)
            return usageData(r, index.column(), role);
        if (r.instance && !r.instance->lastError().isEmpty())
            return r.instance->lastError();
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }

    switch (index.column()) {
    case NameColumn:
        return r.entry.name();
    case StateColumn:
        return broken ? tr("Broken") : vmStateDisplayName(state);
    case CpuUsageColumn:
    case MemoryUsageColumn:
        return usageData(r, index.column(), role);
    case AcceleratorColumn: {
        if (broken)
            return {};
        const bool running = r.instance && r.instance->pid() > 0;
        const Accelerator a = running ? r.instance->effectiveAccelerator() : d.accelerator;
        switch (a) {
        case Accelerator::Kvm:
            return u"KVM"_s;
        case Accelerator::Tcg:
            return running ? tr("TCG (emulated)") : u"TCG"_s;
        case Accelerator::Auto:
            return tr("Automatic");
        }
        return {};
    }
    case MemoryColumn:
        return broken ? QVariant() : QVariant(formatMemory(d.memoryMiB));
    case CpusColumn:
        return broken ? QVariant() : QVariant(d.cpus);
    case NotesColumn:
        return broken ? r.entry.brokenReason : d.notes.section(u'\n', 0, 0);
    default:
        return {};
    }
}

bool VmListModel::isUsageOnly(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    return topLeft.column() >= CpuUsageColumn && bottomRight.column() <= MemoryUsageColumn;
}

QString VmListModel::formatMemory(int mib)
{
    // Exact binary units, as the VM gets them: "512 MiB", "2 GiB", "1.5 GiB".
    const QLocale locale;
    if (mib < 1024)
        return tr("%1 MiB").arg(locale.toString(mib));
    if (mib % 1024 == 0)
        return tr("%1 GiB").arg(locale.toString(mib / 1024));
    if (mib % 512 == 0)
        return tr("%1 GiB").arg(locale.toString(mib / 1024.0, 'f', 1));
    return tr("%1 MiB").arg(locale.toString(mib));
}

QVariant VmListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StateColumn:
        return tr("State");
    case CpuUsageColumn:
        return tr("CPU Use");
    case MemoryUsageColumn:
        return tr("Memory Use");
    case AcceleratorColumn:
        return tr("Accelerator");
    case MemoryColumn:
        return tr("Memory");
    case CpusColumn:
        return tr("CPUs");
    case NotesColumn:
        return tr("Notes");
    default:
        return {};
    }
}

void VmListModel::setStatsSampler(StatsSampler *sampler)
{
    if (m_sampler)
        m_sampler->disconnect(this);
    m_sampler = sampler;
    if (!m_sampler)
        return;
    for (VmInstance *vm : m_registry->instances())
        m_sampler->track(vm);
    connect(m_sampler, &StatsSampler::sampled, this, &VmListModel::onSampled);
}

void VmListModel::onSampled()
{
    // One signal for the two usage columns of the rows that run (or ran until this tick):
    // the view repaints them in one pass; while nothing runs, nothing is signalled.
    int first = int(m_rows.size());
    int last = -1;
    for (int row = 0; row < int(m_rows.size()); ++row) {
        Row &r = m_rows[size_t(row)];
        const bool running = r.instance && r.instance->pid() != 0;
        if (running || r.usageShown) {
            first = std::min(first, row);
            last = std::max(last, row);
        }
        r.usageShown = running;
    }
    if (last >= 0)
        Q_EMIT dataChanged(index(first, CpuUsageColumn), index(last, MemoryUsageColumn),
                           {Qt::DisplayRole, Qt::ToolTipRole, SparklineRole, SortValueRole});
}

QVariant VmListModel::usageData(const Row &r, int column, int role) const
{
    const bool cpu = column == CpuUsageColumn;
    if (!m_sampler || !r.instance || r.instance->pid() == 0)
        return role == SortValueRole ? QVariant(-1.0) : QVariant();
    const VmDefinition &d = r.entry.definition;
    const VmStatsSample s = m_sampler->latest(d.uuid);
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        if (cpu)
            return VmStatsSample::known(s.cpuPercent)
                       ? tr("%1 %").arg(locale.toString(s.cpuPercent, 'f', 0))
                       : QVariant();
        return VmStatsSample::known(s.guestUsedMiB) ? formatMemory(int(s.guestUsedMiB + 0.5f))
                                                    : QVariant(u"—"_s);
    case Qt::ToolTipRole:
        if (cpu)
            return VmStatsSample::known(s.cpuPercent)
                       ? tr("QEMU uses %1 % of the host's CPU time (100 % is one host core; "
                            "this VM can use up to %2 %)")
                             .arg(locale.toString(s.cpuPercent, 'f', 0))
                             .arg(100 * d.cpus)
                       : QVariant();
        return VmStatsSample::known(s.guestUsedMiB)
                   ? tr("The guest uses %1 of its %2")
                         .arg(formatMemory(int(s.guestUsedMiB + 0.5f)), formatMemory(d.memoryMiB))
                   : tr("Memory use is not reported by the guest (it needs the virtio-balloon "
                        "driver)");
    case SortValueRole: {
        const float v = cpu ? s.cpuPercent : s.guestUsedMiB;
        return VmStatsSample::known(v) ? double(v) : -1.0;
    }
    case SparklineRole: {
        const StatsHistory *h = m_sampler->history(d.uuid);
        if (!h)
            return QVariant();
        const float scale =
            cpu ? 100.0f * float(std::max(1, d.cpus)) : float(std::max(1, d.memoryMiB));
        QList<float> values =
            h->tail(cpu ? StatsHistory::Cpu : StatsHistory::GuestUsed, SparklineSamples);
        for (float &v : values)
            v /= scale;
        return QVariant::fromValue(values);
    }
    default:
        return {};
    }
}
