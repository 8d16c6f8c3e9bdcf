// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/window/privatenetworksdialog.h"

#include "models/vm/privatenetworks.h"
#include "models/vm/vmlibrary.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

PrivateNetworksDialog::PrivateNetworksDialog(VmLibrary *library, QWidget *parent)
    : QDialog(parent)
    , m_library(library)
{
    setObjectName(u"privateNetworksDialog"_s);
    setWindowTitle(tr("Private Networks"));
    setWindowModality(Qt::WindowModal);

    auto *about = new QLabel(
        tr("VMs on one private network reach each other as if on one switch. Neither this "
           "computer's other networks nor its LAN can see them, and no root rights are needed. "
           "Plug a VM in under Settings → Network cards. (A host-only network, which this "
           "computer could reach too, needs root rights to make a network device: Berth does "
           "not offer one.)"),
        this);
    about->setWordWrap(true);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(u"networkList"_s);
    m_list->setHeaderLabels({tr("Name"), tr("VMs on it"), tr("Multicast group")});
    m_list->setRootIsDecorated(false);
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_list->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_problem = new QLabel(this);
    m_problem->setObjectName(u"networkProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);

    auto *create = new QPushButton(tr("&Create…"), this);
    create->setObjectName(u"createNetworkButton"_s);
    m_delete = new QPushButton(tr("&Delete"), this);
    m_delete->setObjectName(u"deleteNetworkButton"_s);
    connect(create, &QPushButton::clicked, this, &PrivateNetworksDialog::askName);
    connect(m_delete, &QPushButton::clicked, this, &PrivateNetworksDialog::deleteSelected);
    auto *deleteAction = new QAction(tr("&Delete"), m_list);
    deleteAction->setShortcut(QKeySequence::Delete);
    deleteAction->setShortcutContext(Qt::WidgetShortcut);
    connect(deleteAction, &QAction::triggered, this, &PrivateNetworksDialog::deleteSelected);
    auto *createAction = new QAction(tr("&Create…"), m_list);
    createAction->setShortcut(QKeySequence::New);
    connect(createAction, &QAction::triggered, this, &PrivateNetworksDialog::askName);
    m_list->addActions({createAction, deleteAction});
    connect(m_list, &QTreeWidget::currentItemChanged, this,
            [this] { m_delete->setEnabled(m_list->currentItem() != nullptr); });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *row = new QHBoxLayout;
    row->addWidget(create);
    row->addWidget(m_delete);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(about);
    layout->addWidget(m_list, 1);
    layout->addLayout(row);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(fontMetrics().averageCharWidth() * 80, fontMetrics().height() * 22);
    reload();
}

PrivateNetworksDialog::~PrivateNetworksDialog() = default;

void PrivateNetworksDialog::reload()
{
    const QString current = m_list->currentItem() ? m_list->currentItem()->text(0) : QString();
    m_list->clear();
    const Outcome<QList<PrivateNetwork>> networks = PrivateNetworks(m_library->root()).list();
    if (!networks) {
        m_problem->setText(networks.failure().message());
        return;
    }
    for (const PrivateNetwork &n : *networks) {
        const QStringList users = PrivateNetworks::users(n.name, *m_library);
        auto *item =
            new QTreeWidgetItem(m_list, {n.name, users.isEmpty() ? tr("none") : users.join(u", "_s),
                                         u"%1:%2"_s.arg(n.group).arg(n.port)});
        if (n.name == current)
            m_list->setCurrentItem(item);
    }
    m_delete->setEnabled(m_list->currentItem() != nullptr);
}

void PrivateNetworksDialog::askName()
{
    auto *ask = new QInputDialog(this);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setWindowTitle(tr("New Private Network"));
    ask->setLabelText(tr("Name (letters, digits, '-', '_' or '.'):"));
    connect(ask, &QInputDialog::textValueSelected, this,
            [this](const QString &name) { createNetwork(name.trimmed()); });
    ask->open();
}

bool PrivateNetworksDialog::createNetwork(const QString &name)
{
    const Outcome<PrivateNetwork> made = PrivateNetworks(m_library->root()).create(name);
    m_problem->setText(made ? QString() : made.failure().message());
    reload();
    if (made) {
        const QList<QTreeWidgetItem *> found = m_list->findItems(name, Qt::MatchExactly);
        if (!found.isEmpty())
            m_list->setCurrentItem(found.first());
    }
    return bool(made);
}

bool PrivateNetworksDialog::deleteSelected()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return false;
    const Outcome<> removed =
        PrivateNetworks(m_library->root()).removeUnused(item->text(0), *m_library);
    m_problem->setText(removed ? QString() : removed.failure().message());
    reload();
    return bool(removed);
}
