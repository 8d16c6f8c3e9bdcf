// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDebug>
#include <QJsonObject>
#include <QString>
#include <QWidget>

class QLineEdit;
class QWizard;

/// What the wizard tests do to a wizard, the way a person would see it.
namespace WizardTest {

/// The child of @p w named @p name (a warning names what is missing).
template<typename T>
T *child(QWidget *w, const QString &name)
{
    T *found = w->findChild<T *>(name);
    if (!found)
        qWarning() << "no" << name;
    return found;
}
/// The line edit of the FilePathEdit named @p name.
QLineEdit *pathEdit(QWidget *w, const QString &name);
/// Whether the button that moves on (Next, the commit button, or Finish on the last page)
/// is shown and enabled.
bool canGoNext(QWizard *w);
/// The problem the current page shows under its form, or empty.
QString shown(QWizard *w);
/// `qemu-img info --output=json IMAGE`, empty when it fails.
QJsonObject qemuImgInfo(const QString &image);

} // namespace WizardTest
