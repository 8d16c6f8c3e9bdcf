// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/widgets/securitychoices.h"

#include "models/vm/swtpm.h"
#include "models/vm/uefifirmware.h"

#include <QCheckBox>
#include <QHBoxLayout>

using namespace Qt::Literals::StringLiterals;

SecurityChoices::SecurityChoices(QWidget *parent)
    : QWidget(parent)
    , m_tpm(new QCheckBox(tr("&TPM 2.0"), this))
    , m_secureBoot(new QCheckBox(tr("Secure &Boot"), this))
{
    m_tpm->setObjectName(u"tpmCheck"_s);
    m_secureBoot->setObjectName(u"secureBootCheck"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tpm);
    layout->addWidget(m_secureBoot);
    layout->addStretch(1);
    if (const Outcome<QString> swtpm = Swtpm::findBinary(); !swtpm) {
        m_tpm->setEnabled(false);
        m_tpm->setToolTip(swtpm.failure().message());
    } else {
        m_tpm->setToolTip(tr("An emulated TPM 2.0 (swtpm), as Windows 11 needs; its state stays "
                             "in the VM's folder"));
    }
    setFirmware(Firmware::Bios);
    for (QCheckBox *box : {m_tpm, m_secureBoot}) {
        connect(box, &QCheckBox::toggled, this, [this] {
            if (!m_setting)
                Q_EMIT edited();
        });
    }
}

bool SecurityChoices::tpm() const
{
    return m_tpm->isChecked();
}

bool SecurityChoices::secureBoot() const
{
    return m_secureBoot->isChecked();
}

void SecurityChoices::setValues(bool tpm, bool secureBoot)
{
    m_setting = true;
    m_tpm->setChecked(tpm);
    m_secureBoot->setChecked(secureBoot);
    m_setting = false;
}

void SecurityChoices::setFirmware(Firmware firmware)
{
    const Outcome<UefiFirmware::Files> ovmf = UefiFirmware::find(true);
    const bool uefi = firmware == Firmware::Uefi;
    m_secureBoot->setEnabled(uefi && ovmf);
    if (!uefi)
        m_secureBoot->setChecked(false);
    m_secureBoot->setToolTip(!ovmf  ? ovmf.failure().message()
                             : uefi ? tr("UEFI Secure Boot with Microsoft's keys enrolled: the "
                                         "firmware starts only signed boot loaders")
                                    : tr("Secure Boot needs UEFI firmware"));
}
