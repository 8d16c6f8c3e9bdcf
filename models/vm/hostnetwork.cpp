// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/hostnetwork.h"

#include "models/common/failure.h"

#include <QFile>
#include <QFileInfo>

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

/// 0 when @p address:@p port can be bound for @p protocol now, else the errno.
int tryBind(const QString &protocol, const QString &address, quint16 port)
{
    const int fd =
        ::socket(AF_INET, (protocol == "udp"_L1 ? SOCK_DGRAM : SOCK_STREAM) | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return errno;
    // As slirp does for its listening sockets: a port in TIME_WAIT is not busy.
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_port = htons(port);
    int result =
        ::inet_pton(AF_INET, address.toLatin1().constData(), &sa.sin_addr) == 1 ? 0 : EINVAL;
    if (result == 0 && ::bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa) != 0)
        result = errno;
    ::close(fd);
    return result;
}

/// Whether @p config (or a file it includes) has "allow @p bridge" or "allow all".
/// qemu-bridge-helper reads the last matching rule; a "deny" after an allow wins.
bool allows(const QString &config, const QString &bridge, int depth = 0)
{
    QFile file(config);
    if (depth > 4 || !file.open(QIODevice::ReadOnly))
        return false;
    bool allowed = false;
    for (const QByteArray &raw : file.readAll().split('\n')) {
        const QStringList words =
            QString::fromUtf8(raw).section(u'#', 0, 0).split(u' ', Qt::SkipEmptyParts);
        if (words.size() != 2)
            continue;
        if (words[0] == "include"_L1)
            allowed = allows(words[1], bridge, depth + 1) || allowed;
        else if (words[1] == bridge || words[1] == "all"_L1)
            allowed = words[0] == "allow"_L1 ? true : words[0] == "deny"_L1 ? false : allowed;
    }
    return allowed;
}

} // namespace

QString HostNetwork::portRefusal(const PortForward &f)
{
    for (int port = f.hostPort; port <= f.hostLast(); ++port) {
        const int error = tryBind(f.protocol, f.address, quint16(port));
        switch (error) {
        case 0:
            continue;
        case EADDRINUSE:
            return tr("Host port %1/%2 on %3 is in use by another program: choose another host "
                      "port, or stop that program.")
                .arg(port)
                .arg(f.protocol, f.address);
        case EACCES:
            return tr("Host port %1/%2 is below 1024, which only root may listen on: choose a "
                      "host port from 1024 up (the guest port may stay %3).")
                .arg(port)
                .arg(f.protocol)
                .arg(f.guestPort + (port - f.hostPort));
        case EADDRNOTAVAIL:
            return tr("%1 is not an address of this computer: a forward listens on 127.0.0.1, "
                      "0.0.0.0 (every address) or one of this computer's own addresses.")
                .arg(f.address);
        default:
            return tr("Cannot listen on host port %1/%2 on %3: %4")
                .arg(port)
                .arg(f.protocol, f.address, systemErrorText(error));
        }
    }
    return {};
}

QString HostNetwork::portRefusal(const QList<PortForward> &forwards)
{
    for (const PortForward &f : forwards) {
        if (QString why = portRefusal(f); !why.isEmpty())
            return why;
    }
    return {};
}

QString HostNetwork::bridgeRefusal(const QString &bridge, const BridgePaths &paths)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(paths.helper).constData(), &st) != 0)
        return tr("Bridged networking needs qemu-bridge-helper, which is not at %1: install "
                  "the qemu-system-common package.")
            .arg(paths.helper);
    if (::geteuid() != 0 && (st.st_uid != 0 || !(st.st_mode & S_ISUID)))
        return tr("%1 must be setuid root to plug a VM into a bridge: run \"sudo chmod u+s "
                  "%1\" (or use a NAT or private network).")
            .arg(paths.helper);
    if (!QFileInfo(paths.sysClassNet + u'/' + bridge + u"/bridge"_s).isDir())
        return tr("There is no bridge \"%1\" on this computer: create it first (for example "
                  "with NetworkManager, or as root: ip link add %1 type bridge), or choose an "
                  "existing one.")
            .arg(bridge);
    if (!allows(paths.config, bridge))
        return tr("qemu-bridge-helper may not use the bridge \"%1\": as root, add the line "
                  "\"allow %1\" to %2 (create the file if it is missing).")
            .arg(bridge, paths.config);
    return {};
}

QString HostNetwork::bridgeRefusal(const QString &bridge)
{
    return bridgeRefusal(bridge, BridgePaths());
}
