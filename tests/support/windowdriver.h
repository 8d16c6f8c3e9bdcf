// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/vm/vmlibrary.h"
#include "models/vm/vmstate.h"
#include "ui/window/mainwindow.h"

#include <QAction>
#include <QDialog>
#include <QMessageBox>
#include <QModelIndex>
#include <QPalette>
#include <QPointer>
#include <QString>
#include <QTemporaryDir>

#include <memory>

class DiskImageWizard;
class VmInstance;
class NewVmWizard;
class QLineEdit;

/// One GUI test's world: a private library folder, runtime folder (XDG_RUNTIME_DIR) and
/// settings, a VmLibrary on them and a MainWindow on that, plus the ways a person would
/// reach into the window (rows by name, actions by name, dialogs by name).
class WindowDriver final
{
public:
    WindowDriver();
    ~WindowDriver();
    Q_DISABLE_COPY_MOVE(WindowDriver)

    /// Once per test process: settings go to a private folder (QSettings, test mode).
    static bool isolateSettings();
    /// A dark palette (for the Fusion style) for screenshots, with disabled colours.
    static QPalette darkPalette();
    /// A small TCG VM with nothing to boot.
    static VmDefinition plainVm(const QString &name);
    /// Replaces the text of @p edit by typing.
    static void typeInto(QLineEdit *edit, const QString &text);

    bool isValid() const { return m_dir.isValid(); }
    QString libraryRoot() const { return m_libraryRoot; }
    QString runtimeRoot() const { return m_runtimeRoot; }
    VmLibrary &library() { return *m_library; }

    /// Writes a VM straight into the library (before or after the window exists).
    bool createVm(VmDefinition &definition);
    /// Creates and shows the window; the list is current after this.
    MainWindow *openWindow();
    MainWindow *window() const { return m_window.get(); }
    /// Closes and deletes the window; SIGKILLs any QEMU it still sees running.
    void closeWindow();

    QModelIndex row(const QString &vmName, int column = 0) const;
    bool select(const QString &vmName);
    QString stateText(const QString &vmName) const;
    /// The window's instance of the VM called @p vmName; nullptr when there is none.
    VmInstance *instance(const QString &vmName) const;
    /// Waits until the VM called @p vmName is in @p state. When it is not, says why (its
    /// state, last error, the message bar, what QEMU printed) so that a failure on a
    /// machine nobody watches can be read from the log.
    bool waitForState(const QString &vmName, VmState state, int timeoutMs) const;
    QAction *action(const char *objectName) const;
    /// Triggers New VM… and returns the wizard once it shows.
    NewVmWizard *openNewVmWizard() const;
    /// Triggers @p actionName (New Disk Image… or Add Disk…) and returns the wizard once
    /// it shows.
    DiskImageWizard *openDiskImageWizard(const char *actionName = "actionNewDiskImage") const;
    /// Whether each of the lifecycle actions is enabled, as a string such as
    /// "start pause -resume ..." (a minus for disabled) for readable comparisons.
    QString enabledActions() const;

    /// The window's direct child QMessageBox named @p objectName once one shows.
    QMessageBox *waitForMessageBox(const QString &objectName, int timeoutMs = 10'000) const;
    /// The window's direct child dialog named @p objectName once one shows.
    QDialog *waitForDialog(const QString &objectName, int timeoutMs = 10'000) const;
    /// Clicks the button named @p buttonName in @p box.
    static bool clickButton(QWidget *box, const QString &buttonName);
    /// The widgets of @p window whose text does not fit (labels, buttons, tabs), as
    /// "class “text” is W px wide, needs N": what a screenshot test reports.
    static QStringList clippedTexts(QWidget *window);

private:
    QTemporaryDir m_dir;
    QString m_libraryRoot;
    QString m_runtimeRoot;
    std::unique_ptr<VmLibrary> m_library;
    std::unique_ptr<MainWindow> m_window;
};
