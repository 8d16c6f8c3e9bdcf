// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

class QComboBox;
class ElidedLabel;
class QLabel;
class StatsChart;
class StatsSampler;
class VmInstance;

/// The Performance tab of a VM: live charts of its CPU (QEMU's total and each vCPU),
/// memory (what the guest uses against what it was given, and QEMU's resident memory on
/// the host), disk and network throughput, over the last minute, five minutes or hour
/// (remembered in QSettings). Fed by the window's StatsSampler; redrawn on each of its
/// ticks while visible.
class PerformancePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PerformancePage)

public:
    explicit PerformancePage(QWidget *parent = nullptr);
    ~PerformancePage() override;

    /// Not owned; must outlive the page (or be reset to null first).
    void setSampler(StatsSampler *sampler);
    /// The VM shown; null shows nothing.
    void setVm(VmInstance *vm);

    /// The time range shown, in seconds (60, 300 or 3600).
    int rangeSeconds() const;
    void setRangeSeconds(int seconds);

    StatsChart *cpuChart() const { return m_cpu; }
    StatsChart *memoryChart() const { return m_memory; }
    StatsChart *diskChart() const { return m_disk; }
    StatsChart *networkChart() const { return m_network; }

    /// Re-reads the history now (also done on each sampler tick while visible).
    void refresh();

protected:
    void showEvent(QShowEvent *event) override;

private:
    /// Shows @p text in the summary line, elided to the width there is (whole in the
    /// tooltip).
    void setSummary(const QString &text);

    QPointer<StatsSampler> m_sampler;
    QPointer<VmInstance> m_vm;
    QComboBox *m_range;
    ElidedLabel *m_summary;
    StatsChart *m_cpu;
    StatsChart *m_memory;
    StatsChart *m_disk;
    StatsChart *m_network;
};
