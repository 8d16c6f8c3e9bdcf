// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUuid>

#include <optional>

class StatsSampler;
class VmRegistry;

/// Moves memory between running guests through their balloons when the host runs short:
/// off by default (Preferences, `berth host --balancer on`), run by the window, fed by the
/// statistics sampler (one decision per sample at most).
///
/// Policy (decide()):
///  - reclaim: when the host's available memory is below the low watermark, the guest with
///    the most free memory above its reserve (64 MiB + 10 % of what it has) gives back up to
///    one step (128 MiB), never below its floor;
///  - return: otherwise, a guest short of memory (available below its reserve) whose balloon
///    holds some back gets up to one step, as long as the host stays above the watermark plus
///    one step.
/// A VM's floor is its memory target when one is set (VmResources::memoryTargetMiB), else a
/// quarter of its memory, at least 128 MiB. Each action is logged (berth.resources) and kept
/// (recentActions(), the Host Resources view).
class MemoryBalancer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemoryBalancer)

public:
    static constexpr qint64 StepMiB = 128;
    static constexpr qint64 ReserveMiB = 64;
    static constexpr int KeptActions = 50;

    /// One guest as the balancer sees it.
    struct Guest
    {
        QUuid uuid;
        QString name;
        qint64 memoryMiB = 0;    ///< its whole memory: the most it can be given
        qint64 floorMiB = 0;     ///< the least it keeps
        qint64 actualMiB = 0;    ///< what its balloon leaves it now
        qint64 availableMiB = 0; ///< what it reports as available
    };

    struct Action
    {
        QDateTime time;
        QUuid uuid;
        QString name;
        qint64 fromMiB = 0;
        qint64 toMiB = 0;
        QString reason; ///< for the user
    };

    /// The policy above, for @p guests on a host with @p hostAvailableMiB and @p lowMiB as
    /// its low watermark; nothing when no guest should change.
    static std::optional<Action> decide(const QList<Guest> &guests, qint64 hostAvailableMiB,
                                        qint64 lowMiB);
    /// The floor of a VM with @p memoryMiB and @p targetMiB (0: none).
    static qint64 floorFor(qint64 memoryMiB, qint64 targetMiB);

    /// `resources/balancer` (QSettings): whether the window runs the balancer. Off unless set
    /// (Preferences, `berth host --balancer on`).
    static bool enabledInSettings();
    static void setEnabledInSettings(bool on);

    MemoryBalancer(VmRegistry *registry, StatsSampler *sampler, QObject *parent = nullptr);
    ~MemoryBalancer() override;

    bool isEnabled() const { return m_enabled; }
    void setEnabled(bool on);
    /// The low watermark in MiB (default: a tenth of the host's memory).
    qint64 lowWatermarkMiB() const { return m_lowMiB; }
    void setLowWatermarkMiB(qint64 mib) { m_lowMiB = mib; }
    /// For tests and the benchmark: the host has only @p mib for VMs; its available memory
    /// is then that budget minus what the running guests have. 0 uses MemAvailable.
    void setSimulatedHostBudgetMiB(qint64 mib) { m_budgetMiB = mib; }

    /// The newest last, at most KeptActions.
    const QList<Action> &recentActions() const { return m_actions; }

Q_SIGNALS:
    void acted(const MemoryBalancer::Action &action);

private:
    void onSampled();

    QPointer<VmRegistry> m_registry;
    QPointer<StatsSampler> m_sampler;
    bool m_enabled = false;
    qint64 m_lowMiB = 0;
    qint64 m_budgetMiB = 0;
    bool m_busy = false;
    QList<Action> m_actions;
    QHash<QUuid, qint64> m_targets; ///< the balloon targets this balancer set, in MiB
};

Q_DECLARE_METATYPE(MemoryBalancer::Action)
