// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>

class DefinitionEditor;
class QWidget;

/// "Apply the changes to “web”?" with Apply / Discard / Cancel, as virt-manager asks before
/// anything that would lose or ignore the settings being edited: starting the VM, switching
/// to another VM, closing the window.
///
/// Asked without a nested event loop (QMessageBox::open()): @p proceed runs once the
/// edits are applied or discarded; nothing runs on Cancel, or when applying fails (the
/// editor shows why). When nothing is unapplied, @p proceed runs at once.
class UnappliedQuestion final
{
    Q_DECLARE_TR_FUNCTIONS(UnappliedQuestion)

public:
    UnappliedQuestion() = delete;

    enum class Before
    {
        Start,  ///< starting the VM shown
        Switch, ///< showing another VM
        Close   ///< closing the window (every VM's edits)
    };

    /// Asks about @p editor's unapplied edits (for Close, every VM's), parented to
    /// @p window. The box is named "unappliedChangesPrompt"; its buttons "applyButton",
    /// "discardButton" and the standard Cancel.
    static void ask(QWidget *window, DefinitionEditor *editor, Before before,
                    const std::function<void()> &proceed);
};
