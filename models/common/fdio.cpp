// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/common/fdio.h"

#include <cerrno>
#include <unistd.h>

bool FdIo::writeAll(int fd, const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        size -= size_t(n);
    }
    return true;
}
