// SPDX-License-Identifier: GPL-2.0-or-later
// Preferences and the tray without a running VM: the dialog shows what is stored and stores
// what is chosen (OK) or nothing (Cancel); Ctrl+, opens it; the tray menu says that nothing
// runs and its Quit quits.
#include "models/settings/appsettings.h"
#include "models/vm/vmlibrary.h"
#include "models/vm/vmregistry.h"
#include "tests/support/windowdriver.h"
#include "ui/window/mainwindow.h"
#include "ui/window/preferencesdialog.h"
#include "ui/window/trayicon.h"
#include "ui/wizards/newvmwizard.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

QStringList menuTexts(const QMenu *menu)
{
    QStringList texts;
    const QList<QAction *> actions = menu->actions();
    for (const QAction *a : actions)
        texts << (a->isSeparator() ? u"--"_s : a->text() + (a->isEnabled() ? u""_s : u" (off)"_s));
    return texts;
}

void pressButton(QDialog *dialog, QDialogButtonBox::StandardButton which)
{
    auto *box = dialog->findChild<QDialogButtonBox *>();
    QVERIFY(box);
    QTest::mouseClick(box->button(which), Qt::LeftButton);
}

} // namespace

class TestPreferences final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(WindowDriver::isolateSettings()); }

    void init() { QSettings().clear(); }

    void defaultsWhenNothingIsStored()
    {
        QCOMPARE(AppSettings::libraryFolder(), QString());
        QCOMPARE(AppSettings::defaultAccelerator(), Accelerator::Auto);
        QCOMPARE(AppSettings::statsIntervalMs(), 1000);
        QCOMPARE(AppSettings::closeAction(), AppSettings::CloseAction::KeepInTray);
        QCOMPARE(AppSettings::language(), QString());
        // Values another version (or a hand edit) left behind fall back to the defaults.
        QSettings().setValue(u"stats/intervalMs"_s, u"often"_s);
        QSettings().setValue(u"ui/closeAction"_s, u"explode"_s);
        QSettings().setValue(u"vm/defaultAccelerator"_s, u"hvf"_s);
        QCOMPARE(AppSettings::statsIntervalMs(), 1000);
        QCOMPARE(AppSettings::closeAction(), AppSettings::CloseAction::KeepInTray);
        QCOMPARE(AppSettings::defaultAccelerator(), Accelerator::Auto);
    }

    void dialogRoundTrip()
    {
        AppSettings::setLibraryFolder(u"/srv/vms"_s);
        AppSettings::setDefaultAccelerator(Accelerator::Tcg);
        AppSettings::setStatsIntervalMs(2500);
        AppSettings::setCloseAction(AppSettings::CloseAction::Ask);
        AppSettings::setLanguage(u"zh_CN"_s);

        // This session's library comes from --library (issue 14 point 10): shown, and said so.
        PreferencesDialog dialog(u"/tmp/session-library"_s);
        dialog.show();
        const QString inUse = dialog.findChild<QLabel *>(u"libraryInUse"_s)->text();
        QVERIFY2(inUse.contains("/tmp/session-library"_L1) && inUse.contains("--library"_L1),
                 qPrintable(inUse));
        auto *library = dialog.findChild<QLineEdit *>(u"libraryFolder"_s);
        auto *accelerator = dialog.findChild<QComboBox *>(u"defaultAccelerator"_s);
        auto *interval = dialog.findChild<QDoubleSpinBox *>(u"statsInterval"_s);
        auto *close = dialog.findChild<QComboBox *>(u"closeAction"_s);
        auto *language = dialog.findChild<QComboBox *>(u"language"_s);
        QVERIFY(library && accelerator && interval && close && language);
        QCOMPARE(library->text(), u"/srv/vms"_s);
        QCOMPARE(accelerator->currentData().toInt(), int(Accelerator::Tcg));
        QCOMPARE(interval->value(), 2.5);
        QCOMPARE(close->currentData().toInt(), int(AppSettings::CloseAction::Ask));
        QCOMPARE(language->currentData().toString(), u"zh_CN"_s);
        QVERIFY(!language->currentText().isEmpty());

        library->clear();
        accelerator->setCurrentIndex(accelerator->findData(int(Accelerator::Kvm)));
        interval->setValue(0.5);
        close->setCurrentIndex(close->findData(int(AppSettings::CloseAction::Quit)));
        language->setCurrentIndex(language->findData(u"en"_s));
        QSignalSpy saved(&dialog, &PreferencesDialog::saved);
        pressButton(&dialog, QDialogButtonBox::Ok);
        QCOMPARE(saved.size(), 1);
        QVERIFY(!dialog.isVisible());

        const QSettings settings;
        QCOMPARE(settings.value(u"library/folder"_s).toString(), QString());
        QCOMPARE(settings.value(u"vm/defaultAccelerator"_s).toString(), u"kvm"_s);
        QCOMPARE(settings.value(u"stats/intervalMs"_s).toInt(), 500);
        QCOMPARE(settings.value(u"ui/closeAction"_s).toString(), u"quit"_s);
        QCOMPARE(settings.value(u"ui/language"_s).toString(), u"en"_s);
        QCOMPARE(AppSettings::defaultAccelerator(), Accelerator::Kvm);
        QCOMPARE(AppSettings::statsIntervalMs(), 500);
        QCOMPARE(AppSettings::closeAction(), AppSettings::CloseAction::Quit);
    }

    void cancelStoresNothing()
    {
        AppSettings::setStatsIntervalMs(3000);
        PreferencesDialog dialog(VmLibrary::standardRoot());
        dialog.show();
        dialog.findChild<QDoubleSpinBox *>(u"statsInterval"_s)->setValue(10);
        dialog.findChild<QComboBox *>(u"language"_s)->setCurrentIndex(1);
        pressButton(&dialog, QDialogButtonBox::Cancel);
        QCOMPARE(AppSettings::statsIntervalMs(), 3000);
        QCOMPARE(AppSettings::language(), QString());
    }

    void restartNoteOnlyForWhatNeedsARestart()
    {
        PreferencesDialog dialog(VmLibrary::standardRoot());
        dialog.show();
        QWidget *note = dialog.findChild<QWidget *>(u"restartNote"_s);
        QVERIFY(note);
        QVERIFY(!note->isVisible());
        dialog.findChild<QDoubleSpinBox *>(u"statsInterval"_s)->setValue(2);
        QVERIFY(!note->isVisible());
        dialog.findChild<QLineEdit *>(u"libraryFolder"_s)->setText(u"/elsewhere"_s);
        QVERIFY(note->isVisible());
    }

    void newVmWizardStartsWithTheDefaultAccelerator()
    {
        WindowDriver driver; // starts from fresh settings
        AppSettings::setDefaultAccelerator(Accelerator::Tcg);
        driver.openWindow();
        NewVmWizard *dialog = driver.openNewVmWizard();
        QVERIFY(dialog);
        auto *combo = dialog->findChild<QComboBox *>(u"vmAccelerator"_s);
        QVERIFY(combo);
        QCOMPARE(combo->currentData().toInt(), int(Accelerator::Tcg));
    }

    void ctrlCommaOpensPreferences()
    {
        WindowDriver driver;
        MainWindow *w = driver.openWindow();
        QVERIFY(QTest::qWaitForWindowActive(w));
        QTest::keyClick(w, Qt::Key_Comma, Qt::ControlModifier);
        QTRY_VERIFY(w->findChild<PreferencesDialog *>() &&
                    w->findChild<PreferencesDialog *>()->isVisible());
        // Asking again (the open dialog has the focus, so not by key) raises the same one.
        PreferencesDialog *first = w->findChild<PreferencesDialog *>();
        QSignalSpy triggered(driver.action("actionPreferences"), &QAction::triggered);
        driver.action("actionPreferences")->trigger();
        QCOMPARE(triggered.size(), 1);
        QCOMPARE(w->findChildren<PreferencesDialog *>().size(), 1);
        QCOMPARE(w->findChild<PreferencesDialog *>(), first);
    }

    void trayMenuWithNothingRunning()
    {
        WindowDriver driver;
        VmDefinition d = WindowDriver::plainVm(u"idle"_s);
        QVERIFY(driver.createVm(d));
        MainWindow *w = driver.openWindow();
        TrayIcon *tray = w->trayIcon();
        QVERIFY(tray);
        QVERIFY(!tray->isAvailable()); // offscreen has no system tray
        tray->rebuildMenu();
        QCOMPARE(menuTexts(tray->menu()),
                 (QStringList{u"No virtual machine is running (off)"_s, u"--"_s, u"&Show Berth"_s,
                              u"&Quit Berth"_s}));
        QCOMPARE(w->registry()->runningCount(), 0);

        w->hide();
        tray->menu()->findChild<QAction *>(u"trayShowBerth"_s)->trigger();
        QVERIFY(w->isVisible());
        tray->menu()->findChild<QAction *>(u"trayQuit"_s)->trigger();
        QTRY_VERIFY(!w->isVisible());
    }
};

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
