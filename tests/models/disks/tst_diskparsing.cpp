// SPDX-License-Identifier: GPL-2.0-or-later
// What Berth reads from qemu-img's output, without running it: info and check JSON (as
// qemu-img 7.2 prints it), -p progress in any chunking, errors in words, and the
// synchronous checks a form runs as the user types.
#include "models/common/qemuimgoutput.h"
#include "models/disks/diskcheckreport.h"
#include "models/disks/diskimageinfo.h"
#include "models/disks/diskimagejob.h"

#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

// `qemu-img info --output=json --backing-chain clone.qcow2` on qemu-img 7.2.
const QByteArray kChain = R"([
    {
        "backing-filename-format": "qcow2",
        "virtual-size": 268435456,
        "filename": "clone.qcow2",
        "cluster-size": 65536,
        "format": "qcow2",
        "actual-size": 200704,
        "format-specific": {"type": "qcow2", "data": {"compat": "1.1", "corrupt": false}},
        "full-backing-filename": "/tmp/dsk/d.qcow2",
        "backing-filename": "d.qcow2",
        "dirty-flag": false
    },
    {
        "snapshots": [{"name": "s1", "id": "1", "vm-state-size": 0}],
        "virtual-size": 268435456,
        "filename": "/tmp/dsk/d.qcow2",
        "cluster-size": 65536,
        "format": "qcow2",
        "actual-size": 67375104,
        "format-specific": {"type": "qcow2", "data": {"compat": "1.1", "corrupt": true}},
        "dirty-flag": true
    }
])";

} // namespace

class TestDiskParsing final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void infoOfABackingChain()
    {
        QString error;
        const auto info = DiskImageInfo::fromJson(kChain, &error);
        QVERIFY2(info, qPrintable(error));
        QCOMPARE(info->format, u"qcow2"_s);
        QCOMPARE(info->virtualSize, 268435456);
        QCOMPARE(info->actualSize, 200704);
        QCOMPARE(info->chainActualSize, 200704 + 67375104);
        QCOMPARE(info->backingFile, u"d.qcow2"_s);
        QCOMPARE(info->fullBackingFile, u"/tmp/dsk/d.qcow2"_s);
        QCOMPARE(info->backingFormat, u"qcow2"_s);
        QVERIFY(!info->dirty); // the base's flags are the base's
        QVERIFY(!info->corrupt);
        QCOMPARE(info->snapshotCount, 0);

        const QJsonObject json = info->toJson();
        QCOMPARE(json.value("virtual_size"_L1).toInteger(), 268435456);
        QCOMPARE(json.value("actual_size"_L1).toInteger(), 200704);
        QCOMPARE(json.value("backing"_L1).toString(), u"d.qcow2"_s);
        QCOMPARE(json.value("format"_L1).toString(), u"qcow2"_s);
    }

    void infoOfOneImage()
    {
        const QByteArray raw = R"({"virtual-size": 5497558138880, "filename": "a.raw",
            "format": "raw", "actual-size": 67108864, "dirty-flag": true})";
        const auto info = DiskImageInfo::fromJson(raw, nullptr);
        QVERIFY(info);
        QCOMPARE(info->virtualSize, 5497558138880); // 5 TiB, beyond 32 bits
        QCOMPARE(info->chainActualSize, 67108864);
        QVERIFY(info->dirty);
        QVERIFY(!info->hasBacking());
        QVERIFY(info->toJson().value("backing"_L1).isNull());
        QVERIFY(info->toJson().value("cluster_size"_L1).isNull());
    }

    void infoRefusesWhatIsNotAnImage_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("garbage") << QByteArray("qemu-img: oops");
        QTest::newRow("empty array") << QByteArray("[]");
        QTest::newRow("no format") << QByteArray(R"({"virtual-size": 1})");
        QTest::newRow("array of numbers") << QByteArray("[1, 2]");
    }

    void infoRefusesWhatIsNotAnImage()
    {
        QFETCH(QByteArray, json);
        QString error;
        QVERIFY(!DiskImageInfo::fromJson(json, &error));
        QVERIFY(!error.isEmpty());
    }

    void checkReports()
    {
        const QByteArray leaks = R"({"image-end-offset": 67436544, "total-clusters": 4096,
            "check-errors": 0, "leaks": 3, "allocated-clusters": 1024, "filename": "d.qcow2",
            "format": "qcow2"})";
        auto report = DiskCheckReport::fromJson(leaks, nullptr);
        QVERIFY(report);
        QCOMPARE(report->leaks, 3);
        QVERIFY(!report->isClean());
        QVERIFY2(report->summary().contains("Leaked clusters: 3."_L1),
                 qPrintable(report->summary()));
        QVERIFY(!report->summary().contains("corrupt"_L1));
        QCOMPARE(report->toJson().value("leaks"_L1).toInteger(), 3);
        QCOMPARE(report->toJson().value("clean"_L1).toBool(), false);

        report = DiskCheckReport::fromJson(R"({"check-errors": 0, "corruptions": 1,
            "format": "qcow2"})",
                                           nullptr);
        QVERIFY(report);
        QVERIFY(report->summary().contains("Corruptions: 1."_L1));

        report = DiskCheckReport::fromJson(R"({"check-errors": 0, "format": "qcow2"})", nullptr);
        QVERIFY(report && report->isClean());
        QCOMPARE(report->summary(), u"No errors were found."_s);

        QVERIFY(!DiskCheckReport::fromJson("{}", nullptr));
        QVERIFY(DiskCheckReport::unsupported(u"raw"_s).summary().startsWith("raw images"_L1));
    }

    void progressInAnyChunking()
    {
        const QByteArray stream = "    (0.00/100%)\r    (3.12/100%)\r    (6.25/100%)\r"
                                  "    (50.00/100%)\r    (100.00/100%)\r";
        for (qsizetype chunk : {qsizetype(1), qsizetype(5), qsizetype(17), stream.size()}) {
            QemuImgProgress progress;
            QList<double> seen;
            for (qsizetype i = 0; i < stream.size(); i += chunk) {
                if (progress.feed(stream.mid(i, chunk)))
                    seen << progress.percent();
            }
            QVERIFY(!seen.isEmpty());
            QCOMPARE(seen.last(), 100.0);
            QVERIFY(std::is_sorted(seen.begin(), seen.end()));
            if (chunk == 1)
                QCOMPARE(seen, (QList<double>{3.12, 6.25, 50.0, 100.0}));
        }
    }

    void progressNeverGoesBack()
    {
        QemuImgProgress progress;
        QVERIFY(progress.feed("(40.00/100%)\r"));
        QVERIFY(!progress.feed("(20.00/100%)\r"));
        QCOMPARE(progress.percent(), 40.0);
        QVERIFY(!progress.feed("(41.00/100%)")); // incomplete: waits for its \r
        QVERIFY(progress.feed("\r"));
        QCOMPARE(progress.percent(), 41.0);
        QVERIFY(!progress.feed(QByteArray(10000, 'x'))); // noise is dropped, not hoarded
        QVERIFY(progress.feed("\n(99.5/100%)\n"));
        QCOMPARE(progress.percent(), 99.5);
    }

    void errorsInWords()
    {
        const QByteArray lock = "qemu-img: Could not open 'd.qcow2': Failed to get \"write\" "
                                "lock\nIs another process using the image [d.qcow2]?\n";
        QVERIFY(QemuImgError::isLockFailure(lock));
        QVERIFY(QemuImgError::isLockFailure("Failed to get shared \"write\" lock"));
        QString text = QemuImgError::explain(lock, u"/x/d.qcow2"_s, 1);
        QVERIFY2(text.startsWith("/x/d.qcow2 is in use by another program"_L1), qPrintable(text));
        QVERIFY(!text.contains("qemu-img:"_L1));

        text = QemuImgError::explain("qemu-img: a.qcow2: Image is not in qcow2 format\n"
                                     "qemu-img: second line\n",
                                     u"a"_s, 1);
        QCOMPARE(text, u"a.qcow2: Image is not in qcow2 format second line."_s);
        QCOMPARE(QemuImgError::explain({}, u"/a"_s, 7), u"qemu-img failed (exit code 7) on /a."_s);
        QVERIFY(QemuImgError::explain("error: No space left on device", u"/a"_s, 1)
                    .contains("is full"_L1));
        QVERIFY(
            QemuImgError::explain("qemu-img: Can't resize an image which has snapshots", u"/a"_s, 1)
                .contains("Delete the snapshots"_L1));
    }

    void formChecks()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString existing = dir.filePath(u"old.qcow2"_s);
        QFile f(existing);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();

        QVERIFY(DiskImageJob::destinationProblem(dir.filePath(u"new.qcow2"_s), false).isEmpty());
        QVERIFY(DiskImageJob::destinationProblem(existing, false).contains("exists already"_L1));
        QVERIFY(DiskImageJob::destinationProblem(existing, true).isEmpty());
        QVERIFY(!DiskImageJob::destinationProblem(dir.path(), true).isEmpty());
        QVERIFY(!DiskImageJob::destinationProblem(u""_s, false).isEmpty());
        QVERIFY(DiskImageJob::destinationProblem(dir.filePath(u"no/such/x.img"_s), false)
                    .contains("does not exist"_L1));

        DiskCreateRequest c;
        c.path = dir.filePath(u"new.img"_s);
        c.sizeBytes = 1 << 20;
        QVERIFY(DiskImageJob::createProblem(c).isEmpty());
        c.format = u"raw"_s;
        c.preallocation = DiskPreallocation::Metadata;
        QVERIFY(DiskImageJob::createProblem(c).contains("only for qcow2"_L1));
        c.preallocation = DiskPreallocation::Off;
        c.backingFile = existing;
        QVERIFY(DiskImageJob::createProblem(c).contains("must be a qcow2"_L1));
        c.format = u"qcow2"_s;
        QVERIFY(DiskImageJob::createProblem(c).isEmpty());
        c.preallocation = DiskPreallocation::Full;
        QVERIFY(DiskImageJob::createProblem(c).contains("cannot be preallocated"_L1));
        c.preallocation = DiskPreallocation::Off;
        c.path = existing;
        c.overwrite = true;
        QVERIFY(DiskImageJob::createProblem(c).contains("its own base"_L1));
        c.format = u"vmdk"_s;
        QVERIFY(DiskImageJob::createProblem(c).contains("not \"vmdk\""_L1));
        c = {};
        c.path = dir.filePath(u"n.qcow2"_s);
        QVERIFY(DiskImageJob::createProblem(c).contains("size"_L1));

        DiskConvertRequest v;
        v.source = existing;
        v.destination = dir.filePath(u"out.vdi"_s);
        v.format = u"vdi"_s;
        QVERIFY(DiskImageJob::convertProblem(v).isEmpty());
        v.compress = true;
        QVERIFY(DiskImageJob::convertProblem(v).contains("cannot be compressed"_L1));
        for (const QString &format : {u"qcow2"_s, u"vmdk"_s}) {
            v.format = format;
            QVERIFY(DiskImageJob::convertProblem(v).isEmpty());
        }
        v.destination = existing;
        v.overwrite = true;
        QVERIFY(DiskImageJob::convertProblem(v).contains("same file"_L1));
        v.source = dir.filePath(u"missing"_s);
        QVERIFY(DiskImageJob::convertProblem(v).contains("does not exist"_L1));

        DiskCreateRequest sized;
        sized.sizeBytes = qint64(1) << 30;
        QCOMPARE(DiskImageJob::spaceNeeded(sized), 0); // sparse
        sized.preallocation = DiskPreallocation::Metadata;
        QCOMPARE(DiskImageJob::spaceNeeded(sized), 0);
        sized.preallocation = DiskPreallocation::Full;
        QVERIFY(DiskImageJob::spaceNeeded(sized) > sized.sizeBytes); // qcow2's tables
        sized.format = u"raw"_s;
        QCOMPARE(DiskImageJob::spaceNeeded(sized), sized.sizeBytes);
        DiskImageInfo source;
        source.chainActualSize = 100 << 20;
        QVERIFY(DiskImageJob::spaceNeeded(source) > source.chainActualSize);
        const QString target = dir.filePath(u"t.img"_s);
        QVERIFY(DiskImageJob::spaceProblem(target, 1).isEmpty());
        const QString tooMuch = DiskImageJob::spaceProblem(target, qint64(1) << 60, u"Copying x"_s);
        QVERIFY2(tooMuch.startsWith("Copying x needs "_L1) && tooMuch.contains("are free"_L1),
                 qPrintable(tooMuch));

        QCOMPARE(DiskImageJob::preallocationFromName(u"falloc"_s), DiskPreallocation::Falloc);
        QVERIFY(!DiskImageJob::preallocationFromName(u"sparse"_s));
    }
};

QTEST_GUILESS_MAIN(TestDiskParsing)
#include "tst_diskparsing.moc"
