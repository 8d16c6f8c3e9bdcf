// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/common/outcome.h"

#include <QObject>
#include <QPointer>
#include <QString>

class MessageBar;
class QAction;
class QMainWindow;
class QProgressDialog;
class VmCopyJob;
struct VmEntry;
class VmLibrary;

/// The window's Clone…, Export… and Import… actions, and a Berth bundle dropped on the
/// window: each asks what it needs (a dialog, a file), then runs the same job as `berth
/// clone`, `berth export` and `berth import` (VmCloner, VmExporter, VmImporter) with a
/// progress dialog whose Cancel cancels it. Nothing blocks the GUI thread: the jobs run
/// through qemu-img and a worker thread. Results and failures go to the message bar.
/// One job at a time; the actions are disabled while one runs.
class PortabilityActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PortabilityActions)

public:
    /// @p library must outlive this; @p window is where dialogs and drops belong.
    PortabilityActions(VmLibrary *library, QMainWindow *window, MessageBar *messages);
    ~PortabilityActions() override;

    QAction *cloneAction() const { return m_clone; }
    QAction *exportAction() const { return m_export; }
    QAction *importAction() const { return m_import; }

    /// The VM the Clone… and Export… actions act on (the window's current one), or null.
    void setCurrent(const VmEntry *entry);

    /// The jobs, without their dialogs (the dialogs end here; tests call them directly).
    void cloneVm(const QString &source, const QString &name, bool linked);
    void exportVm(const QString &name, const QString &file, bool compress);
    void importFile(const QString &file, const QString &name = {});
    bool isBusy() const { return !m_job.isNull(); }

Q_SIGNALS:
    /// A job ended (after its message was shown).
    void finished(const Outcome<> &outcome);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void askClone();
    void askExport();
    void askImport();
    void run(VmCopyJob *job, const QString &label, const QString &done,
             const std::function<void()> &start);
    void updateEnabled();

    VmLibrary *m_library;
    QMainWindow *m_window;
    MessageBar *m_messages;
    QAction *m_clone;
    QAction *m_export;
    QAction *m_import;
    QString m_current; ///< the current VM's name; empty when none or broken
    QPointer<VmCopyJob> m_job;
    QPointer<QProgressDialog> m_progress;
};
