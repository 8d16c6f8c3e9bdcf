// SPDX-License-Identifier: GPL-2.0-or-later
// Compare-and-swap changes of a definition (VmLibrary::update, VmFields), the one set of
// limits (VmLimits) and QEMU's machine list (QemuMachines).
#include "models/common/procstat.h"
#include "models/vm/qemumachines.h"
#include "models/vm/vmfields.h"
#include "models/vm/vmlibrary.h"
#include "models/vm/vmlimits.h"
#include "tests/support/verifyoutcome.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestVmUpdate final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_root;

    VmDefinition created(VmLibrary &lib, const QString &name)
    {
        VmDefinition d;
        d.name = name;
        d.memoryMiB = 512;
        const Outcome<> made = lib.create(d);
        if (!made)
            qWarning() << made.failure().message();
        return d;
    }

    /// Every field different from a default definition (the uuid is identity, not a field).
    static VmDefinition allDifferent(const VmDefinition &from)
    {
        VmDefinition d = from;
        d.name = from.name + u"-other"_s;
        d.cpus = from.cpus + 1;
        d.memoryMiB = from.memoryMiB + 256;
        d.machine = u"pc"_s;
        d.accelerator = Accelerator::Tcg;
        d.firmware = Firmware::Uefi;
        d.tpm = !from.tpm;
        d.secureBoot = !from.secureBoot;
        d.disks = {VmDisk{u"/d.qcow2"_s, u"qcow2"_s, u"sata"_s, true}};
        d.cdrom = u"/x.iso"_s;
        d.kernel = u"/k"_s;
        d.initrd = u"/i"_s;
        d.kernelArgs = u"console=ttyS0"_s;
        d.nics = from.nics.isEmpty() ? QList<VmNic>{VmNic{}} : QList<VmNic>{};
        d.nicModel = u"e1000e"_s;
        d.portForwards = {PortForward{u"tcp"_s, 2222, 22}};
        d.notes = u"notes"_s;
        d.linkedClones = {QUuid::createUuid()};
        d.resources.ioReadBps = 4 << 20;
        d.resources.ioWriteBps = 1 << 20;
        d.resources.ioIops = 100;
        d.resources.memoryTargetMiB = 300;
        d.resources.cpuWeight = 300;
        d.resources.cpuLimitPercent = 50;
        d.resources.cpuAffinity = u"0"_s;
        d.resources.emulatorAffinity = u"0"_s;
        return d;
    }

private Q_SLOTS:
    void init() { m_root = m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction())); }

    void everyFieldIsInTheTable()
    {
        // A member missing from VmFields would be dropped by every merge: taking every
        // field of b into a must give b.
        const VmDefinition a;
        const VmDefinition b = allDifferent(a);
        VmDefinition merged = a;
        for (const VmField &f : VmFields::all()) {
            QVERIFY2(!f.same(a, b), qPrintable(f.key));
            f.take(merged, b);
        }
        QCOMPARE(merged, b);
        QCOMPARE(VmFields::differing(a, b).size(), VmFields::all().size());
        QCOMPARE(VmFields::merge(a, b, a).result, b);
    }

    void mergeKeepsBothSides()
    {
        VmDefinition base;
        VmDefinition mine = base;
        mine.cpus = 4;
        VmDefinition theirs = base;
        theirs.notes = u"theirs"_s;
        const VmFields::Merge m = VmFields::merge(base, mine, theirs);
        QVERIFY(m.conflicts.isEmpty());
        QCOMPARE(m.result.cpus, 4);
        QCOMPARE(m.result.notes, u"theirs"_s);

        theirs.cpus = 3; // the same field, another value
        const VmFields::Merge c = VmFields::merge(base, mine, theirs);
        QCOMPARE(c.conflicts, QStringList{u"cpus"_s});
        QCOMPARE(c.result.cpus, 3);

        theirs.cpus = 4; // the same change on both sides is no conflict
        QVERIFY(VmFields::merge(base, mine, theirs).conflicts.isEmpty());
    }

    void concurrentUpdatesOfDifferentFieldsBothLand()
    {
        // Two processes: each its own library, each read the VM before the other wrote.
        VmLibrary first(m_root);
        QVERIFY_OUTCOME(first.reload());
        const VmDefinition base = created(first, u"web"_s);
        VmLibrary second(m_root);
        QVERIFY_OUTCOME(second.reload());

        VmDefinition cpus = base;
        cpus.cpus = 2;
        QVERIFY_OUTCOME(first.update(base.uuid, base, cpus));
        VmDefinition notes = second.find(u"web"_s)->definition;
        QCOMPARE(notes.cpus, 1); // stale: it has not seen the first change
        notes.notes = u"a web server"_s;
        const Outcome<VmDefinition> written = second.update(base.uuid, base, notes);
        QVERIFY_OUTCOME(written);
        QCOMPARE(written->cpus, 2);
        QCOMPARE(written->notes, u"a web server"_s);

        VmLibrary reread(m_root);
        QVERIFY_OUTCOME(reread.reload());
        QCOMPARE(reread.find(u"web"_s)->definition.cpus, 2);
        QCOMPARE(reread.find(u"web"_s)->definition.notes, u"a web server"_s);
    }

    void aConflictIsRefusedNeverReverted()
    {
        VmLibrary first(m_root);
        QVERIFY_OUTCOME(first.reload());
        const VmDefinition base = created(first, u"db"_s);
        VmLibrary second(m_root);
        QVERIFY_OUTCOME(second.reload());

        VmDefinition two = base;
        two.cpus = 2;
        two.notes = u"mine"_s;
        QVERIFY_OUTCOME(first.update(base.uuid, base, two));
        VmDefinition three = base;
        three.cpus = 3;
        three.memoryMiB = 768;
        const Outcome<VmDefinition> refused = second.update(base.uuid, base, three);
        QVERIFY(!refused);
        QVERIFY2(refused.failure().message().contains(u"cpus"_s),
                 qPrintable(refused.failure().message()));
        // Nothing of the refused change was written, and the loser now knows what is there.
        QCOMPARE(second.find(u"db"_s)->definition, first.find(u"db"_s)->definition);
        VmLibrary reread(m_root);
        QVERIFY_OUTCOME(reread.reload());
        QCOMPARE(reread.find(u"db"_s)->definition.cpus, 2);
        QCOMPARE(reread.find(u"db"_s)->definition.memoryMiB, 512);
        QCOMPARE(reread.find(u"db"_s)->definition.notes, u"mine"_s);
    }

    void updateValidatesTheMergedResult()
    {
        VmLibrary lib(m_root);
        QVERIFY_OUTCOME(lib.reload());
        const VmDefinition base = created(lib, u"v"_s);
        VmDefinition bad = base;
        bad.memoryMiB = 0;
        QVERIFY(!lib.update(base.uuid, base, bad));
        QCOMPARE(lib.find(u"v"_s)->definition.memoryMiB, 512);
    }

    void limitsForEveryone()
    {
        VmDefinition d;
        d.name = u"x"_s;
        QVERIFY(VmLimits::check(d).error.isEmpty());
        d.memoryMiB = 0;
        QVERIFY(VmLimits::check(d).error.contains(u"16"_s)); // said, not snapped back
        d.memoryMiB = int(std::min<qint64>(ProcStat::hostMemoryMiB() + 1, VmLimits::MaxMemoryMiB));
        QVERIFY2(VmLimits::check(d).error.contains(u"more than this computer has"_s),
                 qPrintable(VmLimits::check(d).error));
        d.memoryMiB = 256;
        d.cpus = ProcStat::hostCpuCount() + 1;
        QVERIFY(VmLimits::check(d).error.isEmpty());
        QVERIFY(!VmLimits::check(d).warning.isEmpty()); // never silently
        d.cpus = 1;
        d.machine = u"foobar"_s;
        QVERIFY2(VmLimits::check(d).error.contains(u"foobar"_s), "this QEMU has no foobar");
        d.machine = u"pc-q35-7.2"_s;
        QVERIFY(VmLimits::check(d).error.isEmpty());
    }

    void machinesFromQemu()
    {
        const QList<QemuMachines::Machine> parsed = QemuMachines::parse(
            u"Supported machines are:\n"
            "pc                   Standard PC (i440FX + PIIX, 1996) (alias of pc-i440fx-7.2)\n"
            "pc-i440fx-7.2        Standard PC (i440FX + PIIX, 1996) (default)\n"
            "none                 empty machine\n"_s);
        QCOMPARE(parsed.size(), 2);
        QCOMPARE(parsed[0].name, u"pc"_s);
        QCOMPARE(parsed[0].aliasOf, u"pc-i440fx-7.2"_s);
        QCOMPARE(parsed[0].description, u"Standard PC (i440FX + PIIX, 1996)"_s);
        QVERIFY(parsed[1].isDefault);
        // The real QEMU, asked once.
        QVERIFY(QemuMachines::isOffered(u"q35"_s));
        QVERIFY(!QemuMachines::isOffered(u"foobar"_s));
        QCOMPARE(&QemuMachines::offered(), &QemuMachines::offered());
    }
};

QTEST_GUILESS_MAIN(TestVmUpdate)
#include "tst_vmupdate.moc"
