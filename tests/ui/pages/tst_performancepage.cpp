// SPDX-License-Identifier: GPL-2.0-or-later
// The window's stats: the usage columns of the VM list (QAbstractItemModelTester, one
// dataChanged per tick), the Performance tab rendered offscreen with a real spinning
// guest in light and dark palettes, the host summary, and the overcommit question on Start.
// With BERTH_UI_SCREENSHOT_DIR set, the grabs are saved there for a person to look at.
#include "models/itemmodels/vmlistmodel.h"
#include "models/stats/statssampler.h"
#include "models/vm/vminstance.h"
#include "tests/support/testguest.h"
#include "tests/support/windowdriver.h"
#include "ui/pages/performancepage.h"
#include "ui/pages/vmdetailspane.h"
#include "ui/widgets/hostsummary.h"
#include "ui/widgets/statschart.h"
#include "ui/widgets/vmlistview.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QProcess>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kBootTimeoutMs = 120'000;

/// Pixels of @p image within @p rect that are clearly blue (a chart line, antialiased onto
/// a light or dark background; not the pale fill under it).
int bluePixels(const QImage &image, const QRect &rect)
{
    int count = 0;
    const QRect r = rect.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.blue() > c.red() + 50 && c.blue() > c.green() + 25)
                ++count;
        }
    }
    return count;
}

/// Pixels of @p image within @p rect whose colour is near @p color.
int pixelsNear(const QImage &image, const QRect &rect, const QColor &color)
{
    int count = 0;
    const QRect r = rect.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - color.red()) < 40 && std::abs(c.green() - color.green()) < 40 &&
                std::abs(c.blue() - color.blue()) < 40)
                ++count;
        }
    }
    return count;
}

void save(const QImage &image, const QString &name)
{
    const QString dir = qEnvironmentVariable("BERTH_UI_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(image.save(dir + u'/' + name));
}

} // namespace

class TestPerformancePage final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WindowDriver> m_driver;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(WindowDriver::isolateSettings());
        QApplication::setStyle(u"Fusion"_s);
    }

    void init() { m_driver = std::make_unique<WindowDriver>(); }
    void cleanup() { m_driver.reset(); }

    void startAsksBeforeOvercommittingMemory()
    {
        VmDefinition huge = WindowDriver::plainVm(u"huge"_s);
        huge.memoryMiB = 4 * 1024 * 1024; // 4 TiB: more than any test machine has
        QVERIFY(m_driver->createVm(huge));
        MainWindow *w = m_driver->openWindow();
        QVERIFY(m_driver->select(u"huge"_s));
        m_driver->action("actionStart")->trigger();
        QMessageBox *box = m_driver->waitForMessageBox(u"confirmOvercommit"_s);
        QVERIFY(box);
        QVERIFY2(box->informativeText().contains(u"more than this computer can back"_s),
                 qPrintable(box->informativeText()));
        QVERIFY(box->text().contains(u"“huge”"_s));
        save(box->grab().toImage(), u"overcommit.png"_s);
        // Room for the explanation (issue 14 item 8): not a tall column of ten lines.
        const auto *why = box->findChild<QLabel *>(u"qt_msgbox_informativelabel"_s);
        QVERIFY(why);
        QVERIFY2(why->width() >= 50 * why->fontMetrics().averageCharWidth(),
                 qPrintable(QString::number(why->width())));
        // Nothing started while the question is open; Cancel leaves it stopped.
        VmInstance *vm = w->model()->instance(w->model()->indexOf(huge.uuid));
        QCOMPARE(vm->pid(), 0);
        QCOMPARE(vm->state(), VmState::Stopped);
        box->reject();
        QTest::qWait(50);
        QCOMPARE(vm->state(), VmState::Stopped);
        QVERIFY(w->findChild<HostSummary *>()->text().contains(u"VM memory"_s));
    }

    void liveUsageColumnsAndPerformanceTab()
    {
        QVERIFY2(TestGuest::isAvailable(), "the test guest is not built (BERTH_TEST_GUEST_DIR; run "
                                           "through ctest, whose fixture builds it)");
        VmDefinition d =
            TestGuest::definition(u"busy"_s, u"console=ttyS0 quiet berth.spin=1"_s, 256);
        d.cpus = 2;
        const QString disk = m_driver->libraryRoot() + u"/busy-disk.qcow2"_s;
        QVERIFY(QProcess::execute(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, disk,
                                                  u"16M"_s}) == 0);
        d.disks = {{disk, u"qcow2"_s, u"virtio"_s}};
        QVERIFY(m_driver->createVm(d));
        VmDefinition idle = WindowDriver::plainVm(u"aaa-stopped"_s);
        QVERIFY(m_driver->createVm(idle));
        MainWindow *w = m_driver->openWindow();
        w->resize(1280, 820);
        w->show();
        StatsSampler *sampler = w->statsSampler();
        sampler->setInterval(250);
        VmListModel *model = w->model();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(
            w->listView()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        QVERIFY(m_driver->select(u"busy"_s));
        m_driver->action("actionStart")->trigger();
        VmInstance *vm = model->instance(model->indexOf(d.uuid));
        QVERIFY(m_driver->waitForState(u"busy"_s, VmState::Running, kBootTimeoutMs));
        const QModelIndex cpu = model->indexOf(d.uuid, VmListModel::CpuUsageColumn);
        const QModelIndex memory = model->indexOf(d.uuid, VmListModel::MemoryUsageColumn);
        QVERIFY(QTest::qWaitFor([&] { return cpu.data().toString().endsWith(u'%'); }, 30'000));

        // One dataChanged per tick covers every row's usage columns.
        QSignalSpy ticks(sampler, &StatsSampler::sampled);
        QSignalSpy changes(model, &QAbstractItemModel::dataChanged);
        QVERIFY(QTest::qWaitFor([&] { return ticks.size() >= 4; }, 20'000));
        int usageChanges = 0;
        for (const QList<QVariant> &c : std::as_const(changes)) {
            const auto from = c[0].value<QModelIndex>();
            const auto to = c[1].value<QModelIndex>();
            if (from.column() <= VmListModel::CpuUsageColumn &&
                to.column() >= VmListModel::MemoryUsageColumn)
                ++usageChanges;
        }
        QVERIFY2(usageChanges >= ticks.size() - 1 && usageChanges <= ticks.size() + 1,
                 qPrintable(u"%1 changes for %2 ticks"_s.arg(usageChanges).arg(ticks.size())));
        QVERIFY(!cpu.data(VmListModel::SparklineRole).value<QList<float>>().isEmpty());
        QVERIFY(cpu.data(VmListModel::SortValueRole).toDouble() >= 0);
        QVERIFY(!cpu.data(Qt::ToolTipRole).toString().isEmpty());
        // Sorted by use, as numbers: the running VM above the stopped one, and back.
        QAbstractItemModel *proxy = w->listView()->model();
        w->listView()->sortByColumn(VmListModel::CpuUsageColumn, Qt::DescendingOrder);
        QCOMPARE(proxy->index(0, VmListModel::NameColumn).data().toString(), u"busy"_s);
        w->listView()->sortByColumn(VmListModel::CpuUsageColumn, Qt::AscendingOrder);
        QCOMPARE(proxy->index(0, VmListModel::NameColumn).data().toString(), u"aaa-stopped"_s);
        w->listView()->sortByColumn(VmListModel::NameColumn, Qt::AscendingOrder);
        QVERIFY(m_driver->select(u"busy"_s));

        // Memory arrives once the balloon has reported (its polling is one second).
        QVERIFY(
            QTest::qWaitFor([&] { return memory.data().toString().contains(u"MiB"_s); }, 20'000));

        // The Performance tab, with data, in the light palette.
        QTabWidget *tabs = w->detailsPane()->tabs();
        PerformancePage *page = w->detailsPane()->performancePage();
        tabs->setCurrentWidget(page);
        QVERIFY(QTest::qWaitFor([&] { return ticks.size() >= 40; }, 60'000));
        QCOMPARE(page->cpuChart()->series().size(), 3); // QEMU + 2 vCPUs
        QVERIFY(page->cpuChart()->message().isEmpty());
        QVERIFY(page->memoryChart()->message().isEmpty());
        QVERIFY(page->diskChart()->message().isEmpty());
        QVERIFY(page->networkChart()->message().contains(u"Not available"_s));

        const QImage light = page->grab().toImage();
        save(light, u"performance-light.png"_s);
        save(w->grab().toImage(), u"window-light.png"_s);
        // The lines themselves, below the legends: the spinning QEMU's and the guest's memory
        // (a flat line, as long as the guest has reported: a few seconds' worth here).
        auto plotOf = [page](QWidget *chart) {
            const QRect r(chart->mapTo(page, QPoint(0, 0)), chart->size());
            return r.adjusted(0, r.height() / 3, 0, 0);
        };
        const QRect cpuArea(page->cpuChart()->mapTo(page, QPoint(0, 0)), page->cpuChart()->size());
        QVERIFY2(bluePixels(light, plotOf(page->cpuChart())) > 20,
                 qPrintable(QString::number(bluePixels(light, plotOf(page->cpuChart())))));
        QVERIFY2(bluePixels(light, plotOf(page->memoryChart())) > 5,
                 qPrintable(QString::number(bluePixels(light, plotOf(page->memoryChart())))));
        // Light background: the chart's corner is the palette's Base.
        QCOMPARE(light.pixelColor(cpuArea.topLeft() + QPoint(2, 2)),
                 page->palette().color(QPalette::Base));

        // Hovering shows the values at that time in a box.
        StatsChart *chart = page->cpuChart();
        QTest::mouseMove(chart, QPoint(chart->width() - 40, chart->height() / 2));
        QApplication::processEvents();
        const QImage hovered = chart->grab().toImage();
        save(hovered, u"cpu-hover.png"_s);
        QVERIFY(pixelsNear(hovered, hovered.rect(), page->palette().color(QPalette::ToolTipBase)) >
                500);

        // The dark palette.
        QApplication::setPalette(WindowDriver::darkPalette());
        QApplication::processEvents();
        page->setRangeSeconds(300);
        const QImage dark = page->grab().toImage();
        save(dark, u"performance-dark.png"_s);
        save(w->grab().toImage(), u"window-dark.png"_s);
        QVERIFY(bluePixels(dark, plotOf(page->cpuChart())) > 20);
        QCOMPARE(dark.pixelColor(cpuArea.topLeft() + QPoint(2, 2)), QColor(0x1e, 0x1e, 0x1e));
        QApplication::setPalette(QApplication::style()->standardPalette());

        vm->forceStop();
        QVERIFY(QTest::qWaitFor([&] { return vm->pid() == 0; }, 30'000));
        QVERIFY(cpu.data().toString().isEmpty());
        // Nothing runs: the ticks go on (the host summary), the list is left alone.
        ticks.clear();
        QVERIFY(QTest::qWaitFor([&] { return ticks.size() >= 2; }, 10'000));
        changes.clear();
        QVERIFY(QTest::qWaitFor([&] { return ticks.size() >= 5; }, 10'000));
        QCOMPARE(changes.size(), 0);
    }
};

QTEST_MAIN(TestPerformancePage)
#include "tst_performancepage.moc"
