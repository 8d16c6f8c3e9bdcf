// SPDX-License-Identifier: GPL-2.0-or-later
// The baseline for bench_gui_start: an empty QMainWindow (a menu bar and a status bar,
// nothing else) that prints "berth-startup shown" on stdout after its first paint, through
// the same probe Berth installs with BERTH_STARTUP_PROBE set (app/startupprobe.cpp is built
// into it; it needs nothing but Qt Widgets, so no other part of Berth is linked).
//
// It opens at the size Berth's main window opens at without saved geometry (see
// MainWindow::restoreWindowState(); 1100x720 when this was written), so both paint about the
// same area; only the paint cost depends on it, and little.

#include "app/startupprobe.h"

#include <csignal>
#include <QApplication>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kWidth = 1100;
constexpr int kHeight = 720;

} // namespace

int main(int argc, char *argv[])
{
    std::signal(SIGPIPE, SIG_IGN);
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"bench_empty_window"_s);

    QMainWindow window;
    window.setWindowTitle(u"Empty window"_s);
    QMenu *fileMenu = window.menuBar()->addMenu(u"&File"_s);
    fileMenu->addAction(u"&Quit"_s, &window, &QWidget::close);
    window.statusBar()->showMessage(u"Ready"_s);
    window.resize(kWidth, kHeight);
    window.show();
    // Installed after show(), as app/main.cpp does: show() only maps the window; the first
    // paint comes from the event loop.
    StartupProbe::install(&window);
    return QApplication::exec();
}
