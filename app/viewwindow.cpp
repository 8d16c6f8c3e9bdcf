// SPDX-License-Identifier: GPL-2.0-or-later
#include "app/viewwindow.h"

#include "ui/pages/displaypage.h"
#include "ui/pages/displaywindow.h"
#include "ui/widgets/messageboxwidth.h"
#include "ui/window/windowserver.h"

#include <QApplication>

int ViewWindow::exec(const QString &vmName, const QString &vncSocket, bool fullScreen,
                     const QString &libraryRoot)
{
    if (WindowServer::forward({libraryRoot, vmName, fullScreen}))
        return 0; // the running window shows it
    MessageBoxWidth::install();
    DisplayWindow window;
    window.setWindowTitle(DisplayWindow::tr("%1 — Berth").arg(vmName));
    window.page()->setSocket(vncSocket, vmName);
    if (fullScreen)
        window.setFullScreen(true);
    else
        window.show();
    return QApplication::exec();
}
