#pragma once

#include "vmdefinition.h"

#include <QDialog>
#include <QUuid>

#include <memory>

class DiskImageJob;
class FilePathEdit;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QRadioButton;
class QSpinBox;
class QTemporaryDir;
class VmLibrary;

/// A small "New VM" dialog (until the full wizard): name, memory, CPUs, an optional new
/// disk, what to boot (nothing, an ISO image, or a Linux kernel), the accelerator, and
/// whether to start the VM at once.
///
/// Everything is checked as the user types; Create stays disabled until the form is
/// valid and the reason is shown beside it. A new disk is made with qemu-img in the
/// background (a busy bar shows; Cancel stops it) in a hidden folder of the library and
/// moved into the VM's folder once the VM is created, so a half-made VM never appears
/// in the list. Open it with open() or show(); it reports through vmCreated().
class NewVmDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewVmDialog)

public:
    /// @p library must outlive the dialog.
    explicit NewVmDialog(VmLibrary *library, QWidget *parent = nullptr);
    ~NewVmDialog() override;

    /// Why Create is disabled, or empty.
    QString problem() const;
    /// The definition the form describes now (without uuid and disk).
    VmDefinition definition() const;
    bool isCreating() const;

    void accept() override;
    void done(int result) override;

Q_SIGNALS:
    /// The VM is in the library; @p start if the user asked to start it.
    void vmCreated(const QUuid &uuid, bool start);

private:
    void updateState();
    void setBusy(bool busy, const QString &what = {});
    void finishCreating(const QString &stagedDisk);
    void fail(const QString &message);

    VmLibrary *m_library;
    DiskImageJob *m_job;
    std::unique_ptr<QTemporaryDir> m_staging;
    QString m_failure;
    bool m_busy = false;

    QLineEdit *m_name;
    QSpinBox *m_memory;
    QSpinBox *m_cpus;
    QDoubleSpinBox *m_diskGiB;
    QRadioButton *m_bootNothing;
    QRadioButton *m_bootIso;
    QRadioButton *m_bootKernel;
    FilePathEdit *m_iso;
    FilePathEdit *m_kernel;
    FilePathEdit *m_initrd;
    QLineEdit *m_kernelArgs;
    QComboBox *m_accelerator;
    QCheckBox *m_startAfter;
    QProgressBar *m_progress;
    QLabel *m_progressLabel;
    QLabel *m_problemIcon;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    QWidget *m_form;
};
