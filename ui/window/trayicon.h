#pragma once

#include "models/vm/vmstate.h"

#include <QHash>
#include <QObject>
#include <QUuid>

class QMenu;
class QSystemTrayIcon;
class VmListModel;

/// Berth in the system tray: lets the window close while VMs keep running.
///
/// The menu lists every VM whose QEMU runs, each with a submenu of quick actions (Show
/// Display, Pause or Resume, Shut Down), then "Show Berth" and "Quit Berth". It is built
/// from the model when it opens, also where no tray exists (offscreen, some desktops):
/// menu() can be checked without one, and isAvailable() tells whether the icon is shown.
///
/// When a VM's state becomes Crashed (QEMU ended without a clean shutdown) it shows a
/// notification with the reason; notified() reports each one, shown or not.
class TrayIcon final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayIcon)

public:
    /// @p model must outlive the tray icon.
    explicit TrayIcon(VmListModel *model, QObject *parent = nullptr);
    ~TrayIcon() override;

    /// True when the desktop has a system tray and the icon is shown in it.
    bool isAvailable() const { return m_tray != nullptr || m_assumeAvailable; }
    QMenu *menu() const { return m_menu; }

    /// How many VMs have a running QEMU process.
    int runningCount() const;

    /// Rebuilds the menu from the model; done each time the menu is about to show.
    void rebuildMenu();

    /// A desktop notification from the tray icon (when there is one).
    void notify(const QString &title, const QString &message);

Q_SIGNALS:
    void showWindowRequested();
    void showDisplayRequested(const QUuid &uuid);
    void quitRequested();
    /// notify() was called (whether or not a tray could show it).
    void notified(const QString &title, const QString &message);

private:
    void onModelChanged();
    void updateToolTip();

    VmListModel *m_model;
    QMenu *m_menu;
    QSystemTrayIcon *m_tray = nullptr;
    QHash<QUuid, VmState> m_lastStates;
    bool m_assumeAvailable = false; // tests (trayicon_p.h)

    friend void assumeTrayAvailableForTesting(TrayIcon *tray);
};
