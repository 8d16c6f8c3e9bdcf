// The baseline for bench_gui_start: an empty QMainWindow (a menu bar and a status bar,
// nothing else) that prints "berth-startup shown" on stdout after its first paint, exactly as
// Berth does with BERTH_STARTUP_PROBE set (app/startupprobe.cpp, reimplemented here so that
// this program links nothing of Berth's).
//
// It opens at the size Berth's main window opens at without saved geometry (see
// MainWindow::restoreWindowState(); 1100x720 when this was written), so both paint about the
// same area; only the paint cost depends on it, and little.

#include <QApplication>
#include <QEvent>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kWidth = 1100;
constexpr int kHeight = 720;

/// The same logic as StartupProbe's filter: on the window's first Paint event, queue the
/// line, so that it is printed once that paint has finished.
class FirstPaintFilter final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_reported) {
            m_reported = true;
            watched->removeEventFilter(this);
            QMetaObject::invokeMethod(
                this,
                [] {
                    std::fputs("berth-startup shown\n", stdout);
                    std::fflush(stdout);
                },
                Qt::QueuedConnection);
        }
        return false;
    }

private:
    bool m_reported = false;
};

} // namespace

int main(int argc, char *argv[])
{
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
    window.installEventFilter(new FirstPaintFilter(&window));
    return QApplication::exec();
}
