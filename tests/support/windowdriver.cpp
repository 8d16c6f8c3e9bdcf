// SPDX-License-Identifier: GPL-2.0-or-later
#include "tests/support/windowdriver.h"

#include "models/itemmodels/vmlistmodel.h"
#include "models/vm/qemulog.h"
#include "models/vm/vminstance.h"
#include "tests/support/testguest.h"
#include "ui/widgets/messagebar.h"
#include "ui/widgets/vmlistview.h"
#include "ui/wizards/diskimagewizard.h"
#include "ui/wizards/newvmwizard.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTabBar>
#include <QTest>

#include <csignal>
#include <tuple>

using namespace Qt::Literals::StringLiterals;

bool WindowDriver::isolateSettings()
{
    static QTemporaryDir config;
    if (!config.isValid())
        return false;
    QStandardPaths::setTestModeEnabled(true);
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(config.path()));
    return true;
}

QPalette WindowDriver::darkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2d, 0x2d, 0x30));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x28));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3d));
    dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3d));
    dark.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8c, 0x8c));
    dark.setColor(QPalette::Disabled, QPalette::Text, QColor(0x7a, 0x7a, 0x7a));
    dark.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x7a, 0x7a, 0x7a));
    dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x7a, 0x7a, 0x7a));
    return dark;
}

VmDefinition WindowDriver::plainVm(const QString &name)
{
    VmDefinition d;
    d.name = name;
    d.memoryMiB = 512;
    d.accelerator = Accelerator::Tcg;
    return d;
}

void WindowDriver::typeInto(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

namespace {

template<typename Wizard>
Wizard *waitForShown(QWidget *window)
{
    Wizard *wizard = nullptr;
    const bool shown = QTest::qWaitFor([&] {
        wizard = window->findChild<Wizard *>();
        return wizard && wizard->isVisible();
    });
    return shown ? wizard : nullptr;
}

} // namespace

NewVmWizard *WindowDriver::openNewVmWizard() const
{
    action("actionNewVm")->trigger();
    return waitForShown<NewVmWizard>(m_window.get());
}

DiskImageWizard *WindowDriver::openDiskImageWizard(const char *actionName) const
{
    action(actionName)->trigger();
    return waitForShown<DiskImageWizard>(m_window.get());
}

WindowDriver::WindowDriver()
{
    m_libraryRoot = m_dir.filePath(u"library"_s);
    m_runtimeRoot = m_dir.filePath(u"run"_s);
    QDir().mkpath(m_runtimeRoot);
    QFile::setPermissions(m_runtimeRoot, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtimeRoot));
    qputenv("BERTH_LIBRARY", QFile::encodeName(m_libraryRoot));
    QSettings().clear(); // no geometry, splitter or columns from an earlier test
    m_library = std::make_unique<VmLibrary>(m_libraryRoot);
    if (const Outcome<> loaded = m_library->reload(); !loaded)
        qWarning() << loaded.failure();
}

WindowDriver::~WindowDriver()
{
    closeWindow();
    TestGuest::killLeftoverQemus(m_runtimeRoot); // a test that failed half-way
}

bool WindowDriver::createVm(VmDefinition &definition)
{
    if (const Outcome<> created = m_library->create(definition); !created) {
        qWarning("cannot create %s: %s", qPrintable(definition.name),
                 qPrintable(created.failure().message()));
        return false;
    }
    return true;
}

MainWindow *WindowDriver::openWindow()
{
    m_window = std::make_unique<MainWindow>(m_library.get());
    m_window->show();
    m_window->activateWindow();
    if (!QTest::qWaitForWindowActive(m_window.get()))
        qWarning("the window did not become active");
    return m_window.get();
}

void WindowDriver::closeWindow()
{
    if (!m_window)
        return;
    VmListModel *model = m_window->model();
    for (int r = 0; r < model->rowCount(); ++r) {
        if (const VmInstance *vm = model->instance(model->index(r, 0)); vm && vm->pid() > 0) {
            qWarning("killing QEMU %lld left running by the test", vm->pid());
            ::kill(pid_t(vm->pid()), SIGKILL);
        }
    }
    m_window->close();
    m_window.reset();
}

QModelIndex WindowDriver::row(const QString &vmName, int column) const
{
    const QAbstractItemModel *m = m_window->listView()->model();
    for (int r = 0; r < m->rowCount(); ++r) {
        if (m->index(r, VmListModel::NameColumn).data().toString() == vmName)
            return m->index(r, column);
    }
    return {};
}

bool WindowDriver::select(const QString &vmName)
{
    const QModelIndex index = row(vmName);
    if (!index.isValid())
        return false;
    m_window->listView()->setCurrentIndex(index);
    return m_window->listView()->currentIndex() == index;
}

QString WindowDriver::stateText(const QString &vmName) const
{
    return row(vmName, VmListModel::StateColumn).data().toString();
}

VmInstance *WindowDriver::instance(const QString &vmName) const
{
    VmListModel *model = m_window->model();
    for (int r = 0; r < model->rowCount(); ++r) {
        const QModelIndex i = model->index(r, 0);
        if (i.data().toString() == vmName)
            return model->instance(i);
    }
    return nullptr;
}

bool WindowDriver::waitForState(const QString &vmName, VmState state, int timeoutMs) const
{
    // What the list shows is what a person would go by.
    if (QTest::qWaitFor([&] { return stateText(vmName) == vmStateDisplayName(state); }, timeoutMs))
        return true;
    const VmInstance *vm = instance(vmName);
    const VmEntry *entry = m_library->find(vmName);
    qWarning("%s shows \"%s\" (state %s), not \"%s\" (waited %d ms); last error: %s; "
             "message bar: %s; QEMU said: %s",
             qPrintable(vmName), qPrintable(stateText(vmName)),
             vm ? qPrintable(vmStateName(vm->state())) : "missing",
             qPrintable(vmStateDisplayName(state)), timeoutMs,
             vm ? qPrintable(vm->lastError()) : "-",
             qPrintable(m_window->messageBar()->currentText()),
             entry ? qPrintable(QemuLog::tail(entry->folder)) : "-");
    return false;
}

QAction *WindowDriver::action(const char *objectName) const
{
    return m_window->findChild<QAction *>(QLatin1StringView(objectName));
}

QString WindowDriver::enabledActions() const
{
    const std::pair<const char *, const char *> names[] = {
        {"actionStart", "start"},   {"actionPause", "pause"},       {"actionResume", "resume"},
        {"actionReset", "reset"},   {"actionShutDown", "shutdown"}, {"actionForceOff", "forceoff"},
        {"actionDelete", "delete"}, {"actionNewVm", "new"}};
    QStringList out;
    for (const auto &[object, word] : names) {
        const QAction *a = action(object);
        out << (a && a->isEnabled() ? QString() : u"-"_s) + QLatin1StringView(word);
    }
    return out.join(u' ');
}

QMessageBox *WindowDriver::waitForMessageBox(const QString &objectName, int timeoutMs) const
{
    QMessageBox *box = nullptr;
    std::ignore = QTest::qWaitFor(
        [&] {
            box = m_window->findChild<QMessageBox *>(objectName, Qt::FindDirectChildrenOnly);
            return box && box->isVisible();
        },
        timeoutMs);
    return box && box->isVisible() ? box : nullptr;
}

QDialog *WindowDriver::waitForDialog(const QString &objectName, int timeoutMs) const
{
    QDialog *dialog = nullptr;
    std::ignore = QTest::qWaitFor(
        [&] {
            dialog = m_window->findChild<QDialog *>(objectName, Qt::FindDirectChildrenOnly);
            return dialog && dialog->isVisible();
        },
        timeoutMs);
    return dialog && dialog->isVisible() ? dialog : nullptr;
}

bool WindowDriver::clickButton(QWidget *box, const QString &buttonName)
{
    auto *button = box->findChild<QAbstractButton *>(buttonName);
    if (!button)
        return false;
    QTest::mouseClick(button, Qt::LeftButton);
    return true;
}

QStringList WindowDriver::clippedTexts(QWidget *window)
{
    QStringList problems;
    const auto describe = [](const QWidget *w, const QString &text, int width, int needed) {
        return u"%1 “%2” is %3 px wide, needs %4"_s
            .arg(QString::fromLatin1(w->metaObject()->className()), text)
            .arg(width)
            .arg(needed);
    };
    const QList<QLabel *> labels = window->findChildren<QLabel *>();
    for (const QLabel *l : labels) {
        if (!l->isVisibleTo(window) || l->wordWrap() || l->text().isEmpty())
            continue;
        if (l->width() < l->minimumSizeHint().width())
            problems << describe(l, l->text(), l->width(), l->minimumSizeHint().width());
    }
    const QList<QAbstractButton *> buttons = window->findChildren<QAbstractButton *>();
    for (const QAbstractButton *b : buttons) {
        if (!b->isVisibleTo(window) || b->text().isEmpty())
            continue;
        if (b->width() < b->minimumSizeHint().width())
            problems << describe(b, b->text(), b->width(), b->minimumSizeHint().width());
    }
    const QList<QTabBar *> tabBars = window->findChildren<QTabBar *>();
    for (const QTabBar *t : tabBars) {
        for (int i = 0; t->isVisibleTo(window) && i < t->count(); ++i) {
            const QString text = QString(t->tabText(i)).remove(u'&');
            const int needed = t->fontMetrics().horizontalAdvance(text);
            if (t->tabRect(i).width() < needed)
                problems << describe(t, text, t->tabRect(i).width(), needed);
        }
    }
    return problems;
}
