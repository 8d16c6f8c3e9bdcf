// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QCheckBox;
class QLabel;
class QLineEdit;

/// Edit → Preferences (Ctrl+,): Berth's settings (AppSettings).
///
///   library folder     where VMs are kept; empty for the default (applies at next start)
///   accelerator        the one new VMs get
///   statistics         how often CPU and memory are sampled
///   memory             the overcommit ratio of MemoryAdmission (`berth host --overcommit-ratio`)
///                      and the memory balancer (`berth host --balancer`)
///   closing the window while VMs run: keep Berth in the tray, quit (VMs keep running), ask
///   language           the system's, or one Berth has a translation for (next start)
///
/// The dialog shows the stored values when it opens; OK stores them (save()), Cancel
/// drops them. It is window-modal and opened with open(), never exec().
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)

public:
    /// @p libraryInUse: the library this window shows (--library or BERTH_LIBRARY may
    /// override the folder set here for this session).
    explicit PreferencesDialog(const QString &libraryInUse, QWidget *parent = nullptr);
    ~PreferencesDialog() override;

    /// Writes the dialog's values to AppSettings.
    void save();

    void accept() override;

Q_SIGNALS:
    /// save() stored new values.
    void saved();

private:
    void load();
    void browseLibrary();
    void updateRestartNote();

    QLineEdit *m_library;
    QComboBox *m_accelerator;
    QDoubleSpinBox *m_statsInterval;
    QDoubleSpinBox *m_overcommitRatio;
    QCheckBox *m_balancer;
    QComboBox *m_closeAction;
    QComboBox *m_language;
    QLabel *m_restartNote;
    QString m_loadedLibrary;
    QString m_loadedLanguage;
};
