// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QWidget>

class DisplayPage;
class QLabel;
class QTimer;
class VmInstance;

/// A window with only one VM's screen: the main window's "Detach" and Full Screen, and
/// `berth view`. Full screen says on entering how to leave (DisplayView::fullScreenKeys(),
/// keys that never reach the guest) and hides the toolbar; it slides back while the pointer
/// is at the top edge and hides again two seconds after the pointer leaves it. A window
/// opened only to be full screen (openFullScreenFor()) closes when full screen ends, so the
/// user is back where they came from.
class DisplayWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DisplayWindow)

public:
    explicit DisplayWindow(QWidget *parent = nullptr);
    ~DisplayWindow() override;

    /// A new window (deleted on close) following @p vm.
    static DisplayWindow *openFor(VmInstance *vm);
    /// The same, full screen, closing when full screen ends.
    static DisplayWindow *openFullScreenFor(VmInstance *vm);

    DisplayPage *page() const { return m_page; }
    void setFullScreen(bool on);
    /// Whether leaving full screen closes the window.
    void setClosesOnLeavingFullScreen(bool closes) { m_closesOnLeaving = closes; }
    /// The "how to leave" hint shown on entering full screen (for tests).
    QString fullScreenHint() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    DisplayPage *m_page;
    QTimer *m_hideToolBar;
    QLabel *m_hint;
    QTimer *m_hideHint;
    bool m_closesOnLeaving = false;
    bool m_fitted = false;
};
