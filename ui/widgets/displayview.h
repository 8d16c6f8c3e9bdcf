// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ui/display/remotedisplay.h"

#include <QAbstractScrollArea>
#include <QHash>
#include <QPointer>

/// Shows a RemoteDisplay's framebuffer and sends it the keyboard and mouse.
///
///   scaling    FitToWindow (smooth, aspect kept) or ActualSize (one guest pixel per
///              device pixel, scrollbars; the painted image equals the framebuffer)
///   repaint    only the damaged part of the viewport (frameUpdated rectangles)
///   keyboard   a click grabs the keyboard (every key goes to the guest); Ctrl+Alt+G
///              releases it; the hint says so while grabbed. F11 and Ctrl+Alt+F are the
///              host's (fullScreenKeyPressed()), never the guest's, grabbed or not
///   placeholder  text shown instead of (or over) the screen, e.g. "the VM is stopped"
class DisplayView final : public QAbstractScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DisplayView)

public:
    enum class Scaling
    {
        FitToWindow,
        ActualSize
    };

    explicit DisplayView(QWidget *parent = nullptr);
    ~DisplayView() override;

    void setDisplay(RemoteDisplay *display);
    RemoteDisplay *display() const { return m_display; }

    void setScaling(Scaling scaling);
    Scaling scaling() const { return m_scaling; }

    /// Text drawn instead of the screen; empty shows the screen.
    void setPlaceholderText(const QString &text);
    QString placeholderText() const { return m_placeholder; }
    /// Text drawn over the (dimmed) screen, e.g. "Paused"; empty for none.
    void setOverlayText(const QString &text);
    QString overlayText() const { return m_overlay; }

    bool isKeyboardGrabbed() const { return m_grabbed; }
    void grabGuestKeyboard();
    void releaseGuestKeyboard();
    /// The hint shown while the keyboard is grabbed.
    static QString releaseHint();
    /// The keys that enter and leave full screen, in words: "F11 or Ctrl+Alt+F".
    static QString fullScreenKeys();

    /// Sends a key combination: presses @p qnums in order, releases them in reverse.
    void sendKeyCombination(const QList<QPair<quint32, quint32>> &qnumAndKeysym);

    /// Where framebuffer pixels land in the viewport (logical pixels).
    QRectF frameTarget() const;
    /// The region repainted by the last paint event (for tests).
    QRegion lastPaintedRegion() const { return m_lastPainted; }

Q_SIGNALS:
    void keyboardGrabChanged(bool grabbed);
    /// F11 or Ctrl+Alt+F was pressed: the page toggles full screen.
    void fullScreenKeyPressed();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    bool focusNextPrevChild(bool next) override;

private:
    void onFrameUpdated(QRect rect);
    void onFrameResized();
    void updateScrollBars();
    void sendMouse(QPointF viewportPos, Qt::MouseButtons buttons);
    void releasePressedKeys();
    QPoint toFrame(QPointF viewportPos) const;
    qreal deviceRatio() const;

    QPointer<RemoteDisplay> m_display;
    Scaling m_scaling = Scaling::FitToWindow;
    QString m_placeholder;
    QString m_overlay;
    bool m_grabbed = false;
    QHash<int, QPair<quint32, quint32>> m_pressedByQtKey;
    int m_hostKeyDown = 0; ///< the Qt key of a host shortcut being pressed: its release stays here
    int m_buttons = 0;
    QRegion m_lastPainted;
};
