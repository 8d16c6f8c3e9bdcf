// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/window/unappliedquestion.h"

#include "ui/pages/definitioneditor.h"

#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QWidget>

using namespace Qt::Literals::StringLiterals;

void UnappliedQuestion::ask(QWidget *window, DefinitionEditor *editor, Before before,
                            const std::function<void()> &proceed)
{
    const QStringList names =
        before == Before::Close
            ? editor->unappliedVmNames()
            : (editor->isModified() ? editor->unappliedVmNames().mid(0, 1) : QStringList());
    if (names.isEmpty()) {
        proceed();
        return;
    }
    const QList<QMessageBox *> boxes =
        window->findChildren<QMessageBox *>(u"unappliedChangesPrompt"_s);
    for (QMessageBox *open : boxes) {
        if (open->isVisible()) {
            open->raise(); // one question at a time: the first one decides
            return;
        }
    }
    const QString quoted = u"“"_s + names.join(u"”, “"_s) + u"”"_s;
    QString text;
    QString informative;
    switch (before) {
    case Before::Start:
        text = tr("Apply the changes to the settings of %1 before starting it?").arg(quoted);
        informative = tr("It would start with its saved settings otherwise.");
        break;
    case Before::Switch:
        text = tr("Apply the changes to the settings of %1?").arg(quoted);
        informative = tr("They are lost if you discard them.");
        break;
    case Before::Close:
        text = tr("Apply the changes to the settings of %1 before closing?").arg(quoted);
        informative = tr("They are lost if you discard them.");
        break;
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Unapplied Settings"), text,
                                QMessageBox::Cancel, window);
    box->setObjectName(u"unappliedChangesPrompt"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(informative);
    QPushButton *apply = box->addButton(tr("&Apply"), QMessageBox::AcceptRole);
    apply->setObjectName(u"applyButton"_s);
    QPushButton *discard = box->addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    discard->setObjectName(u"discardButton"_s);
    box->setDefaultButton(apply);
    box->setEscapeButton(QMessageBox::Cancel);
    QPointer<DefinitionEditor> target = editor;
    QObject::connect(box, &QMessageBox::buttonClicked, editor,
                     [apply, discard, target, before, proceed](QAbstractButton *button) {
                         if (!target)
                             return;
                         if (button == apply) {
                             const bool applied =
                                 before == Before::Close ? target->applyAll() : target->apply();
                             if (applied)
                                 proceed();
                         } else if (button == discard) {
                             if (before == Before::Close)
                                 target->discardAllDrafts();
                             else
                                 target->revert();
                             proceed();
                         }
                     });
    box->open();
}
