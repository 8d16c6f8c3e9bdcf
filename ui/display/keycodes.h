// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QtGlobal>

class QKeyEvent;

/// Key codes for QEMU's VNC server: "qnum" codes (XT scancode set 1; E0-prefixed keys
/// as 0x80 | code, QEMU's own numbering) and X keysyms.
class KeyCodes final
{
public:
    /// The qnum for a Linux evdev key code (KEY_*), or 0 when QEMU has none.
    static quint32 qnumFromEvdev(quint32 evdev);
    /// The qnum for @p event: from its native scan code (X11/Wayland: evdev + 8), or
    /// for platforms without one (offscreen), from Qt's key for a US layout.
    static quint32 qnum(const QKeyEvent *event);
    /// The X keysym for @p event (its native virtual key on X11, else from Qt's key).
    static quint32 keysym(const QKeyEvent *event);

    // A few qnums and keysyms for the "Send key" menu.
    static constexpr quint32 QnumLeftCtrl = 0x1d;
    static constexpr quint32 QnumLeftAlt = 0x38;
    static constexpr quint32 QnumLeftShift = 0x2a;
    static constexpr quint32 QnumDelete = 0xd3;
    static constexpr quint32 QnumBackspace = 0x0e;
    static constexpr quint32 QnumPrintScreen = 0xb7;
    static quint32 qnumF(int n); ///< F1..F12
};
