// SPDX-License-Identifier: GPL-2.0-or-later
#include "qmp/qmpmessage.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace {

const char *const kContext = "QmpMessage";

QString trMessage(const char *text)
{
    return QCoreApplication::translate(kContext, text);
}

QDateTime timestampOf(const QJsonObject &object)
{
    const QJsonObject ts = object.value("timestamp"_L1).toObject();
    const qint64 seconds = ts.value("seconds"_L1).toInteger(-1);
    const qint64 micros = ts.value("microseconds"_L1).toInteger(0);
    if (seconds < 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(seconds * 1000 + micros / 1000, Qt::UTC);
}

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

qsizetype skipSpace(const char *data, qsizetype size, qsizetype pos)
{
    while (pos < size && isJsonSpace(data[pos]))
        ++pos;
    return pos;
}

/// The position after the JSON value that starts at @p pos, found without checking the value
/// (QJsonDocument does that for the part that is kept); -1 when it does not end.
qsizetype skipValue(const char *data, qsizetype size, qsizetype pos)
{
    if (pos >= size)
        return -1;
    if (data[pos] != '{' && data[pos] != '[' && data[pos] != '"') {
        while (pos < size && !isJsonSpace(data[pos]) && data[pos] != ',' && data[pos] != '}')
            ++pos;
        return pos;
    }
    int depth = 0;
    bool inString = false;
    for (; pos < size; ++pos) {
        const char c = data[pos];
        if (inString) {
            if (c == '\\') {
                ++pos; // whatever is escaped
            } else if (c == '"') {
                inString = false;
                if (depth == 0)
                    return pos + 1;
            }
            continue;
        }
        if (c == '"')
            inString = true;
        else if (c == '{' || c == '[')
            ++depth;
        else if ((c == '}' || c == ']') && --depth == 0)
            return pos + 1;
    }
    return -1;
}

/// A plain non-negative integer of at most 18 digits, or -1.
qint64 plainInteger(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 18)
        return -1;
    qint64 n = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return -1;
        n = n * 10 + (c - '0');
    }
    return n;
}

/// The usual reply: {"return": <object or array>, "id": <integer>}, members in either order.
/// False for anything else, which the general path then reads (and judges).
bool readPlainReply(const QByteArray &json, QmpMessage &out)
{
    const char *data = json.constData();
    const qsizetype size = json.size();
    qsizetype pos = skipSpace(data, size, 0);
    if (pos >= size || data[pos] != '{')
        return false;
    ++pos;
    QByteArrayView returned;
    qint64 id = -1;
    for (;;) {
        pos = skipSpace(data, size, pos);
        if (pos >= size || data[pos] != '"')
            return false;
        const qsizetype keyStart = ++pos;
        while (pos < size && data[pos] != '"' && data[pos] != '\\')
            ++pos;
        if (pos >= size || data[pos] != '"')
            return false;
        const QByteArrayView key(data + keyStart, pos - keyStart);
        pos = skipSpace(data, size, pos + 1);
        if (pos >= size || data[pos] != ':')
            return false;
        const qsizetype valueStart = skipSpace(data, size, pos + 1);
        const qsizetype valueEnd = skipValue(data, size, valueStart);
        if (valueEnd < 0)
            return false;
        const QByteArrayView value(data + valueStart, valueEnd - valueStart);
        if (key == "return" && returned.isNull()) {
            returned = value;
        } else if (key == "id" && id < 0) {
            id = plainInteger(value);
            if (id < 0)
                return false;
        } else {
            return false;
        }
        pos = skipSpace(data, size, valueEnd);
        if (pos < size && data[pos] == ',') {
            ++pos;
            continue;
        }
        if (pos < size && data[pos] == '}')
            break;
        return false;
    }
    if (skipSpace(data, size, pos + 1) != size || returned.isEmpty() || id < 0)
        return false;

    QJsonValue value;
    if (returned == "{}") {
        value = QJsonObject();
    } else if (returned.front() == '{' || returned.front() == '[') {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(
            QByteArray::fromRawData(returned.data(), returned.size()), &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return false;
        value = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    } else {
        return false;
    }
    out = QmpMessage{};
    out.type = QmpMessage::Type::Return;
    out.id = id;
    out.value = std::move(value);
    return true;
}

} // namespace

bool QmpMessage::fromJson(const QByteArray &json, QmpMessage &out, QString &error)
{
    if (readPlainReply(json, out))
        return true;

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        error =
            trMessage(QT_TRANSLATE_NOOP("QmpMessage", "malformed JSON from QEMU (%1 at offset %2)"))
                .arg(parseError.errorString())
                .arg(parseError.offset);
        return false;
    }
    if (!doc.isObject()) {
        error = trMessage(QT_TRANSLATE_NOOP("QmpMessage", "QEMU sent JSON that is not an object"));
        return false;
    }

    out = QmpMessage{};
    const QJsonObject o = doc.object();
    out.id = o.value("id"_L1);

    if (o.contains("QMP"_L1)) {
        const QJsonObject qmp = o.value("QMP"_L1).toObject();
        if (!qmp.value("version"_L1).isObject() || !qmp.value("capabilities"_L1).isArray()) {
            error = trMessage(QT_TRANSLATE_NOOP(
                "QmpMessage", "the QMP greeting lacks its version or capabilities"));
            return false;
        }
        out.type = Type::Greeting;
        out.value = qmp;
        return true;
    }
    if (o.contains("return"_L1)) {
        out.type = Type::Return;
        out.value = o.value("return"_L1);
        return true;
    }
    if (o.contains("error"_L1)) {
        const QJsonObject err = o.value("error"_L1).toObject();
        const QJsonValue desc = err.value("desc"_L1);
        if (!desc.isString()) {
            error = trMessage(
                QT_TRANSLATE_NOOP("QmpMessage", "an error reply from QEMU has no description"));
            return false;
        }
        out.type = Type::Error;
        out.errorClass = err.value("class"_L1).toString(u"GenericError"_s);
        out.errorDescription = desc.toString();
        return true;
    }
    if (o.contains("event"_L1)) {
        const QJsonValue name = o.value("event"_L1);
        if (!name.isString() || name.toString().isEmpty()) {
            error = trMessage(QT_TRANSLATE_NOOP("QmpMessage", "an event from QEMU has no name"));
            return false;
        }
        out.type = Type::Event;
        out.name = name.toString();
        out.data = o.value("data"_L1).toObject();
        out.timestamp = timestampOf(o);
        return true;
    }
    error = trMessage(QT_TRANSLATE_NOOP(
        "QmpMessage", "QEMU sent a message that is neither a reply nor an event"));
    return false;
}
