// SPDX-License-Identifier: GPL-2.0-or-later
#include "qmp/qmpstreamparser.h"

#include <QCoreApplication>

#include <array>

namespace {

constexpr qsizetype kKeptCapacity = 1024 * 1024;

/// The bytes that can change the scanner's state inside a string, and inside an object
/// outside strings; all others are skipped by a table lookup each.
constexpr auto kStringStops = [] {
    std::array<bool, 256> stops{};
    stops[size_t('"')] = stops[size_t('\\')] = true;
    return stops;
}();
constexpr auto kStructureStops = [] {
    std::array<bool, 256> stops{};
    for (const char c : {'"', '{', '}', '[', ']'})
        stops[size_t(c)] = true;
    return stops;
}();

} // namespace

QmpStreamParser::QmpStreamParser(qsizetype maxMessageBytes)
    : m_maxMessageBytes(maxMessageBytes)
{}

void QmpStreamParser::feed(QByteArrayView bytes)
{
    if (!m_failed)
        m_buffer.append(bytes);
}

char *QmpStreamParser::appendBuffer(qsizetype size)
{
    m_appendFrom = m_buffer.size();
    m_buffer.resize(m_appendFrom + size);
    return m_buffer.data() + m_appendFrom;
}

void QmpStreamParser::commitAppend(qsizetype written)
{
    m_buffer.resize(m_failed ? m_appendFrom : m_appendFrom + written);
}

void QmpStreamParser::reset()
{
    m_buffer.clear();
    m_start = m_scan = 0;
    m_depth = 0;
    m_inString = m_escape = m_failed = false;
}

void QmpStreamParser::compact()
{
    // Drop consumed bytes once they dominate the buffer, so a long session does not
    // grow it without bound and a big message is not copied once per small read.
    if (m_start > 0 && m_start >= m_buffer.size() / 2) {
        m_buffer.remove(0, m_start);
        m_scan -= m_start;
        m_start = 0;
    }
}

QmpStreamParser::Status QmpStreamParser::next(QByteArray &json, QString &error)
{
    if (m_failed)
        return Status::NeedMore;

    const char *data = m_buffer.constData();
    const qsizetype size = m_buffer.size();
    for (; m_scan < size; ++m_scan) {
        if (m_depth > 0 && !m_escape) {
            const std::array<bool, 256> &stops = m_inString ? kStringStops : kStructureStops;
            while (m_scan < size && !stops[static_cast<unsigned char>(data[m_scan])])
                ++m_scan;
            if (m_scan == size)
                break;
        }
        const char c = data[m_scan];
        if (m_depth == 0) {
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                m_start = m_scan + 1;
                continue;
            }
            if (c != '{') {
                m_failed = true;
                error = QCoreApplication::translate(
                            "QmpStreamParser",
                            "QEMU sent unexpected data outside a JSON object (byte 0x%1)")
                            .arg(static_cast<unsigned char>(c), 2, 16, QLatin1Char('0'));
                return Status::Error;
            }
            m_start = m_scan;
            m_depth = 1;
            continue;
        }
        if (m_inString) {
            if (m_escape)
                m_escape = false;
            else if (c == '\\')
                m_escape = true;
            else if (c == '"')
                m_inString = false;
            continue;
        }
        switch (c) {
        case '"':
            m_inString = true;
            break;
        case '{':
        case '[':
            if (++m_depth > MaxNesting) {
                m_failed = true;
                error = QCoreApplication::translate(
                            "QmpStreamParser", "QEMU sent JSON nested more than %1 levels deep")
                            .arg(MaxNesting);
                return Status::Error;
            }
            break;
        case '}':
        case ']':
            if (--m_depth == 0) {
                json = m_buffer.sliced(m_start, m_scan + 1 - m_start);
                m_start = ++m_scan;
                compact();
                return Status::Message;
            }
            break;
        default:
            break;
        }
    }

    if (m_depth > 0 && m_scan - m_start > m_maxMessageBytes) {
        m_failed = true;
        error = QCoreApplication::translate("QmpStreamParser", "a message from QEMU exceeds %1 MiB")
                    .arg(m_maxMessageBytes / (1024 * 1024));
        return Status::Error;
    }
    if (m_depth == 0) {
        // Everything was consumed. Keep the allocation for the next read unless a huge
        // message left it large.
        if (m_buffer.capacity() > kKeptCapacity)
            m_buffer.clear();
        else
            m_buffer.resize(0);
        m_start = m_scan = 0;
    } else {
        compact();
    }
    return Status::NeedMore;
}
