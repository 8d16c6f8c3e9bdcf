// SPDX-License-Identifier: GPL-2.0-or-later
#include "tests/support/testqemu.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QThread>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace {

/// Whether a unix socket at @p path is listening. QEMU binds a socket (which makes the
/// file) and listens a moment later: a connect() in between is refused, so the file
/// alone does not say that a client can connect yet. /proc/net/unix lists each socket's
/// flags (0x10000: accepting connections) and path.
bool isListening(const QString &path)
{
    QFile table(u"/proc/net/unix"_s);
    if (!table.open(QIODevice::ReadOnly))
        return QFileInfo::exists(path);
    const QByteArray wanted = QFile::encodeName(path);
    const QList<QByteArray> lines = table.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() >= 8 && fields.at(7) == wanted && fields.at(3) == "00010000")
            return true;
    }
    return false;
}

} // namespace

TestQemu::TestQemu(int monitors, QStringList extraArguments)
    : m_dir(QDir::tempPath() + u"/berth-test-XXXXXX"_s)
    , m_monitors(monitors)
    , m_extraArguments(std::move(extraArguments))
{}

TestQemu::~TestQemu()
{
    kill();
}

QString TestQemu::binary()
{
    const QString fromEnv = qEnvironmentVariable("BERTH_TEST_QEMU");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QStandardPaths::findExecutable(u"qemu-system-x86_64"_s);
}

QString TestQemu::monitorPath(int index) const
{
    return m_dir.filePath(u"qmp%1.sock"_s.arg(index));
}

bool TestQemu::start(QString *error)
{
    const QString qemu = binary();
    if (qemu.isEmpty()) {
        *error = u"qemu-system-x86_64 not found (install qemu-system-x86)"_s;
        return false;
    }
    QStringList args{u"-accel"_s, u"tcg"_s,         u"-display"_s,        u"none"_s,
                     u"-S"_s,     u"-nodefaults"_s, u"-no-user-config"_s, u"-m"_s,
                     u"64"_s};
    for (int i = 0; i < m_monitors; ++i) {
        args << u"-chardev"_s
             << u"socket,id=qmp%1,path=%2,server=on,wait=off"_s.arg(i).arg(monitorPath(i))
             << u"-mon"_s << u"chardev=qmp%1,mode=control"_s.arg(i);
    }
    args << m_extraArguments;
    m_process.setProgram(qemu);
    m_process.setArguments(args);
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start();
    if (!m_process.waitForStarted(10'000)) {
        *error = u"cannot start %1: %2"_s.arg(qemu, m_process.errorString());
        return false;
    }
    // Test support only: poll for the sockets; production code waits on events.
    const QDeadlineTimer deadline(20'000);
    for (;;) {
        bool all = true;
        for (int i = 0; i < m_monitors; ++i)
            all = all && isListening(monitorPath(i));
        if (all)
            return true;
        if (m_process.state() != QProcess::Running || deadline.hasExpired()) {
            *error = u"QEMU did not open its monitors: "_s +
                     QString::fromLocal8Bit(m_process.readAllStandardError());
            return false;
        }
        QThread::msleep(20);
    }
}

void TestQemu::kill()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(10'000);
    }
}
