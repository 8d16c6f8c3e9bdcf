// SPDX-License-Identifier: GPL-2.0-or-later
// RuntimeFolder: where sockets and pidfiles live, private to this user.
#include "models/vm/runtimefolder.h"
#include "models/vm/vmlayout.h"
#include "tests/support/verifyoutcome.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

mode_t modeOf(const QString &path)
{
    struct stat st = {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return st.st_mode & 07777;
}

void touch(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot create %s", qPrintable(path));
}

/// The runtime folder of a VM with @p uuid.
QString runtimeFolderOf(const QUuid &uuid)
{
    return VmLayout(u"/lib/vm"_s, uuid, u"vm"_s).runtimeFolder();
}

} // namespace

class TestRuntimeFolder final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_xdg;
    QByteArray m_savedXdg;
    bool m_hadXdg = false;

private Q_SLOTS:
    void initTestCase()
    {
        m_hadXdg = qEnvironmentVariableIsSet("XDG_RUNTIME_DIR");
        m_savedXdg = qgetenv("XDG_RUNTIME_DIR");
    }

    void init() { qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_xdg.path())); }

    void cleanupTestCase()
    {
        if (m_hadXdg)
            qputenv("XDG_RUNTIME_DIR", m_savedXdg);
        else
            qunsetenv("XDG_RUNTIME_DIR");
    }

    void paths()
    {
        const QUuid uuid = QUuid::fromString(u"0b3c2a6e-6a8e-4f4e-9a55-1f1d6d0c5f10"_s);
        QCOMPARE(RuntimeFolder::root(), m_xdg.path() + u"/berth"_s);
        QVERIFY2(runtimeFolderOf(uuid).startsWith(
                     m_xdg.path() + u"/berth/0b3c2a6e-6a8e-4f4e-9a55-1f1d6d0c5f10-"_s),
                 qPrintable(runtimeFolderOf(uuid)));
        qunsetenv("XDG_RUNTIME_DIR");
        QCOMPARE(RuntimeFolder::root(), u"/tmp/berth-%1"_s.arg(::geteuid()));
    }

    void createsPrivateFolders()
    {
        const QString vm = runtimeFolderOf(QUuid::createUuid());
        QVERIFY_OUTCOME(RuntimeFolder::ensure(vm));
        QCOMPARE(modeOf(RuntimeFolder::root()), mode_t(0700));
        QCOMPARE(modeOf(vm), mode_t(0700));
        QVERIFY_OUTCOME(RuntimeFolder::ensure(vm)); // again: fine

        // A folder of ours that others could enter is made private.
        QVERIFY(::chmod(QFile::encodeName(vm).constData(), 0755) == 0);
        QVERIFY_OUTCOME(RuntimeFolder::ensure(vm));
        QCOMPARE(modeOf(vm), mode_t(0700));
    }

    void refusesWhatIsNotOurFolder()
    {
        QVERIFY_OUTCOME(RuntimeFolder::ensure(runtimeFolderOf(QUuid::createUuid())));

        const QString link = runtimeFolderOf(QUuid::createUuid());
        QVERIFY(QFile::link(m_xdg.path(), link));
        QString error = failureMessage(RuntimeFolder::ensure(link));
        QVERIFY2(error.contains(link) && error.contains("symbolic link"_L1), qPrintable(error));

        const QString file = runtimeFolderOf(QUuid::createUuid());
        touch(file);
        error = failureMessage(RuntimeFolder::ensure(file));
        QVERIFY2(error.contains("not a folder"_L1), qPrintable(error));

        if (::geteuid() != 0)
            QSKIP("changing a folder's owner needs root");
        const QString foreign = runtimeFolderOf(QUuid::createUuid());
        QVERIFY(QDir().mkdir(foreign));
        QVERIFY(::chown(QFile::encodeName(foreign).constData(), 65534, 65534) == 0);
        error = failureMessage(RuntimeFolder::ensure(foreign));
        QVERIFY2(error.contains("another user"_L1), qPrintable(error));
    }

    void verifyChecksWithoutTouching()
    {
        // What attaching uses (issue 13 item 8): nothing is made or changed; a missing
        // folder is fine, anything not private and ours is refused.
        const QString missing = runtimeFolderOf(QUuid::createUuid());
        QVERIFY_OUTCOME(RuntimeFolder::verify(missing));
        QVERIFY(!QFileInfo::exists(missing));
        const QString vm = runtimeFolderOf(QUuid::createUuid());
        QVERIFY_OUTCOME(RuntimeFolder::ensure(vm));
        QVERIFY_OUTCOME(RuntimeFolder::verify(vm));

        const QString link = runtimeFolderOf(QUuid::createUuid());
        QVERIFY(QFile::link(vm, link));
        QVERIFY(failureMessage(RuntimeFolder::verify(link)).contains("symbolic link"_L1));

        const QString open = runtimeFolderOf(QUuid::createUuid());
        QVERIFY(QDir().mkdir(open));
        QVERIFY(::chmod(QFile::encodeName(open).constData(), 0777) == 0);
        QVERIFY(failureMessage(RuntimeFolder::verify(open)).contains("other users"_L1));
        QCOMPARE(modeOf(open), mode_t(0777)); // refused, not repaired behind the user's back

        // The root is checked as well: the /tmp fallback is where another user could be first.
        QVERIFY(::chmod(QFile::encodeName(RuntimeFolder::root()).constData(), 0755) == 0);
        QVERIFY(failureMessage(RuntimeFolder::verify(vm)).contains(RuntimeFolder::root()));
        QVERIFY(::chmod(QFile::encodeName(RuntimeFolder::root()).constData(), 0700) == 0);
        if (::geteuid() != 0)
            QSKIP("changing a folder's owner needs root");
        QVERIFY(::chown(QFile::encodeName(vm).constData(), 65534, 65534) == 0);
        QVERIFY(failureMessage(RuntimeFolder::verify(vm)).contains("another user"_L1));
    }

    void cleanRemovesOnlyOurFiles()
    {
        const QString vm = runtimeFolderOf(QUuid::createUuid());
        QVERIFY_OUTCOME(RuntimeFolder::ensure(vm));
        for (const QString &f : {VmLayout::ofRuntimeFolder(vm).pidFilePath(),
                                 VmLayout::ofRuntimeFolder(vm).guiMonitorPath(),
                                 VmLayout::ofRuntimeFolder(vm).cliMonitorPath(),
                                 VmLayout::ofRuntimeFolder(vm).vncSocketPath()})
            touch(f);
        RuntimeFolder::clean(vm);
        QVERIFY(!QFile::exists(vm));

        QVERIFY_OUTCOME(RuntimeFolder::ensure(vm));
        touch(VmLayout::ofRuntimeFolder(vm).pidFilePath());
        touch(vm + u"/someone-elses"_s);
        RuntimeFolder::clean(vm);
        QVERIFY(!QFile::exists(VmLayout::ofRuntimeFolder(vm).pidFilePath()));
        QVERIFY(QFile::exists(vm + u"/someone-elses"_s));
    }
};

QTEST_GUILESS_MAIN(TestRuntimeFolder)
#include "tst_runtimefolder.moc"
