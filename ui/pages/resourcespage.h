// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/vm/vminstance.h"
#include "models/vm/vmlibrary.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

/// A VM's Resources tab: its share of the host (VmResources) as a form — CPU weight, CPU
/// limit, vCPU and emulator affinity, memory target, disk read/write rates and operations —
/// editable whether the VM runs or not. Apply goes through ResourceChange, as `berth set`
/// does: into the running QEMU first, then into vm.json (compare-and-swap); a refusal (out of
/// range, not enforceable on this host, QEMU's) shows under the form and nothing is saved.
/// The line under the title says which mechanism this host uses (CpuControl::detect()).
/// Ctrl+Return applies.
class ResourcesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResourcesPage)

public:
    /// @p library must outlive the page.
    explicit ResourcesPage(VmLibrary *library, QWidget *parent = nullptr);
    ~ResourcesPage() override;

    /// Shows @p entry; @p instance (may be null) is the VM's running state.
    void setVm(VmInstance *instance, const VmEntry &entry);
    void clear();

    /// The form differs from what is saved.
    bool isModified() const;
    /// Why the last Apply failed, or empty.
    QString problem() const;

    void apply();
    void revert();

Q_SIGNALS:
    void applied(const VmDefinition &definition);

private:
    VmResources collect() const;
    void load(const VmResources &r);
    void updateState();

    VmLibrary *m_library;
    QPointer<VmInstance> m_instance;
    VmDefinition m_saved;
    bool m_hasVm = false;
    bool m_busy = false;
    QString m_problem;

    QLabel *m_mechanisms = nullptr;
    QSpinBox *m_weight = nullptr;
    QSpinBox *m_limit = nullptr;
    QLineEdit *m_affinity = nullptr;
    QLineEdit *m_emulatorAffinity = nullptr;
    QSpinBox *m_memoryTarget = nullptr;
    QSpinBox *m_readMiBps = nullptr;
    QSpinBox *m_writeMiBps = nullptr;
    QSpinBox *m_iops = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_revert = nullptr;
};
