// SPDX-License-Identifier: GPL-2.0-or-later
// The window as a new user meets it (issue 14), offscreen and without QEMU: settings that
// are never silently dropped, messages that are true now, the Delete dialog, the display
// tab's states and the layout at the default size. The flows that need a real window
// manager (focus, typing, full screen, a second launch) are in tst_windowflows_wm.
#include "models/itemmodels/vmlistmodel.h"
#include "models/vm/vminstance.h"
#include "tests/support/testfiles.h"
#include "tests/support/verifyoutcome.h"
#include "tests/support/windowdriver.h"
#include "ui/pages/definitioneditor.h"
#include "ui/pages/displaypage.h"
#include "ui/pages/displaywindow.h"
#include "ui/pages/vmdetailspane.h"
#include "ui/widgets/messagebar.h"
#include "ui/widgets/vmlistview.h"
#include "ui/window/mainwindow.h"

#include <QAbstractButton>
#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>

#include <tuple>

using namespace Qt::Literals::StringLiterals;

class TestWindowFlows final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WindowDriver> m_driver;

    WindowDriver &driver() const { return *m_driver; }

    /// A VM that cannot start (its kernel is missing): Start fails at once, without QEMU.
    VmDefinition unstartable(const QString &name)
    {
        VmDefinition d = WindowDriver::plainVm(name);
        d.kernel = driver().libraryRoot() + u"/no-such-vmlinuz-"_s + name;
        return d;
    }

    DefinitionEditor *editor() const { return driver().window()->detailsPane()->editor(); }

    /// Edits CPUs and notes in the Settings tab, as a user would.
    void editCpusAndNotes(int cpus, const QString &notes)
    {
        auto *spin = editor()->findChild<QSpinBox *>(u"cpusSpin"_s);
        auto *text = editor()->findChild<QPlainTextEdit *>(u"notesEdit"_s);
        QVERIFY(spin && text);
        spin->setValue(cpus);
        text->setPlainText(notes);
        QVERIFY(editor()->isModified());
    }

    VmDefinition saved(const QString &name)
    {
        std::ignore = driver().library().reload();
        const VmEntry *e = driver().library().find(name);
        return e ? e->definition : VmDefinition();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(WindowDriver::isolateSettings()); }

    void init()
    {
        m_driver = std::make_unique<WindowDriver>();
        QVERIFY(driver().isValid());
    }

    void cleanup() { m_driver.reset(); }

    // ---- 2. Unapplied settings are never lost -------------------------------------------

    void startAsksAboutUnappliedSettings()
    {
        VmDefinition d = unstartable(u"edited"_s);
        QVERIFY(driver().createVm(d));
        MainWindow *w = driver().openWindow();
        QVERIFY(driver().select(u"edited"_s));
        editCpusAndNotes(3, u"needs three"_s);

        // Cancel: nothing starts, the edits stay.
        driver().action("actionStart")->trigger();
        QMessageBox *box = driver().waitForMessageBox(u"unappliedChangesPrompt"_s);
        QVERIFY(box);
        QTest::keyClick(box, Qt::Key_Escape);
        QTRY_VERIFY(!w->findChild<QMessageBox *>(u"unappliedChangesPrompt"_s));
        QVERIFY(editor()->isModified());
        QVERIFY(!w->messageBar()->hasMessage()); // no start was tried

        // Apply: saved first, then started with them (the start fails: no kernel).
        driver().action("actionStart")->trigger();
        box = driver().waitForMessageBox(u"unappliedChangesPrompt"_s);
        QVERIFY(box);
        QVERIFY(WindowDriver::clickButton(box, u"applyButton"_s));
        QCOMPARE(saved(u"edited"_s).cpus, 3);
        QCOMPARE(saved(u"edited"_s).notes, u"needs three"_s);
        QTRY_VERIFY(w->messageBar()->currentText().contains("Could not start"_L1));

        // Discard: back to what is saved, and started with that.
        editCpusAndNotes(2, u"never mind"_s);
        driver().action("actionStart")->trigger();
        box = driver().waitForMessageBox(u"unappliedChangesPrompt"_s);
        QVERIFY(box);
        QVERIFY(WindowDriver::clickButton(box, u"discardButton"_s));
        QVERIFY(!editor()->isModified());
        QCOMPARE(saved(u"edited"_s).cpus, 3);
    }

    void switchingVmsAsksAboutUnappliedSettings()
    {
        for (const QString &name : {u"alpha"_s, u"beta"_s}) {
            VmDefinition d = WindowDriver::plainVm(name);
            QVERIFY(driver().createVm(d));
        }
        MainWindow *w = driver().openWindow();
        QVERIFY(driver().select(u"alpha"_s));
        editCpusAndNotes(4, u"alpha's notes"_s);

        // Selecting beta asks first and stays on alpha meanwhile; Cancel stays there.
        QVERIFY(!driver().select(u"beta"_s));
        QMessageBox *box = driver().waitForMessageBox(u"unappliedChangesPrompt"_s);
        QVERIFY(box);
        QCOMPARE(w->detailsPane()->findChild<QLabel *>(u"vmName"_s)->text(), u"alpha"_s);
        QTest::keyClick(box, Qt::Key_Escape);
        QTRY_VERIFY(!w->findChild<QMessageBox *>(u"unappliedChangesPrompt"_s));
        QCOMPARE(w->listView()->currentIndex().data().toString(), u"alpha"_s);
        QVERIFY(editor()->isModified());

        // Apply: saved, then beta is shown.
        driver().select(u"beta"_s);
        box = driver().waitForMessageBox(u"unappliedChangesPrompt"_s);
        QVERIFY(box);
        QVERIFY(WindowDriver::clickButton(box, u"applyButton"_s));
        QTRY_COMPARE(w->listView()->currentIndex().data().toString(), u"beta"_s);
        QCOMPARE(w->detailsPane()->findChild<QLabel *>(u"vmName"_s)->text(), u"beta"_s);
        QCOMPARE(saved(u"alpha"_s).cpus, 4);
        QCOMPARE(saved(u"alpha"_s).notes, u"alpha's notes"_s);

        // Discard: beta's edits go, alpha is shown.
        editCpusAndNotes(2, u"beta's notes"_s);
        driver().select(u"alpha"_s);
        box = driver().waitForMessageBox(u"unappliedChangesPrompt"_s);
        QVERIFY(box);
        QVERIFY(WindowDriver::clickButton(box, u"discardButton"_s));
        QTRY_COMPARE(w->listView()->currentIndex().data().toString(), u"alpha"_s);
        QCOMPARE(saved(u"beta"_s).cpus, 1);
        QVERIFY(!editor()->isModified());
    }

    void closingAsksAboutUnappliedSettings()
    {
        VmDefinition d = WindowDriver::plainVm(u"closing"_s);
        QVERIFY(driver().createVm(d));
        MainWindow *w = driver().openWindow();
        QVERIFY(driver().select(u"closing"_s));
        editCpusAndNotes(2, u"keep me"_s);
        w->close();
        QMessageBox *box = driver().waitForMessageBox(u"unappliedChangesPrompt"_s);
        QVERIFY(box);
        QVERIFY(box->findChild<QAbstractButton *>(u"applyButton"_s));
        QVERIFY(WindowDriver::clickButton(box, u"applyButton"_s));
        QTRY_VERIFY(!w->isVisible());
        QCOMPARE(saved(u"closing"_s).notes, u"keep me"_s);
    }

    // ---- 4. Messages that are true now --------------------------------------------------

    void messagesBelongToTheirVm()
    {
        VmDefinition broken = unstartable(u"failing"_s);
        QVERIFY(driver().createVm(broken));
        VmDefinition other = WindowDriver::plainVm(u"other"_s);
        QVERIFY(driver().createVm(other));
        MainWindow *w = driver().openWindow();
        QAction *dismiss = driver().action("actionDismissMessage");
        QVERIFY(dismiss);
        QVERIFY(!dismiss->isEnabled()); // nothing to dismiss

        QVERIFY(driver().select(u"failing"_s));
        driver().action("actionStart")->trigger();
        QTRY_VERIFY(w->messageBar()->isVisible());
        QVERIFY(w->messageBar()->currentText().contains("failing"_L1));
        QVERIFY(dismiss->isEnabled());

        // Another VM: its (absent) message, not this one's.
        QVERIFY(driver().select(u"other"_s));
        QVERIFY(!w->messageBar()->isVisible());
        QVERIFY(!dismiss->isEnabled());
        QVERIFY(driver().select(u"failing"_s));
        QVERIFY(w->messageBar()->isVisible());

        // A second failure replaces the first: dismissing it reveals nothing older.
        QSignalSpy failed(driver().instance(u"failing"_s), &VmInstance::actionFailed);
        driver().action("actionStart")->trigger();
        QVERIFY(failed.wait(10'000)); // reported from the event loop
        QVERIFY(w->messageBar()->isVisible());
        dismiss->trigger();
        QCoreApplication::processEvents(); // anything queued behind it would show now
        QVERIFY(!w->messageBar()->isVisible());
        QVERIFY(!dismiss->isEnabled());
    }

    // ---- 9. Delete: each disk, its origin, and the whole folder ---------------------------

    void deleteListsEachDiskWithItsOrigin()
    {
        VmDefinition d = WindowDriver::plainVm(u"goner"_s);
        QVERIFY(driver().createVm(d));
        const QString folder = driver().library().find(u"goner"_s)->folder;
        const QString made = folder + u"/goner.qcow2"_s;  // Berth made it (recorded)
        const QString legacy = folder + u"/disk.qcow2"_s; // in its folder, no record
        const QString brought = driver().libraryRoot() + u"/../mine.qcow2"_s; // the user's
        const QString kept = folder + u"/data.qcow2"_s; // Berth made it; the user keeps it
        for (const QString &path : {made, legacy, brought, kept})
            QVERIFY(TestFiles::write(path, "disk"));
        d.disks = {{made, u"qcow2"_s, u"virtio"_s, true},
                   {legacy, u"qcow2"_s, u"virtio"_s, false},
                   {brought, u"qcow2"_s, u"virtio"_s, false},
                   {kept, u"qcow2"_s, u"virtio"_s, true}};
        QVERIFY_OUTCOME(driver().library().save(d));
        QVERIFY(TestFiles::write(folder + u"/serial.log"_s, "boot"));
        MainWindow *w = driver().openWindow();
        QVERIFY(driver().select(u"goner"_s));

        w->listView()->setFocus();
        QTest::keyClick(w->listView(), Qt::Key_Delete);
        QDialog *dialog = driver().waitForDialog(u"confirmDelete"_s);
        QVERIFY(dialog);
        QList<QCheckBox *> boxes;
        for (int i = 0; i < 4; ++i)
            boxes << dialog->findChild<QCheckBox *>(u"deleteDisk%1"_s.arg(i));
        QVERIFY(!boxes.contains(nullptr));
        // Berth's images ticked, the user's unticked and not tickable, each saying so.
        QVERIFY(boxes[0]->isChecked() && boxes[0]->isEnabled());
        QVERIFY(boxes[0]->text().contains("created by Berth"_L1));
        QVERIFY(boxes[1]->isChecked() && boxes[1]->text().contains("created by Berth"_L1));
        QVERIFY(!boxes[2]->isChecked() && !boxes[2]->isEnabled());
        QVERIFY2(boxes[2]->text().contains("brought in"_L1), qPrintable(boxes[2]->text()));
        // Cancel is the default: Enter destroys nothing.
        auto *cancel = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel);
        QVERIFY(cancel->isDefault());
        boxes[3]->setChecked(false); // keep this one

        QVERIFY(WindowDriver::clickButton(dialog, u"confirmButton"_s));
        QTRY_VERIFY(!driver().row(u"goner"_s).isValid());
        QVERIFY(!QFile::exists(made));
        QVERIFY(!QFile::exists(legacy));
        QVERIFY(QFile::exists(brought));
        // The folder is gone entirely; the kept image moved to the library's images folder.
        QVERIFY2(!QFileInfo::exists(folder), qPrintable(QDir(folder).entryList().join(u' ')));
        QVERIFY(QFile::exists(driver().library().imagesFolder() + u"/goner-data.qcow2"_s));
    }

    // ---- 6. Detach and the display tab ---------------------------------------------------

    void displayTabOffersStartAndEnterOpensIt()
    {
        VmDefinition d = unstartable(u"shown"_s);
        QVERIFY(driver().createVm(d));
        MainWindow *w = driver().openWindow();
        QVERIFY(driver().select(u"shown"_s));
        VmDetailsPane *pane = w->detailsPane();
        pane->tabs()->setCurrentWidget(pane->editor());
        // Enter on the VM (as a double-click does) opens its screen.
        w->listView()->setFocus();
        QTest::keyClick(w->listView(), Qt::Key_Return);
        QCOMPARE(pane->tabs()->currentWidget(), pane->displayPage());
        // Stopped: the tab offers Start, which is the window's Start (it fails: no kernel).
        QPushButton *start = pane->displayPage()->placeholderButton();
        QVERIFY(start);
        QVERIFY2(start->text().contains("Start"_L1), qPrintable(start->text()));
        start->click();
        QTRY_VERIFY(w->messageBar()->currentText().contains("Could not start"_L1));
    }

    void detachedScreenFitsAndTheTabCanBringItBack()
    {
        VmDefinition d = WindowDriver::plainVm(u"detached"_s);
        QVERIFY(driver().createVm(d));
        MainWindow *w = driver().openWindow();
        QVERIFY(driver().select(u"detached"_s));
        VmDetailsPane *pane = w->detailsPane();
        pane->tabs()->setCurrentWidget(pane->displayPage());
        pane->displayPage()->findChild<QAction *>(u"displayDetachAction"_s)->trigger();
        QPointer<DisplayWindow> detached = pane->detachedDisplay();
        QVERIFY(detached);
        QVERIFY(QTest::qWaitForWindowExposed(detached));
        const QRect screen = detached->screen()->availableGeometry();
        QVERIFY2(screen.contains(detached->frameGeometry()),
                 qPrintable(u"%1,%2 %3x%4 on %5x%6"_s.arg(detached->frameGeometry().x())
                                .arg(detached->frameGeometry().y())
                                .arg(detached->frameGeometry().width())
                                .arg(detached->frameGeometry().height())
                                .arg(screen.width())
                                .arg(screen.height())));
        // The tab says where the screen is instead of showing it twice.
        QVERIFY(pane->displayPage()->isShownElsewhere());
        QPushButton *back = pane->displayPage()->placeholderButton();
        QVERIFY(back);
        QVERIFY2(back->text().contains("Back"_L1), qPrintable(back->text()));
        // Detach again brings the open window forward instead of a second one.
        pane->displayPage()->findChild<QAction *>(u"displayDetachAction"_s)->trigger();
        QCOMPARE(pane->detachedDisplay(), detached.data());
        back->click();
        QTRY_VERIFY(!detached);
        QVERIFY(!pane->displayPage()->isShownElsewhere());
    }

    void startInADetachedWindowAsksWhatTheWindowAsks()
    {
        VmDefinition d = WindowDriver::plainVm(u"huge"_s);
        d.memoryMiB = 4 * 1024 * 1024; // 4 TiB: more than any test machine has
        QVERIFY(driver().createVm(d));
        MainWindow *w = driver().openWindow();
        QVERIFY(driver().select(u"huge"_s));
        VmDetailsPane *pane = w->detailsPane();
        pane->tabs()->setCurrentWidget(pane->displayPage());
        pane->displayPage()->findChild<QAction *>(u"displayDetachAction"_s)->trigger();
        QPointer<DisplayWindow> detached = pane->detachedDisplay();
        QVERIFY(detached);
        QPushButton *start = detached->page()->placeholderButton();
        QVERIFY(start);
        QVERIFY2(start->text().contains("Start"_L1), qPrintable(start->text()));
        start->click();
        // The same question as the window's Start, and nothing started meanwhile.
        QMessageBox *box = driver().waitForMessageBox(u"confirmOvercommit"_s);
        QVERIFY(box);
        QCOMPARE(driver().instance(u"huge"_s)->pid(), 0);
        box->reject();
        QCOMPARE(driver().instance(u"huge"_s)->state(), VmState::Stopped);
        detached->close();
    }

    // ---- 8. Layout -------------------------------------------------------------------------

    void layoutAtTheDefaultSize()
    {
        const QString longName = u"A very long virtual machine name that goes on and on and on"_s;
        for (const QString &name : {u"web"_s, longName}) {
            VmDefinition d = WindowDriver::plainVm(name);
            QVERIFY(driver().createVm(d));
        }
        MainWindow *w = driver().openWindow();
        QVERIFY(driver().select(longName));
        QCoreApplication::processEvents();
        // The list's columns fit it: no horizontal scroll bar, nothing cut ("TCG (emu").
        QHeaderView *header = w->listView()->header();
        QString widths;
        for (int c = 0; c < header->count(); ++c) {
            if (!header->isSectionHidden(c))
                widths += u" %1"_s.arg(header->sectionSize(c));
        }
        QVERIFY2(
            !w->listView()->horizontalScrollBar()->isVisible(),
            qPrintable(u"columns%1 in %2"_s.arg(widths).arg(w->listView()->viewport()->width())));
        // The screen gets most of the window, whatever the name's length.
        VmDetailsPane *pane = w->detailsPane();
        QVERIFY2(pane->width() * 10 >= w->width() * 6,
                 qPrintable(u"details %1 of %2"_s.arg(pane->width()).arg(w->width())));
        const int before = pane->width();
        QVERIFY(driver().select(u"web"_s));
        QVERIFY(driver().select(longName));
        QCOMPARE(pane->width(), before);
        auto *name = pane->findChild<QLabel *>(u"vmName"_s);
        QVERIFY(name->width() <= pane->width());
        // The settings form does not stretch across a wide window.
        w->resize(2400, 900);
        QCoreApplication::processEvents();
        QVERIFY(pane->editor()->findChild<QLineEdit *>(u"nameEdit"_s)->width() < 1200);
    }

    void smallDialogsShowTheirWholeTitle()
    {
        VmDefinition d = WindowDriver::plainVm(u"keys"_s);
        QVERIFY(driver().createVm(d));
        MainWindow *w = driver().openWindow();
        QVERIFY(driver().select(u"keys"_s));
        DisplayPage *page = w->detailsPane()->displayPage();
        page->findChild<QAction *>(u"sendCustomKeys"_s)->trigger();
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = page->findChild<QDialog *>(u"customKeysDialog"_s)));
        QVERIFY(dialog->minimumWidth() >
                dialog->fontMetrics().horizontalAdvance(dialog->windowTitle() + u" — Berth"_s));
        // Esc closes it instead of becoming the key sent (issue 14 point 10).
        QWidget *edit = dialog->findChild<QWidget *>(u"customKeysEdit"_s);
        QPointer<QDialog> open(dialog);
        QTest::keyClick(edit, Qt::Key_Escape);
        QTRY_VERIFY(!open || !open->isVisible());
    }
};

QTEST_MAIN(TestWindowFlows)
#include "tst_windowflows.moc"
