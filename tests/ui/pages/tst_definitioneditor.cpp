// SPDX-License-Identifier: GPL-2.0-or-later
// The settings of a stopped VM in the details pane: checks as the user types, Apply
// writes through the library and Revert (switching VMs with edits asks: tst_windowflows).
#include "models/itemmodels/vmlistmodel.h"
#include "models/vm/crashreport.h"
#include "tests/support/verifyoutcome.h"
#include "tests/support/windowdriver.h"
#include "ui/pages/definitioneditor.h"
#include "ui/pages/vmdetailspane.h"
#include "ui/widgets/messagebar.h"
#include "ui/widgets/vmlistview.h"
#include "ui/window/mainwindow.h"
#include "ui/window/vmactions.h"

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

class TestDefinitionEditor final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WindowDriver> m_driver;

    WindowDriver &driver() const { return *m_driver; }

private Q_SLOTS:
    void initTestCase() { QVERIFY(WindowDriver::isolateSettings()); }

    void init()
    {
        m_driver = std::make_unique<WindowDriver>();
        QVERIFY(driver().isValid());
    }

    void cleanup() { m_driver.reset(); }

    void editStoppedVmAndApply()
    {
        VmDefinition d = WindowDriver::plainVm(u"editable"_s);
        QVERIFY(driver().createVm(d));
        VmDefinition other = WindowDriver::plainVm(u"other"_s);
        QVERIFY(driver().createVm(other));
        MainWindow *w = driver().openWindow();
        QVERIFY(driver().select(u"editable"_s));
        DefinitionEditor *editor = w->detailsPane()->editor();
        QVERIFY(editor->isEditable());
        auto *apply = editor->findChild<QPushButton *>(u"applyButton"_s);
        auto *revert = editor->findChild<QPushButton *>(u"revertButton"_s);
        auto *problem = editor->findChild<QLabel *>(u"definitionProblem"_s);
        auto *name = editor->findChild<QLineEdit *>(u"nameEdit"_s);
        QVERIFY(!apply->isEnabled() && !revert->isEnabled());

        // Checked as the user types.
        WindowDriver::typeInto(name, u"other"_s);
        QVERIFY(!apply->isEnabled());
        QVERIFY2(problem->text().contains("other"_L1), qPrintable(problem->text()));
        WindowDriver::typeInto(name, u"bad/name"_s);
        QVERIFY(!apply->isEnabled());
        QVERIFY2(problem->text().contains(u'/'), qPrintable(problem->text()));
        QVERIFY(revert->isEnabled());
        QTest::mouseClick(revert, Qt::LeftButton);
        QCOMPARE(name->text(), u"editable"_s);

        WindowDriver::typeInto(name, u"renamed"_s);
        editor->findChild<QSpinBox *>(u"cpusSpin"_s)->setValue(3);
        editor->findChild<QSpinBox *>(u"memorySpin"_s)->setValue(1536);
        QTest::keyClicks(editor->findChild<QPlainTextEdit *>(u"notesEdit"_s), u"a note"_s);
        QVERIFY2(apply->isEnabled(), qPrintable(problem->text()));
        QTest::mouseClick(apply, Qt::LeftButton);
        QVERIFY(!apply->isEnabled());

        VmLibrary fresh(driver().libraryRoot());
        QVERIFY_OUTCOME(fresh.reload());
        const VmEntry *e = fresh.find(u"renamed"_s);
        QVERIFY(e && !e->isBroken());
        QCOMPARE(e->definition.cpus, 3);
        QCOMPARE(e->definition.memoryMiB, 1536);
        QCOMPARE(e->definition.notes, u"a note"_s);
        QCOMPARE(e->definition.uuid, d.uuid);
        QTRY_VERIFY(driver().row(u"renamed"_s).isValid());
        QCOMPARE(driver().row(u"renamed"_s, VmListModel::NotesColumn).data().toString(),
                 u"a note"_s);
        QCOMPARE(w->model()->instance(w->model()->indexOf(d.uuid))->definition().cpus, 3);
    }
};

QTEST_MAIN(TestDefinitionEditor)
#include "tst_definitioneditor.moc"
