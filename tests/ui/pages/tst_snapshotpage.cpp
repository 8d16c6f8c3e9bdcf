// SPDX-License-Identifier: GPL-2.0-or-later
// The Snapshots tab on a stopped VM with a real qcow2 disk (qemu-img): take, revert with
// "snapshot first" from the confirmation, delete; the model checked by QAbstractItemModelTester.
#include "models/itemmodels/snapshottreemodel.h"
#include "models/snapshots/snapshotoperation.h"
#include "models/vm/vminstance.h"
#include "tests/support/testguest.h"
#include "ui/pages/snapshotpage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;

class TestSnapshotPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void takeRevertDelete()
    {
        QTemporaryDir dir;
        QTemporaryDir runtime(QDir::tempPath() + u"/berth-rt-XXXXXX"_s);
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime.path()));
        const QString disk = dir.filePath(u"disk.qcow2"_s);
        QCOMPARE(QProcess::execute(u"qemu-img"_s,
                                   {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, disk, u"16M"_s}),
                 0);
        VmDefinition d;
        d.name = u"paged"_s;
        d.uuid = QUuid::createUuid();
        d.accelerator = Accelerator::Tcg;
        d.disks = {{disk, u"qcow2"_s, u"virtio"_s}};
        VmInstance vm(d, dir.path(), VmInstance::MonitorRole::Gui);

        SnapshotPage page;
        page.show();
        page.setVm(&vm);
        QVERIFY(page.operation() && page.model());
        QAbstractItemModelTester tester(page.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto waitIdle = [&] {
            return QTest::qWaitFor([&] { return !page.operation()->isBusy(); }, 30'000);
        };
        QVERIFY(waitIdle());
        QVERIFY2(page.statusText().contains(u"No snapshots yet"_s), qPrintable(page.statusText()));

        page.takeSnapshot(u"first"_s, u"clean"_s);
        QVERIFY(page.findChild<QPushButton *>(u"snapshotTake"_s)->isEnabled() == false);
        QVERIFY(waitIdle());
        page.takeSnapshot(u"second"_s, {});
        QVERIFY(waitIdle());
        QCOMPARE(page.model()->rowCount(), 1);
        const QModelIndex first = page.model()->indexOf(u"first"_s);
        QCOMPARE(page.model()->rowCount(first), 1);
        QVERIFY(page.model()
                    ->data(page.model()->indexOf(u"second"_s), SnapshotTreeModel::IsCurrentRole)
                    .toBool());

        // Revert from the button: the confirmation says what is lost and offers a snapshot.
        page.view()->setCurrentIndex(first);
        QString informative;
        QTimer::singleShot(0, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            informative = box->informativeText();
            for (QAbstractButton *b : box->buttons()) {
                if (b->text().contains(u"Then Revert"_s))
                    b->click();
            }
        });
        page.findChild<QPushButton *>(u"snapshotRevert"_s)->click();
        QTRY_VERIFY2(informative.contains(u"lost"_s), qPrintable(informative));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return !page.operation()->isBusy() &&
                       page.operation()->store().current() == "first"_L1;
            },
            30'000));
        QCOMPARE(page.operation()->store().snapshots().size(), 3);
        // The automatic snapshot holds the state that was current: a child of "second".
        QCOMPARE(page.model()->rowCount(page.model()->indexOf(u"second"_s)), 1);

        // Delete asks with Delete / Cancel (issue 14 point 10), not Yes / No.
        page.view()->setCurrentIndex(page.model()->indexOf(u"second"_s));
        page.findChild<QPushButton *>(u"snapshotDelete"_s)->click();
        QMessageBox *confirm = nullptr;
        QTRY_VERIFY((confirm = page.findChild<QMessageBox *>(u"confirmSnapshotDelete"_s)));
        QStringList buttons;
        for (QAbstractButton *b : confirm->buttons())
            buttons << b->text().remove(u'&');
        buttons.sort();
        QCOMPARE(buttons, QStringList({u"Cancel"_s, u"Delete"_s}));
        QCOMPARE(confirm->defaultButton(), confirm->button(QMessageBox::Cancel));
        confirm->findChild<QPushButton *>(u"deleteButton"_s)->click();
        QVERIFY(
            QTest::qWaitFor([&] { return !page.model()->indexOf(u"second"_s).isValid(); }, 30'000));
        QVERIFY(waitIdle());
        QVERIFY(!page.model()->indexOf(u"second"_s).isValid());
        QCOMPARE(page.view()->currentIndex(), page.model()->indexOf(u"first"_s));
    }

    void liveSnapshotShowsItsThumbnail()
    {
        const QString guest = qEnvironmentVariable("BERTH_TEST_GUEST_DIR");
        QVERIFY2(!guest.isEmpty(), "the test guest is not built (BERTH_TEST_GUEST_DIR; run through "
                                   "ctest, whose fixture builds it)");
        QTemporaryDir dir;
        QTemporaryDir runtime(QDir::tempPath() + u"/berth-rt-XXXXXX"_s);
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime.path()));
        const QString disk = dir.filePath(u"disk.qcow2"_s);
        QCOMPARE(QProcess::execute(u"qemu-img"_s,
                                   {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, disk, u"16M"_s}),
                 0);
        VmDefinition d = TestGuest::definition(u"live-page"_s);
        d.disks = {{disk, u"qcow2"_s, u"virtio"_s}};
        VmInstance vm(d, dir.path(), VmInstance::MonitorRole::Gui);
        QSignalSpy started(&vm, &VmInstance::started);
        vm.start();
        QVERIFY2(started.wait(30'000), qPrintable(vm.lastError()));
        auto stop = qScopeGuard([&] {
            QSignalSpy ended(&vm, &VmInstance::processEnded);
            vm.forceStop();
            ended.wait(20'000);
        });
        QTest::qWait(3000); // something on the screen

        SnapshotPage page;
        page.resize(900, 400);
        page.show();
        page.setVm(&vm);
        auto waitIdle = [&] {
            return QTest::qWaitFor([&] { return !page.operation()->isBusy(); }, 60'000);
        };
        QVERIFY(waitIdle());
        page.takeSnapshot(u"live one"_s, u"with memory"_s);
        QVERIFY(page.findChild<QProgressBar *>()->isVisible());
        QVERIFY(waitIdle());
        const QModelIndex live = page.model()->indexOf(u"live one"_s);
        QVERIFY2(live.isValid(), qPrintable(page.statusText()));
        QVERIFY(page.model()->data(live, SnapshotTreeModel::HasMemoryStateRole).toBool());
        QCOMPARE(page.view()->currentIndex(), live);
        auto *thumbnail = page.findChild<QLabel *>(u"snapshotThumbnail"_s);
        QVERIFY(!thumbnail->pixmap().isNull());
        if (const QString shot = qEnvironmentVariable("BERTH_SNAPSHOT_SCREENSHOT"); !shot.isEmpty())
            page.grab().save(shot);
    }

    void refusesRawDisk()
    {
        QTemporaryDir dir;
        VmDefinition d;
        d.name = u"raw"_s;
        d.uuid = QUuid::createUuid();
        d.disks = {{dir.filePath(u"x.img"_s), u"raw"_s, u"virtio"_s}};
        VmInstance vm(d, dir.path(), VmInstance::MonitorRole::Gui);
        SnapshotPage page;
        page.setVm(&vm);
        QVERIFY(!page.findChild<QPushButton *>(u"snapshotTake"_s)->isEnabled());
        QVERIFY(page.statusText().contains(u"not qcow2"_s));
    }
};

QTEST_MAIN(TestSnapshotPage)
#include "tst_snapshotpage.moc"
