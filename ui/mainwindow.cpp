#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

MainWindow::MainWindow(VmLibrary *library, QWidget *parent)
    : QMainWindow(parent)
{
    Q_UNUSED(library); // the VM list arrives with the next change
    setWindowTitle(tr("Berth"));
    setObjectName(u"MainWindow"_s);

    auto *placeholder = new QLabel(tr("<h3>No virtual machines yet</h3>"
                                      "<p>Virtual machines you create will be listed here.</p>"),
                                   this);
    placeholder->setObjectName(u"emptyLibraryLabel"_s);
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setWordWrap(true);
    placeholder->setEnabled(false); // greyed: it is a hint, not content
    setCentralWidget(placeholder);

    createMenus();
    statusBar()->showMessage(tr("Ready"));
    restoreWindowState();
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *about = helpMenu->addAction(tr("&About Berth"), this, &MainWindow::showAbout);
    about->setObjectName(u"actionAbout"_s);
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::showAbout()
{
    auto *box = findChild<QMessageBox *>(u"aboutDialog"_s, Qt::FindDirectChildrenOnly);
    if (!box) {
        box = new QMessageBox(this);
        box->setObjectName(u"aboutDialog"_s);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setWindowTitle(tr("About Berth"));
        box->setIconPixmap(windowIcon().pixmap(64, 64));
        box->setTextFormat(Qt::RichText);
        box->setText(tr("<h2>Berth %1</h2>"
                        "<p>A desktop manager for QEMU/KVM virtual machines.</p>"
                        "<p>Berth talks to QEMU directly over QMP and shows each guest's "
                        "screen in its window.</p>")
                         .arg(QApplication::applicationVersion()));
        box->setInformativeText(
            tr("Built with Qt %1, running on Qt %2.")
                .arg(QLatin1StringView(QT_VERSION_STR), QLatin1StringView(qVersion())));
        box->setStandardButtons(QMessageBox::Close);
        box->setModal(false);
    }
    box->show();
    box->raise();
    box->activateWindow();
}

void MainWindow::restoreWindowState()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value("MainWindow/geometry"_L1).toByteArray()))
        resize(1024, 700);
    restoreState(settings.value("MainWindow/state"_L1).toByteArray());
}

void MainWindow::saveWindowState() const
{
    QSettings settings;
    settings.setValue("MainWindow/geometry"_L1, saveGeometry());
    settings.setValue("MainWindow/state"_L1, saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    event->accept();
}
