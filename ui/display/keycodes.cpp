// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/display/keycodes.h"

#include <QKeyEvent>

#include <array>

namespace {

// Linux evdev code -> QEMU qnum for the keys whose numbers differ. Codes 1..88 (Esc to
// F12 on a PC keyboard) are identical in both.
struct Pair
{
    quint32 evdev;
    quint32 qnum;
};
constexpr std::array kEvdevToQnum{
    Pair{89, 0x73},  Pair{92, 0x79},  Pair{93, 0x70},  Pair{94, 0x7b},  Pair{96, 0x9c},
    Pair{97, 0x9d},  Pair{98, 0xb5},  Pair{99, 0xb7},  Pair{100, 0xb8}, Pair{102, 0xc7},
    Pair{103, 0xc8}, Pair{104, 0xc9}, Pair{105, 0xcb}, Pair{106, 0xcd}, Pair{107, 0xcf},
    Pair{108, 0xd0}, Pair{109, 0xd1}, Pair{110, 0xd2}, Pair{111, 0xd3}, Pair{113, 0xa0},
    Pair{114, 0xae}, Pair{115, 0xb0}, Pair{116, 0xde}, Pair{117, 0x59}, Pair{119, 0xc6},
    Pair{124, 0x7d}, Pair{125, 0xdb}, Pair{126, 0xdc}, Pair{127, 0xdd},
};

// Qt key -> qnum on a US layout, for platforms that give no scan code.
constexpr std::array kQtToQnum{
    Pair{Qt::Key_Escape, 0x01},      Pair{Qt::Key_1, 0x02},
    Pair{Qt::Key_Exclam, 0x02},      Pair{Qt::Key_2, 0x03},
    Pair{Qt::Key_At, 0x03},          Pair{Qt::Key_3, 0x04},
    Pair{Qt::Key_NumberSign, 0x04},  Pair{Qt::Key_4, 0x05},
    Pair{Qt::Key_Dollar, 0x05},      Pair{Qt::Key_5, 0x06},
    Pair{Qt::Key_Percent, 0x06},     Pair{Qt::Key_6, 0x07},
    Pair{Qt::Key_AsciiCircum, 0x07}, Pair{Qt::Key_7, 0x08},
    Pair{Qt::Key_Ampersand, 0x08},   Pair{Qt::Key_8, 0x09},
    Pair{Qt::Key_Asterisk, 0x09},    Pair{Qt::Key_9, 0x0a},
    Pair{Qt::Key_ParenLeft, 0x0a},   Pair{Qt::Key_0, 0x0b},
    Pair{Qt::Key_ParenRight, 0x0b},  Pair{Qt::Key_Minus, 0x0c},
    Pair{Qt::Key_Underscore, 0x0c},  Pair{Qt::Key_Equal, 0x0d},
    Pair{Qt::Key_Plus, 0x0d},        Pair{Qt::Key_Backspace, 0x0e},
    Pair{Qt::Key_Tab, 0x0f},         Pair{Qt::Key_Q, 0x10},
    Pair{Qt::Key_W, 0x11},           Pair{Qt::Key_E, 0x12},
    Pair{Qt::Key_R, 0x13},           Pair{Qt::Key_T, 0x14},
    Pair{Qt::Key_Y, 0x15},           Pair{Qt::Key_U, 0x16},
    Pair{Qt::Key_I, 0x17},           Pair{Qt::Key_O, 0x18},
    Pair{Qt::Key_P, 0x19},           Pair{Qt::Key_BracketLeft, 0x1a},
    Pair{Qt::Key_BraceLeft, 0x1a},   Pair{Qt::Key_BracketRight, 0x1b},
    Pair{Qt::Key_BraceRight, 0x1b},  Pair{Qt::Key_Return, 0x1c},
    Pair{Qt::Key_Control, 0x1d},     Pair{Qt::Key_A, 0x1e},
    Pair{Qt::Key_S, 0x1f},           Pair{Qt::Key_D, 0x20},
    Pair{Qt::Key_F, 0x21},           Pair{Qt::Key_G, 0x22},
    Pair{Qt::Key_H, 0x23},           Pair{Qt::Key_J, 0x24},
    Pair{Qt::Key_K, 0x25},           Pair{Qt::Key_L, 0x26},
    Pair{Qt::Key_Semicolon, 0x27},   Pair{Qt::Key_Colon, 0x27},
    Pair{Qt::Key_Apostrophe, 0x28},  Pair{Qt::Key_QuoteDbl, 0x28},
    Pair{Qt::Key_QuoteLeft, 0x29},   Pair{Qt::Key_AsciiTilde, 0x29},
    Pair{Qt::Key_Shift, 0x2a},       Pair{Qt::Key_Backslash, 0x2b},
    Pair{Qt::Key_Bar, 0x2b},         Pair{Qt::Key_Z, 0x2c},
    Pair{Qt::Key_X, 0x2d},           Pair{Qt::Key_C, 0x2e},
    Pair{Qt::Key_V, 0x2f},           Pair{Qt::Key_B, 0x30},
    Pair{Qt::Key_N, 0x31},           Pair{Qt::Key_M, 0x32},
    Pair{Qt::Key_Comma, 0x33},       Pair{Qt::Key_Less, 0x33},
    Pair{Qt::Key_Period, 0x34},      Pair{Qt::Key_Greater, 0x34},
    Pair{Qt::Key_Slash, 0x35},       Pair{Qt::Key_Question, 0x35},
    Pair{Qt::Key_Alt, 0x38},         Pair{Qt::Key_Space, 0x39},
    Pair{Qt::Key_CapsLock, 0x3a},    Pair{Qt::Key_Enter, 0x9c},
    Pair{Qt::Key_Home, 0xc7},        Pair{Qt::Key_Up, 0xc8},
    Pair{Qt::Key_PageUp, 0xc9},      Pair{Qt::Key_Left, 0xcb},
    Pair{Qt::Key_Right, 0xcd},       Pair{Qt::Key_End, 0xcf},
    Pair{Qt::Key_Down, 0xd0},        Pair{Qt::Key_PageDown, 0xd1},
    Pair{Qt::Key_Insert, 0xd2},      Pair{Qt::Key_Delete, 0xd3},
    Pair{Qt::Key_Meta, 0xdb},        Pair{Qt::Key_Print, 0xb7},
    Pair{Qt::Key_Pause, 0xc6},       Pair{Qt::Key_Menu, 0xdd},
};

// Qt key -> X keysym for keys whose keysym is not their Latin-1 character.
constexpr std::array kQtToKeysym{
    Pair{Qt::Key_Escape, 0xff1b},   Pair{Qt::Key_Tab, 0xff09},      Pair{Qt::Key_Backspace, 0xff08},
    Pair{Qt::Key_Return, 0xff0d},   Pair{Qt::Key_Enter, 0xff8d},    Pair{Qt::Key_Insert, 0xff63},
    Pair{Qt::Key_Delete, 0xffff},   Pair{Qt::Key_Pause, 0xff13},    Pair{Qt::Key_Print, 0xff61},
    Pair{Qt::Key_Home, 0xff50},     Pair{Qt::Key_End, 0xff57},      Pair{Qt::Key_Left, 0xff51},
    Pair{Qt::Key_Up, 0xff52},       Pair{Qt::Key_Right, 0xff53},    Pair{Qt::Key_Down, 0xff54},
    Pair{Qt::Key_PageUp, 0xff55},   Pair{Qt::Key_PageDown, 0xff56}, Pair{Qt::Key_Shift, 0xffe1},
    Pair{Qt::Key_Control, 0xffe3},  Pair{Qt::Key_Meta, 0xffeb},     Pair{Qt::Key_Alt, 0xffe9},
    Pair{Qt::Key_CapsLock, 0xffe5}, Pair{Qt::Key_Menu, 0xff67},
};

quint32 lookup(const auto &table, quint32 key)
{
    for (const Pair &p : table) {
        if (p.evdev == key)
            return p.qnum;
    }
    return 0;
}

} // namespace

quint32 KeyCodes::qnumFromEvdev(quint32 evdev)
{
    if (evdev >= 1 && evdev <= 88)
        return evdev;
    return lookup(kEvdevToQnum, evdev);
}

quint32 KeyCodes::qnum(const QKeyEvent *event)
{
    if (event->nativeScanCode() > 8)
        return qnumFromEvdev(event->nativeScanCode() - 8);
    const int key = event->key();
    if (key >= Qt::Key_F1 && key <= Qt::Key_F12)
        return qnumF(key - Qt::Key_F1 + 1);
    return lookup(kQtToQnum, quint32(key));
}

quint32 KeyCodes::keysym(const QKeyEvent *event)
{
    if (event->nativeVirtualKey() != 0)
        return event->nativeVirtualKey();
    const int key = event->key();
    if (key >= Qt::Key_F1 && key <= Qt::Key_F12)
        return 0xffbe + quint32(key - Qt::Key_F1);
    if (const quint32 k = lookup(kQtToKeysym, quint32(key)))
        return k;
    const QString text = event->text();
    if (text.size() == 1 && text.at(0).unicode() >= 0x20 && text.at(0).unicode() < 0x100)
        return text.at(0).unicode();
    if (key >= 0x20 && key < 0x100)
        return quint32(QChar(key).toLower().unicode());
    return 0;
}

quint32 KeyCodes::qnumF(int n)
{
    if (n >= 1 && n <= 10)
        return 0x3a + quint32(n);
    return n == 11 ? 0x57 : n == 12 ? 0x58 : 0;
}
