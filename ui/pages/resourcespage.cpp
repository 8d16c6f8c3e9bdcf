// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/pages/resourcespage.h"

#include "models/resources/resourcechange.h"
#include "models/vm/cpucontrol.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 MiB = 1024 * 1024;

QSpinBox *noneSpin(QWidget *parent, const QString &objectName, int max, const QString &suffix)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(objectName);
    spin->setRange(0, max);
    spin->setSpecialValueText(ResourcesPage::tr("None"));
    spin->setSuffix(suffix);
    spin->setAccelerated(true);
    return spin;
}

QFormLayout *formIn(QGroupBox *box)
{
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    return form;
}

} // namespace

ResourcesPage::ResourcesPage(VmLibrary *library, QWidget *parent)
    : QWidget(parent)
    , m_library(library)
{
    setObjectName(u"resourcesPage"_s);
    const CpuControl::Host host = CpuControl::detect();

    m_mechanisms = new QLabel(this);
    m_mechanisms->setObjectName(u"resourcesMechanisms"_s);
    m_mechanisms->setWordWrap(true);
    m_mechanisms->setText(
        tr("On this computer: CPU weight through %1 (%2 with a limit), CPU limit through %3, "
           "affinity through %4; disk limits through a QEMU throttle group; the memory target "
           "through the balloon.")
            .arg(CpuControl::mechanismName(host.weight()),
                 CpuControl::mechanismName(host.weightWithLimit()),
                 CpuControl::mechanismName(host.limit()),
                 CpuControl::mechanismName(CpuControl::Mechanism::Affinity)));

    auto *cpu = new QGroupBox(tr("CPU"), this);
    auto *cpuForm = formIn(cpu);
    m_weight = noneSpin(this, u"cpuWeight"_s, CpuControl::MaxWeight, QString());
    m_weight->setSpecialValueText(tr("Default (100)"));
    m_weight->setToolTip(tr("Its share against other VMs when the host's CPUs are busy: a VM "
                            "with 300 gets three times the CPU of one with 100."));
    m_limit = noneSpin(this, u"cpuLimit"_s, 100 * host.cpus, tr(" % of one CPU"));
    if (host.limit() == CpuControl::Mechanism::None) {
        m_limit->setEnabled(false);
        m_limit->setToolTip(tr("Not available on this host: it needs cgroup v2 with the user's "
                               "systemd, or a writable cgroup v1 cpu controller."));
    }
    m_affinity = new QLineEdit(this);
    m_affinity->setObjectName(u"cpuAffinity"_s);
    m_affinity->setPlaceholderText(tr("Any CPU (e.g. 0-3,6)"));
    m_emulatorAffinity = new QLineEdit(this);
    m_emulatorAffinity->setObjectName(u"emulatorAffinity"_s);
    m_emulatorAffinity->setPlaceholderText(tr("Any CPU"));
    cpuForm->addRow(tr("&Weight:"), m_weight);
    cpuForm->addRow(tr("&Limit:"), m_limit);
    cpuForm->addRow(tr("Virtual CPUs o&n host CPUs:"), m_affinity);
    cpuForm->addRow(tr("&QEMU's other threads on:"), m_emulatorAffinity);

    auto *memory = new QGroupBox(tr("Memory"), this);
    auto *memoryForm = formIn(memory);
    m_memoryTarget = noneSpin(this, u"memoryTarget"_s, 4 * 1024 * 1024, tr(" MiB"));
    m_memoryTarget->setSpecialValueText(tr("All of its memory"));
    m_memoryTarget->setToolTip(tr("What the balloon leaves the guest (at least %1 MiB)")
                                   .arg(VmResources::MinMemoryTargetMiB));
    memoryForm->addRow(tr("&Target:"), m_memoryTarget);

    auto *disk = new QGroupBox(tr("Disks (all together)"), this);
    auto *diskForm = formIn(disk);
    m_readMiBps = noneSpin(this, u"ioReadRate"_s, 1024 * 1024, tr(" MiB/s"));
    m_writeMiBps = noneSpin(this, u"ioWriteRate"_s, 1024 * 1024, tr(" MiB/s"));
    m_iops = noneSpin(this, u"ioOperations"_s, 1'000'000, tr(" per second"));
    diskForm->addRow(tr("&Reads:"), m_readMiBps);
    diskForm->addRow(tr("Wr&ites:"), m_writeMiBps);
    diskForm->addRow(tr("&Operations:"), m_iops);

    m_status = new QLabel(this);
    m_status->setObjectName(u"resourcesStatus"_s);
    m_status->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(this);
    m_apply = buttons->addButton(tr("&Apply"), QDialogButtonBox::ApplyRole);
    m_apply->setObjectName(u"resourcesApply"_s);
    m_revert = buttons->addButton(tr("Re&vert"), QDialogButtonBox::ResetRole);
    m_revert->setObjectName(u"resourcesRevert"_s);
    connect(m_apply, &QPushButton::clicked, this, &ResourcesPage::apply);
    connect(m_revert, &QPushButton::clicked, this, &ResourcesPage::revert);
    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, this, &ResourcesPage::apply);

    for (QSpinBox *spin : {m_weight, m_limit, m_memoryTarget, m_readMiBps, m_writeMiBps, m_iops})
        connect(spin, &QSpinBox::valueChanged, this, &ResourcesPage::updateState);
    for (QLineEdit *edit : {m_affinity, m_emulatorAffinity})
        connect(edit, &QLineEdit::textChanged, this, &ResourcesPage::updateState);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_mechanisms);
    layout->addWidget(cpu);
    layout->addWidget(memory);
    layout->addWidget(disk);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(buttons);
    clear();
}

ResourcesPage::~ResourcesPage() = default;

void ResourcesPage::setVm(VmInstance *instance, const VmEntry &entry)
{
    const bool sameVm = m_hasVm && m_saved.uuid == entry.definition.uuid;
    const bool keepEdits = sameVm && isModified();
    m_instance = instance;
    m_hasVm = !entry.isBroken();
    m_saved = entry.definition;
    if (!keepEdits) {
        load(m_saved.resources);
        if (!sameVm)
            m_problem.clear();
    }
    setEnabled(m_hasVm);
    updateState();
}

void ResourcesPage::clear()
{
    m_hasVm = false;
    m_instance = nullptr;
    m_saved = VmDefinition{};
    m_problem.clear();
    load(VmResources{});
    setEnabled(false);
    updateState();
}

VmResources ResourcesPage::collect() const
{
    VmResources r = m_saved.resources;
    r.cpuWeight = m_weight->value();
    r.cpuLimitPercent = m_limit->value();
    r.cpuAffinity = m_affinity->text().trimmed();
    r.emulatorAffinity = m_emulatorAffinity->text().trimmed();
    r.memoryTargetMiB = m_memoryTarget->value();
    // The form shows whole MiB/s: a rate set in bytes elsewhere stays as it was unless edited.
    if (m_readMiBps->value() != int(m_saved.resources.ioReadBps / MiB))
        r.ioReadBps = m_readMiBps->value() * MiB;
    if (m_writeMiBps->value() != int(m_saved.resources.ioWriteBps / MiB))
        r.ioWriteBps = m_writeMiBps->value() * MiB;
    r.ioIops = m_iops->value();
    return r;
}

void ResourcesPage::load(const VmResources &r)
{
    const QSignalBlocker a(m_weight), b(m_limit), c(m_affinity), d(m_emulatorAffinity),
        e(m_memoryTarget), f(m_readMiBps), g(m_writeMiBps), h(m_iops);
    m_weight->setValue(r.cpuWeight);
    m_limit->setValue(r.cpuLimitPercent);
    m_affinity->setText(r.cpuAffinity);
    m_emulatorAffinity->setText(r.emulatorAffinity);
    m_memoryTarget->setValue(r.memoryTargetMiB);
    m_readMiBps->setValue(int(r.ioReadBps / MiB));
    m_writeMiBps->setValue(int(r.ioWriteBps / MiB));
    m_iops->setValue(int(r.ioIops));
}

bool ResourcesPage::isModified() const
{
    return m_hasVm && collect() != m_saved.resources;
}

QString ResourcesPage::problem() const
{
    return m_problem;
}

void ResourcesPage::updateState()
{
    const bool running = m_instance && m_instance->pid() > 0;
    m_apply->setEnabled(m_hasVm && !m_busy && isModified());
    m_revert->setEnabled(m_hasVm && !m_busy && isModified());
    if (!m_problem.isEmpty())
        m_status->setText(m_problem);
    else if (m_busy)
        m_status->setText(tr("Applying…"));
    else if (!m_hasVm)
        m_status->clear();
    else
        m_status->setText(running ? tr("Changes apply to the running VM at once and are kept.")
                                  : tr("Changes apply at the next start."));
}

void ResourcesPage::apply()
{
    if (!m_hasVm || m_busy || !isModified())
        return;
    VmDefinition changed = m_saved;
    changed.resources = collect();
    m_busy = true;
    m_problem.clear();
    updateState();
    ResourceChange::run(*m_library, m_instance.data(), m_saved, changed, this,
                        [this](const Outcome<VmDefinition> &written) {
                            m_busy = false;
                            if (!written) {
                                m_problem = written.failure().message();
                            } else {
                                m_saved = *written;
                                load(m_saved.resources);
                                Q_EMIT applied(*written);
                            }
                            updateState();
                        });
}

void ResourcesPage::revert()
{
    m_problem.clear();
    load(m_saved.resources);
    updateState();
}
