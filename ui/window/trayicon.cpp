#include "ui/window/trayicon.h"

#include "models/itemmodels/vmlistmodel.h"
#include "models/vm/vminstance.h"
#include "ui/widgets/symbolicicon.h"
#include "ui/widgets/vmlistproxymodel.h"

#include <QApplication>
#include <QMenu>
#include <QPointer>
#include <QStyle>
#include <QSystemTrayIcon>

using namespace Qt::Literals::StringLiterals;

TrayIcon::TrayIcon(VmListModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
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
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                if (!VmListModel::isUsageOnly(topLeft, bottomRight)) // not every stats tick
                    onModelChanged();
            });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &TrayIcon::onModelChanged);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &TrayIcon::onModelChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TrayIcon::onModelChanged);
    onModelChanged();
    rebuildMenu();
}

TrayIcon::~TrayIcon()
{
    delete m_menu; // a context menu has no parent widget
}

int TrayIcon::runningCount() const
{
    int running = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (const VmInstance *vm = m_model->instance(m_model->index(row, 0)); vm && vm->pid() != 0)
            ++running;
    }
    return running;
}

void TrayIcon::onModelChanged()
{
    // Crash notifications: a VM seen in another state that is now Crashed. The first look at a
    // VM (Berth starting after the crash) does not notify.
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        const VmInstance *vm = m_model->instance(index);
        if (!vm)
            continue;
        const QUuid uuid = index.data(VmListModel::UuidRole).toUuid();
        const VmState state = vm->state();
        const auto previous = m_lastStates.constFind(uuid);
        if (state == VmState::Crashed && previous != m_lastStates.cend() &&
            *previous != VmState::Crashed) {
            const QString name = index.data().toString();
            const QString reason = vm->lastError();
            notify(tr("“%1” stopped unexpectedly").arg(name),
                   reason.isEmpty() ? tr("QEMU ended without shutting the VM down.") : reason);
        }
        m_lastStates.insert(uuid, state);
    }
    // The statistics change rows every second: the menu is built when it opens, the tool tip
    // follows at once.
    updateToolTip();
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
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        VmInstance *vm = m_model->instance(index);
        if (!vm || vm->pid() == 0)
            continue;
        ++listed;
        const QUuid uuid = index.data(VmListModel::UuidRole).toUuid();
        const VmState state = vm->state();
        QMenu *sub =
            m_menu->addMenu(VmListProxyModel::stateIcon(int(state), style, palette),
                            tr("%1 — %2").arg(index.data().toString(), vmStateDisplayName(state)));
        sub->setObjectName(u"trayVm:"_s + index.data().toString());
        QAction *show = sub->addAction(tr("Show &Display"), this,
                                       [this, uuid] { Q_EMIT showDisplayRequested(uuid); });
        show->setObjectName(u"trayShowDisplay"_s);
        QPointer<VmInstance> target(vm);
        if (state == VmState::Paused) {
            QAction *resume = sub->addAction(
                SymbolicIcon::get(u"media-playback-start"_s, QStyle::SP_MediaPlay, style, palette),
                tr("Res&ume"), this, [target] {
                    if (target)
                        target->resume();
                });
            resume->setObjectName(u"trayResume"_s);
        } else {
            QAction *pause = sub->addAction(
                SymbolicIcon::get(u"media-playback-pause"_s, QStyle::SP_MediaPause, style, palette),
                tr("&Pause"), this, [target] {
                    if (target)
                        target->pause();
                });
            pause->setObjectName(u"trayPause"_s);
            pause->setEnabled(state == VmState::Running);
        }
        QAction *shutdown = sub->addAction(
            SymbolicIcon::get(u"system-shutdown"_s, QStyle::SP_DialogCloseButton, style, palette),
            tr("Shut &Down"), this, [target] {
                if (target)
                    target->shutdown();
            });
        shutdown->setObjectName(u"trayShutDown"_s);
        shutdown->setEnabled(state == VmState::Running);
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
    const int running = runningCount();
    m_tray->setToolTip(running == 0 ? tr("Berth: no virtual machine is running")
                                    : tr("Berth: %n virtual machine(s) running", nullptr, running));
}

void TrayIcon::notify(const QString &title, const QString &message)
{
    if (m_tray)
        m_tray->showMessage(title, message, QSystemTrayIcon::Warning);
    Q_EMIT notified(title, message);
}
