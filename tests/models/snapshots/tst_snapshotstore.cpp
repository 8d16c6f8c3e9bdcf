// SPDX-License-Identifier: GPL-2.0-or-later
// SnapshotStore without QEMU: the thumbnails a record names stay inside the VM's thumbnail
// folder, so a hand-edited or hostile snapshots.json never makes Berth show or delete
// another file.
#include "models/snapshots/snapshotstore.h"
#include "models/vm/vmlayout.h"
#include "tests/support/verifyoutcome.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestSnapshotStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void thumbnailsOutsideTheirFolderAreIgnoredAndKept()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const VmLayout layout = VmLayout::ofFolder(dir.path());
        QVERIFY(QDir().mkpath(layout.thumbnailFolder()));
        const QString inside = layout.thumbnailPath(u"a.png"_s);
        const QString victim = layout.definitionPath();
        for (const QString &file : {inside, victim}) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("x");
        }
        const QString sneaky = layout.thumbnailFolder() + u"/../vm.json"_s;
        QFile json(layout.snapshotsPath());
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(uR"({"version":1,"current":"b","snapshots":[
            {"name":"a","thumbnail":"%1"},{"name":"b","parent":"a","thumbnail":"%2"},
            {"name":"c","thumbnail":"%3"}]})"_s.arg(inside, sneaky, victim)
                       .toUtf8());
        json.close();

        SnapshotStore store(dir.path());
        QVERIFY_OUTCOME(store.load());
        QCOMPARE(store.find(u"a"_s)->thumbnail, inside);
        QCOMPARE(store.find(u"b"_s)->thumbnail, QString());
        QCOMPARE(store.find(u"c"_s)->thumbnail, QString());

        store.remove(u"b"_s);
        store.remove(u"c"_s);
        QVERIFY(QFile::exists(victim));
        store.remove(u"a"_s);
        QVERIFY(!QFile::exists(inside));
        QVERIFY(QFile::exists(victim));
    }
};

QTEST_GUILESS_MAIN(TestSnapshotStore)
#include "tst_snapshotstore.moc"
