// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

class QWidget;

/// For bench_gui_start: with BERTH_STARTUP_PROBE set, prints one line on stdout once
/// the main window has been painted for the first time:
///     berth-startup shown
/// The benchmark times it from its own fork() and reads the resident memory then.
namespace StartupProbe {
void install(QWidget *window);
}
