// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/snapshots/snapshotoperation.h"

#include "models/common/qemuimg.h"
#include "models/vm/qemucommandline.h"
#include "models/vm/uefifirmware.h"
#include "models/vm/vmdevices.h"
#include "models/vm/vminstance.h"
#include "models/vm/vmlayout.h"
#include "models/vm/vmlifecycle.h"
#include "qmp/qemumonitor.h"
#include "qmp/qmpclient.h"

#include <algorithm>

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QStorageInfo>
#include <QUuid>

#include <memory>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcSnapshot, "berth.snapshot", QtWarningMsg)

namespace {

constexpr qint64 kMiB = 1024 * 1024;
// Beyond the guest's RAM, room for device state and qcow2 metadata.
constexpr qint64 kVmStateMarginBytes = 64 * kMiB;

/// The snapshots query-block found in one image, as qemu-img's list reads them (to the second).
QList<ImageSnapshot> imageSnapshots(const QList<QemuSnapshotInfo> &snapshots)
{
    QList<ImageSnapshot> out;
    for (const QemuSnapshotInfo &snapshot : snapshots) {
        if (snapshot.name.isEmpty())
            continue;
        ImageSnapshot s;
        s.id = snapshot.id;
        s.name = snapshot.name;
        s.created = QDateTime::fromSecsSinceEpoch(snapshot.created.toSecsSinceEpoch(), Qt::UTC);
        s.vmStateSize = snapshot.vmStateSize;
        out.append(s);
    }
    return out;
}

} // namespace

SnapshotOperation::SnapshotOperation(VmInstance *vm, QObject *parent)
    : QObject(parent)
    , m_vm(vm)
    , m_store(vm->vmFolder())
{
    m_jobTimer.setSingleShot(true);
    connect(&m_jobTimer, &QTimer::timeout, this, [this] {
        fail(tr("QEMU did not finish the snapshot job within %1 minutes")
                 .arg(std::chrono::duration_cast<std::chrono::minutes>(QmpClient::LongTimeout)
                          .count()));
    });
    const Outcome<> loaded = m_store.load();
    m_storeLoaded = loaded.ok();
    if (!loaded) // the caller reports it (the CLI in one line): not a second time here
        qCDebug(lcSnapshot) << loaded.failure();
}

SnapshotOperation::~SnapshotOperation() = default;

QString SnapshotOperation::checkSnapshottable(const VmDefinition &definition,
                                              const QString &vmFolder)
{
    if (definition.disks.isEmpty())
        return tr("%1 has no disk; snapshots need a qcow2 disk to hold the disk and memory state")
            .arg(definition.name);
    for (const VmDisk &disk : definition.disks) {
        if (disk.format != "qcow2"_L1)
            return tr("The disk %1 is %2, not qcow2; only qcow2 disks can hold snapshots "
                      "(convert it with qemu-img convert -O qcow2)")
                .arg(disk.path, disk.format);
    }
    if (definition.firmware == Firmware::Uefi &&
        !UefiFirmware::isQcow2(VmLayout::ofFolder(vmFolder).uefiVarsPath()))
        return tr("%1 uses UEFI firmware whose variables are not in a qcow2 image; they cannot "
                  "be snapshotted with the disks")
            .arg(definition.name);
    return {};
}

QStringList SnapshotOperation::qcow2Disks() const
{
    QStringList out;
    for (const VmDisk &disk : m_vm->definition().disks) {
        if (disk.format == "qcow2"_L1)
            out.append(disk.path);
    }
    // The UEFI variables are a writable drive too: snapshotted and reverted with the disks.
    if (hasQcow2UefiVars())
        out.append(m_vm->layout().uefiVarsPath());
    return out;
}

QStringList SnapshotOperation::qcow2Nodes() const
{
    QStringList out;
    const QList<VmDisk> &disks = m_vm->definition().disks;
    for (qsizetype i = 0; i < disks.size(); ++i) {
        if (disks[i].format == "qcow2"_L1)
            out.append(VmDevices::diskNode(i));
    }
    if (hasQcow2UefiVars())
        out.append(VmDevices::UefiVarsNode);
    return out;
}

bool SnapshotOperation::hasQcow2UefiVars() const
{
    return m_vm->definition().firmware == Firmware::Uefi &&
           UefiFirmware::isQcow2(m_vm->layout().uefiVarsPath());
}

void SnapshotOperation::refresh()
{
    begin(Action::Refresh, {}, {});
}

void SnapshotOperation::create(const QString &tag, const QString &description)
{
    begin(Action::Create, tag, description);
}

void SnapshotOperation::revert(const QString &tag)
{
    begin(Action::Revert, tag, {});
}

void SnapshotOperation::remove(const QString &tag)
{
    begin(Action::Delete, tag, {});
}

void SnapshotOperation::begin(Action action, const QString &tag, const QString &description)
{
    if (m_busy) {
        QTimer::singleShot(0, this, [this] {
            Q_EMIT finished(Failure(tr("Another snapshot action is still running")));
        });
        return;
    }
    m_busy = true;
    ++m_generation; // callbacks of an earlier action that failed early are ignored
    m_action = action;
    m_tag = tag;
    m_description = description;
    m_thumbnail.clear();
    m_perDisk.clear();
    m_targets.clear();
    m_untouched.clear();

    // Refusals go through the event loop too: finished() never fires inside the call.
    auto refuse = [this](const QString &why) {
        QTimer::singleShot(0, this, [this, why, gen = m_generation] {
            if (gen == m_generation)
                fail(why);
        });
    };
    if (!m_vm)
        return refuse(tr("The VM is gone"));
    if (const QString why = m_vm->refusal(VmAction::Snapshot); !why.isEmpty())
        return refuse(why);
    // Live while QEMU runs (the table allows it only with the monitor answering), offline
    // with qemu-img while it is stopped.
    m_live = VmLifecycle::hasProcess(m_vm->state());
    if (m_live && !m_vm->qmp())
        return refuse(tr("Berth is not connected to %1's monitor").arg(m_vm->definition().name));
    // Read again every time: another Berth (the CLI, or the window) may have changed it.
    const Outcome<> loaded = m_store.load();
    m_storeLoaded = loaded.ok();
    if (!loaded)
        return refuse(loaded.failure().message());
    if (action != Action::Refresh) {
        if (QString why = checkSnapshottable(m_vm->definition(), m_vm->vmFolder()); !why.isEmpty())
            return refuse(why);
        if (QString why = SnapshotStore::validateTag(tag); !why.isEmpty())
            return refuse(why);
    }
    Q_EMIT progress(tr("Reading the snapshots in the disk images"));
    readImages([this](const QList<ImageSnapshot> &images) { afterList(images); });
}

void SnapshotOperation::afterList(const QList<ImageSnapshot> &images)
{
    if (!m_vm)
        return fail(tr("The VM is gone"));
    m_store.reconcile(images);
    const SnapshotInfo *existing = m_store.find(m_tag);
    const QString name = m_vm->definition().name;
    chooseTargets();
    switch (m_action) {
    case Action::Refresh:
        return recordResult();
    case Action::Create: {
        if (existing)
            return fail(tr("%1 already has a snapshot named \"%2\"").arg(name, m_tag));
        if (QString why = spaceProblem(); !why.isEmpty())
            return fail(why);
        if (!m_live) {
            Q_EMIT progress(tr("Taking a disk snapshot"));
            return runOfflineOnEachDisk(u"-c"_s, 0, [this] { recordResult(); });
        }
        // The thumbnail is a nicety: a screen that cannot be saved does not stop the snapshot.
        if (!m_vm->qmp())
            return fail(tr("The connection to QEMU was lost"));
        const VmLayout &layout = m_vm->layout();
        QDir().mkpath(layout.thumbnailFolder());
        const QString png = layout.thumbnailPath(
            u"%1.png"_s.arg(QUuid::createUuid().toString(QUuid::WithoutBraces)));
        Q_EMIT progress(tr("Saving a picture of the screen"));
        QemuMonitor(*m_vm->qmp())
            .screendump(png, this, [this, png, gen = m_generation](const QmpResult<void> &r) {
                if (gen != m_generation)
                    return;
                if (r && QFileInfo::exists(png))
                    m_thumbnail = png;
                else
                    qCDebug(lcSnapshot) << "no thumbnail:" << r.error().message();
                Q_EMIT progress(tr("Saving the disks and the memory state"));
                runJob([this] { recordResult(); });
            });
        return;
    }
    case Action::Revert:
        if (!existing)
            return fail(tr("%1 has no snapshot named \"%2\"").arg(name, m_tag));
        if (!m_live) {
            Q_EMIT progress(tr("Reverting the disks"));
            return runOfflineOnEachDisk(u"-a"_s, 0, [this] { recordResult(); });
        }
        if (!existing->hasMemoryState)
            return fail(tr("The snapshot \"%1\" holds no memory state; stop %2 to revert its "
                           "disks to it")
                            .arg(m_tag, name));
        Q_EMIT progress(tr("Loading the disks and the memory state"));
        return runJob([this] { recordResult(); });
    case Action::Delete:
        if (!existing)
            return fail(tr("%1 has no snapshot named \"%2\"").arg(name, m_tag));
        Q_EMIT progress(tr("Deleting the snapshot"));
        if (!m_live)
            return runOfflineOnEachDisk(u"-d"_s, 0, [this] { recordResult(); });
        return runJob([this] { recordResult(); });
    }
}

QString SnapshotOperation::spaceProblem() const
{
    const QStringList disks = qcow2Disks();
    if (disks.isEmpty())
        return {};
    const QStorageInfo storage(QFileInfo(disks.first()).absolutePath());
    if (!storage.isValid())
        return {};
    const qint64 needed =
        (m_live ? qint64(m_vm->definition().memoryMiB) * kMiB : 0) + kVmStateMarginBytes;
    if (storage.bytesAvailable() < needed)
        return tr("A snapshot of %1 needs up to %2 MiB free on %3; only %4 MiB are free")
            .arg(m_vm->definition().name)
            .arg(needed / kMiB)
            .arg(storage.rootPath())
            .arg(storage.bytesAvailable() / kMiB);
    return {};
}

void SnapshotOperation::recordResult()
{
    // The images are read again so the tree shows what they hold after the action.
    readImages([this](const QList<ImageSnapshot> &images) {
        m_store.reconcile(images);
        switch (m_action) {
        case Action::Refresh:
            // A mere refresh writes nothing: records of snapshots that the disks read now do
            // not all hold (a disk was added, the firmware switched to UEFI) stay in the file.
            return finish({});
        case Action::Create:
            if (const SnapshotInfo *made = m_store.find(m_tag)) {
                SnapshotInfo info = *made;
                info.description = m_description;
                info.thumbnail = m_thumbnail;
                info.parent.clear(); // add() makes it a child of the current snapshot
                m_store.add(info);
            } else {
                return fail(
                    tr("QEMU reported success, but the disks hold no snapshot \"%1\"").arg(m_tag));
            }
            break;
        case Action::Revert:
            m_store.setCurrent(m_tag);
            break;
        case Action::Delete:
            m_store.remove(m_tag);
            break;
        }
        if (const Outcome<> saved = m_store.save(); !saved)
            return fail(tr("The snapshot action succeeded, but its record could not be saved: %1")
                            .arg(saved.failure().message()));
        finish({});
    });
}

void SnapshotOperation::finish(const Outcome<> &outcome)
{
    if (!m_busy)
        return;
    m_busy = false;
    m_jobTimer.stop();
    disconnect(m_jobConnection);
    disconnect(m_disconnectConnection);
    m_jobId.clear();
    m_jobDone = nullptr;
    if (!outcome && !m_thumbnail.isEmpty() && !m_store.find(m_tag))
        QFile::remove(m_thumbnail);
    Q_EMIT finished(outcome);
}

void SnapshotOperation::chooseTargets()
{
    if (m_action == Action::Refresh)
        return;
    const QStringList disks = qcow2Disks();
    for (qsizetype i = 0; i < disks.size(); ++i) {
        const QList<ImageSnapshot> held = m_perDisk.value(i);
        const bool holds = std::any_of(held.begin(), held.end(),
                                       [&](const ImageSnapshot &s) { return s.name == m_tag; });
        if (m_action == Action::Create || holds)
            m_targets.append(i);
        else
            m_untouched.append(disks[i]);
    }
}

// ---- reading the images -----------------------------------------------------------------

void SnapshotOperation::readImages(const ListCallback &done)
{
    if (!m_vm || (m_live && !m_vm->qmp()))
        return fail(tr("The VM is gone"));
    if (!m_live)
        return readImagesOffline(0, {}, done);
    QemuMonitor(*m_vm->qmp())
        .queryBlock(this,
                    [this, done, gen = m_generation](const QmpResult<QList<QemuBlockDevice>> &r) {
                        if (gen != m_generation)
                            return;
                        if (!r)
                            return fail(r.error().message());
                        const QStringList nodes = qcow2Nodes();
                        QList<QList<ImageSnapshot>> perDisk(nodes.size());
                        for (const QemuBlockDevice &device : *r) {
                            if (!device.inserted)
                                continue;
                            const qsizetype index = nodes.indexOf(device.inserted->nodeName);
                            if (index >= 0)
                                perDisk[index] = imageSnapshots(device.inserted->image.snapshots);
                        }
                        m_perDisk = perDisk;
                        done(ImageSnapshot::onAnyDisk(perDisk));
                    });
}

void SnapshotOperation::readImagesOffline(qsizetype index, QList<QList<ImageSnapshot>> perDisk,
                                          const ListCallback &done)
{
    if (!m_vm)
        return fail(tr("The VM is gone"));
    const QStringList disks = qcow2Disks();
    if (index == 0 && disks.isEmpty()) {
        // Nothing to read, yet the answer still comes from the event loop, as finished()
        // promises: `berth snapshot list` of a VM without a qcow2 disk waited for it forever.
        QTimer::singleShot(0, this, [this, done, gen = m_generation] {
            if (gen == m_generation)
                done({});
        });
        return;
    }
    if (index >= disks.size()) {
        m_perDisk = perDisk;
        return done(ImageSnapshot::onAnyDisk(perDisk));
    }
    runQemuImg({u"info"_s, u"--output=json"_s, u"-f"_s, u"qcow2"_s, disks[index]}, disks[index],
               [this, index, perDisk, done](const QByteArray &output) mutable {
                   const QJsonObject info = QJsonDocument::fromJson(output).object();
                   perDisk.append(ImageSnapshot::fromJson(info.value("snapshots"_L1).toArray()));
                   readImagesOffline(index + 1, std::move(perDisk), done);
               });
}

void SnapshotOperation::runQemuImg(const QStringList &arguments, const QString &image,
                                   const OutputCallback &done)
{
    QemuImg::runOnce(arguments, image, this,
                     [this, done, gen = m_generation](const QemuImgResult &result) {
                         if (gen != m_generation)
                             return;
                         if (!result.ok())
                             return fail(result.failure());
                         done(result.output);
                     });
}

void SnapshotOperation::runOfflineOnEachDisk(const QString &flag, qsizetype index,
                                             const std::function<void()> &done)
{
    if (!m_vm)
        return fail(tr("The VM is gone"));
    const QStringList disks = qcow2Disks();
    if (index >= m_targets.size())
        return done();
    const QString &disk = disks.value(m_targets[index]);
    // Checked again right before each run: never touch an image a QEMU has open.
    if (m_vm->pid() != 0)
        return fail(tr("%1 started meanwhile; its disks are in use").arg(m_vm->definition().name));
    // qemu-img snapshot has no -f: --image-opts names the format, so nothing is probed.
    runQemuImg({u"snapshot"_s, u"-q"_s, u"--image-opts"_s, flag, m_tag,
                u"driver=qcow2,file.filename=%1"_s.arg(QemuCommandLine::escapeOptionValue(disk))},
               disk, [this, flag, index, done](const QByteArray &) {
                   runOfflineOnEachDisk(flag, index + 1, done);
               });
}

// ---- QMP jobs ---------------------------------------------------------------------------

void SnapshotOperation::runJob(const std::function<void()> &done)
{
    QmpClient *qmp = m_vm ? m_vm->qmp() : nullptr;
    if (!qmp || !qmp->isReady())
        return fail(tr("The connection to QEMU was lost"));
    const QLatin1StringView kind = m_action == Action::Create   ? "save"_L1
                                   : m_action == Action::Revert ? "load"_L1
                                                                : "delete"_L1;
    m_jobId =
        u"berth-snapshot-%1-%2"_s.arg(kind, QUuid::createUuid().toString(QUuid::Id128).left(8));
    m_jobDone = done;
    // Connected before the command goes out: the job may conclude before its reply arrives.
    m_jobConnection =
        connect(qmp, &QmpClient::eventJobStatusChange, this, &SnapshotOperation::onJobStatus);
    m_disconnectConnection = connect(qmp, &QmpClient::disconnected, this, [this] {
        fail(tr("The connection to QEMU ended while the snapshot job ran"));
    });
    m_jobTimer.start(QmpClient::LongTimeout);
    const auto started = [this, gen = m_generation](const QmpResult<void> &r) {
        if (gen == m_generation && !r)
            fail(r.error().message());
    };
    // The first node holds the memory state: the first qcow2 disk (that holds the snapshot).
    const QStringList allNodes = qcow2Nodes();
    QStringList nodes;
    for (const qsizetype index : std::as_const(m_targets))
        nodes.append(allNodes.value(index));
    if (nodes.isEmpty())
        return fail(tr("No disk holds the snapshot \"%1\"").arg(m_tag));
    const QemuMonitor monitor(*qmp);
    switch (m_action) {
    case Action::Create:
        return monitor.snapshotSave(m_jobId, m_tag, nodes.first(), nodes, this, started);
    case Action::Revert:
        return monitor.snapshotLoad(m_jobId, m_tag, nodes.first(), nodes, this, started);
    case Action::Delete:
        return monitor.snapshotDelete(m_jobId, m_tag, nodes, this, started);
    case Action::Refresh:
        break;
    }
    Q_UNREACHABLE();
}

void SnapshotOperation::onJobStatus(const QString &jobId, const QString &status)
{
    if (jobId != m_jobId || qemuJobStatusFromName(status) != QemuJobStatus::Concluded)
        return;
    QmpClient *qmp = m_vm ? m_vm->qmp() : nullptr;
    if (!qmp)
        return fail(tr("The connection to QEMU was lost"));
    const quint64 gen = m_generation;
    QemuMonitor(*qmp).queryJobs(
        this, [this, qmp, jobId, gen](const QmpResult<QList<QemuJobInfo>> &jobs) {
            QString jobError;
            if (!jobs) {
                jobError = jobs.error().message();
            } else {
                for (const QemuJobInfo &job : *jobs) {
                    if (job.id == jobId)
                        jobError = job.error;
                }
            }
            // Dismissed whatever the outcome: a concluded job lingers in QEMU until then.
            QemuMonitor(*qmp).jobDismiss(
                jobId, this, [this, jobError, gen](const QmpResult<void> &dismissed) {
                    if (!dismissed)
                        qCDebug(lcSnapshot) << dismissed.error().message();
                    if (gen != m_generation)
                        return;
                    if (!jobError.isEmpty())
                        return fail(jobError);
                    m_jobTimer.stop();
                    disconnect(m_jobConnection);
                    disconnect(m_disconnectConnection);
                    const std::function<void()> done = std::exchange(m_jobDone, nullptr);
                    m_jobId.clear();
                    if (done)
                        done();
                });
        });
}
