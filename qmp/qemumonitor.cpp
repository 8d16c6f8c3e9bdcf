// SPDX-License-Identifier: GPL-2.0-or-later
#include "qmp/qemumonitor.h"

#include "qmp/qemujson_p.h"
#include "qmp/qmpclient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMetaObject>

#include <algorithm>
#include <limits>
#include <type_traits>

using namespace Qt::Literals::StringLiterals;

namespace {

// Parsers for answers that are not a struct of their own.
template<typename T>
bool fromJson(const QJsonValue &json, T &out, QString &why)
{
    return T::fromJson(json, out, why);
}

template<typename T>
bool fromJson(const QJsonValue &json, QList<T> &out, QString &why)
{
    return qemuListFromJson(json, out, why);
}

bool fromJson(const QJsonValue &json, int &out, QString &why)
{
    const qint64 n = json.toInteger(-1);
    if (n < 0 || n > std::numeric_limits<int>::max()) {
        why = u"the answer is not a small non-negative integer"_s;
        return false;
    }
    out = int(n);
    return true;
}

bool fromJson(const QJsonValue &json, QString &out, QString &why)
{
    if (!json.isString()) {
        why = u"the answer is not a string"_s;
        return false;
    }
    out = json.toString();
    return true;
}

/// Hands @p done an error from the event loop, as a refused call would be.
void refuseLater(QObject *context, QmpCallback<void> done, const QmpError &error)
{
    if (!done)
        return;
    QMetaObject::invokeMethod(
        context, [done = std::move(done), error] { done(QmpResult<void>(error)); },
        Qt::QueuedConnection);
}

/// Characters an address in a host forward may hold (IPv4, IPv6 in brackets, host names).
bool isPlainAddress(const QString &address)
{
    return std::all_of(address.begin(), address.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
               c == u'.' || c == u':' || c == u'-' || c == u'[' || c == u']';
    });
}

QJsonObject qomProperty(const QString &deviceId, QLatin1StringView property)
{
    return {{u"path"_s, QemuMonitor::peripheralPath(deviceId)}, {u"property"_s, property}};
}

QJsonObject snapshotArguments(const QString &jobId, const QString &tag, const QStringList &nodes)
{
    return {
        {u"job-id"_s, jobId}, {u"tag"_s, tag}, {u"devices"_s, QJsonArray::fromStringList(nodes)}};
}

} // namespace

QemuMonitor::QemuMonitor(QmpClient &client)
    : m_client(&client)
{}

QString QemuMonitor::peripheralPath(const QString &deviceId)
{
    return u"/machine/peripheral/"_s + deviceId;
}

template<typename T>
void QemuMonitor::run(const QString &command, const QJsonObject &arguments, QObject *context,
                      QmpCallback<T> done) const
{
    run(command, arguments, context, std::move(done), QmpClient::ShortTimeout);
}

// The one place a command leaves Berth: QmpClient lets nothing else send one.
template<typename T>
void QemuMonitor::run(const QString &command, const QJsonObject &arguments, QObject *context,
                      QmpCallback<T> done, std::chrono::milliseconds timeout) const
{
    m_client->call(
        command, arguments, context,
        [command, done = std::move(done)](const QmpError &error, const QJsonValue &result) {
            if (!done)
                return;
            if (error.isError())
                return done(QmpResult<T>(error));
            if constexpr (std::is_void_v<T>) {
                done(QmpResult<void>());
            } else {
                T value;
                QString why;
                if (!fromJson(result, value, why))
                    return done(QmpResult<T>(QmpError::unexpectedReply(command, why)));
                done(QmpResult<T>(std::move(value)));
            }
        },
        timeout);
}

// ---- the machine ----------------------------------------------------------------------------

void QemuMonitor::queryStatus(QObject *context, QmpCallback<QemuStatus> done) const
{
    run(u"query-status"_s, {}, context, std::move(done));
}

void QemuMonitor::queryKvm(QObject *context, QmpCallback<QemuKvmInfo> done) const
{
    run(u"query-kvm"_s, {}, context, std::move(done));
}

void QemuMonitor::queryVersion(QObject *context, QmpCallback<QemuVersion> done) const
{
    run(u"query-version"_s, {}, context, std::move(done));
}

void QemuMonitor::queryMachines(QObject *context, QmpCallback<QList<QemuMachineType>> done) const
{
    run(u"query-machines"_s, {}, context, std::move(done));
}

void QemuMonitor::queryCpusFast(QObject *context, QmpCallback<QList<QemuCpu>> done) const
{
    run(u"query-cpus-fast"_s, {}, context, std::move(done));
}

void QemuMonitor::stop(QObject *context, QmpCallback<void> done) const
{
    run(u"stop"_s, {}, context, std::move(done));
}

void QemuMonitor::cont(QObject *context, QmpCallback<void> done) const
{
    run(u"cont"_s, {}, context, std::move(done));
}

void QemuMonitor::systemReset(QObject *context, QmpCallback<void> done) const
{
    run(u"system_reset"_s, {}, context, std::move(done));
}

void QemuMonitor::systemPowerdown(QObject *context, QmpCallback<void> done) const
{
    run(u"system_powerdown"_s, {}, context, std::move(done));
}

void QemuMonitor::quit(QObject *context, QmpCallback<void> done) const
{
    run(u"quit"_s, {}, context, std::move(done));
}

// ---- memory balloon -------------------------------------------------------------------------

void QemuMonitor::queryBalloon(QObject *context, QmpCallback<QemuBalloonInfo> done) const
{
    run(u"query-balloon"_s, {}, context, std::move(done));
}

void QemuMonitor::setBalloonTarget(qint64 bytes, QObject *context, QmpCallback<void> done) const
{
    run(u"balloon"_s, {{u"value"_s, bytes}}, context, std::move(done));
}

void QemuMonitor::balloonStatsPollingInterval(const QString &balloonId, QObject *context,
                                              QmpCallback<int> done) const
{
    run(u"qom-get"_s, qomProperty(balloonId, "guest-stats-polling-interval"_L1), context,
        std::move(done));
}

void QemuMonitor::setBalloonStatsPollingInterval(const QString &balloonId, int seconds,
                                                 QObject *context, QmpCallback<void> done) const
{
    QJsonObject arguments = qomProperty(balloonId, "guest-stats-polling-interval"_L1);
    arguments.insert(u"value"_s, seconds);
    run(u"qom-set"_s, arguments, context, std::move(done));
}

void QemuMonitor::balloonGuestStats(const QString &balloonId, QObject *context,
                                    QmpCallback<QemuGuestMemoryStats> done) const
{
    run(u"qom-get"_s, qomProperty(balloonId, "guest-stats"_L1), context, std::move(done));
}

// ---- block devices --------------------------------------------------------------------------

void QemuMonitor::queryBlock(QObject *context, QmpCallback<QList<QemuBlockDevice>> done) const
{
    run(u"query-block"_s, {}, context, std::move(done));
}

void QemuMonitor::queryBlockStats(QObject *context, QmpCallback<QList<QemuBlockStats>> done) const
{
    run(u"query-blockstats"_s, {}, context, std::move(done));
}

void QemuMonitor::setIoThrottle(const QString &deviceId, const QemuIoThrottle &limits,
                                QObject *context, QmpCallback<void> done) const
{
    setIoThrottle(deviceId, limits, QString(), context, std::move(done));
}

void QemuMonitor::setIoThrottle(const QString &deviceId, const QemuIoThrottle &limits,
                                const QString &group, QObject *context,
                                QmpCallback<void> done) const
{
    QJsonObject arguments{{u"id"_s, deviceId},
                          {u"bps"_s, limits.bytesPerSecond},
                          {u"bps_rd"_s, limits.readBytesPerSecond},
                          {u"bps_wr"_s, limits.writeBytesPerSecond},
                          {u"iops"_s, limits.iops},
                          {u"iops_rd"_s, limits.readIops},
                          {u"iops_wr"_s, limits.writeIops}};
    if (!group.isEmpty())
        arguments.insert(u"group"_s, group);
    run(u"block_set_io_throttle"_s, arguments, context, std::move(done));
}

void QemuMonitor::changeMedium(const QString &deviceId, const QString &imagePath,
                               const QString &format, QObject *context,
                               QmpCallback<void> done) const
{
    run(u"blockdev-change-medium"_s,
        {{u"id"_s, deviceId}, {u"filename"_s, imagePath}, {u"format"_s, format}}, context,
        std::move(done));
}

void QemuMonitor::ejectMedium(const QString &deviceId, QObject *context,
                              QmpCallback<void> done) const
{
    run(u"eject"_s, {{u"id"_s, deviceId}, {u"force"_s, true}}, context, std::move(done));
}

// ---- display and input ----------------------------------------------------------------------

void QemuMonitor::screendump(const QString &pngPath, QObject *context, QmpCallback<void> done) const
{
    run(u"screendump"_s, {{u"filename"_s, pngPath}, {u"format"_s, u"png"_s}}, context,
        std::move(done));
}

void QemuMonitor::sendKeys(const QStringList &keys, std::chrono::milliseconds holdTime,
                           QObject *context, QmpCallback<void> done) const
{
    QJsonArray keyValues;
    for (const QString &key : keys)
        keyValues.append(QJsonObject{{u"type"_s, u"qcode"_s}, {u"data"_s, key}});
    QJsonObject arguments{{u"keys"_s, keyValues}};
    if (holdTime.count() > 0)
        arguments.insert(u"hold-time"_s, qint64(holdTime.count()));
    run(u"send-key"_s, arguments, context, std::move(done));
}

// ---- snapshots (jobs) -----------------------------------------------------------------------

void QemuMonitor::snapshotSave(const QString &jobId, const QString &tag, const QString &vmstateNode,
                               const QStringList &nodes, QObject *context,
                               QmpCallback<void> done) const
{
    QJsonObject arguments = snapshotArguments(jobId, tag, nodes);
    arguments.insert(u"vmstate"_s, vmstateNode);
    run(u"snapshot-save"_s, arguments, context, std::move(done), QmpClient::LongTimeout);
}

void QemuMonitor::snapshotLoad(const QString &jobId, const QString &tag, const QString &vmstateNode,
                               const QStringList &nodes, QObject *context,
                               QmpCallback<void> done) const
{
    QJsonObject arguments = snapshotArguments(jobId, tag, nodes);
    arguments.insert(u"vmstate"_s, vmstateNode);
    run(u"snapshot-load"_s, arguments, context, std::move(done), QmpClient::LongTimeout);
}

void QemuMonitor::snapshotDelete(const QString &jobId, const QString &tag, const QStringList &nodes,
                                 QObject *context, QmpCallback<void> done) const
{
    run(u"snapshot-delete"_s, snapshotArguments(jobId, tag, nodes), context, std::move(done),
        QmpClient::LongTimeout);
}

void QemuMonitor::queryJobs(QObject *context, QmpCallback<QList<QemuJobInfo>> done) const
{
    run(u"query-jobs"_s, {}, context, std::move(done));
}

void QemuMonitor::jobDismiss(const QString &jobId, QObject *context, QmpCallback<void> done) const
{
    run(u"job-dismiss"_s, {{u"id"_s, jobId}}, context, std::move(done));
}

// ---- user-mode network ----------------------------------------------------------------------

void QemuMonitor::runHmp(const QString &hmpCommand, const QString &commandLine,
                         const std::function<bool(const QString &)> &succeeded, QObject *context,
                         QmpCallback<void> done) const
{
    run<QString>(
        u"human-monitor-command"_s, {{u"command-line"_s, commandLine}}, context,
        [hmpCommand, succeeded, done = std::move(done)](const QmpResult<QString> &r) {
            if (!done)
                return;
            if (!r)
                return done(QmpResult<void>(r.error()));
            // HMP ends its lines with "\r\n"; one sentence may take two lines.
            const QString answer = r->trimmed().remove(u'\r');
            if (succeeded(answer))
                return done(QmpResult<void>());
            done(QmpResult<void>(QmpError::commandFailed(hmpCommand, u"GenericError"_s, answer)));
        });
}

void QemuMonitor::hostForwardAdd(const QString &netdevId, const QemuHostForward &forward,
                                 QObject *context, QmpCallback<void> done) const
{
    const QString rule = forward.rule();
    if (!isPlainAddress(netdevId) || !isPlainAddress(forward.hostAddress) ||
        !isPlainAddress(forward.guestAddress))
        return refuseLater(
            context, std::move(done),
            QmpError::commandFailed(u"hostfwd_add"_s, u"GenericError"_s,
                                    u"invalid host forwarding rule '%1'"_s.arg(rule)));
    runHmp(
        u"hostfwd_add"_s, u"hostfwd_add %1 %2"_s.arg(netdevId, rule),
        [](const QString &answer) { return answer.isEmpty(); }, context, std::move(done));
}

void QemuMonitor::hostForwardRemove(const QString &netdevId, const QemuHostForward &forward,
                                    QObject *context, QmpCallback<void> done) const
{
    const QString hostSide = forward.hostSide();
    if (!isPlainAddress(netdevId) || !isPlainAddress(forward.hostAddress))
        return refuseLater(
            context, std::move(done),
            QmpError::commandFailed(u"hostfwd_remove"_s, u"GenericError"_s,
                                    u"invalid host forwarding rule '%1'"_s.arg(hostSide)));
    const QString removed = u"host forwarding rule for %1 removed"_s.arg(hostSide);
    runHmp(
        u"hostfwd_remove"_s, u"hostfwd_remove %1 %2"_s.arg(netdevId, hostSide),
        [removed](const QString &answer) { return answer == removed; }, context, std::move(done));
}

void QemuMonitor::userNetworkSockets(const QString &netdevId, QObject *context,
                                     QmpCallback<QList<QemuUserSocket>> done) const
{
    run<QString>(u"human-monitor-command"_s, {{u"command-line"_s, u"info usernet"_s}}, context,
                 [netdevId, done = std::move(done)](const QmpResult<QString> &r) {
                     if (!r)
                         return done(QmpResult<QList<QemuUserSocket>>(r.error()));
                     done(QemuUserSocket::parse(*r, netdevId));
                 });
}
