// SPDX-License-Identifier: GPL-2.0-or-later
// DiskImageJob against the real qemu-img. Every result is checked with qemu-img itself
// (info, check, compare, run by the test), never with Berth's own parser.
#include "models/disks/diskimagejob.h"
#include "models/vm/vmlibrary.h"
#include "tests/models/disks/diskchecks.h"
#include "tests/support/verifyoutcome.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace DiskChecks;

namespace {

constexpr qint64 kMiB = 1024 * 1024;

qint64 number(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1StringView(key)).toInteger(-1);
}

QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestDiskImages final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<VmLibrary> m_library;
    QString m_source; ///< raw, 64 MiB: 16 MiB of 0x55 at 0, 8 MiB of 0xaa at 40 MiB, holes

    QString path(const QString &name) const { return m_dir.filePath(name); }

    /// A job that consults the test's own (empty) VM library.
    std::unique_ptr<DiskImageJob> job()
    {
        auto j = std::make_unique<DiskImageJob>();
        j->setLibrary(m_library.get());
        return j;
    }

    QString create(DiskCreateRequest r)
    {
        auto j = job();
        return wait(*j, [&] { j->create(r); });
    }

    QString convert(const QString &from, const QString &to, const QString &format,
                    bool compress = false, QList<double> *progress = nullptr)
    {
        auto j = job();
        QList<double> seen;
        connect(j.get(), &DiskImageJob::progress, this, [&seen](double p) { seen << p; });
        DiskConvertRequest r;
        r.source = from;
        r.destination = to;
        r.format = format;
        r.compress = compress;
        const QString error = wait(*j, [&] { j->convert(r); });
        if (progress)
            *progress = seen;
        return error;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!QStandardPaths::findExecutable(u"qemu-img"_s).isEmpty(), "qemu-img is missing");
        QVERIFY2(!QStandardPaths::findExecutable(u"qemu-io"_s).isEmpty(), "qemu-io is missing");
        QVERIFY(m_dir.isValid());
        m_library = std::make_unique<VmLibrary>(path(u"library"_s));
        QVERIFY_OUTCOME(m_library->reload());
        m_source = path(u"source.raw"_s);
        QCOMPARE(tool(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"raw"_s, m_source, u"64M"_s}),
                 0);
        QVERIFY(writePattern(m_source, u"raw"_s, 0, 16 * kMiB, "0x55"));
        QVERIFY(writePattern(m_source, u"raw"_s, 40 * kMiB, 8 * kMiB, "0xaa"));
    }

    void createsWithEachPreallocation_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("mode");
        for (const char *mode : {"off", "metadata", "falloc", "full"})
            QTest::addRow("qcow2 %s", mode) << u"qcow2"_s << QString::fromLatin1(mode);
        for (const char *mode : {"off", "falloc", "full"})
            QTest::addRow("raw %s", mode) << u"raw"_s << QString::fromLatin1(mode);
    }

    void createsWithEachPreallocation()
    {
        QFETCH(QString, format);
        QFETCH(QString, mode);
        DiskCreateRequest r;
        r.path = path(u"prealloc-%1.%2"_s.arg(mode, format));
        r.format = format;
        r.sizeBytes = 32 * kMiB;
        r.preallocation = *DiskImageJob::preallocationFromName(mode);
        QCOMPARE(create(r), QString());

        const QJsonObject info = qemuImgInfo(r.path);
        QCOMPARE(info.value("format"_L1).toString(), format);
        QCOMPARE(number(info, "virtual-size"), 32 * kMiB);
        const qint64 allocated = number(info, "actual-size");
        if (mode == "falloc"_L1 || mode == "full"_L1)
            QVERIFY2(allocated >= 32 * kMiB, qPrintable(QString::number(allocated)));
        else
            QVERIFY2(allocated < 4 * kMiB, qPrintable(QString::number(allocated)));
        if (format == "qcow2"_L1)
            QCOMPARE(tool(u"qemu-img"_s, {u"check"_s, u"-q"_s, r.path}), 0);
    }

    void linkedClone()
    {
        const QString base = path(u"base.qcow2"_s);
        QCOMPARE(convert(m_source, base, u"qcow2"_s), QString());

        DiskCreateRequest r;
        r.path = path(u"clone.qcow2"_s);
        r.backingFile = base; // no size: the base's
        QCOMPARE(create(r), QString());
        QJsonObject info = qemuImgInfo(r.path);
        QCOMPARE(info.value("backing-filename"_L1).toString(), base);
        QCOMPARE(info.value("backing-filename-format"_L1).toString(), u"qcow2"_s);
        QCOMPARE(number(info, "virtual-size"), 64 * kMiB);
        QCOMPARE(qemuImgCompare(base, r.path), 0);

        // A raw base is recorded as raw (-F raw), never left to probing.
        r.path = path(u"clone-of-raw.qcow2"_s);
        r.backingFile = m_source;
        r.sizeBytes = 128 * kMiB;
        QCOMPARE(create(r), QString());
        info = qemuImgInfo(r.path);
        QCOMPARE(info.value("backing-filename-format"_L1).toString(), u"raw"_s);
        QCOMPARE(number(info, "virtual-size"), 128 * kMiB);
    }

    void infoMatchesQemuImg()
    {
        const QString clone = path(u"info-clone.qcow2"_s);
        QCOMPARE(tool(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, u"-b"_s, m_source,
                                      u"-F"_s, u"raw"_s, clone}),
                 0);
        auto j = job();
        QCOMPARE(wait(*j, [&] { j->info(clone); }), QString());
        const DiskImageInfo &got = j->imageInfo();
        const QJsonObject want = qemuImgInfo(clone);
        QCOMPARE(got.format, u"qcow2"_s);
        QCOMPARE(got.virtualSize, number(want, "virtual-size"));
        QCOMPARE(got.actualSize, number(want, "actual-size"));
        QCOMPARE(got.backingFile, m_source);
        QCOMPARE(got.backingFormat, u"raw"_s);
        QCOMPARE(got.chainActualSize,
                 got.actualSize + number(qemuImgInfo(m_source), "actual-size"));
        QVERIFY(!got.dirty && !got.inUseByAnotherProcess);

        QVERIFY(wait(*j, [&] { j->info(path(u"missing.qcow2"_s)); }).contains("does not exist"_L1));
        // Not an image: qemu-img reads any file as raw, so that is what it says.
        QFile text(path(u"notes.txt"_s));
        QVERIFY(text.open(QIODevice::WriteOnly) && text.write("hello") == 5);
        text.close();
        QCOMPARE(wait(*j, [&] { j->info(text.fileName()); }), QString());
        QCOMPARE(j->imageInfo().format, u"raw"_s);
    }

    void resize()
    {
        const QString q = path(u"resize.qcow2"_s);
        const QString r = path(u"resize.raw"_s);
        QCOMPARE(tool(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, q, u"64M"_s}), 0);
        QCOMPARE(tool(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"raw"_s, r, u"64M"_s}), 0);
        auto j = job();

        QCOMPARE(wait(*j, [&] { j->resize(q, 96 * kMiB); }), QString());
        QCOMPARE(number(qemuImgInfo(q), "virtual-size"), 96 * kMiB);

        QString error = wait(*j, [&] { j->resize(q, 32 * kMiB, true); });
        QVERIFY2(error.contains("does not shrink"_L1), qPrintable(error));
        QVERIFY(!j->needsShrinkConfirmation());
        QCOMPARE(number(qemuImgInfo(q), "virtual-size"), 96 * kMiB);

        error = wait(*j, [&] { j->resize(r, 32 * kMiB); });
        QVERIFY2(error.contains("confirm the shrink"_L1), qPrintable(error));
        QVERIFY(j->needsShrinkConfirmation());
        QCOMPARE(number(qemuImgInfo(r), "virtual-size"), 64 * kMiB);

        QCOMPARE(wait(*j, [&] { j->resize(r, 32 * kMiB, true); }), QString());
        QCOMPARE(number(qemuImgInfo(r), "virtual-size"), 32 * kMiB);
        QCOMPARE(QFileInfo(r).size(), 32 * kMiB);
    }

    void convertChain()
    {
        const QString q = path(u"chain.qcow2"_s);
        const QString v = path(u"chain.vmdk"_s);
        const QString back = path(u"chain.raw"_s);
        QList<double> progress;
        QCOMPARE(convert(m_source, q, u"qcow2"_s, false, &progress), QString());
        QVERIFY(!progress.isEmpty());
        QVERIFY(std::is_sorted(progress.begin(), progress.end()));
        QCOMPARE(progress.last(), 100.0);
        QCOMPARE(convert(q, v, u"vmdk"_s), QString());
        QCOMPARE(convert(v, back, u"raw"_s), QString());
        QCOMPARE(qemuImgInfo(q).value("format"_L1).toString(), u"qcow2"_s);
        QCOMPARE(qemuImgInfo(v).value("format"_L1).toString(), u"vmdk"_s);
        QCOMPARE(qemuImgInfo(back).value("format"_L1).toString(), u"raw"_s);
        QCOMPARE(qemuImgCompare(m_source, back), 0);
        QCOMPARE(tool(u"qemu-img"_s, {u"check"_s, u"-q"_s, q}), 0);
    }

    void vdiAndVhdx()
    {
        for (const QString &format : {u"vdi"_s, u"vhdx"_s}) {
            const QString out = path(u"copy."_s + format);
            QCOMPARE(convert(m_source, out, format), QString());
            QCOMPARE(qemuImgInfo(out).value("format"_L1).toString(), format);
            QCOMPARE(qemuImgCompare(m_source, out), 0);
            QCOMPARE(tool(u"qemu-img"_s, {u"check"_s, u"-q"_s, out}), 0);
        }
    }

    void compression()
    {
        const QString plain = path(u"plain.qcow2"_s);
        const QString packed = path(u"packed.qcow2"_s);
        QCOMPARE(convert(m_source, plain, u"qcow2"_s), QString());
        QCOMPARE(convert(m_source, packed, u"qcow2"_s, true), QString());
        QCOMPARE(qemuImgCompare(m_source, packed), 0);
        QByteArray out;
        QCOMPARE(tool(u"qemu-img"_s, {u"check"_s, u"--output=json"_s, packed}, &out), 0);
        QVERIFY(number(QJsonDocument::fromJson(out).object(), "compressed-clusters") > 0);
        QVERIFY(QFileInfo(packed).size() * 4 < QFileInfo(plain).size());

        const QString vmdk = path(u"packed.vmdk"_s);
        QCOMPARE(convert(m_source, vmdk, u"vmdk"_s, true), QString());
        const QJsonObject data =
            qemuImgInfo(vmdk).value("format-specific"_L1).toObject().value("data"_L1).toObject();
        QCOMPARE(data.value("create-type"_L1).toString(), u"streamOptimized"_s);
        QVERIFY(
            data.value("extents"_L1).toArray().first().toObject().value("compressed"_L1).toBool());
        QCOMPARE(qemuImgCompare(m_source, vmdk), 0);

        for (const QString &format : {u"raw"_s, u"vdi"_s, u"vhdx"_s}) {
            const QString refused = path(u"packed-refused."_s + format);
            const QString error = convert(m_source, refused, format, true);
            QVERIFY2(error.contains("cannot be compressed"_L1), qPrintable(error));
            QVERIFY(!QFileInfo::exists(refused));
        }
    }

    void cancelMidConvertLeavesNothing()
    {
        const QString big = path(u"big.raw"_s);
        QVERIFY(makeSlowToConvert(big));
        const QStringList before = filesIn(m_dir.path());

        const QString out = path(u"cancelled.qcow2"_s);
        auto j = job();
        double cancelledAt = -1;
        connect(j.get(), &DiskImageJob::progress, this, [&](double p) {
            if (cancelledAt < 0 && p > 0) {
                cancelledAt = p;
                j->cancel();
            }
        });
        DiskConvertRequest r{big, out, u"qcow2"_s, false, false};
        QCOMPARE(wait(*j, [&] { j->convert(r); }), u"Cancelled."_s);
        QVERIFY(j->wasCancelled());
        QVERIFY2(cancelledAt > 0 && cancelledAt < 100, qPrintable(QString::number(cancelledAt)));
        QVERIFY(!QFileInfo::exists(out));
        QCOMPARE(filesIn(m_dir.path()), before);

        // Replacing an existing file and cancelling keeps the old file as it was.
        const QString keep = path(u"keep.qcow2"_s);
        QCOMPARE(convert(m_source, keep, u"qcow2"_s), QString());
        const QByteArray old = contents(keep);
        const QStringList withKeep = filesIn(m_dir.path());
        cancelledAt = -1;
        r = {big, keep, u"qcow2"_s, false, true};
        QCOMPARE(wait(*j, [&] { j->convert(r); }), u"Cancelled."_s);
        QCOMPARE(contents(keep), old);
        QCOMPARE(filesIn(m_dir.path()), withKeep);
        QFile::remove(big);
    }

    void cancelCreateLeavesNothing()
    {
        const QStringList before = filesIn(m_dir.path());
        auto j = job();
        DiskCreateRequest r;
        r.path = path(u"cancelled-full.img"_s);
        r.format = u"raw"_s;
        r.sizeBytes = 1024 * kMiB;
        r.preallocation = DiskPreallocation::Full; // qemu-img writes 1 GiB of zeros
        // Cancelled before it starts: nothing is made at all.
        j->create(r);
        j->cancel();
        QCOMPARE(wait(*j, [] {}), u"Cancelled."_s);
        QCOMPARE(filesIn(m_dir.path()), before);
        // Cancelled while qemu-img writes: the file it claimed goes.
        QCOMPARE(wait(*j,
                      [&] {
                          j->create(r);
                          // qemu-img writes a hidden file beside the target until it is done.
                          QVERIFY(QTest::qWaitFor([&] {
                              return !QDir(m_dir.path())
                                          .entryList({u".cancelled-full.img.berth-*.partial"_s},
                                                     QDir::Files | QDir::Hidden)
                                          .isEmpty();
                          }));
                          QVERIFY(!QFileInfo::exists(r.path));
                          j->cancel();
                      }),
                 u"Cancelled."_s);
        QCOMPARE(filesIn(m_dir.path()), before);
    }

    void existingDestinationRefused()
    {
        const QString existing = path(u"existing.img"_s);
        QFile f(existing);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write("precious") == 8);
        f.close();
        const QStringList before = filesIn(m_dir.path());

        DiskCreateRequest c;
        c.path = existing;
        c.sizeBytes = kMiB;
        QVERIFY(create(c).contains("exists already"_L1));
        QVERIFY(convert(m_source, existing, u"raw"_s).contains("exists already"_L1));
        QCOMPARE(contents(existing), QByteArray("precious"));
        QCOMPARE(filesIn(m_dir.path()), before);

        // Allowed when asked: replaced, and nothing temporary is left beside it.
        auto j = job();
        DiskConvertRequest r{m_source, existing, u"raw"_s, false, true};
        QCOMPARE(wait(*j, [&] { j->convert(r); }), QString());
        QCOMPARE(qemuImgCompare(m_source, existing), 0);
        QCOMPARE(filesIn(m_dir.path()), before);
    }

    void failedCreateLeavesNothing()
    {
        // qemu-img itself refuses this size for qcow2: the file Berth claimed must go.
        DiskCreateRequest r;
        r.path = path(u"too-big.qcow2"_s);
        r.sizeBytes = qint64(1) << 62;
        const QString error = create(r);
        QVERIFY(!error.isEmpty());
        QVERIFY2(!error.contains("qemu-img:"_L1), qPrintable(error));
        QVERIFY(!QFileInfo::exists(r.path));
    }

    void freeSpaceRefused()
    {
        const QStorageInfo storage(m_dir.path());
        DiskCreateRequest r;
        r.path = path(u"huge.img"_s);
        r.format = u"raw"_s;
        r.sizeBytes = storage.bytesAvailable() + 64 * 1024 * kMiB;
        r.preallocation = DiskPreallocation::Falloc;
        const QString error = create(r);
        QVERIFY2(error.contains(QLocale().formattedDataSize(r.sizeBytes)), qPrintable(error));
        QVERIFY2(error.contains("are free"_L1), qPrintable(error));
        QVERIFY(!QFileInfo::exists(r.path));
        // Sparse: nothing is reserved, so nothing is checked.
        r.preallocation = DiskPreallocation::Off;
        QCOMPARE(create(r), QString());
        QFile::remove(r.path);
    }

    void freeSpaceRefusedForConvert()
    {
        // A 16 MiB tmpfs cannot take the 24 MiB of data in the source.
        QTemporaryDir mount;
        if (tool(u"mount"_s,
                 {u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size=16m"_s, u"tmpfs"_s, mount.path()}) != 0)
            QSKIP("cannot mount a small tmpfs here (needs root)");
        const QString out = mount.filePath(u"copy.qcow2"_s);
        const QString free =
            QLocale().formattedDataSize(QStorageInfo(mount.path()).bytesAvailable());
        const QString error = convert(m_source, out, u"qcow2"_s);
        const bool left = QFileInfo::exists(out);
        QCOMPARE(tool(u"umount"_s, {mount.path()}), 0);
        QVERIFY2(error.contains("are free"_L1) && error.contains(free), qPrintable(error));
        QVERIFY(!left);
    }
};

QTEST_GUILESS_MAIN(TestDiskImages)
#include "tst_diskimages.moc"
