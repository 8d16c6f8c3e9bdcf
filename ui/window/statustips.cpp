// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/window/statustips.h"

#include <QAction>
#include <QMainWindow>
#include <QStatusBar>
#include <QStatusTipEvent>

StatusTips::StatusTips(QMainWindow *window)
    : QObject(window)
    , m_window(window)
{
    window->installEventFilter(this);
    for (QAction *action : window->findChildren<QAction *>())
        connect(action, &QAction::triggered, this, &StatusTips::drop);
}

bool StatusTips::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window) {
        if (event->type() == QEvent::StatusTip)
            m_shown = static_cast<QStatusTipEvent *>(event)->tip();
        else if (event->type() == QEvent::WindowDeactivate)
            drop();
    }
    return QObject::eventFilter(watched, event);
}

void StatusTips::drop()
{
    // Only the tip: a message the window showed itself ("Saved the settings…") stays.
    if (!m_shown.isEmpty() && m_window->statusBar()->currentMessage() == m_shown)
        m_window->statusBar()->clearMessage();
    m_shown.clear();
}
