// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/vm/vminstance.h"
#include "ui/display/remotedisplay.h"

#include <QKeyCombination>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QWidget>

class DisplayView;
class QAction;
class QPushButton;
class QTimer;
class QToolBar;

/// One VM's screen with its toolbar (scaling, Send key, screenshot, detach, fullscreen).
/// Follows the VM's state: connects when it runs, shows why there is no screen when it
/// is stopped, dims the screen while paused, and reconnects by itself after QEMU went
/// away and the VM runs again.
class DisplayPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DisplayPage)

public:
    /// @p display is used instead of a VncDisplay when given (tests); the page owns it.
    explicit DisplayPage(QWidget *parent = nullptr, RemoteDisplay *display = nullptr);
    ~DisplayPage() override;

    /// The VM to show; null shows nothing. The page connects while it is visible.
    void setVm(VmInstance *vm);
    VmInstance *vm() const { return m_vm; }
    /// Without a VmInstance (`berth view`, which holds no monitor): shows the VNC server
    /// at @p socketPath for the VM called @p name, retrying while it cannot be reached.
    void setSocket(const QString &socketPath, const QString &name);
    /// Hides the Detach action (in a window of its own).
    void setDetachable(bool detachable);
    /// The VM's screen is shown in a window of its own: the page says so and offers to
    /// bring it back (bringBackRequested()) instead of showing it twice.
    void setShownElsewhere(bool elsewhere);
    bool isShownElsewhere() const { return m_shownElsewhere; }
    /// The button under the placeholder text ("Start", "Bring It Back"), or null while none
    /// shows (for tests).
    QPushButton *placeholderButton() const;

    DisplayView *view() const { return m_view; }
    RemoteDisplay *display() const { return m_display; }
    QToolBar *toolBar() const { return m_toolBar; }

    /// Saves the framebuffer as PNG; false with @p error when there is none.
    bool saveScreenshot(const QString &path, QString *error) const;

    /// Guest keys (qnum, keysym) for a Qt key combination: modifiers first, US layout.
    static QList<QPair<quint32, quint32>> combinationFor(const QKeyCombination &keys);

    /// Where the page takes its VNC socket from; tests may point it elsewhere.
    static QString socketPathFor(const VmInstance *vm);

Q_SIGNALS:
    void detachRequested();
    /// "Bring It Back" under "shown in its own window".
    void bringBackRequested();
    /// "Start" under "is not running".
    void startRequested();
    void fullScreenRequested(bool on);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool isLive() const;
    void followState();
    void updateText();
    void updateActions();
    void placeButton();
    void buildSendKeyMenu(QAction *action);
    void saveScreenshotInteractively();
    void createDesktopShortcut();
    void sendCustomCombination();

    RemoteDisplay *m_display;
    DisplayView *m_view;
    QToolBar *m_toolBar;
    QTimer *m_retry;
    QPointer<VmInstance> m_vm;
    QString m_openedPath;
    QString m_socketPath; // setSocket()
    QString m_socketName;
    QPushButton *m_placeholderButton;
    bool m_shownElsewhere = false;
};
