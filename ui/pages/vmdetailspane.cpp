// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/pages/vmdetailspane.h"

#include "ui/widgets/elidedlabel.h"

#include "models/vm/guestaddress.h"
#include "models/vm/vminstance.h"
#include "models/vm/vmlayout.h"
#include "models/vm/vmlifecycle.h"
#include "ui/pages/definitioneditor.h"
#include "ui/pages/displaypage.h"
#include "ui/pages/displaywindow.h"
#include "ui/pages/performancepage.h"
#include "ui/pages/resourcespage.h"
#include "ui/pages/snapshotpage.h"
#include "ui/widgets/serialconsoleview.h"
#include "ui/widgets/vmlistproxymodel.h"

#include <QAction>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

QString acceleratorText(Accelerator a)
{
    return a == Accelerator::Kvm ? u"KVM"_s : VmDetailsPane::tr("TCG (emulated)");
}

} // namespace

VmDetailsPane::VmDetailsPane(VmLibrary *library, QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_name(new ElidedLabel(this))
    , m_status(new QLabel(this))
    , m_problemFrame(new QFrame(this))
    , m_problemIcon(new QLabel(m_problemFrame))
    , m_problem(new QLabel(m_problemFrame))
    , m_tabs(new QTabWidget(this))
    , m_editor(new DefinitionEditor(library, this))
    , m_console(new SerialConsoleView(this))
    , m_display(new DisplayPage(this))
    , m_snapshots(new SnapshotPage(this))
    , m_performance(new PerformancePage(this))
    , m_resources(new ResourcesPage(library, this))
{
    setObjectName(u"vmDetails"_s);
    // The guest takes its address a while after QEMU runs: asked again now and then.
    m_addressTimer = new QTimer(this);
    m_addressTimer->setInterval(5000);
    connect(m_addressTimer, &QTimer::timeout, this, &VmDetailsPane::askGuestAddress);
    m_name->setObjectName(u"vmName"_s);
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_name->setFont(big);
    m_status->setObjectName(u"vmStatusLine"_s);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);

    m_problemFrame->setObjectName(u"vmProblemFrame"_s);
    m_problemFrame->setFrameShape(QFrame::StyledPanel);
    m_problem->setObjectName(u"vmProblem"_s);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto *problemLayout = new QHBoxLayout(m_problemFrame);
    problemLayout->addWidget(m_problemIcon, 0, Qt::AlignTop);
    problemLayout->addWidget(m_problem, 1);

    m_tabs->setObjectName(u"vmDetailsTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_display, tr("&Display"));
    // The screen in a window of its own; full screen is that window, full screen.
    connect(m_display, &DisplayPage::detachRequested, this, &VmDetailsPane::detach);
    connect(m_display, &DisplayPage::bringBackRequested, this, [this] {
        if (DisplayWindow *w = detachedDisplay())
            w->close(); // the tab shows the screen again
    });
    connect(m_display, &DisplayPage::startRequested, this, [this] {
        if (m_instance)
            Q_EMIT startRequested(m_instance);
    });
    connect(m_display, &DisplayPage::fullScreenRequested, this,
            &VmDetailsPane::setDisplayFullScreen);
    m_tabs->addTab(m_editor, tr("Se&ttings"));
    m_tabs->addTab(m_console, tr("Serial &Console"));
    m_tabs->addTab(m_snapshots, tr("Sna&pshots"));
    m_tabs->addTab(m_performance, tr("Perf&ormance"));
    m_tabs->addTab(m_resources, tr("Reso&urces"));

    auto *header = new QGridLayout;
    header->addWidget(m_icon, 0, 0, 2, 1, Qt::AlignTop);
    header->addWidget(m_name, 0, 1);
    header->addWidget(m_status, 1, 1);
    header->setColumnStretch(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(header);
    layout->addWidget(m_problemFrame);
    layout->addWidget(m_tabs, 1);
    layout->addStretch(0); // takes the room when the tabs are hidden
    clear();
}

VmDetailsPane::~VmDetailsPane() = default;

void VmDetailsPane::setStatsSampler(StatsSampler *sampler)
{
    m_performance->setSampler(sampler);
}

void VmDetailsPane::askGuestAddress()
{
    const VmInstance *vm = m_instance.data();
    if (!vm || !vm->qmp())
        return;
    GuestAddress::query(*vm, this, [this, vm](const QStringList &addresses) {
        if (m_instance.data() != vm)
            return; // another VM is shown meanwhile
        QString address;
        for (const QString &a : addresses) {
            if (address.isEmpty())
                address = a;
        }
        if (address != m_guestAddress) {
            m_guestAddress = address;
            refresh();
        }
    });
}

void VmDetailsPane::setVm(VmInstance *instance, const VmEntry &entry)
{
    if (m_instance.data() != instance)
        m_guestAddress.clear();
    m_instance = instance;
    m_entry = entry;
    m_hasVm = true;
    refresh();
}

void VmDetailsPane::clear()
{
    m_guestAddress.clear();
    m_instance = nullptr;
    m_entry = {};
    m_hasVm = false;
    refresh();
}

void VmDetailsPane::setDisplayFullScreen(bool on)
{
    if (on && m_instance)
        startsThroughThisPane(DisplayWindow::openFullScreenFor(m_instance));
    const QSignalBlocker block(m_display);
    if (QAction *a = m_display->findChild<QAction *>(u"displayFullScreenAction"_s))
        a->setChecked(false);
}

void VmDetailsPane::startsThroughThisPane(DisplayWindow *window)
{
    connect(window->page(), &DisplayPage::startRequested, this,
            [this, vm = QPointer<VmInstance>(window->page()->vm())] {
                if (vm)
                    Q_EMIT startRequested(vm);
            });
}

DisplayWindow *VmDetailsPane::detachedDisplay() const
{
    return m_instance ? m_detached.value(m_instance.data()).data() : nullptr;
}

void VmDetailsPane::detach()
{
    if (!m_instance)
        return;
    if (DisplayWindow *open = detachedDisplay()) {
        open->raise();
        open->activateWindow();
        return;
    }
    DisplayWindow *w = DisplayWindow::openFor(m_instance);
    startsThroughThisPane(w);
    m_detached.insert(m_instance.data(), w);
    connect(w, &QObject::destroyed, this, [this, vm = m_instance.data()] {
        m_detached.remove(vm);
        m_display->setShownElsewhere(detachedDisplay() != nullptr);
    });
    m_display->setShownElsewhere(true);
}

QString VmDetailsPane::statusText() const
{
    return m_status->text();
}

QString VmDetailsPane::problemText() const
{
    return m_problemFrame->isVisibleTo(this) ? m_problem->text() : QString();
}

void VmDetailsPane::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::StyleChange || event->type() == QEvent::PaletteChange)
        refresh();
}

void VmDetailsPane::refresh()
{
    const VmInstance *vm = m_instance.data();
    const bool broken = m_hasVm && m_entry.isBroken();
    const int stateValue = broken ? -1 : int(vm ? vm->state() : VmState::Stopped);
    const int iconSize = style()->pixelMetric(QStyle::PM_LargeIconSize, nullptr, this);

    m_icon->setVisible(m_hasVm);
    m_icon->setPixmap(
        VmListProxyModel::stateIcon(stateValue, style(), palette()).pixmap(iconSize, iconSize));
    // A long name is elided (whole in the tooltip) instead of widening the pane.
    m_name->setFullText(m_hasVm ? m_entry.name() : tr("No virtual machine selected"));

    QString status;
    QString problem;
    QStyle::StandardPixmap problemIcon = QStyle::SP_MessageBoxWarning;
    if (!m_hasVm) {
        status = tr("Select a virtual machine in the list, or create one.");
    } else if (broken) {
        status = tr("Broken: Berth cannot read its definition");
        problem = tr("This VM cannot be used: %1\n\nBerth leaves a definition it cannot read "
                     "untouched. Fix %2, or delete the VM.")
                      .arg(m_entry.brokenReason, m_entry.layout().definitionPath());
    } else if (vm) {
        QStringList parts{vm->state() == VmState::Unreachable
                              ? tr("%1, retrying").arg(vmStateDisplayName(vm->state()))
                              : vmStateDisplayName(vm->state())};
        if (VmLifecycle::hasProcess(vm->state()) && vm->pid() != 0) {
            parts << tr("QEMU process %1").arg(vm->pid())
                  << acceleratorText(vm->effectiveAccelerator());
            if (!m_guestAddress.isEmpty())
                parts << tr("guest address %1").arg(m_guestAddress);
        } else {
            parts << tr("starts with %1").arg(acceleratorText(vm->effectiveAccelerator()));
        }
        status = parts.join(u"  ·  "_s);
        if (!vm->lastError().isEmpty()) {
            switch (vm->state()) {
            case VmState::Crashed:
                problem = tr("“%1” crashed: %2").arg(m_entry.name(), vm->lastError());
                problemIcon = QStyle::SP_MessageBoxCritical;
                break;
            case VmState::Stopped:
                problem = tr("The last start failed: %1").arg(vm->lastError());
                problemIcon = QStyle::SP_MessageBoxCritical;
                break;
            case VmState::Unreachable:
                problem = tr("%1\nBerth keeps trying to reach it every few seconds; nothing "
                             "can be done to the VM meanwhile except Force Off.")
                              .arg(vm->lastError());
                break;
            default:
                problem = vm->lastError();
                break;
            }
        }
    }
    const bool running = vm && vm->qmp() != nullptr;
    if (running && !m_addressTimer->isActive()) {
        m_addressTimer->start();
        QTimer::singleShot(0, this, &VmDetailsPane::askGuestAddress);
    } else if (!running) {
        m_addressTimer->stop();
        m_guestAddress.clear();
    }
    m_status->setText(status);
    m_problem->setText(problem);
    m_problemFrame->setVisible(!problem.isEmpty());
    const int smallIcon = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_problemIcon->setPixmap(style()->standardIcon(problemIcon).pixmap(smallIcon, smallIcon));

    // A broken VM has nothing to edit or run: its problem is the whole story.
    m_tabs->setEnabled(m_hasVm);
    m_tabs->setVisible(!broken);
    if (!m_hasVm || broken) {
        m_editor->clear();
        m_resources->clear();
    } else {
        m_resources->setVm(m_instance.data(), m_entry);
        const bool editable = vm && vm->allows(VmAction::Edit);
        QString why;
        switch (vm ? vm->state() : VmState::Stopped) {
        case VmState::Pausing:
        case VmState::Paused:
            why = tr("“%1” is paused. Shut it down to change its settings.");
            break;
        case VmState::Starting:
            why = tr("“%1” is starting. Shut it down to change its settings.");
            break;
        case VmState::ShuttingDown:
        case VmState::Stopping:
            why = tr("“%1” is shutting down. Its settings can be changed once it has stopped.");
            break;
        default:
            why = tr("“%1” is running. Shut it down to change its settings.");
            break;
        }
        m_editor->setVm(m_entry, editable, why.arg(m_entry.name()));
    }
    m_console->setLogFile(m_hasVm ? m_entry.layout().serialLogPath() : QString());
    const bool consoleUp = m_hasVm && !broken && vm && vm->state() != VmState::Stopped &&
                           vm->state() != VmState::Crashed && vm->state() != VmState::Starting;
    m_console->setConsoleSocket(consoleUp ? m_entry.layout().serialConsoleSocketPath()
                                          : QString());
    m_display->setVm(m_hasVm && !broken ? m_instance.data() : nullptr);
    m_display->setShownElsewhere(detachedDisplay() != nullptr);
    m_snapshots->setVm(m_hasVm && !broken ? m_instance.data() : nullptr);
    m_performance->setVm(m_hasVm && !broken ? m_instance.data() : nullptr);
}
