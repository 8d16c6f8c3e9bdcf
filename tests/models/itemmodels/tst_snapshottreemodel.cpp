// SPDX-License-Identifier: GPL-2.0-or-later
// SnapshotTreeModel: checked by QAbstractItemModelTester through resets, parents that loop
// or are gone, and the "you are here" marker.
#include "models/itemmodels/snapshottreemodel.h"
#include "models/snapshots/snapshotstore.h"
#include "models/vm/vmlayout.h"
#include "tests/support/verifyoutcome.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestSnapshotTreeModel final : public QObject
{
    Q_OBJECT

private:
    static SnapshotInfo info(const QString &name, const QString &parent, bool memory = true)
    {
        return {name, u"about "_s + name, QDateTime::currentDateTimeUtc(), memory, parent, {}};
    }

private Q_SLOTS:
    void treeAndMarker()
    {
        QTemporaryDir dir;
        SnapshotStore store(dir.path());
        SnapshotTreeModel model(nullptr);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);

        store.add(info(u"base"_s, {}));       // base
        store.add(info(u"installed"_s, {}));  //   installed
        store.setCurrent(u"base"_s);          //
        store.add(info(u"experiment"_s, {})); //   experiment (current)
        store.reconcile({{u"1"_s, u"base"_s, {}, 1},
                         {u"2"_s, u"installed"_s, {}, 1},
                         {u"3"_s, u"experiment"_s, {}, 1},
                         {u"4"_s, u"outside"_s, QDateTime::currentDateTimeUtc(), 0}});
        model.setStore(store);

        QCOMPARE(model.rowCount(), 2); // base, outside
        const QModelIndex base = model.indexOf(u"base"_s);
        QCOMPARE(base.row(), 0);
        QCOMPARE(model.rowCount(base), 2);
        const QModelIndex experiment = model.indexOf(u"experiment"_s);
        QCOMPARE(experiment.parent(), base);
        QVERIFY(model.data(experiment, SnapshotTreeModel::IsCurrentRole).toBool());
        QVERIFY(model.data(experiment).toString().contains(u"you are here"_s));
        QVERIFY(!model.data(base, SnapshotTreeModel::IsCurrentRole).toBool());
        QCOMPARE(model.data(base).toString(), u"base"_s);
        const QModelIndex outside = model.indexOf(u"outside"_s);
        QCOMPARE(model.data(outside.siblingAtColumn(SnapshotTreeModel::ContentsColumn)).toString(),
                 u"Disks only"_s);
        QCOMPARE(
            model.data(experiment.siblingAtColumn(SnapshotTreeModel::DescriptionColumn)).toString(),
            u"about experiment"_s);
        // Every disk holds them: no mark.
        QCOMPARE(model.data(base.siblingAtColumn(SnapshotTreeModel::ContentsColumn)).toString(),
                 u"Memory and disks"_s);

        // A disk added after "installed" does not hold it: the row says so.
        ImageSnapshot partial{u"2"_s, u"installed"_s, {}, 1};
        partial.coversEveryDisk = false;
        store.reconcile({{u"1"_s, u"base"_s, {}, 1},
                         partial,
                         {u"3"_s, u"experiment"_s, {}, 1},
                         {u"4"_s, u"outside"_s, QDateTime::currentDateTimeUtc(), 0}});
        model.setStore(store);
        const QModelIndex installed =
            model.indexOf(u"installed"_s).siblingAtColumn(SnapshotTreeModel::ContentsColumn);
        QCOMPARE(model.data(installed).toString(), u"Memory and disks (not on every disk)"_s);
        QVERIFY(!model.data(installed, SnapshotTreeModel::CoversEveryDiskRole).toBool());
        QVERIFY(model.data(installed, Qt::ToolTipRole).toString().contains(u"added after"_s));

        // Deleting base moves its children to the top.
        store.remove(u"base"_s);
        model.setStore(store);
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(!model.indexOf(u"experiment"_s).parent().isValid());
    }

    void loopsAndMissingParentsShowAtTheTop()
    {
        QTemporaryDir dir;
        SnapshotStore store(dir.path());
        QFile f(VmLayout::ofFolder(dir.path()).snapshotsPath());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"version":1,"current":"a","snapshots":[
            {"name":"a","parent":"b"},{"name":"b","parent":"a"},
            {"name":"c","parent":"gone"},{"name":"d","parent":"c"}]})");
        f.close();
        QVERIFY_OUTCOME(store.load());
        SnapshotTreeModel model(nullptr);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(store);
        int shown = 0;
        std::function<void(const QModelIndex &)> count = [&](const QModelIndex &parent) {
            for (int r = 0; r < model.rowCount(parent); ++r) {
                ++shown;
                count(model.index(r, 0, parent));
            }
        };
        count({});
        QCOMPARE(shown, 4);
        QCOMPARE(model.indexOf(u"d"_s).parent(), model.indexOf(u"c"_s));
    }
};

QTEST_GUILESS_MAIN(TestSnapshotTreeModel)
#include "tst_snapshottreemodel.moc"
