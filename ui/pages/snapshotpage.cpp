// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/pages/snapshotpage.h"

#include "models/itemmodels/snapshottreemodel.h"
#include "models/snapshots/snapshotoperation.h"
#include "models/vm/vminstance.h"
#include "models/vm/vmlifecycle.h"

#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QTreeView>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace {

/// How the snapshot list can be read: 1 live (QMP), 2 offline (qemu-img), 0 not now.
int listMode(const VmInstance *vm)
{
    if (!vm->allows(VmAction::Snapshot))
        return 0;
    return VmLifecycle::hasProcess(vm->state()) ? 1 : 2;
}

} // namespace

SnapshotPage::SnapshotPage(QWidget *parent)
    : QWidget(parent)
    , m_view(new QTreeView(this))
    , m_thumbnail(new QLabel(this))
    , m_details(new QLabel(this))
    , m_status(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_take(new QPushButton(tr("Ta&ke Snapshot…"), this))
    , m_revert(new QPushButton(tr("R&evert…"), this))
    , m_delete(new QPushButton(tr("De&lete…"), this))
{
    setObjectName(u"snapshotPage"_s);
    m_view->setObjectName(u"snapshotTree"_s);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAccessibleName(tr("Snapshots"));
    m_thumbnail->setObjectName(u"snapshotThumbnail"_s);
    m_thumbnail->setFixedSize(160, 120);
    m_thumbnail->setAlignment(Qt::AlignCenter);
    m_thumbnail->setFrameShape(QFrame::StyledPanel);
    m_thumbnail->hide(); // only snapshots with memory state have a picture
    m_details->setObjectName(u"snapshotDetails"_s);
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_status->setObjectName(u"snapshotStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(160);
    m_busy->hide();
    m_take->setObjectName(u"snapshotTake"_s);
    m_revert->setObjectName(u"snapshotRevert"_s);
    m_delete->setObjectName(u"snapshotDelete"_s);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_take);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_delete);
    buttons->addStretch(1);
    buttons->addWidget(m_busy);
    // The list takes the width (four columns); what the selected snapshot is comes below it.
    auto *selected = new QHBoxLayout;
    selected->addWidget(m_thumbnail, 0, Qt::AlignTop);
    selected->addWidget(m_details, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);
    layout->addLayout(selected);
    layout->addWidget(m_status);

    connect(m_take, &QPushButton::clicked, this, &SnapshotPage::askTake);
    connect(m_revert, &QPushButton::clicked, this, &SnapshotPage::askRevert);
    connect(m_delete, &QPushButton::clicked, this, &SnapshotPage::askDelete);
    auto *del = new QShortcut(QKeySequence::Delete, m_view);
    del->setContext(Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &SnapshotPage::askDelete);
    connect(m_view, &QTreeView::activated, this, &SnapshotPage::askRevert);
    setVm(nullptr);
}

SnapshotPage::~SnapshotPage() = default;

QString SnapshotPage::statusText() const
{
    return m_status->text();
}

void SnapshotPage::setVm(VmInstance *instance)
{
    if (instance && instance == m_instance && m_operation) {
        // The same VM: the list is read again only when it started or stopped (this is
        // called for every change of the VM's row, statistics included).
        const int mode = listMode(instance);
        if (std::exchange(m_listMode, mode) != mode && mode != 0)
            refreshList();
        updateButtons();
        return;
    }
    m_view->setModel(nullptr);
    m_model.reset();
    m_operation.reset();
    ++m_vmGeneration; // answers to questions asked about the previous VM are void
    m_instance = instance;
    m_listMode = instance ? listMode(instance) : 0;
    m_thenRevertTo.clear();
    if (instance) {
        m_operation = std::make_unique<SnapshotOperation>(instance);
        m_model = std::make_unique<SnapshotTreeModel>(m_operation.get());
        connect(m_operation.get(), &SnapshotOperation::progress, this,
                [this](const QString &step) { m_status->setText(step + u"…"_s); });
        connect(m_operation.get(), &SnapshotOperation::finished, this, &SnapshotPage::onFinished);
    }
    m_view->setModel(m_model.get());
    if (m_model) {
        for (const int column :
             {int(SnapshotTreeModel::NameColumn), int(SnapshotTreeModel::CreatedColumn),
              int(SnapshotTreeModel::ContentsColumn)})
            m_view->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
        // After the view's own reset handling, which clears its current index.
        connect(m_model.get(), &QAbstractItemModel::modelReset, this, [this] {
            m_view->expandAll();
            m_view->setCurrentIndex(m_model->indexOf(m_operation->store().current()));
        });
        connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
            updateButtons();
            updateSelection();
        });
        m_view->expandAll();
        refreshList();
    } else {
        m_status->clear();
    }
    updateButtons();
    updateSelection();
}

void SnapshotPage::refreshList()
{
    if (!m_operation || m_operation->isBusy())
        return;
    if (!m_instance->allows(VmAction::Snapshot))
        return;
    m_operation->refresh();
    updateButtons();
}

QString SnapshotPage::selectedName() const
{
    if (!m_model)
        return {};
    return m_model->data(m_view->currentIndex(), SnapshotTreeModel::NameRole).toString();
}

void SnapshotPage::updateButtons()
{
    const bool busy = !m_operation || m_operation->isBusy();
    const bool canSnapshot = m_instance && SnapshotOperation::checkSnapshottable(
                                               m_instance->definition(), m_instance->vmFolder())
                                               .isEmpty();
    const bool selected = !selectedName().isEmpty();
    m_take->setEnabled(!busy && canSnapshot);
    m_revert->setEnabled(!busy && canSnapshot && selected);
    m_delete->setEnabled(!busy && canSnapshot && selected);
    m_busy->setVisible(m_operation && m_operation->isBusy());
    if (m_instance && !canSnapshot)
        m_status->setText(SnapshotOperation::checkSnapshottable(m_instance->definition(),
                                                                m_instance->vmFolder()));
}

void SnapshotPage::updateSelection()
{
    const QModelIndex current = m_model ? m_view->currentIndex() : QModelIndex();
    if (!current.isValid()) {
        m_thumbnail->hide();
        m_details->clear();
        return;
    }
    const auto text = [&](int column) {
        return m_model->index(current.row(), column, current.parent()).data().toString();
    };
    QString details =
        tr("%1 — taken %2, %3")
            .arg(text(SnapshotTreeModel::NameColumn), text(SnapshotTreeModel::CreatedColumn),
                 text(SnapshotTreeModel::ContentsColumn));
    if (const QString description = text(SnapshotTreeModel::DescriptionColumn);
        !description.isEmpty())
        details += u'\n' + description;
    m_details->setText(details);

    const QPixmap pixmap(m_model->data(current, SnapshotTreeModel::ThumbnailPathRole).toString());
    m_thumbnail->setVisible(!pixmap.isNull());
    if (!pixmap.isNull())
        m_thumbnail->setPixmap(
            pixmap.scaled(m_thumbnail->size(), Qt::KeepAspectRatio, Qt::SmoothTransformation));
}

void SnapshotPage::onFinished(const Outcome<> &outcome)
{
    if (!outcome) {
        m_thenRevertTo.clear();
        m_status->setText(tr("The snapshot action failed: %1").arg(outcome.failure().message()));
    } else if (!m_thenRevertTo.isEmpty()) {
        const QString target = std::exchange(m_thenRevertTo, QString());
        m_operation->revert(target);
    } else if (const QStringList untouched = m_operation->untouchedDisks(); !untouched.isEmpty()) {
        QStringList names;
        for (const QString &disk : untouched)
            names.append(QFileInfo(disk).fileName());
        m_status->setText(tr("Done. Not on every disk: %1 did not hold the snapshot and kept "
                             "its contents.")
                              .arg(QLocale().createSeparatedList(names)));
    } else {
        const qsizetype count = m_operation->store().snapshots().size();
        m_status->setText(
            count == 0 ? tr("No snapshots yet. A snapshot of a running VM keeps "
                            "its memory too; of a stopped one, its disks.")
                       : tr("Snapshots: %1. Select one to revert to it or delete it.").arg(count));
    }
    updateButtons();
    updateSelection();
}

void SnapshotPage::takeSnapshot(const QString &name, const QString &description)
{
    if (!m_operation)
        return;
    m_operation->create(name, description);
    updateButtons();
}

void SnapshotPage::revertTo(const QString &name, bool snapshotFirst)
{
    if (!m_operation)
        return;
    if (snapshotFirst) {
        m_thenRevertTo = name;
        m_operation->create(
            tr("Before reverting to %1, %2")
                .arg(name, QDateTime::currentDateTime().toString(u"yyyy-MM-dd HH.mm.ss"_s)),
            tr("Taken automatically before reverting to %1").arg(name));
    } else {
        m_operation->revert(name);
    }
    updateButtons();
}

void SnapshotPage::deleteSnapshot(const QString &name)
{
    if (!m_operation)
        return;
    m_operation->remove(name);
    updateButtons();
}

void SnapshotPage::askTake()
{
    if (!m_take->isEnabled())
        return;
    // Asked without a nested event loop: the VM may change or vanish while it is open.
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Take a Snapshot"));
    auto *name = new QLineEdit(
        tr("Snapshot %1").arg(QDateTime::currentDateTime().toString(u"yyyy-MM-dd HH.mm"_s)),
        dialog);
    name->selectAll();
    auto *description = new QPlainTextEdit(dialog);
    description->setTabChangesFocus(true);
    auto *why = new QLabel(dialog);
    why->setWordWrap(true);
    const bool live = VmLifecycle::hasProcess(m_instance->state());
    why->setText(live ? tr("Saves the disks and the memory: reverting resumes the VM exactly "
                           "here. The VM pauses while its memory is saved.")
                      : tr("The VM is stopped: the snapshot holds its disks."));
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    box->button(QDialogButtonBox::Ok)->setText(tr("&Take Snapshot"));
    auto *form = new QFormLayout(dialog);
    form->addRow(tr("&Name:"), name);
    form->addRow(tr("&Description:"), description);
    form->addRow(why);
    form->addRow(box);
    auto validate = [this, name, box, why] {
        QString problem = SnapshotStore::validateTag(name->text());
        if (problem.isEmpty() && m_operation->store().find(name->text()))
            problem = tr("A snapshot with this name exists already");
        box->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
        name->setToolTip(problem);
        why->setText(problem.isEmpty() ? why->text() : problem);
    };
    connect(name, &QLineEdit::textChanged, dialog, validate);
    connect(box, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, this,
            [this, name, description, generation = m_vmGeneration] {
                if (generation == m_vmGeneration)
                    takeSnapshot(name->text(), description->toPlainText());
            });
    dialog->open();
}

void SnapshotPage::askRevert()
{
    const QString name = selectedName();
    if (name.isEmpty() || !m_revert->isEnabled())
        return;
    const SnapshotInfo *target = m_operation->store().find(name);
    const bool live = VmLifecycle::hasProcess(m_instance->state());
    if (live && target && !target->hasMemoryState) {
        auto *info = new QMessageBox(QMessageBox::Information, tr("Revert to “%1”").arg(name),
                                     tr("The snapshot “%1” holds the disks only, no memory "
                                        "state. Shut “%2” down to revert its disks to it.")
                                         .arg(name, m_instance->definition().name),
                                     QMessageBox::Ok, this);
        info->setAttribute(Qt::WA_DeleteOnClose);
        info->open();
        return;
    }
    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("Revert to “%1”?").arg(name),
        tr("Revert “%1” to the snapshot “%2”?").arg(m_instance->definition().name, name),
        QMessageBox::NoButton, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QString lost;
    if (live && target && target->hasMemoryState)
        lost = tr("Everything since the snapshot is lost: the programs running now and their "
                  "unsaved work, and every change to the disks. The VM resumes as it was at %1.")
                   .arg(QLocale().toString(target->created.toLocalTime(), QLocale::ShortFormat));
    else
        lost = tr("Every change to the disks since the snapshot is lost. The VM starts from "
                  "the snapshot's disks the next time.");
    if (target && !target->coversEveryDisk)
        lost += u"\n\n"_s +
                tr("Not every disk holds this snapshot: a disk added after it was taken keeps "
                   "its current contents.");
    box->setInformativeText(lost);
    QPushButton *first =
        box->addButton(tr("&Snapshot Current State, Then Revert"), QMessageBox::AcceptRole);
    QPushButton *revert = box->addButton(tr("&Revert"), QMessageBox::DestructiveRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(first);
    connect(box, &QMessageBox::buttonClicked, this,
            [this, name, first, revert, generation = m_vmGeneration](QAbstractButton *clicked) {
                if (generation != m_vmGeneration)
                    return;
                if (clicked == first)
                    revertTo(name, true);
                else if (clicked == revert)
                    revertTo(name, false);
            });
    box->open();
}

void SnapshotPage::askDelete()
{
    const QString name = selectedName();
    if (name.isEmpty() || !m_delete->isEnabled())
        return;
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Delete “%1”?").arg(name),
        tr("Delete the snapshot “%1”? You can no longer revert to it. The VM's current state "
           "and its disks are not touched; snapshots taken from it stay.")
            .arg(name),
        QMessageBox::NoButton, this);
    box->setObjectName(u"confirmSnapshotDelete"_s);
    // The button says what it does (not "Yes"), as the VM's own Delete does.
    QPushButton *remove = box->addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    remove->setObjectName(u"deleteButton"_s);
    box->setDefaultButton(box->addButton(QMessageBox::Cancel));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this,
            [this, remove, name, generation = m_vmGeneration](QAbstractButton *clicked) {
                if (generation == m_vmGeneration && clicked == remove)
                    deleteSnapshot(name);
            });
    box->open();
}
