// SPDX-License-Identifier: GPL-2.0-or-later
#include "tests/ui/wizards/wizardtest.h"

#include "ui/widgets/problemlabel.h"

#include <QAbstractButton>
#include <QJsonDocument>
#include <QLineEdit>
#include <QProcess>
#include <QWizard>

using namespace Qt::Literals::StringLiterals;

QLineEdit *WizardTest::pathEdit(QWidget *w, const QString &name)
{
    QWidget *edit = child<QWidget>(w, name);
    return edit ? edit->findChild<QLineEdit *>() : nullptr;
}

bool WizardTest::canGoNext(QWizard *w)
{
    QAbstractButton *next = w->button(QWizard::NextButton);
    if (w->currentPage()->isCommitPage())
        next = w->button(QWizard::CommitButton);
    if (w->nextId() == -1)
        next = w->button(QWizard::FinishButton);
    return next->isEnabled() && next->isVisible();
}

QString WizardTest::shown(QWizard *w)
{
    const QList<ProblemLabel *> labels = w->currentPage()->findChildren<ProblemLabel *>();
    for (const ProblemLabel *label : labels) {
        if (!label->problem().isEmpty())
            return label->problem();
    }
    return {};
}

QJsonObject WizardTest::qemuImgInfo(const QString &image)
{
    QProcess p;
    p.start(u"qemu-img"_s, {u"info"_s, u"--output=json"_s, image});
    if (!p.waitForFinished(30'000) || p.exitCode() != 0)
        return {};
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}
