// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/pages/diskresizedialog.h"

#include "models/common/bytesize.h"
#include "models/disks/diskimagejob.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

QString formatSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

/// @p bytes as a size to type: whole GiB ("40G") or else MiB, rounded up ("16M").
QString suggestedSize(qint64 bytes)
{
    constexpr qint64 kMiB = 1024 * 1024;
    constexpr qint64 kGiB = 1024 * kMiB;
    if (bytes % kGiB == 0)
        return QString::number(bytes / kGiB) + u'G';
    return QString::number((bytes + kMiB - 1) / kMiB) + u'M';
}

} // namespace

DiskResizeDialog::DiskResizeDialog(const QString &imagePath, VmLibrary *library, QWidget *parent)
    : QDialog(parent)
    , m_path(imagePath)
    , m_job(new DiskImageJob(this))
    , m_current(new QLabel(tr("Reading…"), this))
    , m_size(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(u"diskResizeDialog"_s);
    setWindowTitle(tr("Resize Disk"));
    m_job->setLibrary(library);
    auto *file = new QLabel(QFileInfo(imagePath).fileName(), this);
    file->setToolTip(imagePath);
    m_size->setObjectName(u"newSizeEdit"_s);
    m_size->setPlaceholderText(tr("e.g. 40G"));
    m_problem->setObjectName(u"resizeProblem"_s);
    m_problem->setWordWrap(true);
    m_busy->setRange(0, 0);
    m_busy->hide();
    QPushButton *resize = m_buttons->addButton(tr("&Resize"), QDialogButtonBox::AcceptRole);
    resize->setObjectName(u"resizeButton"_s);

    auto *form = new QFormLayout;
    form->addRow(tr("Image:"), file);
    form->addRow(tr("Size now:"), m_current);
    form->addRow(tr("&New size:"), m_size);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    auto *note = new QLabel(tr("The disk grows; the guest's partitions and file systems do not. "
                               "Grow them inside the guest afterwards."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);
    layout->addWidget(m_problem);
    layout->addWidget(m_busy);
    layout->addWidget(m_buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);

    connect(m_size, &QLineEdit::textChanged, this, &DiskResizeDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &DiskResizeDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        const std::optional<qint64> bytes = parseByteSize(m_size->text());
        if (!bytes)
            return;
        m_resizing = true;
        m_jobError.clear();
        m_job->resize(m_path, *bytes);
        updateState();
    });
    connect(m_job, &DiskImageJob::finished, this, [this](const Outcome<> &outcome) {
        if (m_resizing) {
            onFinished(outcome.ok(), outcome ? QString() : outcome.failure().message());
            return;
        }
        if (outcome) {
            m_currentSize = m_job->imageInfo().virtualSize;
            m_current->setText(formatSize(m_currentSize));
            if (m_size->text().isEmpty())
                m_size->setText(suggestedSize(m_currentSize * 2));
        } else {
            m_current->setText(outcome.failure().message());
        }
        updateState();
    });
    m_job->info(m_path);
    updateState();
}

DiskResizeDialog::~DiskResizeDialog() = default;

void DiskResizeDialog::reject()
{
    if (m_job->isRunning())
        m_job->cancel();
    QDialog::reject();
}

void DiskResizeDialog::onFinished(bool ok, const QString &message)
{
    m_resizing = false;
    if (ok) {
        accept();
        return;
    }
    m_jobError = message;
    updateState();
}

void DiskResizeDialog::updateState()
{
    const std::optional<qint64> bytes = parseByteSize(m_size->text());
    QString why;
    if (!m_size->text().isEmpty() && !bytes)
        why = tr("Type a size such as 40G or 512M.");
    else if (bytes && m_currentSize > 0 && *bytes <= m_currentSize)
        why = tr("The new size must be larger than %1.").arg(formatSize(m_currentSize));
    m_problem->setText(why.isEmpty() ? m_jobError : why);
    m_busy->setVisible(m_job->isRunning());
    m_size->setEnabled(!m_resizing);
    for (QAbstractButton *b : m_buttons->buttons()) {
        if (m_buttons->buttonRole(b) == QDialogButtonBox::AcceptRole)
            b->setEnabled(!m_job->isRunning() && bytes && why.isEmpty() && m_currentSize > 0);
    }
}
