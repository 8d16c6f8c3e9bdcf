// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/widgets/displayview.h"

#include "ui/display/keycodes.h"
#include "ui/display/remotedisplay.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

DisplayView::DisplayView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setObjectName(u"displayView"_s);
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    viewport()->setAutoFillBackground(false);
    setAttribute(Qt::WA_InputMethodEnabled, false);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
}

DisplayView::~DisplayView() = default;

void DisplayView::setDisplay(RemoteDisplay *display)
{
    if (m_display)
        m_display->disconnect(this);
    m_display = display;
    if (display) {
        connect(display, &RemoteDisplay::frameUpdated, this, &DisplayView::onFrameUpdated);
        connect(display, &RemoteDisplay::frameResized, this, &DisplayView::onFrameResized);
    }
    onFrameResized();
}

void DisplayView::setScaling(Scaling scaling)
{
    m_scaling = scaling;
    onFrameResized();
}

void DisplayView::setPlaceholderText(const QString &text)
{
    if (m_placeholder == text)
        return;
    m_placeholder = text;
    viewport()->update();
}

void DisplayView::setOverlayText(const QString &text)
{
    if (m_overlay == text)
        return;
    m_overlay = text;
    viewport()->update();
}

QString DisplayView::releaseHint()
{
    return tr("The keyboard goes to the VM. Press Ctrl+Alt+G to release it.");
}

qreal DisplayView::deviceRatio() const
{
    return viewport()->devicePixelRatioF();
}

QRectF DisplayView::frameTarget() const
{
    const QImage frame = m_display ? m_display->frame() : QImage();
    if (frame.isNull())
        return {};
    const qreal dpr = deviceRatio();
    const QSizeF natural = QSizeF(frame.size()) / dpr; // 1:1 in device pixels
    const QSizeF area = viewport()->size();
    if (m_scaling == Scaling::ActualSize) {
        const qreal x = natural.width() < area.width() ? (area.width() - natural.width()) / 2
                                                       : -horizontalScrollBar()->value();
        const qreal y = natural.height() < area.height() ? (area.height() - natural.height()) / 2
                                                         : -verticalScrollBar()->value();
        // Whole pixels: a half-pixel offset would resample the picture.
        return QRectF(QPointF(std::round(x), std::round(y)), natural);
    }
    const QSizeF size = natural.scaled(area, Qt::KeepAspectRatio);
    return QRectF(QPointF(std::round((area.width() - size.width()) / 2),
                          std::round((area.height() - size.height()) / 2)),
                  size);
}

void DisplayView::onFrameUpdated(QRect rect)
{
    if (!m_placeholder.isEmpty())
        return;
    const QImage frame = m_display ? m_display->frame() : QImage();
    if (frame.isNull())
        return;
    const QRectF target = frameTarget();
    const qreal sx = target.width() / frame.width();
    const qreal sy = target.height() / frame.height();
    const QRectF mapped(target.x() + rect.x() * sx, target.y() + rect.y() * sy, rect.width() * sx,
                        rect.height() * sy);
    // Smooth scaling reads neighbouring pixels: grow by one.
    viewport()->update(mapped.toAlignedRect().adjusted(-1, -1, 1, 1));
}

void DisplayView::onFrameResized()
{
    updateScrollBars();
    viewport()->update();
}

void DisplayView::updateScrollBars()
{
    const QImage frame = m_display ? m_display->frame() : QImage();
    if (m_scaling == Scaling::FitToWindow || frame.isNull()) {
        horizontalScrollBar()->setRange(0, 0);
        verticalScrollBar()->setRange(0, 0);
        return;
    }
    const QSize natural = (QSizeF(frame.size()) / deviceRatio()).toSize();
    const QSize area = viewport()->size();
    horizontalScrollBar()->setRange(0, qMax(0, natural.width() - area.width()));
    verticalScrollBar()->setRange(0, qMax(0, natural.height() - area.height()));
    horizontalScrollBar()->setPageStep(area.width());
    verticalScrollBar()->setPageStep(area.height());
}

void DisplayView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void DisplayView::scrollContentsBy(int, int)
{
    viewport()->update();
}

void DisplayView::paintEvent(QPaintEvent *event)
{
    QPainter p(viewport());
    m_lastPainted = event->region();
    const QImage frame = m_display ? m_display->frame() : QImage();
    const QColor background = palette().color(QPalette::Window).darker(250);
    if (!m_placeholder.isEmpty() || frame.isNull()) {
        p.fillRect(event->rect(), background);
        p.setPen(QColor(230, 230, 230));
        QFont f = font();
        f.setPointSizeF(f.pointSizeF() * 1.2);
        p.setFont(f);
        const QString text =
            m_placeholder.isEmpty() ? tr("Waiting for the screen…") : m_placeholder;
        p.drawText(viewport()->rect().adjusted(24, 24, -24, -24),
                   Qt::AlignCenter | Qt::TextWordWrap, text);
        return;
    }
    const QRectF target = frameTarget();
    // Background only where the frame does not cover the damage.
    const QRegion outside = event->region() - target.toAlignedRect();
    for (const QRect &r : outside)
        p.fillRect(r, background);

    const bool scaled = qAbs(target.width() * deviceRatio() - frame.width()) > 0.5;
    p.setRenderHint(QPainter::SmoothPixmapTransform, scaled);
    const qreal sx = frame.width() / target.width();
    const qreal sy = frame.height() / target.height();
    for (const QRect &r : event->region()) {
        const QRectF dst = QRectF(r) & target;
        if (dst.isEmpty())
            continue;
        QRectF src((dst.x() - target.x()) * sx, (dst.y() - target.y()) * sy, dst.width() * sx,
                   dst.height() * sy);
        p.drawImage(dst, frame, src);
    }

    if (!m_overlay.isEmpty()) {
        p.fillRect(event->rect(), QColor(0, 0, 0, 110));
        p.setPen(Qt::white);
        QFont f = font();
        f.setPointSizeF(f.pointSizeF() * 1.6);
        f.setBold(true);
        p.setFont(f);
        QRect box = QFontMetrics(f).boundingRect(m_overlay).adjusted(-16, -8, 16, 8);
        box.moveCenter(viewport()->rect().center());
        p.setRenderHint(QPainter::Antialiasing);
        p.setBrush(QColor(0, 0, 0, 190));
        p.setPen(Qt::NoPen);
        p.drawRoundedRect(box, 8, 8);
        p.setPen(Qt::white);
        p.drawText(box, Qt::AlignCenter, m_overlay);
    }
    if (m_grabbed) {
        const QString hint = releaseHint();
        const QFontMetrics fm(font());
        QRect box = fm.boundingRect(hint).adjusted(-8, -4, 8, 4);
        box.moveTopRight(viewport()->rect().topRight() + QPoint(-8, 8));
        if (event->region().intersects(box)) {
            p.fillRect(box, QColor(0, 0, 0, 170));
            p.setPen(Qt::white);
            p.drawText(box, Qt::AlignCenter, hint);
        }
    }
}

QPoint DisplayView::toFrame(QPointF viewportPos) const
{
    const QImage frame = m_display ? m_display->frame() : QImage();
    const QRectF target = frameTarget();
    if (frame.isNull() || target.isEmpty())
        return {};
    const qreal x = (viewportPos.x() - target.x()) * frame.width() / target.width();
    const qreal y = (viewportPos.y() - target.y()) * frame.height() / target.height();
    return QPoint(qBound(0, int(x), frame.width() - 1), qBound(0, int(y), frame.height() - 1));
}

void DisplayView::sendMouse(QPointF viewportPos, Qt::MouseButtons buttons)
{
    if (!m_display || !m_placeholder.isEmpty())
        return;
    int mask = 0;
    if (buttons & Qt::LeftButton)
        mask |= RemoteDisplay::LeftButton;
    if (buttons & Qt::MiddleButton)
        mask |= RemoteDisplay::MiddleButton;
    if (buttons & Qt::RightButton)
        mask |= RemoteDisplay::RightButton;
    m_buttons = mask;
    m_display->sendPointer(toFrame(viewportPos), mask);
}

void DisplayView::mousePressEvent(QMouseEvent *event)
{
    if (!m_grabbed && m_placeholder.isEmpty() && m_display && !m_display->frame().isNull())
        grabGuestKeyboard();
    sendMouse(event->position(), event->buttons());
}

void DisplayView::mouseReleaseEvent(QMouseEvent *event)
{
    sendMouse(event->position(), event->buttons());
}

void DisplayView::mouseMoveEvent(QMouseEvent *event)
{
    sendMouse(event->position(), event->buttons());
}

void DisplayView::wheelEvent(QWheelEvent *event)
{
    if (!m_display || !m_placeholder.isEmpty())
        return;
    const QPoint at = toFrame(event->position());
    const QPoint delta = event->angleDelta();
    int bit = 0;
    if (delta.y() != 0)
        bit = delta.y() > 0 ? RemoteDisplay::WheelUp : RemoteDisplay::WheelDown;
    else if (delta.x() != 0)
        bit = delta.x() > 0 ? RemoteDisplay::WheelLeft : RemoteDisplay::WheelRight;
    if (bit == 0)
        return;
    // One press-release per notch (120 units; high-resolution wheels send less).
    const int notches = qMax(1, qAbs(delta.y() != 0 ? delta.y() : delta.x()) / 120);
    for (int i = 0; i < notches; ++i) {
        m_display->sendPointer(at, m_buttons | bit);
        m_display->sendPointer(at, m_buttons);
    }
    event->accept();
}

bool DisplayView::event(QEvent *event)
{
    // While the guest has the keyboard, window shortcuts do not take its keys.
    if (event->type() == QEvent::ShortcutOverride && m_grabbed) {
        event->accept();
        return true;
    }
    return QAbstractScrollArea::event(event);
}

bool DisplayView::focusNextPrevChild(bool)
{
    return false; // Tab belongs to the guest
}

QString DisplayView::fullScreenKeys()
{
    return tr("F11 or Ctrl+Alt+F");
}

void DisplayView::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers mods =
        event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::ShiftModifier);
    if ((event->key() == Qt::Key_F11 && mods == Qt::NoModifier) ||
        (event->key() == Qt::Key_F && mods == (Qt::ControlModifier | Qt::AltModifier))) {
        // The host's: a guest never sees it (its installer would go back a page).
        m_hostKeyDown = event->key();
        if (!event->isAutoRepeat())
            Q_EMIT fullScreenKeyPressed();
        return;
    }
    if (m_grabbed && event->key() == Qt::Key_G &&
        (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier)) ==
            (Qt::ControlModifier | Qt::AltModifier)) {
        releaseGuestKeyboard();
        return;
    }
    if (!m_display || !m_placeholder.isEmpty())
        return;
    const quint32 qnum = KeyCodes::qnum(event);
    const quint32 keysym = KeyCodes::keysym(event);
    if (qnum == 0 && keysym == 0)
        return;
    m_display->sendKey(qnum, keysym, true);
    m_pressedByQtKey.insert(event->key(), {qnum, keysym});
}

void DisplayView::keyReleaseEvent(QKeyEvent *event)
{
    if (m_hostKeyDown != 0 && event->key() == m_hostKeyDown) {
        if (!event->isAutoRepeat())
            m_hostKeyDown = 0;
        return;
    }
    if (!m_display)
        return;
    quint32 qnum = KeyCodes::qnum(event);
    quint32 keysym = KeyCodes::keysym(event);
    // The release may come with another keysym (Shift let go first): use the press's.
    if (const auto it = m_pressedByQtKey.constFind(event->key()); it != m_pressedByQtKey.cend()) {
        if (qnum == 0)
            qnum = it->first;
        keysym = it->second;
        m_pressedByQtKey.erase(it);
    }
    if (qnum == 0 && keysym == 0)
        return;
    m_display->sendKey(qnum, keysym, false);
}

void DisplayView::releasePressedKeys()
{
    if (m_display) {
        for (const auto &[qnum, keysym] : std::as_const(m_pressedByQtKey))
            m_display->sendKey(qnum, keysym, false);
    }
    m_pressedByQtKey.clear();
}

void DisplayView::focusOutEvent(QFocusEvent *event)
{
    // Keys held when focus leaves would stay down in the guest.
    releasePressedKeys();
    QAbstractScrollArea::focusOutEvent(event);
}

void DisplayView::grabGuestKeyboard()
{
    if (m_grabbed)
        return;
    setFocus(Qt::MouseFocusReason);
    grabKeyboard();
    m_grabbed = true;
    setToolTip(releaseHint());
    viewport()->update();
    Q_EMIT keyboardGrabChanged(true);
}

void DisplayView::releaseGuestKeyboard()
{
    if (!m_grabbed)
        return;
    releaseKeyboard();
    releasePressedKeys();
    m_grabbed = false;
    setToolTip(QString());
    viewport()->update();
    Q_EMIT keyboardGrabChanged(false);
}

void DisplayView::sendKeyCombination(const QList<QPair<quint32, quint32>> &qnumAndKeysym)
{
    if (!m_display)
        return;
    for (const auto &[qnum, keysym] : qnumAndKeysym)
        m_display->sendKey(qnum, keysym, true);
    for (auto it = qnumAndKeysym.crbegin(); it != qnumAndKeysym.crend(); ++it)
        m_display->sendKey(it->first, it->second, false);
}
