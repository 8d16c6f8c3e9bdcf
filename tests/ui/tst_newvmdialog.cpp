// The New VM dialog, opened from the window: checks as the user types, creating a VM with
// and without a disk, qemu-img in the background, cancelling, and qemu-img missing.
#include "crashreport.h"
#include "definitioneditor.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "newvmdialog.h"
#include "vmactions.h"
#include "vmdetailspane.h"
#include "vmlistmodel.h"
#include "vmlistview.h"
#include "windowdriver.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPalette>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestNewVmDialog final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WindowDriver> m_driver;

    WindowDriver &driver() const { return *m_driver; }

    NewVmDialog *openNewVmDialog() { return driver().openNewVmDialog(); }

    static QPushButton *createButton(NewVmDialog *dialog)
    {
        return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }

    static QString problemShown(NewVmDialog *dialog)
    {
        const auto *label = dialog->findChild<QLabel *>(u"newVmProblem"_s);
        return label->isVisible() ? label->text() : QString();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(WindowDriver::isolateSettings()); }

    void init()
    {
        m_driver = std::make_unique<WindowDriver>();
        QVERIFY(driver().isValid());
    }

    void cleanup() { m_driver.reset(); }

    void newVmDialogValidatesAsYouType()
    {
        VmDefinition existing = WindowDriver::plainVm(u"taken"_s);
        QVERIFY(driver().createVm(existing));
        driver().openWindow();
        NewVmDialog *dialog = openNewVmDialog();
        QVERIFY(dialog);
        auto *name = dialog->findChild<QLineEdit *>(u"newVmName"_s);

        QVERIFY(!createButton(dialog)->isEnabled());
        QVERIFY(!problemShown(dialog).isEmpty()); // no name yet: says so

        WindowDriver::typeInto(name, u"a/b"_s);
        QVERIFY(!createButton(dialog)->isEnabled());
        QVERIFY2(problemShown(dialog).contains(u'/'), qPrintable(problemShown(dialog)));

        WindowDriver::typeInto(name, u"taken"_s);
        QVERIFY(!createButton(dialog)->isEnabled());
        QVERIFY2(problemShown(dialog).contains("exists"_L1), qPrintable(problemShown(dialog)));

        WindowDriver::typeInto(name, u"fresh"_s);
        // Boot from an ISO is the default: it needs the image.
        QVERIFY(!createButton(dialog)->isEnabled());
        QVERIFY2(problemShown(dialog).contains("ISO"_L1), qPrintable(problemShown(dialog)));
        auto *iso = dialog->findChild<QWidget *>(u"isoEdit"_s)->findChild<QLineEdit *>();
        WindowDriver::typeInto(iso, driver().libraryRoot() + u"/missing.iso"_s);
        QVERIFY(!createButton(dialog)->isEnabled());
        QVERIFY2(problemShown(dialog).contains("does not exist"_L1),
                 qPrintable(problemShown(dialog)));

        QTest::mouseClick(dialog->findChild<QRadioButton *>(u"bootNothing"_s), Qt::LeftButton);
        QVERIFY(createButton(dialog)->isEnabled());
        QCOMPARE(problemShown(dialog), QString());
        dialog->reject();
    }

    void newVmDialogCreatesVmInList()
    {
        MainWindow *w = driver().openWindow();
        NewVmDialog *dialog = openNewVmDialog();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"newVmName"_s), u"Created Here"_s);
        dialog->findChild<QSpinBox *>(u"newVmMemory"_s)->setValue(768);
        dialog->findChild<QSpinBox *>(u"newVmCpus"_s)->setValue(2);
        dialog->findChild<QDoubleSpinBox *>(u"newVmDiskSize"_s)->setValue(0.0);
        QTest::mouseClick(dialog->findChild<QRadioButton *>(u"bootNothing"_s), Qt::LeftButton);
        dialog->findChild<QCheckBox *>(u"startAfterCreating"_s)->setChecked(false);
        QPointer<NewVmDialog> alive = dialog;
        QTest::mouseClick(createButton(dialog), Qt::LeftButton);
        QTRY_VERIFY(alive.isNull()); // closed once created

        QTRY_VERIFY(driver().row(u"Created Here"_s).isValid());
        QCOMPARE(w->listView()->currentIndex().data().toString(), u"Created Here"_s);
        QCOMPARE(driver().stateText(u"Created Here"_s), vmStateDisplayName(VmState::Stopped));
        VmLibrary fresh(driver().libraryRoot());
        QVERIFY(fresh.reload(nullptr));
        const VmEntry *e = fresh.find(u"Created Here"_s);
        QVERIFY(e && !e->isBroken());
        QCOMPARE(e->definition.memoryMiB, 768);
        QCOMPARE(e->definition.cpus, 2);
        QVERIFY(e->definition.disks.isEmpty());
    }

    void newVmDialogMakesDiskInBackground()
    {
        const QString kernel = driver().libraryRoot() + u"/../vmlinuz"_s;
        QVERIFY(WindowDriver::writeFile(kernel, "not really a kernel"));
        driver().openWindow();
        NewVmDialog *dialog = openNewVmDialog();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"newVmName"_s), u"disky"_s);
        dialog->findChild<QDoubleSpinBox *>(u"newVmDiskSize"_s)->setValue(0.1);
        QTest::mouseClick(dialog->findChild<QRadioButton *>(u"bootKernel"_s), Qt::LeftButton);
        QVERIFY(!createButton(dialog)->isEnabled()); // a kernel is needed
        WindowDriver::typeInto(
            dialog->findChild<QWidget *>(u"kernelEdit"_s)->findChild<QLineEdit *>(),
            QDir::cleanPath(kernel));
        dialog->findChild<QCheckBox *>(u"startAfterCreating"_s)->setChecked(false);
        QVERIFY2(createButton(dialog)->isEnabled(), qPrintable(problemShown(dialog)));
        QPointer<NewVmDialog> alive = dialog;
        QTest::mouseClick(createButton(dialog), Qt::LeftButton);
        // qemu-img runs in the background: the dialog is busy, not frozen.
        QVERIFY(dialog->isCreating());
        QVERIFY(dialog->findChild<QWidget *>(u"creationProgress"_s)->isVisible());
        QVERIFY(!createButton(dialog)->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(alive.isNull(), 30'000);

        QTRY_VERIFY(driver().row(u"disky"_s).isValid());
        VmLibrary fresh(driver().libraryRoot());
        QVERIFY(fresh.reload(nullptr));
        const VmEntry *e = fresh.find(u"disky"_s);
        QVERIFY(e);
        QCOMPARE(e->definition.disks.size(), 1);
        QCOMPARE(e->definition.disks[0].path, e->folder + u"/disk.qcow2"_s);
        QVERIFY(QFile::exists(e->definition.disks[0].path));
        QCOMPARE(e->definition.kernel, QDir::cleanPath(kernel));
        // The staging folder is gone.
        QCOMPARE(QDir(driver().libraryRoot())
                     .entryList(QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{u"disky"_s});
    }

    void newVmDialogCancelWhileMakingDisk()
    {
        driver().openWindow();
        NewVmDialog *dialog = openNewVmDialog();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"newVmName"_s), u"abandoned"_s);
        QTest::mouseClick(dialog->findChild<QRadioButton *>(u"bootNothing"_s), Qt::LeftButton);
        QTest::mouseClick(createButton(dialog), Qt::LeftButton);
        QVERIFY(dialog->isCreating());
        QPointer<NewVmDialog> alive = dialog;
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel),
                          Qt::LeftButton);
        QTRY_VERIFY(alive.isNull());
        QVERIFY(!driver().row(u"abandoned"_s).isValid());
        // The staging folder goes once qemu-img has ended.
        QTRY_COMPARE(QDir(driver().libraryRoot())
                         .entryList(QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot),
                     QStringList());
    }

    void missingQemuImgIsExplained()
    {
        driver().openWindow();
        NewVmDialog *dialog = openNewVmDialog();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"newVmName"_s), u"no-tools"_s);
        QTest::mouseClick(dialog->findChild<QRadioButton *>(u"bootNothing"_s), Qt::LeftButton);
        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", QFile::encodeName(driver().libraryRoot())); // no qemu-img there
        QTest::mouseClick(createButton(dialog), Qt::LeftButton);
        QTRY_VERIFY(!dialog->isCreating());
        qputenv("PATH", path);
        // The dialog stays, says why, and can be tried again.
        QVERIFY(dialog->isVisible());
        QVERIFY2(problemShown(dialog).contains("qemu-img"_L1), qPrintable(problemShown(dialog)));
        QVERIFY(createButton(dialog)->isEnabled());
        QVERIFY(!driver().row(u"no-tools"_s).isValid());
        dialog->reject();
    }
};

QTEST_MAIN(TestNewVmDialog)
#include "tst_newvmdialog.moc"
