// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringView>

// Typed answers about the machine as a whole: its run state, accelerator, version, machine
// types and vCPUs. Each fromJson() reads QEMU 7.2's reply and returns false with a short
// technical reason in `why` when a member the schema promises is missing.

/// QAPI RunState: what `query-status` reports and what the STOP/RESUME events imply.
enum class QemuRunState
{
    Unknown, ///< a state newer than this list
    Debug,
    InMigrate,
    InternalError,
    IoError,
    Paused,
    PostMigrate,
    Prelaunch, ///< started with -S and never continued
    FinishMigrate,
    RestoreVm,
    Running,
    SaveVm,
    Shutdown, ///< the guest shut down and QEMU stays (-no-shutdown)
    Suspended,
    Watchdog,
    GuestPanicked,
    Colo,
};

/// The run state a QAPI RunState name stands for ("guest-panicked" → GuestPanicked).
QemuRunState qemuRunStateFromName(QStringView name);

/// `query-status`.
struct QemuStatus
{
    QemuRunState state = QemuRunState::Unknown;
    QString stateName; ///< QEMU's own word, e.g. "prelaunch"
    bool running = false;

    static bool fromJson(const QJsonValue &json, QemuStatus &out, QString &why);
};

/// `query-kvm`.
struct QemuKvmInfo
{
    bool enabled = false; ///< this QEMU runs on KVM
    bool present = false; ///< the host offers KVM

    static bool fromJson(const QJsonValue &json, QemuKvmInfo &out, QString &why);
};

/// `query-version`.
struct QemuVersion
{
    int major = 0;
    int minor = 0;
    int micro = 0;
    QString package; ///< the distribution's build, e.g. "Debian 1:7.2+dfsg-7"

    static bool fromJson(const QJsonValue &json, QemuVersion &out, QString &why);
};

/// One entry of `query-machines`.
struct QemuMachineType
{
    QString name;  ///< e.g. "pc-q35-7.2"
    QString alias; ///< e.g. "q35"; empty when it has none
    bool isDefault = false;
    bool deprecated = false;
    int cpuMax = 0;

    static bool fromJson(const QJsonValue &json, QemuMachineType &out, QString &why);
};

/// One entry of `query-cpus-fast`.
struct QemuCpu
{
    int index = 0;       ///< "cpu-index"
    qint64 threadId = 0; ///< the host thread that runs this vCPU (/proc/<pid>/task/<tid>)
    QString qomPath;
    QString target; ///< e.g. "x86_64"

    static bool fromJson(const QJsonValue &json, QemuCpu &out, QString &why);
};
