// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstddef>

/// Plain file-descriptor helpers that make only system calls (safe after a fork).
namespace FdIo {

/// Writes all @p size bytes of @p data to @p fd, retrying short writes and EINTR; false on
/// any other failure (errno says why). Berth ignores SIGPIPE, so a closed peer is a false.
bool writeAll(int fd, const char *data, size_t size);

} // namespace FdIo
