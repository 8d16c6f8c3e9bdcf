// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/wizards/diskimagewizard.h"

#include "models/disks/diskattachment.h"
#include "models/disks/diskimagejob.h"
#include "models/disks/diskimageusers.h"
#include "models/vm/vmlibrary.h"
#include "ui/widgets/checkedwizardpage.h"
#include "ui/widgets/problemlabel.h"
#include "ui/wizards/disksetupform.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardItemModel>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

CheckedWizardPage *checkedPage(QWizard *wizard, int id)
{
    return static_cast<CheckedWizardPage *>(wizard->page(id));
}

} // namespace

DiskImageWizard::DiskImageWizard(VmLibrary *library, QWidget *parent)
    : QWizard(parent)
    , m_library(library)
    , m_job(new DiskImageJob(this))
{
    setObjectName(u"diskImageWizard"_s);
    setWindowTitle(tr("New Disk Image"));
    setOption(QWizard::NoBackButtonOnStartPage);
    m_job->setLibrary(library);

    // ---- Disk --------------------------------------------------------------------------
    auto *diskPage = new CheckedWizardPage(this);
    diskPage->setTitle(tr("Disk Image"));
    diskPage->setSubTitle(tr("Make a new disk image, bring in one you have, or clone a base "
                             "image."));
    m_form = new DiskSetupForm(DiskSetupForm::Purpose::Standalone, library, diskPage);
    // New images go to the library's "images" folder unless the user says otherwise, or
    // into the folder of the VM they are made for.
    const QString images = library->imagesFolder();
    m_form->setDestinationFolder(QDir().mkpath(images) ? images : QDir::homePath());
    m_diskProblem = new ProblemLabel(diskPage);
    m_diskProblem->setObjectName(u"diskPageProblem"_s);
    auto *diskLayout = new QVBoxLayout(diskPage);
    diskLayout->addWidget(m_form, 1);
    diskLayout->addWidget(m_diskProblem);
    diskPage->setProblem([this] { return m_form->problem(); });
    setPage(DiskPage, diskPage);

    // ---- Attach ------------------------------------------------------------------------
    auto *attachPage = new CheckedWizardPage(this);
    attachPage->setTitle(tr("Use"));
    attachPage->setSubTitle(tr("Attach the image to a virtual machine, or keep it for later."));
    m_standalone = new QRadioButton(tr("&Keep it as a standalone image"), attachPage);
    m_standalone->setObjectName(u"keepStandalone"_s);
    m_attach = new QRadioButton(tr("&Attach it to a virtual machine:"), attachPage);
    m_attach->setObjectName(u"attachToVm"_s);
    m_attachChoice = new QButtonGroup(this);
    m_attachChoice->addButton(m_standalone);
    m_attachChoice->addButton(m_attach);
    m_standalone->setChecked(true);
    m_vm = new QComboBox(attachPage);
    m_vm->setObjectName(u"attachVm"_s);
    m_bus = new QComboBox(attachPage);
    m_bus->setObjectName(u"attachBus"_s);
    m_bus->addItem(tr("VirtIO (fastest)"), u"virtio"_s);
    m_bus->setItemData(0, tr("Linux has the drivers built in; Windows needs the virtio drivers"),
                       Qt::ToolTipRole);
    m_bus->addItem(tr("SATA (any system)"), u"sata"_s);
    m_bus->addItem(tr("IDE (old systems)"), u"ide"_s);
    m_bus->addItem(tr("SCSI (virtio-scsi)"), u"scsi"_s);
    auto *attachForm = new QFormLayout;
    attachForm->setContentsMargins(24, 0, 0, 0);
    attachForm->addRow(tr("&Virtual machine:"), m_vm);
    attachForm->addRow(tr("&Bus:"), m_bus);
    m_attachProblem = new ProblemLabel(attachPage);
    m_attachProblem->setObjectName(u"attachPageProblem"_s);
    auto *attachLayout = new QVBoxLayout(attachPage);
    attachLayout->addWidget(m_standalone);
    attachLayout->addWidget(m_attach);
    attachLayout->addLayout(attachForm);
    attachLayout->addStretch(1);
    attachLayout->addWidget(m_attachProblem);
    attachPage->setProblem([this]() -> QString {
        if (!m_attach->isChecked())
            return {};
        if (m_vm->count() == 0)
            return tr("There is no virtual machine to attach it to.");
        const VmEntry *e = m_library->find(targetVm());
        if (!e || e->isBroken())
            return tr("Choose a virtual machine.");
        return DiskAttachment::problem(*m_library, targetVm(), plan().path, targetBus());
    });
    attachPage->setOnEnter([this] { fillVms(); });
    setPage(AttachPage, attachPage);

    // ---- Summary -----------------------------------------------------------------------
    auto *summaryPage = new CheckedWizardPage(this);
    summaryPage->setTitle(tr("Summary"));
    summaryPage->setSubTitle(tr("Check what will be done, then click Create."));
    m_summary = new QLabel(summaryPage);
    m_summary->setObjectName(u"diskSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *summaryLayout = new QVBoxLayout(summaryPage);
    summaryLayout->addWidget(m_summary);
    summaryLayout->addStretch(1);
    summaryPage->setCommitPage(true);
    summaryPage->setButtonText(QWizard::CommitButton, tr("C&reate"));
    summaryPage->setOnEnter([this] {
        QString text = plan().describe();
        text += u"\n\n"_s;
        text += targetVm().isEmpty()
                    ? tr("The image is kept on its own; attach it to a VM later from its "
                         "settings or with this wizard.")
                    : tr("It is attached to “%1” on the %2 bus.").arg(targetVm(), targetBus());
        m_summary->setText(text);
    });
    setPage(SummaryPage, summaryPage);

    // ---- Progress ----------------------------------------------------------------------
    auto *progressPage = new CheckedWizardPage(this);
    progressPage->setTitle(tr("Working"));
    progressPage->setSubTitle(tr("qemu-img is at work; Stop ends it and removes what it wrote."));
    m_progressLabel = new QLabel(progressPage);
    m_progressLabel->setObjectName(u"diskProgressLabel"_s);
    m_progressLabel->setWordWrap(true);
    m_progress = new QProgressBar(progressPage);
    m_progress->setObjectName(u"diskProgress"_s);
    m_cancelWork = new QPushButton(tr("&Stop"), progressPage);
    m_cancelWork->setObjectName(u"diskCancelWork"_s);
    m_result = new QLabel(progressPage);
    m_result->setObjectName(u"diskResult"_s);
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_progress, 1);
    bar->addWidget(m_cancelWork);
    auto *progressLayout = new QVBoxLayout(progressPage);
    progressLayout->addWidget(m_progressLabel);
    progressLayout->addLayout(bar);
    progressLayout->addWidget(m_result);
    progressLayout->addStretch(1);
    progressPage->setProblem([this]() -> QString {
        if (m_working)
            return tr("Working…");
        return {};
    });
    progressPage->setOnEnter([this] { startWork(); });
    setPage(ProgressPage, progressPage);

    connect(m_form, &DiskSetupForm::changed, this, &DiskImageWizard::updateProblems);
    for (QComboBox *combo : {m_vm, m_bus})
        connect(combo, &QComboBox::currentIndexChanged, this, &DiskImageWizard::updateProblems);
    connect(m_attachChoice, &QButtonGroup::buttonToggled, this, &DiskImageWizard::updateProblems);
    connect(m_cancelWork, &QPushButton::clicked, m_job, &DiskImageJob::cancel);
    connect(m_job, &DiskImageJob::progress, this,
            [this](double percent) { m_progress->setValue(int(percent)); });
    connect(m_job, &DiskImageJob::finished, this, &DiskImageWizard::onJobFinished);
    connect(m_library, &VmLibrary::changed, this, &DiskImageWizard::updateProblems);

    fillVms();
    updateProblems();
    setMinimumSize(fontMetrics().averageCharWidth() * 80, fontMetrics().height() * 30);
}

DiskImageWizard::~DiskImageWizard() = default;

void DiskImageWizard::fillVms()
{
    const QString current = targetVm();
    const QSignalBlocker blocker(m_vm);
    m_vm->clear();
    auto *items = qobject_cast<QStandardItemModel *>(m_vm->model());
    for (const VmEntry &e : m_library->entries()) {
        if (e.isBroken())
            continue;
        const bool running = DiskImageUsers::isRunning(e);
        m_vm->addItem(running ? tr("%1 (running)").arg(e.name()) : e.name(), e.name());
        if (running && items)
            items->item(m_vm->count() - 1)->setEnabled(false);
    }
    if (const int i = m_vm->findData(current); i >= 0)
        m_vm->setCurrentIndex(i);
    m_attach->setEnabled(m_vm->count() > 0);
    updateProblems();
}

void DiskImageWizard::setTargetVm(const QString &vmName)
{
    fillVms();
    if (const int i = m_vm->findData(vmName); i >= 0) {
        m_vm->setCurrentIndex(i);
        m_attach->setChecked(true);
    }
}

DiskPlan DiskImageWizard::plan() const
{
    return m_form->plan();
}

QString DiskImageWizard::targetVm() const
{
    return m_attach->isChecked() ? m_vm->currentData().toString() : QString();
}

QString DiskImageWizard::targetBus() const
{
    return m_bus->currentData().toString();
}

QString DiskImageWizard::problem() const
{
    if (auto *p = qobject_cast<CheckedWizardPage *>(currentPage()))
        return p->problem();
    return {};
}

bool DiskImageWizard::isWorking() const
{
    return m_working;
}

QString DiskImageWizard::resultText() const
{
    return m_done ? m_result->text() : QString();
}

void DiskImageWizard::updateProblems()
{
    const VmEntry *target = targetVm().isEmpty() ? nullptr : m_library->find(targetVm());
    m_form->setTargetVm(target && !target->isBroken() ? target->layout() : VmLayout());
    m_vm->setEnabled(m_attach->isChecked());
    m_bus->setEnabled(m_attach->isChecked());
    m_diskProblem->setProblem(checkedPage(this, DiskPage)->problem());
    m_attachProblem->setProblem(checkedPage(this, AttachPage)->problem());
    for (int id : {int(DiskPage), int(AttachPage), int(ProgressPage)})
        checkedPage(this, id)->recheck();
}

void DiskImageWizard::startWork()
{
    m_running = plan();
    m_working = true;
    page(ProgressPage)->setTitle(tr("Working"));
    m_done = false;
    m_failed = false;
    m_result->clear();
    m_cancelWork->setVisible(m_running.writesFile());
    m_cancelWork->setEnabled(true);
    m_progress->setVisible(m_running.writesFile());
    m_progress->setRange(0, m_running.reportsProgress() ? 100 : 0); // busy without percentages
    m_progress->setValue(0);
    m_progressLabel->setText(m_running.describe());
    checkedPage(this, ProgressPage)->recheck();
    if (!m_running.writesFile()) {
        // Nothing to make: attach the image where it is (from the event loop, like a job).
        QMetaObject::invokeMethod(
            this, [this] { finishWork({}, false); }, Qt::QueuedConnection);
        return;
    }
    m_running.start(*m_job);
}

void DiskImageWizard::onJobFinished(const Outcome<> &outcome)
{
    if (!m_working)
        return;
    finishWork(outcome ? QString() : outcome.failure().message(), outcome.ok());
}

void DiskImageWizard::finishWork(const QString &error, bool imageMade)
{
    QString failure = error;
    const QString vmName = targetVm();
    if (failure.isEmpty() && !vmName.isEmpty()) {
        // Read again: the VM may have been changed or started since the Attach page.
        // Compare-and-swap: other settings changed meanwhile (the CLI, the settings page)
        // are kept; a VM started or gone meanwhile, or another change of its disks, is not.
        QString why;
        if (const Outcome<VmDefinition> saved = DiskAttachment::attach(
                *m_library, vmName,
                {m_running.path, m_running.format, targetBus(), m_running.writesFile()});
            !saved)
            why = saved.failure().message();
        if (!why.isEmpty())
            failure = imageMade ? tr("The image %1 was made, but it could not be attached: %2")
                                      .arg(m_running.path, why)
                                : why;
    }
    m_working = false;
    m_done = true;
    m_failed = !failure.isEmpty();
    m_cancelWork->setVisible(false);
    page(ProgressPage)->setTitle(m_failed ? tr("Not Done") : tr("Done"));
    page(ProgressPage)
        ->setSubTitle(m_failed ? tr("Nothing was changed.") : tr("The disk image is ready."));
    m_progress->setRange(0, 100);
    m_progress->setValue(m_failed ? 0 : 100);
    if (m_failed && m_running.writesFile() && m_job->wasCancelled()) {
        m_result->setText(tr("Stopped; nothing was kept. Go back to change the settings, or "
                             "close the wizard."));
    } else if (m_failed) {
        m_result->setText(tr("Failed: %1").arg(failure));
    } else {
        m_result->setText(vmName.isEmpty()
                              ? tr("Done: %1 is ready.").arg(m_running.path)
                              : tr("Done: %1 is attached to “%2”.").arg(m_running.path, vmName));
        Q_EMIT diskReady(m_running.path, vmName);
    }
    // After a failure the summary is no longer a point of no return: Back leads to the
    // settings, kept as they were, to change them and try again.
    checkedPage(this, SummaryPage)->setCommitPage(!m_failed);
    checkedPage(this, ProgressPage)->recheck();
}

void DiskImageWizard::done(int result)
{
    if (m_working && m_job->isRunning())
        m_job->cancel(); // the partial image goes; so does the job, with the wizard
    m_working = false;
    QWizard::done(result);
}
