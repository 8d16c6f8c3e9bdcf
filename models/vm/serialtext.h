// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QStringDecoder>

/// A guest's serial console output made safe to print on the user's terminal (`berth log`):
/// what the guest sends must not move the cursor, retitle the window, answer back or switch
/// the terminal's character set.
///
/// Kept: printable text (decoded as UTF-8; invalid bytes become U+FFFD), newlines and tabs;
/// "\r\n" becomes "\n". Dropped: escape sequences (CSI "ESC [ ... final", OSC "ESC ] ...
/// BEL or ESC \", DCS/SOS/PM/APC strings, two-character "ESC x"), every other C0 control,
/// DEL and the C1 controls (U+0080..U+009F, which some terminals obey like ESC sequences).
///
/// Streaming: feed() takes the file in chunks of any size, a sequence or a UTF-8 character
/// split across chunks included; finish() flushes what is pending.
class SerialText final
{
public:
    SerialText() = default;

    /// The printable part of @p bytes, as UTF-8.
    QByteArray feed(QByteArrayView bytes);
    /// Ends the text: a split UTF-8 character, an unfinished sequence and a lone "\r" are
    /// dropped. Returns nothing today; kept so that callers need not know.
    QByteArray finish();

    /// feed() and finish() of a whole text.
    static QByteArray clean(QByteArrayView bytes);

private:
    enum class State
    {
        Text,
        Escape,       ///< after ESC
        Csi,          ///< ESC [ parameters... until a final byte
        String,       ///< OSC, DCS, SOS, PM, APC: until BEL or ESC backslash
        StringEscape, ///< ESC inside a string
    };

    QStringDecoder m_decoder{QStringDecoder::Utf8};
    State m_state = State::Text;
    bool m_carriageReturn = false;
};
