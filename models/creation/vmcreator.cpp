// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/creation/vmcreator.h"

#include "models/disks/diskimagejob.h"
#include "models/vm/swtpm.h"
#include "models/vm/uefifirmware.h"
#include "models/vm/vmlayout.h"
#include "models/vm/vmlibrary.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcCreate, "berth.create", QtWarningMsg)

VmCreator::VmCreator(VmLibrary *library, QObject *parent)
    : QObject(parent)
    , m_library(library)
{}

VmCreator::~VmCreator()
{
    if (!isRunning())
        return;
    // What still runs goes first (qemu-img is killed, its partial file removed), then the rest.
    delete m_job;
    delete m_uefiRun;
    rollback();
}

Outcome<> VmCreator::check(const VmDefinition &definition, const DiskPlan &disk) const
{
    VmDefinition bare = definition;
    bare.disks.clear();
    if (const QString invalid = bare.validate(); !invalid.isEmpty())
        return Failure(invalid);
    if (m_library->find(definition.name))
        return Failure(VmLibrary::tr("A VM named \"%1\" already exists.").arg(definition.name));
    if (definition.firmware == Firmware::Uefi) {
        if (const Outcome<UefiFirmware::Files> ovmf = UefiFirmware::find(definition.secureBoot);
            !ovmf)
            return ovmf.failure();
    }
    if (definition.tpm) {
        if (const Outcome<QString> swtpm = Swtpm::findBinary(); !swtpm)
            return swtpm.failure();
    }
    if (disk.kind == DiskPlan::Kind::UseExisting && !QFileInfo(disk.path).isFile())
        return Failure(tr("The disk image %1 does not exist.").arg(disk.path));
    return {};
}

void VmCreator::create(const VmDefinition &definition, const DiskPlan &disk, const QString &bus)
{
    if (isRunning()) {
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT finished(Failure(tr("Another VM is still being created."))); },
            Qt::QueuedConnection);
        return;
    }
    const quint64 generation = ++m_generation;
    m_definition = definition;
    m_definition.disks.clear();
    m_disk = disk;
    m_bus = bus;
    setStep(disk.kind == DiskPlan::Kind::UseExisting ? Step::ReadingDisk
            : disk.writesFile()                      ? Step::MakingDisk
            : definition.firmware == Firmware::Uefi  ? Step::MakingUefiVars
                                                     : Step::Adding);
    // Everything from the event loop, refusals too: the caller connects after calling.
    auto later = [this, generation](const std::function<void()> &then) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, then] {
                if (generation == m_generation && isRunning())
                    then();
            },
            Qt::QueuedConnection);
    };
    if (Outcome<> checked = check(definition, disk); !checked)
        return later([this, checked] { fail(checked.failure()); });
    Outcome<QString> staging = m_library->makeStagingFolder();
    if (!staging)
        return later([this, staging] { fail(staging.failure()); });
    m_staging = *staging;

    if (!disk.writesFile() && disk.kind != DiskPlan::Kind::UseExisting)
        return later([this] { makeUefiVars(); });
    m_job = new DiskImageJob(this);
    m_job->setLibrary(m_library);
    connect(m_job, &DiskImageJob::progress, this, &VmCreator::progress);
    connect(m_job, &DiskImageJob::finished, this, &VmCreator::onJobFinished);
    if (disk.kind == DiskPlan::Kind::UseExisting)
        return m_job->info(disk.path);
    DiskPlan staged = disk;
    staged.path = VmLayout::ofFolder(m_staging).firstDiskPath(disk.format);
    staged.start(*m_job);
}

void VmCreator::onJobFinished(const Outcome<> &outcome)
{
    DiskImageJob *job = m_job;
    m_job = nullptr;
    job->deleteLater();
    if (m_step == Step::ReadingDisk) {
        if (!outcome)
            return fail(Failure(tr("Could not read the disk image %1: %2")
                                    .arg(m_disk.path, outcome.failure().message()),
                                outcome.failure().detail()));
        // Its format as qemu-img reads it: a file's name says nothing about its content.
        m_definition.disks.append({job->path(), job->imageInfo().format, m_bus});
    } else {
        if (!outcome)
            return fail(outcome.failure().within(tr("Could not make the disk: %1")));
        m_made << job->path();
        m_definition.disks.append({job->path(), m_disk.format, m_bus, true});
    }
    makeUefiVars();
}

void VmCreator::makeUefiVars()
{
    if (m_definition.firmware != Firmware::Uefi)
        return add();
    setStep(Step::MakingUefiVars);
    const VmLayout staged = VmLayout::ofFolder(m_staging);
    m_uefiRun = new QObject(this);
    UefiFirmware::createVariables(
        staged, m_definition.secureBoot, m_uefiRun,
        [this, vars = staged.uefiVarsPath(), run = m_uefiRun](const Outcome<> &outcome) {
            run->deleteLater();
            if (!outcome)
                return fail(outcome.failure());
            m_made << vars;
            add();
        });
}

void VmCreator::add()
{
    setStep(Step::Adding);
    VmDefinition definition = m_definition;
    if (const Outcome<> added = m_library->create(definition, m_staging); !added)
        return fail(added.failure());
    // The staging folder is the VM's folder now, with everything in it: nothing to undo.
    m_definition = definition;
    m_staging.clear();
    m_made.clear();
    setStep(Step::Idle);
    Q_EMIT finished({});
}

void VmCreator::cancel()
{
    if (!isRunning())
        return;
    ++m_generation; // a step that was about to begin does not
    delete m_job;   // kills qemu-img; the job removes the partial image it claimed
    delete m_uefiRun;
    QMetaObject::invokeMethod(
        this, [this] { fail(Failure(tr("Cancelled."))); }, Qt::QueuedConnection);
}

void VmCreator::fail(const Failure &failure)
{
    if (!isRunning())
        return;
    qCDebug(lcCreate).noquote() << "not created:" << failure.toLogString();
    rollback();
    setStep(Step::Idle);
    Q_EMIT finished(failure);
}

void VmCreator::rollback()
{
    // Only what this creator made: an existing image used in place lives elsewhere.
    for (const QString &file : std::as_const(m_made))
        QFile::remove(file);
    m_made.clear();
    if (!m_staging.isEmpty() && !QDir().rmdir(m_staging))
        qCWarning(lcCreate) << "left" << m_staging << "behind: it holds files Berth did not make";
    m_staging.clear();
}

void VmCreator::setStep(Step step)
{
    if (step == m_step)
        return;
    m_step = step;
    Q_EMIT stepChanged(step);
}
