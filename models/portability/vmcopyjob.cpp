// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/portability/vmcopyjob.h"

#include "models/snapshots/snapshotstore.h"
#include "models/vm/vmlibrary.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcCopy, "berth.portability", QtWarningMsg)

VmCopyJob::VmCopyJob(VmLibrary *library, QObject *parent)
    : QObject(parent)
    , m_library(library)
{}

VmCopyJob::~VmCopyJob()
{
    // Subclasses' rollback() cannot run from here (they are gone): each deletes its own
    // running work in its destructor. This only stops what is left.
    delete m_step;
    m_work.stop();
}

bool VmCopyJob::begin(const QString &busy)
{
    if (m_running) {
        QMetaObject::invokeMethod(
            this, [this, busy] { Q_EMIT finished(Failure(busy)); }, Qt::QueuedConnection);
        return false;
    }
    m_running = true;
    m_cancelled = false;
    return true;
}

void VmCopyJob::failLater(const Failure &failure)
{
    QMetaObject::invokeMethod(
        this, [this, failure] { finish(failure); }, Qt::QueuedConnection);
}

void VmCopyJob::finish(const Outcome<> &outcome)
{
    if (!m_running)
        return;
    m_running = false;
    if (!outcome) {
        qCDebug(lcCopy).noquote() << metaObject()->className()
                                  << "failed:" << outcome.failure().toLogString();
        rollback();
    } else {
        m_work.finishProgress();
    }
    Q_EMIT finished(outcome);
}

void VmCopyJob::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    if (m_work.isRunning())
        return m_work.cancel(); // the worker ends with "Cancelled."
    delete m_step;
    failLater(Failure(tr("Cancelled.")));
}

void VmCopyJob::abandon()
{
    if (!m_running)
        return;
    m_running = false;
    delete m_step;
    m_work.stop();
    rollback();
}

void VmCopyJob::reportProgress(qint64 totalBytes, double ceiling)
{
    m_work.reportProgress(
        totalBytes, [this](double percent) { Q_EMIT progress(percent); }, ceiling);
}

Outcome<VmDefinition> VmCopyJob::addStaged(VmDefinition definition, QString &staging,
                                           bool adoptThumbnails)
{
    if (Outcome<> added = m_library->create(definition, staging); !added)
        return added.failure();
    staging.clear();
    const VmEntry *entry = m_library->find(definition.name);
    if (adoptThumbnails && entry) {
        SnapshotStore snapshots(entry->folder);
        // The VM is there and usable: thumbnails that cannot be shown are only logged.
        if (Outcome<> adopted = snapshots.adoptThumbnails(); !adopted)
            qCWarning(lcCopy).noquote() << "thumbnails:" << adopted.failure().toLogString();
    }
    return definition;
}
