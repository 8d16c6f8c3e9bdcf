// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/pages/definitioneditor.h"

#include "models/common/hostcapabilities.h"
#include "models/vm/qemumachines.h"
#include "models/vm/uefifirmware.h"
#include "models/vm/vmfields.h"
#include "models/vm/vmlimits.h"
#include "ui/pages/disklisteditor.h"
#include "ui/pages/diskresizedialog.h"
#include "ui/pages/networkeditor.h"
#include "ui/widgets/filepathedit.h"
#include "ui/widgets/securitychoices.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

QFormLayout *formIn(QGroupBox *box)
{
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    return form;
}

void selectData(QComboBox *combo, int value)
{
    const int i = combo->findData(value);
    combo->setCurrentIndex(i < 0 ? 0 : i);
}

} // namespace

DefinitionEditor::DefinitionEditor(VmLibrary *library, QWidget *parent)
    : QWidget(parent)
    , m_library(library)
{
    setObjectName(u"definitionEditor"_s);
    m_notice = new QLabel(this);
    m_notice->setObjectName(u"definitionNotice"_s);
    m_notice->setWordWrap(true);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_form = buildForm();
    // Fields as wide as a long path, not the whole screen on a wide window.
    m_form->setMaximumWidth(fontMetrics().averageCharWidth() * 110);
    scroll->setWidget(m_form);

    m_problemIcon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_problemIcon->setPixmap(
        QIcon::fromTheme(u"dialog-warning"_s, style()->standardIcon(QStyle::SP_MessageBoxWarning))
            .pixmap(iconSize, iconSize));
    m_problem = new QLabel(this);
    m_problem->setObjectName(u"definitionProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_revert = new QPushButton(tr("Re&vert"), this);
    m_revert->setObjectName(u"revertButton"_s);
    m_revert->setToolTip(tr("Go back to the saved settings"));
    m_apply = new QPushButton(tr("&Apply"), this);
    m_apply->setObjectName(u"applyButton"_s);
    m_apply->setToolTip(
        tr("Save these settings (%1)")
            .arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    m_apply->setIcon(QIcon::fromTheme(u"dialog-ok-apply"_s,
                                      style()->standardIcon(QStyle::SP_DialogApplyButton)));
    connect(m_apply, &QPushButton::clicked, this, &DefinitionEditor::apply);
    connect(m_revert, &QPushButton::clicked, this, &DefinitionEditor::revert);
    auto *applyShortcut = new QAction(this);
    applyShortcut->setShortcut(QKeySequence::Save);
    applyShortcut->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(applyShortcut, &QAction::triggered, this, &DefinitionEditor::apply);
    addAction(applyShortcut);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_problemIcon, 0, Qt::AlignTop);
    buttons->addWidget(m_problem, 1);
    buttons->addWidget(m_revert, 0, Qt::AlignBottom);
    buttons->addWidget(m_apply, 0, Qt::AlignBottom);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_notice);
    layout->addWidget(scroll, 1);
    layout->addLayout(buttons);
    clear();
}

DefinitionEditor::~DefinitionEditor() = default;

QWidget *DefinitionEditor::buildForm()
{
    auto *form = new QWidget;
    auto *layout = new QVBoxLayout(form);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *general = new QGroupBox(tr("General"), form);
    QFormLayout *g = formIn(general);
    m_name = new QLineEdit(general);
    m_name->setObjectName(u"nameEdit"_s);
    m_name->setMaxLength(200); // validateName() explains the real limit
    g->addRow(tr("&Name:"), m_name);
    m_notes = new QPlainTextEdit(general);
    m_notes->setObjectName(u"notesEdit"_s);
    m_notes->setTabChangesFocus(true);
    m_notes->setFixedHeight(m_notes->fontMetrics().lineSpacing() * 4 + 12);
    g->addRow(tr("N&otes:"), m_notes);
    layout->addWidget(general);

    auto *hardware = new QGroupBox(tr("Hardware"), form);
    QFormLayout *h = formIn(hardware);
    m_cpus = new QSpinBox(hardware);
    m_cpus->setObjectName(u"cpusSpin"_s);
    // From 0: a value under the minimum is explained (VmLimits), not silently snapped back.
    m_cpus->setRange(0, VmLimits::MaxCpus);
    h->addRow(tr("&CPUs:"), m_cpus);
    m_memory = new QSpinBox(hardware);
    m_memory->setObjectName(u"memorySpin"_s);
    m_memory->setRange(0, VmLimits::MaxMemoryMiB);
    m_memory->setSingleStep(256);
    m_memory->setSuffix(tr(" MiB"));
    m_memory->setGroupSeparatorShown(true);
    h->addRow(tr("&Memory:"), m_memory);
    m_machine = new QComboBox(hardware);
    m_machine->setObjectName(u"machineCombo"_s);
    m_machine->setToolTip(tr("The machine types this QEMU offers: q35 is a modern PCIe chipset, "
                             "pc (i440FX) an older one for older systems"));
    h->addRow(tr("Mac&hine:"), m_machine);
    m_accelerator = new QComboBox(hardware);
    m_accelerator->setObjectName(u"acceleratorCombo"_s);
    fillAcceleratorChoices(m_accelerator);
    h->addRow(tr("Acce&lerator:"), m_accelerator);
    m_firmware = new QComboBox(hardware);
    m_firmware->setObjectName(u"firmwareCombo"_s);
    fillFirmwareChoices(m_firmware);
    h->addRow(tr("&Firmware:"), m_firmware);
    m_security = new SecurityChoices(hardware);
    h->addRow(tr("Security:"), m_security);
    layout->addWidget(hardware);

    auto *storage = new QGroupBox(tr("Storage"), form);
    QFormLayout *s = formIn(storage);
    m_disks = new DiskListEditor(storage);
    s->addRow(tr("Disks:"), m_disks);
    connect(m_disks, &DiskListEditor::addRequested, this,
            [this] { Q_EMIT addDiskRequested(m_baseline.name); });
    connect(m_disks, &DiskListEditor::resizeRequested, this, [this](const QString &path) {
        auto *dialog = new DiskResizeDialog(path, m_library, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    m_cdrom = new FilePathEdit(tr("Choose an ISO Image"), tr("ISO images (*.iso)"), storage);
    m_cdrom->setObjectName(u"cdromEdit"_s);
    m_cdrom->setPlaceholderText(tr("No CD-ROM"));
    s->addRow(tr("C&D-ROM:"), m_cdrom);
    layout->addWidget(storage);

    auto *boot = new QGroupBox(tr("Direct Kernel Boot"), form);
    QFormLayout *b = formIn(boot);
    m_kernel = new FilePathEdit(tr("Choose a Kernel"), tr("Kernels (vmlinuz* bzImage*)"), boot);
    m_kernel->setObjectName(u"kernelEdit"_s);
    m_kernel->setPlaceholderText(tr("None: boot from the disks or the CD-ROM"));
    b->addRow(tr("&Kernel:"), m_kernel);
    m_initrd = new FilePathEdit(tr("Choose an Initrd"), tr("Initrds (initrd* initramfs*)"), boot);
    m_initrd->setObjectName(u"initrdEdit"_s);
    b->addRow(tr("&Initrd:"), m_initrd);
    m_kernelArgs = new QLineEdit(boot);
    m_kernelArgs->setObjectName(u"kernelArgsEdit"_s);
    m_kernelArgs->setPlaceholderText(u"console=ttyS0"_s);
    b->addRow(tr("Command &line:"), m_kernelArgs);
    layout->addWidget(boot);

    auto *network = new QGroupBox(tr("Network"), form);
    QFormLayout *n = formIn(network);
    m_network = new NetworkEditor(network);
    m_network->setObjectName(u"networkEditor"_s);
    m_network->setLibraryRoot(m_library->root());
    n->addRow(m_network);
    m_nicModel = new QComboBox(network);
    m_nicModel->setObjectName(u"nicModelCombo"_s);
    for (const QString &model : VmLimits::nicModels()) {
        if (model == "virtio"_L1)
            m_nicModel->addItem(tr("VirtIO (fastest; Windows needs its drivers)"), model);
        else if (model == "e1000e"_L1)
            m_nicModel->addItem(tr("Intel e1000e (works without drivers)"), model);
        else if (model == "e1000"_L1)
            m_nicModel->addItem(tr("Intel e1000 (older systems)"), model);
        else
            m_nicModel->addItem(tr("Realtek RTL8139 (oldest systems)"), model);
    }
    n->addRow(tr("Card &model:"), m_nicModel);
    layout->addWidget(network);
    layout->addStretch(1);

    const auto changed = [this] {
        if (!m_loading) {
            m_saveError.clear();
            updateState();
        }
    };
    connect(m_name, &QLineEdit::textChanged, this, changed);
    connect(m_notes, &QPlainTextEdit::textChanged, this, changed);
    connect(m_cpus, &QSpinBox::valueChanged, this, changed);
    connect(m_memory, &QSpinBox::valueChanged, this, changed);
    connect(m_machine, &QComboBox::currentIndexChanged, this, changed);
    connect(m_nicModel, &QComboBox::currentIndexChanged, this, changed);
    connect(m_disks, &DiskListEditor::changed, this, changed);
    connect(m_accelerator, &QComboBox::currentIndexChanged, this, changed);
    connect(m_firmware, &QComboBox::currentIndexChanged, this, [this, changed] {
        m_security->setFirmware(Firmware(m_firmware->currentData().toInt()));
        changed();
    });
    connect(m_security, &SecurityChoices::edited, this, changed);
    connect(m_cdrom, &FilePathEdit::pathChanged, this, changed);
    connect(m_kernel, &FilePathEdit::pathChanged, this, changed);
    connect(m_initrd, &FilePathEdit::pathChanged, this, changed);
    connect(m_kernelArgs, &QLineEdit::textChanged, this, changed);
    connect(m_network, &NetworkEditor::changed, this, changed);
    return form;
}

void DefinitionEditor::fillFirmwareChoices(QComboBox *combo)
{
    combo->clear();
    combo->addItem(tr("BIOS (SeaBIOS)"), int(Firmware::Bios));
    combo->addItem(tr("UEFI (OVMF)"), int(Firmware::Uefi));
    combo->setItemData(0, tr("Legacy PC firmware: what most older systems expect"),
                       Qt::ToolTipRole);
    const Outcome<UefiFirmware::Files> ovmf = UefiFirmware::find();
    const bool installed = ovmf.ok();
    combo->setItemData(1,
                       installed ? tr("Needed by Windows 11 and by systems installed for UEFI; "
                                      "the VM gets its own UEFI variables file")
                                 : ovmf.failure().message(),
                       Qt::ToolTipRole);
    if (!installed) {
        if (auto *items = qobject_cast<QStandardItemModel *>(combo->model()))
            items->item(1)->setEnabled(false);
        combo->setItemText(1, tr("UEFI (OVMF is not installed)"));
    }
}

void DefinitionEditor::fillAcceleratorChoices(QComboBox *combo)
{
    const HostCapabilities::KvmStatus kvm = HostCapabilities::kvm();
    combo->clear();
    combo->addItem(kvm.usable ? tr("Automatic (KVM on this computer)")
                              : tr("Automatic (TCG on this computer)"),
                   int(Accelerator::Auto));
    combo->addItem(kvm.usable ? tr("KVM (hardware)") : tr("KVM (not usable here)"),
                   int(Accelerator::Kvm));
    combo->addItem(tr("TCG (emulated, slower)"), int(Accelerator::Tcg));
    combo->setItemData(0, tr("KVM when /dev/kvm can be used, TCG otherwise"), Qt::ToolTipRole);
    if (!kvm.usable)
        combo->setItemData(1, kvm.reason, Qt::ToolTipRole);
    combo->setItemData(2, tr("Works everywhere; use it when KVM is missing or misbehaves"),
                       Qt::ToolTipRole);
}

void DefinitionEditor::setVm(const VmEntry &entry, bool editable, const QString &readOnlyReason)
{
    m_readOnlyReason = readOnlyReason;
    if (entry.folder != m_folder || !m_hasVm || m_editable != editable) {
        stashDraft(); // keeps a draft while the VM runs; nothing when becoming editable
        m_folder = entry.folder;
        m_hasVm = true;
        m_editable = editable;
        m_saveError.clear();
        if (editable && m_drafts.contains(m_folder)) {
            const Draft draft = m_drafts.take(m_folder);
            m_baseline = m_editBase = draft.base;
            load(draft.edited);
        } else {
            m_baseline = m_editBase = entry.definition;
            load(m_baseline);
        }
    }
    follow(entry.definition); // changes made elsewhere (the CLI, Add Disk, another window)
    updateState();
}

void DefinitionEditor::follow(const VmDefinition &saved)
{
    const bool modified = isModified();
    const VmDefinition edited = collect();
    m_baseline = saved;
    if (!modified) {
        m_editBase = saved;
        load(saved);
        return;
    }
    // The edits on top of what is saved now. A field changed there too keeps the edit and
    // its old base: Apply then says what conflicts instead of overwriting either.
    const VmFields::Merge merged = VmFields::merge(m_editBase, edited, saved);
    if (merged.conflicts.isEmpty()) {
        m_editBase = saved;
        load(merged.result);
    }
}

void DefinitionEditor::clear()
{
    stashDraft();
    m_hasVm = false;
    m_editable = false;
    m_folder.clear();
    m_baseline = m_editBase = {};
    m_saveError.clear();
    load(m_baseline);
    m_name->clear();
    updateState();
}

void DefinitionEditor::stashDraft()
{
    if (isModified())
        m_drafts.insert(m_folder, {m_editBase, collect()});
}

bool DefinitionEditor::isModified() const
{
    return m_hasVm && m_editable && !(collect() == m_baseline);
}

QStringList DefinitionEditor::unappliedVmNames() const
{
    QStringList names;
    if (isModified())
        names << m_baseline.name;
    for (auto it = m_drafts.cbegin(); it != m_drafts.cend(); ++it) {
        const VmEntry *e = nullptr;
        for (const VmEntry &candidate : m_library->entries()) {
            if (candidate.folder == it.key())
                e = &candidate;
        }
        if (e) // a draft of a VM deleted meanwhile does not count
            names << e->name();
    }
    return names;
}

void DefinitionEditor::discardAllDrafts()
{
    m_drafts.clear();
    m_editBase = m_baseline;
    if (isModified())
        load(m_baseline);
    updateState();
}

VmDefinition DefinitionEditor::collect() const
{
    VmDefinition d = m_baseline; // the uuid is not edited here
    d.name = m_name->text();
    d.notes = m_notes->toPlainText();
    d.cpus = m_cpus->value();
    d.memoryMiB = m_memory->value();
    d.machine = m_machine->currentData().toString();
    d.disks = m_disks->disks();
    d.nicModel = m_nicModel->currentData().toString();
    d.accelerator = Accelerator(m_accelerator->currentData().toInt());
    d.firmware = Firmware(m_firmware->currentData().toInt());
    d.tpm = m_security->tpm();
    d.secureBoot = m_security->secureBoot();
    d.cdrom = m_cdrom->path();
    d.kernel = m_kernel->path();
    d.initrd = m_initrd->path();
    d.kernelArgs = m_kernelArgs->text();
    d.nics = m_network->nics();
    d.portForwards = m_network->forwards();
    return d;
}

void DefinitionEditor::load(const VmDefinition &d)
{
    // Only what differs is set: the editor is reloaded whenever the list changes, and
    // setting a field to its own text would move the cursor under the user's hands.
    m_loading = true;
    if (m_name->text() != d.name)
        m_name->setText(d.name);
    if (m_notes->toPlainText() != d.notes)
        m_notes->setPlainText(d.notes);
    m_cpus->setValue(d.cpus);
    m_memory->setValue(d.memoryMiB);
    if (m_hasVm) // QEMU's list is read on first use, not for an empty page
        fillMachines(d.machine);
    selectData(m_accelerator, int(d.accelerator));
    selectData(m_firmware, int(d.firmware));
    m_security->setFirmware(d.firmware);
    m_security->setValues(d.tpm, d.secureBoot);
    m_disks->setDisks(d.disks);
    m_cdrom->setPath(d.cdrom);
    m_kernel->setPath(d.kernel);
    m_initrd->setPath(d.initrd);
    if (m_kernelArgs->text() != d.kernelArgs)
        m_kernelArgs->setText(d.kernelArgs);
    m_nicModel->setCurrentIndex(std::max(0, m_nicModel->findData(d.nicModel)));
    m_network->setNetwork(d.nics, d.portForwards);
    m_loading = false;
}

QString DefinitionEditor::problem() const
{
    if (!isEditable())
        return {};
    if (QString e = m_network->problem(); !e.isEmpty())
        return e;
    const VmDefinition d = collect();
    if (QString e = VmDefinition::validateName(d.name); !e.isEmpty())
        return e;
    if (const VmEntry *other = m_library->find(d.name); other && other->folder != m_folder)
        return tr("Another VM is already called “%1”.").arg(d.name);
    return VmLimits::check(d).error;
}

bool DefinitionEditor::apply()
{
    if (!isEditable() || !isModified())
        return false;
    if (!problem().isEmpty()) {
        updateState();
        return false;
    }
    const Outcome<VmDefinition> saved = save(m_editBase, collect());
    if (!saved) {
        m_saveError = tr("Could not save: %1").arg(saved.failure().message());
        updateState();
        return false;
    }
    m_baseline = m_editBase = *saved;
    load(*saved);
    m_saveError.clear();
    updateState();
    Q_EMIT applied(m_folder, *saved);
    return true;
}

bool DefinitionEditor::applyAll()
{
    bool ok = !isModified() || apply();
    for (auto it = m_drafts.begin(); it != m_drafts.end();) {
        if (save(it->base, it->edited)) {
            it = m_drafts.erase(it);
        } else {
            ok = false;
            ++it;
        }
    }
    return ok;
}

Outcome<VmDefinition> DefinitionEditor::save(const VmDefinition &base, const VmDefinition &edited)
{
    return m_library->update(base.uuid, base, edited);
}

void DefinitionEditor::fillMachines(const QString &current)
{
    if (m_machine->count() == 0) {
        for (const QemuMachines::Machine &m : QemuMachines::offered()) {
            const QString text = m.aliasOf.isEmpty()
                                     ? tr("%1 — %2").arg(m.name, m.description)
                                     : tr("%1 — %2 (now %3)").arg(m.name, m.description, m.aliasOf);
            m_machine->addItem(text, m.name);
        }
    }
    int index = m_machine->findData(current);
    if (index < 0 && !current.isEmpty()) {
        // Kept as it is (a VM from another QEMU): VmLimits::check() says what is wrong.
        m_machine->addItem(tr("%1 (not offered by this QEMU)").arg(current), current);
        index = m_machine->count() - 1;
    }
    m_machine->setCurrentIndex(index);
}

void DefinitionEditor::revert()
{
    if (!m_hasVm)
        return;
    m_saveError.clear();
    m_editBase = m_baseline;
    load(m_baseline);
    updateState();
}

void DefinitionEditor::updateState()
{
    m_form->setEnabled(isEditable());
    if (!m_hasVm)
        m_notice->setText(tr("Select a virtual machine to see its settings."));
    else if (!m_editable)
        m_notice->setText(
            m_readOnlyReason.isEmpty()
                ? tr("“%1” is running. Shut it down to change its settings.").arg(m_baseline.name)
                : m_readOnlyReason);
    m_notice->setVisible(!isEditable());

    const bool modified = isModified();
    QString why = m_saveError.isEmpty() ? problem() : m_saveError;
    const bool blocking = !why.isEmpty();
    if (why.isEmpty() && isEditable())
        why = VmLimits::check(collect()).warning;
    if (why.isEmpty() && isEditable()) {
        // Files that are missing do not stop a save (a disk may be unplugged now), but
        // the VM will not start like that: say so.
        for (const FilePathEdit *f : {m_cdrom, m_kernel, m_initrd}) {
            if (why.isEmpty())
                why = f->problem();
        }
    }
    m_problem->setText(why); // empty but present: it keeps the buttons at the right
    m_problemIcon->setVisible(!why.isEmpty());
    m_problemIcon->setToolTip(blocking ? tr("This must be fixed before applying")
                                       : tr("A warning: the settings can be applied"));
    m_apply->setEnabled(modified && !blocking);
    m_revert->setEnabled(modified);
}
