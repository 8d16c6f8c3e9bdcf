// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "qmp/qemuballoon.h"
#include "qmp/qemublock.h"
#include "qmp/qemuhostforward.h"
#include "qmp/qemujob.h"
#include "qmp/qemumachine.h"
#include "qmp/qemuusernetwork.h"
#include "qmp/qmpresult.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>

class QJsonObject;
class QmpClient;
class QObject;

/// QEMU's monitor, typed: one function per QMP command Berth sends (libvirt's
/// qemu_monitor_json.c), typed arguments in, typed answers out. No other file spells a
/// command name.
///
/// A QemuMonitor is a small handle on a QmpClient and does not own it; copy it freely, but not
/// past the client's life. Events stay the QmpClient's typed signals (eventStop(),
/// eventJobStatusChange()...).
///
/// Every function returns at once. The answer goes to @p done on @p context's thread once QEMU
/// replied or the call failed, and not at all if @p context was destroyed first. Failures are
/// QmpErrors: QEMU's own (Kind::Command, with its class and desc), the client's (not ready,
/// timeout, interrupted) and Kind::Reply when QEMU answered in a shape the command's schema
/// does not allow. @p done may be empty for commands that answer nothing.
///
/// Devices are named by the id given on QEMU's command line (`-device ...,id=balloon0`); a
/// block device may also be named by the QOM path that `query-block` reports as "qdev".
class QemuMonitor final
{
public:
    explicit QemuMonitor(QmpClient &client);

    QmpClient &client() const { return *m_client; }

    /// The QOM path of a device given on the command line with `id=@p deviceId`.
    static QString peripheralPath(const QString &deviceId);

    // ---- the machine --------------------------------------------------------------------
    void queryStatus(QObject *context, QmpCallback<QemuStatus> done) const;
    void queryKvm(QObject *context, QmpCallback<QemuKvmInfo> done) const;
    void queryVersion(QObject *context, QmpCallback<QemuVersion> done) const;
    void queryMachines(QObject *context, QmpCallback<QList<QemuMachineType>> done) const;
    void queryCpusFast(QObject *context, QmpCallback<QList<QemuCpu>> done) const;
    /// Pauses the vCPUs (`stop`); the STOP event follows.
    void stop(QObject *context, QmpCallback<void> done = {}) const;
    /// Resumes them (`cont`), also out of -S; the RESUME event follows.
    void cont(QObject *context, QmpCallback<void> done = {}) const;
    /// Hard reset (`system_reset`).
    void systemReset(QObject *context, QmpCallback<void> done = {}) const;
    /// Presses the ACPI power button (`system_powerdown`); the guest decides what follows.
    void systemPowerdown(QObject *context, QmpCallback<void> done = {}) const;
    /// Ends QEMU at once (`quit`); the connection closes after the answer.
    void quit(QObject *context, QmpCallback<void> done = {}) const;

    // ---- memory balloon -----------------------------------------------------------------
    void queryBalloon(QObject *context, QmpCallback<QemuBalloonInfo> done) const;
    /// Asks the guest to give memory back until it has @p bytes (`balloon`).
    void setBalloonTarget(qint64 bytes, QObject *context, QmpCallback<void> done = {}) const;
    /// The balloon's "guest-stats-polling-interval" in seconds; 0 while polling is off.
    void balloonStatsPollingInterval(const QString &balloonId, QObject *context,
                                     QmpCallback<int> done) const;
    /// Sets how often the guest's driver reports its memory (0 stops it).
    void setBalloonStatsPollingInterval(const QString &balloonId, int seconds, QObject *context,
                                        QmpCallback<void> done = {}) const;
    /// The guest's last memory report ("guest-stats").
    void balloonGuestStats(const QString &balloonId, QObject *context,
                           QmpCallback<QemuGuestMemoryStats> done) const;

    // ---- block devices ------------------------------------------------------------------
    void queryBlock(QObject *context, QmpCallback<QList<QemuBlockDevice>> done) const;
    void queryBlockStats(QObject *context, QmpCallback<QList<QemuBlockStats>> done) const;
    /// Sets (or, with all zeros, lifts) the I/O limits of a disk (`block_set_io_throttle`).
    void setIoThrottle(const QString &deviceId, const QemuIoThrottle &limits, QObject *context,
                       QmpCallback<void> done = {}) const;
    /// The same with the disk in the throttle group @p group: every disk in one group shares
    /// its limits (the last call's limits are the group's).
    void setIoThrottle(const QString &deviceId, const QemuIoThrottle &limits, const QString &group,
                       QObject *context, QmpCallback<void> done = {}) const;
    /// Puts @p imagePath (in @p format, e.g. "raw" for an ISO) into a removable drive such as
    /// a CD-ROM, replacing what it held (`blockdev-change-medium`).
    void changeMedium(const QString &deviceId, const QString &imagePath, const QString &format,
                      QObject *context, QmpCallback<void> done = {}) const;
    /// Empties a removable drive even if the guest locked its tray (`eject` with force).
    void ejectMedium(const QString &deviceId, QObject *context, QmpCallback<void> done = {}) const;

    // ---- display and input --------------------------------------------------------------
    /// Writes the screen to @p pngPath (absolute) as PNG (`screendump`).
    void screendump(const QString &pngPath, QObject *context, QmpCallback<void> done = {}) const;
    /// Presses @p keys together, then releases them (`send-key`). Keys are QAPI QKeyCode
    /// names: "ctrl", "alt", "delete", "f2", "a"...; @p holdTime 0 uses QEMU's 100 ms.
    void sendKeys(const QStringList &keys, std::chrono::milliseconds holdTime, QObject *context,
                  QmpCallback<void> done = {}) const;

    // ---- snapshots (jobs) ---------------------------------------------------------------
    // Each starts a job named @p jobId and answers once it started: follow the client's
    // eventJobStatusChange() to "concluded", read its error with queryJobs(), then jobDismiss().
    // @p nodes are block node names; @p vmstateNode (one of them) holds the memory state.
    void snapshotSave(const QString &jobId, const QString &tag, const QString &vmstateNode,
                      const QStringList &nodes, QObject *context,
                      QmpCallback<void> done = {}) const;
    void snapshotLoad(const QString &jobId, const QString &tag, const QString &vmstateNode,
                      const QStringList &nodes, QObject *context,
                      QmpCallback<void> done = {}) const;
    void snapshotDelete(const QString &jobId, const QString &tag, const QStringList &nodes,
                        QObject *context, QmpCallback<void> done = {}) const;
    void queryJobs(QObject *context, QmpCallback<QList<QemuJobInfo>> done) const;
    void jobDismiss(const QString &jobId, QObject *context, QmpCallback<void> done = {}) const;

    // ---- user-mode network --------------------------------------------------------------
    // QEMU 7.2 has these only in HMP, whose answers are text: hostfwd_add answers nothing when
    // it worked, hostfwd_remove "host forwarding rule for <host side> removed". Any other
    // text is QEMU's reason, and comes back as a Kind::Command error with that sentence as its
    // description. Addresses with characters that cannot be in an address are refused before
    // anything is sent (an HMP line could otherwise carry a second command).
    /// Adds a port forward to the `-netdev user,id=@p netdevId` network (`hostfwd_add`).
    void hostForwardAdd(const QString &netdevId, const QemuHostForward &forward, QObject *context,
                        QmpCallback<void> done = {}) const;
    /// Removes the forward from @p forward's host side (`hostfwd_remove`).
    void hostForwardRemove(const QString &netdevId, const QemuHostForward &forward,
                           QObject *context, QmpCallback<void> done = {}) const;
    /// The sockets of the `-netdev user,id=@p netdevId` network (`info usernet`): its
    /// forwards and connections, with the guest's address on their guest side.
    void userNetworkSockets(const QString &netdevId, QObject *context,
                            QmpCallback<QList<QemuUserSocket>> done) const;

private:
    /// Sends @p command and hands @p done its answer, parsed into a T; with QmpClient's short
    /// timeout unless @p timeout says otherwise.
    template<typename T>
    void run(const QString &command, const QJsonObject &arguments, QObject *context,
             QmpCallback<T> done) const;
    template<typename T>
    void run(const QString &command, const QJsonObject &arguments, QObject *context,
             QmpCallback<T> done, std::chrono::milliseconds timeout) const;
    /// Runs one HMP command line and accepts the answer when @p succeeded says so; otherwise
    /// the answer (QEMU's sentence) is the error, reported under @p hmpCommand.
    void runHmp(const QString &hmpCommand, const QString &commandLine,
                const std::function<bool(const QString &)> &succeeded, QObject *context,
                QmpCallback<void> done) const;

    QmpClient *m_client;
};
