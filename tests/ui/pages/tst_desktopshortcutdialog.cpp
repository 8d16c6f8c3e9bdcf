// SPDX-License-Identifier: GPL-2.0-or-later
// The launcher a VM's display offers (issue 14 item 10: "Create desktop shortcut asks where
// and what"): the dialog's choices and the file DesktopShortcut writes from them.
#include "models/settings/desktopshortcut.h"
#include "ui/pages/desktopshortcutdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestDesktopShortcutDialog final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    static void save(QWidget *w, const QString &name)
    {
        const QString dir = qEnvironmentVariable("BERTH_UI_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(w->grab().save(dir + u'/' + name));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A home of our own with a Desktop folder, and the menu's folder under it.
        QVERIFY(m_home.isValid());
        qputenv("HOME", QFile::encodeName(m_home.path()));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(u"config"_s)));
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.filePath(u"share"_s)));
        QVERIFY(QDir(m_home.path()).mkpath(u"Desktop"_s));
    }

    void execLineQuoting()
    {
        QCOMPARE(DesktopShortcut::quoteExecArgument(u"plain"_s), u"plain"_s);
        QCOMPARE(DesktopShortcut::quoteExecArgument(u"my vm"_s), u"\"my vm\""_s);
        QCOMPARE(DesktopShortcut::quoteExecArgument(u"100%"_s), u"100%%"_s);
        // A quoted $ becomes \$, and the string value escapes that backslash again.
        QCOMPARE(DesktopShortcut::quoteExecArgument(u"a$b"_s), u"\"a\\\\$b\""_s);
    }

    void dialogAsksWhereAndWhat()
    {
        DesktopShortcutDialog dialog(u"My VM"_s, u"/lib rary"_s);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *desktop = dialog.findChild<QRadioButton *>(u"shortcutOnDesktop"_s);
        auto *menu = dialog.findChild<QRadioButton *>(u"shortcutInMenu"_s);
        auto *elsewhere = dialog.findChild<QRadioButton *>(u"shortcutElsewhere"_s);
        auto *folder = dialog.findChild<QLineEdit *>(u"shortcutFolder"_s);
        auto *full = dialog.findChild<QCheckBox *>(u"shortcutFullScreen"_s);
        auto *command = dialog.findChild<QLabel *>(u"shortcutCommand"_s);
        auto *create = dialog.findChild<QPushButton *>(u"shortcutCreate"_s);
        QVERIFY(desktop && menu && elsewhere && folder && full && command && create);

        // The desktop by default, named with its folder; the command it will run shown.
        QVERIFY(desktop->isVisible() && desktop->isChecked());
        QVERIFY2(desktop->text().contains(u"(~/Desktop)"_s), qPrintable(desktop->text()));
        QCOMPARE(dialog.request().folder, m_home.filePath(u"Desktop"_s));
        QVERIFY2(command->text().contains(u"berth view \"My VM\""_s), qPrintable(command->text()));
        QVERIFY(!folder->isEnabled() && create->isEnabled());
        save(&dialog, u"desktop-shortcut.png"_s);

        menu->setChecked(true);
        QCOMPARE(dialog.request().folder, m_home.filePath(u"share/applications"_s));
        full->setChecked(true);
        QVERIFY(dialog.request().fullScreen);
        QVERIFY(command->text().contains(u"--fullscreen"_s));

        // Another folder: only a full path can be created.
        elsewhere->setChecked(true);
        QVERIFY(folder->isEnabled());
        QVERIFY(!create->isEnabled());
        auto *note = dialog.findChild<QLabel *>(u"shortcutNote"_s);
        QVERIFY(note && note->text().contains(u"Choose a folder"_s));
        folder->setText(u"relative/path"_s);
        QVERIFY(!create->isEnabled());
        const QString other = m_home.filePath(u"launchers"_s);
        folder->setText(other);
        QVERIFY(create->isEnabled());

        // What the dialog asks for is what gets written.
        QString error;
        const QString path = DesktopShortcut::write(dialog.request(), &error);
        QVERIFY2(!path.isEmpty(), qPrintable(error));
        QCOMPARE(path, other + u"/berth-view-My_VM.desktop"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY2(text.contains(u" view \"My VM\" --library \"/lib rary\" --fullscreen\n"_s),
                 qPrintable(text));
        const QString validator = QStandardPaths::findExecutable(u"desktop-file-validate"_s);
        if (!validator.isEmpty()) {
            QProcess p;
            p.start(validator, {path});
            QVERIFY(p.waitForFinished());
            QVERIFY2(p.exitCode() == 0, p.readAllStandardOutput().constData());
        }
        // Asked again, it says it replaces that one.
        folder->setText(other + u"/"_s);
        QVERIFY2(note->text().contains(u"replaces"_s), qPrintable(note->text()));
        QApplication::processEvents();
        save(&dialog, u"desktop-shortcut-elsewhere.png"_s);
    }
};

QTEST_MAIN(TestDesktopShortcutDialog)
#include "tst_desktopshortcutdialog.moc"
