// SPDX-License-Identifier: GPL-2.0-or-later
// The New Disk Image wizard, opened from the window's menu and from a VM's "Add Disk…",
// driven page by page offscreen with the real qemu-img: checks as the user types, a
// standalone image, an import converted to qcow2 and attached to a stopped VM, a linked
// clone, stopping qemu-img half-way, and a running VM that cannot get a disk.
#include "models/vm/vminstance.h"
#include "tests/support/testfiles.h"
#include "tests/support/verifyoutcome.h"
#include "tests/support/windowdriver.h"
#include "tests/ui/wizards/wizardtest.h"
#include "ui/wizards/diskimagewizard.h"
#include "ui/wizards/disksetupform.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace WizardTest;

namespace {

int qemuTool(const QString &tool, const QStringList &args)
{
    QProcess p;
    p.start(tool, args);
    return p.waitForFinished(60'000) && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace

class TestDiskImageWizard final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WindowDriver> m_driver;
    WindowDriver &driver() const { return *m_driver; }

    static bool waitUntilDone(DiskImageWizard *w)
    {
        return QTest::qWaitFor([w] { return !w->isWorking() && !w->resultText().isEmpty(); },
                               120'000);
    }
    QString scratch(const QString &name) const { return driver().libraryRoot() + u"/../"_s + name; }

private Q_SLOTS:
    void initTestCase() { QVERIFY(WindowDriver::isolateSettings()); }
    void init()
    {
        m_driver = std::make_unique<WindowDriver>();
        QVERIFY(driver().isValid());
    }
    void cleanup() { m_driver.reset(); } // WindowDriver kills leftover QEMUs

    void standaloneImageWithChecksAsYouType()
    {
        driver().openWindow();
        DiskImageWizard *w = driver().openDiskImageWizard();
        QVERIFY(w);
        // A new 20 GiB qcow2 in the library's images folder is ready to go.
        const QString suggested = pathEdit(w, u"diskDestination"_s)->text();
        QCOMPARE(suggested, driver().libraryRoot() + u"/images/disk.qcow2"_s);
        QVERIFY(canGoNext(w));

        const QString taken = scratch(u"taken.qcow2"_s);
        QVERIFY(TestFiles::write(taken, "x"));
        WindowDriver::typeInto(pathEdit(w, u"diskDestination"_s), QDir::cleanPath(taken));
        QVERIFY(!canGoNext(w));
        QVERIFY2(shown(w).contains("exists already"_L1), qPrintable(shown(w)));
        WindowDriver::typeInto(pathEdit(w, u"diskDestination"_s), u"/nonexistent/x.img"_s);
        QVERIFY2(shown(w).contains("does not exist"_L1), qPrintable(shown(w)));
        const QString target = QDir::cleanPath(scratch(u"data.img"_s));
        WindowDriver::typeInto(pathEdit(w, u"diskDestination"_s), target);
        QVERIFY(canGoNext(w));

        auto *format = child<QComboBox>(w, u"diskFormat"_s);
        auto *prealloc = child<QComboBox>(w, u"diskPreallocation"_s);
        format->setCurrentIndex(format->findData(u"raw"_s));
        prealloc->setCurrentIndex(prealloc->findData(int(DiskPreallocation::Metadata)));
        QVERIFY(!canGoNext(w));
        QVERIFY2(shown(w).contains("no metadata"_L1), qPrintable(shown(w)));
        prealloc->setCurrentIndex(prealloc->findData(int(DiskPreallocation::Falloc)));
        child<QDoubleSpinBox>(w, u"diskSize"_s)->setValue(60000.0);
        QVERIFY(!canGoNext(w));
        QVERIFY2(shown(w).contains("are free"_L1), qPrintable(shown(w)));
        child<QDoubleSpinBox>(w, u"diskSize"_s)->setValue(0.1);
        QVERIFY2(canGoNext(w), qPrintable(shown(w)));

        w->next();
        QCOMPARE(w->currentId(), int(DiskImageWizard::AttachPage));
        QVERIFY(child<QRadioButton>(w, u"keepStandalone"_s)->isChecked());
        // No VM yet: attaching is not offered.
        QVERIFY(!child<QRadioButton>(w, u"attachToVm"_s)->isEnabled());
        w->next();
        const QString summary = child<QLabel>(w, u"diskSummary"_s)->text();
        QVERIFY2(summary.contains(target) && summary.contains("raw"_L1), qPrintable(summary));
        QSignalSpy ready(w, &DiskImageWizard::diskReady);
        w->next();
        QVERIFY(waitUntilDone(w));
        QVERIFY2(w->resultText().startsWith("Done"_L1), qPrintable(w->resultText()));
        QCOMPARE(ready.count(), 1);
        QVERIFY(canGoNext(w));
        const QJsonObject info = qemuImgInfo(target);
        QCOMPARE(info.value("format"_L1).toString(), u"raw"_s);
        QCOMPARE(info.value("virtual-size"_L1).toInteger(),
                 (qint64(0.1 * 1073741824.0) + 511) / 512 * 512);
        w->accept();
    }

    void importConvertedAndAttachedToAStoppedVm()
    {
        VmDefinition vm = WindowDriver::plainVm(u"target"_s);
        QVERIFY(driver().createVm(vm));
        const QString raw = QDir::cleanPath(scratch(u"old.img"_s));
        QCOMPARE(qemuTool(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"raw"_s, raw, u"32M"_s}),
                 0);
        QCOMPARE(
            qemuTool(u"qemu-io"_s, {u"-f"_s, u"raw"_s, u"-c"_s, u"write -P 0x5a 1M 2M"_s, raw}), 0);
        driver().openWindow();
        QVERIFY(driver().select(u"target"_s));
        DiskImageWizard *w = driver().openDiskImageWizard("actionAddDisk");
        QVERIFY(w);
        child<QRadioButton>(w, u"diskExisting"_s)->click();
        QVERIFY2(shown(w).contains("Choose the disk image"_L1), qPrintable(shown(w)));
        WindowDriver::typeInto(pathEdit(w, u"diskSource"_s), raw);
        child<QRadioButton>(w, u"diskConvert"_s)->click();
        QVERIFY(QTest::qWaitFor([&] { return canGoNext(w); }, 30'000)); // qemu-img info
        const QString info = child<QLabel>(w, u"diskSourceInfo"_s)->text();
        QVERIFY2(info.contains("raw"_L1) && info.contains("32"_L1), qPrintable(info));
        // Made for the VM: in its folder, named from it (issue 14), not in images/.
        const QString converted = pathEdit(w, u"diskDestination"_s)->text();
        QCOMPARE(converted, driver().library().find(u"target"_s)->folder + u"/target.qcow2"_s);
        w->next();
        // Opened from the VM: attaching to it is chosen already.
        QVERIFY(child<QRadioButton>(w, u"attachToVm"_s)->isChecked());
        QCOMPARE(w->targetVm(), u"target"_s);
        auto *bus = child<QComboBox>(w, u"attachBus"_s);
        bus->setCurrentIndex(bus->findData(u"sata"_s));
        QVERIFY(canGoNext(w));
        w->next();
        w->next();
        QVERIFY(waitUntilDone(w));
        QVERIFY2(w->resultText().contains("attached"_L1), qPrintable(w->resultText()));
        QCOMPARE(child<QProgressBar>(w, u"diskProgress"_s)->value(), 100);

        QCOMPARE(qemuImgInfo(converted).value("format"_L1).toString(), u"qcow2"_s);
        QCOMPARE(qemuTool(u"qemu-img"_s,
                          {u"compare"_s, u"-f"_s, u"raw"_s, u"-F"_s, u"qcow2"_s, raw, converted}),
                 0);
        VmLibrary fresh(driver().libraryRoot());
        QVERIFY_OUTCOME(fresh.reload());
        const VmEntry *e = fresh.find(u"target"_s);
        QVERIFY(e);
        QCOMPARE(e->definition.disks.size(), 1);
        QCOMPARE(e->definition.disks.at(0), (VmDisk{converted, u"qcow2"_s, u"sata"_s, true}));
        w->accept();
    }

    void linkedCloneRecordsItsBase()
    {
        const QString base = QDir::cleanPath(scratch(u"base.qcow2"_s));
        QCOMPARE(
            qemuTool(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, base, u"48M"_s}),
            0);
        driver().openWindow();
        DiskImageWizard *w = driver().openDiskImageWizard();
        QVERIFY(w);
        child<QRadioButton>(w, u"diskClone"_s)->click();
        QVERIFY2(shown(w).contains("base image"_L1), qPrintable(shown(w)));
        WindowDriver::typeInto(pathEdit(w, u"diskBase"_s), base);
        QVERIFY(QTest::qWaitFor([&] { return canGoNext(w); }, 30'000));
        const QString clone = pathEdit(w, u"diskDestination"_s)->text();
        QCOMPARE(clone, driver().libraryRoot() + u"/images/base-clone.qcow2"_s);
        w->next();
        w->next();
        w->next();
        QVERIFY(waitUntilDone(w));
        QVERIFY2(w->resultText().startsWith("Done"_L1), qPrintable(w->resultText()));
        const QJsonObject info = qemuImgInfo(clone);
        QCOMPARE(info.value("backing-filename"_L1).toString(), base);
        QCOMPARE(info.value("virtual-size"_L1).toInteger(), 48LL * 1024 * 1024);
        w->accept();
    }

    void stoppingLeavesNoFileAndAllowsAnotherTry()
    {
        driver().openWindow();
        DiskImageWizard *w = driver().openDiskImageWizard();
        QVERIFY(w);
        const QString target = QDir::cleanPath(scratch(u"big.qcow2"_s));
        WindowDriver::typeInto(pathEdit(w, u"diskDestination"_s), target);
        auto *prealloc = child<QComboBox>(w, u"diskPreallocation"_s);
        prealloc->setCurrentIndex(prealloc->findData(int(DiskPreallocation::Full)));
        child<QDoubleSpinBox>(w, u"diskSize"_s)->setValue(1.0);
        w->next();
        w->next();
        w->next(); // qemu-img starts
        QVERIFY(w->isWorking());
        // Stopped before qemu-img can have finished: the click is handled first.
        child<QPushButton>(w, u"diskCancelWork"_s)->click();
        QVERIFY(waitUntilDone(w));
        QVERIFY2(w->resultText().contains("Stopped"_L1), qPrintable(w->resultText()));
        QVERIFY(!QFile::exists(target));
        // Back to the settings, as they were.
        QVERIFY(w->button(QWizard::BackButton)->isEnabled());
        w->back();
        QCOMPARE(w->currentId(), int(DiskImageWizard::SummaryPage));
        w->back();
        w->back();
        QCOMPARE(pathEdit(w, u"diskDestination"_s)->text(), target);
        w->reject();
        QVERIFY(!QFile::exists(target));
    }

    void aRunningVmCannotGetADisk()
    {
        VmDefinition vm = WindowDriver::plainVm(u"busy"_s); // SeaBIOS with nothing to boot
        QVERIFY(driver().createVm(vm));
        driver().openWindow();
        QVERIFY(driver().select(u"busy"_s));
        QVERIFY(driver().action("actionAddDisk")->isEnabled());
        driver().action("actionStart")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(driver().stateText(u"busy"_s),
                                  vmStateDisplayName(VmState::Running), 60'000);
        QTRY_VERIFY(!driver().action("actionAddDisk")->isEnabled());

        DiskImageWizard *w = driver().openDiskImageWizard();
        QVERIFY(w);
        w->next();
        auto *vms = child<QComboBox>(w, u"attachVm"_s);
        QCOMPARE(vms->count(), 1);
        QVERIFY2(vms->itemText(0).contains("running"_L1), qPrintable(vms->itemText(0)));
        auto *items = qobject_cast<QStandardItemModel *>(vms->model());
        QVERIFY(!items->item(0)->isEnabled());
        child<QRadioButton>(w, u"attachToVm"_s)->click();
        QVERIFY(!canGoNext(w));
        QVERIFY2(shown(w).contains("is running"_L1), qPrintable(shown(w)));
        w->reject();
    }
};

QTEST_MAIN(TestDiskImageWizard)
#include "tst_diskimagewizard.moc"
