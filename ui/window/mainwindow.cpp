// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/window/mainwindow.h"

#include "models/disks/diskimageusers.h"
#include "models/itemmodels/vmlistmodel.h"
#include "models/resources/memorybalancer.h"
#include "models/settings/appsettings.h"
#include "models/stats/statssampler.h"
#include "models/vm/qemumachines.h"
#include "models/vm/vminstance.h"
#include "models/vm/vmlibrary.h"
#include "models/vm/vmregistry.h"
#include "ui/pages/definitioneditor.h"
#include "ui/pages/displaypage.h"
#include "ui/pages/vmdetailspane.h"
#include "ui/widgets/hostsummary.h"
#include "ui/widgets/messagebar.h"
#include "ui/widgets/messageboxwidth.h"
#include "ui/widgets/sparklinedelegate.h"
#include "ui/widgets/symbolicicon.h"
#include "ui/widgets/vmlistproxymodel.h"
#include "ui/widgets/vmlistview.h"
#include "ui/window/hostresourcesdialog.h"
#include "ui/window/portabilityactions.h"
#include "ui/window/preferencesdialog.h"
#include "ui/window/privatenetworksdialog.h"
#include "ui/window/statustips.h"
#include "ui/window/trayicon.h"
#include "ui/window/unappliedquestion.h"
#include "ui/window/vmactions.h"
#include "ui/wizards/diskimagewizard.h"
#include "ui/wizards/newvmwizard.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

QWidget *makePlaceholder(QWidget *parent, QAction *newVm)
{
    auto *page = new QWidget(parent);
    page->setObjectName(u"emptyLibraryPage"_s);
    auto *label = new QLabel(MainWindow::tr("<h3>No virtual machines yet</h3>"
                                            "<p>Create one to install an operating system from "
                                            "an ISO image, or to boot a Linux kernel directly."
                                            "</p>"),
                             page);
    label->setObjectName(u"emptyLibraryLabel"_s);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText); // a hint, not content
    auto *button = new QPushButton(newVm->icon(), MainWindow::tr("&New VM…"), page);
    button->setObjectName(u"emptyLibraryNewVmButton"_s);
    QObject::connect(button, &QPushButton::clicked, newVm, &QAction::trigger);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(2);
    layout->addWidget(label);
    layout->addSpacing(12);
    layout->addWidget(button, 0, Qt::AlignHCenter);
    layout->addStretch(3);
    page->setFocusProxy(button);
    return page;
}

} // namespace

MainWindow::MainWindow(VmLibrary *library, QWidget *parent)
    : QMainWindow(parent)
    , m_library(library)
    , m_sampler(new StatsSampler(this))
    , m_registry(new VmRegistry(library, this))
    , m_model(new VmListModel(m_registry, this))
    , m_proxy(new VmListProxyModel(m_model, this))
    , m_actions(new VmActions(m_model, this))
    , m_messageBar(new MessageBar(this))
    , m_stack(new QStackedWidget(this))
    , m_placeholder(makePlaceholder(m_stack, m_actions->newVm()))
    , m_splitter(new QSplitter(Qt::Horizontal, m_stack))
    , m_list(new VmListView(m_splitter))
    , m_details(new VmDetailsPane(library, m_splitter))
    , m_contextMenu(new QMenu(this))
    , m_summary(new QLabel(this))
    , m_hostSummary(new HostSummary(this))
{
    QemuMachines::prefetch(); // the settings page lists them; ask QEMU early, off this thread
    setWindowTitle(tr("Berth"));
    setObjectName(u"MainWindow"_s);
    setWindowIcon(QIcon::fromTheme(u"invalid.berth.Berth"_s, QIcon(u":/icons/berth.svg"_s)));

    m_list->setModel(m_proxy);
    m_model->setStatsSampler(m_sampler);
    auto *sparklines = new SparklineDelegate(m_list);
    m_list->setItemDelegateForColumn(VmListModel::CpuUsageColumn, sparklines);
    m_list->setItemDelegateForColumn(VmListModel::MemoryUsageColumn, sparklines);
    m_details->setStatsSampler(m_sampler);
    m_balancer = new MemoryBalancer(m_registry, m_sampler, this);
    m_balancer->setEnabled(MemoryBalancer::enabledInSettings());
    m_list->sortByColumn(VmListModel::NameColumn, Qt::AscendingOrder);
    m_list->setContextMenu(m_contextMenu);
    m_list->addAction(m_actions->remove()); // Del acts only while the list has focus
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->addWidget(m_list);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_splitter);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->addWidget(m_messageBar);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    createMenus();

    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onCurrentChanged);
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                // Not every stats tick: the details pane would reload the settings editor.
                if (VmListModel::isUsageOnly(topLeft, bottomRight))
                    return;
                updateCurrent();
            });
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateCurrent);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        updatePlaceholder();
        if (!m_list->currentIndex().isValid())
            m_list->setCurrentIndex(m_proxy->index(0, 0));
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        updatePlaceholder();
        updateCurrent();
    });
    connect(m_actions, &VmActions::failed, this, [this](const QUuid &vm, const QString &message) {
        m_messageBar->showMessage(MessageBar::Kind::Error, message, vm);
        statusBar()->clearMessage(); // "Starting…" no longer holds
        updateCurrent();             // a failed start changes lastError(), not the state
    });
    connect(m_actions, &VmActions::notice, this,
            [this](const QString &message) { statusBar()->showMessage(message, 5000); });
    connect(m_actions, &VmActions::newVmRequested, this, &MainWindow::showNewVmWizard);
    m_actions->setStartGate([this](VmInstance *vm, const std::function<void()> &go) {
        // Starting the VM whose settings are being edited: with them, or knowingly without.
        if (vm->vmFolder() != m_details->editor()->folder())
            go();
        else
            UnappliedQuestion::ask(this, m_details->editor(), UnappliedQuestion::Before::Start, go);
    });
    // Start on a stopped VM's Display tab: the Start action, with its unapplied-settings gate.
    connect(m_details, &VmDetailsPane::startRequested, m_actions, &VmActions::startVm);
    // Double-click or Enter on a VM opens its screen.
    connect(m_list, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (!index.isValid())
            return;
        m_details->tabs()->setCurrentWidget(m_details->displayPage());
        m_details->displayPage()->setFocus();
    });
    connect(m_details->editor(), &DefinitionEditor::addDiskRequested, this,
            [this](const QString &vmName) { showDiskImageWizard(vmName); });
    connect(m_details->editor(), &DefinitionEditor::applied, this,
            [this](const QString &, const VmDefinition &definition) {
                // The model follows the library's changed() and hands the definition to
                // the stopped VM's instance.
                statusBar()->showMessage(tr("Saved the settings of “%1”.").arg(definition.name),
                                         5000);
            });

    for (VmInstance *vm : m_registry->instances())
        m_actions->watch(vm);
    connect(m_registry, &VmRegistry::instanceAdded, m_actions, &VmActions::watch);
    connect(m_registry, &VmRegistry::countsChanged, this, &MainWindow::updateSummary);
    // A VM's message says what went wrong in the state it was in: once the state moves on
    // (it started after all, the monitor answers again), the message is no longer true.
    const auto clearOnStateChange = [this](VmInstance *vm) {
        connect(vm, &VmInstance::stateChanged, m_messageBar,
                [this, vm] { m_messageBar->clearMessage(vm->definition().uuid); });
    };
    for (VmInstance *vm : m_registry->instances())
        clearOnStateChange(vm);
    connect(m_registry, &VmRegistry::instanceAdded, this, clearOnStateChange);
    connect(m_registry, &VmRegistry::instanceRemoved, m_messageBar,
            [this](VmInstance *vm) { m_messageBar->clearMessage(vm->definition().uuid); });
    m_tray = new TrayIcon(m_registry, m_actions, this);
    connect(m_tray, &TrayIcon::showWindowRequested, this, &MainWindow::showFromTray);
    connect(m_tray, &TrayIcon::showDisplayRequested, this, &MainWindow::showScreenOf);
    connect(m_tray, &TrayIcon::quitRequested, this, &MainWindow::quitBerth);

    restoreWindowState();
    if (m_proxy->rowCount() > 0)
        m_list->setCurrentIndex(m_proxy->index(0, 0));
    updatePlaceholder();
    updateCurrent();
    m_summary->setObjectName(u"librarySummary"_s);
    statusBar()->addPermanentWidget(m_hostSummary);
    statusBar()->addPermanentWidget(m_summary);
    m_hostSummary->setSampler(m_sampler);
    m_sampler->start();
    statusBar()->showMessage(tr("Ready"));
    new StatusTips(this);
    MessageBoxWidth::install();
    // The list has the focus at start (the placeholder's button when there is no VM).
    if (m_stack->currentWidget() == m_splitter)
        m_list->setFocus();
    else
        m_placeholder->setFocus();
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    VmActions *a = m_actions;
    m_portability = new PortabilityActions(m_library, this, m_messageBar);
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(a->newVm());
    fileMenu->addAction(m_portability->importAction());
    m_newDisk =
        fileMenu->addAction(tr("New &Disk Image…"), this, [this] { showDiskImageWizard(); });
    m_newDisk->setObjectName(u"actionNewDiskImage"_s);
    m_newDisk->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_newDisk->setStatusTip(tr("Create, import or clone a disk image"));
    m_addDisk = new QAction(tr("Add &Disk…"), this);
    m_addDisk->setObjectName(u"actionAddDisk"_s);
    m_addDisk->setStatusTip(tr("Give the virtual machine another disk (while it is shut down)"));
    connect(m_addDisk, &QAction::triggered, this, [this] {
        const QModelIndex source = m_proxy->mapToSource(m_list->currentIndex());
        if (const VmEntry *e = source.isValid() ? m_model->entry(source) : nullptr)
            showDiskImageWizard(e->name());
    });
    QAction *networks = fileMenu->addAction(tr("Private &Networks…"), this, [this] {
        if (auto *open = findChild<PrivateNetworksDialog *>(QString(), Qt::FindDirectChildrenOnly))
            return open->raise();
        auto *dialog = new PrivateNetworksDialog(m_library, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    networks->setObjectName(u"actionPrivateNetworks"_s);
    networks->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    networks->setStatusTip(tr("Networks between VMs that nothing else can see"));
    fileMenu->addSeparator();
    QAction *preferences = fileMenu->addAction(
        SymbolicIcon::get(u"preferences-system"_s, QStyle::SP_FileDialogDetailedView, style(),
                          palette()),
        tr("&Preferences…"), this, &MainWindow::showPreferences);
    preferences->setObjectName(u"actionPreferences"_s);
    preferences->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    preferences->setMenuRole(QAction::PreferencesRole);
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), this, &MainWindow::quitBerth);
    quit->setObjectName(u"actionQuit"_s);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *vmMenu = menuBar()->addMenu(tr("&Virtual Machine"));
    vmMenu->setObjectName(u"vmMenu"_s);
    vmMenu->addActions({a->start(), a->pause(), a->resume(), a->reset()});
    vmMenu->addSeparator();
    vmMenu->addActions({a->shutdown(), a->forceOff()});
    vmMenu->addSeparator();
    vmMenu->addAction(m_addDisk);
    vmMenu->addActions({m_portability->cloneAction(), m_portability->exportAction()});
    vmMenu->addAction(a->remove());

    m_contextMenu->setObjectName(u"vmContextMenu"_s);
    m_contextMenu->addActions({a->start(), a->pause(), a->resume(), a->reset()});
    m_contextMenu->addSeparator();
    m_contextMenu->addActions({a->shutdown(), a->forceOff()});
    m_contextMenu->addSeparator();
    m_contextMenu->addAction(m_addDisk);
    m_contextMenu->addActions({m_portability->cloneAction(), m_portability->exportAction()});
    m_contextMenu->addAction(a->remove());
    m_contextMenu->addSeparator();
    m_contextMenu->addAction(a->newVm());

    QToolBar *toolBar = addToolBar(tr("Virtual Machine"));
    toolBar->setObjectName(u"mainToolBar"_s);
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(a->newVm());
    toolBar->addSeparator();
    toolBar->addActions({a->start(), a->pause(), a->resume()});
    toolBar->addSeparator();
    toolBar->addActions({a->shutdown(), a->forceOff(), a->reset()});
    toolBar->addSeparator();
    toolBar->addAction(a->remove());

    QMenu *viewMenu = menuBar()->addMenu(tr("Vie&w"));
    QAction *showToolBar = toolBar->toggleViewAction();
    showToolBar->setText(tr("Show &Toolbar"));
    viewMenu->addAction(showToolBar);
    QAction *hostResources =
        viewMenu->addAction(tr("&Host Resources…"), this, &MainWindow::showHostResources);
    hostResources->setObjectName(u"actionHostResources"_s);
    hostResources->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    // No shortcut: Ctrl+W closes windows elsewhere. Alt+W, D reaches it.
    QAction *dismiss =
        viewMenu->addAction(tr("&Dismiss Message"), m_messageBar, &MessageBar::dismiss);
    dismiss->setObjectName(u"actionDismissMessage"_s);
    dismiss->setEnabled(false);
    connect(m_messageBar, &MessageBar::messageChanged, dismiss, &QAction::setEnabled);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *about = helpMenu->addAction(tr("&About Berth"), this, &MainWindow::showAbout);
    about->setObjectName(u"actionAbout"_s);
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::onCurrentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    if (m_switching)
        return;
    DefinitionEditor *editor = m_details->editor();
    if (!editor->isModified() || !previous.isValid()) {
        updateCurrent();
        return;
    }
    // Stay on the VM being edited until the user says what becomes of the edits.
    const QPersistentModelIndex wanted(current);
    {
        const QScopedValueRollback guard(m_switching, true);
        m_list->setCurrentIndex(previous);
    }
    UnappliedQuestion::ask(this, editor, UnappliedQuestion::Before::Switch, [this, wanted] {
        if (wanted.isValid())
            m_list->setCurrentIndex(wanted); // updates the details through currentChanged
        else
            updateCurrent();
    });
}

void MainWindow::updateCurrent()
{
    updateSummary();
    const QModelIndex source = m_proxy->mapToSource(m_list->currentIndex());
    const VmEntry *entry = source.isValid() ? m_model->entry(source) : nullptr;
    if (m_addDisk)
        m_addDisk->setEnabled(entry && !entry->isBroken() && !DiskImageUsers::isRunning(*entry));
    m_portability->setCurrent(entry);
    m_messageBar->setCurrentOwner(entry ? entry->definition.uuid : QUuid());
    // "web — Berth": the desktop's window list tells which VM the window shows.
    setWindowTitle(entry ? entry->name() : tr("Berth"));
    if (!entry) {
        m_actions->clearCurrent();
        m_details->clear();
        return;
    }
    VmInstance *vm = m_model->instance(source);
    const VmEntry copy = *entry; // the model's rows move when others are added
    m_actions->setCurrent(vm, copy);
    m_details->setVm(vm, copy);
}

void MainWindow::updateSummary()
{
    const int running = m_registry->runningCount();
    const int paused = m_registry->pausedCount();
    // English plurals come from translations/berth_en.ts, like every other language's.
    QString text = tr("%n virtual machine(s)", nullptr, m_model->rowCount());
    if (running > 0)
        text = tr("%1, %n running", nullptr, running).arg(text);
    if (paused > 0)
        text = tr("%1, %n paused", nullptr, paused).arg(text);
    m_summary->setText(text);
}

void MainWindow::updatePlaceholder()
{
    const bool empty = m_model->rowCount() == 0;
    QWidget *want = empty ? m_placeholder : static_cast<QWidget *>(m_splitter);
    if (m_stack->currentWidget() == want)
        return;
    const bool hadFocus = m_stack->isAncestorOf(QApplication::focusWidget());
    m_stack->setCurrentWidget(want);
    if (hadFocus || !QApplication::focusWidget())
        (empty ? m_placeholder : static_cast<QWidget *>(m_list))->setFocus();
}

bool MainWindow::selectVm(const QUuid &uuid)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexOf(uuid));
    if (!index.isValid())
        return false;
    m_list->setCurrentIndex(index);
    m_list->scrollTo(index);
    return true;
}

/// Brings the window's open @p Wizard to the front; false when there is none.
template<typename Wizard>
static bool raiseOpen(QWidget *window)
{
    auto *open = window->findChild<Wizard *>(QString(), Qt::FindDirectChildrenOnly);
    if (open) {
        open->raise();
        open->activateWindow();
    }
    return open;
}

void MainWindow::showNewVmWizard()
{
    if (raiseOpen<NewVmWizard>(this))
        return;
    auto *wizard = new NewVmWizard(m_library, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &NewVmWizard::vmCreated, this, &MainWindow::onVmCreated);
    wizard->open();
}

void MainWindow::showDiskImageWizard(const QString &vmName)
{
    if (raiseOpen<DiskImageWizard>(this))
        return;
    auto *wizard = new DiskImageWizard(m_library, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    if (!vmName.isEmpty())
        wizard->setTargetVm(vmName);
    connect(wizard, &DiskImageWizard::diskReady, this,
            [this](const QString &path, const QString &vm) {
                statusBar()->showMessage(vm.isEmpty() ? tr("Created %1.").arg(path)
                                                      : tr("Added %1 to “%2”.").arg(path, vm),
                                         5000);
            });
    wizard->open();
}

void MainWindow::onVmCreated(const QUuid &uuid, bool start, bool showDisplay)
{
    if (!selectVm(uuid))
        return;
    m_list->setFocus();
    statusBar()->showMessage(tr("Created “%1”.").arg(m_list->currentIndex().data().toString()),
                             5000);
    if (showDisplay)
        m_details->tabs()->setCurrentWidget(m_details->displayPage());
    if (start)
        m_actions->start()->trigger();
}

void MainWindow::showAbout()
{
    auto *box = findChild<QMessageBox *>(u"aboutDialog"_s, Qt::FindDirectChildrenOnly);
    if (!box) {
        box = new QMessageBox(this);
        box->setObjectName(u"aboutDialog"_s);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setWindowTitle(tr("About Berth"));
        box->setIconPixmap(windowIcon().pixmap(64, 64));
        box->setTextFormat(Qt::RichText);
        box->setText(tr("<h2>Berth %1</h2>"
                        "<p>A desktop manager for QEMU/KVM virtual machines.</p>"
                        "<p>Berth talks to QEMU directly over QMP and shows each guest's "
                        "screen in its window.</p>")
                         .arg(QApplication::applicationVersion()));
        box->setInformativeText(
            tr("Built with Qt %1, running on Qt %2.")
                .arg(QLatin1StringView(QT_VERSION_STR), QLatin1StringView(qVersion())));
        box->setStandardButtons(QMessageBox::Close);
        box->setModal(false);
    }
    box->show();
    box->raise();
    box->activateWindow();
}

void MainWindow::restoreWindowState()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value("MainWindow/geometry"_L1).toByteArray()))
        resize(1100, 720);
    restoreState(settings.value("MainWindow/state"_L1).toByteArray());
    if (!m_list->header()->restoreState(settings.value("MainWindow/listHeader"_L1).toByteArray())) {
        m_list->resizeColumnsToContents();
        m_list->showDefaultColumns();
    }
    if (!m_splitter->restoreState(settings.value("MainWindow/splitter"_L1).toByteArray())) {
        // The list as wide as its columns (never more than 3/8), the screen gets the rest.
        const int list = m_list->fitVisibleColumns(width() * 3 / 8);
        m_splitter->setSizes({list, width() - list});
    }
    m_details->tabs()->setCurrentIndex(settings.value("MainWindow/detailsTab"_L1, 0).toInt());
}

void MainWindow::saveWindowState() const
{
    QSettings settings;
    settings.setValue("MainWindow/geometry"_L1, saveGeometry());
    settings.setValue("MainWindow/state"_L1, saveState());
    settings.setValue("MainWindow/splitter"_L1, m_splitter->saveState());
    settings.setValue("MainWindow/listHeader"_L1, m_list->header()->saveState());
    settings.setValue("MainWindow/detailsTab"_L1, m_details->tabs()->currentIndex());
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        m_actions->updateIcons(); // the fallback glyphs follow the text colour
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_closeConfirmed && !m_details->editor()->unappliedVmNames().isEmpty()) {
        event->ignore();
        const bool quitting = m_quitting;
        m_quitting = false; // until the question is answered
        UnappliedQuestion::ask(this, m_details->editor(), UnappliedQuestion::Before::Close,
                               [this, quitting] {
                                   m_closeConfirmed = true;
                                   m_quitting = quitting;
                                   close();
                                   m_closeConfirmed = false; // closing may have been cancelled
                               });
        return;
    }
    const int running = m_registry->runningCount() + m_registry->pausedCount();
    if (!m_quitting && running > 0) {
        const AppSettings::CloseAction action = AppSettings::closeAction();
        if (action == AppSettings::CloseAction::KeepInTray && m_tray->isAvailable()) {
            event->ignore();
            hideToTray();
            return;
        }
        if (action == AppSettings::CloseAction::Ask) {
            event->ignore();
            askOnClose(running);
            return;
        }
    }
    saveWindowState();
    event->accept();
    if (m_quitting)
        QCoreApplication::quit(); // detached display windows close too
}

void MainWindow::askOnClose(int running)
{
    if (auto *open = findChild<QMessageBox *>(u"closeWhileRunningPrompt"_s)) {
        open->raise();
        return;
    }
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Virtual Machines Are Running"),
        tr("%n virtual machine(s) will keep running after Berth closes.", nullptr, running),
        QMessageBox::Cancel, this);
    box->setObjectName(u"closeWhileRunningPrompt"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(m_tray->isAvailable()
                                ? tr("In the tray, Berth can show their screens and tell you "
                                     "when one stops unexpectedly.")
                                : tr("Open Berth again to see their screens."));
    QPushButton *tray = nullptr;
    if (m_tray->isAvailable()) {
        tray = box->addButton(tr("Keep in &Tray"), QMessageBox::AcceptRole);
        tray->setObjectName(u"keepInTrayButton"_s);
    }
    QPushButton *quit = box->addButton(tr("&Quit Berth"), QMessageBox::DestructiveRole);
    quit->setObjectName(u"quitBerthButton"_s);
    box->setDefaultButton(tray ? tray : quit);
    auto *remember = new QCheckBox(tr("&Remember my choice"), box);
    remember->setObjectName(u"rememberCloseChoice"_s);
    box->setCheckBox(remember);
    connect(quit, &QPushButton::clicked, this, [this, remember] {
        if (remember->isChecked())
            AppSettings::setCloseAction(AppSettings::CloseAction::Quit);
        quitBerth();
    });
    if (tray) {
        connect(tray, &QPushButton::clicked, this, [this, remember] {
            if (remember->isChecked())
                AppSettings::setCloseAction(AppSettings::CloseAction::KeepInTray);
            hideToTray();
        });
    }
    box->open();
}

void MainWindow::quitBerth()
{
    m_quitting = true;
    close();
}

void MainWindow::hideToTray()
{
    saveWindowState();
    hide();
    // Closing a detached display window now must not end Berth: the tray is still here.
    QApplication::setQuitOnLastWindowClosed(false);
}

void MainWindow::showFromTray()
{
    QApplication::setQuitOnLastWindowClosed(true);
    if (isMinimized())
        showNormal();
    else
        show();
    raise();
    activateWindow();
}

void MainWindow::showScreenOf(const QUuid &uuid)
{
    showFromTray();
    if (selectVm(uuid))
        m_details->tabs()->setCurrentWidget(m_details->displayPage());
}

bool MainWindow::showDisplayOf(const QString &vmName, bool fullScreen)
{
    const VmEntry *entry = m_library->find(vmName);
    if (!entry || entry->isBroken())
        return false;
    showScreenOf(entry->definition.uuid);
    if (fullScreen)
        m_details->setDisplayFullScreen(true);
    return true;
}

void MainWindow::showHostResources()
{
    if (auto *open = findChild<HostResourcesDialog *>(QString(), Qt::FindDirectChildrenOnly)) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto *dialog = new HostResourcesDialog(m_model, m_sampler, m_balancer, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::showPreferences()
{
    if (auto *open = findChild<PreferencesDialog *>(QString(), Qt::FindDirectChildrenOnly)) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto *dialog = new PreferencesDialog(m_library->root(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PreferencesDialog::saved, m_sampler, [this] {
        m_sampler->setInterval(AppSettings::statsIntervalMs());
        m_balancer->setEnabled(MemoryBalancer::enabledInSettings());
    });
    dialog->open();
}
