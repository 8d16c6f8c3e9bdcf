// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/window/vmactions.h"

#include "models/itemmodels/vmlistmodel.h"
#include "models/resources/memoryadmission.h"
#include "models/vm/vminstance.h"
#include "ui/widgets/symbolicicon.h"
#include "ui/window/deletevmdialog.h"

#include <QAction>
#include <QCheckBox>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QWidget>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace {

/// What the user tried, as the start of an error sentence.
QString failureText(VmAction action, const QString &vm, const QString &message)
{
    QString what;
    switch (action) {
    case VmAction::Start:
        what = VmActions::tr("Could not start “%1”").arg(vm);
        break;
    case VmAction::Pause:
        what = VmActions::tr("Could not pause “%1”").arg(vm);
        break;
    case VmAction::Resume:
        what = VmActions::tr("Could not resume “%1”").arg(vm);
        break;
    case VmAction::Reset:
        what = VmActions::tr("Could not reset “%1”").arg(vm);
        break;
    case VmAction::Shutdown:
        what = VmActions::tr("Could not shut down “%1”").arg(vm);
        break;
    case VmAction::ForceOff:
        what = VmActions::tr("Could not force off “%1”").arg(vm);
        break;
    case VmAction::Edit:
        what = VmActions::tr("Could not change “%1”").arg(vm);
        break;
    case VmAction::Delete:
    case VmAction::Snapshot:
    case VmAction::Display:
        return message; // reported where they are done
    }
    return what + u": "_s + message;
}

} // namespace

VmActions::VmActions(VmListModel *model, QWidget *window)
    : QObject(window)
    , m_model(model)
    , m_window(window)
    , m_shutdownTimeout(60s)
{
    // Shortcuts: Ctrl for the everyday actions, Ctrl+Shift for the ones that interrupt a
    // guest. None collides with a text field's own keys.
    m_newVm =
        makeAction(u"actionNewVm"_s, tr("&New VM…"), "list-add", QStyle::SP_FileDialogNewFolder,
                   QKeySequence::New, tr("Create a virtual machine"));
    m_start =
        makeAction(u"actionStart"_s, tr("&Start"), "media-playback-start", QStyle::SP_MediaPlay,
                   QKeySequence(Qt::CTRL | Qt::Key_R), tr("Start the virtual machine"));
    m_pause =
        makeAction(u"actionPause"_s, tr("&Pause"), "media-playback-pause", QStyle::SP_MediaPause,
                   QKeySequence(Qt::CTRL | Qt::Key_P), tr("Pause the virtual machine"));
    m_resume = makeAction(
        u"actionResume"_s, tr("Res&ume"), "media-playback-start", QStyle::SP_MediaSeekForward,
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), tr("Resume the paused virtual machine"));
    m_shutdown = makeAction(u"actionShutDown"_s, tr("Shut &Down"), "system-shutdown",
                            QStyle::SP_MediaStop, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
                            tr("Ask the guest to shut down (ACPI power button)"));
    m_reset = makeAction(u"actionReset"_s, tr("&Reset…"), "view-refresh", QStyle::SP_BrowserReload,
                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                         tr("Restart the virtual machine at once, like a reset button"));
    m_forceOff = makeAction(u"actionForceOff"_s, tr("&Force Off…"), "process-stop",
                            QStyle::SP_BrowserStop, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F),
                            tr("Power the virtual machine off at once, like pulling the plug"));
    m_remove = makeAction(u"actionDelete"_s, tr("&Delete…"), "edit-delete", QStyle::SP_TrashIcon,
                          QKeySequence::Delete, tr("Delete the virtual machine"));
    // Del deletes a VM only from the list; in a text field it deletes text.
    m_remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_newVm->setIconText(tr("New"));
    m_shutdown->setIconText(tr("Shut Down"));
    m_forceOff->setIconText(tr("Force Off"));
    m_reset->setIconText(tr("Reset"));
    m_remove->setIconText(tr("Delete"));

    updateIcons();

    connect(m_newVm, &QAction::triggered, this, &VmActions::newVmRequested);
    connect(m_start, &QAction::triggered, this, [this] { startVm(current()); });
    connect(m_pause, &QAction::triggered, this, [this] { pauseVm(current()); });
    connect(m_resume, &QAction::triggered, this, [this] { resumeVm(current()); });
    connect(m_shutdown, &QAction::triggered, this, [this] { shutDownVm(current()); });
    connect(m_reset, &QAction::triggered, this, [this] { resetVm(current()); });
    connect(m_forceOff, &QAction::triggered, this, [this] { forceOffVm(current()); });
    connect(m_remove, &QAction::triggered, this, &VmActions::confirmDelete);
    refresh();
}

VmActions::~VmActions() = default;

QAction *VmActions::makeAction(const QString &objectName, const QString &text, const char *iconName,
                               int fallbackIcon, const QKeySequence &shortcut, const QString &tip)
{
    auto *action = new QAction(text, this);
    action->setObjectName(objectName);
    m_icons.append({action, iconName, fallbackIcon});
    action->setShortcut(shortcut);
    action->setStatusTip(tip);
    action->setToolTip(shortcut.isEmpty()
                           ? tip
                           : u"%1 (%2)"_s.arg(tip, shortcut.toString(QKeySequence::NativeText)));
    return action;
}

void VmActions::updateIcons()
{
    for (const IconSpec &spec : std::as_const(m_icons))
        spec.action->setIcon(SymbolicIcon::get(QLatin1StringView(spec.themeName),
                                               QStyle::StandardPixmap(spec.fallback),
                                               m_window->style(), m_window->palette()));
}

void VmActions::setCurrent(VmInstance *instance, const VmEntry &entry)
{
    m_instance = instance;
    m_entry = entry;
    m_hasCurrent = true;
    refresh();
}

void VmActions::clearCurrent()
{
    m_instance = nullptr;
    m_entry = {};
    m_hasCurrent = false;
    refresh();
}

void VmActions::refresh()
{
    const VmInstance *vm = current();
    // Enabled exactly when the lifecycle table allows it; otherwise the status tip says why.
    const auto follow = [vm](QAction *action, VmAction what, const QString &tip) {
        const QString why = vm ? vm->refusal(what) : QString();
        action->setEnabled(vm && why.isEmpty());
        action->setStatusTip(why.isEmpty() ? tip : why);
    };
    follow(m_start, VmAction::Start, tr("Start the virtual machine"));
    follow(m_pause, VmAction::Pause, tr("Pause the virtual machine"));
    follow(m_resume, VmAction::Resume, tr("Resume the paused virtual machine"));
    follow(m_reset, VmAction::Reset,
           tr("Restart the virtual machine at once, like a reset button"));
    follow(m_shutdown, VmAction::Shutdown, tr("Ask the guest to shut down (ACPI power button)"));
    follow(m_forceOff, VmAction::ForceOff,
           tr("Power the virtual machine off at once, like pulling the plug"));
    follow(m_remove, VmAction::Delete, tr("Delete the virtual machine"));
    if (m_hasCurrent && m_entry.isBroken()) { // no instance, nothing runs: it can go
        m_remove->setEnabled(true);
        m_remove->setStatusTip(tr("Delete the virtual machine"));
    }
}

void VmActions::watch(VmInstance *instance)
{
    connect(instance, &VmInstance::actionFailed, this,
            [this, instance](VmAction action, const QString &message) {
                Q_EMIT failed(instance->definition().uuid,
                              failureText(action, instance->definition().name, message));
            });
    for (auto problem : {&VmInstance::monitorProblem, &VmInstance::deviceProblem}) {
        connect(instance, problem, this, [this, instance](const QString &message) {
            Q_EMIT failed(instance->definition().uuid, message);
        });
    }
    connect(instance, &VmInstance::shutdownTimedOut, this,
            [this, instance] { askAfterShutdownTimeout(instance); });
    connect(instance, &VmInstance::stateChanged, this, [this, instance](VmState state) {
        if (instance == current())
            refresh();
        // The guest went down after all: the question is moot.
        if (state == VmState::Stopped || state == VmState::Crashed) {
            if (QMessageBox *box = m_shutdownPrompts.take(instance))
                box->close();
        }
    });
    connect(instance, &QObject::destroyed, this, [this, instance] {
        m_shutdownTimeouts.remove(instance);
        if (QMessageBox *box = m_shutdownPrompts.take(instance))
            box->close();
    });
}

void VmActions::startVm(VmInstance *vm)
{
    if (!vm)
        return;
    if (const QString why = vm->refusal(VmAction::Start); !why.isEmpty()) {
        Q_EMIT failed(vm->definition().uuid, why);
        return;
    }
    if (!m_startGate) {
        startAfterGate(vm);
        return;
    }
    QPointer<VmInstance> target = vm;
    m_startGate(vm, [this, target] {
        if (target && target->allows(VmAction::Start))
            startAfterGate(target);
    });
}

void VmActions::startAfterGate(VmInstance *vm)
{
    // The CLI's policy (berth start refuses what this asks about).
    const MemoryAdmission::Verdict verdict =
        MemoryAdmission::forStart(*m_model->library(), vm->definition());
    if (!verdict.message().isEmpty()) {
        confirmOvercommit(vm, verdict.message());
        return;
    }
    vm->start(); // failures arrive through actionFailed()
    Q_EMIT notice(tr("Starting “%1”…").arg(vm->definition().name));
}

void VmActions::confirmOvercommit(VmInstance *instance, const QString &warning)
{
    QPointer<VmInstance> vm = instance;
    const QString name = instance->definition().name;
    QMessageBox *box = question(u"confirmOvercommit"_s, tr("Not Enough Memory"),
                                tr("Start “%1” anyway?").arg(name), warning, tr("Start Anyway"));
    connect(box, &QMessageBox::buttonClicked, this, [this, box, vm, name](QAbstractButton *button) {
        if (box->buttonRole(button) != QMessageBox::DestructiveRole || !vm ||
            !vm->allows(VmAction::Start))
            return;
        vm->start();
        Q_EMIT notice(tr("Starting “%1”…").arg(name));
    });
    box->open();
}

void VmActions::pauseVm(VmInstance *vm)
{
    if (vm)
        vm->pause(); // a refusal arrives through actionFailed()
}

void VmActions::resumeVm(VmInstance *vm)
{
    if (vm)
        vm->resume();
}

void VmActions::shutDownVm(VmInstance *vm)
{
    if (!vm)
        return;
    if (const QString why = vm->refusal(VmAction::Shutdown); !why.isEmpty()) {
        Q_EMIT failed(vm->definition().uuid, why);
        return;
    }
    m_shutdownTimeouts.insert(vm, m_shutdownTimeout);
    vm->shutdown(m_shutdownTimeout);
    Q_EMIT notice(tr("Asked “%1” to shut down…").arg(vm->definition().name));
}

QMessageBox *VmActions::question(const QString &objectName, const QString &title,
                                 const QString &text, const QString &informative,
                                 const QString &confirmText)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Cancel, m_window);
    box->setObjectName(objectName);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(informative);
    QPushButton *confirm = box->addButton(confirmText, QMessageBox::DestructiveRole);
    confirm->setObjectName(u"confirmButton"_s);
    box->setDefaultButton(QMessageBox::Cancel); // Enter must not destroy anything
    box->setEscapeButton(QMessageBox::Cancel);
    return box;
}

void VmActions::resetVm(VmInstance *instance)
{
    if (!instance || !instance->allows(VmAction::Reset))
        return;
    QPointer<VmInstance> vm = instance;
    QMessageBox *box =
        question(u"confirmReset"_s, tr("Reset Virtual Machine"),
                 tr("Reset “%1”?").arg(instance->definition().name),
                 tr("The guest restarts at once, like pressing a reset button: whatever it has "
                    "not saved is lost."),
                 tr("Reset"));
    connect(box, &QMessageBox::buttonClicked, this, [box, vm](QAbstractButton *button) {
        if (box->buttonRole(button) == QMessageBox::DestructiveRole && vm)
            vm->reset();
    });
    box->open();
}

void VmActions::forceOffVm(VmInstance *instance)
{
    if (!instance || !instance->allows(VmAction::ForceOff))
        return;
    QPointer<VmInstance> vm = instance;
    QMessageBox *box = question(u"confirmForceOff"_s, tr("Force Off Virtual Machine"),
                                tr("Force “%1” off?").arg(instance->definition().name),
                                tr("This is like pulling the power cord: whatever the guest "
                                   "has not saved is lost. Shut Down asks the guest to stop "
                                   "cleanly instead."),
                                tr("Force Off"));
    connect(box, &QMessageBox::buttonClicked, this, [box, vm](QAbstractButton *button) {
        if (box->buttonRole(button) == QMessageBox::DestructiveRole && vm &&
            vm->allows(VmAction::ForceOff))
            vm->forceStop();
    });
    box->open();
}

void VmActions::confirmDelete()
{
    if (!m_hasCurrent || !m_remove->isEnabled())
        return;
    auto *dialog = new DeleteVmDialog(m_entry, m_model->library()->imagesFolder(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { deleteVm(dialog->folder(), dialog->disksToDelete()); });
    dialog->open();
}

void VmActions::deleteVm(const QString &folder, const QStringList &deleteDisks)
{
    // The list may have changed while the question was open: find the VM again.
    QModelIndex index;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->index(row, 0).data(VmListModel::FolderRole).toString() == folder)
            index = m_model->index(row, 0);
    }
    const VmEntry *entry = index.isValid() ? m_model->entry(index) : nullptr;
    if (!entry) {
        Q_EMIT failed(
            {}, tr("Could not delete the VM in %1: it is no longer in the library.").arg(folder));
        return;
    }
    const QString name = entry->name();
    if (const VmInstance *vm = m_model->instance(index); vm && !vm->allows(VmAction::Delete)) {
        Q_EMIT failed({}, tr("“%1” is running (it may have been started from elsewhere): shut it "
                             "down before deleting it.")
                              .arg(name));
        return;
    }
    const Outcome<QStringList> removed = m_model->library()->removeWithDisks(name, deleteDisks);
    if (!removed) {
        Q_EMIT failed({}, tr("Could not delete “%1”: %2").arg(name, removed.failure().message()));
        m_model->reload(); // find out what is left on disk
        return;
    }
    Q_EMIT notice(removed.value().isEmpty() ? tr("Deleted “%1”.").arg(name)
                                            : tr("Deleted “%1”; its kept disk images are in %2.")
                                                  .arg(name, m_model->library()->imagesFolder()));
}

void VmActions::askAfterShutdownTimeout(VmInstance *instance)
{
    if (!instance->allows(VmAction::ForceOff))
        return;
    if (QMessageBox *open = m_shutdownPrompts.value(instance)) {
        open->raise();
        return;
    }
    const std::chrono::milliseconds timeout = m_shutdownTimeouts.value(instance, m_shutdownTimeout);
    const QString name = instance->definition().name;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Shut Down"),
                                tr("“%1” has not shut down yet.").arg(name), QMessageBox::NoButton,
                                m_window);
    box->setObjectName(u"shutdownTimeoutPrompt"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setModal(false);
    box->setInformativeText(
        tr("The guest did not power off within %1 of the power button. It may be busy, or it "
           "may ignore the button. Force Off loses whatever it has not saved.")
            .arg(
                timeout < 2s
                    ? tr("a second")
                    : tr("%1 seconds")
                          .arg(std::chrono::duration_cast<std::chrono::seconds>(timeout).count())));
    QPushButton *wait = box->addButton(tr("Keep Waiting"), QMessageBox::AcceptRole);
    wait->setObjectName(u"keepWaitingButton"_s);
    QPushButton *force = box->addButton(tr("Force Off"), QMessageBox::DestructiveRole);
    force->setObjectName(u"forceOffButton"_s);
    box->setDefaultButton(wait);
    box->setEscapeButton(wait);
    QPointer<VmInstance> vm = instance;
    connect(box, &QMessageBox::buttonClicked, this,
            [this, box, vm, timeout](QAbstractButton *button) {
                if (!vm || !vm->allows(VmAction::ForceOff))
                    return;
                m_shutdownPrompts.remove(vm.data());
                if (box->buttonRole(button) == QMessageBox::DestructiveRole) {
                    vm->forceStop();
                } else {
                    m_shutdownTimeouts.insert(vm.data(), timeout);
                    vm->shutdown(timeout);
                }
            });
    connect(box, &QObject::destroyed, this, [this, instance] {
        if (m_shutdownPrompts.value(instance).isNull())
            m_shutdownPrompts.remove(instance);
    });
    m_shutdownPrompts.insert(instance, box);
    box->show();
}
