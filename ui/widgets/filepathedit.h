// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>
#include <QWidget>

class QAction;
class QLineEdit;
class QToolButton;

/// A path to an existing file (or, with setNewFile(), to a file about to be made): a line
/// edit with a "Browse…" button.
///
/// The path is checked as the user types: when it names no readable file (a new file:
/// when it exists already or its folder cannot take it), a warning icon inside the field
/// says why (problem() gives the same sentence). An empty path is not a problem here;
/// whether one is required is the form's business.
class FilePathEdit final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilePathEdit)

public:
    /// @p dialogTitle and @p nameFilter are for the file dialog ("ISO images (*.iso)").
    FilePathEdit(QString dialogTitle, QString nameFilter, QWidget *parent = nullptr);
    ~FilePathEdit() override;

    QString path() const;
    void setPath(const QString &path);
    void setPlaceholderText(const QString &text);
    /// Whether the path names a file to create: Browse… opens a save dialog, and an
    /// existing file is a problem (nothing is ever overwritten).
    void setNewFile(bool newFile);
    bool isNewFile() const { return m_newFile; }

    /// Why path() cannot be used (missing, a folder, unreadable, relative), or empty.
    QString problem() const;

    QLineEdit *lineEdit() const { return m_edit; }

Q_SIGNALS:
    void pathChanged(const QString &path);

private:
    void browse();
    void check();

    QString m_dialogTitle;
    QString m_nameFilter;
    QLineEdit *m_edit;
    QToolButton *m_browse;
    QAction *m_warning;
    bool m_newFile = false;
};
