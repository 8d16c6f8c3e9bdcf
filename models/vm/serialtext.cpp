// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/serialtext.h"

#include <QString>

QByteArray SerialText::feed(QByteArrayView bytes)
{
    const QString text = m_decoder.decode(bytes);
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        switch (m_state) {
        case State::Text:
            if (m_carriageReturn && u != u'\n')
                m_carriageReturn = false; // a lone carriage return is dropped
            if (u == 0x1b) {
                m_state = State::Escape;
            } else if (u == 0x9b) { // 8-bit CSI
                m_state = State::Csi;
            } else if (u == 0x90 || u == 0x9d || u == 0x98 || u == 0x9e || u == 0x9f) {
                m_state = State::String; // 8-bit DCS, OSC, SOS, PM, APC
            } else if (u == u'\r') {
                m_carriageReturn = true;
            } else if (u == u'\n') {
                m_carriageReturn = false;
                out += c;
            } else if (u == u'\t' || (u >= 0x20 && u != 0x7f && (u < 0x80 || u > 0x9f))) {
                out += c;
            }
            break;
        case State::Escape:
            if (u == u'[')
                m_state = State::Csi;
            else if (u == u']' || u == u'P' || u == u'X' || u == u'^' || u == u'_')
                m_state = State::String;
            else if (u >= 0x20 && u <= 0x2f)
                ; // an intermediate byte: the sequence goes on ("ESC ( B")
            else
                m_state = State::Text; // "ESC x": x ends it
            break;
        case State::Csi:
            if (u >= 0x40 && u <= 0x7e)
                m_state = State::Text;
            else if (u == 0x1b)
                m_state = State::Escape;
            break;
        case State::String:
            if (u == 0x07 || u == 0x9c)
                m_state = State::Text;
            else if (u == 0x1b)
                m_state = State::StringEscape;
            break;
        case State::StringEscape:
            m_state = u == u'\\' ? State::Text : State::String;
            break;
        }
    }
    return out.toUtf8();
}

QByteArray SerialText::finish()
{
    // What is pending (a split UTF-8 character, an unfinished sequence) is dropped.
    m_decoder.resetState();
    m_state = State::Text;
    m_carriageReturn = false;
    return {};
}

QByteArray SerialText::clean(QByteArrayView bytes)
{
    SerialText text;
    return text.feed(bytes) + text.finish();
}
