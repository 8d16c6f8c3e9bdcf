// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/common/outcome.h"
#include "models/portability/backgroundwork.h"
#include "models/vm/vmdefinition.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>

class VmLibrary;

/// What VmExporter, VmImporter and VmCloner share: one run at a time, a step through
/// qemu-img or on a worker thread (BackgroundWork) at any moment, progress, cancel, and
/// exactly one finished() per run, always from the event loop, after which a failed or
/// cancelled run has undone what it made (rollback()).
class VmCopyJob : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VmCopyJob)

public:
    ~VmCopyJob() override;

    bool isRunning() const { return m_running; }
    /// Whether the last run ended because cancel() was called.
    bool wasCancelled() const { return m_cancelled; }
    /// Stops the run; finished() follows with the Failure "Cancelled.".
    void cancel();

Q_SIGNALS:
    /// 0..100, never decreasing.
    void progress(double percent);
    void finished(const Outcome<> &outcome);

protected:
    /// @p library must outlive the job.
    explicit VmCopyJob(VmLibrary *library, QObject *parent = nullptr);

    /// Starts a run, or refuses with @p busy (through finished()) while one runs.
    bool begin(const QString &busy);
    /// Ends the run with @p failure from the event loop.
    void failLater(const Failure &failure);
    /// Ends the run; a failure first calls rollback().
    void finish(const Outcome<> &outcome);
    /// Undoes what the run made. Called once, on failure or cancel, or when a running job is
    /// deleted.
    virtual void rollback() {}
    /// Progress of the worker's Control::bytesDone against @p totalBytes (at most
    /// @p ceiling until the run succeeds).
    void reportProgress(qint64 totalBytes, double ceiling = 100);
    /// Adds @p definition to the library from the staging folder @p staging (VmLibrary::
    /// create), which is then the VM's folder (@p staging is cleared); with
    /// @p adoptThumbnails its snapshot thumbnails are pointed at that folder. Returns the
    /// definition as added (its uuid).
    Outcome<VmDefinition> addStaged(VmDefinition definition, QString &staging,
                                    bool adoptThumbnails);
    /// For subclasses' destructors: stops a running run and rolls it back, without
    /// finished().
    void abandon();

    VmLibrary *m_library;
    BackgroundWork m_work;
    /// The qemu-img step running now (a DiskImageJob, or a QemuImg::runOnce owner): deleting
    /// it stops qemu-img and removes what it was making.
    QPointer<QObject> m_step;

private:
    bool m_running = false;
    bool m_cancelled = false;
};
