// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

/// Splits a QMP byte stream into complete JSON objects.
///
/// QEMU writes one JSON object per line, but a monitor started with `pretty=on`
/// spreads one over many lines, so the splitter follows the JSON structure
/// (braces outside strings) rather than line ends. It keeps its position between
/// calls: bytes fed one at a time cost the same as one large chunk (no rescans).
///
/// Anything other than whitespace between objects, an object nested too deeply
/// or one larger than the size limit is a protocol violation: next() reports
/// Status::Error once, and the parser stays failed until reset().
class QmpStreamParser final
{
public:
    /// QEMU's largest reply, `query-qmp-schema`, is about 5 MB on 7.2.
    static constexpr qsizetype DefaultMaxMessageBytes = qsizetype(64) * 1024 * 1024;
    static constexpr int MaxNesting = 1024;

    enum class Status
    {
        NeedMore,
        Message,
        Error
    };

    explicit QmpStreamParser(qsizetype maxMessageBytes = DefaultMaxMessageBytes);

    void feed(QByteArrayView bytes);

    /// For a read(2) straight into the parser: room for @p size more bytes at the end of its
    /// buffer. Call commitAppend() with the number of bytes written there (0 if none) before
    /// anything else; together they are a feed() without a copy.
    char *appendBuffer(qsizetype size);
    void commitAppend(qsizetype written);

    /// Extracts the next complete object into @p json, or says why it cannot.
    Status next(QByteArray &json, QString &error);

    /// True while an object has started but not yet ended.
    bool hasPartialMessage() const { return m_depth > 0; }

    void reset();

private:
    void compact();

    QByteArray m_buffer;
    qsizetype m_maxMessageBytes;
    qsizetype m_start = 0;      ///< where the object being scanned begins
    qsizetype m_scan = 0;       ///< first byte not yet scanned
    qsizetype m_appendFrom = 0; ///< where appendBuffer()'s room begins
    int m_depth = 0;
    bool m_inString = false;
    bool m_escape = false;
    bool m_failed = false;
};
