#include "qmp/qmpmessage.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

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

} // namespace

bool QmpMessage::fromJson(const QByteArray &json, QmpMessage &out, QString &error)
{
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
    out.object = doc.object();
    const QJsonObject &o = out.object;
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
