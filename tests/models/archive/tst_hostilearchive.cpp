// SPDX-License-Identifier: GPL-2.0-or-later
// ArchiveExtractor against archives made to do harm: each is crafted here (with libarchive,
// or byte by byte where libarchive refuses to write nonsense), refused with a sentence that
// names what is wrong, and leaves nothing behind: no staging folder, nothing beside it.
#include "models/archive/archiveextractor.h"
#include "tests/support/testfiles.h"
#include "tests/support/verifyoutcome.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <archive.h>
#include <archive_entry.h>

#include <functional>
#include <sys/sysmacros.h>

using namespace Qt::Literals::StringLiterals;

namespace {

/// One entry to craft with libarchive.
struct Crafted
{
    Crafted(QByteArray name_, mode_t type_ = AE_IFREG, QByteArray data_ = {}, QByteArray link_ = {},
            QByteArray hardlink_ = {})
        : name(std::move(name_))
        , type(type_)
        , data(std::move(data_))
        , link(std::move(link_))
        , hardlink(std::move(hardlink_))
    {}

    QByteArray name;
    mode_t type;
    QByteArray data;
    QByteArray link;     ///< symlink target
    QByteArray hardlink; ///< hard link target
};

bool craft(const QString &path, const QList<Crafted> &entries)
{
    archive *a = archive_write_new();
    archive_write_set_format_pax(a);
    bool ok = archive_write_open_filename(a, QFile::encodeName(path).constData()) == ARCHIVE_OK;
    for (const Crafted &c : entries) {
        archive_entry *e = archive_entry_new();
        archive_entry_set_pathname(e, c.name.constData());
        archive_entry_set_filetype(e, c.type);
        archive_entry_set_perm(e, 0644);
        if (!c.link.isEmpty())
            archive_entry_set_symlink(e, c.link.constData());
        if (!c.hardlink.isEmpty())
            archive_entry_set_hardlink(e, c.hardlink.constData());
        if (c.type == AE_IFCHR)
            archive_entry_set_rdev(e, makedev(1, 3));
        archive_entry_set_size(e, c.type == AE_IFREG ? c.data.size() : 0);
        ok = ok && archive_write_header(a, e) == ARCHIVE_OK;
        if (!c.data.isEmpty())
            ok = ok &&
                 archive_write_data(a, c.data.constData(), size_t(c.data.size())) == c.data.size();
        archive_entry_free(e);
    }
    ok = archive_write_close(a) == ARCHIVE_OK && ok;
    archive_write_free(a);
    return ok;
}

/// A ustar header block for @p name of @p size bytes and @p type ('0' file, 'x' pax).
QByteArray ustarHeader(const QByteArray &name, qint64 size, char type)
{
    QByteArray h(512, '\0');
    auto put = [&h](int at, const QByteArray &value) {
        h.replace(at, value.size(), value);
    };
    put(0, name.left(99));
    put(100, "0000644");
    put(108, "0000000");
    put(116, "0000000");
    put(124, QByteArray::number(size, 8).rightJustified(11, '0'));
    put(136, "00000000000");
    h[156] = type;
    put(257, QByteArray("ustar\0"
                        "00",
                        8));
    put(148, "        ");
    int sum = 0;
    for (const char c : std::as_const(h))
        sum += static_cast<unsigned char>(c);
    put(148, QByteArray::number(sum, 8).rightJustified(6, '0') + QByteArray("\0 ", 2));
    return h;
}

QByteArray padded(QByteArray data)
{
    data.append(QByteArray((512 - data.size() % 512) % 512, '\0'));
    return data;
}

/// A pax record "LEN key=value\n", LEN counting itself.
QByteArray paxRecord(const QByteArray &key, const QByteArray &value)
{
    const QByteArray body = ' ' + key + '=' + value + '\n';
    qsizetype length = body.size() + 1;
    while (QByteArray::number(length).size() + body.size() != length)
        ++length;
    return QByteArray::number(length) + body;
}

/// A tar whose one file @p name has a GNU sparse 0.1 map (@p map: "offset,length,...") for a
/// file of @p realSize bytes, and @p data as its stored data.
QByteArray sparseTar(const QByteArray &name, qint64 realSize, const QByteArray &map,
                     const QByteArray &data)
{
    const QByteArray pax =
        paxRecord("GNU.sparse.size", QByteArray::number(realSize)) +
        paxRecord("GNU.sparse.numblocks", QByteArray::number(map.count(',') / 2 + 1)) +
        paxRecord("GNU.sparse.map", map);
    return ustarHeader("PaxHeaders/" + name, pax.size(), 'x') + padded(pax) +
           ustarHeader(name, data.size(), '0') + padded(data) + QByteArray(1024, '\0');
}

} // namespace

class TestHostileArchive final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_archive;
    QString m_parent; ///< the staging folder's parent: must hold nothing new afterwards
    QString m_staging;

    /// The archive is refused with a message holding @p words; nothing is left.
    void expectRefused(const QString &words, const ArchiveExtractor::Accept &accept = {})
    {
        const QStringList before = QDir(m_parent).entryList(QDir::AllEntries | QDir::Hidden |
                                                            QDir::NoDotAndDotDot | QDir::System);
        const auto files = ArchiveExtractor::extract(m_archive, m_staging, accept);
        QVERIFY2(!files, "a hostile archive was extracted");
        QVERIFY2(files.failure().message().contains(words), qPrintable(files.failure().message()));
        QVERIFY(!QFileInfo::exists(m_staging));
        QCOMPARE(QDir(m_parent).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot |
                                          QDir::System),
                 before);
        // Nothing escaped to the folders around it either.
        QVERIFY(!QFileInfo::exists(m_dir.filePath(u"evil"_s)));
        QVERIFY(!QFileInfo::exists(u"/tmp/berth-hostile-evil"_s));
    }

private Q_SLOTS:
    void init()
    {
        m_parent = m_dir.filePath(u"library"_s);
        QVERIFY(QDir().mkpath(m_parent));
        m_archive = m_dir.filePath(u"hostile.tar"_s);
        m_staging = m_parent + u"/.staging"_s;
    }

    void cleanup()
    {
        QFile::remove(m_archive);
        QDir(m_parent).removeRecursively();
    }

    void dotDot_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::newRow("up") << QByteArray("../evil");
        QTest::newRow("up twice") << QByteArray("../../evil");
        QTest::newRow("down and up") << QByteArray("disks/../../../evil");
        QTest::newRow("folder up") << QByteArray("../evil/");
    }

    void dotDot()
    {
        QFETCH(QByteArray, name);
        QVERIFY(craft(m_archive, {{"ok.txt", AE_IFREG, "fine"}, {name, AE_IFREG, "gotcha"}}));
        expectRefused(u"\"..\""_s);
    }

    void absolutePath()
    {
        QVERIFY(craft(m_archive, {{"/tmp/berth-hostile-evil", AE_IFREG, "gotcha"}}));
        expectRefused(u"absolute"_s);
    }

    void oddNames_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QString>("words");
        QTest::newRow("dot") << QByteArray("./x") << u"plain path"_s;
        QTest::newRow("empty part") << QByteArray("a//b") << u"plain path"_s;
        QTest::newRow("control") << QByteArray("a\nb") << u"control characters"_s;
    }

    void oddNames()
    {
        QFETCH(QByteArray, name);
        QFETCH(QString, words);
        QVERIFY(craft(m_archive, {{name, AE_IFREG, "x"}}));
        expectRefused(words);
    }

    void symbolicLinkOut()
    {
        // The classic: a link out, then a file written through it.
        QVERIFY(craft(m_archive, {{"link", AE_IFLNK, {}, m_dir.path().toUtf8()},
                                  {"link/evil", AE_IFREG, "gotcha"}}));
        expectRefused(u"symbolic link"_s);
    }

    void symbolicLinkInside()
    {
        QVERIFY(craft(m_archive, {{"a.txt", AE_IFREG, "a"}, {"b.txt", AE_IFLNK, {}, "a.txt"}}));
        expectRefused(u"symbolic link"_s);
    }

    void hardLinkOut()
    {
        QVERIFY(craft(m_archive, {{"passwd", AE_IFREG, {}, {}, "/etc/passwd"}}));
        expectRefused(u"hard link"_s);
    }

    void device()
    {
        QVERIFY(craft(m_archive, {{"null", AE_IFCHR}}));
        expectRefused(u"device"_s);
    }

    void fifo()
    {
        QVERIFY(craft(m_archive, {{"pipe", AE_IFIFO}}));
        expectRefused(u"pipe"_s);
    }

    void sameNameTwice()
    {
        QVERIFY(craft(m_archive,
                      {{"disk.qcow2", AE_IFREG, "first"}, {"disk.qcow2", AE_IFREG, "second"}}));
        expectRefused(u"more than once"_s);
    }

    void fileThenFolder()
    {
        QVERIFY(craft(m_archive, {{"a", AE_IFREG, "file"}, {"a/b", AE_IFREG, "inside"}}));
        expectRefused(u"both a file and a folder"_s);
    }

    void folderThenFile()
    {
        QVERIFY(craft(m_archive, {{"a/", AE_IFDIR}, {"a", AE_IFREG, "file"}}));
        expectRefused(u"more than once"_s);
    }

    void truncated()
    {
        // A file says 100 KiB and the archive ends after 10 KiB of it.
        QVERIFY(craft(m_archive, {{"big", AE_IFREG, QByteArray(100 * 1024, 'z')}}));
        QFile f(m_archive);
        QVERIFY(f.resize(10 * 1024 + 1024));
        expectRefused(u"damaged or incomplete"_s);
    }

    void sparseMapBeyondSize()
    {
        // Data stated at 0..4096 of a file said to have 1000 bytes.
        QVERIFY(
            TestFiles::write(m_archive, sparseTar("s.img", 1000, "0,4096", QByteArray(4096, 's'))));
        expectRefused(u"does not fit its size"_s);
    }

    void sparseMapOverlapping()
    {
        // Two runs over the same bytes: the second would write back over the first.
        QVERIFY(TestFiles::write(
            m_archive, sparseTar("s.img", 8192, "4096,2048,0,4096", QByteArray(6144, 's'))));
        expectRefused(u"does not fit its size"_s);
    }

    void sparseMapLongerThanData()
    {
        // The map claims 8 KiB of data; 1 KiB is stored.
        QVERIFY(TestFiles::write(m_archive,
                                 sparseTar("s.img", 16384, "0,8192", QByteArray(1024, 's'))));
        expectRefused(u"does not add up"_s);
    }

    void refusedByThePackage()
    {
        QVERIFY(craft(m_archive, {{"vm.json", AE_IFREG, "{}"}}));
        expectRefused(u"not in this package"_s, [](const ArchiveEntry &e) {
            return Outcome<>(Failure(u"%1 is not in this package"_s.arg(e.name)));
        });
    }

    void aGoodArchivePasses()
    {
        // The same crafting tool makes a plain archive that is accepted: the refusals above
        // come from what was crafted, not from the tool.
        QVERIFY(craft(m_archive,
                      {{"a/", AE_IFDIR}, {"a/b.txt", AE_IFREG, "b"}, {"c.txt", AE_IFREG, "c"}}));
        QVERIFY(TestFiles::write(
            m_dir.filePath(u"sparse.tar"_s),
            sparseTar("s.img", 16384, "4096,1024,8192,1024", QByteArray(2048, 's'))));
        const auto files = ArchiveExtractor::extract(m_archive, m_staging);
        QVERIFY_OUTCOME(files);
        QCOMPARE(files->size(), 2);
        QVERIFY(QDir(m_staging).removeRecursively());
        const auto sparse = ArchiveExtractor::extract(m_dir.filePath(u"sparse.tar"_s), m_staging);
        QVERIFY_OUTCOME(sparse);
        QCOMPARE(sparse->size(), 1);
        QFile s(m_staging + u"/s.img"_s);
        QVERIFY(s.open(QIODevice::ReadOnly));
        const QByteArray all = s.readAll();
        QCOMPARE(all.size(), 16384);
        QCOMPARE(all.mid(4096, 1024), QByteArray(1024, 's'));
        QCOMPARE(all.mid(0, 4096), QByteArray(4096, '\0'));
        QCOMPARE(all.mid(8192, 1024), QByteArray(1024, 's'));
    }
};

QTEST_GUILESS_MAIN(TestHostileArchive)
#include "tst_hostilearchive.moc"
