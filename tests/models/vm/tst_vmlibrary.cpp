// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/settings/appsettings.h"
#include "models/vm/vmlibrary.h"
#include "tests/support/testfiles.h"
#include "tests/support/verifyoutcome.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestVmLibrary final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_root;

    static VmDefinition vm(const QString &name)
    {
        VmDefinition d;
        d.name = name;
        d.memoryMiB = 512;
        return d;
    }

private Q_SLOTS:
    void init() { m_root = m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction())); }

    void createSaveReload()
    {
        VmLibrary lib(m_root);
        QString error;
        QVERIFY_OUTCOME(lib.reload());
        QCOMPARE(lib.entries().size(), 0);
        VmDefinition a = vm(u"alpha"_s);
        QSignalSpy changed(&lib, &VmLibrary::changed);
        QVERIFY_OUTCOME(lib.create(a));
        QVERIFY(!a.uuid.isNull());
        QCOMPARE(changed.size(), 1);
        const QString file = m_root + u"/alpha/vm.json"_s;
        QVERIFY(QFile::exists(file));

        a.cpus = 3;
        QVERIFY_OUTCOME(lib.save(a));
        // The previous version is kept beside the new one.
        VmDefinition previous;
        QVERIFY(VmDefinition::fromJson(
            QJsonDocument::fromJson(TestFiles::contents(file + u".bak"_s)).object(), previous,
            error));
        QCOMPARE(previous.cpus, 1);

        VmLibrary again(m_root);
        QVERIFY_OUTCOME(again.reload());
        QCOMPARE(again.entries().size(), 1);
        QCOMPARE(again.find(u"alpha"_s)->definition, a);
    }

    void namesMustBeValidAndUnique()
    {
        VmLibrary lib(m_root);
        QVERIFY_OUTCOME(lib.reload());
        VmDefinition a = vm(u"same"_s);
        QVERIFY_OUTCOME(lib.create(a));
        VmDefinition b = vm(u"same"_s);
        const Outcome<> taken = lib.create(b);
        QVERIFY(!taken);
        QVERIFY2(taken.failure().message().contains("already exists"_L1),
                 qPrintable(taken.failure().message()));
        VmDefinition c = vm(u"../escape"_s);
        QVERIFY(!lib.create(c));
        QVERIFY(!QDir(m_dir.path()).exists(u"escape"_s));
        // Renaming onto a taken name is refused too.
        VmDefinition d = vm(u"other"_s);
        QVERIFY_OUTCOME(lib.create(d));
        d.name = u"same"_s;
        QVERIFY(!lib.save(d));
    }

    void brokenDefinitionsAreListedAndNeverOverwritten()
    {
        {
            VmLibrary lib(m_root);
            QVERIFY_OUTCOME(lib.reload());
            for (const auto &name : {u"good"_s, u"corrupt"_s, u"future"_s, u"invalid"_s}) {
                VmDefinition d = vm(name);
                QVERIFY_OUTCOME(lib.create(d));
            }
        }
        const QByteArray corrupt = "{\"version\": 1, \"name\": \"corrupt\", trunc";
        QVERIFY(TestFiles::write(m_root + u"/corrupt/vm.json"_s, corrupt));
        QJsonObject future =
            QJsonDocument::fromJson(TestFiles::contents(m_root + u"/future/vm.json"_s)).object();
        future.insert(u"version"_s, 7);
        QVERIFY(TestFiles::write(m_root + u"/future/vm.json"_s, QJsonDocument(future).toJson()));
        QJsonObject invalid =
            QJsonDocument::fromJson(TestFiles::contents(m_root + u"/invalid/vm.json"_s)).object();
        invalid.insert(u"memory_mib"_s, -5);
        QVERIFY(TestFiles::write(m_root + u"/invalid/vm.json"_s, QJsonDocument(invalid).toJson()));

        VmLibrary lib(m_root);
        QVERIFY_OUTCOME(lib.reload());
        QCOMPARE(lib.entries().size(), 4);
        QVERIFY(!lib.find(u"good"_s)->isBroken());
        QVERIFY2(lib.find(u"corrupt"_s)->brokenReason.contains("not valid JSON"_L1),
                 qPrintable(lib.find(u"corrupt"_s)->brokenReason));
        QVERIFY(lib.find(u"future"_s)->brokenReason.contains("newer version"_L1));
        QVERIFY(lib.find(u"invalid"_s)->brokenReason.contains("memory_mib"_L1));

        // Deleting a broken VM is allowed; writing over one is not.
        VmDefinition sneaky = lib.find(u"good"_s)->definition;
        QVERIFY_OUTCOME(lib.save(sneaky));
        QCOMPARE(TestFiles::contents(m_root + u"/corrupt/vm.json"_s), corrupt);
    }

    void saveRefusesWhenDiskCopyBecameUnreadable()
    {
        VmLibrary lib(m_root);
        QVERIFY_OUTCOME(lib.reload());
        VmDefinition a = vm(u"a"_s);
        QVERIFY_OUTCOME(lib.create(a));
        QVERIFY(TestFiles::write(m_root + u"/a/vm.json"_s, "garbage"));
        a.notes = u"edited"_s;
        const Outcome<> saved = lib.save(a);
        QVERIFY(!saved);
        QVERIFY2(saved.failure().message().contains("not overwritten"_L1),
                 qPrintable(saved.failure().message()));
        QCOMPARE(TestFiles::contents(m_root + u"/a/vm.json"_s), QByteArray("garbage"));
    }

    void duplicateUuidFromCopiedFolderIsBroken()
    {
        {
            VmLibrary lib(m_root);
            QVERIFY_OUTCOME(lib.reload());
            VmDefinition a = vm(u"a"_s);
            QVERIFY_OUTCOME(lib.create(a));
        }
        QDir().mkpath(m_root + u"/copy"_s);
        QJsonObject json =
            QJsonDocument::fromJson(TestFiles::contents(m_root + u"/a/vm.json"_s)).object();
        json.insert(u"name"_s, u"copy"_s);
        QVERIFY(TestFiles::write(m_root + u"/copy/vm.json"_s, QJsonDocument(json).toJson()));
        VmLibrary lib(m_root);
        QVERIFY_OUTCOME(lib.reload());
        QCOMPARE(lib.entries().size(), 2);
        int broken = 0;
        for (const VmEntry &e : lib.entries())
            broken += e.isBroken() && e.brokenReason.contains("UUID"_L1);
        QCOMPARE(broken, 1);
    }

    void libraryRootComesFromEnvironment()
    {
        qputenv("BERTH_LIBRARY", m_root.toLocal8Bit());
        QCOMPARE(AppSettings::libraryRoot(), m_root);
        qunsetenv("BERTH_LIBRARY");
        QVERIFY(AppSettings::libraryRoot().endsWith("/berth"_L1));
    }
};

QTEST_GUILESS_MAIN(TestVmLibrary)
#include "tst_vmlibrary.moc"
