// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/pages/desktopshortcutdialog.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

DesktopShortcutDialog::DesktopShortcutDialog(const QString &vmName, const QString &libraryRoot,
                                             QWidget *parent)
    : QDialog(parent)
    , m_desktop(new QRadioButton(this))
    , m_menu(new QRadioButton(this))
    , m_other(new QRadioButton(tr("In another &folder:"), this))
    , m_folder(new QLineEdit(this))
    , m_browse(new QPushButton(tr("&Browse…"), this))
    , m_fullScreen(new QCheckBox(tr("Open it f&ull screen"), this))
    , m_command(new QLabel(this))
    , m_note(new QLabel(this))
{
    setObjectName(u"desktopShortcutDialog"_s);
    setWindowTitle(tr("Create Shortcut"));
    m_base.vmName = vmName;
    m_base.libraryRoot = libraryRoot;
    m_base.berthBinary = QCoreApplication::applicationFilePath();

    auto *intro = new QLabel(tr("A launcher that opens only the screen of “%1”, in a window of "
                                "its own, and starts it when it is shut down.")
                                 .arg(vmName),
                             this);
    intro->setWordWrap(true);
    const QString desktop = DesktopShortcut::folderOf(DesktopShortcut::Place::Desktop);
    const QString menu = DesktopShortcut::folderOf(DesktopShortcut::Place::Applications);
    // The home folder as ~: the menu's folder is long otherwise.
    const auto shown = [](const QString &folder) {
        const QString home = QDir::homePath();
        return folder.startsWith(home + u'/') ? u"~"_s + folder.mid(home.size())
                                              : QDir::toNativeSeparators(folder);
    };
    m_desktop->setText(tr("On the &desktop (%1)").arg(shown(desktop)));
    m_desktop->setObjectName(u"shortcutOnDesktop"_s);
    m_menu->setText(tr("In the &applications menu (%1)").arg(shown(menu)));
    m_menu->setObjectName(u"shortcutInMenu"_s);
    m_other->setObjectName(u"shortcutElsewhere"_s);
    m_folder->setObjectName(u"shortcutFolder"_s);
    m_fullScreen->setObjectName(u"shortcutFullScreen"_s);
    m_command->setObjectName(u"shortcutCommand"_s);
    m_command->setWordWrap(true);
    m_command->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->setObjectName(u"shortcutNote"_s);
    m_note->setWordWrap(true);
    m_note->setMinimumHeight(fontMetrics().lineSpacing()); // no jump when it appears
    // Without a desktop folder "the desktop" would be the menu's folder: offer it once.
    m_desktop->setVisible(desktop != menu);
    (DesktopShortcut::defaultPlace() == DesktopShortcut::Place::Desktop ? m_desktop : m_menu)
        ->setChecked(true);
    auto *places = new QButtonGroup(this);
    for (QRadioButton *b : {m_desktop, m_menu, m_other})
        places->addButton(b);

    auto *otherRow = new QHBoxLayout;
    otherRow->setContentsMargins(24, 0, 0, 0);
    otherRow->addWidget(m_folder, 1);
    otherRow->addWidget(m_browse);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_create = buttons->addButton(tr("C&reate"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(u"shortcutCreate"_s);
    m_create->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addSpacing(6);
    layout->addWidget(new QLabel(tr("Put it:"), this));
    layout->addWidget(m_desktop);
    layout->addWidget(m_menu);
    layout->addWidget(m_other);
    layout->addLayout(otherRow);
    layout->addSpacing(6);
    layout->addWidget(m_fullScreen);
    layout->addWidget(m_command);
    layout->addWidget(m_note);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(520);

    connect(places, &QButtonGroup::buttonToggled, this, &DesktopShortcutDialog::update);
    connect(m_folder, &QLineEdit::textChanged, this, &DesktopShortcutDialog::update);
    connect(m_fullScreen, &QCheckBox::toggled, this, &DesktopShortcutDialog::update);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(
            this, tr("Folder for the Shortcut"),
            m_folder->text().isEmpty() ? QDir::homePath() : m_folder->text());
        if (!folder.isEmpty()) {
            m_folder->setText(folder);
            m_other->setChecked(true);
        }
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    update();
}

DesktopShortcut::Request DesktopShortcutDialog::request() const
{
    DesktopShortcut::Request r = m_base;
    r.fullScreen = m_fullScreen->isChecked();
    if (m_desktop->isChecked())
        r.folder = DesktopShortcut::folderOf(DesktopShortcut::Place::Desktop);
    else if (m_menu->isChecked())
        r.folder = DesktopShortcut::folderOf(DesktopShortcut::Place::Applications);
    else if (QFileInfo(m_folder->text().trimmed()).isAbsolute())
        r.folder = QDir::cleanPath(m_folder->text().trimmed());
    return r;
}

void DesktopShortcutDialog::update()
{
    m_folder->setEnabled(m_other->isChecked());
    m_browse->setEnabled(m_other->isChecked());
    const DesktopShortcut::Request r = request();
    m_create->setEnabled(!r.folder.isEmpty());
    QStringList exec{u"berth"_s, u"view"_s, DesktopShortcut::quoteExecArgument(r.vmName)};
    if (r.fullScreen)
        exec << u"--fullscreen"_s;
    m_command->setText(tr("It runs: %1").arg(exec.join(u' ')));
    if (r.folder.isEmpty())
        m_note->setText(tr("Choose a folder (a full path)."));
    else if (QFileInfo::exists(DesktopShortcut::pathFor(r)))
        m_note->setText(tr("It replaces the shortcut of “%1” already there.").arg(r.vmName));
    else
        m_note->clear();
}
