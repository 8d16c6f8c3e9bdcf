// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QString>
#include <QStringView>

#include <array>
#include <utility>

/// Reads the members of one object of a QMP reply for the typed monitor's value parsers
/// (internal to qmp/). A required member that is missing or of the wrong type records a short,
/// untranslated technical description in `why` (the first one only) and makes ok() false;
/// later reads return their fallbacks, so a parser reads every member and checks ok() once.
class QemuJsonReader final
{
public:
    /// @p what names the object in descriptions ("query-status's answer", "a vCPU").
    QemuJsonReader(const QJsonValue &value, QString &why, QLatin1StringView what);
    QemuJsonReader(const QemuJsonReader &) = delete;
    QemuJsonReader &operator=(const QemuJsonReader &) = delete;

    bool ok() const { return m_ok; }
    const QJsonObject &object() const { return m_object; }

    QString string(QLatin1StringView key);
    QString optionalString(QLatin1StringView key, const QString &fallback = {});
    bool boolean(QLatin1StringView key);
    bool optionalBoolean(QLatin1StringView key, bool fallback = false);
    qint64 integer(QLatin1StringView key);
    qint64 optionalInteger(QLatin1StringView key, qint64 fallback = 0);
    QJsonArray array(QLatin1StringView key);
    QJsonArray optionalArray(QLatin1StringView key);
    QJsonValue optionalValue(QLatin1StringView key) const { return m_object.value(key); }

private:
    void fail(QLatin1StringView key, const char *expected);

    QJsonObject m_object;
    QString &m_why;
    QLatin1StringView m_what;
    bool m_ok = true;
};

/// Parses a JSON array of @p T (each through T::fromJson) into @p out.
template<typename T>
bool qemuListFromJson(const QJsonValue &json, QList<T> &out, QString &why)
{
    if (!json.isArray()) {
        why = QStringLiteral("the answer is not a list");
        return false;
    }
    const QJsonArray array = json.toArray();
    out.clear();
    out.reserve(array.size());
    for (const QJsonValue &element : array) {
        T value;
        if (!T::fromJson(element, value, why))
            return false;
        out.append(std::move(value));
    }
    return true;
}

/// The enum value a QAPI enum name stands for, or @p unknown for a name not in @p names.
template<typename Enum, std::size_t N>
Enum qemuEnumFromName(const std::array<std::pair<QLatin1StringView, Enum>, N> &names,
                      QStringView name, Enum unknown)
{
    for (const auto &[text, value] : names) {
        if (name == text)
            return value;
    }
    return unknown;
}
