// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/qemuprocesswatcher.h"

#include <QFile>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <poll.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcProcess, "berth.process", QtWarningMsg)

namespace {

#ifndef SYS_pidfd_open
constexpr long SYS_pidfd_open = 434;
#endif
#ifndef SYS_pidfd_send_signal
constexpr long SYS_pidfd_send_signal = 424;
#endif

int pidfdOpen(qint64 pid)
{
    return int(::syscall(SYS_pidfd_open, pid_t(pid), 0U));
}

QByteArray readProcFile(qint64 pid, const char *name)
{
    QFile file(u"/proc/%1/%2"_s.arg(pid).arg(QLatin1StringView(name)));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// /proc/<pid>/stat: "pid (comm) S ..."; the comm may hold spaces and parentheses.
bool procIsLive(qint64 pid)
{
    const QByteArray stat = readProcFile(pid, "stat");
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0 || close + 2 >= stat.size())
        return false;
    const char state = stat.at(close + 2);
    return state != 'Z' && state != 'X';
}

} // namespace

QemuProcessWatcher::QemuProcessWatcher(QObject *parent)
    : QObject(parent)
{}

QemuProcessWatcher::~QemuProcessWatcher()
{
    stop();
}

bool QemuProcessWatcher::watch(qint64 pid)
{
    stop();
    if (pid <= 0)
        return false;
    const int fd = pidfdOpen(pid);
    if (fd < 0) {
        if (errno == ESRCH)
            return false;
        qCInfo(lcProcess) << "pidfd_open is not available (" << errno
                          << "); watching /proc for process" << pid;
        if (!procIsLive(pid))
            return false;
        m_pid = pid;
        m_fallbackTimer = new QTimer(this);
        m_fallbackTimer->setInterval(500);
        connect(m_fallbackTimer, &QTimer::timeout, this, [this] {
            if (!procIsLive(m_pid))
                onEnded();
        });
        m_fallbackTimer->start();
        return true;
    }
    m_pid = pid;
    m_pidfd = fd;
    // pidfds are close-on-exec from birth: QEMU never inherits this one.
    m_notifier = new QSocketNotifier(qintptr(fd), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &QemuProcessWatcher::onEnded);
    return true;
}

void QemuProcessWatcher::stop()
{
    delete m_notifier;
    m_notifier = nullptr;
    delete m_fallbackTimer;
    m_fallbackTimer = nullptr;
    if (m_pidfd >= 0)
        ::close(m_pidfd);
    m_pidfd = -1;
    m_pid = 0;
}

void QemuProcessWatcher::onEnded()
{
    // Level-triggered: stop listening before anyone reacts, then tell them once.
    if (m_notifier)
        m_notifier->setEnabled(false);
    if (m_fallbackTimer)
        m_fallbackTimer->stop();
    qCDebug(lcProcess) << "process" << m_pid << "ended";
    Q_EMIT exited();
}

bool QemuProcessWatcher::isRunning() const
{
    if (m_pidfd >= 0) {
        pollfd p{m_pidfd, POLLIN, 0};
        return ::poll(&p, 1, 0) == 0;
    }
    return m_pid > 0 && procIsLive(m_pid);
}

bool QemuProcessWatcher::sendSignal(int signal) const
{
    if (m_pidfd >= 0)
        return ::syscall(SYS_pidfd_send_signal, m_pidfd, signal, nullptr, 0U) == 0;
    return m_pid > 0 && procIsLive(m_pid) && ::kill(pid_t(m_pid), signal) == 0;
}

bool QemuProcessWatcher::isQemuFor(qint64 pid, const QUuid &uuid)
{
    // Only this user's QEMU: another user's process naming the uuid is not ours to control.
    const QList<QByteArray> argv = argumentsOf(pid);
    if (argv.isEmpty() || !argv.first().contains("qemu"))
        return false;
    const QByteArray wanted = uuid.toByteArray(QUuid::WithoutBraces);
    for (qsizetype i = 0; i + 1 < argv.size(); ++i) {
        if (argv[i] == "-uuid" && argv[i + 1] == wanted)
            return true;
    }
    return false;
}

QList<QByteArray> QemuProcessWatcher::argumentsOf(qint64 pid)
{
    struct stat st = {};
    if (pid <= 0 || ::stat(QByteArray("/proc/" + QByteArray::number(pid)).constData(), &st) != 0 ||
        st.st_uid != ::geteuid() || !procIsLive(pid))
        return {};
    QByteArray cmdline = readProcFile(pid, "cmdline");
    if (cmdline.endsWith('\0'))
        cmdline.chop(1);
    return cmdline.isEmpty() ? QList<QByteArray>() : cmdline.split('\0');
}
