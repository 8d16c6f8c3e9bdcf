// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

/// What Berth suggests for a new VM that installs one operating system: filled in by
/// OsDetector from the install media, or the generic profile (the defaults below) when
/// the media is not recognised.
struct OsProfile
{
    /// Where a suggested value came from.
    enum class Source
    {
        Recommended, ///< osinfo-db's "recommended" resources for the OS
        Minimum,     ///< osinfo-db's "minimum" resources (no recommendation given)
        Generic,     ///< Berth's generic profile (osinfo-db says nothing)
    };

    bool recognised = false;                   ///< osinfo-db identified the media
    QString name;                              ///< e.g. "Debian 11"; empty when not recognised
    QString shortId;                           ///< osinfo short id, e.g. "debian11"
    QString vmName = QStringLiteral("New VM"); ///< a suggested VM name (may be taken)
    int memoryMiB = 2048;
    int cpus = 2;
    qint64 diskBytes = qint64(20) * 1024 * 1024 * 1024;
    Source memorySource = Source::Generic;
    Source cpusSource = Source::Generic;
    Source diskSource = Source::Generic;
    bool wantsUefi = false; ///< osinfo-db says the OS cannot boot with a BIOS
    /// The OS refuses to install without a TPM 2.0 (Windows 11, Windows Server 2025).
    bool wantsTpm = false;
    /// The OS expects UEFI Secure Boot with Microsoft's keys (the same Windows releases).
    bool wantsSecureBoot = false;
    QString version;      ///< osinfo's version, e.g. "12"; empty when not recognised
    QString architecture; ///< the media's architecture, e.g. "x86_64"
    /// Where the entry came from: osinfo-db on this system, or the database Berth ships
    /// for the releases it does not know yet (OsDetector::supplementaryFolder()).
    bool fromBerthDatabase = false;
    /// One sentence for the user when something is off: not recognised, not readable,
    /// not bootable. Empty for a recognised OS.
    QString note;

    friend bool operator==(const OsProfile &, const OsProfile &) = default;
};
