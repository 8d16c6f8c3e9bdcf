// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/vm/vmdefinition.h"
#include "models/vm/vmlibrary.h"

#include <QHash>
#include <QWidget>

class DiskListEditor;
class FilePathEdit;
class NetworkEditor;
class QCheckBox;
class QComboBox;
class SecurityChoices;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

/// The settings of one VM as a form: name, CPUs, memory, machine type (from the list this
/// QEMU offers), accelerator, firmware, disks (DiskListEditor: add, detach, resize, bus,
/// boot order), CD-ROM, direct kernel boot, network cards and port forwards (NetworkEditor),
/// the cards' model, and notes are editable.
///
/// Editable only while the VM has no QEMU process (stopped or crashed). What the user
/// types is checked at once with the rules the wizard and the CLI use (VmLimits::check(),
/// and that no other VM has the name); the reason shows under the form and Apply stays
/// disabled until the form is valid; a warning (more vCPUs than the host has) shows the
/// same way without blocking. Apply writes through VmLibrary::update(), a compare-and-swap
/// from the definition the edits started from: changes made meanwhile elsewhere to other
/// fields are kept (and the form follows them), a change to the same field is refused
/// with the reason. Revert goes back to what is saved. The window asks before anything
/// would drop unapplied edits (UnappliedQuestion); edits of a VM that starts meanwhile
/// (from the CLI) are kept as a draft until it stops.
class DefinitionEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DefinitionEditor)

public:
    /// @p library must outlive the editor.
    explicit DefinitionEditor(VmLibrary *library, QWidget *parent = nullptr);
    ~DefinitionEditor() override;

    /// Shows @p entry (not broken). Called again for the same VM when it changed on disk
    /// or changed state: edits in progress are kept. When not @p editable,
    /// @p readOnlyReason says why (e.g. "“x” is running. Shut it down to change…").
    void setVm(const VmEntry &entry, bool editable, const QString &readOnlyReason = {});
    /// Shows no VM.
    void clear();

    bool isEditable() const { return m_hasVm && m_editable; }
    /// The folder of the VM shown, or empty.
    QString folder() const { return m_folder; }
    /// The form differs from what is saved.
    bool isModified() const;
    /// The names of the VMs with edits not applied (this one and any drafts).
    QStringList unappliedVmNames() const;
    void discardAllDrafts();

    /// Why the form cannot be applied, or empty.
    QString problem() const;

    /// Fills @p combo with Automatic / KVM / TCG (item data: Accelerator as int), saying
    /// which one Automatic picks on this host and why KVM cannot be used, if so.
    static void fillAcceleratorChoices(QComboBox *combo);
    /// Fills @p combo with BIOS and UEFI (item data: Firmware); UEFI is disabled, with
    /// the reason as its tooltip, when OVMF is not installed.
    static void fillFirmwareChoices(QComboBox *combo);

    /// Saves the form; false (with the reason shown) when invalid or the write failed.
    bool apply();
    /// apply(), then saves the drafts of the other VMs; false when any could not be saved
    /// (that one stays unapplied).
    bool applyAll();
    void revert();

Q_SIGNALS:
    /// The definition in @p folder was saved as @p definition.
    void applied(const QString &folder, const VmDefinition &definition);
    /// Add… of the disk list: the window shows the New Disk Image wizard for @p vmName.
    void addDiskRequested(const QString &vmName);

private:
    QWidget *buildForm();
    VmDefinition collect() const;
    void load(const VmDefinition &definition);
    void stashDraft();
    /// The saved definition is now @p saved: the form keeps its edits on top of it.
    void follow(const VmDefinition &saved);
    void fillMachines(const QString &current);
    void updateState();
    /// The one place the editor writes a definition: @p edited, made from @p base (what the
    /// form showed when editing began), for a compare-and-swap with what is on disk now.
    Outcome<VmDefinition> save(const VmDefinition &base, const VmDefinition &edited);

    struct Draft
    {
        VmDefinition base;
        VmDefinition edited;
    };

    VmLibrary *m_library;
    QString m_folder;
    VmDefinition m_baseline; ///< what is saved, as last read
    VmDefinition m_editBase; ///< what the form's edits started from (the compare-and-swap base)
    bool m_hasVm = false;
    bool m_editable = false;
    bool m_loading = false;
    QString m_saveError;
    QString m_readOnlyReason;
    QHash<QString, Draft> m_drafts; ///< by folder

    QLabel *m_notice = nullptr;
    QWidget *m_form = nullptr;
    QLineEdit *m_name = nullptr;
    QSpinBox *m_cpus = nullptr;
    QSpinBox *m_memory = nullptr;
    QComboBox *m_machine = nullptr;
    QComboBox *m_accelerator = nullptr;
    QComboBox *m_firmware = nullptr;
    SecurityChoices *m_security = nullptr;
    DiskListEditor *m_disks = nullptr;
    FilePathEdit *m_cdrom = nullptr;
    FilePathEdit *m_kernel = nullptr;
    FilePathEdit *m_initrd = nullptr;
    QLineEdit *m_kernelArgs = nullptr;
    NetworkEditor *m_network = nullptr;
    QComboBox *m_nicModel = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QLabel *m_problemIcon = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_revert = nullptr;
};
