// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/pages/displaywindow.h"

#include "models/vm/vminstance.h"
#include "ui/pages/displaypage.h"
#include "ui/widgets/displayview.h"

#include <QAction>
#include <QLabel>
#include <QMouseEvent>
#include <QScreen>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kToolBarHideMs = 2000;
constexpr int kHintMs = 5000;
constexpr int kEdgePixels = 4;

} // namespace

DisplayWindow::DisplayWindow(QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_page(new DisplayPage(this))
    , m_hideToolBar(new QTimer(this))
    , m_hint(new QLabel(this))
    , m_hideHint(new QTimer(this))
{
    setObjectName(u"displayWindow"_s);
    m_page->setDetachable(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_page);
    resize(1024, 800); // fitted to the screen when shown (showEvent)
    m_hideToolBar->setSingleShot(true);
    m_hideToolBar->setInterval(kToolBarHideMs);
    connect(m_hideToolBar, &QTimer::timeout, this, [this] {
        if (isFullScreen())
            m_page->toolBar()->hide();
    });
    connect(m_page, &DisplayPage::fullScreenRequested, this, &DisplayWindow::setFullScreen);
    // Floats over the screen, as virt-viewer's and GNOME Boxes' do.
    m_hint->setObjectName(u"fullScreenHint"_s);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setAutoFillBackground(true);
    m_hint->setMargin(12);
    m_hint->setStyleSheet(u"QLabel { background: rgba(0, 0, 0, 190); color: white; "
                          "border-radius: 6px; }"_s);
    m_hint->hide();
    m_hideHint->setSingleShot(true);
    m_hideHint->setInterval(kHintMs);
    connect(m_hideHint, &QTimer::timeout, m_hint, &QWidget::hide);
    m_page->view()->viewport()->installEventFilter(this);
    m_page->toolBar()->installEventFilter(this);
}

DisplayWindow::~DisplayWindow() = default;

void DisplayWindow::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_fitted || isFullScreen())
        return;
    m_fitted = true;
    // The whole window on the screen it opens on, frame and title bar included.
    const QScreen *s = screen();
    if (!s)
        return;
    const QRect available = s->availableGeometry();
    const QSize frame = frameGeometry().size() - geometry().size();
    const QSize fits = available.size() - frame - QSize(16, 16);
    if (width() > fits.width() || height() > fits.height())
        resize(std::min(width(), fits.width()), std::min(height(), fits.height()));
    const QRect outer(frameGeometry().topLeft(), size() + frame);
    if (!available.contains(outer))
        move(available.center() - QPoint(outer.width() / 2, outer.height() / 2));
}

DisplayWindow *DisplayWindow::openFor(VmInstance *vm)
{
    auto *w = new DisplayWindow;
    w->setAttribute(Qt::WA_DeleteOnClose);
    w->setWindowTitle(tr("%1 — Berth").arg(vm->definition().name));
    w->page()->setVm(vm);
    connect(vm, &QObject::destroyed, w, &QWidget::close);
    w->show();
    return w;
}

DisplayWindow *DisplayWindow::openFullScreenFor(VmInstance *vm)
{
    DisplayWindow *w = openFor(vm);
    w->setClosesOnLeavingFullScreen(true);
    w->setFullScreen(true);
    return w;
}

QString DisplayWindow::fullScreenHint() const
{
    return m_hint->isVisible() ? m_hint->text() : QString();
}

void DisplayWindow::setFullScreen(bool on)
{
    if (QAction *a = m_page->findChild<QAction *>(u"displayFullScreenAction"_s)) {
        const QSignalBlocker block(a);
        a->setChecked(on);
    }
    if (on) {
        showFullScreen();
        m_hideToolBar->start();
        m_hint->setText(tr("Full screen. Press %1 to leave; move the pointer to the top for "
                           "the toolbar.")
                            .arg(DisplayView::fullScreenKeys()));
        m_hint->adjustSize();
        m_hint->move((width() - m_hint->width()) / 2, height() / 8);
        m_hint->raise();
        m_hint->show();
        m_hideHint->start();
    } else {
        m_hideToolBar->stop();
        m_hideHint->stop();
        m_hint->hide();
        m_page->toolBar()->show();
        if (m_closesOnLeaving) {
            close(); // back to the tab it came from: no window left floating
            return;
        }
        showNormal();
    }
}

bool DisplayWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize && m_hint->isVisible())
        m_hint->move((width() - m_hint->width()) / 2, height() / 8);
    if (isFullScreen() && event->type() == QEvent::MouseMove) {
        const auto *me = static_cast<QMouseEvent *>(event);
        const bool atTop = watched == m_page->toolBar() || me->position().y() <= kEdgePixels;
        if (atTop) {
            m_page->toolBar()->show();
            m_hideToolBar->stop();
        } else if (m_page->toolBar()->isVisible() && !m_hideToolBar->isActive()) {
            m_hideToolBar->start();
        }
    }
    return QWidget::eventFilter(watched, event);
}
