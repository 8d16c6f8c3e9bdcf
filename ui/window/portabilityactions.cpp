// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/window/portabilityactions.h"

#include "models/portability/vmcloner.h"
#include "models/portability/vmexporter.h"
#include "models/portability/vmimporter.h"
#include "models/vm/vmlibrary.h"
#include "ui/widgets/messagebar.h"
#include "ui/window/clonedialog.h"

#include <QAction>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMainWindow>
#include <QMimeData>
#include <QProgressDialog>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace {

/// The one local .berth file among @p mime's URLs, or empty.
QString droppedBundle(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls() || mime->urls().size() != 1)
        return {};
    const QUrl url = mime->urls().first();
    return url.isLocalFile() && url.toLocalFile().endsWith(".berth"_L1, Qt::CaseInsensitive)
               ? url.toLocalFile()
               : QString();
}

} // namespace

PortabilityActions::PortabilityActions(VmLibrary *library, QMainWindow *window,
                                       MessageBar *messages)
    : QObject(window)
    , m_library(library)
    , m_window(window)
    , m_messages(messages)
    , m_clone(new QAction(tr("&Clone…"), this))
    , m_export(new QAction(tr("E&xport…"), this))
    , m_import(new QAction(tr("&Import…"), this))
{
    m_clone->setObjectName(u"actionClone"_s);
    m_clone->setStatusTip(tr("Make a copy of the virtual machine (while it is shut down)"));
    m_export->setObjectName(u"actionExport"_s);
    m_export->setStatusTip(
        tr("Write the virtual machine into one Berth bundle file (while it is shut down)"));
    m_import->setObjectName(u"actionImport"_s);
    m_import->setStatusTip(tr("Add a virtual machine from a Berth bundle file"));
    connect(m_clone, &QAction::triggered, this, &PortabilityActions::askClone);
    connect(m_export, &QAction::triggered, this, &PortabilityActions::askExport);
    connect(m_import, &QAction::triggered, this, &PortabilityActions::askImport);
    window->setAcceptDrops(true);
    window->installEventFilter(this);
    updateEnabled();
}

PortabilityActions::~PortabilityActions() = default;

void PortabilityActions::setCurrent(const VmEntry *entry)
{
    m_current = entry && !entry->isBroken() ? entry->name() : QString();
    updateEnabled();
}

void PortabilityActions::updateEnabled()
{
    m_clone->setEnabled(!isBusy() && !m_current.isEmpty());
    m_export->setEnabled(!isBusy() && !m_current.isEmpty());
    m_import->setEnabled(!isBusy());
}

void PortabilityActions::askClone()
{
    if (m_current.isEmpty())
        return;
    CloneDialog dialog(m_library, m_current, m_window);
    if (dialog.exec() == QDialog::Accepted)
        cloneVm(m_current, dialog.name(), dialog.linked());
}

void PortabilityActions::askExport()
{
    if (m_current.isEmpty())
        return;
    const QString plain = tr("Berth bundle (*.berth)");
    const QString compressed = tr("Compressed Berth bundle, smaller and slower (*.berth)");
    QString filter = plain;
    QString file = QFileDialog::getSaveFileName(
        m_window, tr("Export “%1”").arg(m_current), QDir::home().filePath(m_current + u".berth"_s),
        plain + u";;"_s + compressed, &filter, QFileDialog::DontConfirmOverwrite);
    if (file.isEmpty())
        return;
    if (QFileInfo(file).suffix().isEmpty())
        file += u".berth"_s;
    exportVm(m_current, file, filter == compressed);
}

void PortabilityActions::askImport()
{
    const QString file =
        QFileDialog::getOpenFileName(m_window, tr("Import a Virtual Machine"), QDir::homePath(),
                                     tr("Berth bundles (*.berth);;All files (*)"));
    if (!file.isEmpty())
        importFile(file);
}

void PortabilityActions::cloneVm(const QString &source, const QString &name, bool linked)
{
    auto *cloner = new VmCloner(m_library, this);
    run(cloner, tr("Cloning “%1”…").arg(source),
        linked ? tr("Made “%1”, a linked clone of “%2”.").arg(name, source)
               : tr("Made “%1”, a copy of “%2”.").arg(name, source),
        [cloner, source, name, linked] { cloner->clone(source, name, linked); });
}

void PortabilityActions::exportVm(const QString &name, const QString &file, bool compress)
{
    auto *exporter = new VmExporter(m_library, this);
    run(exporter, tr("Exporting “%1”…").arg(name), tr("Exported “%1” to %2.").arg(name, file),
        [exporter, name, file, compress] { exporter->exportVm(name, file, compress); });
}

void PortabilityActions::importFile(const QString &file, const QString &name)
{
    auto *importer = new VmImporter(m_library, this);
    run(importer, tr("Importing %1…").arg(QFileInfo(file).fileName()), QString(),
        [importer, file, name] { importer->importFile(file, name); });
}

void PortabilityActions::run(VmCopyJob *job, const QString &label, const QString &done,
                             const std::function<void()> &start)
{
    if (isBusy()) {
        delete job;
        m_messages->showMessage(MessageBar::Kind::Warning,
                                tr("Wait for the running copy to end, or cancel it."));
        return;
    }
    m_job = job;
    updateEnabled();
    // Window-modal: the list and the VMs' screens keep running behind it.
    m_progress = new QProgressDialog(label, tr("Cancel"), 0, 100, m_window);
    m_progress->setObjectName(u"portabilityProgress"_s);
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(300);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setValue(0);
    connect(m_progress, &QProgressDialog::canceled, job, &VmCopyJob::cancel);
    connect(job, &VmCopyJob::progress, m_progress,
            [this](double percent) { m_progress->setValue(int(percent)); });
    connect(job, &VmCopyJob::finished, this, [this, job, done](const Outcome<> &outcome) {
        if (m_progress)
            m_progress->deleteLater();
        job->deleteLater();
        m_job = nullptr;
        updateEnabled();
        if (outcome) {
            QString text = done;
            if (auto *importer = qobject_cast<VmImporter *>(job)) {
                text = tr("Imported “%1”.").arg(importer->definition().name);
                if (importer->uuidChanged())
                    text += u' ' + tr("A virtual machine with its UUID exists already: it "
                                      "was given a new one.");
            }
            m_messages->showMessage(MessageBar::Kind::Information, text);
        } else if (!job->wasCancelled()) {
            m_messages->showMessage(MessageBar::Kind::Error, outcome.failure().message());
        }
        Q_EMIT finished(outcome);
    });
    start();
}

bool PortabilityActions::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::DragEnter) {
        auto *drag = static_cast<QDragEnterEvent *>(event);
        if (!droppedBundle(drag->mimeData()).isEmpty() && !isBusy()) {
            drag->acceptProposedAction();
            return true;
        }
    } else if (watched == m_window && event->type() == QEvent::Drop) {
        auto *drop = static_cast<QDropEvent *>(event);
        if (const QString file = droppedBundle(drop->mimeData()); !file.isEmpty()) {
            drop->acceptProposedAction();
            // After the drop has returned to the dragging application.
            QMetaObject::invokeMethod(
                this, [this, file] { importFile(file); }, Qt::QueuedConnection);
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}
