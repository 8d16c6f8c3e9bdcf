#include "newvmdialog.h"

#include "appsettings.h"
#include "definitioneditor.h"
#include "diskimagejob.h"
#include "filepathedit.h"
#include "vmlibrary.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStyle>
#include <QTemporaryDir>
#include <QThread>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr double kDefaultDiskGiB = 20.0;
constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

/// A sub-form indented under its radio button.
QWidget *indented(QWidget *parent, QLayout *content)
{
    auto *w = new QWidget(parent);
    w->setLayout(content);
    content->setContentsMargins(24, 0, 0, 0);
    return w;
}

} // namespace

NewVmDialog::NewVmDialog(VmLibrary *library, QWidget *parent)
    : QDialog(parent)
    , m_library(library)
    , m_job(new DiskImageJob(this))
{
    setObjectName(u"newVmDialog"_s);
    setWindowTitle(tr("New Virtual Machine"));
    m_form = new QWidget(this);

    m_name = new QLineEdit(m_form);
    m_name->setObjectName(u"newVmName"_s);
    m_name->setPlaceholderText(tr("e.g. Debian 12"));
    m_memory = new QSpinBox(m_form);
    m_memory->setObjectName(u"newVmMemory"_s);
    m_memory->setRange(16, 4 * 1024 * 1024);
    m_memory->setSingleStep(256);
    m_memory->setValue(1024);
    m_memory->setSuffix(tr(" MiB"));
    m_memory->setGroupSeparatorShown(true);
    m_cpus = new QSpinBox(m_form);
    m_cpus->setObjectName(u"newVmCpus"_s);
    m_cpus->setRange(1, 256);
    m_cpus->setValue(std::clamp(QThread::idealThreadCount(), 1, 2));
    m_diskGiB = new QDoubleSpinBox(m_form);
    m_diskGiB->setObjectName(u"newVmDiskSize"_s);
    m_diskGiB->setRange(0.0, 65536.0);
    m_diskGiB->setDecimals(1);
    m_diskGiB->setSingleStep(1.0);
    m_diskGiB->setSuffix(tr(" GiB"));
    m_diskGiB->setSpecialValueText(tr("No disk"));
    m_diskGiB->setValue(kDefaultDiskGiB);
    m_diskGiB->setToolTip(tr("A new qcow2 image in the VM's folder; it takes space only as the "
                             "guest writes. 0 for none."));

    m_bootNothing = new QRadioButton(tr("Nothing yet (an empty disk)"), m_form);
    m_bootNothing->setObjectName(u"bootNothing"_s);
    m_bootIso = new QRadioButton(tr("An &ISO image"), m_form);
    m_bootIso->setObjectName(u"bootIso"_s);
    m_bootKernel = new QRadioButton(tr("A &Linux kernel (direct boot)"), m_form);
    m_bootKernel->setObjectName(u"bootKernel"_s);
    auto *bootGroup = new QButtonGroup(this);
    for (QRadioButton *r : {m_bootNothing, m_bootIso, m_bootKernel})
        bootGroup->addButton(r);
    m_bootIso->setChecked(true);
    m_iso = new FilePathEdit(tr("Choose an ISO Image"), tr("ISO images (*.iso)"), m_form);
    m_iso->setObjectName(u"isoEdit"_s);
    m_iso->setPlaceholderText(tr("The installer or live image"));
    m_kernel = new FilePathEdit(tr("Choose a Kernel"), tr("Kernels (vmlinuz* bzImage*)"), m_form);
    m_kernel->setObjectName(u"kernelEdit"_s);
    m_initrd = new FilePathEdit(tr("Choose an Initrd"), tr("Initrds (initrd* initramfs*)"), m_form);
    m_initrd->setObjectName(u"initrdEdit"_s);
    m_initrd->setPlaceholderText(tr("Optional"));
    m_kernelArgs = new QLineEdit(u"console=ttyS0"_s, m_form);
    m_kernelArgs->setObjectName(u"kernelArgsEdit"_s);

    m_accelerator = new QComboBox(m_form);
    m_accelerator->setObjectName(u"acceleratorCombo"_s);
    DefinitionEditor::fillAcceleratorChoices(m_accelerator);
    m_accelerator->setCurrentIndex(m_accelerator->findData(int(AppSettings::defaultAccelerator())));
    m_startAfter = new QCheckBox(tr("&Start it after creating it"), m_form);
    m_startAfter->setObjectName(u"startAfterCreating"_s);
    m_startAfter->setChecked(true);

    auto *isoRow = new QHBoxLayout;
    isoRow->addWidget(m_iso);
    QWidget *isoBox = indented(m_form, isoRow);
    auto *kernelForm = new QFormLayout;
    kernelForm->addRow(tr("&Kernel:"), m_kernel);
    kernelForm->addRow(tr("&Initrd:"), m_initrd);
    kernelForm->addRow(tr("Command &line:"), m_kernelArgs);
    QWidget *kernelBox = indented(m_form, kernelForm);

    auto *bootLayout = new QVBoxLayout;
    bootLayout->setSpacing(2);
    bootLayout->addWidget(m_bootIso);
    bootLayout->addWidget(isoBox);
    bootLayout->addWidget(m_bootKernel);
    bootLayout->addWidget(kernelBox);
    bootLayout->addWidget(m_bootNothing);

    auto *form = new QFormLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Memory:"), m_memory);
    form->addRow(tr("&CPUs:"), m_cpus);
    form->addRow(tr("&Disk:"), m_diskGiB);
    form->addRow(tr("Boot from:"), bootLayout);
    form->addRow(tr("&Accelerator:"), m_accelerator);
    form->addRow(QString(), m_startAfter);

    m_progressLabel = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"creationProgress"_s);
    m_progress->setRange(0, 0); // qemu-img reports no progress for create: busy
    m_progress->setTextVisible(false);
    m_progressLabel->hide();
    m_progress->hide();

    m_problemIcon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_problemIcon->setPixmap(
        style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(iconSize, iconSize));
    m_problem = new QLabel(this);
    m_problem->setObjectName(u"newVmProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("C&reate"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_problemIcon, 0, Qt::AlignTop);
    bottom->addWidget(m_problem, 1);
    bottom->addWidget(m_buttons, 0, Qt::AlignBottom);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_form);
    layout->addWidget(m_progressLabel);
    layout->addWidget(m_progress);
    layout->addLayout(bottom);

    const auto changed = [this] {
        updateState();
    };
    connect(m_name, &QLineEdit::textChanged, this, [this] {
        m_failure.clear();
        updateState();
    });
    connect(m_memory, &QSpinBox::valueChanged, this, changed);
    connect(m_cpus, &QSpinBox::valueChanged, this, changed);
    connect(bootGroup, &QButtonGroup::buttonToggled, this, changed);
    for (FilePathEdit *f : {m_iso, m_kernel, m_initrd})
        connect(f, &FilePathEdit::pathChanged, this, changed);
    connect(m_kernelArgs, &QLineEdit::textChanged, this, changed);
    connect(m_job, &DiskImageJob::finished, this, [this](const QString &error) {
        if (!error.isEmpty()) {
            fail(tr("Could not create the disk: %1").arg(error));
            return;
        }
        finishCreating(m_job->path());
    });
    m_name->setFocus();
    updateState();
    setMinimumWidth(fontMetrics().averageCharWidth() * 70);
}

NewVmDialog::~NewVmDialog() = default;

VmDefinition NewVmDialog::definition() const
{
    VmDefinition d;
    d.name = m_name->text();
    d.memoryMiB = m_memory->value();
    d.cpus = m_cpus->value();
    d.accelerator = Accelerator(m_accelerator->currentData().toInt());
    if (m_bootIso->isChecked()) {
        d.cdrom = m_iso->path();
    } else if (m_bootKernel->isChecked()) {
        d.kernel = m_kernel->path();
        d.initrd = m_initrd->path();
        d.kernelArgs = m_kernelArgs->text().trimmed();
    }
    return d;
}

QString NewVmDialog::problem() const
{
    const VmDefinition d = definition();
    if (QString e = VmDefinition::validateName(d.name); !e.isEmpty())
        return e;
    if (m_library->find(d.name))
        return tr("A VM named “%1” exists already.").arg(d.name);
    if (m_bootIso->isChecked()) {
        if (m_iso->path().isEmpty())
            return tr("Choose the ISO image to boot from.");
        if (QString e = m_iso->problem(); !e.isEmpty())
            return tr("The ISO image: %1").arg(e);
    }
    if (m_bootKernel->isChecked()) {
        if (m_kernel->path().isEmpty())
            return tr("Choose the kernel to boot.");
        if (QString e = m_kernel->problem(); !e.isEmpty())
            return tr("The kernel: %1").arg(e);
        if (QString e = m_initrd->problem(); !e.isEmpty())
            return tr("The initrd: %1").arg(e);
    }
    return d.validate();
}

bool NewVmDialog::isCreating() const
{
    return m_busy;
}

void NewVmDialog::updateState()
{
    m_iso->setEnabled(m_bootIso->isChecked());
    for (QWidget *w : std::initializer_list<QWidget *>{m_kernel, m_initrd, m_kernelArgs})
        w->setEnabled(m_bootKernel->isChecked());
    const QString why = m_failure.isEmpty() ? problem() : m_failure;
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty() && !m_busy);
    m_problemIcon->setVisible(!why.isEmpty() && !m_busy);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem().isEmpty() && !m_busy);
    m_buttons->button(QDialogButtonBox::Ok)->setToolTip(why);
}

void NewVmDialog::setBusy(bool busy, const QString &what)
{
    m_busy = busy;
    m_form->setEnabled(!busy);
    m_progressLabel->setText(what);
    m_progressLabel->setVisible(busy);
    m_progress->setVisible(busy);
    updateState();
}

void NewVmDialog::accept()
{
    if (m_busy || !m_job || !problem().isEmpty())
        return;
    m_failure.clear();
    const qint64 diskBytes = qint64(m_diskGiB->value() * kGiB);
    if (diskBytes <= 0) {
        finishCreating({});
        return;
    }
    // Made beside the VM folders, hidden (VmLibrary lists no dot-folders), and removed
    // with everything in it when this dialog is done, whatever happened.
    QDir().mkpath(m_library->root());
    m_staging = std::make_unique<QTemporaryDir>(m_library->root() + u"/.new-vm-XXXXXX"_s);
    if (!m_staging->isValid()) {
        fail(tr("Could not create a folder in %1: %2")
                 .arg(m_library->root(), m_staging->errorString()));
        return;
    }
    setBusy(true,
            tr("Creating a %1 disk image…")
                .arg(locale().formattedDataSize(diskBytes, 1, QLocale::DataSizeTraditionalFormat)));
    m_job->start(m_staging->filePath(u"disk.qcow2"_s), diskBytes);
}

void NewVmDialog::finishCreating(const QString &stagedDisk)
{
    VmDefinition d = definition();
    QString error;
    if (!m_library->create(d, &error)) {
        fail(error);
        return;
    }
    if (!stagedDisk.isEmpty()) {
        const VmEntry *entry = m_library->find(d.name);
        const QString disk = (entry ? entry->folder : QString()) + u"/disk.qcow2"_s;
        if (!entry || !QFile::rename(stagedDisk, disk)) {
            m_library->remove(d.name, true, nullptr);
            fail(tr("Could not move the new disk into the VM's folder."));
            return;
        }
        d.disks.append({disk, u"qcow2"_s, u"virtio"_s});
        if (!m_library->save(d, &error)) {
            m_library->remove(d.name, true, nullptr);
            fail(error);
            return;
        }
    }
    m_staging.reset();
    setBusy(false);
    Q_EMIT vmCreated(d.uuid, m_startAfter->isChecked());
    QDialog::accept();
}

void NewVmDialog::fail(const QString &message)
{
    m_staging.reset();
    m_failure = message;
    setBusy(false);
}

void NewVmDialog::done(int result)
{
    if (result == QDialog::Rejected && m_busy) {
        // The dialog goes now; the job lives until qemu-img has really ended, and then
        // takes the staging folder with it (nothing writes there any more by then).
        DiskImageJob *job = m_job;
        m_job = nullptr;
        job->disconnect(this);
        job->setParent(nullptr);
        std::shared_ptr<QTemporaryDir> staging(m_staging.release());
        connect(job, &DiskImageJob::finished, job, [job, staging] {
            Q_UNUSED(staging); // held until the job is deleted
            job->deleteLater();
        });
        job->cancel();
        m_busy = false;
    }
    QDialog::done(result);
}
