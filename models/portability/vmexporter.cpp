// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/portability/vmexporter.h"

#include "models/archive/archivewriter.h"
#include "models/common/claimedfile.h"
#include "models/disks/diskimagejob.h"
#include "models/disks/diskimageusers.h"
#include "models/portability/bundledescriptor.h"
#include "models/vm/vmlibrary.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>

using namespace Qt::Literals::StringLiterals;

namespace {

/// The bundle, written into the claimed file @p claimed (on the worker thread).
Outcome<> writeBundle(const BundleDescriptor &bundle, const QString &claimed, bool compress,
                      BackgroundWork::Control &control)
{
    ArchiveWriter writer;
    using C = ArchiveWriter::Compression;
    if (Outcome<> opened = writer.open(claimed, compress ? C::Zstd : C::None); !opened)
        return opened;
    if (Outcome<> added = writer.addData(BundleDescriptor::descriptorName(), bundle.toJson());
        !added)
        return added;
    QHash<QString, QString> digests;
    qint64 base = 0;
    for (const BundleDescriptor::File &file : bundle.files) {
        if (QFileInfo(file.source).size() != file.size)
            return Failure(
                VmExporter::tr("%1 changed while it was being exported.").arg(file.source));
        const Outcome<QString> digest = writer.addFile(
            file.name, file.source, [&](qint64 done) { return control.proceed(base, done); });
        if (!digest)
            return digest.failure();
        digests.insert(file.name, *digest);
        base += file.size;
    }
    if (Outcome<> added = writer.addData(BundleDescriptor::checksumsName(),
                                         BundleDescriptor::checksumsJson(digests));
        !added)
        return added;
    return writer.close();
}

} // namespace

VmExporter::VmExporter(VmLibrary *library, QObject *parent)
    : VmCopyJob(library, parent)
{}

VmExporter::~VmExporter()
{
    abandon(); // the worker's ClaimedFile removes the partial bundle
}

void VmExporter::exportVm(const QString &name, const QString &file, bool compress)
{
    if (!begin(tr("An export is still running.")))
        return;
    m_name = name;
    m_file = QFileInfo(file).absoluteFilePath();
    m_compress = compress;
    m_disks.clear();
    const VmEntry *entry = m_library->find(name);
    Failure refusal(tr("There is no VM named \"%1\".").arg(name));
    bool refused = !entry;
    if (entry && entry->isBroken()) {
        refusal = Failure(tr("\"%1\" cannot be read: %2").arg(name, entry->brokenReason));
        refused = true;
    } else if (entry && DiskImageUsers::isRunning(*entry)) {
        refusal = Failure(tr("\"%1\" is running; shut it down before exporting it (a copy of a "
                             "running VM's disks is not consistent).")
                              .arg(name));
        refused = true;
    } else if (QFileInfo::exists(m_file) || QFileInfo(m_file).isSymLink()) {
        refusal = Failure(tr("%1 exists already; choose another file name.").arg(m_file));
        refused = true;
    }
    if (refused)
        return failLater(refusal);
    for (const VmDisk &disk : entry->definition.disks)
        m_disks << disk.path;
    QMetaObject::invokeMethod(
        this, [this] { checkDisks(0); }, Qt::QueuedConnection);
}

void VmExporter::checkDisks(int index)
{
    if (!isRunning())
        return;
    if (index >= m_disks.size())
        return write();
    auto *job = new DiskImageJob(this);
    m_step = job;
    job->setLibrary(m_library);
    connect(job, &DiskImageJob::finished, this, [this, job, index](const Outcome<> &outcome) {
        m_step = nullptr;
        job->deleteLater();
        if (!outcome)
            return finish(outcome.failure().within(tr("Could not read a disk: %1")));
        if (job->imageInfo().hasBacking())
            return finish(Failure(
                tr("The disk %1 is a linked clone of %2: its data is partly there. Export the "
                   "VM it was cloned from, or make the disk whole first (berth disk convert).")
                    .arg(m_disks[index], job->imageInfo().backingFile)));
        checkDisks(index + 1);
    });
    job->info(m_disks[index]);
}

void VmExporter::write()
{
    const VmEntry *entry = m_library->find(m_name);
    if (!entry)
        return finish(Failure(tr("There is no VM named \"%1\".").arg(m_name)));
    Outcome<BundleDescriptor> bundle = BundleDescriptor::of(entry->definition, entry->folder);
    if (!bundle)
        return finish(bundle.failure());
    qint64 totalBytes = 0;
    for (const BundleDescriptor::File &f : bundle->files)
        totalBytes += f.size;
    reportProgress(totalBytes);
    Outcome<ClaimedFile> claimed = ClaimedFile::claimBeside(m_file);
    if (!claimed)
        return finish(claimed.failure());
    QFile::setPermissions(claimed->path(), QFile::ReadOwner | QFile::WriteOwner);
    auto shared = std::make_shared<ClaimedFile>(std::move(claimed).value());
    m_work.start<void>(
        this,
        [bundle = std::move(bundle).value(), shared, compress = m_compress,
         file = m_file](BackgroundWork::Control &control) -> Outcome<> {
            if (Outcome<> written = writeBundle(bundle, shared->path(), compress, control);
                !written) {
                shared->remove();
                return control.cancelled ? Failure(tr("Cancelled.")) : written;
            }
            return shared->commit(file, ClaimedFile::Replace::No);
        },
        [this](const Outcome<> &outcome) { finish(outcome); });
}
