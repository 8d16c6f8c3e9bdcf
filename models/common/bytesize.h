// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

#include <optional>

/// Sizes as people type them: "20G", "512M", "1.5GiB", "10737418240". Suffixes are
/// binary (K = 1024), as qemu-img reads them. Returns nothing for anything else.
std::optional<qint64> parseByteSize(const QString &text);
