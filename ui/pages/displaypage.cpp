// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/pages/displaypage.h"

#include "models/vm/vmdefinition.h"
#include "models/vm/vminstance.h"
#include "models/vm/vmlayout.h"
#include "models/vm/vmlifecycle.h"
#include "ui/display/keycodes.h"
#include "ui/display/vncdisplay.h"
#include "ui/pages/desktopshortcutdialog.h"
#include "ui/widgets/displayview.h"

#include <QAction>
#include <QActionGroup>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeyEvent>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kRetryMs = 1000;

} // namespace

DisplayPage::DisplayPage(QWidget *parent, RemoteDisplay *display)
    : QWidget(parent)
    , m_display(display ? display : new VncDisplay(this))
    , m_view(new DisplayView(this))
    , m_toolBar(new QToolBar(this))
    , m_retry(new QTimer(this))
    , m_placeholderButton(new QPushButton(m_view->viewport()))
{
    setObjectName(u"displayPage"_s);
    m_display->setParent(this);
    m_view->setDisplay(m_display);
    m_placeholderButton->setObjectName(u"displayPlaceholderButton"_s);
    m_placeholderButton->hide();
    connect(m_placeholderButton, &QPushButton::clicked, this, [this] {
        if (m_shownElsewhere)
            Q_EMIT bringBackRequested();
        else
            Q_EMIT startRequested();
    });
    m_view->viewport()->installEventFilter(this);
    m_retry->setSingleShot(true);
    m_retry->setInterval(kRetryMs);
    connect(m_retry, &QTimer::timeout, this, &DisplayPage::followState);
    connect(m_display, &RemoteDisplay::statusChanged, this, [this](RemoteDisplay::Status s) {
        if (s == RemoteDisplay::Status::Failed)
            m_retry->start(); // QEMU restarting, or not listening yet
        updateText();
    });
    connect(m_display, &RemoteDisplay::frameUpdated, this, [this] {
        if (m_view->placeholderText() == tr("Waiting for the screen…"))
            updateText();
        else if (QAction *shot = findChild<QAction *>(u"displayScreenshotAction"_s);
                 shot && !shot->isEnabled() && m_display->hasFrame())
            updateActions(); // a picture came back (a reconnect, a new window): it can be saved
    });

    m_toolBar->setObjectName(u"displayToolBar"_s);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(16, 16));

    QAction *fit = m_toolBar->addAction(tr("&Fit"));
    fit->setObjectName(u"displayFitAction"_s);
    fit->setCheckable(true);
    fit->setChecked(true);
    fit->setToolTip(tr("Scale the screen to the window (unchecked: one guest pixel per pixel)"));
    connect(fit, &QAction::toggled, this, [this](bool on) {
        m_view->setScaling(on ? DisplayView::Scaling::FitToWindow
                              : DisplayView::Scaling::ActualSize);
    });

    auto *sendKey = new QAction(tr("Send &Key"), this);
    sendKey->setObjectName(u"displaySendKeyAction"_s);
    buildSendKeyMenu(sendKey);
    m_toolBar->addAction(sendKey);
    if (auto *button = qobject_cast<QToolButton *>(m_toolBar->widgetForAction(sendKey)))
        button->setPopupMode(QToolButton::InstantPopup);

    QAction *shot = m_toolBar->addAction(tr("&Screenshot…"));
    shot->setObjectName(u"displayScreenshotAction"_s);
    shot->setToolTip(tr("Save the screen as a PNG image"));
    connect(shot, &QAction::triggered, this, &DisplayPage::saveScreenshotInteractively);

    QAction *detach = m_toolBar->addAction(tr("&Detach"));
    detach->setObjectName(u"displayDetachAction"_s);
    detach->setToolTip(tr("Show the screen in its own window"));
    connect(detach, &QAction::triggered, this, &DisplayPage::detachRequested);

    QAction *shortcut = m_toolBar->addAction(tr("S&hortcut…"));
    shortcut->setObjectName(u"displayShortcutAction"_s);
    shortcut->setToolTip(tr("Create a desktop launcher that opens only this VM's screen"));
    connect(shortcut, &QAction::triggered, this, &DisplayPage::createDesktopShortcut);

    QAction *full = m_toolBar->addAction(tr("&Full Screen"));
    full->setObjectName(u"displayFullScreenAction"_s);
    full->setCheckable(true);
    full->setToolTip(
        tr("Show only the screen (%1; the same keys leave)").arg(DisplayView::fullScreenKeys()));
    connect(full, &QAction::toggled, this, &DisplayPage::fullScreenRequested);
    connect(m_view, &DisplayView::fullScreenKeyPressed, full, [full] {
        if (full->isEnabled() || full->isChecked())
            full->toggle();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_view, 1);
    updateText();
}

DisplayPage::~DisplayPage() = default;

QString DisplayPage::socketPathFor(const VmInstance *vm)
{
    return vm ? VmLayout::ofRuntimeFolder(vm->runtimeFolder()).vncSocketPath() : QString();
}

void DisplayPage::setVm(VmInstance *vm)
{
    if (vm)
        m_socketPath.clear();
    if (vm != m_vm) {
        if (m_vm)
            m_vm->disconnect(this);
        m_vm = vm;
        m_display->close();
        m_openedPath.clear();
        if (vm)
            connect(vm, &VmInstance::stateChanged, this, &DisplayPage::followState);
    }
    followState();
}

void DisplayPage::setSocket(const QString &socketPath, const QString &name)
{
    setVm(nullptr);
    m_socketPath = socketPath;
    m_socketName = name;
    // The launcher needs the library and VM folder, which only a VmInstance knows.
    if (QAction *a = findChild<QAction *>(u"displayShortcutAction"_s))
        a->setVisible(false);
    followState();
}

void DisplayPage::setDetachable(bool detachable)
{
    if (QAction *a = findChild<QAction *>(u"displayDetachAction"_s))
        a->setVisible(detachable);
}

void DisplayPage::setShownElsewhere(bool elsewhere)
{
    if (m_shownElsewhere == elsewhere)
        return;
    m_shownElsewhere = elsewhere;
    followState();
}

QPushButton *DisplayPage::placeholderButton() const
{
    return m_placeholderButton->isVisible() ? m_placeholderButton : nullptr;
}

bool DisplayPage::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress && watched->objectName() == "customKeysEdit"_L1) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier) {
            if (auto *dialog = qobject_cast<QDialog *>(static_cast<QWidget *>(watched)->window()))
                dialog->reject();
            return true;
        }
    }
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        placeButton();
    return QWidget::eventFilter(watched, event);
}

void DisplayPage::placeButton()
{
    // Under the placeholder text, which the view centres.
    const QWidget *viewport = m_view->viewport();
    m_placeholderButton->adjustSize();
    const int lines = int(m_view->placeholderText().count(u'\n')) + 1;
    const int below = fontMetrics().lineSpacing() * (lines + 3) / 2;
    m_placeholderButton->move((viewport->width() - m_placeholderButton->width()) / 2,
                              viewport->height() / 2 + below);
}

void DisplayPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    followState();
}

void DisplayPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    // Nobody looks: stop decoding (the last picture stays for screenshots). Showing the
    // page again reconnects.
    m_retry->stop();
    if (m_display->status() != RemoteDisplay::Status::Disconnected)
        m_display->close();
    m_openedPath.clear();
    updateText();
}

bool DisplayPage::isLive() const
{
    if (!m_socketPath.isEmpty())
        return true;
    return m_vm && m_vm->allows(VmAction::Display) && !m_shownElsewhere;
}

void DisplayPage::updateActions()
{
    // Only what can act now is enabled; Fit, Detach and Shortcut also make sense for a VM
    // that is not running (a detached window or a launcher waits for it).
    const bool live = isLive();
    const bool connected = m_display->status() == RemoteDisplay::Status::Connected;
    const auto enable = [this](const char *name, bool on) {
        if (QAction *a = findChild<QAction *>(QLatin1StringView(name)))
            a->setEnabled(on);
    };
    enable("displaySendKeyAction", live && connected);
    enable("displayScreenshotAction", live && m_display->hasFrame());
    if (QAction *shot = findChild<QAction *>(u"displayScreenshotAction"_s))
        shot->setToolTip(!live ? tr("Nothing to save: the VM is not running")
                         : m_display->hasFrame()
                             ? tr("Save the screen as a PNG image")
                             : tr("Nothing to save yet: the screen has not arrived"));
    enable("displayFullScreenAction", live);
}

void DisplayPage::followState()
{
    const bool live = isLive();
    if (!live) {
        m_retry->stop();
        if (m_display->status() != RemoteDisplay::Status::Disconnected)
            m_display->close();
        m_openedPath.clear();
    } else if (isVisible()) {
        const QString path = m_vm ? socketPathFor(m_vm) : m_socketPath;
        const RemoteDisplay::Status s = m_display->status();
        if (path != m_openedPath || s == RemoteDisplay::Status::Disconnected ||
            (s == RemoteDisplay::Status::Failed && !m_retry->isActive())) {
            m_openedPath = path;
            m_display->open(path);
        }
    }
    updateText();
}

void DisplayPage::updateText()
{
    const VmState state = m_vm ? m_vm->state() : VmState::Stopped;
    const QString name = m_vm ? m_vm->definition().name : QString();
    QString placeholder;
    QString overlay;
    QString button;
    if (!m_vm && !m_socketPath.isEmpty()) {
        switch (m_display->status()) {
        case RemoteDisplay::Status::Failed:
            placeholder = tr("“%1” is not running, or its screen cannot be reached.\n"
                             "Waiting for it…")
                              .arg(m_socketName);
            break;
        case RemoteDisplay::Status::Connecting:
        case RemoteDisplay::Status::Disconnected:
            placeholder = tr("Connecting to the screen of “%1”…").arg(m_socketName);
            break;
        case RemoteDisplay::Status::Connected:
            if (m_display->frame().isNull())
                placeholder = tr("Waiting for the screen…");
            break;
        }
    } else if (!m_vm) {
        placeholder = tr("No virtual machine selected.");
    } else if (m_shownElsewhere) {
        placeholder = tr("The screen of “%1” is shown in its own window.").arg(name);
        button = tr("Bring It &Back");
    } else if (!m_vm->allows(VmAction::Display)) {
        placeholder = state == VmState::Crashed
                          ? tr("“%1” has crashed. Start it again to see its screen.").arg(name)
                          : tr("“%1” is not running. Start it to see its screen.").arg(name);
        if (m_vm->allows(VmAction::Start))
            button = tr("&Start");
    } else {
        switch (m_display->status()) {
        case RemoteDisplay::Status::Failed:
            placeholder = tr("Cannot show the screen of “%1”: %2\nTrying again…")
                              .arg(name, m_display->errorString());
            break;
        case RemoteDisplay::Status::Connecting:
        case RemoteDisplay::Status::Disconnected:
            placeholder = tr("Connecting to the screen of “%1”…").arg(name);
            break;
        case RemoteDisplay::Status::Connected:
            if (m_display->frame().isNull())
                placeholder = tr("Waiting for the screen…");
            break;
        }
        if (placeholder.isEmpty() && state == VmState::Paused)
            overlay = tr("Paused");
    }
    m_view->setPlaceholderText(placeholder);
    m_view->setOverlayText(overlay);
    m_placeholderButton->setText(button);
    m_placeholderButton->setVisible(!button.isEmpty());
    if (!button.isEmpty())
        placeButton();
    if (!placeholder.isEmpty())
        m_view->releaseGuestKeyboard();
    updateActions();
}

void DisplayPage::buildSendKeyMenu(QAction *action)
{
    auto *menu = new QMenu(this);
    menu->setObjectName(u"displaySendKeyMenu"_s);
    using Combo = QList<QPair<quint32, quint32>>;
    const QPair<quint32, quint32> ctrl{KeyCodes::QnumLeftCtrl, 0xffe3};
    const QPair<quint32, quint32> alt{KeyCodes::QnumLeftAlt, 0xffe9};
    auto add = [this, menu](const QString &text, const QString &name, const Combo &combo) {
        QAction *a = menu->addAction(text);
        a->setObjectName(name);
        connect(a, &QAction::triggered, this, [this, combo] { m_view->sendKeyCombination(combo); });
    };
    add(tr("Ctrl+Alt+Del"), u"sendCtrlAltDel"_s, {ctrl, alt, {KeyCodes::QnumDelete, 0xffff}});
    add(tr("Ctrl+Alt+Backspace"), u"sendCtrlAltBackspace"_s,
        {ctrl, alt, {KeyCodes::QnumBackspace, 0xff08}});
    QMenu *fkeys = menu->addMenu(tr("Ctrl+Alt+F&n"));
    for (int n = 1; n <= 12; ++n) {
        QAction *a = fkeys->addAction(tr("Ctrl+Alt+F%1").arg(n));
        a->setObjectName(u"sendCtrlAltF%1"_s.arg(n));
        const Combo combo{ctrl, alt, {KeyCodes::qnumF(n), 0xffbe + quint32(n - 1)}};
        connect(a, &QAction::triggered, this, [this, combo] { m_view->sendKeyCombination(combo); });
    }
    add(tr("Print Screen"), u"sendPrintScreen"_s, {{KeyCodes::QnumPrintScreen, 0xff61}});
    menu->addSeparator();
    QAction *custom = menu->addAction(tr("&Custom Combination…"));
    custom->setObjectName(u"sendCustomKeys"_s);
    connect(custom, &QAction::triggered, this, &DisplayPage::sendCustomCombination);
    action->setMenu(menu);
}

QList<QPair<quint32, quint32>> DisplayPage::combinationFor(const QKeyCombination &keys)
{
    QList<QPair<quint32, quint32>> combo;
    const auto add = [&combo](Qt::Key key, Qt::KeyboardModifiers mods) {
        const QKeyEvent e(QEvent::KeyPress, key, mods);
        const quint32 qnum = KeyCodes::qnum(&e);
        const quint32 keysym = KeyCodes::keysym(&e);
        if (qnum != 0 || keysym != 0)
            combo.append({qnum, keysym});
    };
    const Qt::KeyboardModifiers mods = keys.keyboardModifiers();
    if (mods & Qt::ControlModifier)
        add(Qt::Key_Control, {});
    if (mods & Qt::AltModifier)
        add(Qt::Key_Alt, {});
    if (mods & Qt::ShiftModifier)
        add(Qt::Key_Shift, {});
    if (mods & Qt::MetaModifier)
        add(Qt::Key_Meta, {});
    add(keys.key(), mods);
    return combo;
}

void DisplayPage::sendCustomCombination()
{
    // Asked without a nested event loop: the VM may stop or the page change meanwhile.
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(u"customKeysDialog"_s);
    dialog->setWindowTitle(tr("Send Key Combination"));
    // Wide enough for its title with the application's name and the title bar's buttons.
    dialog->setMinimumWidth(
        dialog->fontMetrics().horizontalAdvance(dialog->windowTitle() + u" — Berth"_s) * 3 / 2 +
        120);
    auto *edit = new QKeySequenceEdit(dialog);
    edit->setObjectName(u"customKeysEdit"_s);
    // Esc closes the dialog, as in every dialog, instead of becoming the recorded key.
    edit->installEventFilter(this);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Send"));
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(new QLabel(tr("Press the keys to send to the VM:"), dialog));
    layout->addWidget(edit);
    layout->addWidget(buttons);
    connect(dialog, &QDialog::accepted, this, [this, edit] {
        if (!edit->keySequence().isEmpty())
            m_view->sendKeyCombination(combinationFor(edit->keySequence()[0]));
    });
    dialog->open();
}

bool DisplayPage::saveScreenshot(const QString &path, QString *error) const
{
    const QImage frame = m_display->frame();
    if (frame.isNull()) {
        *error = tr("There is no screen to save.");
        return false;
    }
    if (!frame.save(path, "PNG")) {
        *error = tr("Cannot write %1.").arg(path);
        return false;
    }
    return true;
}

void DisplayPage::createDesktopShortcut()
{
    if (!m_vm)
        return;
    auto *dialog = new DesktopShortcutDialog(m_vm->definition().name,
                                             QFileInfo(m_vm->vmFolder()).absolutePath(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const DesktopShortcut::Request r = dialog->request();
        QString error;
        const QString path = DesktopShortcut::write(r, &error);
        if (path.isEmpty())
            QMessageBox::warning(this, tr("Create Shortcut"), error);
        else
            QMessageBox::information(
                this, tr("Create Shortcut"),
                (r.fullScreen ? tr("Created %1.\nIt opens “%2” full screen.")
                              : tr("Created %1.\nIt opens “%2” in a window of its own."))
                    .arg(path, r.vmName));
    });
    dialog->open();
}

void DisplayPage::saveScreenshotInteractively()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString suggested =
        dir + u'/' + (m_vm ? m_vm->definition().name : u"screen"_s) + u".png"_s;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Screenshot"), suggested,
                                                      tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveScreenshot(path, &error))
        QMessageBox::warning(this, tr("Save Screenshot"), error);
}
