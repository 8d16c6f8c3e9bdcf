// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/vm/vmdefinition.h"

#include <QWidget>

class QCheckBox;

/// The TPM 2.0 and Secure Boot checkboxes of the New VM wizard and the Settings tab, in one
/// place. Secure Boot can be ticked only with UEFI firmware (setFirmware()); a choice whose
/// software is missing (swtpm, OVMF's Secure Boot build) is disabled and its tooltip names
/// the Debian package.
class SecurityChoices final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecurityChoices)

public:
    explicit SecurityChoices(QWidget *parent = nullptr);

    bool tpm() const;
    bool secureBoot() const;
    /// Shows @p tpm and @p secureBoot without emitting edited().
    void setValues(bool tpm, bool secureBoot);
    /// Secure Boot is offered with UEFI only; with BIOS it is unticked.
    void setFirmware(Firmware firmware);

Q_SIGNALS:
    /// The user ticked or unticked one.
    void edited();

private:
    QCheckBox *m_tpm;
    QCheckBox *m_secureBoot;
    bool m_setting = false;
};
