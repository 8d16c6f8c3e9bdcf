// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/disks/diskcheckreport.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace {

qint64 number(const QJsonObject &o, QLatin1StringView key)
{
    return qint64(o.value(key).toDouble());
}

} // namespace

std::optional<DiskCheckReport> DiskCheckReport::fromJson(const QByteArray &json, QString *error)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    if (!o.contains("check-errors"_L1)) {
        if (error)
            *error = tr("qemu-img check printed no report.");
        return std::nullopt;
    }
    DiskCheckReport r;
    r.format = o.value("format"_L1).toString();
    r.corruptions = number(o, "corruptions"_L1);
    r.leaks = number(o, "leaks"_L1);
    r.checkErrors = number(o, "check-errors"_L1);
    r.corruptionsFixed = number(o, "corruptions-fixed"_L1);
    r.leaksFixed = number(o, "leaks-fixed"_L1);
    r.totalClusters = number(o, "total-clusters"_L1);
    r.allocatedClusters = number(o, "allocated-clusters"_L1);
    r.fragmentedClusters = number(o, "fragmented-clusters"_L1);
    r.compressedClusters = number(o, "compressed-clusters"_L1);
    r.imageEndOffset = number(o, "image-end-offset"_L1);
    return r;
}

DiskCheckReport DiskCheckReport::unsupported(const QString &format)
{
    DiskCheckReport r;
    r.format = format;
    r.supported = false;
    return r;
}

QString DiskCheckReport::summary() const
{
    if (!supported)
        return tr("%1 images have no metadata that could be checked; there is nothing to "
                  "repair.")
            .arg(format);
    if (isClean())
        return tr("No errors were found.");
    QStringList parts;
    if (corruptions > 0)
        parts << tr("Corruptions: %1. The image's tables point to the wrong places and data may "
                    "be lost; restore it from a backup, or repair a copy with qemu-img check -r "
                    "all.")
                     .arg(corruptions);
    if (checkErrors > 0)
        parts << tr("Parts that could not be read: %1; the check is incomplete.").arg(checkErrors);
    if (leaks > 0)
        parts << tr("Leaked clusters: %1. They waste space but do not harm the data; qemu-img "
                    "check -r leaks frees them while no VM uses the image.")
                     .arg(leaks);
    return parts.join(u' ');
}

QJsonObject DiskCheckReport::toJson() const
{
    return {
        {u"format"_s, format},
        {u"supported"_s, supported},
        {u"clean"_s, isClean()},
        {u"corruptions"_s, double(corruptions)},
        {u"leaks"_s, double(leaks)},
        {u"check_errors"_s, double(checkErrors)},
        {u"total_clusters"_s, double(totalClusters)},
        {u"allocated_clusters"_s, double(allocatedClusters)},
        {u"fragmented_clusters"_s, double(fragmentedClusters)},
        {u"compressed_clusters"_s, double(compressedClusters)},
        {u"image_end_offset"_s, double(imageEndOffset)},
        {u"summary"_s, summary()},
    };
}
