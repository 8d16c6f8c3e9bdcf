// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QObject>
#include <QString>

class QMainWindow;

/// Keeps a main window's status bar from holding on to a status tip that is no longer
/// true. Qt shows an action's tip while the pointer rests on it and clears it only when the
/// pointer leaves: a toolbar button clicked to start a VM kept saying "Start the virtual
/// machine" while the VM ran, and a tip shown before a dialog opened was still there after
/// it closed. Here a tip goes as soon as any action of the window is triggered, and when
/// the window is deactivated.
class StatusTips final : public QObject
{
    Q_OBJECT

public:
    /// Watches @p window (its parent) and the actions it holds now.
    explicit StatusTips(QMainWindow *window);

    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void drop();

    QMainWindow *m_window;
    QString m_shown; ///< the tip the status bar shows now, or empty
};
