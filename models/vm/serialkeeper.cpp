// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/serialkeeper.h"

#include "models/common/failure.h"
#include "models/common/fdio.h"

#include <QByteArray>
#include <QFile>

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int MaxClients = 8;
constexpr size_t ChunkSize = 64 * 1024;
constexpr size_t HistorySize = 16 * 1024; // what a console sees of the past when it connects
constexpr int ConnectWithinMs = 60'000;
// What a console may fall behind (a terminal slower than the guest's burst) before it is
// dropped: enough for any burst a person reads; a console that stopped reading goes.
constexpr size_t ClientBacklog = 1024 * 1024;
constexpr char DroppedNote[] = "\r\n[Berth: older serial output was dropped to keep this "
                               "log small]\r\n";

/// Everything the keeper needs, prepared before the fork: after it, only system calls.
struct Keeper
{
    int qemuListener = -1;
    int consoleListener = -1;
    int log = -1;
    off_t logSize = 0;
    off_t limit = 0;
    const char *logPath = nullptr;
    const char *qemuSocketPath = nullptr;
    const char *consoleSocketPath = nullptr;
    ino_t consoleSocketInode = 0;      // unlinked at the end only if it is still this one
    const char *compactPath = nullptr; // serial.log.compact, renamed over serial.log
    char *buffer = nullptr;            // limit / 2 bytes: the part of the log kept
    char *backlogs = nullptr;          // MaxClients × ClientBacklog bytes
    std::array<char, ChunkSize> chunk{};
};

int listeningSocket(const QString &path, QString *error)
{
    const QByteArray native = QFile::encodeName(path);
    sockaddr_un address = {};
    if (size_t(native.size()) >= sizeof(address.sun_path)) {
        *error = SerialKeeper::tr("The socket path %1 is too long").arg(path);
        return -1;
    }
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, native.constData(), size_t(native.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *error = systemErrorText(errno);
        return -1;
    }
    ::unlink(native.constData()); // a previous run's; the runtime folder is private
    const mode_t previous = ::umask(077);
    const bool bound = ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
    const int bindError = errno;
    ::umask(previous);
    if (!bound || ::listen(fd, MaxClients) != 0) {
        *error = SerialKeeper::tr("Cannot listen on %1: %2")
                     .arg(path, systemErrorText(bound ? errno : bindError));
        ::close(fd);
        return -1;
    }
    return fd;
}

/// Replaces the log with a note that older output was dropped, then the newest part of
/// the log and @p data: half the limit in all.
void compactWith(Keeper &k, const char *data, size_t size)
{
    constexpr off_t noteSize = off_t(sizeof DroppedNote) - 3; // without the leading "\r\n"
    const off_t room = k.limit / 2 - noteSize;
    const off_t fromData = off_t(size) > room ? off_t(size) - room : 0;
    const off_t fileKeep = std::min(k.logSize, room - (off_t(size) - fromData));
    ssize_t got = 0;
    while (got < fileKeep) {
        const ssize_t n =
            ::pread(k.log, k.buffer + got, size_t(fileKeep - got), k.logSize - fileKeep + got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += n;
    }
    const int fresh =
        ::open(k.compactPath, O_RDWR | O_APPEND | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    const bool written = fresh >= 0 && FdIo::writeAll(fresh, DroppedNote + 2, size_t(noteSize)) &&
                         FdIo::writeAll(fresh, k.buffer, size_t(got)) &&
                         FdIo::writeAll(fresh, data + fromData, size - size_t(fromData));
    if (written && ::rename(k.compactPath, k.logPath) == 0) {
        ::close(k.log);
        k.log = fresh;
        k.logSize = noteSize + got + off_t(size) - fromData;
        return;
    }
    // No smaller copy could be made (a full disk): empty the log rather than let it grow.
    if (fresh >= 0) {
        ::close(fresh);
        ::unlink(k.compactPath);
    }
    if (::ftruncate(k.log, 0) == 0)
        k.logSize = 0;
}

void appendToLog(Keeper &k, const char *data, size_t size)
{
    if (k.log < 0)
        return;
    if (k.logSize + off_t(size) > k.limit)
        compactWith(k, data, size);
    else if (FdIo::writeAll(k.log, data, size))
        k.logSize += off_t(size);
}

/// A console: its socket and what it has not taken yet (a ring in Keeper::backlogs).
struct Client
{
    int fd = -1;
    char *ring = nullptr;
    size_t start = 0; // of the oldest byte not sent
    size_t size = 0;  // bytes waiting
};

void drop(Client &c)
{
    ::close(c.fd);
    c.fd = -1;
    c.start = c.size = 0;
}

/// Sends what waits, as much as the socket takes now.
void flush(Client &c)
{
    while (c.fd >= 0 && c.size > 0) {
        const size_t run = std::min(c.size, ClientBacklog - c.start);
        const ssize_t n = ::send(c.fd, c.ring + c.start, run, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        if (n <= 0) {
            drop(c);
            return;
        }
        c.start = (c.start + size_t(n)) % ClientBacklog;
        c.size -= size_t(n);
    }
}

/// Queues @p data for a console and sends what it takes now; one that fell too far
/// behind is dropped rather than ever slowing the guest.
void queue(Client &c, const char *data, size_t size)
{
    if (c.fd < 0)
        return;
    if (c.size + size > ClientBacklog) {
        drop(c);
        return;
    }
    for (size_t done = 0; done < size;) {
        const size_t end = (c.start + c.size) % ClientBacklog;
        const size_t run = std::min(size - done, ClientBacklog - end);
        std::memcpy(c.ring + end, data + done, run);
        c.size += run;
        done += run;
    }
    flush(c);
}

void sendHistory(const Keeper &k, Client &c)
{
    if (k.log < 0 || k.logSize == 0)
        return;
    const off_t from = k.logSize > off_t(HistorySize) ? k.logSize - off_t(HistorySize) : 0;
    char history[HistorySize];
    const ssize_t n = ::pread(k.log, history, size_t(k.logSize - from), from);
    if (n > 0)
        queue(c, history, size_t(n));
}

/// Removes the console's socket (unless a new run has made another one there) and ends.
[[noreturn]] void leave(const Keeper &k, int status)
{
    struct stat st = {};
    if (::stat(k.consoleSocketPath, &st) == 0 && st.st_ino == k.consoleSocketInode)
        ::unlink(k.consoleSocketPath);
    if (k.qemuListener >= 0)
        ::unlink(k.qemuSocketPath);
    ::_exit(status);
}

[[noreturn]] void run(Keeper &k)
{
    int qemu = -1;
    std::array<Client, MaxClients> clients;
    for (int i = 0; i < MaxClients; ++i)
        clients[size_t(i)].ring = k.backlogs + size_t(i) * ClientBacklog;
    for (;;) {
        std::array<pollfd, 3 + MaxClients> fds{};
        fds[0] = {k.qemuListener, POLLIN, 0};
        fds[1] = {k.consoleListener, POLLIN, 0};
        fds[2] = {qemu, POLLIN, 0};
        for (int i = 0; i < MaxClients; ++i) {
            const Client &c = clients[size_t(i)];
            fds[size_t(3 + i)] = {c.fd, short(POLLIN | (c.size > 0 ? POLLOUT : 0)), 0};
        }
        const int ready = ::poll(fds.data(), fds.size(), qemu < 0 ? ConnectWithinMs : -1);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready <= 0)
            leave(k, ready == 0 ? 2 : 3); // no QEMU came, or poll failed
        if (fds[0].revents & POLLIN) {
            const int conn = ::accept4(k.qemuListener, nullptr, nullptr, SOCK_CLOEXEC);
            if (conn >= 0 && qemu < 0) {
                qemu = conn;
                ::close(k.qemuListener); // one QEMU, once
                k.qemuListener = -1;
                ::unlink(k.qemuSocketPath);
            } else if (conn >= 0) {
                ::close(conn);
            }
        }
        if (fds[1].revents & POLLIN) {
            const int conn = ::accept4(k.consoleListener, nullptr, nullptr, SOCK_CLOEXEC);
            Client *slot = std::find_if(clients.begin(), clients.end(),
                                        [](const Client &c) { return c.fd < 0; });
            if (conn >= 0 && slot == clients.end()) {
                ::close(conn);
            } else if (conn >= 0) {
                slot->fd = conn;
                sendHistory(k, *slot);
            }
        }
        if (fds[2].revents & (POLLIN | POLLHUP | POLLERR)) {
            const ssize_t n = ::read(qemu, k.chunk.data(), k.chunk.size());
            if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN))
                leave(k, 0); // QEMU is gone: so is its console
            if (n > 0) {
                appendToLog(k, k.chunk.data(), size_t(n));
                for (Client &c : clients)
                    queue(c, k.chunk.data(), size_t(n));
            }
        }
        for (int i = 0; i < MaxClients; ++i) {
            Client &c = clients[size_t(i)];
            const short events = fds[size_t(3 + i)].revents;
            if (c.fd < 0 || fds[size_t(3 + i)].fd != c.fd)
                continue; // dropped or taken by a new console during this pass
            if (events & POLLOUT)
                flush(c);
            if (c.fd < 0 || !(events & (POLLIN | POLLHUP | POLLERR)))
                continue;
            const ssize_t n = ::read(c.fd, k.chunk.data(), k.chunk.size());
            if (n <= 0 && !(n < 0 && errno == EINTR)) {
                drop(c);
            } else if (n > 0 && qemu >= 0) {
                // Typing reaches the guest; what a guest that never reads leaves waiting
                // in the socket is dropped rather than stopping the log.
                (void)::send(qemu, k.chunk.data(), size_t(n), MSG_NOSIGNAL | MSG_DONTWAIT);
            }
        }
    }
}

/// In the grandchild: a process of its own with only the keeper's descriptors.
[[noreturn]] void becomeKeeper(Keeper &k, int reportPipe)
{
    ::setsid();
    sigset_t none;
    ::sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    for (int s : {SIGCHLD, SIGTERM, SIGINT, SIGHUP, SIGUSR1, SIGUSR2})
        ::signal(s, SIG_DFL);
    ::signal(SIGPIPE, SIG_IGN);
    ::prctl(PR_SET_NAME, "berth-serial", 0, 0, 0);
    (void)!::chdir("/");

    // Move the keeper's descriptors above the standard ones, point those at /dev/null, then
    // close everything else the starting process had open (its windows, other VMs).
    const int nul = ::open("/dev/null", O_RDWR);
    const pid_t self = ::getpid();
    (void)!::write(reportPipe, &self, sizeof self);
    // First copies far above anything in use, then into 3, 4 and 5, then close the rest.
    int keep[] = {k.qemuListener, k.consoleListener, k.log};
    for (int &fd : keep)
        fd = ::fcntl(fd, F_DUPFD_CLOEXEC, 1000);
    for (int fd = 0; fd < 3; ++fd)
        ::dup2(nul, fd);
    for (int i = 0; i < 3; ++i)
        ::dup2(keep[i], 3 + i);
    ::syscall(SYS_close_range, 6U, ~0U, 0U);
    k.qemuListener = 3;
    k.consoleListener = 4;
    k.log = 5;
    run(k);
}

} // namespace

qint64 SerialKeeper::logLimit()
{
    bool ok = false;
    const qint64 wanted = qEnvironmentVariable("BERTH_SERIAL_LOG_LIMIT").toLongLong(&ok);
    return ok && wanted > 0 ? std::max(wanted, MinimumLogLimit) : DefaultLogLimit;
}

Outcome<qint64> SerialKeeper::start(const VmLayout &layout, qint64 logLimit)
{
    QString error;
    Keeper k;
    k.limit = off_t(std::max(logLimit, MinimumLogLimit));
    k.qemuListener = listeningSocket(layout.serialKeeperSocketPath(), &error);
    if (k.qemuListener < 0)
        return Failure(error);
    k.consoleListener = listeningSocket(layout.serialConsoleSocketPath(), &error);
    const QByteArray logPath = QFile::encodeName(layout.serialLogPath());
    const QByteArray compactPath = logPath + ".compact";
    if (k.consoleListener >= 0) {
        k.log =
            ::open(logPath.constData(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (k.log < 0)
            error = tr("Cannot open %1: %2").arg(layout.serialLogPath(), systemErrorText(errno));
    }
    struct stat st = {};
    if (k.log >= 0 && ::fstat(k.log, &st) == 0)
        k.logSize = st.st_size;
    const auto closeAll = [&k] {
        for (int fd : {k.qemuListener, k.consoleListener, k.log}) {
            if (fd >= 0)
                ::close(fd);
        }
    };
    if (k.log < 0) {
        closeAll();
        return Failure(error);
    }
    QByteArray kept(qsizetype(k.limit / 2), Qt::Uninitialized);
    QByteArray backlogs(qsizetype(MaxClients * ClientBacklog), Qt::Uninitialized);
    k.backlogs = backlogs.data();
    k.logPath = logPath.constData();
    const QByteArray qemuSocketPath = QFile::encodeName(layout.serialKeeperSocketPath());
    const QByteArray consoleSocketPath = QFile::encodeName(layout.serialConsoleSocketPath());
    k.qemuSocketPath = qemuSocketPath.constData();
    k.consoleSocketPath = consoleSocketPath.constData();
    if (::stat(k.consoleSocketPath, &st) == 0)
        k.consoleSocketInode = st.st_ino;
    k.compactPath = compactPath.constData();
    k.buffer = kept.data();

    int report[2];
    if (::pipe2(report, O_CLOEXEC) != 0) {
        const int e = errno;
        closeAll();
        return Failure(tr("Cannot start the serial console: %1").arg(systemErrorText(e)));
    }
    const pid_t child = ::fork();
    if (child == 0) {
        ::close(report[0]);
        if (::fork() == 0)
            becomeKeeper(k, report[1]);
        ::_exit(0);
    }
    const int forkError = errno;
    ::close(report[1]);
    closeAll();
    pid_t keeper = 0;
    if (child > 0) {
        int status = 0;
        while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
        }
        while (::read(report[0], &keeper, sizeof keeper) < 0 && errno == EINTR) {
        }
    }
    ::close(report[0]);
    if (keeper <= 0) {
        return Failure(tr("Cannot start the serial console: %1")
                           .arg(systemErrorText(child < 0 ? forkError : ECHILD)));
    }
    return qint64(keeper);
}
