// SPDX-License-Identifier: GPL-2.0-or-later
// Every window and dialog in Simplified Chinese, with the translation Berth ships: no label,
// button or tab may be narrower than its text (cut off or elided). With BERTH_SCREENSHOT_DIR
// set, each one is also saved there as a PNG, for a person to look at.
#include "tests/support/windowdriver.h"
#include "ui/pages/vmdetailspane.h"
#include "ui/window/clonedialog.h"
#include "ui/window/mainwindow.h"
#include "ui/window/preferencesdialog.h"
#include "ui/wizards/diskimagewizard.h"
#include "ui/wizards/newvmwizard.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QTranslator>

using namespace Qt::Literals::StringLiterals;

class TestZhTour final : public QObject
{
    Q_OBJECT

private:
    QStringList m_problems;

    void look(QWidget *window, const QString &name)
    {
        QVERIFY(window);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QCoreApplication::processEvents();
        for (const QString &p : WindowDriver::clippedTexts(window))
            m_problems << name + u": "_s + p;
        const QString dir = qEnvironmentVariable("BERTH_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(window->grab().save(QDir(dir).filePath(name + u".png"_s)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(WindowDriver::isolateSettings());
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        auto *qt = new QTranslator(this);
        if (qt->load(u"qtbase_zh_CN"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(qt);
        auto *berth = new QTranslator(this);
        QVERIFY2(berth->load(u"berth_zh_CN"_s, QStringLiteral(BERTH_QM_DIR)), BERTH_QM_DIR);
        QCoreApplication::installTranslator(berth);
        QCOMPARE(QCoreApplication::translate("MainWindow", "&File"), u"文件(&F)"_s);
    }

    void theCheckSeesCutOffText()
    {
        QWidget window;
        auto *fits = new QLabel(u"短"_s, &window);
        fits->adjustSize();
        auto *cut = new QLabel(u"这一行文字放不进十个像素"_s, &window);
        cut->setGeometry(0, 20, 10, 20);
        auto *button = new QPushButton(u"先为当前状态创建快照，再恢复"_s, &window);
        button->setGeometry(0, 40, 30, 30);
        window.show();
        QCOMPARE(WindowDriver::clippedTexts(&window).size(), 2);
    }

    void tour()
    {
        {
            WindowDriver empty;
            look(empty.openWindow(), u"main-empty"_s);
        }
        WindowDriver driver;
        VmDefinition a = WindowDriver::plainVm(u"调试机"_s);
        VmDefinition b = WindowDriver::plainVm(u"Debian 12"_s);
        QVERIFY(driver.createVm(a) && driver.createVm(b));
        MainWindow *w = driver.openWindow();
        QVERIFY(driver.select(u"调试机"_s));
        const QStringList tabs{u"display"_s, u"settings"_s, u"console"_s, u"snapshots"_s,
                               u"performance"_s};
        QTabWidget *tabWidget = w->detailsPane()->tabs();
        for (int i = 0; i < tabWidget->count(); ++i) {
            tabWidget->setCurrentIndex(i);
            look(w, u"main-"_s + tabs.value(i, QString::number(i)));
        }

        w->showPreferences();
        look(w->findChild<PreferencesDialog *>(), u"preferences"_s);
        w->findChild<PreferencesDialog *>()->reject();

        // Every page of both wizards up to their summary (next() does not create anything
        // before the summary's Create).
        NewVmWizard *newVm = driver.openNewVmWizard();
        for (int page = NewVmWizard::MediaPage; page <= NewVmWizard::SummaryPage; ++page) {
            look(newVm, u"new-vm-%1"_s.arg(page));
            if (page < NewVmWizard::SummaryPage)
                newVm->next();
        }
        newVm->reject();
        DiskImageWizard *disk = driver.openDiskImageWizard();
        for (int page = DiskImageWizard::DiskPage; page <= DiskImageWizard::SummaryPage; ++page) {
            look(disk, u"new-disk-%1"_s.arg(page));
            if (page < DiskImageWizard::SummaryPage)
                disk->next();
        }
        disk->reject();

        w->showAbout();
        look(w->findChild<QMessageBox *>(u"aboutDialog"_s), u"about"_s);
        w->findChild<QMessageBox *>(u"aboutDialog"_s)->close();

        driver.action("actionDelete")->trigger();
        look(driver.waitForDialog(u"confirmDelete"_s), u"confirm-delete"_s);
        driver.waitForDialog(u"confirmDelete"_s)->reject();

        {
            CloneDialog clone(&driver.library(), u"调试机"_s, w);
            look(&clone, u"clone"_s);
        }
        auto *vmMenu = w->findChild<QMenu *>(u"vmMenu"_s);
        vmMenu->popup(w->mapToGlobal(QPoint(40, 40)));
        look(vmMenu, u"vm-menu"_s);
        vmMenu->close();

        // A dark palette: the bundled action glyphs follow the text colour.
        const QPalette light = QApplication::palette();
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
        dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
        dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
        QApplication::setPalette(dark);
        tabWidget->setCurrentIndex(0);
        look(w, u"main-dark"_s);
        {
            CloneDialog clone(&driver.library(), u"调试机"_s, w);
            look(&clone, u"clone-dark"_s);
        }
        QApplication::setPalette(light);

        QVERIFY2(m_problems.isEmpty(), qPrintable(m_problems.join(u'\n')));
    }
};

QTEST_MAIN(TestZhTour)
#include "tst_zh_tour.moc"
