// SPDX-License-Identifier: GPL-2.0-or-later
// A VM's Resources tab and View → Host Resources in the real window (offscreen): Apply
// writes what `berth set` writes, a refusal shows and saves nothing, the host view shows the
// admission figures. With BERTH_UI_SCREENSHOT_DIR set, the grabs are saved there (light, dark).
#include "models/itemmodels/vmlistmodel.h"
#include "tests/support/windowdriver.h"
#include "ui/pages/resourcespage.h"
#include "ui/pages/vmdetailspane.h"
#include "ui/window/hostresourcesdialog.h"
#include "ui/window/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

void save(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("BERTH_UI_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(widget->grab().save(dir + u'/' + name));
}

} // namespace

class TestResourcesPage final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WindowDriver> m_driver;

    VmDefinition saved(const QString &name) const
    {
        if (!m_driver->library().reload())
            return {};
        const VmEntry *e = m_driver->library().find(name);
        return e ? e->definition : VmDefinition{};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(WindowDriver::isolateSettings());
        QApplication::setStyle(u"Fusion"_s);
    }

    void init() { m_driver = std::make_unique<WindowDriver>(); }
    void cleanup() { m_driver.reset(); }

    void applyWritesTheDefinition()
    {
        VmDefinition d = WindowDriver::plainVm(u"web"_s);
        QVERIFY(m_driver->createVm(d));
        MainWindow *w = m_driver->openWindow();
        QVERIFY(m_driver->select(u"web"_s));
        VmDetailsPane *pane = w->detailsPane();
        ResourcesPage *page = pane->resourcesPage();
        pane->tabs()->setCurrentWidget(page);
        auto *apply = page->findChild<QPushButton *>(u"resourcesApply"_s);
        QVERIFY(!apply->isEnabled());

        page->findChild<QSpinBox *>(u"cpuWeight"_s)->setValue(300);
        page->findChild<QSpinBox *>(u"memoryTarget"_s)->setValue(384);
        page->findChild<QSpinBox *>(u"ioReadRate"_s)->setValue(4);
        page->findChild<QLineEdit *>(u"cpuAffinity"_s)->setText(u"0"_s);
        QVERIFY(apply->isEnabled());
        save(w, u"resources-tab.png"_s);
        QTest::mouseClick(apply, Qt::LeftButton);
        QTRY_VERIFY(!apply->isEnabled());
        const VmResources r = saved(u"web"_s).resources;
        QCOMPARE(r.cpuWeight, 300);
        QCOMPARE(r.memoryTargetMiB, 384);
        QCOMPARE(r.ioReadBps, 4 * 1024 * 1024);
        QCOMPARE(r.cpuAffinity, u"0"_s);
        QVERIFY2(page->findChild<QLabel *>(u"resourcesStatus"_s)->text().contains("next start"_L1),
                 qPrintable(page->findChild<QLabel *>(u"resourcesStatus"_s)->text()));

        // A target above the VM's memory is refused, with the numbers, and nothing is saved.
        page->findChild<QSpinBox *>(u"memoryTarget"_s)->setValue(4096);
        QTest::mouseClick(apply, Qt::LeftButton);
        QTRY_VERIFY(!page->problem().isEmpty());
        QVERIFY2(page->problem().contains("4,096"_L1) || page->problem().contains("4096"_L1),
                 qPrintable(page->problem()));
        QCOMPARE(saved(u"web"_s).resources.memoryTargetMiB, 384);
        QCOMPARE(page->findChild<QLabel *>(u"resourcesStatus"_s)->text(), page->problem());
        QTest::mouseClick(page->findChild<QPushButton *>(u"resourcesRevert"_s), Qt::LeftButton);
        QCOMPARE(page->findChild<QSpinBox *>(u"memoryTarget"_s)->value(), 384);

        w->setPalette(WindowDriver::darkPalette());
        save(w, u"resources-tab-dark.png"_s);
    }

    void hostResourcesView()
    {
        MainWindow *w = m_driver->openWindow();
        QAction *open = w->findChild<QAction *>(u"actionHostResources"_s);
        QVERIFY(open);
        QCOMPARE(open->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
        open->trigger();
        auto *dialog = w->findChild<HostResourcesDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY2(dialog->summaryText().contains("overcommit ratio"_L1),
                 qPrintable(dialog->summaryText()));
        QCOMPARE(dialog->table()->rowCount(), 0); // nothing runs, and it says so
        QVERIFY(!dialog->table()->isVisible());
        auto *none = dialog->findChild<QLabel *>(u"hostResourcesNoneRunning"_s);
        QVERIFY(none && none->isVisible() && none->text().contains("No virtual machine"_L1));
        QVERIFY2(dialog->findChild<QLabel *>(u"balancerState"_s)->text().contains("off"_L1),
                 qPrintable(dialog->findChild<QLabel *>(u"balancerState"_s)->text()));
        QCOMPARE(dialog->balancerActions()->count(), 1); // "No balancer actions yet."
        save(dialog, u"host-resources.png"_s);
    }
};

QTEST_MAIN(TestResourcesPage)
#include "tst_resourcespage.moc"
