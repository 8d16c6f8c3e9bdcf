// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

/// One message received from a QMP server, classified.
struct QmpMessage
{
    enum class Type
    {
        Greeting, ///< {"QMP": {"version": ..., "capabilities": [...]}}
        Return,   ///< {"return": ..., "id": ...}
        Error,    ///< {"error": {"class": ..., "desc": ...}, "id": ...}
        Event,    ///< {"event": ..., "data": ..., "timestamp": {...}}
    };

    Type type = Type::Event;
    QJsonValue id;            ///< Return/Error: the id, Undefined when absent
    QJsonValue value;         ///< Return: the value; Greeting: the "QMP" object
    QString name;             ///< Event: its name
    QJsonObject data;         ///< Event: its data (empty when absent)
    QDateTime timestamp;      ///< Event: when QEMU emitted it (UTC)
    QString errorClass;       ///< Error: QMP's class
    QString errorDescription; ///< Error: QMP's desc

    /// Classifies one JSON text. Returns false and sets @p error when it is not a QMP message.
    /// The usual reply, {"return": <object or array>, "id": <integer>}, is read without a JSON
    /// document for the whole message (the outer document cost more than the rest of a round
    /// trip's parsing together); anything else goes through QJsonDocument.
    static bool fromJson(const QByteArray &json, QmpMessage &out, QString &error);
};
