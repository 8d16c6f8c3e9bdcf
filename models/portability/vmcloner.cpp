// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/portability/vmcloner.h"

#include "models/common/claimedfile.h"
#include "models/common/sparsefile.h"
#include "models/disks/diskimagejob.h"
#include "models/disks/diskimageusers.h"
#include "models/vm/vmlayout.h"
#include "models/vm/vmlibrary.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcClone, "berth.clone", QtWarningMsg)

VmCloner::VmCloner(VmLibrary *library, QObject *parent)
    : VmCopyJob(library, parent)
{}

VmCloner::~VmCloner()
{
    abandon();
}

void VmCloner::clone(const QString &source, const QString &name, bool linked)
{
    if (!begin(tr("A clone is still being made.")))
        return;
    m_linked = linked;
    m_sourceName = source;
    m_definition = {};
    m_definition.name = name;
    m_copies.clear();
    m_claims = std::make_shared<std::vector<ClaimedFile>>();
    const Outcome<> planned = plan();
    QMetaObject::invokeMethod(
        this,
        [this, planned] {
            if (!planned)
                return finish(planned.failure());
            m_linked ? makeOverlay(0) : copyFiles();
        },
        Qt::QueuedConnection);
}

Outcome<> VmCloner::plan()
{
    const VmEntry *entry = m_library->find(m_sourceName);
    if (!entry)
        return Failure(tr("There is no VM named \"%1\".").arg(m_sourceName));
    if (entry->isBroken())
        return Failure(tr("\"%1\" cannot be read: %2").arg(m_sourceName, entry->brokenReason));
    if (DiskImageUsers::isRunning(*entry))
        return Failure(tr("\"%1\" is running; shut it down before cloning it (a copy of a "
                          "running VM's disks is not consistent).")
                           .arg(m_sourceName));
    if (const QString invalid = VmDefinition::validateName(m_definition.name); !invalid.isEmpty())
        return Failure(invalid);
    if (m_library->find(m_definition.name))
        return Failure(VmLibrary::tr("A VM named \"%1\" already exists.").arg(m_definition.name));
    m_source = entry->definition;
    m_sourceFolder = entry->folder;
    for (const VmDisk &disk : std::as_const(m_source.disks)) {
        if (!QFileInfo(disk.path).isFile())
            return Failure(tr("The disk %1 of \"%2\" is missing.").arg(disk.path, m_sourceName));
    }
    Outcome<QString> staging = m_library->makeStagingFolder();
    if (!staging)
        return staging.failure();
    m_staging = *staging;
    QFile::setPermissions(m_staging, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    // The clone's definition: the source's, with its own name, uuid and disks.
    const VmLayout staged(m_staging, QUuid(), m_definition.name);
    VmDefinition d = m_source;
    d.name = m_definition.name;
    d.uuid = QUuid();
    d.linkedClones.clear();
    for (VmNic &nic : d.nics)
        nic.mac.clear(); // its own addresses, from its own uuid: two cards never share one
    QStringList named;   // overlays are made later: their names must not repeat meanwhile
    for (qsizetype i = 0; i < d.disks.size(); ++i) {
        VmDisk &disk = d.disks[i];
        const QString format = m_linked ? u"qcow2"_s : disk.format;
        const QString to =
            i == 0 ? staged.firstDiskPath(format) : staged.newDiskPath(format, named);
        named << to;
        if (m_linked) {
            disk.backing = QFileInfo(disk.path).absoluteFilePath();
            disk.format = format;
        } else {
            Outcome<ClaimedFile> claimed = ClaimedFile::claim(to);
            if (!claimed)
                return claimed.failure();
            m_claims->push_back(std::move(claimed).value());
            m_copies.append({disk.path, to});
        }
        disk.path = to;
        disk.createdByBerth = true;
    }
    const VmLayout from = VmLayout::ofFolder(m_sourceFolder);
    QList<Copy> files;
    if (QFileInfo::exists(from.uefiVarsPath()))
        files.append({from.uefiVarsPath(), staged.uefiVarsPath()});
    if (!m_linked && QFileInfo::exists(from.snapshotsPath())) {
        files.append({from.snapshotsPath(), staged.snapshotsPath()});
        QDirIterator it(from.thumbnailFolder(), QDir::Files);
        while (it.hasNext()) {
            const QString thumbnail = it.next();
            if (!it.fileInfo().isSymLink() && from.isThumbnailPath(thumbnail))
                files.append({thumbnail, staged.thumbnailPath(it.fileName())});
        }
        if (files.size() > 1 && !QDir().mkpath(staged.thumbnailFolder()))
            return Failure(tr("Cannot create the folder %1.").arg(staged.thumbnailFolder()));
    }
    for (const Copy &c : std::as_const(files)) {
        Outcome<ClaimedFile> claimed = ClaimedFile::claim(c.to);
        if (!claimed)
            return claimed.failure();
        m_claims->push_back(std::move(claimed).value());
        m_copies.append(c);
    }
    for (const Copy &c : std::as_const(m_copies))
        QFile::setPermissions(c.to, QFile::ReadOwner | QFile::WriteOwner);
    m_definition = d;
    return {};
}

void VmCloner::makeOverlay(int index)
{
    if (index >= m_definition.disks.size())
        return copyFiles();
    auto *job = new DiskImageJob(this);
    m_step = job;
    job->setLibrary(m_library);
    connect(job, &DiskImageJob::finished, this, [this, job, index](const Outcome<> &outcome) {
        job->deleteLater();
        m_step = nullptr;
        if (!outcome)
            return finish(outcome.failure().within(tr("Could not make a linked disk: %1")));
        QFile::setPermissions(m_definition.disks[index].path, QFile::ReadOwner | QFile::WriteOwner);
        Q_EMIT progress(50.0 * (index + 1) / double(m_definition.disks.size()));
        makeOverlay(index + 1);
    });
    DiskCreateRequest request;
    request.path = m_definition.disks[index].path;
    request.format = u"qcow2"_s;
    request.backingFile = m_definition.disks[index].backing;
    job->create(request);
}

void VmCloner::copyFiles()
{
    qint64 total = 0;
    for (const Copy &c : std::as_const(m_copies))
        total += QFileInfo(c.from).size();
    reportProgress(total);
    m_work.start<void>(
        this,
        [copies = m_copies](BackgroundWork::Control &control) -> Outcome<> {
            qint64 base = 0;
            for (const Copy &c : copies) {
                const Outcome<> copied = SparseFile::copy(
                    c.from, c.to, [&](qint64 done) { return control.proceed(base, done); });
                if (!copied)
                    return control.cancelled ? Failure(tr("Cancelled.")) : copied;
                base += QFileInfo(c.from).size();
            }
            return {};
        },
        [this](const Outcome<> &copied) {
            if (!copied)
                return finish(copied);
            add();
        });
}

void VmCloner::add()
{
    // The copies are complete: from here on they belong to the clone's folder.
    for (ClaimedFile &claim : *m_claims) {
        const QString path = claim.path();
        (void)claim.commit(path, ClaimedFile::Replace::No);
    }
    m_claims->clear();
    Outcome<VmDefinition> added = addStaged(m_definition, m_staging, !m_linked);
    if (!added)
        return finish(added.failure());
    m_definition = *added;
    const VmDefinition &definition = m_definition;
    if (m_linked) {
        // The mark that keeps the source from changing or going while the clone needs it;
        // without it the clone must not stay.
        VmDefinition source = m_source;
        source.linkedClones.append(definition.uuid);
        // Compare-and-swap: whatever else changed in the source meanwhile stays.
        if (Outcome<VmDefinition> marked = m_library->update(m_source.uuid, m_source, source);
            !marked) {
            QStringList overlays;
            for (const VmDisk &disk : std::as_const(definition.disks))
                overlays << disk.path;
            if (Outcome<QStringList> removed =
                    m_library->removeWithDisks(definition.name, overlays);
                !removed)
                qCWarning(lcClone).noquote() << removed.failure().toLogString();
            return finish(Failure(tr("\"%1\" could not be marked as the base of its linked "
                                     "clone, so the clone was removed again: %2")
                                      .arg(m_sourceName, marked.failure().message()),
                                  marked.failure().detail()));
        }
    }
    finish({});
}

void VmCloner::rollback()
{
    if (m_claims)
        m_claims->clear(); // removes the copies
    // The staging folder was made for this clone: everything in it is the cloner's.
    if (!m_staging.isEmpty())
        QDir(m_staging).removeRecursively();
    m_staging.clear();
}
