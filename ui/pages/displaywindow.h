// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QWidget>

class DisplayPage;
class QTimer;
class VmInstance;

/// A window with only one VM's screen: the main window's "Detach" and `berth view`.
/// Full screen hides the toolbar; it slides back while the pointer is at the top edge
/// and hides again two seconds after the pointer leaves it.
class DisplayWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DisplayWindow)

public:
    explicit DisplayWindow(QWidget *parent = nullptr);
    ~DisplayWindow() override;

    /// A new window (deleted on close) following @p vm.
    static DisplayWindow *openFor(VmInstance *vm);

    DisplayPage *page() const { return m_page; }
    void setFullScreen(bool on);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    DisplayPage *m_page;
    QTimer *m_hideToolBar;
};
