// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/wizards/newvmwizard.h"

#include "models/creation/vmcreator.h"
#include "models/osinfo/osdetector.h"
#include "models/settings/appsettings.h"
#include "models/vm/swtpm.h"
#include "models/vm/uefifirmware.h"
#include "models/vm/vmlibrary.h"
#include "models/vm/vmlimits.h"
#include "ui/pages/definitioneditor.h"
#include "ui/widgets/checkedwizardpage.h"
#include "ui/widgets/filepathedit.h"
#include "ui/widgets/problemlabel.h"
#include "ui/widgets/securitychoices.h"
#include "ui/wizards/disksetupform.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QRadioButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 kMiB = 1024 * 1024;

CheckedWizardPage *checkedPage(QWizard *wizard, int id)
{
    return static_cast<CheckedWizardPage *>(wizard->page(id));
}

QString formatSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

} // namespace

NewVmWizard::NewVmWizard(VmLibrary *library, QWidget *parent)
    : QWizard(parent)
    , m_library(library)
    , m_detector(new OsDetector(this))
    , m_creator(new VmCreator(library, this))
{
    setObjectName(u"newVmWizard"_s);
    setWindowTitle(tr("New Virtual Machine"));
    setOption(QWizard::NoBackButtonOnStartPage);
    buildMediaPage();
    buildSystemPage();
    buildDiskPage();
    buildSummaryPage();
    buildProgressPage();

    connect(m_detector, &OsDetector::detected, this, &NewVmWizard::onDetected);
    connect(m_creator, &VmCreator::progress, this,
            [this](double percent) { m_progress->setValue(int(percent)); });
    connect(m_creator, &VmCreator::stepChanged, this, &NewVmWizard::onCreatingStep);
    connect(m_creator, &VmCreator::finished, this, &NewVmWizard::onCreated);
    connect(m_library, &VmLibrary::changed, this, &NewVmWizard::updateProblems);
    applyProfile();
    onMediaChanged();
    setMinimumSize(fontMetrics().averageCharWidth() * 84, fontMetrics().height() * 32);
}

NewVmWizard::~NewVmWizard() = default;

void NewVmWizard::buildMediaPage()
{
    auto *p = new CheckedWizardPage(this);
    p->setTitle(tr("Installation Media"));
    p->setSubTitle(tr("What the new virtual machine starts from."));
    m_mediaIso = new QRadioButton(tr("An &ISO image (an installer or a live system)"), p);
    m_mediaIso->setObjectName(u"mediaIso"_s);
    m_mediaDisk = new QRadioButton(tr("An existing &disk image with a system on it"), p);
    m_mediaDisk->setObjectName(u"mediaDisk"_s);
    m_mediaKernel = new QRadioButton(tr("A Linux &kernel (direct boot)"), p);
    m_mediaKernel->setObjectName(u"mediaKernel"_s);
    m_mediaGroup = new QButtonGroup(this);
    m_mediaGroup->addButton(m_mediaIso, int(Media::Iso));
    m_mediaGroup->addButton(m_mediaDisk, int(Media::Disk));
    m_mediaGroup->addButton(m_mediaKernel, int(Media::Kernel));
    m_mediaIso->setChecked(true);

    m_iso = new FilePathEdit(tr("Choose an ISO Image"), tr("ISO images (*.iso)"), p);
    m_iso->setObjectName(u"isoEdit"_s);
    m_detection = new QLabel(p);
    m_detection->setObjectName(u"detectionLabel"_s);
    m_detection->setWordWrap(true);
    m_detection->setTextFormat(Qt::PlainText);
    auto *isoBox = new QVBoxLayout;
    isoBox->addWidget(m_iso);
    isoBox->addWidget(m_detection);
    m_bootDisk = new FilePathEdit(tr("Choose a Disk Image"),
                                  tr("Disk images (*.qcow2 *.img *.raw *.vmdk *.vdi *.vhdx)"), p);
    m_bootDisk->setObjectName(u"bootDiskEdit"_s);
    auto *diskBox = new QVBoxLayout;
    diskBox->addWidget(m_bootDisk);
    m_kernel = new FilePathEdit(tr("Choose a Kernel"), tr("Kernels (vmlinuz* bzImage*)"), p);
    m_kernel->setObjectName(u"kernelEdit"_s);
    m_initrd = new FilePathEdit(tr("Choose an Initrd"), tr("Initrds (initrd* initramfs*)"), p);
    m_initrd->setObjectName(u"initrdEdit"_s);
    m_initrd->setPlaceholderText(tr("Optional"));
    m_kernelArgs = new QLineEdit(u"console=ttyS0"_s, p);
    m_kernelArgs->setObjectName(u"kernelArgsEdit"_s);
    auto *kernelForm = new QFormLayout;
    kernelForm->addRow(tr("&Kernel:"), m_kernel);
    kernelForm->addRow(tr("I&nitrd:"), m_initrd);
    kernelForm->addRow(tr("Command &line:"), m_kernelArgs);
    m_mediaProblem = new ProblemLabel(p);
    m_mediaProblem->setObjectName(u"mediaProblem"_s);

    auto *layout = new QVBoxLayout(p);
    layout->setSpacing(4);
    layout->addWidget(m_mediaIso);
    layout->addWidget(CheckedWizardPage::indented(p, isoBox));
    layout->addWidget(m_mediaDisk);
    layout->addWidget(CheckedWizardPage::indented(p, diskBox));
    layout->addWidget(m_mediaKernel);
    layout->addWidget(CheckedWizardPage::indented(p, kernelForm));
    layout->addStretch(1);
    layout->addWidget(m_mediaProblem);
    p->setProblem([this] { return mediaProblem(); });
    setPage(MediaPage, p);

    connect(m_mediaGroup, &QButtonGroup::idToggled, this, [this](int, bool on) {
        if (on)
            onMediaChanged();
    });
    for (FilePathEdit *f : {m_iso, m_bootDisk, m_kernel, m_initrd})
        connect(f, &FilePathEdit::pathChanged, this, &NewVmWizard::onMediaChanged);
    connect(m_kernelArgs, &QLineEdit::textChanged, this, &NewVmWizard::updateProblems);
}

void NewVmWizard::buildSystemPage()
{
    auto *p = new CheckedWizardPage(this);
    p->setTitle(tr("Name and Hardware"));
    p->setSubTitle(tr("Suggested from the installation media; change anything."));
    m_suggestion = new QLabel(p);
    m_suggestion->setObjectName(u"suggestionLabel"_s);
    m_suggestion->setWordWrap(true);
    m_suggestion->setTextFormat(Qt::PlainText);
    m_name = new QLineEdit(p);
    m_name->setObjectName(u"vmName"_s);
    m_memory = new QSpinBox(p);
    m_memory->setObjectName(u"vmMemory"_s);
    // From 0: a value under the minimum is explained (VmLimits), not silently snapped back.
    m_memory->setRange(0, VmLimits::MaxMemoryMiB);
    m_memory->setSingleStep(256);
    m_memory->setSuffix(tr(" MiB"));
    m_memory->setGroupSeparatorShown(true);
    m_cpus = new QSpinBox(p);
    m_cpus->setObjectName(u"vmCpus"_s);
    m_cpus->setRange(0, VmLimits::MaxCpus);
    m_firmware = new QComboBox(p);
    m_firmware->setObjectName(u"vmFirmware"_s);
    DefinitionEditor::fillFirmwareChoices(m_firmware);
    m_accelerator = new QComboBox(p);
    m_accelerator->setObjectName(u"vmAccelerator"_s);
    DefinitionEditor::fillAcceleratorChoices(m_accelerator);
    m_accelerator->setCurrentIndex(m_accelerator->findData(int(AppSettings::defaultAccelerator())));
    m_systemProblem = new ProblemLabel(p);
    m_systemProblem->setObjectName(u"systemProblem"_s);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Memory:"), m_memory);
    form->addRow(tr("&CPUs:"), m_cpus);
    form->addRow(tr("&Firmware:"), m_firmware);
    m_security = new SecurityChoices(p);
    form->addRow(tr("Security:"), m_security);
    form->addRow(tr("&Accelerator:"), m_accelerator);
    auto *layout = new QVBoxLayout(p);
    layout->addWidget(m_suggestion);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(m_systemProblem);
    p->setProblem([this] { return systemProblem(); });
    setPage(SystemPage, p);

    // What the user changes is theirs: a later detection leaves it alone.
    connect(m_name, &QLineEdit::textEdited, this, [this] { m_nameEdited = true; });
    connect(m_memory, &QSpinBox::valueChanged, this, [this] {
        m_memoryEdited = m_memoryEdited || !m_applying;
        updateProblems();
    });
    connect(m_cpus, &QSpinBox::valueChanged, this, [this] {
        m_cpusEdited = m_cpusEdited || !m_applying;
        updateProblems();
    });
    connect(m_firmware, &QComboBox::currentIndexChanged, this, [this] {
        m_firmwareEdited = m_firmwareEdited || !m_applying;
        m_security->setFirmware(Firmware(m_firmware->currentData().toInt()));
        updateProblems();
    });
    connect(m_security, &SecurityChoices::edited, this, [this] { m_securityEdited = true; });
    connect(m_name, &QLineEdit::textChanged, this, &NewVmWizard::updateProblems);
}

void NewVmWizard::buildDiskPage()
{
    auto *p = new CheckedWizardPage(this);
    p->setTitle(tr("Disk"));
    p->setSubTitle(tr("The disk the system is installed on, kept in the VM's folder."));
    m_disk = new DiskSetupForm(DiskSetupForm::Purpose::NewVm, m_library, p);
    m_disk->setDestinationFolder(m_library->root());
    m_diskProblem = new ProblemLabel(p);
    m_diskProblem->setObjectName(u"diskProblem"_s);
    auto *layout = new QVBoxLayout(p);
    layout->addWidget(m_disk, 1);
    layout->addWidget(m_diskProblem);
    p->setProblem([this] { return m_disk->problem(); });
    setPage(DiskPage, p);
    connect(m_disk, &DiskSetupForm::changed, this, &NewVmWizard::updateProblems);
}

void NewVmWizard::buildSummaryPage()
{
    auto *p = new CheckedWizardPage(this);
    p->setTitle(tr("Summary"));
    p->setSubTitle(tr("Check the new virtual machine, then click Create."));
    m_summary = new QLabel(p);
    m_summary->setObjectName(u"vmSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_start = new QCheckBox(tr("&Start it when it is created"), p);
    m_start->setObjectName(u"startAfterCreating"_s);
    m_start->setChecked(true);
    m_showDisplay = new QCheckBox(tr("Show its &display"), p);
    m_showDisplay->setObjectName(u"showDisplayAfterCreating"_s);
    m_showDisplay->setChecked(true);
    auto *layout = new QVBoxLayout(p);
    layout->addWidget(m_summary);
    layout->addStretch(1);
    layout->addWidget(m_start);
    auto *display = new QVBoxLayout;
    display->addWidget(m_showDisplay);
    layout->addWidget(CheckedWizardPage::indented(p, display));
    p->setCommitPage(true);
    p->setButtonText(QWizard::CommitButton, tr("C&reate"));
    p->setOnEnter([this] {
        const VmDefinition d = definition();
        QStringList lines;
        lines << tr("Name: %1").arg(d.name);
        if (m_profile.recognised && media() == Media::Iso)
            lines << tr("System: %1").arg(m_profile.name);
        lines << tr("Memory: %1, CPUs: %2").arg(formatSize(qint64(d.memoryMiB) * kMiB)).arg(d.cpus);
        lines << tr("Firmware: %1")
                     .arg(d.firmware == Firmware::Uefi ? tr("UEFI (with its own variables file)")
                                                       : tr("BIOS"));
        if (!d.cdrom.isEmpty())
            lines << tr("Boots from: %1").arg(d.cdrom);
        if (!d.kernel.isEmpty()) {
            lines << tr("Boots the kernel: %1").arg(d.kernel);
            if (!d.initrd.isEmpty())
                lines << tr("Initrd: %1").arg(d.initrd);
            if (!d.kernelArgs.isEmpty())
                lines << tr("Kernel command line: %1").arg(d.kernelArgs);
        }
        lines << tr("Accelerator: %1").arg(m_accelerator->currentText());
        lines << (!d.nics.isEmpty() ? tr("Network: user-mode NAT on a VirtIO card")
                                    : tr("Network: none"));
        const VmLayout vm = VmLayout::ofFolder(m_library->folderFor(d.name));
        DiskPlan disk = m_disk->plan();
        if (disk.writesFile()) // it goes into the VM's folder
            disk.path = vm.firstDiskPath(disk.format);
        lines << tr("Disk: %1").arg(disk.describe());
        lines << tr("Folder: %1").arg(vm.folder());
        m_summary->setText(lines.join(u'\n'));
    });
    connect(m_start, &QCheckBox::toggled, m_showDisplay, &QWidget::setEnabled);
    setPage(SummaryPage, p);
}

void NewVmWizard::buildProgressPage()
{
    auto *p = new CheckedWizardPage(this);
    p->setTitle(tr("Creating"));
    p->setSubTitle(tr("Cancel stops it and removes whatever was made."));
    m_progressLabel = new QLabel(p);
    m_progressLabel->setObjectName(u"createProgressLabel"_s);
    m_progressLabel->setWordWrap(true);
    m_progress = new QProgressBar(p);
    m_progress->setObjectName(u"createProgress"_s);
    m_result = new QLabel(p);
    m_result->setObjectName(u"createResult"_s);
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(p);
    layout->addWidget(m_progressLabel);
    layout->addWidget(m_progress);
    layout->addWidget(m_result);
    layout->addStretch(1);
    p->setProblem([this]() -> QString { return m_created ? QString() : tr("Creating…"); });
    p->setOnEnter([this] { startCreating(); });
    setPage(ProgressPage, p);
}

NewVmWizard::Media NewVmWizard::media() const
{
    return Media(m_mediaGroup->checkedId());
}

bool NewVmWizard::isDetecting() const
{
    return m_detector->isBusy();
}

void NewVmWizard::onMediaChanged()
{
    const Media m = media();
    m_iso->setEnabled(m == Media::Iso);
    m_bootDisk->setEnabled(m == Media::Disk);
    for (QWidget *w : std::initializer_list<QWidget *>{m_kernel, m_initrd, m_kernelArgs})
        w->setEnabled(m == Media::Kernel);
    if (m == Media::Disk && m_bootDisk->problem().isEmpty() && !m_bootDisk->path().isEmpty())
        m_disk->setExistingImage(m_bootDisk->path());
    const QString iso = m == Media::Iso && m_iso->problem().isEmpty() ? m_iso->path() : QString();
    if (iso != m_detectedIso) {
        m_detectedIso = iso;
        m_profile = OsProfile();
        if (iso.isEmpty()) {
            m_detector->cancel();
        } else {
            m_detector->detect(iso);
            m_detection->setText(
                tr("Recognising the system on %1…").arg(QFileInfo(iso).fileName()));
        }
        applyProfile();
    }
    m_detection->setVisible(m == Media::Iso && !iso.isEmpty());
    updateProblems();
}

void NewVmWizard::onDetected(const QString &iso, const OsProfile &profile)
{
    if (iso != m_detectedIso)
        return;
    m_profile = profile;
    applyProfile();
}

void NewVmWizard::applyProfile()
{
    const OsProfile &p = m_profile;
    const QString sources[] = {tr("recommended"), tr("minimum"), tr("general")};
    QString detection;
    if (!m_detector->isBusy() && !m_detectedIso.isEmpty()) {
        detection = p.recognised ? tr("Recognised: %1.").arg(p.name) : p.note;
        m_detection->setText(detection);
    }
    const QString cpus = p.cpus == 1 ? tr("1 CPU") : tr("%1 CPUs").arg(p.cpus);
    const QString uefi = p.wantsTpm    ? tr(" and UEFI firmware, Secure Boot and a TPM 2.0, which "
                                               "this system needs")
                         : p.wantsUefi ? tr(" and UEFI firmware, which this system needs")
                                       : QString();
    const QString memory = formatSize(qint64(p.memoryMiB) * kMiB);
    m_suggestion->setText(
        p.recognised
            ? tr("For %1, Berth suggests %2 of memory (%3), %4 (%5), a %6 disk (%7)%8.")
                  .arg(p.name, memory, sources[int(p.memorySource)], cpus,
                       sources[int(p.cpusSource)], formatSize(p.diskBytes),
                       sources[int(p.diskSource)], uefi)
            : tr("Berth suggests %1 of memory (%2), %3 (%4), a %5 disk (%6)%7.")
                  .arg(memory, sources[int(p.memorySource)], cpus, sources[int(p.cpusSource)],
                       formatSize(p.diskBytes), sources[int(p.diskSource)], uefi));
    m_applying = true;
    if (!m_nameEdited)
        m_name->setText(uniqueName(p.recognised ? p.vmName : tr("New VM")));
    if (!m_memoryEdited)
        m_memory->setValue(p.memoryMiB);
    if (!m_cpusEdited)
        m_cpus->setValue(std::clamp(p.cpus, 1, std::max(1, QThread::idealThreadCount())));
    if (!m_firmwareEdited) {
        const int uefiIndex = m_firmware->findData(int(Firmware::Uefi));
        const bool uefiUsable =
            m_firmware->model()->flags(m_firmware->model()->index(uefiIndex, 0)) &
            Qt::ItemIsEnabled;
        m_firmware->setCurrentIndex(
            p.wantsUefi && uefiUsable ? uefiIndex : m_firmware->findData(int(Firmware::Bios)));
    }
    // On for the systems that need them (Windows 11), where the software is installed.
    if (!m_securityEdited)
        m_security->setValues(p.wantsTpm && bool(Swtpm::findBinary()),
                              p.wantsSecureBoot &&
                                  Firmware(m_firmware->currentData().toInt()) == Firmware::Uefi &&
                                  bool(UefiFirmware::find(true)));
    m_applying = false;
    m_disk->setSuggestedSize(p.diskBytes);
    updateProblems();
}

QString NewVmWizard::uniqueName(const QString &base) const
{
    QString name = base;
    for (int n = 2; m_library->find(name) && n < 1000; ++n)
        name = u"%1 (%2)"_s.arg(base).arg(n);
    return name;
}

VmDefinition NewVmWizard::definition() const
{
    VmDefinition d;
    d.name = m_name->text();
    d.memoryMiB = m_memory->value();
    d.cpus = m_cpus->value();
    d.firmware = Firmware(m_firmware->currentData().toInt());
    d.tpm = m_security->tpm();
    d.secureBoot = m_security->secureBoot();
    d.accelerator = Accelerator(m_accelerator->currentData().toInt());
    if (media() == Media::Iso) {
        d.cdrom = m_iso->path();
    } else if (media() == Media::Kernel) {
        d.kernel = m_kernel->path();
        d.initrd = m_initrd->path();
        d.kernelArgs = m_kernelArgs->text().trimmed();
    }
    return d;
}

QString NewVmWizard::mediaProblem() const
{
    switch (media()) {
    case Media::Iso:
        if (m_iso->path().isEmpty())
            return tr("Choose the ISO image to install from.");
        return m_iso->problem();
    case Media::Disk:
        if (m_bootDisk->path().isEmpty())
            return tr("Choose the disk image to boot.");
        return m_bootDisk->problem();
    case Media::Kernel:
        if (m_kernel->path().isEmpty())
            return tr("Choose the kernel to boot.");
        if (QString why = m_kernel->problem(); !why.isEmpty())
            return why;
        return m_initrd->problem();
    }
    return {};
}

QString NewVmWizard::systemProblem() const
{
    const VmDefinition d = definition();
    if (QString why = VmDefinition::validateName(d.name); !why.isEmpty())
        return why;
    if (m_library->find(d.name))
        return tr("A VM named “%1” exists already.").arg(d.name);
    if (d.firmware == Firmware::Uefi) {
        if (const Outcome<UefiFirmware::Files> ovmf = UefiFirmware::find(d.secureBoot); !ovmf)
            return ovmf.failure().message();
    }
    return VmLimits::check(d).error;
}

QString NewVmWizard::problem() const
{
    if (auto *p = qobject_cast<CheckedWizardPage *>(currentPage()))
        return p->problem();
    return {};
}

QString NewVmWizard::resultText() const
{
    return m_result->text();
}

void NewVmWizard::updateProblems()
{
    m_mediaProblem->setProblem(mediaProblem());
    const QString systemError = systemProblem();
    // A warning (more vCPUs than the host has) shows the same way but lets the user go on.
    m_systemProblem->setProblem(systemError.isEmpty() ? VmLimits::check(definition()).warning
                                                      : systemError);
    m_diskProblem->setProblem(m_disk->problem());
    for (int id : {int(MediaPage), int(SystemPage), int(DiskPage), int(ProgressPage)})
        checkedPage(this, id)->recheck();
}

// ---- creating ---------------------------------------------------------------------------

void NewVmWizard::startCreating()
{
    checkedPage(this, SummaryPage)->setCommitPage(true); // again, after a failed attempt
    m_creating = true;
    m_created = false;
    m_result->clear();
    m_progressLabel->clear();
    m_progress->setRange(0, 0);
    checkedPage(this, ProgressPage)->recheck();
    m_creator->create(definition(), m_disk->plan());
}

void NewVmWizard::onCreatingStep()
{
    const DiskPlan plan = m_disk->plan();
    switch (m_creator->step()) {
    case VmCreator::Step::MakingDisk:
        m_progressLabel->setText(
            plan.kind == DiskPlan::Kind::Create
                ? tr("Creating a %1 disk image…").arg(formatSize(plan.sizeBytes))
                : tr("Copying the disk image…"));
        m_progress->setRange(0, plan.reportsProgress() ? 100 : 0);
        m_progress->setValue(0);
        break;
    case VmCreator::Step::MakingUefiVars:
        m_progressLabel->setText(tr("Preparing the UEFI variables…"));
        m_progress->setRange(0, 0);
        break;
    case VmCreator::Step::Idle:
    case VmCreator::Step::ReadingDisk:
    case VmCreator::Step::Adding:
        break;
    }
}

void NewVmWizard::onCreated(const Outcome<> &outcome)
{
    if (!m_creating)
        return;
    if (!outcome)
        return fail(outcome.failure().message());
    const VmDefinition &d = m_creator->definition();
    const VmEntry *entry = m_library->find(d.name);
    m_creating = false;
    m_created = true;
    m_progress->setRange(0, 100);
    m_progress->setValue(100);
    m_progressLabel->setText(tr("Done."));
    page(ProgressPage)->setTitle(tr("Created"));
    page(ProgressPage)->setSubTitle(tr("The virtual machine is in the list."));
    m_result->setText(tr("“%1” is ready in %2.").arg(d.name, entry ? entry->folder : QString()));
    checkedPage(this, ProgressPage)->recheck();
    // Made: there is nothing left to cancel, only Finish.
    button(QWizard::CancelButton)->hide();
    Q_EMIT vmCreated(d.uuid, m_start->isChecked(),
                     m_start->isChecked() && m_showDisplay->isChecked());
}

void NewVmWizard::fail(const QString &message)
{
    m_creating = false;
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_progressLabel->setText(tr("Nothing was created."));
    page(ProgressPage)->setTitle(tr("Not Created"));
    page(ProgressPage)->setSubTitle(tr("Go back to change something and try again."));
    m_result->setText(tr("Failed: %1").arg(message));
    // Back leads to the pages as they were, to change something and try again.
    checkedPage(this, SummaryPage)->setCommitPage(false);
    checkedPage(this, ProgressPage)->recheck();
}

void NewVmWizard::done(int result)
{
    if (m_creating && m_creator->isRunning()) {
        // qemu-img is killed and whatever was made for the VM is removed, its staging
        // folder too: closing the wizard while it works creates nothing.
        m_creating = false;
        m_creator->cancel();
    }
    QWizard::done(result);
}
