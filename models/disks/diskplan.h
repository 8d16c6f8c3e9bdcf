// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/disks/diskimagejob.h"

#include <QCoreApplication>
#include <QString>

/// What a wizard will do to give a VM a disk, as chosen on its disk page: make a new
/// image, use an existing one where it is, copy or convert it, or make a linked clone of
/// a base image. A plain value; start() hands it to a DiskImageJob.
struct DiskPlan
{
    Q_DECLARE_TR_FUNCTIONS(DiskPlan)

public:
    enum class Kind
    {
        None,        ///< no disk
        Create,      ///< a new empty image at path
        UseExisting, ///< the image at path, as it is
        Copy,        ///< source copied to path in its own format
        Convert,     ///< source converted to a qcow2 image at path
        LinkedClone, ///< a qcow2 image at path whose backing file is source
    };

    Kind kind = Kind::None;
    QString path;   ///< the image the VM uses (made by the plan unless UseExisting)
    QString source; ///< Copy, Convert: the image read; LinkedClone: the base image
    QString format = QStringLiteral("qcow2");                 ///< of the image at path
    qint64 sizeBytes = 0;                                     ///< Create: the virtual size
    DiskPreallocation preallocation = DiskPreallocation::Off; ///< Create

    /// Whether the plan makes a new file at path (and so needs a job).
    bool writesFile() const { return kind != Kind::None && kind != Kind::UseExisting; }
    /// Whether the job reports a percentage (convert does; create does not).
    bool reportsProgress() const { return kind == Kind::Copy || kind == Kind::Convert; }

    /// One sentence for a summary page, e.g. "Create a new 20 GiB qcow2 image at …".
    QString describe() const;
    /// Starts the job that makes path (writesFile() only): create() or convert().
    void start(DiskImageJob &job) const;

    friend bool operator==(const DiskPlan &, const DiskPlan &) = default;
};
