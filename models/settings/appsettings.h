// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/vm/vmdefinition.h"

#include <QString>

/// Berth's user preferences, stored with QSettings (organisation and application "berth").
///
/// One place for the keys and their defaults, so the Preferences dialog, main(), the tray
/// and the statistics sampler read the same values. Every getter falls back to the default
/// when the stored value is missing or invalid.
class AppSettings final
{
public:
    /// What closing the main window does while VMs are running.
    enum class CloseAction
    {
        KeepInTray, ///< hide the window, keep Berth in the system tray (the default)
        Quit,       ///< quit Berth; the VMs keep running detached
        Ask,        ///< ask each time
    };

    static constexpr int DefaultStatsIntervalMs = 1000;
    static constexpr int MinStatsIntervalMs = 250;
    static constexpr int MaxStatsIntervalMs = 60000;
    static constexpr double DefaultOvercommitRatio = 1.0;
    static constexpr double MinOvercommitRatio = 0.1;
    static constexpr double MaxOvercommitRatio = 10.0;

    /// The VM library folder; empty means libraryRoot() ($BERTH_LIBRARY or XDG).
    static QString libraryFolder();
    static void setLibraryFolder(const QString &folder);
    /// $BERTH_LIBRARY, else the folder chosen in Preferences (libraryFolder()),
    /// else $XDG_DATA_HOME/berth (~/.local/share/berth, VmLibrary::standardRoot()).
    static QString libraryRoot();

    /// The accelerator a new VM starts with (`vm/defaultAccelerator`).
    static Accelerator defaultAccelerator();
    static void setDefaultAccelerator(Accelerator accelerator);

    /// How often the statistics are sampled, in milliseconds (`stats/intervalMs`).
    static int statsIntervalMs();
    static void setStatsIntervalMs(int ms);

    /// `resources/overcommitRatio`: how much memory the running VMs may be given together, as
    /// a multiple of the host's memory (MemoryAdmission); clamped to [Min, Max]OvercommitRatio.
    static double overcommitRatio();
    static void setOvercommitRatio(double ratio);

    /// `ui/closeAction`: "tray", "quit" or "ask".
    static CloseAction closeAction();
    static void setCloseAction(CloseAction action);

    /// `ui/language`: a locale name such as "zh_CN" or "en"; empty follows the system.
    static QString language();
    static void setLanguage(const QString &language);
};
