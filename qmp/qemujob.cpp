// SPDX-License-Identifier: GPL-2.0-or-later
#include "qmp/qemujob.h"

#include "qmp/qemujson_p.h"

#include <array>

using namespace Qt::Literals::StringLiterals;

QemuJobStatus qemuJobStatusFromName(QStringView name)
{
    static constexpr std::array kNames = {
        std::pair{"undefined"_L1, QemuJobStatus::Undefined},
        std::pair{"created"_L1, QemuJobStatus::Created},
        std::pair{"running"_L1, QemuJobStatus::Running},
        std::pair{"paused"_L1, QemuJobStatus::Paused},
        std::pair{"ready"_L1, QemuJobStatus::Ready},
        std::pair{"standby"_L1, QemuJobStatus::Standby},
        std::pair{"waiting"_L1, QemuJobStatus::Waiting},
        std::pair{"pending"_L1, QemuJobStatus::Pending},
        std::pair{"aborting"_L1, QemuJobStatus::Aborting},
        std::pair{"concluded"_L1, QemuJobStatus::Concluded},
        std::pair{"null"_L1, QemuJobStatus::Null},
    };
    return qemuEnumFromName(kNames, name, QemuJobStatus::Unknown);
}

bool QemuJobInfo::fromJson(const QJsonValue &json, QemuJobInfo &out, QString &why)
{
    QemuJsonReader r(json, why, "a job"_L1);
    out.id = r.string("id"_L1);
    out.type = r.string("type"_L1);
    out.status = qemuJobStatusFromName(r.string("status"_L1));
    out.currentProgress = r.integer("current-progress"_L1);
    out.totalProgress = r.integer("total-progress"_L1);
    out.error = r.optionalString("error"_L1);
    return r.ok();
}
