// SPDX-License-Identifier: GPL-2.0-or-later
// ArchiveWriter, ArchiveReader and ArchiveExtractor together: what goes in comes out, byte for
// byte, holes stay holes, checksums agree, and cancelling leaves nothing.
#include "models/archive/archiveextractor.h"
#include "models/archive/archivereader.h"
#include "models/archive/archivewriter.h"
#include "models/common/claimedfile.h"
#include "tests/support/testfiles.h"
#include "tests/support/verifyoutcome.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 kMiB = 1 << 20;

/// A sparse file of @p size bytes with @p data written at each offset of @p at.
bool makeSparse(const QString &path, qint64 size, const QList<qint64> &at, const QByteArray &data)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || !f.resize(size))
        return false;
    for (const qint64 offset : at) {
        if (!f.seek(offset) || f.write(data) != data.size())
            return false;
    }
    return true;
}

qint64 allocated(const QString &path)
{
    struct stat st = {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? qint64(st.st_blocks) * 512 : -1;
}

} // namespace

class TestArchive final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

    /// Writes sparse.img, dense.bin, a folder and some data into @p archive.
    void writeSample(const QString &archive, ArchiveWriter::Compression compression,
                     QStringList *digests)
    {
        QVERIFY(makeSparse(path(u"sparse.img"_s), 64 * kMiB, {kMiB, 40 * kMiB},
                           QByteArray(256 * 1024, 'x')));
        QVERIFY(makeSparse(path(u"hole.img"_s), 8 * kMiB, {}, {}));
        QFile dense(path(u"dense.bin"_s));
        QVERIFY(dense.open(QIODevice::WriteOnly));
        for (int i = 0; i < 3000; ++i)
            dense.write(QByteArray::number(i).repeated(37));
        dense.close();
        QVERIFY(QFile(archive).open(QIODevice::WriteOnly));
        ArchiveWriter writer;
        QVERIFY_OUTCOME(writer.open(archive, compression));
        QVERIFY_OUTCOME(writer.addData(u"about.json"_s, "{\"a\": 1}"));
        QVERIFY_OUTCOME(writer.addFolder(u"disks"_s));
        for (const QString &name : {u"sparse.img"_s, u"hole.img"_s, u"dense.bin"_s}) {
            const Outcome<QString> digest =
                writer.addFile(u"disks/"_s + name, path(name), [](qint64) { return true; });
            QVERIFY_OUTCOME(digest);
            *digests << *digest;
        }
        QVERIFY_OUTCOME(writer.close());
    }

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<ArchiveWriter::Compression>("compression");
        QTest::newRow("plain") << ArchiveWriter::Compression::None;
        QTest::newRow("zstd") << ArchiveWriter::Compression::Zstd;
    }

    void roundTrip()
    {
        QFETCH(ArchiveWriter::Compression, compression);
        const QString archive = path(u"sample.tar"_s);
        QStringList digests;
        writeSample(archive, compression, &digests);
        if (QTest::currentTestFailed())
            return;
        // Stored thin: the 64 MiB image holds 512 KiB of data.
        QVERIFY2(QFileInfo(archive).size() < 2 * kMiB,
                 qPrintable(QString::number(QFileInfo(archive).size())));

        const QString out = path(u"out"_s);
        qint64 reported = 0;
        const auto files = ArchiveExtractor::extract(archive, out, {}, [&](qint64 done) {
            reported = done;
            return true;
        });
        QVERIFY_OUTCOME(files);
        QCOMPARE(files->size(), 4);
        QCOMPARE(files->at(0).name, u"about.json"_s);
        QCOMPARE(TestFiles::contents(out + u"/about.json"_s), "{\"a\": 1}");
        QCOMPARE(TestFiles::modeOf(out), 0700);
        QCOMPARE(TestFiles::modeOf(out + u"/disks"_s), 0700);
        const QStringList names{u"sparse.img"_s, u"hole.img"_s, u"dense.bin"_s};
        for (int i = 0; i < names.size(); ++i) {
            const QString extracted = out + u"/disks/"_s + names[i];
            QCOMPARE(files->at(i + 1).name, u"disks/"_s + names[i]);
            QCOMPARE(files->at(i + 1).digest, digests[i]);
            QCOMPARE(QFileInfo(extracted).size(), QFileInfo(path(names[i])).size());
            QVERIFY(TestFiles::contents(extracted) == TestFiles::contents(path(names[i])));
            QCOMPARE(TestFiles::modeOf(extracted), 0600);
        }
        QVERIFY(allocated(out + u"/disks/sparse.img"_s) < 4 * kMiB);
        QVERIFY(allocated(out + u"/disks/hole.img"_s) < kMiB);
        // The whole archive was read by the end.
        QVERIFY(reported > 0);
        QVERIFY(reported <= QFileInfo(archive).size());

        // The reader on its own says what each entry is.
        ArchiveReader reader;
        QVERIFY_OUTCOME(reader.open(archive));
        QStringList seen;
        for (;;) {
            auto next = reader.next();
            QVERIFY_OUTCOME(next);
            if (!next->has_value())
                break;
            seen << (*next)->name;
            if ((*next)->name == "disks/sparse.img"_L1)
                QCOMPARE((*next)->size, 64 * kMiB);
        }
        QCOMPARE(seen.size(), 5);
        QVERIFY(QDir(out).removeRecursively());
    }

    void digestDiffersWithContent()
    {
        QVERIFY(makeSparse(path(u"a.img"_s), 4 * kMiB, {kMiB}, "abc"));
        QVERIFY(makeSparse(path(u"b.img"_s), 4 * kMiB, {kMiB}, "abd"));
        QVERIFY(makeSparse(path(u"c.img"_s), 4 * kMiB, {2 * kMiB}, "abc"));
        const QString archive = path(u"digest.tar"_s);
        QVERIFY(QFile(archive).open(QIODevice::WriteOnly));
        ArchiveWriter writer;
        QVERIFY_OUTCOME(writer.open(archive, ArchiveWriter::Compression::None));
        QStringList digests;
        for (const QString &name : {u"a.img"_s, u"b.img"_s, u"c.img"_s}) {
            const auto d = writer.addFile(name, path(name));
            QVERIFY_OUTCOME(d);
            digests << *d;
        }
        QVERIFY_OUTCOME(writer.close());
        QCOMPARE(QSet<QString>(digests.cbegin(), digests.cend()).size(), 3);
    }

    void cancelWriting()
    {
        QVERIFY(makeSparse(path(u"big.img"_s), 16 * kMiB, {0, 8 * kMiB}, QByteArray(kMiB, 'y')));
        const QString archive = path(u"cancel.tar"_s);
        QVERIFY(QFile(archive).open(QIODevice::WriteOnly));
        ArchiveWriter writer;
        QVERIFY_OUTCOME(writer.open(archive, ArchiveWriter::Compression::None));
        const auto added = writer.addFile(u"big.img"_s, path(u"big.img"_s),
                                          [](qint64 done) { return done < 4 * kMiB; });
        QVERIFY(!added);
        QCOMPARE(added.failure().message(), u"Cancelled."_s);
    }

    void cancelExtracting()
    {
        const QString archive = path(u"sample2.tar"_s);
        QStringList digests;
        writeSample(archive, ArchiveWriter::Compression::None, &digests);
        if (QTest::currentTestFailed())
            return;
        const QString out = path(u"cancelled"_s);
        const auto files =
            ArchiveExtractor::extract(archive, out, {}, [](qint64 done) { return done < 1000; });
        QVERIFY(!files);
        QCOMPARE(files.failure().message(), u"Cancelled."_s);
        QVERIFY(!QFileInfo::exists(out));
    }

    void refusesAnExistingStagingFolder()
    {
        const QString archive = path(u"sample3.tar"_s);
        QStringList digests;
        writeSample(archive, ArchiveWriter::Compression::None, &digests);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(QDir().mkpath(path(u"taken"_s)));
        QVERIFY(QFile(path(u"taken/mine"_s)).open(QIODevice::WriteOnly));
        QVERIFY(!ArchiveExtractor::extract(archive, path(u"taken"_s)));
        QVERIFY(QFileInfo::exists(path(u"taken/mine"_s)));
    }

    void notAnArchive()
    {
        QFile f(path(u"garbage.tar"_s));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, '\x7f'));
        f.close();
        const auto files = ArchiveExtractor::extract(f.fileName(), path(u"g"_s));
        QVERIFY(!files);
        QVERIFY(!QFileInfo::exists(path(u"g"_s)));
    }
};

QTEST_GUILESS_MAIN(TestArchive)
#include "tst_archive.moc"
