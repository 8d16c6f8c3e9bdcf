// SPDX-License-Identifier: GPL-2.0-or-later
// `berth disk ...` through the real berth binary, checked with qemu-img run by the test:
// create, info, check, resize, convert with progress lines and Ctrl+C, and the refusal to
// touch a disk that a running VM (the tiny guest under TCG) uses, naming that VM.
#include "tests/models/disks/diskchecks.h"
#include "tests/support/berthrun.h"
#include "tests/support/testguest.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <csignal>

using namespace Qt::Literals::StringLiterals;
using namespace DiskChecks;

namespace {

constexpr qint64 kMiB = 1024 * 1024;

/// Appends one cluster to a 64 KiB-cluster qcow2 and counts it as used: qemu-img check then
/// reports one leaked cluster (allocated, referenced by nothing). The image must be small
/// enough for its first refcount block to cover the new cluster.
bool makeOneLeak(const QString &qcow2)
{
    QFile f(qcow2);
    if (!f.open(QIODevice::ReadWrite) || f.size() % 65536 != 0)
        return false;
    const qint64 cluster = f.size() / 65536;
    const auto u64At = [&f](qint64 at) {
        f.seek(at);
        return qFromBigEndian<quint64>(f.read(8).constData());
    };
    const quint64 refcountTable = u64At(48); // header: refcount_table_offset
    const quint64 refcountBlock = u64At(qint64(refcountTable));
    if (!f.resize(f.size() + 65536) || !f.seek(qint64(refcountBlock) + 2 * cluster))
        return false;
    return f.write(QByteArray("\x00\x01", 2)) == 2; // 16-bit refcounts
}

} // namespace

class TestDiskCli final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_runtime;
    QProcessEnvironment m_env;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    BerthRun berth(const QStringList &args, const QProcessEnvironment &env = {})
    {
        return BerthRun::run(QStringLiteral(BERTH_BINARY), args, env.isEmpty() ? m_env : env,
                             180'000);
    }

    /// One error line on stderr, containing @p text.
    static bool saysOnOneLine(const BerthRun &run, const char *text)
    {
        return run.err.count('\n') == 1 && run.err.startsWith("berth: ") && run.err.contains(text);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_runtime = path(u"run"_s);
        QVERIFY(QDir().mkpath(m_runtime));
        QFile::setPermissions(m_runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(u"BERTH_LIBRARY"_s, path(u"library"_s));
        m_env.insert(u"XDG_RUNTIME_DIR"_s, m_runtime);
        m_env.remove(u"DISPLAY"_s);
        m_env.remove(u"WAYLAND_DISPLAY"_s);
        m_env.remove(u"QT_QPA_PLATFORM"_s);
    }

    void cleanupTestCase()
    {
        berth({u"stop"_s, u"busy"_s, u"--force"_s, u"--timeout"_s, u"0"_s});
        TestGuest::killLeftoverQemus(m_runtime);
    }

    void createAndInfo()
    {
        const QString image = path(u"a.qcow2"_s);
        const BerthRun made = berth({u"disk"_s, u"create"_s, image, u"--size"_s, u"64M"_s});
        VERIFY_RUN(made, 0);
        QCOMPARE(made.out, "Created " + image.toLocal8Bit() + '\n');
        QCOMPARE(number(qemuImgInfo(image), "virtual-size"), 64 * kMiB);

        const BerthRun info = berth({u"disk"_s, u"info"_s, image, u"--json"_s});
        VERIFY_RUN(info, 0);
        const QJsonObject want = qemuImgInfo(image);
        QCOMPARE(info.object().value("format"_L1).toString(), u"qcow2"_s);
        QCOMPARE(info.object().value("virtual_size"_L1).toInteger(), 64 * kMiB);
        QCOMPARE(info.object().value("actual_size"_L1).toInteger(),
                 want.value("actual-size"_L1).toInteger());
        QVERIFY(info.object().value("backing"_L1).isNull());

        const BerthRun human = berth({u"disk"_s, u"info"_s, image});
        VERIFY_RUN(human, 0);
        QVERIFY2(human.out.contains("format:       qcow2\n"), human.out.constData());
        QVERIFY(human.out.contains("(67108864 bytes)"));

        // A linked clone: no size, the base's; its backing recorded absolute, with format.
        const QString clone = path(u"sub/clone.qcow2"_s);
        QVERIFY(QDir().mkpath(path(u"sub"_s)));
        const QString relativeBase = QDir(QDir::currentPath()).relativeFilePath(image);
        VERIFY_RUN(berth({u"disk"_s, u"create"_s, clone, u"--backing"_s, relativeBase}), 0);
        const QJsonObject cloneInfo = qemuImgInfo(clone);
        QCOMPARE(cloneInfo.value("backing-filename"_L1).toString(), image);
        QCOMPARE(cloneInfo.value("backing-filename-format"_L1).toString(), u"qcow2"_s);
        const BerthRun cloneJson = berth({u"disk"_s, u"info"_s, clone, u"--json"_s});
        QCOMPARE(cloneJson.object().value("backing"_L1).toString(), image);

        // Refusals: an existing file, bad values. Usage errors exit 2, refusals 1.
        const BerthRun again = berth({u"disk"_s, u"create"_s, image, u"--size"_s, u"1G"_s});
        VERIFY_RUN(again, 1);
        QVERIFY2(saysOnOneLine(again, "--overwrite"), again.err.constData());
        QCOMPARE(number(qemuImgInfo(image), "virtual-size"), 64 * kMiB);
        VERIFY_RUN(berth({u"disk"_s, u"create"_s, path(u"b.img"_s), u"--size"_s, u"lots"_s}), 2);
        VERIFY_RUN(berth({u"disk"_s, u"create"_s, path(u"b.img"_s)}), 2);
        VERIFY_RUN(berth({u"disk"_s, u"create"_s, path(u"b.img"_s), u"--size"_s, u"1M"_s,
                          u"--preallocation"_s, u"some"_s}),
                   2);
        VERIFY_RUN(berth({u"disk"_s, u"frob"_s, image}), 2);
        const BerthRun metadataRaw =
            berth({u"disk"_s, u"create"_s, path(u"b.img"_s), u"--size"_s, u"1M"_s, u"--format"_s,
                   u"raw"_s, u"--preallocation"_s, u"metadata"_s});
        VERIFY_RUN(metadataRaw, 1);
        QVERIFY(saysOnOneLine(metadataRaw, "only for qcow2"));
        QVERIFY(!QFileInfo::exists(path(u"b.img"_s)));

        VERIFY_RUN(berth({u"disk"_s, u"create"_s, path(u"full.img"_s), u"--size"_s, u"8M"_s,
                          u"--format"_s, u"raw"_s, u"--preallocation"_s, u"full"_s}),
                   0);
        QCOMPARE(number(qemuImgInfo(path(u"full.img"_s)), "actual-size"), 8 * kMiB);
    }

    void resize()
    {
        const QString q = path(u"r.qcow2"_s);
        const QString r = path(u"r.img"_s);
        VERIFY_RUN(berth({u"disk"_s, u"create"_s, q, u"--size"_s, u"32M"_s}), 0);
        VERIFY_RUN(
            berth({u"disk"_s, u"create"_s, r, u"--size"_s, u"32M"_s, u"--format"_s, u"raw"_s}), 0);
        VERIFY_RUN(berth({u"disk"_s, u"resize"_s, q, u"48M"_s}), 0);
        QCOMPARE(number(qemuImgInfo(q), "virtual-size"), 48 * kMiB);

        const BerthRun qcowShrink = berth({u"disk"_s, u"resize"_s, q, u"16M"_s, u"--shrink"_s});
        VERIFY_RUN(qcowShrink, 1);
        QVERIFY2(saysOnOneLine(qcowShrink, "only raw images can be shrunk"),
                 qcowShrink.err.constData());
        const BerthRun unconfirmed = berth({u"disk"_s, u"resize"_s, r, u"16M"_s});
        VERIFY_RUN(unconfirmed, 1);
        QVERIFY2(saysOnOneLine(unconfirmed, "Add --shrink to confirm."),
                 unconfirmed.err.constData());
        QCOMPARE(number(qemuImgInfo(r), "virtual-size"), 32 * kMiB);
        VERIFY_RUN(berth({u"disk"_s, u"resize"_s, r, u"16M"_s, u"--shrink"_s}), 0);
        QCOMPARE(number(qemuImgInfo(r), "virtual-size"), 16 * kMiB);
    }

    void convertWithProgress()
    {
        const QString src = path(u"src.img"_s);
        VERIFY_RUN(
            berth({u"disk"_s, u"create"_s, src, u"--size"_s, u"64M"_s, u"--format"_s, u"raw"_s}),
            0);
        QVERIFY(writePattern(src, u"raw"_s, 8 * kMiB, 24 * kMiB, "0x33"));
        const QString dst = path(u"dst.vhdx"_s);
        const BerthRun c = berth({u"disk"_s, u"convert"_s, src, dst, u"--format"_s, u"vhdx"_s});
        VERIFY_RUN(c, 0);
        QCOMPARE(qemuImgCompare(src, dst), 0);
        QCOMPARE(qemuImgInfo(dst).value("format"_L1).toString(), u"vhdx"_s);
        QList<int> percents;
        for (const QByteArray &line : c.err.split('\n')) {
            if (line.isEmpty())
                continue;
            QVERIFY2(line.endsWith('%'), line.constData());
            percents << line.chopped(1).toInt();
        }
        QVERIFY(!percents.isEmpty());
        QVERIFY(std::is_sorted(percents.begin(), percents.end()));
        QCOMPARE(percents.last(), 100);

        const BerthRun packed = berth({u"disk"_s, u"convert"_s, src, path(u"p.vdi"_s),
                                       u"--format"_s, u"vdi"_s, u"--compress"_s});
        VERIFY_RUN(packed, 1);
        QVERIFY(saysOnOneLine(packed, "cannot be compressed"));
        const BerthRun exists =
            berth({u"disk"_s, u"convert"_s, src, dst, u"--format"_s, u"vhdx"_s});
        VERIFY_RUN(exists, 1);
        QVERIFY(saysOnOneLine(exists, "--overwrite"));
        VERIFY_RUN(berth({u"disk"_s, u"convert"_s, src, dst, u"--format"_s, u"qcow2"_s,
                          u"--compress"_s, u"--overwrite"_s}),
                   0);
        QCOMPARE(qemuImgInfo(dst).value("format"_L1).toString(), u"qcow2"_s);
        QCOMPARE(qemuImgCompare(src, dst), 0);
    }

    void overwriteSyncsTheNewImageBeforeItsName()
    {
        // Issue 13 item 11: a power loss during convert --overwrite must leave the old image
        // or the whole new one. strace -y shows each fsync with the path of its descriptor:
        // the new (hidden, partial) file is synced before it is renamed over the target, and
        // the folder after, so the rename itself is on the disk before berth says it is done.
        if (QStandardPaths::findExecutable(u"strace"_s).isEmpty())
            QSKIP("strace is not installed (packaging/debian/build-deps.txt lists it)");
        const QString src = path(u"sync-src.img"_s);
        const QString dst = path(u"sync-dst.qcow2"_s);
        VERIFY_RUN(
            berth({u"disk"_s, u"create"_s, src, u"--size"_s, u"8M"_s, u"--format"_s, u"raw"_s}), 0);
        VERIFY_RUN(berth({u"disk"_s, u"create"_s, dst, u"--size"_s, u"4M"_s}), 0);
        const QString trace = path(u"convert.strace"_s);
        QProcess strace;
        strace.setProcessEnvironment(m_env);
        strace.start(u"strace"_s, {u"-f"_s, u"-y"_s, u"-o"_s, trace, u"-e"_s,
                                   u"trace=fsync,fdatasync,rename,renameat,renameat2"_s,
                                   QStringLiteral(BERTH_BINARY), u"disk"_s, u"convert"_s, src, dst,
                                   u"--format"_s, u"qcow2"_s, u"--overwrite"_s});
        QVERIFY(strace.waitForFinished(120'000));
        QCOMPARE(strace.exitCode(), 0);
        QFile log(trace);
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = log.readAll().split('\n');
        qsizetype fileSynced = -1, renamed = -1, folderSynced = -1;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QByteArray &l = lines.at(i);
            const bool sync = l.contains("fsync(") || l.contains("fdatasync(");
            if (sync && l.contains(".sync-dst.qcow2.berth-") && fileSynced < 0)
                fileSynced = i;
            else if (l.contains("rename") && l.contains(".sync-dst.qcow2.berth-") &&
                     l.contains(" = 0"))
                renamed = i;
            else if (sync && renamed >= 0 &&
                     l.contains(QByteArray(QFile::encodeName(m_dir.path()) + ">)")))
                folderSynced = i;
        }
        const QByteArray all = lines.join('\n');
        QVERIFY2(fileSynced >= 0 && renamed > fileSynced, all.constData());
        QVERIFY2(folderSynced > renamed, all.constData());
        QCOMPARE(qemuImgCompare(src, dst), 0);
    }

    void interruptLeavesNoDestination()
    {
        const QString big = path(u"big.img"_s);
        QVERIFY(makeSlowToConvert(big));
        const QStringList before = filesIn(m_dir.path());
        const QString dst = path(u"interrupted.qcow2"_s);

        QProcess p;
        p.setProcessEnvironment(m_env);
        p.start(QStringLiteral(BERTH_BINARY), {u"disk"_s, u"convert"_s, big, dst});
        QByteArray err;
        QVERIFY(QTest::qWaitFor(
            [&] {
                err += p.readAllStandardError();
                return err.contains('%') || p.state() == QProcess::NotRunning;
            },
            120'000));
        QVERIFY2(p.state() == QProcess::Running, err.constData()); // still converting
        ::kill(pid_t(p.processId()), SIGINT);                      // what Ctrl+C sends
        QVERIFY(p.waitForFinished(60'000));
        err += p.readAllStandardError();
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 128 + SIGINT);
        QVERIFY2(err.endsWith("berth: Cancelled.\n"), err.constData());
        QVERIFY(!err.contains("100%"));
        QVERIFY(!QFileInfo::exists(dst));
        QCOMPARE(filesIn(m_dir.path()), before);
        QFile::remove(big);
    }

    void check()
    {
        const QString image = path(u"leaky.qcow2"_s);
        VERIFY_RUN(berth({u"disk"_s, u"create"_s, image, u"--size"_s, u"16M"_s}), 0);
        QVERIFY(writePattern(image, u"qcow2"_s, 0, 65536, "0x11"));
        const BerthRun clean = berth({u"disk"_s, u"check"_s, image});
        VERIFY_RUN(clean, 0);
        QCOMPARE(clean.out, QByteArray("No errors were found.\n"));

        QVERIFY(makeOneLeak(image));
        QCOMPARE(tool(u"qemu-img"_s, {u"check"_s, u"-q"_s, image}), 3); // 3: leaks
        const BerthRun leaky = berth({u"disk"_s, u"check"_s, image});
        VERIFY_RUN(leaky, 1);
        QVERIFY2(saysOnOneLine(leaky, "Leaked clusters: 1."), leaky.err.constData());
        const BerthRun json = berth({u"disk"_s, u"check"_s, image, u"--json"_s});
        VERIFY_RUN(json, 1);
        QCOMPARE(json.object().value("leaks"_L1).toInteger(), 1);
        QCOMPARE(json.object().value("corruptions"_L1).toInteger(), 0);

        const BerthRun raw = berth({u"disk"_s, u"check"_s, path(u"r.img"_s), u"--json"_s});
        VERIFY_RUN(raw, 0);
        QCOMPARE(raw.object().value("supported"_L1).toBool(true), false);
    }

    void attachAndDetach()
    {
        // The window's Add Disk from the command line, through the same DiskAttachment.
        VERIFY_RUN(berth({u"create"_s, u"store"_s, u"--memory"_s, u"128"_s}), 0);
        const auto disks = [this] {
            const BerthRun st = berth({u"status"_s, u"store"_s, u"--json"_s});
            return st.object().value("disks"_L1).toArray();
        };
        QCOMPARE(disks().size(), 0);

        const QString data = path(u"data.qcow2"_s);
        const BerthRun made = berth({u"disk"_s, u"create"_s, data, u"--size"_s, u"8M"_s,
                                     u"--attach"_s, u"store"_s, u"--bus"_s, u"sata"_s});
        VERIFY_RUN(made, 0);
        QVERIFY2(made.out.contains("attached it to store (sata)"), made.out.constData());
        QCOMPARE(disks().size(), 1);
        QCOMPARE(disks().at(0).toObject().value("bus"_L1).toString(), u"sata"_s);

        const QString raw = path(u"brought.img"_s);
        VERIFY_RUN(
            berth({u"disk"_s, u"create"_s, raw, u"--size"_s, u"4M"_s, u"--format"_s, u"raw"_s}), 0);
        const BerthRun attached = berth({u"disk"_s, u"attach"_s, u"store"_s, raw, u"--json"_s});
        VERIFY_RUN(attached, 0);
        QCOMPARE(attached.object().value("disks"_L1).toArray().size(), 2);
        QCOMPARE(disks().at(1).toObject().value("format"_L1).toString(), u"raw"_s);
        QCOMPARE(disks().at(1).toObject().value("bus"_L1).toString(), u"virtio"_s);

        // Refusals change nothing.
        const BerthRun twice = berth({u"disk"_s, u"attach"_s, u"store"_s, raw});
        VERIFY_RUN(twice, 1);
        QVERIFY2(saysOnOneLine(twice, "uses this image already"), twice.err.constData());
        const BerthRun badBus =
            berth({u"disk"_s, u"attach"_s, u"store"_s, data, u"--bus"_s, u"floppy"_s});
        VERIFY_RUN(badBus, 1);
        QVERIFY2(saysOnOneLine(badBus, "floppy"), badBus.err.constData());
        const BerthRun missing =
            berth({u"disk"_s, u"attach"_s, u"store"_s, path(u"missing.qcow2"_s)});
        VERIFY_RUN(missing, 1);
        const BerthRun nobody = berth({u"disk"_s, u"attach"_s, u"nobody"_s, raw});
        VERIFY_RUN(nobody, 1);
        QVERIFY2(saysOnOneLine(nobody, "nobody"), nobody.err.constData());
        const BerthRun noImage = berth({u"disk"_s, u"create"_s, path(u"never.qcow2"_s), u"--size"_s,
                                        u"8M"_s, u"--attach"_s, u"nobody"_s});
        VERIFY_RUN(noImage, 1);
        QVERIFY(!QFileInfo::exists(path(u"never.qcow2"_s))); // asked before it was made
        VERIFY_RUN(berth({u"disk"_s, u"info"_s, raw, u"--bus"_s, u"sata"_s}), 2);
        QCOMPARE(disks().size(), 2);

        // Detaching keeps the image, and deleting the VM then leaves it alone.
        const BerthRun detached = berth({u"disk"_s, u"detach"_s, u"store"_s, raw});
        VERIFY_RUN(detached, 0);
        QVERIFY2(detached.out.contains("the image is kept"), detached.out.constData());
        QCOMPARE(disks().size(), 1);
        QVERIFY(QFileInfo::exists(raw));
        VERIFY_RUN(berth({u"disk"_s, u"detach"_s, u"store"_s, raw}), 1);
        VERIFY_RUN(berth({u"delete"_s, u"store"_s}), 0);
        QVERIFY(QFileInfo::exists(raw));
    }

    void refusesADiskARunningVmUses()
    {
        QVERIFY2(TestGuest::isAvailable(), "the test guest is not built (BERTH_TEST_GUEST_DIR; run "
                                           "through ctest, whose fixture builds it)");
        const QString disk = path(u"busy.qcow2"_s);
        VERIFY_RUN(berth({u"disk"_s, u"create"_s, disk, u"--size"_s, u"32M"_s}), 0);
        const QString g = TestGuest::directory();
        VERIFY_RUN(berth({u"create"_s, u"busy"_s, u"--disk"_s, disk, u"--memory"_s, u"256"_s,
                          u"--accel"_s, u"tcg"_s, u"--kernel"_s, g + u"/vmlinuz"_s, u"--initrd"_s,
                          g + u"/initrd.img"_s, u"--append"_s, u"console=ttyS0 quiet"_s}),
                   0);
        VERIFY_RUN(berth({u"start"_s, u"busy"_s}), 0);

        const BerthRun grow = berth({u"disk"_s, u"resize"_s, disk, u"64M"_s});
        VERIFY_RUN(grow, 1);
        QVERIFY2(saysOnOneLine(grow, "The VM \"busy\" is running with"), grow.err.constData());
        QCOMPARE(number(qemuImgInfo(disk), "virtual-size"), 32 * kMiB);
        const BerthRun over =
            berth({u"disk"_s, u"convert"_s, path(u"src.img"_s), disk, u"--overwrite"_s});
        VERIFY_RUN(over, 1);
        QVERIFY2(saysOnOneLine(over, "\"busy\""), over.err.constData());
        const BerthRun copy = berth({u"disk"_s, u"convert"_s, disk, path(u"copy.qcow2"_s)});
        VERIFY_RUN(copy, 1);
        QVERIFY2(saysOnOneLine(copy, "\"busy\""), copy.err.constData());
        QVERIFY(!QFileInfo::exists(path(u"copy.qcow2"_s)));
        VERIFY_RUN(berth({u"disk"_s, u"check"_s, disk}), 1);
        const BerthRun clone =
            berth({u"disk"_s, u"create"_s, path(u"busy-clone.qcow2"_s), u"--backing"_s, disk});
        VERIFY_RUN(clone, 1);
        QVERIFY2(saysOnOneLine(clone, "\"busy\""), clone.err.constData());
        QVERIFY(!QFileInfo::exists(path(u"busy-clone.qcow2"_s)));
        const BerthRun info = berth({u"disk"_s, u"info"_s, disk, u"--json"_s});
        VERIFY_RUN(info, 0);
        QCOMPARE(info.object().value("in_use"_L1).toBool(), true);
        // Its disks are not changed while it runs.
        const BerthRun attach = berth({u"disk"_s, u"attach"_s, u"busy"_s, path(u"src.img"_s)});
        VERIFY_RUN(attach, 1);
        QVERIFY2(saysOnOneLine(attach, "is running"), attach.err.constData());
        VERIFY_RUN(berth({u"disk"_s, u"detach"_s, u"busy"_s, disk}), 1);

        // A library that does not know the VM: QEMU's own image lock still refuses.
        QProcessEnvironment other = m_env;
        other.insert(u"BERTH_LIBRARY"_s, path(u"other-library"_s));
        const BerthRun locked = berth({u"disk"_s, u"resize"_s, disk, u"64M"_s}, other);
        VERIFY_RUN(locked, 1);
        QVERIFY2(saysOnOneLine(locked, "is in use by another program"), locked.err.constData());
        QCOMPARE(number(qemuImgInfo(disk), "virtual-size"), 32 * kMiB);
        // Replacing it would not take the file from that QEMU: refused on the lock too.
        const BerthRun replace =
            berth({u"disk"_s, u"convert"_s, path(u"src.img"_s), disk, u"--overwrite"_s}, other);
        VERIFY_RUN(replace, 1);
        QVERIFY2(saysOnOneLine(replace, "is in use by another program"), replace.err.constData());
        QCOMPARE(qemuImgInfo(disk).value("format"_L1).toString(), u"qcow2"_s);
        QCOMPARE(filesIn(m_dir.path()).filter(u".partial"_s), QStringList());

        VERIFY_RUN(berth({u"stop"_s, u"busy"_s, u"--force"_s, u"--timeout"_s, u"0"_s}), 0);
        VERIFY_RUN(berth({u"disk"_s, u"resize"_s, disk, u"64M"_s}), 0);
        QCOMPARE(number(qemuImgInfo(disk), "virtual-size"), 64 * kMiB);
    }

private:
    static qint64 number(const QJsonObject &o, const char *key)
    {
        return o.value(QLatin1StringView(key)).toInteger(-1);
    }
};

QTEST_GUILESS_MAIN(TestDiskCli)
#include "tst_disk_cli.moc"
