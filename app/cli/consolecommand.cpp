// SPDX-License-Identifier: GPL-2.0-or-later
// berth console: joins the SerialKeeper's console socket of a running VM. The terminal is
// raw while it runs (keys go to the guest as typed); Ctrl+] leaves. Without a terminal
// (a pipe, a test) it sends what stdin gives and leaves at Ctrl+] or the end of stdin.
#include "app/cli/consolecommand.h"

#include "models/common/fdio.h"
#include "models/vm/vminstance.h"
#include "models/vm/vmlayout.h"
#include "models/vm/vmlibrary.h"
#include "models/vm/vmstate.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <termios.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr char LeaveKey = 0x1d; // Ctrl+]

int connectTo(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    sockaddr_un address = {};
    if (size_t(native.size()) >= sizeof(address.sun_path))
        return -1;
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, native.constData(), size_t(native.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

/// The terminal in raw mode for as long as this lives, when stdin is one.
class RawTerminal final
{
public:
    RawTerminal()
    {
        if (::isatty(STDIN_FILENO) && ::tcgetattr(STDIN_FILENO, &m_saved) == 0) {
            termios raw = m_saved;
            ::cfmakeraw(&raw);
            m_active = ::tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0;
        }
    }
    ~RawTerminal()
    {
        if (m_active)
            ::tcsetattr(STDIN_FILENO, TCSANOW, &m_saved);
    }
    RawTerminal(const RawTerminal &) = delete;
    RawTerminal &operator=(const RawTerminal &) = delete;

private:
    termios m_saved{};
    bool m_active = false;
};

int cmdConsole(CliSession &s)
{
    const VmEntry &e = s.entry();
    const std::unique_ptr<VmInstance> instance = s.attached(e);
    if (!instance->lastError().isEmpty() && instance->state() == VmState::Stopped)
        throw CliError{instance->lastError()};
    if (instance->state() == VmState::Stopped)
        throw CliError{CliText::tr("%1 is not running").arg(e.definition.name)};
    const int console = connectTo(VmLayout(e.folder, e.definition).serialConsoleSocketPath());
    if (console < 0)
        throw CliError{CliText::tr("%1 has no serial console to join (it was started by an "
                                   "older Berth; restart it)")
                           .arg(e.definition.name)};
    s.err().write(CliText::tr("Connected to the serial console of %1. Press Ctrl+] to leave.")
                      .arg(e.definition.name)
                      .toLocal8Bit() +
                  "\r\n");
    const RawTerminal raw;
    char buffer[16 * 1024];
    bool input = true;
    for (;;) {
        pollfd fds[2] = {{console, POLLIN, 0}, {input ? STDIN_FILENO : -1, POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            const ssize_t n = ::read(console, buffer, sizeof buffer);
            if (n <= 0 && !(n < 0 && errno == EINTR)) {
                ::close(console);
                s.err().write("\r\n" +
                              CliText::tr("The console of %1 closed: the VM stopped.")
                                  .arg(e.definition.name)
                                  .toLocal8Bit() +
                              "\r\n");
                return CliSuccess;
            }
            if (n > 0 && ::write(STDOUT_FILENO, buffer, size_t(n)) < 0 && errno == EPIPE)
                break;
        }
        if (fds[1].revents & (POLLIN | POLLHUP | POLLERR)) {
            const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
            if (n <= 0 && !(n < 0 && errno == EINTR))
                break; // the end of stdin
            if (n > 0) {
                const char *leave =
                    static_cast<const char *>(std::memchr(buffer, LeaveKey, size_t(n)));
                const size_t keep = leave ? size_t(leave - buffer) : size_t(n);
                if (keep > 0 && !FdIo::writeAll(console, buffer, keep))
                    break;
                if (leave)
                    break;
            }
        }
    }
    ::close(console);
    s.err().write("\r\n");
    return CliSuccess;
}

} // namespace

void addConsoleCommand(CliCommandTable &t)
{
    t[u"console"_s] = {
        QT_TRANSLATE_NOOP("CommandLine", "Join a running VM's serial console (Ctrl+] leaves)."),
        "NAME",
        {},
        cmdConsole};
}
