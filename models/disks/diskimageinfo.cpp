// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/disks/diskimageinfo.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace {

// JSON numbers are doubles; image sizes stay exact up to 2^53 bytes (8 PiB).
qint64 number(const QJsonObject &o, QLatin1StringView key)
{
    return qint64(o.value(key).toDouble());
}

DiskImageInfo fromObject(const QJsonObject &o)
{
    DiskImageInfo info;
    info.path = o.value("filename"_L1).toString();
    info.format = o.value("format"_L1).toString();
    info.virtualSize = number(o, "virtual-size"_L1);
    info.actualSize = number(o, "actual-size"_L1);
    info.chainActualSize = info.actualSize;
    info.clusterSize = number(o, "cluster-size"_L1);
    info.backingFile = o.value("backing-filename"_L1).toString();
    info.fullBackingFile = o.value("full-backing-filename"_L1).toString();
    info.backingFormat = o.value("backing-filename-format"_L1).toString();
    info.dirty = o.value("dirty-flag"_L1).toBool();
    info.encrypted = o.value("encrypted"_L1).toBool();
    info.snapshotCount = int(o.value("snapshots"_L1).toArray().size());
    const QJsonObject specific = o.value("format-specific"_L1).toObject();
    const QJsonObject data = specific.value("data"_L1).toObject();
    info.corrupt = data.value("corrupt"_L1).toBool();
    if (specific.value("type"_L1).toString() == "vmdk"_L1)
        info.vmdkSubformat = data.value("create-type"_L1).toString();
    return info;
}

} // namespace

std::optional<DiskImageInfo> DiskImageInfo::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    QJsonArray chain;
    if (doc.isArray())
        chain = doc.array();
    else if (doc.isObject())
        chain.append(doc.object());
    const QJsonObject first = chain.isEmpty() ? QJsonObject() : chain.first().toObject();
    if (!first.contains("format"_L1) || !first.contains("virtual-size"_L1)) {
        if (error)
            *error = parseError.error != QJsonParseError::NoError
                         ? tr("qemu-img printed something that is not JSON: %1")
                               .arg(parseError.errorString())
                         : tr("qemu-img's output does not describe an image.");
        return std::nullopt;
    }
    DiskImageInfo info = fromObject(first);
    for (qsizetype i = 1; i < chain.size(); ++i)
        info.chainActualSize += number(chain.at(i).toObject(), "actual-size"_L1);
    return info;
}

QJsonObject DiskImageInfo::toJson() const
{
    const auto orNull = [](const QString &s) {
        return s.isEmpty() ? QJsonValue() : QJsonValue(s);
    };
    return {
        {u"path"_s, path},
        {u"format"_s, format},
        {u"virtual_size"_s, double(virtualSize)},
        {u"actual_size"_s, double(actualSize)},
        {u"backing"_s, orNull(backingFile)},
        {u"full_backing"_s, orNull(fullBackingFile)},
        {u"backing_format"_s, orNull(backingFormat)},
        {u"cluster_size"_s, clusterSize ? QJsonValue(double(clusterSize)) : QJsonValue()},
        {u"dirty"_s, dirty},
        {u"corrupt"_s, corrupt},
        {u"encrypted"_s, encrypted},
        {u"snapshots"_s, snapshotCount},
        {u"in_use"_s, inUseByAnotherProcess},
    };
}
