// SPDX-License-Identifier: GPL-2.0-or-later
// DiskImageJob's static half: the formats it handles and the synchronous checks a form runs
// as the user types (and that create() and convert() run first).
#include "models/disks/diskimagejob.h"

#include <QFileInfo>
#include <QLocale>
#include <QStorageInfo>

using namespace Qt::Literals::StringLiterals;

namespace {

QString absolute(const QString &path)
{
    return path.isEmpty() ? path : QFileInfo(path).absoluteFilePath();
}

QString sameFile(const QString &a, const QString &b)
{
    const QString ca = QFileInfo(a).canonicalFilePath();
    return !ca.isEmpty() && ca == QFileInfo(b).canonicalFilePath() ? ca : QString();
}

} // namespace

QStringList DiskImageJob::createFormats()
{
    return {u"qcow2"_s, u"raw"_s};
}

QStringList DiskImageJob::convertFormats()
{
    return {u"qcow2"_s, u"raw"_s, u"vmdk"_s, u"vdi"_s, u"vhdx"_s};
}

bool DiskImageJob::canCompress(const QString &format)
{
    return format == "qcow2"_L1 || format == "vmdk"_L1;
}

QString DiskImageJob::preallocationName(DiskPreallocation p)
{
    switch (p) {
    case DiskPreallocation::Off:
        return u"off"_s;
    case DiskPreallocation::Metadata:
        return u"metadata"_s;
    case DiskPreallocation::Falloc:
        return u"falloc"_s;
    case DiskPreallocation::Full:
        return u"full"_s;
    }
    return u"off"_s;
}

std::optional<DiskPreallocation> DiskImageJob::preallocationFromName(const QString &name)
{
    for (DiskPreallocation p : {DiskPreallocation::Off, DiskPreallocation::Metadata,
                                DiskPreallocation::Falloc, DiskPreallocation::Full}) {
        if (preallocationName(p) == name)
            return p;
    }
    return std::nullopt;
}

QString DiskImageJob::destinationProblem(const QString &path, bool overwrite)
{
    if (path.trimmed().isEmpty())
        return tr("Choose a file name for the new image.");
    const QFileInfo file(path);
    if (file.isDir())
        return tr("%1 is a folder; choose a file name inside it.").arg(file.absoluteFilePath());
    if (file.exists() && !overwrite)
        return tr("%1 exists already. Choose another name, or confirm that it may be replaced.")
            .arg(file.absoluteFilePath());
    const QFileInfo folder(file.absolutePath());
    if (!folder.isDir())
        return tr("The folder %1 does not exist.").arg(folder.absoluteFilePath());
    if (!folder.isWritable())
        return tr("You cannot write to the folder %1.").arg(folder.absoluteFilePath());
    return {};
}

QString DiskImageJob::createProblem(const DiskCreateRequest &request)
{
    if (!createFormats().contains(request.format))
        return tr("Berth creates qcow2 or raw images, not \"%1\".").arg(request.format);
    if (request.sizeBytes <= 0 && request.backingFile.isEmpty())
        return tr("Give the new image a size.");
    if (request.format == "raw"_L1 && request.preallocation == DiskPreallocation::Metadata)
        return tr("Metadata preallocation exists only for qcow2 images; choose off, falloc or "
                  "full for a raw image.");
    if (!request.backingFile.isEmpty()) {
        if (request.format != "qcow2"_L1)
            return tr("A linked clone must be a qcow2 image: a raw image cannot have a base.");
        if (request.preallocation != DiskPreallocation::Off)
            return tr("A linked clone cannot be preallocated: its data stays in the base image "
                      "until the guest writes.");
        if (!QFileInfo(request.backingFile).isFile())
            return tr("The base image %1 does not exist.").arg(absolute(request.backingFile));
        if (!sameFile(request.backingFile, request.path).isEmpty())
            return tr("An image cannot be its own base; choose another name for the clone.");
    }
    return destinationProblem(request.path, request.overwrite);
}

QString DiskImageJob::convertProblem(const DiskConvertRequest &request)
{
    if (!convertFormats().contains(request.format))
        return tr("Berth converts to qcow2, raw, vmdk, vdi or vhdx, not \"%1\".")
            .arg(request.format);
    if (request.compress && !canCompress(request.format))
        return tr("%1 images cannot be compressed; only qcow2 and vmdk can. Convert without "
                  "compression, or to qcow2.")
            .arg(request.format);
    if (!QFileInfo(request.source).isFile())
        return tr("%1 does not exist.").arg(absolute(request.source));
    if (!sameFile(request.source, request.destination).isEmpty())
        return tr("The source and the destination are the same file; choose another "
                  "destination.");
    return destinationProblem(request.destination, request.overwrite);
}

qint64 DiskImageJob::spaceNeeded(const DiskCreateRequest &request)
{
    if (request.preallocation != DiskPreallocation::Falloc &&
        request.preallocation != DiskPreallocation::Full)
        return 0; // sparse: space is taken as the guest writes
    // qcow2 adds its tables: 8 bytes of L2 and 2 of refcount per 64 KiB cluster, and more.
    return request.sizeBytes +
           (request.format == "qcow2"_L1 ? request.sizeBytes / 4096 + (1 << 20) : 0);
}

qint64 DiskImageJob::spaceNeeded(const DiskImageInfo &source)
{
    // The copy holds what the source and its backing files hold (convert flattens the
    // chain); compression only makes it smaller. 1% + 1 MiB for the new format's tables.
    const qint64 data = source.chainActualSize;
    return data + data / 100 + (1 << 20);
}

QString DiskImageJob::spaceProblem(const QString &destination, qint64 needed, const QString &what)
{
    if (needed <= 0)
        return {};
    const QStorageInfo storage(QFileInfo(destination).absolutePath());
    if (!storage.isValid())
        return {};
    const qint64 available = storage.bytesAvailable();
    if (available >= needed)
        return {};
    const QLocale locale;
    return tr("%1 needs %2 free on %3, but only %4 are free. Free some space or choose "
              "another folder.")
        .arg(what.isEmpty() ? tr("This") : what, locale.formattedDataSize(needed),
             storage.rootPath(), locale.formattedDataSize(available));
}
