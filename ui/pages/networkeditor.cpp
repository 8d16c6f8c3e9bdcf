// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/pages/networkeditor.h"

#include "models/vm/privatenetworks.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

enum NicColumn
{
    NicNetwork,
    NicMac,
    NicColumns
};

enum ForwardColumn
{
    ForwardProtocol,
    ForwardAddress,
    ForwardHost,
    ForwardGuest,
    ForwardColumns
};

QString nicText(const VmNic &nic)
{
    switch (nic.kind) {
    case VmNic::Kind::Nat:
        return NetworkEditor::tr("NAT (the internet through this computer)");
    case VmNic::Kind::Private:
        return NetworkEditor::tr("Private network “%1”").arg(nic.network);
    case VmNic::Kind::Bridge:
        return NetworkEditor::tr("Bridge “%1”").arg(nic.network);
    }
    return {};
}

QTableWidget *makeTable(const QStringList &headers, const QString &name, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(name);
    table->setHorizontalHeaderLabels(headers);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setContextMenuPolicy(Qt::ActionsContextMenu);
    // Room for three rows without a scroll bar; the page scrolls as a whole.
    table->setMinimumHeight(table->fontMetrics().height() * 7);
    return table;
}

/// Add and Remove under @p table, as buttons, Insert/Delete keys and its context menu.
QHBoxLayout *addRemoveButtons(QTableWidget *table, const QString &addText,
                              const QString &removeText, const std::function<void()> &add,
                              const std::function<void()> &changed)
{
    auto *addButton = new QPushButton(addText, table->parentWidget());
    auto *removeButton = new QPushButton(removeText, table->parentWidget());
    addButton->setObjectName(table->objectName() + u"Add"_s);
    removeButton->setObjectName(table->objectName() + u"Remove"_s);
    const auto remove = [table, changed] {
        QList<int> rows;
        for (const QModelIndex &i : table->selectionModel()->selectedRows())
            rows << i.row();
        if (rows.isEmpty() && table->currentRow() >= 0)
            rows << table->currentRow();
        std::sort(rows.rbegin(), rows.rend());
        for (int row : rows)
            table->removeRow(row);
        changed();
    };
    QObject::connect(addButton, &QPushButton::clicked, table, add);
    QObject::connect(removeButton, &QPushButton::clicked, table, remove);
    auto *addAction = new QAction(addText, table);
    addAction->setShortcut(Qt::Key_Insert);
    addAction->setShortcutContext(Qt::WidgetShortcut);
    QObject::connect(addAction, &QAction::triggered, table, add);
    auto *removeAction = new QAction(removeText, table);
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    QObject::connect(removeAction, &QAction::triggered, table, remove);
    table->addAction(addAction);
    table->addAction(removeAction);
    auto *row = new QHBoxLayout;
    row->addWidget(addButton);
    row->addWidget(removeButton);
    row->addStretch(1);
    return row;
}

} // namespace

NetworkEditor::NetworkEditor(QWidget *parent)
    : QWidget(parent)
{
    m_nics = makeTable({tr("Connected to"), tr("MAC address")}, u"nicTable"_s, this);
    m_nics->horizontalHeader()->setSectionResizeMode(NicNetwork, QHeaderView::Stretch);
    m_nics->horizontalHeader()->setSectionResizeMode(NicMac, QHeaderView::ResizeToContents);
    m_forwards = makeTable({tr("Protocol"), tr("Listens on"), tr("Host ports"), tr("Guest ports")},
                           u"forwardTable"_s, this);
    m_note = new QLabel(this);
    m_note->setObjectName(u"forwardNote"_s);
    m_note->setWordWrap(true);

    const auto changedNow = [this] {
        if (!m_loading) {
            updateNote();
            Q_EMIT changed();
        }
    };
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *cardsLabel = new QLabel(tr("Network &cards:"), this);
    cardsLabel->setBuddy(m_nics);
    layout->addWidget(cardsLabel);
    layout->addWidget(m_nics);
    layout->addLayout(addRemoveButtons(
        m_nics, tr("Add Car&d"), tr("Remove Card"),
        [this, changedNow] {
            addNic(VmNic{});
            changedNow();
        },
        changedNow));
    auto *forwardsLabel = new QLabel(tr("&Port forwards (NAT card):"), this);
    forwardsLabel->setBuddy(m_forwards);
    layout->addWidget(forwardsLabel);
    layout->addWidget(m_forwards);
    layout->addLayout(addRemoveButtons(
        m_forwards, tr("Add &Forward"), tr("Remove Forward"),
        [this, changedNow] {
            addForward(PortForward{});
            m_forwards->setCurrentCell(m_forwards->rowCount() - 1, ForwardHost);
            m_forwards->editItem(m_forwards->item(m_forwards->rowCount() - 1, ForwardHost));
            changedNow();
        },
        changedNow));
    layout->addWidget(m_note);
    connect(m_nics, &QTableWidget::itemChanged, this, changedNow);
    connect(m_forwards, &QTableWidget::itemChanged, this, changedNow);
    updateNote();
}

NetworkEditor::~NetworkEditor() = default;

void NetworkEditor::setLibraryRoot(const QString &root)
{
    m_libraryRoot = root;
}

QList<VmNic> NetworkEditor::choices(const VmNic &keep) const
{
    QList<VmNic> all{VmNic{}};
    if (!m_libraryRoot.isEmpty()) {
        if (const Outcome<QList<PrivateNetwork>> networks = PrivateNetworks(m_libraryRoot).list();
            networks) {
            for (const PrivateNetwork &n : *networks)
                all << VmNic{VmNic::Kind::Private, n.name, {}};
        }
    }
    const QDir net(u"/sys/class/net"_s);
    for (const QString &name : net.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (QFileInfo::exists(net.filePath(name + u"/bridge"_s)))
            all << VmNic{VmNic::Kind::Bridge, name, {}};
    }
    if (keep.kind != VmNic::Kind::Nat &&
        std::none_of(all.cbegin(), all.cend(), [&](const VmNic &n) {
            return n.kind == keep.kind && n.network == keep.network;
        }))
        all << VmNic{keep.kind, keep.network, {}};
    return all;
}

void NetworkEditor::addNic(const VmNic &nic)
{
    const int row = m_nics->rowCount();
    m_nics->insertRow(row);
    auto *combo = new QComboBox(m_nics);
    combo->setObjectName(u"nicNetworkCombo"_s);
    for (const VmNic &choice : choices(nic)) {
        combo->addItem(nicText(choice), choice.spec());
        if (choice.kind == nic.kind && choice.network == nic.network)
            combo->setCurrentIndex(combo->count() - 1);
    }
    connect(combo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            Q_EMIT changed();
    });
    m_nics->setCellWidget(row, NicNetwork, combo);
    auto *mac = new QTableWidgetItem(nic.mac);
    mac->setToolTip(tr("Empty: Berth gives the card an address of its own when it is saved."));
    m_nics->setItem(row, NicMac, mac);
}

void NetworkEditor::addForward(const PortForward &f)
{
    const int row = m_forwards->rowCount();
    m_forwards->insertRow(row);
    auto *protocol = new QComboBox(m_forwards);
    protocol->setObjectName(u"forwardProtocolCombo"_s);
    protocol->addItem(u"TCP"_s, u"tcp"_s);
    protocol->addItem(u"UDP"_s, u"udp"_s);
    protocol->setCurrentIndex(f.protocol == "udp"_L1 ? 1 : 0);
    connect(protocol, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            Q_EMIT changed();
    });
    m_forwards->setCellWidget(row, ForwardProtocol, protocol);
    m_forwards->setItem(row, ForwardAddress, new QTableWidgetItem(f.address));
    m_forwards->setItem(row, ForwardHost,
                        new QTableWidgetItem(f.hostPort ? f.hostPorts() : QString()));
    m_forwards->setItem(row, ForwardGuest,
                        new QTableWidgetItem(f.guestPort ? f.guestPorts() : QString()));
}

void NetworkEditor::setNetwork(const QList<VmNic> &nics, const QList<PortForward> &forwards)
{
    if (this->nics() == nics && this->forwards() == forwards && problem().isEmpty())
        return; // reloaded unchanged: keep the selection and the cursor
    m_loading = true;
    m_nics->setRowCount(0);
    for (const VmNic &nic : nics)
        addNic(nic);
    m_forwards->setRowCount(0);
    for (const PortForward &f : forwards)
        addForward(f);
    m_loading = false;
    updateNote();
}

QList<VmNic> NetworkEditor::nics() const
{
    QList<VmNic> all;
    for (int row = 0; row < m_nics->rowCount(); ++row) {
        const auto *combo = qobject_cast<QComboBox *>(m_nics->cellWidget(row, NicNetwork));
        VmNic nic;
        VmNetwork::parseNic(combo ? combo->currentData().toString() : u"nat"_s, nic);
        nic.mac = m_nics->item(row, NicMac) ? m_nics->item(row, NicMac)->text().trimmed().toLower()
                                            : QString();
        all << nic;
    }
    return all;
}

QList<PortForward> NetworkEditor::forwards() const
{
    QList<PortForward> all;
    for (int row = 0; row < m_forwards->rowCount(); ++row) {
        const auto text = [&](int column) {
            const QTableWidgetItem *item = m_forwards->item(row, column);
            return item ? item->text().trimmed() : QString();
        };
        PortForward f;
        const auto *protocol =
            qobject_cast<QComboBox *>(m_forwards->cellWidget(row, ForwardProtocol));
        f.protocol = protocol ? protocol->currentData().toString() : u"tcp"_s;
        f.address = text(ForwardAddress).isEmpty() ? u"127.0.0.1"_s : text(ForwardAddress);
        quint16 guestCount = 1;
        VmNetwork::parsePorts(text(ForwardHost), f.hostPort, f.count);
        VmNetwork::parsePorts(text(ForwardGuest), f.guestPort, guestCount);
        all << f;
    }
    return all;
}

QString NetworkEditor::problem() const
{
    for (int row = 0; row < m_nics->rowCount(); ++row) {
        const QString mac =
            m_nics->item(row, NicMac) ? m_nics->item(row, NicMac)->text().trimmed() : QString();
        if (!mac.isEmpty() && !VmNetwork::isValidMac(mac))
            return tr("Card %1: “%2” is not a MAC address such as 52:54:00:12:34:56.")
                .arg(row + 1)
                .arg(mac);
    }
    for (int row = 0; row < m_forwards->rowCount(); ++row) {
        quint16 host = 0;
        quint16 hostCount = 0;
        quint16 guest = 0;
        quint16 guestCount = 0;
        const auto text = [&](int column) {
            const QTableWidgetItem *item = m_forwards->item(row, column);
            return item ? item->text() : QString();
        };
        if (QString why = VmNetwork::parsePorts(text(ForwardHost), host, hostCount); !why.isEmpty())
            return tr("Forward %1, host ports: %2").arg(row + 1).arg(why);
        if (QString why = VmNetwork::parsePorts(text(ForwardGuest), guest, guestCount);
            !why.isEmpty())
            return tr("Forward %1, guest ports: %2").arg(row + 1).arg(why);
        if (guestCount != 1 && guestCount != hostCount)
            return tr("Forward %1: the host and guest ranges must have as many ports.")
                .arg(row + 1);
    }
    return {};
}

void NetworkEditor::updateNote()
{
    QStringList open;
    for (const PortForward &f : forwards()) {
        if (f.address != "127.0.0.1"_L1 && !open.contains(f.address))
            open << f.address;
    }
    m_note->setText(
        open.isEmpty()
            ? tr("Forwards listen on 127.0.0.1: only programs on this computer can connect.")
            : tr("Some forwards listen on %1: other computers that reach this address can "
                 "connect to the guest.")
                  .arg(open.join(u", "_s)));
}
