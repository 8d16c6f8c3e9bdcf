// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/widgets/vmlistproxymodel.h"

#include "models/itemmodels/vmlistmodel.h"
#include "models/vm/vmstate.h"
#include "ui/widgets/symbolicicon.h"

#include <QApplication>
#include <QFont>
#include <QStyle>

using namespace Qt::Literals::StringLiterals;

namespace {

QIcon themed(const char *name, QStyle::StandardPixmap fallback, const QStyle *style,
             const QPalette &palette)
{
    return SymbolicIcon::get(QLatin1StringView(name), fallback, style, palette);
}

// The order a person scans for: what runs first, what is broken last.
int lifecycleRank(int state)
{
    switch (state) {
    case int(VmState::Running):
    case int(VmState::Resuming):
        return 0;
    case int(VmState::Starting):
        return 1;
    case int(VmState::ShuttingDown):
    case int(VmState::Stopping):
        return 2;
    case int(VmState::Paused):
    case int(VmState::Pausing):
        return 3;
    case int(VmState::Panicked):
    case int(VmState::Unreachable):
        return 4;
    case int(VmState::Crashed):
        return 5;
    case int(VmState::Stopped):
        return 6;
    default:
        return 7; // broken
    }
}

} // namespace

VmListProxyModel::VmListProxyModel(VmListModel *source, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_source(source)
{
    setSourceModel(source);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

VmListProxyModel::~VmListProxyModel() = default;

QIcon VmListProxyModel::stateIcon(int state, const QStyle *style, const QPalette &palette)
{
    switch (state) {
    case int(VmState::Running):
        return themed("media-playback-start", QStyle::SP_MediaPlay, style, palette);
    case int(VmState::Paused):
        return themed("media-playback-pause", QStyle::SP_MediaPause, style, palette);
    case int(VmState::Starting):
    case int(VmState::Pausing):
    case int(VmState::Resuming):
        return themed("view-refresh", QStyle::SP_BrowserReload, style, palette);
    case int(VmState::ShuttingDown):
    case int(VmState::Stopping):
        return themed("system-shutdown", QStyle::SP_DialogCloseButton, style, palette);
    case int(VmState::Crashed):
    case int(VmState::Panicked):
        return themed("dialog-error", QStyle::SP_MessageBoxCritical, style, palette);
    case int(VmState::Stopped):
        return themed("media-playback-stop", QStyle::SP_MediaStop, style, palette);
    default:
        return themed("dialog-warning", QStyle::SP_MessageBoxWarning, style, palette);
    }
}

QVariant VmListProxyModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    switch (role) {
    case Qt::DecorationRole:
        if (index.column() == VmListModel::StateColumn)
            return cachedStateIcon(index.data(VmListModel::StateRole).toInt());
        if (index.column() == VmListModel::NameColumn &&
            index.data(VmListModel::StateRole).toInt() < 0)
            return cachedStateIcon(-1);
        return {};
    case Qt::FontRole:
        if (index.data(VmListModel::StateRole).toInt() < 0) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == VmListModel::MemoryColumn ||
            index.column() == VmListModel::CpusColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return QSortFilterProxyModel::data(index, role);
    }
}

QIcon VmListProxyModel::cachedStateIcon(int state) const
{
    const QPalette palette = QApplication::palette();
    if (palette.cacheKey() != m_iconPalette) {
        m_icons.clear();
        m_iconPalette = palette.cacheKey();
    }
    auto it = m_icons.find(state);
    if (it == m_icons.end())
        it = m_icons.insert(state, stateIcon(state, QApplication::style(), palette));
    return *it;
}

// As people sort names: "vm2" before "vm10" (QCollator's numeric mode does nothing in the
// C locale), "debian" beside "Debian", letters by the user's collation.
int VmListProxyModel::naturalCompare(const QString &a, const QString &b) const
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        const bool digitA = a[i].isDigit();
        const bool digitB = b[j].isDigit();
        qsizetype endA = i;
        qsizetype endB = j;
        while (endA < a.size() && a[endA].isDigit() == digitA)
            ++endA;
        while (endB < b.size() && b[endB].isDigit() == digitB)
            ++endB;
        QStringView runA = QStringView(a).mid(i, endA - i);
        QStringView runB = QStringView(b).mid(j, endB - j);
        int c = 0;
        if (digitA && digitB) {
            while (runA.size() > 1 && runA.front() == u'0')
                runA = runA.mid(1);
            while (runB.size() > 1 && runB.front() == u'0')
                runB = runB.mid(1);
            c = runA.size() != runB.size() ? (runA.size() < runB.size() ? -1 : 1)
                                           : runA.compare(runB);
        } else {
            c = m_collator.compare(runA, runB);
        }
        if (c != 0)
            return c;
        i = endA;
        j = endB;
    }
    return (i < a.size()) - (j < b.size());
}

bool VmListProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const VmEntry *a = m_source->entry(left);
    const VmEntry *b = m_source->entry(right);
    if (a && b) {
        switch (left.column()) {
        case VmListModel::StateColumn: {
            const int ra = lifecycleRank(left.data(VmListModel::StateRole).toInt());
            const int rb = lifecycleRank(right.data(VmListModel::StateRole).toInt());
            if (ra != rb)
                return ra < rb;
            break;
        }
        case VmListModel::MemoryColumn:
            if (a->definition.memoryMiB != b->definition.memoryMiB)
                return a->definition.memoryMiB < b->definition.memoryMiB;
            break;
        case VmListModel::CpusColumn:
            if (a->definition.cpus != b->definition.cpus)
                return a->definition.cpus < b->definition.cpus;
            break;
        case VmListModel::CpuUsageColumn:
        case VmListModel::MemoryUsageColumn: {
            // By the number (-1 when not running or not reported), not by its text.
            const double ua = left.data(VmListModel::SortValueRole).toDouble();
            const double ub = right.data(VmListModel::SortValueRole).toDouble();
            if (ua != ub)
                return ua < ub;
            break;
        }
        default: {
            const int c = naturalCompare(left.data().toString(), right.data().toString());
            if (c != 0)
                return c < 0;
            break;
        }
        }
        // Ties: by name, so the order is stable as states change.
        return naturalCompare(a->name(), b->name()) < 0;
    }
    return QSortFilterProxyModel::lessThan(left, right);
}
