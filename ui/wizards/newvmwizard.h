// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/common/outcome.h"
#include "models/osinfo/osprofile.h"
#include "models/vm/vmdefinition.h"

#include <QUuid>
#include <QWizard>

#include <memory>

class CheckedWizardPage;
class DiskSetupForm;
class FilePathEdit;
class OsDetector;
class ProblemLabel;
class SecurityChoices;
class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QRadioButton;
class QSpinBox;
class VmCreator;
class VmLibrary;

/// The "New VM" wizard: from install media to a VM in the library, optionally started
/// with its display shown.
///
///   Media     an ISO image (its OS is recognised with OsDetector in the background),
///             an existing disk image to boot, or a Linux kernel to boot directly
///   System    name, memory, CPUs, firmware (BIOS/UEFI) and accelerator, filled in from
///             what was detected (the user's own changes are never overwritten); the
///             detection and its suggestions are shown
///   Disk      DiskSetupForm (NewVm): a new disk, an existing one (in place, copied or
///             converted into the VM's folder) or none
///   Summary   what will be made; start it afterwards, show its display
///   Progress  VmCreator: the disk (qemu-img, cancellable) and the UEFI variables are made
///             in a hidden folder of the library, which becomes the VM's folder in one
///             step, so a half-made VM never appears in the list; a failure or Cancel
///             removes what was made
///
/// Every page validates as the user types and says what is wrong (name taken or
/// invalid, file missing, not enough free space...). No nested event loop anywhere.
class NewVmWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewVmWizard)

public:
    enum PageId
    {
        MediaPage,
        SystemPage,
        DiskPage,
        SummaryPage,
        ProgressPage
    };
    enum class Media
    {
        Iso,
        Disk,
        Kernel
    };

    /// @p library must outlive the wizard.
    explicit NewVmWizard(VmLibrary *library, QWidget *parent = nullptr);
    ~NewVmWizard() override;

    /// The VM the pages describe now (no uuid, no disk yet).
    VmDefinition definition() const;
    Media media() const;
    /// The last detection result (the generic profile before one).
    const OsProfile &detected() const { return m_profile; }
    bool isDetecting() const;
    bool isCreating() const { return m_creating; }
    DiskSetupForm *diskForm() const { return m_disk; }
    /// Why the current page cannot go on, or empty.
    QString problem() const;
    /// The progress page's result line (after creating).
    QString resultText() const;

    void done(int result) override;

Q_SIGNALS:
    /// The VM is in the library. @p start: the user asked to start it; @p showDisplay: and
    /// to see its screen.
    void vmCreated(const QUuid &uuid, bool start, bool showDisplay);

private:
    void buildMediaPage();
    void buildSystemPage();
    void buildDiskPage();
    void buildSummaryPage();
    void buildProgressPage();
    void onMediaChanged();
    void onDetected(const QString &iso, const OsProfile &profile);
    void applyProfile();
    void updateProblems();
    QString mediaProblem() const;
    QString systemProblem() const;
    QString uniqueName(const QString &base) const;
    void startCreating();
    void onCreatingStep();
    void onCreated(const Outcome<> &outcome);
    void fail(const QString &message);

    VmLibrary *m_library;
    OsDetector *m_detector;
    VmCreator *m_creator;
    OsProfile m_profile;
    QString m_detectedIso; ///< the ISO m_profile describes
    bool m_creating = false;
    bool m_created = false;
    bool m_nameEdited = false;
    bool m_memoryEdited = false;
    bool m_cpusEdited = false;
    bool m_firmwareEdited = false;
    bool m_securityEdited = false;
    bool m_applying = false;

    QButtonGroup *m_mediaGroup;
    QRadioButton *m_mediaIso;
    QRadioButton *m_mediaDisk;
    QRadioButton *m_mediaKernel;
    FilePathEdit *m_iso;
    FilePathEdit *m_bootDisk;
    FilePathEdit *m_kernel;
    FilePathEdit *m_initrd;
    QLineEdit *m_kernelArgs;
    QLabel *m_detection;
    ProblemLabel *m_mediaProblem;

    QLineEdit *m_name;
    QSpinBox *m_memory;
    QSpinBox *m_cpus;
    QComboBox *m_firmware;
    SecurityChoices *m_security;
    QComboBox *m_accelerator;
    QLabel *m_suggestion;
    ProblemLabel *m_systemProblem;

    DiskSetupForm *m_disk;
    ProblemLabel *m_diskProblem;

    QLabel *m_summary;
    QCheckBox *m_start;
    QCheckBox *m_showDisplay;

    QLabel *m_progressLabel;
    QProgressBar *m_progress;
    QLabel *m_result;
};
