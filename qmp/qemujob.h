// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringView>

/// QAPI JobStatus: the states of a background job (snapshot-save, -load, -delete...), as
/// `query-jobs` and the JOB_STATUS_CHANGE event report them.
enum class QemuJobStatus
{
    Unknown, ///< a status newer than this list
    Undefined,
    Created,
    Running,
    Paused,
    Ready,
    Standby,
    Waiting,
    Pending,
    Aborting,
    Concluded, ///< finished, well or not; query-jobs tells which, then job-dismiss
    Null,      ///< dismissed: the job is gone
};

/// The status a QAPI JobStatus name stands for ("concluded" → Concluded).
QemuJobStatus qemuJobStatusFromName(QStringView name);

/// One entry of `query-jobs`.
struct QemuJobInfo
{
    QString id;
    QString type; ///< e.g. "snapshot-save"
    QemuJobStatus status = QemuJobStatus::Unknown;
    qint64 currentProgress = 0;
    qint64 totalProgress = 0;
    QString error; ///< why a concluded job failed; empty when it did not

    static bool fromJson(const QJsonValue &json, QemuJobInfo &out, QString &why);
};
