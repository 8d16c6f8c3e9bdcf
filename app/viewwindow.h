// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

/// `berth view`'s window: only one VM's screen, until the user closes it. The CLI finds
/// the VM and starts it (app/cli/displaycommands.cpp); this is the part that needs Qt
/// Widgets, which main() lends the CLI as its CliViewer so that berth_cli links none.
namespace ViewWindow {

/// Shows a DisplayWindow on @p vncSocket, titled with @p vmName, and runs the event loop
/// until it closes. When Berth's window runs for @p libraryRoot, it shows the VM there
/// instead (WindowServer) and this returns at once. Needs a QApplication. Returns
/// QApplication::exec()'s code.
int exec(const QString &vmName, const QString &vncSocket, bool fullScreen,
         const QString &libraryRoot);

} // namespace ViewWindow
