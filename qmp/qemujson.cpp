// SPDX-License-Identifier: GPL-2.0-or-later
#include "qmp/qemujson_p.h"

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 kNotAnInteger = std::numeric_limits<qint64>::min();

} // namespace

QemuJsonReader::QemuJsonReader(const QJsonValue &value, QString &why, QLatin1StringView what)
    : m_object(value.toObject())
    , m_why(why)
    , m_what(what)
{
    if (!value.isObject()) {
        m_ok = false;
        m_why = u"%1 is not a JSON object"_s.arg(m_what);
    }
}

void QemuJsonReader::fail(QLatin1StringView key, const char *expected)
{
    if (!m_ok)
        return;
    m_ok = false;
    m_why = u"%1 has no %2 \"%3\""_s.arg(m_what, QLatin1StringView(expected), key);
}

QString QemuJsonReader::string(QLatin1StringView key)
{
    const QJsonValue v = m_object.value(key);
    if (!v.isString())
        fail(key, "string");
    return v.toString();
}

QString QemuJsonReader::optionalString(QLatin1StringView key, const QString &fallback)
{
    return m_object.value(key).toString(fallback);
}

bool QemuJsonReader::boolean(QLatin1StringView key)
{
    const QJsonValue v = m_object.value(key);
    if (!v.isBool())
        fail(key, "boolean");
    return v.toBool();
}

bool QemuJsonReader::optionalBoolean(QLatin1StringView key, bool fallback)
{
    return m_object.value(key).toBool(fallback);
}

qint64 QemuJsonReader::integer(QLatin1StringView key)
{
    const qint64 n = m_object.value(key).toInteger(kNotAnInteger);
    if (n == kNotAnInteger) {
        fail(key, "integer");
        return 0;
    }
    return n;
}

qint64 QemuJsonReader::optionalInteger(QLatin1StringView key, qint64 fallback)
{
    return m_object.value(key).toInteger(fallback);
}

QJsonArray QemuJsonReader::array(QLatin1StringView key)
{
    const QJsonValue v = m_object.value(key);
    if (!v.isArray())
        fail(key, "list");
    return v.toArray();
}

QJsonArray QemuJsonReader::optionalArray(QLatin1StringView key)
{
    return m_object.value(key).toArray();
}
