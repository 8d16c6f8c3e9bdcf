// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QObject>

/// Gives every QMessageBox of the application room for its words. Qt sizes a box by its
/// short question and wraps a long explanation into a tall, narrow column (the overcommit
/// question was 290 pixels wide and ten lines high). Each box's text is made at least about
/// 60 characters wide (never more than half the screen) before the box sizes itself.
class MessageBoxWidth final : public QObject
{
    Q_OBJECT

public:
    /// Installs the filter on the application once; later calls do nothing.
    static void install();

    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
};
