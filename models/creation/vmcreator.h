// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/common/outcome.h"
#include "models/disks/diskplan.h"
#include "models/vm/vmdefinition.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QString>

class DiskImageJob;
class VmLibrary;

/// Makes a new VM in the library: the one way the New VM wizard and `berth create` do it.
///
///   1. check      the definition, the name, the firmware and the disk plan (at once)
///   2. disk       an existing image is read with qemu-img info, which gives its format (its
///                 file name says nothing); a new, copied, converted or cloned image is made
///                 by a DiskImageJob in a hidden staging folder of the library
///   3. UEFI       the VM's own variables, made in the staging folder (UEFI VMs only)
///   4. add        vm.json is written into the staging folder, which is then renamed into
///                 place (VmLibrary::create): the VM appears complete or not at all
///
/// A failure or cancel() at any step undoes what was done: the files the creator made go,
/// and the staging folder with them. It never deletes a file it did not make: an existing
/// image used in place (DiskPlan::UseExisting) is only read, whatever happens.
///
/// Without blocking: create() returns at once and finished() follows exactly once, always
/// from the event loop. One VM at a time; a creator can be used again after finished().
/// Deleting a creator that is still working cancels it (without finished()).
class VmCreator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VmCreator)

public:
    enum class Step
    {
        Idle,
        ReadingDisk, ///< qemu-img info on an existing image
        MakingDisk,  ///< qemu-img making the new image (progress() for copies)
        MakingUefiVars,
        Adding,
    };
    Q_ENUM(Step)

    /// @p library must outlive the creator.
    explicit VmCreator(VmLibrary *library, QObject *parent = nullptr);
    ~VmCreator() override;

    /// Why @p definition with @p disk cannot be created, before anything is made: an invalid
    /// definition, a name that is taken, UEFI firmware that is not installed, a disk plan
    /// that names no image or a missing existing image.
    Outcome<> check(const VmDefinition &definition, const DiskPlan &disk) const;

    /// Creates @p definition (its disks are ignored) with the disk @p disk attached on
    /// @p bus. For a plan that makes a file, the file's place is the VM's folder, named as
    /// VmLayout::firstDiskPath() says; DiskPlan::path is not used.
    void create(const VmDefinition &definition, const DiskPlan &disk,
                const QString &bus = QStringLiteral("virtio"));
    /// Stops and undoes the creation; finished() follows with the Failure "Cancelled.".
    void cancel();

    bool isRunning() const { return m_step != Step::Idle; }
    Step step() const { return m_step; }
    /// After a successful finished(): the VM as it was added (uuid, disks).
    const VmDefinition &definition() const { return m_definition; }

Q_SIGNALS:
    void stepChanged(VmCreator::Step step);
    /// While a disk is copied or converted: 0..100.
    void progress(double percent);
    /// The VM is in the library, or nothing was made, and why.
    void finished(const Outcome<> &outcome);

private:
    void setStep(Step step);
    void onJobFinished(const Outcome<> &outcome);
    void makeUefiVars();
    void add();
    void fail(const Failure &failure);
    void rollback();

    VmLibrary *m_library;
    QPointer<DiskImageJob> m_job;
    QPointer<QObject> m_uefiRun; ///< owns the qemu-img that makes the UEFI variables
    Step m_step = Step::Idle;
    quint64 m_generation = 0;
    VmDefinition m_definition;
    DiskPlan m_disk;
    QString m_bus;
    QString m_staging;  ///< the hidden folder the VM is made in; empty once added
    QStringList m_made; ///< files this creator made in m_staging, removed on failure
};
