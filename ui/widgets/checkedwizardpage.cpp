// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/widgets/checkedwizardpage.h"

#include <QLayout>

CheckedWizardPage::CheckedWizardPage(QWidget *parent)
    : QWizardPage(parent)
{}

CheckedWizardPage::~CheckedWizardPage() = default;

bool CheckedWizardPage::isComplete() const
{
    return problem().isEmpty();
}

void CheckedWizardPage::initializePage()
{
    if (m_enter)
        m_enter();
}

QWidget *CheckedWizardPage::indented(QWidget *parent, QLayout *content)
{
    auto *w = new QWidget(parent);
    w->setLayout(content);
    content->setContentsMargins(24, 0, 0, 6);
    return w;
}
