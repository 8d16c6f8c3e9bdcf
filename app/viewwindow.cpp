// SPDX-License-Identifier: GPL-2.0-or-later
#include "app/viewwindow.h"

#include "ui/pages/displaypage.h"
#include "ui/pages/displaywindow.h"

#include <QApplication>

int ViewWindow::exec(const QString &vmName, const QString &vncSocket, bool fullScreen)
{
    DisplayWindow window;
    window.setWindowTitle(DisplayWindow::tr("%1 — Berth").arg(vmName));
    window.page()->setSocket(vncSocket, vmName);
    if (fullScreen)
        window.setFullScreen(true);
    else
        window.show();
    return QApplication::exec();
}
