// SPDX-License-Identifier: GPL-2.0-or-later
// The window's Clone…, Export… and Import… (PortabilityActions) offscreen, with the real
// qemu-img: the actions sit in the VM menu, the context menu and the File menu and follow the
// selection; each job ends with its message in the message bar and the library changed as
// `berth` would change it; a .berth file dropped on the window is imported; the clone dialog
// refuses a taken name.
#include "models/portability/vmcopyjob.h"
#include "tests/support/verifyoutcome.h"
#include "tests/support/windowdriver.h"
#include "ui/widgets/messagebar.h"
#include "ui/window/clonedialog.h"
#include "ui/window/mainwindow.h"
#include "ui/window/portabilityactions.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

class TestPortabilityActions final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WindowDriver> m_driver;

    /// Waits for the window's job and returns its outcome.
    Outcome<> awaitJob()
    {
        QSignalSpy done(m_driver->window()->portability(), &PortabilityActions::finished);
        if (!done.wait(120'000))
            return Failure(u"no finished() in time"_s);
        return done.first().first().value<Outcome<>>();
    }

    static QStringList menuActions(const QMenu *menu)
    {
        QStringList names;
        for (const QAction *a : menu->actions())
            names << a->objectName();
        return names;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(WindowDriver::isolateSettings()); }

    void init()
    {
        m_driver = std::make_unique<WindowDriver>();
        QVERIFY(m_driver->isValid());
        VmDefinition d = WindowDriver::plainVm(u"web"_s);
        const QString disk = m_driver->libraryRoot() + u"/web-disk.qcow2"_s;
        QCOMPARE(QProcess::execute(u"qemu-img"_s,
                                   {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, disk, u"16M"_s}),
                 0);
        d.disks = {{disk, u"qcow2"_s, u"virtio"_s, false}};
        QVERIFY(m_driver->createVm(d));
        QVERIFY(m_driver->openWindow());
    }

    void cleanup() { m_driver.reset(); }

    void actionsAreInTheMenusAndFollowTheSelection()
    {
        MainWindow *w = m_driver->window();
        const auto *vmMenu = w->findChild<QMenu *>(u"vmMenu"_s);
        const auto *context = w->findChild<QMenu *>(u"vmContextMenu"_s);
        QVERIFY(vmMenu && context);
        for (const QMenu *menu : {vmMenu, context}) {
            QVERIFY(menuActions(menu).contains(u"actionClone"_s));
            QVERIFY(menuActions(menu).contains(u"actionExport"_s));
        }
        const QMenu *file = w->menuBar()->actions().first()->menu();
        QVERIFY(menuActions(file).contains(u"actionImport"_s));
        QVERIFY(m_driver->select(u"web"_s));
        QVERIFY(m_driver->action("actionClone")->isEnabled());
        QVERIFY(m_driver->action("actionExport")->isEnabled());
        QVERIFY(m_driver->action("actionImport")->isEnabled());
    }

    void exportImportAndClone()
    {
        MainWindow *w = m_driver->window();
        PortabilityActions *p = w->portability();
        const QString bundle = m_driver->libraryRoot() + u"/../web.berth"_s;
        p->exportVm(u"web"_s, bundle, true);
        QVERIFY(p->isBusy());
        QVERIFY(!m_driver->action("actionExport")->isEnabled()); // one job at a time
        QVERIFY_OUTCOME(awaitJob());
        QVERIFY(QFileInfo::exists(bundle));
        // Each job ends with what it did in the message bar.
        MessageBar *bar = w->messageBar();
        QVERIFY2(bar->currentText().startsWith(u"Exported “web” to"_s),
                 qPrintable(bar->currentText()));

        p->importFile(bundle, u"web-copy"_s);
        QVERIFY_OUTCOME(awaitJob());
        QVERIFY(m_driver->library().find(u"web-copy"_s));
        QTRY_VERIFY(m_driver->row(u"web-copy"_s).isValid());
        // "web" itself is still there, so the copy was given a UUID of its own.
        QCOMPARE(bar->currentText(), u"Imported “web-copy”. A virtual machine with its UUID "
                                     "exists already: it was given a new one."_s);

        p->cloneVm(u"web"_s, u"web-linked"_s, true);
        QVERIFY_OUTCOME(awaitJob());
        QTRY_VERIFY(m_driver->row(u"web-linked"_s).isValid());
        QCOMPARE(bar->currentText(), u"Made “web-linked”, a linked clone of “web”."_s);

        // A failure is said, and nothing changes.
        p->importFile(bundle, u"web-copy"_s);
        const Outcome<> taken = awaitJob();
        QVERIFY(!taken);
        QVERIFY(taken.failure().message().contains(u"already exists"_s));
        QCOMPARE(bar->currentText(), taken.failure().message());
    }

    void droppedBundleIsImported()
    {
        MainWindow *w = m_driver->window();
        const QString bundle = m_driver->libraryRoot() + u"/../drop.berth"_s;
        w->portability()->exportVm(u"web"_s, bundle, false);
        QVERIFY_OUTCOME(awaitJob());
        QVERIFY_OUTCOME(m_driver->library().removeWithDisks(u"web"_s, {}));
        QTRY_VERIFY(!m_driver->row(u"web"_s).isValid());

        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(bundle)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton,
                              Qt::NoModifier);
        QCoreApplication::sendEvent(w, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(w, &drop);
        QVERIFY(drop.isAccepted());
        QVERIFY_OUTCOME(awaitJob());
        QTRY_VERIFY(m_driver->row(u"web"_s).isValid());

        // Anything else is not taken.
        QMimeData other;
        other.setUrls({QUrl::fromLocalFile(m_driver->libraryRoot() + u"/notes.txt"_s)});
        QDragEnterEvent refused(QPoint(10, 10), Qt::CopyAction, &other, Qt::LeftButton,
                                Qt::NoModifier);
        refused.setAccepted(false);
        QCoreApplication::sendEvent(w, &refused);
        QVERIFY(!refused.isAccepted());
    }

    void cloneDialogRefusesATakenName()
    {
        CloneDialog dialog(&m_driver->library(), u"web"_s);
        auto *name = dialog.findChild<QLineEdit *>(u"cloneName"_s);
        auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(name && ok);
        QCOMPARE(dialog.name(), u"web clone"_s);
        QVERIFY(ok->isEnabled());
        name->setText(u"web"_s);
        QVERIFY(!ok->isEnabled());
        name->setText(u"a/b"_s);
        QVERIFY(!ok->isEnabled());
        name->setText(u"fresh"_s);
        QVERIFY(ok->isEnabled());
        QVERIFY(!dialog.linked());
    }
};

QTEST_MAIN(TestPortabilityActions)
#include "tst_portabilityactions.moc"
