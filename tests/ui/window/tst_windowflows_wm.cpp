// SPDX-License-Identifier: GPL-2.0-or-later
// The window as a new user meets it (issue 14), on a real desktop: the berth binary on a
// private Xvfb with openbox (tests/support/with-openbox.sh), driven from outside with
// xdotool, with the tiny test guest under TCG. One Berth per session: a second launch
// raises the first window, `berth view` shows the VM there, and without a system tray
// closing the window ends Berth (the VM keeps running) instead of hiding it.
#include "models/vm/vmlibrary.h"
#include "tests/support/berthrun.h"
#include "tests/support/testguest.h"
#include "tests/support/verifyoutcome.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kWindowTimeoutMs = 60'000;
constexpr int kStartTimeoutMs = 120'000;

/// xdotool's answer (stdout, trimmed); empty when it found nothing.
QString xdotool(const QStringList &arguments)
{
    QProcess p;
    p.start(u"xdotool"_s, arguments);
    if (!p.waitForFinished(30'000))
        return {};
    return QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed();
}

/// The visible X windows whose title is exactly @p title. (xdotool's own --name pattern is
/// matched against the Latin-1 WM_NAME: the em dash of "web — Berth" is not there.)
QStringList windowsTitled(const QString &title)
{
    const QString all = xdotool({u"search"_s, u"--onlyvisible"_s, u"--name"_s, u"."_s});
    QStringList matching;
    for (const QString &id : all.split(u'\n', Qt::SkipEmptyParts)) {
        if (xdotool({u"getwindowname"_s, id}) == title)
            matching << id;
    }
    return matching;
}

} // namespace

class TestWindowFlowsWm final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QProcessEnvironment m_env;
    std::unique_ptr<QProcess> m_window;

    QString library() const { return m_home.filePath(u"library"_s); }
    QString runtime() const { return m_home.filePath(u"run"_s); }

    BerthRun berth(const QStringList &arguments, int timeoutMs = kStartTimeoutMs) const
    {
        return BerthRun::run(QStringLiteral(BERTH_BINARY), arguments, m_env, timeoutMs);
    }

    /// Starts `berth` (the window) and waits until its window titled @p title shows.
    bool openWindow(const QString &title)
    {
        m_window = std::make_unique<QProcess>();
        m_window->setProcessEnvironment(m_env);
        m_window->setProcessChannelMode(QProcess::ForwardedChannels);
        m_window->start(QStringLiteral(BERTH_BINARY), {});
        return m_window->waitForStarted() &&
               QTest::qWaitFor([&] { return windowsTitled(title).size() == 1; }, kWindowTimeoutMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(TestGuest::isAvailable(), "the test guest is not built (run through ctest)");
        QVERIFY(m_home.isValid());
        QVERIFY(QDir().mkpath(runtime()));
        QFile::setPermissions(runtime(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(u"XDG_RUNTIME_DIR"_s, runtime());
        m_env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        m_env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
        m_env.insert(u"BERTH_LIBRARY"_s, library());
        m_env.insert(u"LANGUAGE"_s, u"en"_s);
        m_env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s); // no tray from the outer desktop
        VmLibrary lib(library());
        QVERIFY_OUTCOME(lib.reload());
        VmDefinition guest = TestGuest::definition(u"guest"_s);
        QVERIFY_OUTCOME(lib.create(guest));
    }

    void cleanupTestCase()
    {
        if (m_window && m_window->state() != QProcess::NotRunning) {
            m_window->kill();
            m_window->waitForFinished();
        }
        TestGuest::killLeftoverQemus(runtime());
    }

    // ---- 1. One Berth per session -------------------------------------------------------

    void secondLaunchRaisesTheFirstWindow()
    {
        QVERIFY(openWindow(u"guest — Berth"_s));
        const QStringList first = windowsTitled(u"guest — Berth"_s);
        // Something else in front: the first window is minimised.
        xdotool({u"windowminimize"_s, u"--sync"_s, first.value(0)});

        const BerthRun second = berth({}, kWindowTimeoutMs);
        VERIFY_RUN(second, 0);
        QCOMPARE(m_window->state(), QProcess::Running);
        QTRY_COMPARE_WITH_TIMEOUT(xdotool({u"getactivewindow"_s}), first.value(0),
                                  kWindowTimeoutMs);
        QCOMPARE(windowsTitled(u"guest — Berth"_s), first);
    }

    void viewShowsTheVmInTheRunningWindow()
    {
        const QStringList window = windowsTitled(u"guest — Berth"_s);
        QCOMPARE(window.size(), 1);
        // Starts the VM, then the running window shows its screen: no second window.
        const BerthRun view = berth({u"view"_s, u"guest"_s});
        VERIFY_RUN(view, 0);
        QCOMPARE(windowsTitled(u"guest — Berth"_s), window);
        // The window manager activates it when it gets to it.
        QTRY_COMPARE_WITH_TIMEOUT(xdotool({u"getactivewindow"_s}), window.value(0),
                                  kWindowTimeoutMs);
        QCOMPARE(m_window->state(), QProcess::Running);
    }

    void withoutATrayClosingEndsBerthAndTheVmRuns()
    {
        const BerthRun status = berth({u"status"_s, u"guest"_s, u"--json"_s});
        VERIFY_RUN(status, 0);
        QCOMPARE(status.object().value(u"state"_s).toString(), u"running"_s);
        const QString window = windowsTitled(u"guest — Berth"_s).value(0);
        QVERIFY(!window.isEmpty());
        xdotool({u"windowactivate"_s, u"--sync"_s, window});
        xdotool({u"key"_s, u"--window"_s, window, u"alt+F4"_s});
        // No tray to keep it in: Berth ends instead of hiding, and the VM keeps running.
        QVERIFY2(m_window->waitForFinished(kWindowTimeoutMs), "Berth hid instead of ending");
        QCOMPARE(m_window->exitCode(), 0);
        const BerthRun after = berth({u"status"_s, u"guest"_s, u"--json"_s});
        QCOMPARE(after.object().value(u"state"_s).toString(), u"running"_s);
        VERIFY_RUN(berth({u"stop"_s, u"guest"_s, u"--force"_s, u"--timeout"_s, u"30"_s}), 0);
    }
};

QTEST_GUILESS_MAIN(TestWindowFlowsWm)
#include "tst_windowflows_wm.moc"
