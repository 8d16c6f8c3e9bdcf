// SPDX-License-Identifier: GPL-2.0-or-later
// The New VM wizard, opened from the window and driven page by page offscreen: the
// checks as the user types, OS detection from ISO images made here with xorriso, a VM
// created with a new disk and UEFI (checked with qemu-img and the library on disk), an
// existing disk used in place, cancelling, and a VM started with its display shown.
#include "models/itemmodels/vmlistmodel.h"
#include "models/vm/uefifirmware.h"
#include "models/vm/vminstance.h"
#include "models/vm/vmlayout.h"
#include "tests/support/testguest.h"
#include "tests/support/testiso.h"
#include "tests/support/verifyoutcome.h"
#include "tests/support/windowdriver.h"
#include "tests/ui/wizards/wizardtest.h"
#include "ui/pages/displaypage.h"
#include "ui/pages/vmdetailspane.h"
#include "ui/widgets/vmlistview.h"
#include "ui/wizards/disksetupform.h"
#include "ui/wizards/newvmwizard.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace WizardTest;

class TestNewVmWizard final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WindowDriver> m_driver;
    WindowDriver &driver() const { return *m_driver; }

    QString makeDebianIso()
    {
        return TestIso::make(driver().libraryRoot() + u"/.."_s, u"debian.iso"_s,
                             QLatin1StringView(TestIso::DebianVolumeId));
    }
    static bool waitForDetection(NewVmWizard *w)
    {
        return QTest::qWaitFor([w] { return !w->isDetecting(); }, 60'000);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(WindowDriver::isolateSettings()); }
    void init()
    {
        m_driver = std::make_unique<WindowDriver>();
        QVERIFY(driver().isValid());
    }
    void cleanup() { m_driver.reset(); } // WindowDriver kills leftover QEMUs

    void pagesValidateAsYouTypeAndDetectTheOs()
    {
        VmDefinition taken = WindowDriver::plainVm(u"taken"_s);
        QVERIFY(driver().createVm(taken));
        driver().openWindow();
        NewVmWizard *w = driver().openNewVmWizard();
        QVERIFY(w);
        QCOMPARE(w->currentId(), int(NewVmWizard::MediaPage));
        QVERIFY(!canGoNext(w));
        QVERIFY2(shown(w).contains("Choose the ISO"_L1), qPrintable(shown(w)));

        QLineEdit *iso = pathEdit(w, u"isoEdit"_s);
        WindowDriver::typeInto(iso, driver().libraryRoot() + u"/missing.iso"_s);
        QVERIFY(!canGoNext(w));
        QVERIFY2(shown(w).contains("does not exist"_L1), qPrintable(shown(w)));

        const QString debian = makeDebianIso();
        QVERIFY(!debian.isEmpty());
        WindowDriver::typeInto(iso, QDir::cleanPath(debian));
        QVERIFY(canGoNext(w));
        QCOMPARE(shown(w), QString());
        QVERIFY(waitForDetection(w));
        QCOMPARE(child<QLabel>(w, u"detectionLabel"_s)->text(), u"Recognised: Debian 11."_s);

        w->next();
        QCOMPARE(w->currentId(), int(NewVmWizard::SystemPage));
        // Filled in from osinfo-db's Debian 11 entry, and the source is said.
        QCOMPARE(child<QLineEdit>(w, u"vmName"_s)->text(), u"Debian 11"_s);
        QCOMPARE(child<QSpinBox>(w, u"vmMemory"_s)->value(), 1024);
        QCOMPARE(child<QSpinBox>(w, u"vmCpus"_s)->value(), 1);
        QCOMPARE(child<QComboBox>(w, u"vmFirmware"_s)->currentData().toInt(), int(Firmware::Bios));
        const QString suggestion = child<QLabel>(w, u"suggestionLabel"_s)->text();
        QVERIFY2(suggestion.contains("Debian 11"_L1) && suggestion.contains("recommended"_L1),
                 qPrintable(suggestion));
        QVERIFY(canGoNext(w));

        QLineEdit *name = child<QLineEdit>(w, u"vmName"_s);
        WindowDriver::typeInto(name, u"taken"_s);
        QVERIFY(!canGoNext(w));
        QVERIFY2(shown(w).contains("exists already"_L1), qPrintable(shown(w)));
        WindowDriver::typeInto(name, u"a/b"_s);
        QVERIFY(!canGoNext(w));
        QVERIFY2(shown(w).contains(u'/'), qPrintable(shown(w)));
        WindowDriver::typeInto(name, u"mine"_s);
        auto *memory = child<QSpinBox>(w, u"vmMemory"_s);
        memory->setValue(memory->maximum());
        QVERIFY(!canGoNext(w));
        QVERIFY2(shown(w).contains("more than this computer has"_L1), qPrintable(shown(w)));
        memory->setValue(768);
        QVERIFY(canGoNext(w));

        // Going back and choosing another ISO keeps what the user typed.
        w->back();
        const QString mystery =
            TestIso::make(driver().libraryRoot() + u"/.."_s, u"mystery.iso"_s, u"MYSTERY_1"_s);
        WindowDriver::typeInto(iso, QDir::cleanPath(mystery));
        QVERIFY(waitForDetection(w));
        const QString note = child<QLabel>(w, u"detectionLabel"_s)->text();
        QVERIFY2(note.contains("not recognised"_L1), qPrintable(note));
        w->next();
        QCOMPARE(name->text(), u"mine"_s);
        QCOMPARE(memory->value(), 768);
        QCOMPARE(child<QSpinBox>(w, u"vmCpus"_s)->value(), 2); // the generic profile's

        w->next();
        QCOMPARE(w->currentId(), int(NewVmWizard::DiskPage));
        QCOMPARE(child<QDoubleSpinBox>(w, u"diskSize"_s)->value(), 20.0);
        QVERIFY(canGoNext(w));
        child<QComboBox>(w, u"diskPreallocation"_s)
            ->setCurrentIndex(child<QComboBox>(w, u"diskPreallocation"_s)
                                  ->findData(int(DiskPreallocation::Full)));
        child<QDoubleSpinBox>(w, u"diskSize"_s)->setValue(60000.0);
        QVERIFY(!canGoNext(w));
        QVERIFY2(shown(w).contains("are free"_L1), qPrintable(shown(w)));
        child<QRadioButton>(w, u"diskExisting"_s)->click();
        QVERIFY(!canGoNext(w));
        QVERIFY2(shown(w).contains("Choose the disk image"_L1), qPrintable(shown(w)));
        child<QRadioButton>(w, u"diskNone"_s)->click();
        QVERIFY(canGoNext(w));
        w->reject();
    }

    void windows11GetsUefiSecureBootAndTpm()
    {
        driver().openWindow();
        NewVmWizard *w = driver().openNewVmWizard();
        QVERIFY(w);
        const QString iso =
            TestIso::make(driver().libraryRoot() + u"/.."_s, u"win11.iso"_s,
                          u"CCCOMA_X64FRE_EN-US_DV9"_s, true, u"MICROSOFT CORPORATION"_s);
        WindowDriver::typeInto(pathEdit(w, u"isoEdit"_s), QDir::cleanPath(iso));
        QVERIFY(waitForDetection(w));
        w->next();
        QCOMPARE(child<QComboBox>(w, u"vmFirmware"_s)->currentData().toInt(), int(Firmware::Uefi));
        auto *tpm = child<QCheckBox>(w, u"tpmCheck"_s);
        auto *secureBoot = child<QCheckBox>(w, u"secureBootCheck"_s);
        QVERIFY(tpm->isChecked() && secureBoot->isChecked());
        const QString suggestion = child<QLabel>(w, u"suggestionLabel"_s)->text();
        QVERIFY2(suggestion.contains("Secure Boot and a TPM 2.0"_L1), qPrintable(suggestion));
        // Still the user's choice; BIOS firmware takes Secure Boot away.
        tpm->click();
        QVERIFY(!tpm->isChecked());
        auto *firmware = child<QComboBox>(w, u"vmFirmware"_s);
        firmware->setCurrentIndex(firmware->findData(int(Firmware::Bios)));
        QVERIFY(!secureBoot->isChecked() && !secureBoot->isEnabled());
        w->reject();
    }

    void createsVmWithNewDiskAndUefi()
    {
        driver().openWindow();
        NewVmWizard *w = driver().openNewVmWizard();
        QVERIFY(w);
        const QString debian = makeDebianIso();
        WindowDriver::typeInto(pathEdit(w, u"isoEdit"_s), QDir::cleanPath(debian));
        QVERIFY(waitForDetection(w));
        w->next();
        auto *firmware = child<QComboBox>(w, u"vmFirmware"_s);
        firmware->setCurrentIndex(firmware->findData(int(Firmware::Uefi)));
        QVERIFY2(canGoNext(w), qPrintable(shown(w)));
        w->next();
        child<QDoubleSpinBox>(w, u"diskSize"_s)->setValue(0.5);
        QVERIFY2(canGoNext(w), qPrintable(shown(w)));
        w->next();
        QCOMPARE(w->currentId(), int(NewVmWizard::SummaryPage));
        const QString summary = child<QLabel>(w, u"vmSummary"_s)->text();
        QVERIFY2(summary.contains("Debian 11"_L1) && summary.contains("UEFI"_L1) &&
                     summary.contains("512"_L1),
                 qPrintable(summary));
        child<QCheckBox>(w, u"startAfterCreating"_s)->setChecked(false);
        QSignalSpy created(w, &NewVmWizard::vmCreated);
        w->next();
        QCOMPARE(w->currentId(), int(NewVmWizard::ProgressPage));
        QVERIFY(QTest::qWaitFor([&] { return canGoNext(w); }, 60'000));
        QCOMPARE(created.count(), 1);
        QVERIFY2(w->resultText().contains("is ready"_L1), qPrintable(w->resultText()));

        // What was made, read back from disk, independently of the wizard.
        VmLibrary fresh(driver().libraryRoot());
        QVERIFY_OUTCOME(fresh.reload());
        const VmEntry *e = fresh.find(u"Debian 11"_s);
        QVERIFY(e && !e->isBroken());
        QCOMPARE(e->definition.uuid, created.at(0).at(0).toUuid());
        QCOMPARE(e->definition.memoryMiB, 1024);
        QCOMPARE(e->definition.firmware, Firmware::Uefi);
        QCOMPARE(e->definition.cdrom, QDir::cleanPath(debian));
        QCOMPARE(e->definition.disks.size(), 1);
        const VmDisk disk = e->definition.disks.at(0);
        QCOMPARE(disk.path, e->folder + u"/disk.qcow2"_s);
        QCOMPARE(disk.format, u"qcow2"_s);
        const QJsonObject info = qemuImgInfo(disk.path);
        QCOMPARE(info.value("format"_L1).toString(), u"qcow2"_s);
        QCOMPARE(info.value("virtual-size"_L1).toInteger(), 512LL * 1024 * 1024);
        QCOMPARE(
            qemuImgInfo(VmLayout::ofFolder(e->folder).uefiVarsPath()).value("format"_L1).toString(),
            u"qcow2"_s);
        // No staging folder left; the new VM is selected in the window.
        QCOMPARE(QDir(driver().libraryRoot())
                     .entryList(QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{u"Debian 11"_s});
        w->accept();
        QTRY_COMPARE(driver().window()->listView()->currentIndex().data().toString(),
                     u"Debian 11"_s);
    }

    void existingDiskIsUsedInPlace()
    {
        const QString image = driver().libraryRoot() + u"/../system.qcow2"_s;
        QProcess::execute(u"qemu-img"_s,
                          {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, image, u"64M"_s});
        driver().openWindow();
        NewVmWizard *w = driver().openNewVmWizard();
        QVERIFY(w);
        child<QRadioButton>(w, u"mediaDisk"_s)->click();
        WindowDriver::typeInto(pathEdit(w, u"bootDiskEdit"_s), QDir::cleanPath(image));
        QVERIFY(canGoNext(w));
        w->next();
        WindowDriver::typeInto(child<QLineEdit>(w, u"vmName"_s), u"from disk"_s);
        w->next();
        QCOMPARE(w->diskForm()->choice(), DiskSetupForm::Choice::Existing);
        QVERIFY(QTest::qWaitFor([&] { return canGoNext(w); }, 30'000)); // qemu-img info read
        QCOMPARE(w->diskForm()->plan().kind, DiskPlan::Kind::UseExisting);
        w->next();
        child<QCheckBox>(w, u"startAfterCreating"_s)->setChecked(false);
        w->next();
        QVERIFY(QTest::qWaitFor([&] { return canGoNext(w); }, 30'000));
        VmLibrary fresh(driver().libraryRoot());
        QVERIFY_OUTCOME(fresh.reload());
        const VmEntry *e = fresh.find(u"from disk"_s);
        QVERIFY(e);
        QCOMPARE(e->definition.disks.size(), 1);
        QCOMPARE(e->definition.disks.at(0).path, QDir::cleanPath(image));
        QCOMPARE(e->definition.disks.at(0).format, u"qcow2"_s);
        QVERIFY(e->definition.cdrom.isEmpty());
        w->accept();
    }

    void cancellingWhileTheDiskIsMadeLeavesNothing()
    {
        driver().openWindow();
        NewVmWizard *w = driver().openNewVmWizard();
        QVERIFY(w);
        WindowDriver::typeInto(pathEdit(w, u"isoEdit"_s), QDir::cleanPath(makeDebianIso()));
        w->next();
        WindowDriver::typeInto(child<QLineEdit>(w, u"vmName"_s), u"abandoned"_s);
        w->next();
        w->next();
        w->next(); // Create: qemu-img starts
        QVERIFY(w->isCreating());
        QPointer<NewVmWizard> alive = w;
        w->reject();
        QTRY_VERIFY(alive.isNull());
        QVERIFY(!driver().row(u"abandoned"_s).isValid());
        QTRY_COMPARE(QDir(driver().libraryRoot())
                         .entryList(QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot),
                     QStringList());
    }

    void kernelVmStartsWithItsDisplayShown()
    {
        QVERIFY2(TestGuest::isAvailable(), "the test guest is not built (BERTH_TEST_GUEST_DIR; run "
                                           "through ctest, whose fixture builds it)");
        const VmDefinition guest = TestGuest::definition(u"guest"_s);
        MainWindow *window = driver().openWindow();
        NewVmWizard *w = driver().openNewVmWizard();
        QVERIFY(w);
        child<QRadioButton>(w, u"mediaKernel"_s)->click();
        QVERIFY(!canGoNext(w));
        QVERIFY2(shown(w).contains("kernel"_L1), qPrintable(shown(w)));
        WindowDriver::typeInto(pathEdit(w, u"kernelEdit"_s), guest.kernel);
        WindowDriver::typeInto(pathEdit(w, u"initrdEdit"_s), guest.initrd);
        WindowDriver::typeInto(child<QLineEdit>(w, u"kernelArgsEdit"_s), guest.kernelArgs);
        QVERIFY2(canGoNext(w), qPrintable(shown(w)));
        w->next();
        WindowDriver::typeInto(child<QLineEdit>(w, u"vmName"_s), u"tiny"_s);
        child<QSpinBox>(w, u"vmMemory"_s)->setValue(256);
        auto *accel = child<QComboBox>(w, u"vmAccelerator"_s);
        accel->setCurrentIndex(accel->findData(int(Accelerator::Tcg)));
        w->next();
        child<QRadioButton>(w, u"diskNone"_s)->click();
        w->next();
        // The summary lists what was chosen (issue 14 point 10).
        const QString summary = child<QLabel>(w, u"vmSummary"_s)->text();
        QVERIFY2(summary.contains(guest.initrd) && summary.contains(guest.kernelArgs) &&
                     summary.contains("TCG"_L1) && summary.contains("Network"_L1),
                 qPrintable(summary));
        QVERIFY(child<QCheckBox>(w, u"startAfterCreating"_s)->isChecked());
        QVERIFY(child<QCheckBox>(w, u"showDisplayAfterCreating"_s)->isChecked());
        w->next();
        QVERIFY(QTest::qWaitFor([&] { return canGoNext(w); }, 30'000));
        QVERIFY(!w->button(QWizard::CancelButton)->isVisible()); // nothing left to cancel
        w->accept();
        QTRY_COMPARE_WITH_TIMEOUT(driver().stateText(u"tiny"_s),
                                  vmStateDisplayName(VmState::Running), 60'000);
        QCOMPARE(window->detailsPane()->tabs()->currentWidget(),
                 static_cast<QWidget *>(window->detailsPane()->displayPage()));
        VmLibrary fresh(driver().libraryRoot());
        QVERIFY_OUTCOME(fresh.reload());
        QCOMPARE(fresh.find(u"tiny"_s)->definition.kernel, guest.kernel);
        QVERIFY(fresh.find(u"tiny"_s)->definition.disks.isEmpty());
    }
};

QTEST_MAIN(TestNewVmWizard)
#include "tst_newvmwizard.moc"
