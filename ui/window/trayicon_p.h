// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ui/window/trayicon.h"

/// Test hook: makes @p tray report a system tray (isAvailable()) where none exists, such as
/// offscreen, so that what the window does with a tray can be tested. Nothing is shown.
inline void assumeTrayAvailableForTesting(TrayIcon *tray)
{
    tray->m_assumeAvailable = true;
}
