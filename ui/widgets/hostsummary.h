// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QLabel>
#include <QPointer>

class StatsSampler;

/// The host at a glance, for the status bar: its CPU use, how much of that the VMs take,
/// and the memory given to the running VMs against what the host has ("VMs: 3 GiB of
/// 16 GiB"), saying "overcommitted" when they are given more than the host has.
class HostSummary final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostSummary)

public:
    explicit HostSummary(QWidget *parent = nullptr);
    ~HostSummary() override;

    /// Not owned; updated on each of its ticks.
    void setSampler(StatsSampler *sampler);

    /// Re-reads the sampler's host figures now.
    void refresh();

private:
    QPointer<StatsSampler> m_sampler;
};
