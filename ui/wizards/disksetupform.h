// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/disks/diskimageinfo.h"
#include "models/disks/diskplan.h"
#include "models/vm/vmlayout.h"

#include <QWidget>

class DiskImageJob;
class FilePathEdit;
class QButtonGroup;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QRadioButton;
class VmLibrary;

/// The disk part of the New Disk Image and New VM wizards: what disk to make or use, as
/// a DiskPlan.
///
///   Create a new disk image     size, format (qcow2, raw), preallocation
///   Use an existing image       the image (its format and sizes are read with qemu-img
///                               info as soon as it is chosen), used where it is, copied,
///                               or converted to qcow2
///   Linked clone of a base      (Standalone only) a qcow2 image backed by the base
///   No disk                     (NewVm only)
///
/// Standalone forms ask where to save what they make (suggesting a free name in the
/// destination folder, or, for a disk made for a VM, in that VM's folder and named from it:
/// setTargetVm()); NewVm forms put it in the VM's folder (setDestinationFolder() names the
/// folder whose free space counts until then).
/// problem() says, as the user types, why the plan cannot work: nothing chosen, a file
/// missing or unreadable, an image qemu-img cannot read, a destination that exists, not
/// enough free space, an image a running VM uses.
class DiskSetupForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiskSetupForm)

public:
    enum class Purpose
    {
        Standalone, ///< the New Disk Image wizard
        NewVm,      ///< the New VM wizard's disk page
    };
    enum class Choice
    {
        Create,
        Existing,
        LinkedClone,
        None
    };
    enum class ExistingUse
    {
        InPlace,
        Copy,
        Convert
    };

    /// @p library (may be null) tells which images running VMs use.
    DiskSetupForm(Purpose purpose, VmLibrary *library, QWidget *parent = nullptr);
    ~DiskSetupForm() override;

    DiskPlan plan() const;
    /// Why plan() cannot be carried out, or empty. "Reading …" while qemu-img info runs.
    QString problem() const;

    Choice choice() const;
    void setChoice(Choice choice);
    void setExistingUse(ExistingUse use);
    /// Chooses "use an existing image" with @p path, used where it is.
    void setExistingImage(const QString &path);
    /// Where new images go by default (Standalone) or will go (NewVm).
    void setDestinationFolder(const QString &folder);
    /// Standalone: the image is made for the VM laid out as @p layout, so its suggested
    /// place is VmLayout::newDiskPath(); a null layout goes back to the destination folder.
    /// A destination the user typed is kept.
    void setTargetVm(const VmLayout &layout);
    /// The size a new disk gets unless the user changed it (from OS detection).
    void setSuggestedSize(qint64 bytes);
    qint64 newDiskSize() const;
    /// What qemu-img info said about the chosen existing or base image (when it is read).
    const DiskImageInfo *sourceInfo() const;

Q_SIGNALS:
    void changed();

private:
    void update();
    void readSource();
    void suggestDestination();
    QString sourcePath() const;
    QString spaceProblem(qint64 needed) const;

    Purpose m_purpose;
    VmLibrary *m_library;
    DiskImageJob *m_infoJob;
    QString m_infoPath;  ///< the image m_info describes (or failed to)
    QString m_infoError; ///< why it could not be read
    DiskImageInfo m_info;
    QString m_destinationFolder;
    VmLayout m_targetVm;
    bool m_destinationEdited = false;
    bool m_sizeEdited = false;
    bool m_settingSize = false;

    QButtonGroup *m_choices;
    QRadioButton *m_create;
    QRadioButton *m_existing;
    QRadioButton *m_clone = nullptr;
    QRadioButton *m_none = nullptr;
    QWidget *m_createBox;
    QDoubleSpinBox *m_size;
    QComboBox *m_format;
    QComboBox *m_preallocation;
    QWidget *m_existingBox;
    FilePathEdit *m_source;
    QButtonGroup *m_uses;
    QRadioButton *m_inPlace;
    QRadioButton *m_copy;
    QRadioButton *m_convert;
    QWidget *m_cloneBox = nullptr;
    FilePathEdit *m_base = nullptr;
    QLabel *m_sourceInfo;
    QWidget *m_destinationRow = nullptr;
    FilePathEdit *m_destination = nullptr;
};
