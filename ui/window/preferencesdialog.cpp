// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/window/preferencesdialog.h"

#include "models/resources/memorybalancer.h"

#include "models/settings/appsettings.h"
#include "models/settings/uilanguage.h"
#include "models/vm/vmlibrary.h"
#include "ui/pages/definitioneditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

PreferencesDialog::PreferencesDialog(const QString &libraryInUse, QWidget *parent)
    : QDialog(parent)
    , m_library(new QLineEdit(this))
    , m_accelerator(new QComboBox(this))
    , m_statsInterval(new QDoubleSpinBox(this))
    , m_overcommitRatio(new QDoubleSpinBox(this))
    , m_balancer(new QCheckBox(tr("&Balance memory between running VMs when this computer runs "
                                  "short"),
                               this))
    , m_closeAction(new QComboBox(this))
    , m_language(new QComboBox(this))
    , m_restartNote(new QLabel(this))
{
    setObjectName(u"preferencesDialog"_s);
    setWindowTitle(tr("Preferences"));
    setWindowModality(Qt::WindowModal);

    m_library->setObjectName(u"libraryFolder"_s);
    m_library->setPlaceholderText(tr("Default: %1").arg(VmLibrary::standardRoot()));
    m_library->setClearButtonEnabled(true);
    auto *browse = new QPushButton(tr("Browse…"), this);
    browse->setObjectName(u"libraryBrowse"_s);
    connect(browse, &QPushButton::clicked, this, &PreferencesDialog::browseLibrary);
    auto *libraryRow = new QHBoxLayout;
    libraryRow->addWidget(m_library, 1);
    libraryRow->addWidget(browse);

    m_accelerator->setObjectName(u"defaultAccelerator"_s);
    DefinitionEditor::fillAcceleratorChoices(m_accelerator);

    m_statsInterval->setObjectName(u"statsInterval"_s);
    m_statsInterval->setRange(AppSettings::MinStatsIntervalMs / 1000.0,
                              AppSettings::MaxStatsIntervalMs / 1000.0);
    m_statsInterval->setDecimals(2);
    m_statsInterval->setSingleStep(0.25);
    m_statsInterval->setSuffix(tr(" s"));

    m_overcommitRatio->setObjectName(u"overcommitRatio"_s);
    m_overcommitRatio->setRange(AppSettings::MinOvercommitRatio, AppSettings::MaxOvercommitRatio);
    m_overcommitRatio->setDecimals(2);
    m_overcommitRatio->setSingleStep(0.1);
    m_overcommitRatio->setSuffix(tr(" × this computer's memory"));
    m_overcommitRatio->setToolTip(
        tr("How much memory the running VMs may be given together, as a multiple of this "
           "computer's memory. Starting a VM beyond it asks first (berth start refuses it "
           "without --force)."));

    m_balancer->setObjectName(u"memoryBalancer"_s);
    m_balancer->setToolTip(tr("Moves memory between running guests through their balloons: "
                              "reclaims from guests with free memory, gives it back to a guest "
                              "running short (never below its memory target)."));

    m_closeAction->setObjectName(u"closeAction"_s);
    m_closeAction->addItem(tr("Keep Berth running in the system tray"),
                           int(AppSettings::CloseAction::KeepInTray));
    m_closeAction->addItem(tr("Quit Berth; the VMs keep running"),
                           int(AppSettings::CloseAction::Quit));
    m_closeAction->addItem(tr("Ask every time"), int(AppSettings::CloseAction::Ask));

    m_language->setObjectName(u"language"_s);
    const QString systemLanguage = QLocale::system().nativeLanguageName();
    m_language->addItem(systemLanguage.isEmpty() ? tr("System default")
                                                 : tr("System default (%1)").arg(systemLanguage),
                        QString());
    const QStringList languages = UiLanguage::available();
    for (const QString &name : languages)
        m_language->addItem(UiLanguage::nativeName(name), name);

    m_restartNote->setObjectName(u"restartNote"_s);
    m_restartNote->setText(tr("The library folder and the language change when Berth starts "
                              "again."));
    m_restartNote->setWordWrap(true);
    m_restartNote->setForegroundRole(QPalette::PlaceholderText);

    auto *form = new QFormLayout;
    form->addRow(tr("&Library folder:"), libraryRow);
    qobject_cast<QLabel *>(form->labelForField(libraryRow))->setBuddy(m_library);
    // The library this window shows, which --library or BERTH_LIBRARY may have chosen.
    auto *inUse = new QLabel(this);
    inUse->setObjectName(u"libraryInUse"_s);
    inUse->setWordWrap(true);
    inUse->setTextFormat(Qt::PlainText);
    inUse->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const QString configured = AppSettings::libraryFolder().isEmpty()
                                   ? VmLibrary::standardRoot()
                                   : AppSettings::libraryFolder();
    inUse->setText(QDir::cleanPath(configured) == QDir::cleanPath(libraryInUse)
                       ? tr("In use now: %1").arg(libraryInUse)
                       : tr("In use now: %1 (chosen with --library or BERTH_LIBRARY for this "
                            "session)")
                             .arg(libraryInUse));
    form->addRow(QString(), inUse);
    form->addRow(tr("&Accelerator for new VMs:"), m_accelerator);
    form->addRow(tr("&Statistics every:"), m_statsInterval);
    form->addRow(tr("&Memory of running VMs, at most:"), m_overcommitRatio);
    form->addRow(QString(), m_balancer);
    form->addRow(tr("&Closing the window while VMs run:"), m_closeAction);
    form->addRow(tr("Lan&guage:"), m_language);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_restartNote);
    layout->addStretch(1);
    layout->addWidget(buttons);

    // Room for a path and the longest choice, in any language.
    setMinimumWidth(std::max(fontMetrics().averageCharWidth() * 80,
                             fontMetrics().horizontalAdvance(libraryInUse) + 240));

    load();
    connect(m_library, &QLineEdit::textChanged, this, &PreferencesDialog::updateRestartNote);
    connect(m_language, &QComboBox::currentIndexChanged, this,
            &PreferencesDialog::updateRestartNote);
    updateRestartNote();
}

PreferencesDialog::~PreferencesDialog() = default;

void PreferencesDialog::load()
{
    m_loadedLibrary = AppSettings::libraryFolder();
    m_library->setText(m_loadedLibrary);
    m_accelerator->setCurrentIndex(m_accelerator->findData(int(AppSettings::defaultAccelerator())));
    m_statsInterval->setValue(AppSettings::statsIntervalMs() / 1000.0);
    m_overcommitRatio->setValue(AppSettings::overcommitRatio());
    m_balancer->setChecked(MemoryBalancer::enabledInSettings());
    m_closeAction->setCurrentIndex(m_closeAction->findData(int(AppSettings::closeAction())));
    m_loadedLanguage = AppSettings::language();
    int language = m_language->findData(m_loadedLanguage);
    if (language < 0) { // a language Berth no longer ships: keep it visible, not lost
        m_language->addItem(m_loadedLanguage, m_loadedLanguage);
        language = m_language->count() - 1;
    }
    m_language->setCurrentIndex(language);
}

void PreferencesDialog::save()
{
    AppSettings::setLibraryFolder(m_library->text().trimmed());
    AppSettings::setDefaultAccelerator(Accelerator(m_accelerator->currentData().toInt()));
    AppSettings::setStatsIntervalMs(qRound(m_statsInterval->value() * 1000));
    AppSettings::setOvercommitRatio(m_overcommitRatio->value());
    MemoryBalancer::setEnabledInSettings(m_balancer->isChecked());
    AppSettings::setCloseAction(AppSettings::CloseAction(m_closeAction->currentData().toInt()));
    AppSettings::setLanguage(m_language->currentData().toString());
    Q_EMIT saved();
}

void PreferencesDialog::accept()
{
    save();
    QDialog::accept();
}

void PreferencesDialog::browseLibrary()
{
    auto *dialog = new QFileDialog(this, tr("Choose the Library Folder"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    dialog->setDirectory(m_library->text().isEmpty() ? AppSettings::libraryRoot()
                                                     : m_library->text());
    connect(dialog, &QFileDialog::fileSelected, m_library, &QLineEdit::setText);
    dialog->open();
}

void PreferencesDialog::updateRestartNote()
{
    m_restartNote->setVisible(m_library->text().trimmed() != m_loadedLibrary ||
                              m_language->currentData().toString() != m_loadedLanguage);
}
