// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/disks/diskplan.h"

#include <QString>
#include <QWizard>

class DiskImageJob;
class DiskSetupForm;
class ProblemLabel;
class QButtonGroup;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QRadioButton;
class VmLibrary;

/// The "New Disk Image" wizard: make a disk image and, if asked, attach it to a VM.
///
///   Disk      DiskSetupForm: create new / import an existing image (in place, copy,
///             convert to qcow2) / linked clone of a base image, and where to save it (the
///             library's images folder, or the folder of the VM it is made for, named
///             from that VM: VmLayout::newDiskPath())
///   Attach    keep it standalone, or attach it to a VM (only stopped VMs; its
///             definition is updated through VmLibrary) on a chosen bus
///   Summary   what will happen
///   Progress  qemu-img at work (a percentage for copies and conversions), Cancel stops
///             it and removes the partial image; then the result
///
/// Every page validates as the user types and says what is wrong. Opened with open() or
/// show(); closing it while qemu-img runs stops qemu-img and removes its partial file.
class DiskImageWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiskImageWizard)

public:
    enum PageId
    {
        DiskPage,
        AttachPage,
        SummaryPage,
        ProgressPage
    };

    /// @p library must outlive the wizard.
    explicit DiskImageWizard(VmLibrary *library, QWidget *parent = nullptr);
    ~DiskImageWizard() override;

    /// Preselects "attach to @p vmName" (the VM context menu's "Add Disk…").
    void setTargetVm(const QString &vmName);

    DiskSetupForm *form() const { return m_form; }
    /// The disk plan and the attachment as chosen now.
    DiskPlan plan() const;
    /// Empty for a standalone image.
    QString targetVm() const;
    QString targetBus() const;
    /// Why the current page cannot go on, or empty.
    QString problem() const;
    bool isWorking() const;
    /// The progress page's result: empty until done, then a sentence.
    QString resultText() const;

    void done(int result) override;

Q_SIGNALS:
    /// The image exists (and is attached to @p vmName when not empty).
    void diskReady(const QString &path, const QString &vmName);

private:
    void fillVms();
    void updateProblems();
    void startWork();
    void onJobFinished(const Outcome<> &outcome);
    void finishWork(const QString &error, bool imageMade);

    VmLibrary *m_library;
    DiskImageJob *m_job;
    DiskSetupForm *m_form;
    ProblemLabel *m_diskProblem;
    QButtonGroup *m_attachChoice;
    QRadioButton *m_standalone;
    QRadioButton *m_attach;
    QComboBox *m_vm;
    QComboBox *m_bus;
    ProblemLabel *m_attachProblem;
    QLabel *m_summary;
    QLabel *m_progressLabel;
    QProgressBar *m_progress;
    QPushButton *m_cancelWork;
    QLabel *m_result;
    DiskPlan m_running; ///< the plan being carried out
    bool m_working = false;
    bool m_done = false;
    bool m_failed = false;
};
