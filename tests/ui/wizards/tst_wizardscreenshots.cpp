// SPDX-License-Identifier: GPL-2.0-or-later
// Every page of the New VM and New Disk Image wizards, in the light and the dark palette,
// written as PNGs to $BERTH_UI_SCREENSHOT_DIR for a person to look at (skipped without it).
#include "tests/support/testiso.h"
#include "tests/support/windowdriver.h"
#include "ui/wizards/diskimagewizard.h"
#include "ui/wizards/newvmwizard.h"

#include <QApplication>
#include <QLineEdit>
#include <QRadioButton>
#include <QStyle>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestWizardScreenshots final : public QObject
{
    Q_OBJECT

private:
    static void save(QWidget *w, const QString &file)
    {
        QTest::qWait(50); // let layouts and icons settle
        QVERIFY(w->grab().save(file));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(WindowDriver::isolateSettings()); }

    void pages_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void pages()
    {
        QFETCH(bool, dark);
        const QString out = qEnvironmentVariable("BERTH_UI_SCREENSHOT_DIR");
        if (out.isEmpty())
            QSKIP("set BERTH_UI_SCREENSHOT_DIR to write screenshots");
        const QString prefix = out + (dark ? u"/dark-"_s : u"/light-"_s);
        const QPalette previous = QApplication::palette();
        QApplication::setStyle(u"Fusion"_s);
        QApplication::setPalette(dark ? WindowDriver::darkPalette()
                                      : QApplication::style()->standardPalette());
        WindowDriver driver;
        VmDefinition vm = WindowDriver::plainVm(u"Debian 12"_s);
        QVERIFY(driver.createVm(vm));
        driver.openWindow();

        NewVmWizard *w = driver.openNewVmWizard();
        QVERIFY(w);
        w->resize(w->minimumSize());
        save(w, prefix + u"newvm-1-media-empty.png"_s);
        const QString iso = TestIso::make(driver.libraryRoot() + u"/.."_s, u"debian.iso"_s,
                                          QLatin1StringView(TestIso::DebianVolumeId));
        w->findChild<QWidget *>(u"isoEdit"_s)->findChild<QLineEdit *>()->setText(iso);
        QVERIFY(QTest::qWaitFor([w] { return !w->isDetecting(); }, 60'000));
        save(w, prefix + u"newvm-1-media.png"_s);
        w->next();
        save(w, prefix + u"newvm-2-system.png"_s);
        w->findChild<QLineEdit *>(u"vmName"_s)->setText(u"Debian 12"_s);
        save(w, prefix + u"newvm-2-system-taken.png"_s);
        w->findChild<QLineEdit *>(u"vmName"_s)->setText(u"Debian 11"_s);
        w->next();
        save(w, prefix + u"newvm-3-disk.png"_s);
        w->next();
        save(w, prefix + u"newvm-4-summary.png"_s);
        w->reject();

        DiskImageWizard *d = driver.openDiskImageWizard();
        QVERIFY(d);
        d->resize(d->minimumSize());
        save(d, prefix + u"disk-1-create.png"_s);
        d->findChild<QRadioButton *>(u"diskExisting"_s)->click();
        save(d, prefix + u"disk-1-import.png"_s);
        d->findChild<QRadioButton *>(u"diskCreate"_s)->click();
        d->next();
        d->findChild<QRadioButton *>(u"attachToVm"_s)->click();
        save(d, prefix + u"disk-2-attach.png"_s);
        d->next();
        save(d, prefix + u"disk-3-summary.png"_s);
        d->next();
        QVERIFY(QTest::qWaitFor([d] { return !d->isWorking(); }, 60'000));
        save(d, prefix + u"disk-4-done.png"_s);
        d->accept();
        driver.closeWindow();
        QApplication::setPalette(previous);
    }
};

QTEST_MAIN(TestWizardScreenshots)
#include "tst_wizardscreenshots.moc"
