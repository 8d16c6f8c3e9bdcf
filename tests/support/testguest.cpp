// SPDX-License-Identifier: GPL-2.0-or-later
#include "tests/support/testguest.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <csignal>

using namespace Qt::Literals::StringLiterals;

QString TestGuest::directory()
{
    // Absolute whatever the user typed (the README's bench commands give a relative one): a
    // VM's kernel must be an absolute path.
    const QString dir = qEnvironmentVariable("BERTH_TEST_GUEST_DIR");
    return dir.isEmpty() ? dir : QFileInfo(dir).absoluteFilePath();
}

bool TestGuest::isAvailable()
{
    const QString dir = directory();
    return !dir.isEmpty() && QFileInfo::exists(dir + u"/vmlinuz"_s) &&
           QFileInfo::exists(dir + u"/initrd.img"_s);
}

VmDefinition TestGuest::definition(const QString &name, const QString &kernelArgs, int memoryMiB)
{
    VmDefinition d;
    d.name = name;
    d.uuid = QUuid::createUuid();
    d.cpus = 1;
    d.memoryMiB = memoryMiB;
    d.machine = u"pc"_s;
    d.accelerator = Accelerator::Tcg;
    d.kernel = directory() + u"/vmlinuz"_s;
    d.initrd = directory() + u"/initrd.img"_s;
    d.kernelArgs = kernelArgs;
    return d;
}

void TestGuest::killLeftoverQemus(const QString &runtimeDir)
{
    if (runtimeDir.isEmpty())
        return;
    QDirIterator it(runtimeDir, {u"qemu.pid"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const qint64 pid = file.readAll().trimmed().toLongLong();
        // Only a QEMU: a pidfile may be stale and its pid reused by something else.
        QFile cmdline(u"/proc/%1/cmdline"_s.arg(pid));
        if (pid > 0 && cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains("qemu"))
            ::kill(pid_t(pid), SIGKILL);
    }
}

QList<qint64> TestGuest::qemusNaming(const QString &needle)
{
    QList<qint64> pids;
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        QFile cmdline(u"/proc/%1/cmdline"_s.arg(entry));
        if (!cmdline.open(QIODevice::ReadOnly))
            continue;
        const QByteArray args = cmdline.readAll();
        if (args.contains("qemu-system") && args.contains(QFile::encodeName(needle)))
            pids << entry.toLongLong();
    }
    return pids;
}

PrivateRuntime::PrivateRuntime()
    : m_dir(QDir::tempPath() + QStringLiteral("/berth-rt-XXXXXX"))
{
    if (m_dir.isValid())
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_dir.path()));
}

PrivateRuntime::~PrivateRuntime()
{
    if (m_dir.isValid())
        TestGuest::killLeftoverQemus(m_dir.path());
}
