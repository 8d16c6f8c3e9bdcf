// SPDX-License-Identifier: GPL-2.0-or-later
// Issue 14 point 11: each flow of the window as a person sees it, in light, dark and
// Simplified Chinese, saved as PNGs in the build tree (screenshots/<look>/<flow>.png, kept
// as test artefacts to look at) and checked for cut-off text. Offscreen, no QEMU.
#include "models/vm/privatenetworks.h"
#include "tests/support/verifyoutcome.h"
#include "tests/support/windowdriver.h"
#include "ui/pages/definitioneditor.h"
#include "ui/pages/displaypage.h"
#include "ui/pages/displaywindow.h"
#include "ui/pages/resourcespage.h"
#include "ui/pages/vmdetailspane.h"
#include "ui/window/hostresourcesdialog.h"
#include "ui/window/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QLibraryInfo>
#include <QProcess>
#include <QPushButton>
#include <QScrollArea>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTest>
#include <QTranslator>
#include <QTreeWidget>

using namespace Qt::Literals::StringLiterals;

class TestFlowShots final : public QObject
{
    Q_OBJECT

private:
    QStringList m_problems;
    QString m_look;

    void look(QWidget *window, const QString &flow)
    {
        QVERIFY(window);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QCoreApplication::processEvents();
        for (const QString &p : WindowDriver::clippedTexts(window))
            m_problems << m_look + u"/"_s + flow + u": "_s + p;
        const QString dir = QStringLiteral(BERTH_FLOWSHOT_DIR) + u'/' + m_look;
        QVERIFY(QDir().mkpath(dir));
        const QImage shot = window->grab().toImage();
        QVERIFY(!shot.isNull());
        QVERIFY(shot.save(QDir(dir).filePath(flow + u".png"_s)));
    }

    void flows()
    {
        WindowDriver driver;
        VmDefinition debian = WindowDriver::plainVm(u"Debian 12"_s);
        debian.notes = u"Web server sandbox"_s;
        QVERIFY(driver.createVm(debian));
        const QString folder = driver.library().find(u"Debian 12"_s)->folder;
        for (const char *name : {"Debian 12.qcow2", "data.qcow2"}) {
            const QString path = folder + u'/' + QLatin1StringView(name);
            QCOMPARE(QProcess::execute(u"qemu-img"_s,
                                       {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, path, u"8M"_s}),
                     0);
            debian.disks.append({path, u"qcow2"_s, u"virtio"_s, true});
        }
        QVERIFY(PrivateNetworks(driver.libraryRoot()).create(u"lab"_s));
        debian.nics << VmNic{VmNic::Kind::Private, u"lab"_s, u"52:54:00:3a:10:02"_s};
        debian.portForwards = {PortForward{u"tcp"_s, 8080, 80},
                               PortForward{u"tcp"_s, 2222, 22, u"0.0.0.0"_s}};
        QVERIFY_OUTCOME(driver.library().save(debian));
        VmDefinition web = WindowDriver::plainVm(u"web"_s);
        QVERIFY(driver.createVm(web));

        MainWindow *w = driver.openWindow();
        QVERIFY(driver.select(u"Debian 12"_s));
        VmDetailsPane *pane = w->detailsPane();
        pane->tabs()->setCurrentWidget(pane->displayPage());
        look(w, u"1-display-stopped"_s);

        pane->tabs()->setCurrentWidget(pane->editor());
        auto *disks = pane->editor()->findChild<QTreeWidget *>(u"disksList"_s);
        disks->setCurrentItem(disks->topLevelItem(0));
        look(w, u"2-settings"_s);
        auto *network = pane->editor()->findChild<QWidget *>(u"networkEditor"_s);
        pane->editor()->findChild<QScrollArea *>()->ensureWidgetVisible(network);
        look(w, u"2b-settings-network"_s);
        pane->tabs()->setCurrentWidget(pane->resourcesPage());
        look(w, u"2b-resources"_s);

        pane->editor()->findChild<QPushButton *>(u"resizeDiskButton"_s)->click();
        QDialog *resize = nullptr;
        QTRY_VERIFY((resize = pane->editor()->findChild<QDialog *>(u"diskResizeDialog"_s)));
        QTRY_VERIFY(resize->findChild<QPushButton *>(u"resizeButton"_s)->isEnabled());
        look(resize, u"3-resize-disk"_s);
        resize->reject();

        pane->tabs()->setCurrentWidget(pane->displayPage());
        pane->displayPage()->findChild<QAction *>(u"displayDetachAction"_s)->trigger();
        DisplayWindow *detached = pane->detachedDisplay();
        QVERIFY(detached);
        look(w, u"4-display-detached"_s);
        look(detached, u"5-detached-window"_s);
        QVERIFY(detached->page()->placeholderButton()); // Start
        detached->setFullScreen(true);
        look(detached, u"6-full-screen"_s);
        detached->close();

        driver.action("actionPrivateNetworks")->trigger();
        look(driver.waitForDialog(u"privateNetworksDialog"_s), u"8-private-networks"_s);
        driver.waitForDialog(u"privateNetworksDialog"_s)->reject();

        driver.action("actionDelete")->trigger();
        look(driver.waitForDialog(u"confirmDelete"_s), u"7-delete"_s);
        driver.waitForDialog(u"confirmDelete"_s)->reject();

        w->findChild<QAction *>(u"actionHostResources"_s)->trigger();
        auto *host = w->findChild<HostResourcesDialog *>();
        QVERIFY(host);
        look(host, u"8-host-resources"_s);
        host->close();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(WindowDriver::isolateSettings()); }

    void light()
    {
        m_look = u"light"_s;
        flows();
    }

    void dark()
    {
        m_look = u"dark"_s;
        const QPalette previous = QApplication::palette();
        QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
        QApplication::setPalette(WindowDriver::darkPalette());
        flows();
        QApplication::setPalette(previous);
    }

    void chinese()
    {
        m_look = u"zh_CN"_s;
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        QTranslator qt;
        if (qt.load(u"qtbase_zh_CN"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&qt);
        QTranslator berth;
        QVERIFY(berth.load(u"berth_zh_CN"_s, QStringLiteral(BERTH_QM_DIR)));
        QCoreApplication::installTranslator(&berth);
        flows();
        QCoreApplication::removeTranslator(&berth);
        QCoreApplication::removeTranslator(&qt);
        QLocale::setDefault(QLocale::c());
    }

    void nothingIsCutOff() { QVERIFY2(m_problems.isEmpty(), qPrintable(m_problems.join(u'\n'))); }
};

QTEST_MAIN(TestFlowShots)
#include "tst_flowshots.moc"
