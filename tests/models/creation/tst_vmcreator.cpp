// SPDX-License-Identifier: GPL-2.0-or-later
// VmCreator, the one way a VM is made, against the real qemu-img: what it makes lands in the
// VM's folder in one step; a failure after the disk step or a cancel leaves nothing in the
// library and never touches an image the user brought; an existing image's format is read
// from its content, not its name. Results are read back with qemu-img run by the test.
#include "models/creation/vmcreator.h"
#include "models/vm/vmlayout.h"
#include "models/vm/vmlibrary.h"
#include "tests/support/verifyoutcome.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kTimeoutMs = 120'000;

int qemuImg(const QStringList &arguments, QByteArray *out = nullptr)
{
    QProcess p;
    p.start(u"qemu-img"_s, arguments);
    if (!p.waitForFinished(kTimeoutMs) || p.exitStatus() != QProcess::NormalExit)
        return -1;
    if (out)
        *out = p.readAllStandardOutput();
    return p.exitCode();
}

QString formatOf(const QString &image)
{
    QByteArray out;
    qemuImg({u"info"_s, u"--output=json"_s, image}, &out);
    return QJsonDocument::fromJson(out).object().value("format"_L1).toString();
}

QByteArray hashOf(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&f);
    return hash.result();
}

VmDefinition vm(const QString &name, Firmware firmware = Firmware::Bios)
{
    VmDefinition d;
    d.name = name;
    d.memoryMiB = 256;
    d.firmware = firmware;
    return d;
}

DiskPlan newDisk(qint64 bytes, DiskPreallocation preallocation = DiskPreallocation::Off)
{
    DiskPlan p;
    p.kind = DiskPlan::Kind::Create;
    p.sizeBytes = bytes;
    p.preallocation = preallocation;
    p.path = u"/ignored/by/the/creator.qcow2"_s;
    return p;
}

DiskPlan existing(const QString &path)
{
    DiskPlan p;
    p.kind = DiskPlan::Kind::UseExisting;
    p.path = path;
    p.format.clear(); // the creator reads it
    return p;
}

} // namespace

class TestVmCreator final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_root;
    std::unique_ptr<VmLibrary> m_library;

    /// Everything in the library's folder, hidden entries too.
    QStringList libraryContents() const
    {
        // The library's lock file stays: it is how creates and deletes take turns.
        QStringList entries = QDir(m_root).entryList(
            QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
        entries.removeAll(u".library.lock"_s);
        return entries;
    }

    Outcome<> run(VmCreator &creator, const VmDefinition &d, const DiskPlan &disk)
    {
        QSignalSpy finished(&creator, &VmCreator::finished);
        creator.create(d, disk);
        if (!finished.wait(kTimeoutMs))
            return Failure(u"no answer"_s);
        return finished.at(0).at(0).value<Outcome<>>();
    }

    QString userImage(const QString &name, const QString &format)
    {
        const QString path = m_dir.filePath(name);
        QFile::remove(path);
        if (qemuImg({u"create"_s, u"-q"_s, u"-f"_s, format, path, u"8M"_s}) != 0)
            return {};
        return path;
    }

    /// OVMF whose variables template qemu-img cannot read (a folder): the UEFI step, after
    /// the disk step, fails.
    QString brokenOvmf()
    {
        const QString folder = m_dir.filePath(u"broken-ovmf"_s);
        QDir().mkpath(folder + u"/OVMF_VARS.fd"_s);
        QFile code(folder + u"/OVMF_CODE.fd"_s);
        code.open(QIODevice::WriteOnly);
        return folder;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!QStandardPaths::findExecutable(u"qemu-img"_s).isEmpty(), "qemu-img is missing");
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        qunsetenv("BERTH_OVMF_DIR");
        m_root = m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()));
        m_library = std::make_unique<VmLibrary>(m_root);
        QVERIFY_OUTCOME(m_library->reload());
    }

    void cleanup() { qunsetenv("BERTH_OVMF_DIR"); }

    void newDiskAndUefiVariablesLandInTheVmsFolder()
    {
        VmCreator creator(m_library.get());
        QList<VmCreator::Step> steps;
        connect(&creator, &VmCreator::stepChanged, this, [&](VmCreator::Step s) { steps << s; });
        QSignalSpy changed(m_library.get(), &VmLibrary::changed);
        QVERIFY_OUTCOME(run(creator, vm(u"web"_s, Firmware::Uefi), newDisk(64LL << 20)));
        QCOMPARE(steps, (QList<VmCreator::Step>{VmCreator::Step::MakingDisk,
                                                VmCreator::Step::MakingUefiVars,
                                                VmCreator::Step::Adding, VmCreator::Step::Idle}));
        QCOMPARE(changed.count(), 1); // it appeared once, complete

        // Read back by a library of its own, and by qemu-img.
        VmLibrary fresh(m_root);
        QVERIFY_OUTCOME(fresh.reload());
        const VmEntry *e = fresh.find(u"web"_s);
        QVERIFY(e && !e->isBroken());
        QCOMPARE(e->folder, m_root + u"/web"_s);
        QCOMPARE(e->definition.uuid, creator.definition().uuid);
        QCOMPARE(e->definition.disks.size(), 1);
        QCOMPARE(e->definition.disks.at(0),
                 (VmDisk{e->layout().firstDiskPath(u"qcow2"_s), u"qcow2"_s, u"virtio"_s, true}));
        QCOMPARE(formatOf(e->definition.disks.at(0).path), u"qcow2"_s);
        QCOMPARE(formatOf(e->layout().uefiVarsPath()), u"qcow2"_s);
        QCOMPARE(libraryContents(), QStringList{u"web"_s}); // no staging folder left
        QCOMPARE(QDir(e->folder).entryList(QDir::Files | QDir::Hidden, QDir::Name),
                 (QStringList{u"disk.qcow2"_s, u"uefi-vars.qcow2"_s, u"vm.json"_s}));

        // The same creator makes the next one; a name in use is refused before anything.
        const Outcome<> taken = run(creator, vm(u"web"_s), DiskPlan());
        QVERIFY(!taken);
        QVERIFY2(taken.failure().message().contains("already exists"_L1),
                 qPrintable(taken.failure().message()));
        QCOMPARE(libraryContents(), QStringList{u"web"_s});
    }

    void formatIsReadFromTheContentNotTheName()
    {
        // A raw image named .qcow2, and a qcow2 image named .img.
        const QString raw = userImage(u"looks-like.qcow2"_s, u"raw"_s);
        const QString qcow2 = userImage(u"looks-like.img"_s, u"qcow2"_s);
        QVERIFY(!raw.isEmpty() && !qcow2.isEmpty());
        VmCreator creator(m_library.get());
        QVERIFY_OUTCOME(run(creator, vm(u"raw"_s), existing(raw)));
        QVERIFY_OUTCOME(run(creator, vm(u"qcow2"_s), existing(qcow2)));
        VmLibrary fresh(m_root);
        QVERIFY_OUTCOME(fresh.reload());
        QCOMPARE(fresh.find(u"raw"_s)->definition.disks,
                 (QList<VmDisk>{{raw, u"raw"_s, u"virtio"_s}}));
        QCOMPARE(fresh.find(u"qcow2"_s)->definition.disks,
                 (QList<VmDisk>{{qcow2, u"qcow2"_s, u"virtio"_s}}));
        // Used in place: nothing copied into the VMs' folders.
        QCOMPARE(QDir(fresh.find(u"raw"_s)->folder).entryList(QDir::Files),
                 QStringList{u"vm.json"_s});
    }

    void failureAfterTheDiskStepLeavesNothing()
    {
        qputenv("BERTH_OVMF_DIR", QFile::encodeName(brokenOvmf()));
        VmCreator creator(m_library.get());
        QList<VmCreator::Step> steps;
        connect(&creator, &VmCreator::stepChanged, this, [&](VmCreator::Step s) { steps << s; });
        const Outcome<> made = run(creator, vm(u"efi"_s, Firmware::Uefi), newDisk(64LL << 20));
        QVERIFY(!made);
        QVERIFY2(made.failure().message().contains("UEFI variables"_L1),
                 qPrintable(made.failure().message()));
        QVERIFY(steps.contains(VmCreator::Step::MakingUefiVars)); // the disk was made first
        QCOMPARE(libraryContents(), QStringList());
        QVERIFY(!m_library->find(u"efi"_s));
    }

    void aUsersDiskSurvivesEveryFailure()
    {
        const QString disk = userImage(u"precious.qcow2"_s, u"qcow2"_s);
        QVERIFY(!disk.isEmpty());
        const QByteArray before = hashOf(disk);
        VmCreator creator(m_library.get());

        // Failing after the disk was read: the UEFI variables cannot be made.
        qputenv("BERTH_OVMF_DIR", QFile::encodeName(brokenOvmf()));
        QVERIFY(!run(creator, vm(u"keeper"_s, Firmware::Uefi), existing(disk)));
        qunsetenv("BERTH_OVMF_DIR");
        QCOMPARE(hashOf(disk), before);
        QCOMPARE(libraryContents(), QStringList());

        // Failing at the last step: the name was taken while the disk was read.
        connect(&creator, &VmCreator::stepChanged, this, [&](VmCreator::Step s) {
            if (s != VmCreator::Step::Adding)
                return;
            VmDefinition rival = vm(u"keeper"_s);
            QVERIFY_OUTCOME(m_library->create(rival));
        });
        const Outcome<> late = run(creator, vm(u"keeper"_s), existing(disk));
        QVERIFY(!late);
        QVERIFY2(late.failure().message().contains("already exists"_L1),
                 qPrintable(late.failure().message()));
        QCOMPARE(hashOf(disk), before);
        QCOMPARE(libraryContents(), QStringList{u"keeper"_s}); // the rival's, untouched
        QVERIFY(m_library->find(u"keeper"_s)->definition.disks.isEmpty());

        // Refused before anything: a disk that is not there.
        const Outcome<> missing =
            run(creator, vm(u"other"_s), existing(m_dir.filePath(u"nowhere.img"_s)));
        QVERIFY(!missing);
        QVERIFY2(missing.failure().message().contains("does not exist"_L1),
                 qPrintable(missing.failure().message()));
        QCOMPARE(libraryContents(), QStringList{u"keeper"_s});
        QCOMPARE(hashOf(disk), before);
    }

    void cancelWhileTheDiskIsMadeLeavesNothing()
    {
        // A fully preallocated raw image: qemu-img writes 1 GiB of zeros.
        const DiskPlan big = [] {
            DiskPlan p = newDisk(1LL << 30, DiskPreallocation::Full);
            p.format = u"raw"_s;
            return p;
        }();
        VmCreator creator(m_library.get());
        QSignalSpy finished(&creator, &VmCreator::finished);
        creator.create(vm(u"abandoned"_s, Firmware::Uefi), big);
        QVERIFY(creator.isRunning());
        // Once qemu-img writes into the staging folder.
        QVERIFY(QTest::qWaitFor(
            [&] {
                const QStringList staged =
                    QDir(m_root).entryList(QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
                return staged.size() == 1 &&
                       !QDir(m_root + u'/' + staged.first())
                            .entryList(QDir::Files | QDir::Hidden) // qemu-img's file is hidden
                            .isEmpty();
            },
            kTimeoutMs));
        QCOMPARE(creator.step(), VmCreator::Step::MakingDisk);
        creator.cancel();
        QVERIFY(finished.wait(kTimeoutMs));
        const auto outcome = finished.at(0).at(0).value<Outcome<>>();
        QVERIFY(!outcome);
        QCOMPARE(outcome.failure().message(), u"Cancelled."_s);
        QVERIFY(!creator.isRunning());
        QCOMPARE(libraryContents(), QStringList());

        // A creator deleted while it works undoes the same, without a word.
        auto doomed = std::make_unique<VmCreator>(m_library.get());
        QSignalSpy never(doomed.get(), &VmCreator::finished);
        doomed->create(vm(u"doomed"_s), big);
        QVERIFY(QTest::qWaitFor([&] { return !libraryContents().isEmpty(); }, kTimeoutMs));
        doomed.reset();
        QCOMPARE(never.count(), 0);
        QCOMPARE(libraryContents(), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestVmCreator)
#include "tst_vmcreator.moc"
