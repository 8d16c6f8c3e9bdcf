// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/common/hostcapabilities.h"
#include "models/common/failure.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

HostCapabilities::KvmStatus HostCapabilities::kvm(const QString &devicePath)
{
    const QByteArray path = devicePath.toLocal8Bit();
    const int fd = ::open(path.constData(), O_RDWR | O_CLOEXEC);
    if (fd >= 0) {
        ::close(fd);
        return {true, {}};
    }
    const int err = errno;
    QString reason;
    if (err == ENOENT)
        reason =
            QCoreApplication::translate(
                "HostCapabilities", "%1 does not exist: KVM is not available on this host "
                                    "(no hardware virtualisation, or the kvm module is not loaded)")
                .arg(devicePath);
    else if (err == EACCES || err == EPERM)
        reason = QCoreApplication::translate(
                     "HostCapabilities", "%1 is not accessible: add your user to the \"kvm\" group")
                     .arg(devicePath);
    else
        reason = QCoreApplication::translate("HostCapabilities", "%1 cannot be opened: %2")
                     .arg(devicePath, systemErrorText(err));
    return {false, reason};
}
