// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QMainWindow>
#include <QUuid>

class MessageBar;
class QAction;
class QLabel;
class QMenu;
class QSplitter;
class QStackedWidget;
class HostSummary;
class StatsSampler;
class TrayIcon;
class PortabilityActions;
class VmActions;
class VmDetailsPane;
class VmLibrary;
class VmListModel;
class MemoryBalancer;
class VmRegistry;
class VmListProxyModel;
class VmListView;

/// Berth's main window: the VM list on the left, the selected VM's details on the right,
/// the lifecycle actions in a toolbar, the "Virtual Machine" menu and the list's context
/// menu, and a message bar for errors. An empty library shows a placeholder with a
/// "New VM…" button instead of the list.
///
/// Remembers its geometry, the splitter's sizes and the list's columns (QSettings).
///
/// Closing it while VMs run does what Preferences say (AppSettings::closeAction()): hide to
/// the tray (when the desktop has one), quit, or ask. VMs keep running whichever it is.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    /// @p library must outlive the window.
    explicit MainWindow(VmLibrary *library, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Shows the About dialog (non-modal, one at a time).
    void showAbout();
    /// Opens the New VM wizard (window-modal, one at a time).
    void showNewVmWizard();
    /// Opens the New Disk Image wizard (one at a time), attaching to @p vmName if given.
    void showDiskImageWizard(const QString &vmName = {});
    /// Opens the Host Resources view (HostResourcesDialog; not modal, one at a time).
    void showHostResources();
    /// Opens the Preferences dialog (window-modal, one at a time).
    void showPreferences();
    /// Quits Berth (after the unapplied-settings question); running VMs keep running.
    void quitBerth();
    /// Shows, raises and activates the window (from the tray, or a second `berth`).
    void showFromTray();
    /// Shows the window with the screen of the VM called @p vmName (`berth view` while the
    /// window runs), full screen if asked. False when there is no such VM.
    bool showDisplayOf(const QString &vmName, bool fullScreen);

    VmListModel *model() const { return m_model; }
    VmRegistry *registry() const { return m_registry; }
    VmListView *listView() const { return m_list; }
    VmDetailsPane *detailsPane() const { return m_details; }
    VmActions *actions() const { return m_actions; }
    /// Clone…, Export…, Import… and bundles dropped on the window.
    PortabilityActions *portability() const { return m_portability; }
    MessageBar *messageBar() const { return m_messageBar; }
    /// Samples every running VM for the usage columns, the Performance tab and the host
    /// summary; its interval is the "stats/intervalMs" setting (setInterval() to change it).
    StatsSampler *statsSampler() const { return m_sampler; }
    TrayIcon *trayIcon() const { return m_tray; }

    /// Makes the VM with @p uuid the current one; false when it is not in the list.
    bool selectVm(const QUuid &uuid);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createMenus();
    void onCurrentChanged(const QModelIndex &current, const QModelIndex &previous);
    void updateCurrent();
    void updatePlaceholder();
    void updateSummary();
    void onVmCreated(const QUuid &uuid, bool start, bool showDisplay);
    void restoreWindowState();
    void saveWindowState() const;
    void askOnClose(int running);
    void hideToTray();
    void showScreenOf(const QUuid &uuid);

    VmLibrary *m_library;
    StatsSampler *m_sampler;
    VmRegistry *m_registry;
    MemoryBalancer *m_balancer = nullptr;
    VmListModel *m_model;
    VmListProxyModel *m_proxy;
    VmActions *m_actions;
    MessageBar *m_messageBar;
    QStackedWidget *m_stack;
    QWidget *m_placeholder;
    QSplitter *m_splitter;
    VmListView *m_list;
    VmDetailsPane *m_details;
    QMenu *m_contextMenu;
    QAction *m_newDisk = nullptr;
    QAction *m_addDisk = nullptr;
    PortabilityActions *m_portability = nullptr;
    QLabel *m_summary;
    HostSummary *m_hostSummary;
    bool m_closeConfirmed = false;
    bool m_switching = false; ///< moving the selection back while asking about edits
    bool m_quitting = false;
    TrayIcon *m_tray = nullptr;
};
