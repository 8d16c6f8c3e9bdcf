// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/widgets/messageboxwidth.h"

#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QMessageBox>
#include <QScreen>

using namespace Qt::Literals::StringLiterals;

void MessageBoxWidth::install()
{
    if (!qApp || qApp->findChild<MessageBoxWidth *>(QString(), Qt::FindDirectChildrenOnly))
        return;
    qApp->installEventFilter(new MessageBoxWidth(qApp));
}

bool MessageBoxWidth::eventFilter(QObject *watched, QEvent *event)
{
    // Before the box's own showEvent, which sizes it from its labels' minimum widths.
    if (event->type() == QEvent::Show) {
        if (auto *box = qobject_cast<QMessageBox *>(watched)) {
            const int wanted = box->fontMetrics().averageCharWidth() * 60;
            const QScreen *screen = box->screen();
            const int cap = screen ? screen->availableGeometry().width() / 2 : wanted;
            for (const char *name : {"qt_msgbox_label", "qt_msgbox_informativelabel"}) {
                auto *label = box->findChild<QLabel *>(QLatin1StringView(name));
                // Only text that wraps: a one-line "Quit?" box stays small.
                if (label && label->fontMetrics().horizontalAdvance(label->text()) > wanted)
                    label->setMinimumWidth(qMin(wanted, cap));
            }
        }
    }
    return QObject::eventFilter(watched, event);
}
