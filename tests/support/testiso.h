// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

/// ISO images made at test time with xorriso, for OS detection.
namespace TestIso {

/// Writes @p folder/@p fileName with volume id @p volumeId (and @p publisher when not
/// empty), bootable through El Torito (a 2 KiB boot.img) unless @p bootable is false.
/// Returns its path, or empty on failure (xorriso's complaint is logged).
QString make(const QString &folder, const QString &fileName, const QString &volumeId,
             bool bootable = true, const QString &publisher = {});

/// A volume id osinfo-db recognises as Debian 11 (x86_64) on its own.
inline constexpr char DebianVolumeId[] = "Debian 11.5.0 amd64 n";

} // namespace TestIso
