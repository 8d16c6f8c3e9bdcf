// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/widgets/filepathedit.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QStyle>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;

FilePathEdit::FilePathEdit(QString dialogTitle, QString nameFilter, QWidget *parent)
    : QWidget(parent)
    , m_dialogTitle(std::move(dialogTitle))
    , m_nameFilter(std::move(nameFilter))
    , m_edit(new QLineEdit(this))
    , m_browse(new QToolButton(this))
    , m_warning(new QAction(this))
{
    m_edit->setClearButtonEnabled(true);
    m_warning->setIcon(
        QIcon::fromTheme(u"dialog-warning"_s, style()->standardIcon(QStyle::SP_MessageBoxWarning)));
    m_browse->setText(tr("Browse…"));
    m_browse->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_browse->setToolTip(m_dialogTitle);
    setFocusProxy(m_edit);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_browse);

    connect(m_browse, &QToolButton::clicked, this, &FilePathEdit::browse);
    connect(m_edit, &QLineEdit::textChanged, this, [this](const QString &text) {
        check();
        Q_EMIT pathChanged(text);
    });
}

FilePathEdit::~FilePathEdit() = default;

QString FilePathEdit::path() const
{
    return m_edit->text().trimmed();
}

void FilePathEdit::setPath(const QString &path)
{
    if (path != m_edit->text())
        m_edit->setText(path);
    check();
}

void FilePathEdit::setPlaceholderText(const QString &text)
{
    m_edit->setPlaceholderText(text);
}

void FilePathEdit::setNewFile(bool newFile)
{
    m_newFile = newFile;
    check();
}

QString FilePathEdit::problem() const
{
    const QString p = path();
    if (p.isEmpty())
        return {};
    if (!QDir::isAbsolutePath(p))
        return tr("%1 is not an absolute path.").arg(p);
    const QFileInfo fi(p);
    if (m_newFile) {
        if (fi.isDir())
            return tr("%1 is a folder; add a file name.").arg(p);
        if (fi.exists() || fi.isSymLink())
            return tr("%1 exists already; choose another name.").arg(p);
        const QFileInfo folder(fi.absolutePath());
        if (!folder.isDir())
            return tr("The folder %1 does not exist.").arg(folder.filePath());
        if (!folder.isWritable())
            return tr("The folder %1 is not writable.").arg(folder.filePath());
        return {};
    }
    if (!fi.exists())
        return tr("%1 does not exist.").arg(p);
    if (fi.isDir())
        return tr("%1 is a folder, not a file.").arg(p);
    if (!fi.isReadable())
        return tr("%1 cannot be read.").arg(p);
    return {};
}

void FilePathEdit::check()
{
    const QString why = problem();
    // Added only while there is something to say: a hidden action still takes room.
    if (why.isEmpty())
        m_edit->removeAction(m_warning);
    else if (!m_edit->actions().contains(m_warning))
        m_edit->addAction(m_warning, QLineEdit::TrailingPosition);
    m_warning->setToolTip(why);
    m_edit->setToolTip(why.isEmpty() ? path() : why);
}

void FilePathEdit::browse()
{
    // Asynchronous: the dialog is window-modal and the event loop keeps running.
    auto *dialog = new QFileDialog(window(), m_dialogTitle);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(m_newFile ? QFileDialog::AnyFile : QFileDialog::ExistingFile);
    if (m_newFile) {
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        dialog->setOption(QFileDialog::DontConfirmOverwrite); // problem() refuses it instead
    }
    dialog->setNameFilters({m_nameFilter, tr("All files (*)")});
    const QFileInfo current(path());
    const bool folderExists = !path().isEmpty() && QFileInfo(current.absolutePath()).isDir();
    dialog->setDirectory(folderExists ? current.absolutePath() : QDir::homePath());
    if (current.isFile() || (m_newFile && folderExists))
        dialog->selectFile(current.absoluteFilePath());
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) {
        setPath(QDir::toNativeSeparators(file));
        m_edit->setFocus();
    });
    dialog->open();
}
