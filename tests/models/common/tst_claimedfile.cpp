// SPDX-License-Identifier: GPL-2.0-or-later
// ClaimedFile and Outcome: a file Berth claims with O_EXCL is removed unless committed, and
// a commit never takes another file's place unless told to.
#include "models/common/claimedfile.h"
#include "models/common/outcome.h"
#include "tests/support/testfiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

using namespace TestFiles;

class TestClaimedFile final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QStringList files() const
    {
        return QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden, QDir::Name);
    }

private Q_SLOTS:
    void outcomeCarriesAValueOrAFailure()
    {
        const Outcome<int> seven = 7;
        QVERIFY(seven.ok());
        QCOMPARE(*seven, 7);
        const Outcome<int> none = Failure(u"No number."_s, u"errno 2"_s);
        QVERIFY(!none);
        QCOMPARE(none.failure().message(), u"No number."_s);
        QCOMPARE(none.failure().toLogString(), u"No number. [errno 2]"_s);
        QVERIFY(Outcome<>().ok());
        const Outcome<> failed = Failure(u"x"_s).within(u"Could not do it: %1"_s);
        QCOMPARE(failed.failure().message(), u"Could not do it: x"_s);
        QCOMPARE(QVariant::fromValue(failed).value<Outcome<>>(), failed);
    }

    void removedUnlessCommitted()
    {
        {
            Outcome<ClaimedFile> claimed = ClaimedFile::claim(path(u"a.img"_s));
            QVERIFY(claimed);
            QCOMPARE(claimed->path(), path(u"a.img"_s));
            QVERIFY(QFile::exists(path(u"a.img"_s)));
        }
        QVERIFY(!QFile::exists(path(u"a.img"_s)));

        // Claimed where it belongs: committing just keeps it.
        {
            Outcome<ClaimedFile> claimed = ClaimedFile::claim(path(u"b.img"_s));
            QVERIFY(claimed);
            QVERIFY(claimed->commit(path(u"b.img"_s), ClaimedFile::Replace::No).ok());
            QVERIFY(claimed->path().isEmpty());
        }
        QVERIFY(QFile::exists(path(u"b.img"_s)));
        QVERIFY(QFile::remove(path(u"b.img"_s)));
        QVERIFY(files().isEmpty());
    }

    void neverClaimsAnExistingFile()
    {
        QVERIFY(write(path(u"theirs.img"_s), "theirs"));
        {
            const Outcome<ClaimedFile> claimed = ClaimedFile::claim(path(u"theirs.img"_s));
            QVERIFY(!claimed);
            QVERIFY2(claimed.failure().message().contains("exists already"_L1),
                     qPrintable(claimed.failure().message()));
        }
        QCOMPARE(contents(path(u"theirs.img"_s)), QByteArray("theirs"));
        // A dangling link is not followed.
        QVERIFY(QFile::link(path(u"nowhere"_s), path(u"link.img"_s)));
        QVERIFY(!ClaimedFile::claim(path(u"link.img"_s)));
        QVERIFY(!QFile::exists(path(u"nowhere"_s)));
        QVERIFY(QFile::remove(path(u"link.img"_s)));
        QVERIFY(QFile::remove(path(u"theirs.img"_s)));
    }

    void besideTheTargetThenRenamed()
    {
        const QString target = path(u"vars.qcow2"_s);
        {
            Outcome<ClaimedFile> claimed = ClaimedFile::claimBeside(target);
            QVERIFY(claimed);
            const QString partial = claimed->path();
            QVERIFY2(QFileInfo(partial).fileName().startsWith(".vars.qcow2.berth-"_L1),
                     qPrintable(partial));
            QVERIFY(write(partial, "new"));
            QVERIFY(claimed->commit(target, ClaimedFile::Replace::No).ok());
            QVERIFY(!QFile::exists(partial));
        }
        QCOMPARE(contents(target), QByteArray("new"));
        QCOMPARE(files(), QStringList{u"vars.qcow2"_s});

        // Replace::No keeps a target that exists; ours goes with the claim.
        {
            Outcome<ClaimedFile> claimed = ClaimedFile::claimBeside(target);
            QVERIFY(claimed);
            QVERIFY(write(claimed->path(), "newer"));
            const Outcome<> committed = claimed->commit(target, ClaimedFile::Replace::No);
            QVERIFY(!committed);
            QVERIFY2(committed.failure().message().contains("exists already"_L1),
                     qPrintable(committed.failure().message()));
        }
        QCOMPARE(contents(target), QByteArray("new"));
        QCOMPARE(files(), QStringList{u"vars.qcow2"_s});

        // Replace::Yes renames over it.
        {
            Outcome<ClaimedFile> claimed = ClaimedFile::claimBeside(target);
            QVERIFY(claimed);
            QVERIFY(write(claimed->path(), "newest"));
            QVERIFY(claimed->commit(target, ClaimedFile::Replace::Yes).ok());
        }
        QCOMPARE(contents(target), QByteArray("newest"));
        QCOMPARE(files(), QStringList{u"vars.qcow2"_s});

        // Moving a claim hands the file over; the moved-from one removes nothing.
        ClaimedFile kept;
        {
            Outcome<ClaimedFile> claimed = ClaimedFile::claimBeside(target);
            QVERIFY(claimed);
            kept = std::move(claimed).value();
        }
        QVERIFY(QFile::exists(kept.path()));
        kept.remove();
        QCOMPARE(files(), QStringList{u"vars.qcow2"_s});
    }
};

QTEST_GUILESS_MAIN(TestClaimedFile)
#include "tst_claimedfile.moc"
