// SPDX-License-Identifier: GPL-2.0-or-later
#include "qmp/qemumachine.h"

#include "qmp/qemujson_p.h"

#include <array>

using namespace Qt::Literals::StringLiterals;

QemuRunState qemuRunStateFromName(QStringView name)
{
    // The states a monitor reports most come first.
    static constexpr std::array kNames = {
        std::pair{"running"_L1, QemuRunState::Running},
        std::pair{"paused"_L1, QemuRunState::Paused},
        std::pair{"prelaunch"_L1, QemuRunState::Prelaunch},
        std::pair{"shutdown"_L1, QemuRunState::Shutdown},
        std::pair{"guest-panicked"_L1, QemuRunState::GuestPanicked},
        std::pair{"internal-error"_L1, QemuRunState::InternalError},
        std::pair{"io-error"_L1, QemuRunState::IoError},
        std::pair{"suspended"_L1, QemuRunState::Suspended},
        std::pair{"watchdog"_L1, QemuRunState::Watchdog},
        std::pair{"debug"_L1, QemuRunState::Debug},
        std::pair{"inmigrate"_L1, QemuRunState::InMigrate},
        std::pair{"postmigrate"_L1, QemuRunState::PostMigrate},
        std::pair{"finish-migrate"_L1, QemuRunState::FinishMigrate},
        std::pair{"restore-vm"_L1, QemuRunState::RestoreVm},
        std::pair{"save-vm"_L1, QemuRunState::SaveVm},
        std::pair{"colo"_L1, QemuRunState::Colo},
    };
    return qemuEnumFromName(kNames, name, QemuRunState::Unknown);
}

bool QemuStatus::fromJson(const QJsonValue &json, QemuStatus &out, QString &why)
{
    QemuJsonReader r(json, why, "query-status's answer"_L1);
    out.stateName = r.string("status"_L1);
    out.running = r.boolean("running"_L1);
    out.state = qemuRunStateFromName(out.stateName);
    return r.ok();
}

bool QemuKvmInfo::fromJson(const QJsonValue &json, QemuKvmInfo &out, QString &why)
{
    QemuJsonReader r(json, why, "query-kvm's answer"_L1);
    out.enabled = r.boolean("enabled"_L1);
    out.present = r.boolean("present"_L1);
    return r.ok();
}

bool QemuVersion::fromJson(const QJsonValue &json, QemuVersion &out, QString &why)
{
    QemuJsonReader r(json, why, "query-version's answer"_L1);
    if (!r.ok())
        return false;
    QemuJsonReader qemu(r.optionalValue("qemu"_L1), why, "query-version's \"qemu\""_L1);
    out.major = int(qemu.integer("major"_L1));
    out.minor = int(qemu.integer("minor"_L1));
    out.micro = int(qemu.integer("micro"_L1));
    out.package = r.optionalString("package"_L1);
    return qemu.ok();
}

bool QemuMachineType::fromJson(const QJsonValue &json, QemuMachineType &out, QString &why)
{
    QemuJsonReader r(json, why, "a machine type"_L1);
    out.name = r.string("name"_L1);
    out.alias = r.optionalString("alias"_L1);
    out.isDefault = r.optionalBoolean("is-default"_L1);
    out.deprecated = r.boolean("deprecated"_L1);
    out.cpuMax = int(r.integer("cpu-max"_L1));
    return r.ok();
}

bool QemuCpu::fromJson(const QJsonValue &json, QemuCpu &out, QString &why)
{
    QemuJsonReader r(json, why, "a vCPU"_L1);
    out.index = int(r.integer("cpu-index"_L1));
    out.threadId = r.integer("thread-id"_L1);
    out.qomPath = r.string("qom-path"_L1);
    out.target = r.string("target"_L1);
    return r.ok();
}
