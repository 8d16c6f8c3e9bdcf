// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/disks/diskplan.h"

#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace {

QString size(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

QString preallocationWords(DiskPreallocation p)
{
    switch (p) {
    case DiskPreallocation::Off:
        return DiskPlan::tr("space taken as the guest writes");
    case DiskPreallocation::Metadata:
        return DiskPlan::tr("metadata written ahead");
    case DiskPreallocation::Falloc:
        return DiskPlan::tr("all space reserved now");
    case DiskPreallocation::Full:
        return DiskPlan::tr("all space written now");
    }
    return {};
}

} // namespace

QString DiskPlan::describe() const
{
    switch (kind) {
    case Kind::None:
        return tr("No disk.");
    case Kind::Create:
        return tr("Create a new %1 %2 image (%3) at %4.")
            .arg(size(sizeBytes), format, preallocationWords(preallocation), path);
    case Kind::UseExisting:
        return tr("Use the %1 image %2 where it is.").arg(format, path);
    case Kind::Copy:
        return tr("Copy %1 to %2 (%3).").arg(source, path, format);
    case Kind::Convert:
        return tr("Convert %1 to a qcow2 image at %2.").arg(source, path);
    case Kind::LinkedClone:
        return tr("Create %1, a linked clone of %2 (the base image must stay unchanged).")
            .arg(path, source);
    }
    return {};
}

void DiskPlan::start(DiskImageJob &job) const
{
    switch (kind) {
    case Kind::Create: {
        DiskCreateRequest r;
        r.path = path;
        r.format = format;
        r.sizeBytes = sizeBytes;
        r.preallocation = preallocation;
        job.create(r);
        return;
    }
    case Kind::LinkedClone: {
        DiskCreateRequest r;
        r.path = path;
        r.format = u"qcow2"_s;
        r.backingFile = source;
        job.create(r);
        return;
    }
    case Kind::Copy:
    case Kind::Convert: {
        DiskConvertRequest r;
        r.source = source;
        r.destination = path;
        r.format = kind == Kind::Convert ? u"qcow2"_s : format;
        job.convert(r);
        return;
    }
    case Kind::None:
    case Kind::UseExisting:
        break;
    }
    // Nothing to make: say so the way a job would, from the event loop.
    job.info(path);
}
