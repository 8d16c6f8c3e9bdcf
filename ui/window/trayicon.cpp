// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/window/trayicon.h"

#include "models/vm/vminstance.h"
#include "models/vm/vmregistry.h"
#include "ui/widgets/symbolicicon.h"
#include "ui/widgets/vmlistproxymodel.h"
#include "ui/window/vmactions.h"

#include <algorithm>

#include <QApplication>
#include <QMenu>
#include <QPointer>
#include <QStyle>
#include <QSystemTrayIcon>

using namespace Qt::Literals::StringLiterals;

TrayIcon::TrayIcon(VmRegistry *registry, VmActions *actions, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_actions(actions)
    , m_menu(new QMenu)
{
    m_menu->setObjectName(u"trayMenu"_s);
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(
            QIcon::fromTheme(u"invalid.berth.Berth"_s, QIcon(u":/icons/berth.svg"_s)), this);
        m_tray->setContextMenu(m_menu);
        connect(m_tray, &QSystemTrayIcon::activated, this,
                [this](QSystemTrayIcon::ActivationReason reason) {
                    if (reason == QSystemTrayIcon::Trigger ||
                        reason == QSystemTrayIcon::DoubleClick)
                        Q_EMIT showWindowRequested();
                });
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayIcon::showWindowRequested);
        m_tray->show();
    }
    connect(m_menu, &QMenu::aboutToShow, this, &TrayIcon::rebuildMenu);
    connect(m_registry, &VmRegistry::countsChanged, this, &TrayIcon::updateToolTip);
    connect(m_registry, &VmRegistry::processEnded, this, &TrayIcon::onProcessEnded);
    rebuildMenu();
}

TrayIcon::~TrayIcon()
{
    delete m_menu; // a context menu has no parent widget
}

bool TrayIcon::isAvailable() const
{
    if (m_assumeAvailable)
        return true;
    return m_tray && m_tray->isVisible() && QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayIcon::onProcessEnded(VmInstance *vm, bool clean)
{
    if (clean)
        return;
    const QString reason = vm->lastError();
    notify(tr("“%1” stopped unexpectedly").arg(vm->definition().name),
           reason.isEmpty() ? tr("QEMU ended without shutting the VM down.") : reason);
}

void TrayIcon::rebuildMenu()
{
    // clear() leaves the submenus (children of the menu): they go later, since one may be on
    // screen right now.
    const QList<QMenu *> old = m_menu->findChildren<QMenu *>(QString(), Qt::FindDirectChildrenOnly);
    for (QMenu *sub : old) {
        sub->setObjectName(QString());
        sub->deleteLater();
    }
    m_menu->clear();
    const QStyle *style = QApplication::style();
    const QPalette palette = m_menu->palette();
    int listed = 0;
    QList<VmInstance *> vms = m_registry->instances();
    std::sort(vms.begin(), vms.end(), [](const VmInstance *a, const VmInstance *b) {
        return a->definition().name.localeAwareCompare(b->definition().name) < 0;
    });
    for (VmInstance *vm : std::as_const(vms)) {
        const VmState state = vm->state();
        if (!VmLifecycle::hasProcess(state))
            continue;
        ++listed;
        const QString name = vm->definition().name;
        const QUuid uuid = vm->definition().uuid;
        QMenu *sub = m_menu->addMenu(VmListProxyModel::stateIcon(int(state), style, palette),
                                     tr("%1 — %2").arg(name, vmStateDisplayName(state)));
        sub->setObjectName(u"trayVm:"_s + name);
        QAction *show = sub->addAction(tr("Show &Display"), this,
                                       [this, uuid] { Q_EMIT showDisplayRequested(uuid); });
        show->setObjectName(u"trayShowDisplay"_s);
        show->setEnabled(vm->allows(VmAction::Display));
        QPointer<VmInstance> target(vm);
        const bool paused = state == VmState::Paused;
        QAction *toggle =
            sub->addAction(paused ? SymbolicIcon::get(u"media-playback-start"_s,
                                                      QStyle::SP_MediaPlay, style, palette)
                                  : SymbolicIcon::get(u"media-playback-pause"_s,
                                                      QStyle::SP_MediaPause, style, palette),
                           paused ? tr("Res&ume") : tr("&Pause"), this, [this, target, paused] {
                               if (!target)
                                   return;
                               if (paused)
                                   m_actions->resumeVm(target);
                               else
                                   m_actions->pauseVm(target);
                           });
        toggle->setObjectName(paused ? u"trayResume"_s : u"trayPause"_s);
        toggle->setEnabled(vm->allows(paused ? VmAction::Resume : VmAction::Pause));
        QAction *shutdown = sub->addAction(
            SymbolicIcon::get(u"system-shutdown"_s, QStyle::SP_DialogCloseButton, style, palette),
            tr("Shut &Down"), this, [this, target] {
                if (target)
                    m_actions->shutDownVm(target);
            });
        shutdown->setObjectName(u"trayShutDown"_s);
        shutdown->setEnabled(vm->allows(VmAction::Shutdown));
    }
    if (listed == 0) {
        QAction *none = m_menu->addAction(tr("No virtual machine is running"));
        none->setObjectName(u"trayNoneRunning"_s);
        none->setEnabled(false);
    }
    m_menu->addSeparator();
    QAction *show = m_menu->addAction(tr("&Show Berth"), this, &TrayIcon::showWindowRequested);
    show->setObjectName(u"trayShowBerth"_s);
    QAction *quit = m_menu->addAction(tr("&Quit Berth"), this, &TrayIcon::quitRequested);
    quit->setObjectName(u"trayQuit"_s);
    updateToolTip();
}

void TrayIcon::updateToolTip()
{
    if (!m_tray)
        return;
    const int running = m_registry->runningCount() + m_registry->pausedCount();
    m_tray->setToolTip(running == 0 ? tr("Berth: no virtual machine is running")
                                    : tr("Berth: %n virtual machine(s) running", nullptr, running));
}

void TrayIcon::notify(const QString &title, const QString &message)
{
    if (m_tray)
        m_tray->showMessage(title, message, QSystemTrayIcon::Warning);
    Q_EMIT notified(title, message);
}
