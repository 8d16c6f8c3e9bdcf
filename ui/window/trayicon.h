// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QObject>
#include <QUuid>

class QMenu;
class QSystemTrayIcon;
class VmActions;
class VmInstance;
class VmRegistry;

/// Berth in the system tray: lets the window close while VMs keep running.
///
/// The menu lists every VM whose QEMU runs, each with a submenu of quick actions (Show
/// Display, Pause or Resume, Shut Down), then "Show Berth" and "Quit Berth". The quick
/// actions are the window's own (VmActions), enabled as VmLifecycle allows. The menu is
/// built from the registry when it opens, also where no tray exists (offscreen, some
/// desktops): menu() can be checked without one, and isAvailable() tells whether the icon
/// is shown.
///
/// When a VM's QEMU ends without a clean shutdown it shows a notification with the reason;
/// notified() reports each one, shown or not.
class TrayIcon final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayIcon)

public:
    /// @p registry and @p actions must outlive the tray icon.
    TrayIcon(VmRegistry *registry, VmActions *actions, QObject *parent = nullptr);
    ~TrayIcon() override;

    /// True when the desktop has a system tray now and the icon is shown in it. Asked
    /// when it matters (closing the window): a tray can go away (a panel that crashed).
    bool isAvailable() const;
    QMenu *menu() const { return m_menu; }

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
    void onProcessEnded(VmInstance *vm, bool clean);
    void updateToolTip();

    VmRegistry *m_registry;
    VmActions *m_actions;
    QMenu *m_menu;
    QSystemTrayIcon *m_tray = nullptr;
    bool m_assumeAvailable = false; // tests (trayicon_p.h)

    friend void assumeTrayAvailableForTesting(TrayIcon *tray);
};
