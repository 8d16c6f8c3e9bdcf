// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/window/clonedialog.h"

#include "models/vm/vmdefinition.h"
#include "models/vm/vmlibrary.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

CloneDialog::CloneDialog(const VmLibrary *library, const QString &source, QWidget *parent)
    : QDialog(parent)
    , m_library(library)
    , m_name(new QLineEdit(this))
    , m_full(new QRadioButton(tr("&Full copy"), this))
    , m_linked(new QRadioButton(tr("&Linked clone"), this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"cloneDialog"_s);
    setWindowTitle(tr("Clone “%1”").arg(source));
    m_name->setObjectName(u"cloneName"_s);
    QString name = tr("%1 clone").arg(source);
    for (int n = 2; m_library->find(name); ++n)
        name = tr("%1 clone %2").arg(source).arg(n);
    m_name->setText(name);
    m_name->selectAll();
    m_full->setObjectName(u"cloneFull"_s);
    m_linked->setObjectName(u"cloneLinked"_s);
    m_full->setChecked(true);
    auto explain = [this](const QString &text) {
        auto *label = new QLabel(text, this);
        label->setWordWrap(true);
        label->setIndent(24); // under its choice's text
        return label;
    };
    m_problem->setObjectName(u"cloneProblem"_s);
    m_problem->setWordWrap(true);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Clone"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_full);
    layout->addWidget(explain(tr("Copies every disk, with its snapshots. Takes time and room; "
                                 "the copy is independent.")));
    layout->addWidget(m_linked);
    layout->addWidget(explain(
        tr("Quick and small: the clone's disks record only its changes to “%1”'s disks. "
           "“%1” can then neither start nor be deleted until its linked clones are deleted.")
            .arg(source)));
    layout->addWidget(explain(tr("Either way the clone gets a new identity (UUID), a copy of "
                                 "the UEFI variables and a new TPM.")));
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    setMinimumWidth(460);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &CloneDialog::check);
    check();
}

CloneDialog::~CloneDialog() = default;

QString CloneDialog::name() const
{
    return m_name->text();
}

bool CloneDialog::linked() const
{
    return m_linked->isChecked();
}

void CloneDialog::check()
{
    QString problem = VmDefinition::validateName(name());
    if (problem.isEmpty() && m_library->find(name()))
        problem = VmLibrary::tr("A VM named \"%1\" already exists.").arg(name());
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}
