// SPDX-License-Identifier: GPL-2.0-or-later
// Issue 14 point 3, offscreen: settings a user can actually edit. The machine type is a
// list of what this QEMU offers; the limits are the wizard's and the CLI's (VmLimits); disks
// are added, detached, resized, moved in boot order and given another bus from the page;
// the network card is chosen; Apply is a compare-and-swap with changes made elsewhere.
#include "models/vm/privatenetworks.h"
#include "models/common/procstat.h"
#include "models/vm/vmlimits.h"
#include "tests/support/verifyoutcome.h"
#include "tests/support/windowdriver.h"
#include "ui/pages/definitioneditor.h"
#include "ui/pages/vmdetailspane.h"
#include "ui/window/privatenetworksdialog.h"
#include "ui/wizards/diskimagewizard.h"

#include <QComboBox>
#include <QDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

#include <tuple>

using namespace Qt::Literals::StringLiterals;

class TestSettingsFlows final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WindowDriver> m_driver;

    WindowDriver &driver() const { return *m_driver; }
    DefinitionEditor *editor() const { return driver().window()->detailsPane()->editor(); }

    template<typename T>
    T *child(const QString &name) const
    {
        return editor()->findChild<T *>(name);
    }

    QString problem() const { return child<QLabel>(u"definitionProblem"_s)->text(); }
    bool canApply() const { return child<QPushButton>(u"applyButton"_s)->isEnabled(); }

    VmDefinition saved(const QString &name)
    {
        VmLibrary fresh(driver().libraryRoot());
        std::ignore = fresh.reload();
        const VmEntry *e = fresh.find(name);
        return e ? e->definition : VmDefinition();
    }

    static bool qemuImg(const QStringList &args, QByteArray *out = nullptr)
    {
        QProcess p;
        p.start(u"qemu-img"_s, args);
        if (!p.waitForFinished(60'000) || p.exitCode() != 0)
            return false;
        if (out)
            *out = p.readAllStandardOutput();
        return true;
    }

    static qint64 virtualSize(const QString &image)
    {
        QByteArray json;
        if (!qemuImg({u"info"_s, u"--output=json"_s, image}, &json))
            return -1;
        return QJsonDocument::fromJson(json).object().value("virtual-size"_L1).toInteger();
    }

    /// A new stopped VM called @p name, shown in the window's Settings tab.
    void openVm(const QString &name)
    {
        VmDefinition d = WindowDriver::plainVm(name);
        QVERIFY(driver().createVm(d));
        driver().openWindow();
        QVERIFY(driver().select(name));
    }

    /// A stopped VM with two qcow2 disks of 1 MiB in its folder, shown in Settings.
    void openVmWithTwoDisks(const QString &name)
    {
        VmDefinition d = WindowDriver::plainVm(name);
        QVERIFY(driver().createVm(d));
        const QString folder = driver().library().find(name)->folder;
        for (const char *disk : {"a.qcow2", "b.qcow2"}) {
            const QString path = folder + u'/' + QLatin1StringView(disk);
            QVERIFY(qemuImg({u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, path, u"1M"_s}));
            d.disks.append({path, u"qcow2"_s, u"virtio"_s, true});
        }
        QVERIFY_OUTCOME(driver().library().save(d));
        driver().openWindow();
        QVERIFY(driver().select(name));
        QVERIFY(editor()->isEditable());
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(WindowDriver::isolateSettings()); }

    void init()
    {
        m_driver = std::make_unique<WindowDriver>();
        QVERIFY(driver().isValid());
    }

    void cleanup() { m_driver.reset(); }

    void machineIsAListOfWhatQemuOffers()
    {
        openVm(u"m"_s);
        VmDefinition d;
        auto *machine = child<QComboBox>(u"machineCombo"_s);
        QVERIFY(!machine->isEditable()); // no free text: "foobar" cannot be typed
        QVERIFY(machine->findData(u"q35"_s) >= 0);
        QVERIFY(machine->findData(u"pc-i440fx-7.2"_s) >= 0 || machine->findData(u"pc"_s) >= 0);
        QCOMPARE(machine->currentData().toString(), u"q35"_s);
        machine->setCurrentIndex(machine->findData(u"pc"_s));
        QVERIFY(canApply());
        QVERIFY(editor()->apply());
        QCOMPARE(saved(u"m"_s).machine, u"pc"_s);

        // A definition naming a type this QEMU lacks (written by hand, another QEMU): shown
        // as such and refused before Start shows QEMU's raw error.
        d = saved(u"m"_s);
        d.machine = u"foobar"_s;
        QVERIFY_OUTCOME(driver().library().save(d));
        QTRY_VERIFY(machine->currentText().contains("not offered"_L1));
        child<QSpinBox>(u"cpusSpin"_s)->setValue(2);
        QVERIFY2(problem().contains("foobar"_L1), qPrintable(problem()));
        QVERIFY(!canApply());
    }

    void limitsAreTheWizardsAndTheClis()
    {
        openVm(u"l"_s);
        auto *memory = child<QSpinBox>(u"memorySpin"_s);
        memory->setValue(0); // said, not silently snapped back
        QCOMPARE(memory->value(), 0);
        QVERIFY2(problem().contains("16"_L1), qPrintable(problem()));
        QVERIFY(!canApply());
        memory->setValue(
            int(std::min<qint64>(ProcStat::hostMemoryMiB() * 2, VmLimits::MaxMemoryMiB)));
        QVERIFY2(problem().contains("more than this computer has"_L1), qPrintable(problem()));
        QVERIFY(!canApply());
        memory->setValue(512);
        auto *cpus = child<QSpinBox>(u"cpusSpin"_s);
        cpus->setValue(ProcStat::hostCpuCount() + 1); // allowed, but never silently
        QVERIFY2(problem().contains("slowly"_L1), qPrintable(problem()));
        QVERIFY(canApply());
    }

    void disksAreEditedFromTheSettingsPage()
    {
        openVmWithTwoDisks(u"disks"_s);
        auto *list = child<QTreeWidget>(u"disksList"_s);
        QCOMPARE(list->topLevelItemCount(), 2);
        // Boot order: b first.
        list->setCurrentItem(list->topLevelItem(1));
        child<QPushButton>(u"bootEarlierButton"_s)->click();
        QCOMPARE(list->topLevelItem(0)->text(1), u"b.qcow2"_s);
        // Bus: b on SATA.
        auto *bus = child<QComboBox>(u"diskBusCombo"_s);
        QVERIFY(bus->isEnabled());
        bus->setCurrentIndex(bus->findData(u"sata"_s));
        Q_EMIT bus->activated(bus->currentIndex());
        // Detach a (now second).
        list->setCurrentItem(list->topLevelItem(1));
        child<QPushButton>(u"detachDiskButton"_s)->click();
        QCOMPARE(list->topLevelItemCount(), 1);
        QVERIFY(editor()->isModified());
        QVERIFY(editor()->apply());
        const VmDefinition d = saved(u"disks"_s);
        QCOMPARE(d.disks.size(), 1);
        QVERIFY(d.disks[0].path.endsWith("/b.qcow2"_L1));
        QCOMPARE(d.disks[0].bus, u"sata"_s);
        QVERIFY(QFile::exists(driver().library().find(u"disks"_s)->folder + u"/a.qcow2"_s));

        // Resize b from the page: qemu-img, not the GUI thread.
        list->setCurrentItem(list->topLevelItem(0));
        child<QPushButton>(u"resizeDiskButton"_s)->click();
        QDialog *resize = nullptr;
        QTRY_VERIFY((resize = editor()->findChild<QDialog *>(u"diskResizeDialog"_s)));
        auto *size = resize->findChild<QLineEdit *>(u"newSizeEdit"_s);
        auto *go = resize->findChild<QPushButton *>(u"resizeButton"_s);
        QTRY_VERIFY(!size->text().isEmpty()); // the size now was read
        size->setText(u"4M"_s);
        QTRY_VERIFY(go->isEnabled());
        go->click();
        QTRY_VERIFY_WITH_TIMEOUT(!editor()->findChild<QDialog *>(u"diskResizeDialog"_s), 30'000);
        QCOMPARE(virtualSize(d.disks[0].path), qint64(4 * 1024 * 1024));

        // Add…: the New Disk Image wizard for this VM, the image in its folder, named from it.
        child<QPushButton>(u"addDiskButton"_s)->click();
        DiskImageWizard *wizard = nullptr;
        QTRY_VERIFY((wizard = driver().window()->findChild<DiskImageWizard *>()) &&
                    wizard->isVisible());
        auto *destinationField = wizard->findChild<QWidget *>(u"diskDestination"_s);
        QVERIFY(destinationField);
        auto *destination = destinationField->findChild<QLineEdit *>();
        QVERIFY(destination);
        QTRY_COMPARE(destination->text(),
                     driver().library().find(u"disks"_s)->folder + u"/disks.qcow2"_s);
        wizard->reject();
    }

    void nicModelIsChosen()
    {
        openVm(u"n"_s);
        auto *nic = child<QComboBox>(u"nicModelCombo"_s);
        QCOMPARE(nic->currentData().toString(), u"virtio"_s);
        nic->setCurrentIndex(nic->findData(u"e1000e"_s));
        QVERIFY(editor()->apply());
        QCOMPARE(saved(u"n"_s).nicModel, u"e1000e"_s);
    }

    void forwardsAndCardsAreEdited()
    {
        QVERIFY(PrivateNetworks(driver().libraryRoot()).create(u"lab"_s));
        openVm(u"fw"_s);
        auto *forwards = child<QTableWidget>(u"forwardTable"_s);
        auto *note = child<QLabel>(u"forwardNote"_s);
        QVERIFY(note->text().contains(u"127.0.0.1: only programs on this computer"_s));

        // Add Forward: a row listening on 127.0.0.1; the ports must be typed.
        child<QPushButton>(u"forwardTableAdd"_s)->click();
        QCOMPARE(forwards->rowCount(), 1);
        QCOMPARE(forwards->item(0, 1)->text(), u"127.0.0.1"_s);
        QVERIFY2(problem().contains(u"Forward 1, host ports"_s), qPrintable(problem()));
        QVERIFY(!canApply());
        forwards->item(0, 2)->setText(u"18000-18002"_s);
        forwards->item(0, 3)->setText(u"8000"_s);
        QVERIFY2(problem().isEmpty(), qPrintable(problem()));

        // A second card on the private network "lab", offered by name.
        child<QPushButton>(u"nicTableAdd"_s)->click();
        auto *nics = child<QTableWidget>(u"nicTable"_s);
        QCOMPARE(nics->rowCount(), 2);
        auto *network = qobject_cast<QComboBox *>(nics->cellWidget(1, 0));
        QVERIFY(network);
        const int lab = network->findData(u"private:lab"_s);
        QVERIFY(lab > 0);
        QCOMPARE(network->itemText(lab), u"Private network “lab”"_s);
        network->setCurrentIndex(lab);
        QVERIFY(editor()->apply());
        const VmDefinition d = saved(u"fw"_s);
        QCOMPARE(d.portForwards.size(), 1);
        QCOMPARE(d.portForwards[0].hostPort, 18000);
        QCOMPARE(d.portForwards[0].count, 3);
        QCOMPARE(d.portForwards[0].address, u"127.0.0.1"_s);
        QCOMPARE(d.nics.size(), 2);
        QCOMPARE(d.nics[1].spec(), u"private:lab"_s);

        // Another address is said plainly.
        forwards->item(0, 1)->setText(u"0.0.0.0"_s);
        QVERIFY2(note->text().contains(u"listen on 0.0.0.0: other computers"_s),
                 qPrintable(note->text()));
        // Overlapping forwards are refused with the rule's words.
        child<QPushButton>(u"forwardTableAdd"_s)->click();
        forwards->item(1, 2)->setText(u"18001"_s);
        forwards->item(1, 3)->setText(u"22"_s);
        QVERIFY2(problem().contains(u"overlap"_s), qPrintable(problem()));
        // Remove Forward takes the selected row away.
        forwards->selectRow(1);
        child<QPushButton>(u"forwardTableRemove"_s)->click();
        QCOMPARE(forwards->rowCount(), 1);
        QVERIFY(problem().isEmpty());
    }

    void privateNetworksDialog()
    {
        openVm(u"pn"_s);
        PrivateNetworksDialog dialog(&driver().library());
        QVERIFY(dialog.createNetwork(u"dmz"_s));
        QVERIFY(!dialog.createNetwork(u"dmz"_s));
        auto *problemLabel = dialog.findChild<QLabel *>(u"networkProblem"_s);
        QVERIFY(problemLabel->text().contains(u"already exists"_s));
        auto *list = dialog.findChild<QTreeWidget *>(u"networkList"_s);
        QCOMPARE(list->topLevelItemCount(), 1);
        QCOMPARE(list->topLevelItem(0)->text(1), u"none"_s);
        // In use by a VM: not deleted, and the dialog names it.
        const VmDefinition base = saved(u"pn"_s);
        VmDefinition d = base;
        d.nics << VmNic{VmNic::Kind::Private, u"dmz"_s, {}};
        QVERIFY_OUTCOME(driver().library().update(d.uuid, base, d));
        PrivateNetworksDialog again(&driver().library());
        list = again.findChild<QTreeWidget *>(u"networkList"_s);
        QCOMPARE(list->topLevelItem(0)->text(1), u"pn"_s);
        list->setCurrentItem(list->topLevelItem(0));
        QVERIFY(!again.deleteSelected());
        QVERIFY(again.findChild<QLabel *>(u"networkProblem"_s)
                    ->text()
                    .contains(u"dmz is still the network of pn"_s));
        QCOMPARE(PrivateNetworks(driver().libraryRoot()).list()->size(), 1);
    }

    void applyKeepsChangesMadeElsewhere()
    {
        openVm(u"cas"_s);
        child<QSpinBox>(u"cpusSpin"_s)->setValue(3);

        // Meanwhile `berth set cas --notes ...` (another process, its own library).
        VmLibrary cli(driver().libraryRoot());
        QVERIFY_OUTCOME(cli.reload());
        const VmDefinition base = cli.find(u"cas"_s)->definition;
        VmDefinition notes = base;
        notes.notes = u"from the terminal"_s;
        QVERIFY_OUTCOME(cli.update(base.uuid, base, notes));
        QVERIFY_OUTCOME(driver().library().reload()); // what the window's file watch does

        QVERIFY(editor()->apply());
        QCOMPARE(saved(u"cas"_s).cpus, 3);
        QCOMPARE(saved(u"cas"_s).notes, u"from the terminal"_s);

        // The same field changed there: refused with the reason, theirs stays.
        child<QSpinBox>(u"cpusSpin"_s)->setValue(4);
        VmDefinition two = saved(u"cas"_s);
        const VmDefinition before = two;
        two.cpus = 2;
        QVERIFY_OUTCOME(cli.update(before.uuid, before, two));
        QVERIFY(!editor()->apply());
        QVERIFY2(problem().contains("changed meanwhile"_L1), qPrintable(problem()));
        QCOMPARE(saved(u"cas"_s).cpus, 2);
        editor()->revert();
        QCOMPARE(child<QSpinBox>(u"cpusSpin"_s)->value(), 2);
    }
};

QTEST_MAIN(TestSettingsFlows)
#include "tst_settingsflows.moc"
