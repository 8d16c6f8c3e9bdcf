// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/pages/disklisteditor.h"

#include "models/vm/vmlimits.h"

#include <QAction>
#include <QComboBox>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

QString busLabel(const QString &bus)
{
    if (bus == "virtio"_L1)
        return DiskListEditor::tr("VirtIO (fastest)");
    if (bus == "sata"_L1)
        return DiskListEditor::tr("SATA");
    if (bus == "ide"_L1)
        return DiskListEditor::tr("IDE (oldest systems)");
    if (bus == "scsi"_L1)
        return DiskListEditor::tr("SCSI (VirtIO SCSI)");
    return bus;
}

} // namespace

DiskListEditor::DiskListEditor(QWidget *parent)
    : QWidget(parent)
    , m_list(new QTreeWidget(this))
    , m_bus(new QComboBox(this))
    , m_add(new QPushButton(tr("&Add…"), this))
    , m_remove(new QPushButton(tr("De&tach"), this))
    , m_resize(new QPushButton(tr("Resi&ze…"), this))
    , m_up(new QPushButton(tr("Boot &Earlier"), this))
    , m_down(new QPushButton(tr("Boot La&ter"), this))
{
    m_list->setObjectName(u"disksList"_s);
    m_list->setHeaderLabels({tr("Boot"), tr("Image"), tr("Format"), tr("Bus")});
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    m_list->setFixedHeight(m_list->fontMetrics().lineSpacing() * 6);
    m_list->setToolTip(tr("In boot order: the first disk boots first, the CD-ROM after the disks"));
    auto *detachKey = new QAction(m_list);
    detachKey->setShortcut(QKeySequence::Delete);
    detachKey->setShortcutContext(Qt::WidgetShortcut);
    connect(detachKey, &QAction::triggered, m_remove, &QPushButton::click);
    m_list->addAction(detachKey);

    m_bus->setObjectName(u"diskBusCombo"_s);
    for (const QString &bus : VmLimits::diskBuses())
        m_bus->addItem(busLabel(bus), bus);
    m_bus->setToolTip(tr("How the guest sees the selected disk. VirtIO needs drivers on Windows; "
                         "use SATA there until they are installed."));
    m_add->setObjectName(u"addDiskButton"_s);
    m_add->setToolTip(tr("Create, import or clone an image for this VM (saved in its folder)"));
    m_remove->setObjectName(u"detachDiskButton"_s);
    m_remove->setToolTip(tr("Take the selected disk out of the VM; its image file is kept"));
    m_resize->setObjectName(u"resizeDiskButton"_s);
    m_resize->setToolTip(tr("Make the selected disk's image larger"));
    m_up->setObjectName(u"bootEarlierButton"_s);
    m_down->setObjectName(u"bootLaterButton"_s);

    auto *busRow = new QHBoxLayout;
    auto *busLabelWidget = new QLabel(tr("B&us:"), this);
    busLabelWidget->setBuddy(m_bus);
    busRow->addWidget(busLabelWidget);
    busRow->addWidget(m_bus);
    busRow->addStretch(1);
    busRow->addWidget(m_up);
    busRow->addWidget(m_down);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_resize);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    layout->addLayout(busRow);
    layout->addLayout(buttons);

    connect(m_list, &QTreeWidget::currentItemChanged, this, &DiskListEditor::updateButtons);
    connect(m_add, &QPushButton::clicked, this, &DiskListEditor::addRequested);
    connect(m_resize, &QPushButton::clicked, this, [this] {
        if (current() >= 0)
            Q_EMIT resizeRequested(m_disks[current()].path);
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const int row = current();
        if (row < 0)
            return;
        m_disks.removeAt(row);
        fill();
        select(std::min(row, int(m_disks.size()) - 1));
        Q_EMIT changed();
    });
    connect(m_up, &QPushButton::clicked, this, [this] { move(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { move(+1); });
    connect(m_bus, &QComboBox::activated, this, [this] {
        const int row = current();
        if (row < 0 || m_disks[row].bus == m_bus->currentData().toString())
            return;
        m_disks[row].bus = m_bus->currentData().toString();
        fill();
        select(row);
        Q_EMIT changed();
    });
    fill();
}

DiskListEditor::~DiskListEditor() = default;

void DiskListEditor::setDisks(const QList<VmDisk> &disks)
{
    if (disks == m_disks && m_list->topLevelItemCount() > 0)
        return;
    const QString selected = current() >= 0 ? m_disks[current()].path : QString();
    m_disks = disks;
    fill();
    for (int i = 0; i < m_disks.size(); ++i) {
        if (m_disks[i].path == selected)
            select(i);
    }
}

void DiskListEditor::fill()
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (int i = 0; i < m_disks.size(); ++i) {
        const VmDisk &disk = m_disks[i];
        auto *item =
            new QTreeWidgetItem(m_list, {QString::number(i + 1), QFileInfo(disk.path).fileName(),
                                         disk.format, busLabel(disk.bus)});
        item->setToolTip(1, disk.path);
    }
    if (m_disks.isEmpty()) {
        auto *none = new QTreeWidgetItem(m_list, {QString(), tr("No disks")});
        none->setFlags(Qt::NoItemFlags);
    }
    updateButtons();
}

int DiskListEditor::current() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    const int row = item ? m_list->indexOfTopLevelItem(const_cast<QTreeWidgetItem *>(item)) : -1;
    return row >= 0 && row < m_disks.size() ? row : -1;
}

void DiskListEditor::select(int row)
{
    if (row >= 0 && row < m_list->topLevelItemCount())
        m_list->setCurrentItem(m_list->topLevelItem(row));
    updateButtons();
}

void DiskListEditor::move(int by)
{
    const int row = current();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_disks.size())
        return;
    m_disks.move(row, to);
    fill();
    select(to);
    Q_EMIT changed();
}

void DiskListEditor::updateButtons()
{
    const int row = current();
    const bool selected = row >= 0;
    m_remove->setEnabled(selected);
    m_resize->setEnabled(selected);
    m_bus->setEnabled(selected);
    m_up->setEnabled(selected && row > 0);
    m_down->setEnabled(selected && row + 1 < m_disks.size());
    if (selected)
        m_bus->setCurrentIndex(std::max(0, m_bus->findData(m_disks[row].bus)));
}
