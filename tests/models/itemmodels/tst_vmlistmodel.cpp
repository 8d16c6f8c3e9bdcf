// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/itemmodels/vmlistmodel.h"
#include "models/vm/vminstance.h"
#include "models/vm/vmlibrary.h"
#include "models/vm/vmregistry.h"
#include "tests/support/testguest.h"
#include "tests/support/verifyoutcome.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestVmListModel final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;

    static VmDefinition vm(const QString &name)
    {
        VmDefinition d;
        d.name = name;
        d.memoryMiB = 64;
        d.accelerator = Accelerator::Tcg;
        d.machine = u"pc"_s;
        return d;
    }

    static int rowOf(const VmListModel &model, const QString &name)
    {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.index(row, VmListModel::NameColumn).data().toString() == name)
                return row;
        }
        return -1;
    }

    static QString stateText(const VmListModel &model, const QString &name)
    {
        const int row = rowOf(model, name);
        return row < 0 ? QString() : model.index(row, VmListModel::StateColumn).data().toString();
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_root = m_dir->filePath(u"library"_s);
        QVERIFY(QDir().mkpath(m_dir->filePath(u"run"_s)));
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_dir->filePath(u"run"_s)));
    }

    void cleanup() { m_dir.reset(); }

    void listsEntriesIncludingBrokenOnes()
    {
        {
            VmLibrary seed(m_root);
            QVERIFY_OUTCOME(seed.reload());
            for (const QString &name : {u"alpha"_s, u"beta"_s, u"gamma"_s}) {
                VmDefinition d = vm(name);
                d.notes = u"first line\nsecond line"_s;
                QVERIFY_OUTCOME(seed.create(d));
            }
        }
        QFile broken(m_root + u"/gamma/vm.json"_s);
        QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
        broken.write("{ broken");
        broken.close();

        VmLibrary library(m_root);
        VmRegistry registry(&library);
        VmListModel model(&registry);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 3);
        const int gamma = rowOf(model, u"gamma"_s);
        QVERIFY(gamma >= 0);
        QCOMPARE(model.index(gamma, 0).data(VmListModel::StateRole).toInt(), -1);
        QVERIFY(model.index(gamma, 0)
                    .data(VmListModel::BrokenReasonRole)
                    .toString()
                    .contains("not valid JSON"_L1));
        QVERIFY(
            model.index(gamma, 0).data(Qt::ToolTipRole).toString().contains("cannot be used"_L1));
        QVERIFY(model.instance(model.index(gamma, 0)) == nullptr);
        const int alpha = rowOf(model, u"alpha"_s);
        QCOMPARE(model.index(alpha, VmListModel::StateColumn).data().toString(), u"Stopped"_s);
        QCOMPARE(model.index(alpha, VmListModel::NotesColumn).data().toString(), u"first line"_s);
        QCOMPARE(model.index(alpha, VmListModel::CpusColumn).data().toInt(), 1);
        QVERIFY(model.instance(model.index(alpha, 0)) != nullptr);
        QCOMPARE(model.indexOf(library.find(u"alpha"_s)->definition.uuid).row(), alpha);
    }

    void followsChangesMadeByAnotherProcess()
    {
        VmLibrary library(m_root);
        VmRegistry registry(&library);
        VmListModel model(&registry);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);

        // "Another process": a second library object over the same folder, as the CLI has.
        VmLibrary other(m_root);
        QVERIFY_OUTCOME(other.reload());
        VmDefinition d = vm(u"from-cli"_s);
        QVERIFY_OUTCOME(other.create(d));
        QTRY_COMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, 0).data().toString(), u"from-cli"_s);

        d.cpus = 3;
        QVERIFY_OUTCOME(other.save(d));
        QTRY_COMPARE(model.index(0, VmListModel::CpusColumn).data().toInt(), 3);

        QVERIFY_OUTCOME(other.removeWithDisks(u"from-cli"_s, {}));
        QTRY_COMPARE(model.rowCount(), 0);
    }

    void stateFollowsAVmStartedElsewhere()
    {
        VmLibrary library(m_root);
        VmRegistry registry(&library);
        VmListModel model(&registry);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        VmLibrary other(m_root);
        QVERIFY_OUTCOME(other.reload());
        VmDefinition d = vm(u"firmware-only"_s);
        QVERIFY_OUTCOME(other.create(d));
        QTRY_COMPARE(model.rowCount(), 1);

        // The CLI's side: its own instance on its own monitor.
        VmInstance cli(d, other.find(d.name)->folder, VmInstance::MonitorRole::Cli);
        QSignalSpy started(&cli, &VmInstance::started);
        cli.start();
        QVERIFY2(started.wait(30'000), qPrintable(cli.lastError()));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy ended(&registry, &VmRegistry::processEnded);
        QTRY_COMPARE_WITH_TIMEOUT(stateText(model, d.name), u"Running"_s, 10'000);
        VmInstance *mine = model.instance(model.index(0, 0));
        QCOMPARE(mine, registry.instance(d.uuid));
        QVERIFY(mine->pid() > 0);
        QCOMPARE(registry.runningCount(), 1);
        QCOMPARE(registry.pausedCount(), 0);
        QCOMPARE(model.index(0, VmListModel::AcceleratorColumn).data().toString(),
                 u"TCG (emulated)"_s);

        cli.pause();
        QTRY_COMPARE_WITH_TIMEOUT(stateText(model, d.name), u"Paused"_s, 10'000);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(registry.runningCount(), 0);
        QCOMPARE(registry.pausedCount(), 1);

        // Forced off from elsewhere: a clean end for the window's registry too (QEMU's
        // SHUTDOWN event reaches every monitor), so no crash notice follows.
        QSignalSpy cliEnded(&cli, &VmInstance::processEnded);
        cli.forceStop();
        QVERIFY(cliEnded.wait(20'000));
        QTRY_COMPARE_WITH_TIMEOUT(stateText(model, d.name), u"Stopped"_s, 10'000);
        QTRY_COMPARE(ended.size(), 1);
        QCOMPARE(ended[0][0].value<VmInstance *>(), mine);
        QCOMPARE(ended[0][1].toBool(), true);
        QCOMPARE(registry.runningCount() + registry.pausedCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestVmListModel)
#include "tst_vmlistmodel.moc"
