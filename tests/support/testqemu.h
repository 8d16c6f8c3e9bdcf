// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

/// A real qemu-system-x86_64 for tests and benchmarks: TCG, no display, paused (-S),
/// with one or more QMP monitors on unix sockets in a private temporary folder.
///
/// QEMU 7.2 serves one client per monitor socket, so a test that needs two clients
/// at once asks for two monitors.
class TestQemu final
{
public:
    explicit TestQemu(int monitors = 1, QStringList extraArguments = {});
    ~TestQemu();
    TestQemu(const TestQemu &) = delete;
    TestQemu &operator=(const TestQemu &) = delete;

    /// $BERTH_TEST_QEMU, or qemu-system-x86_64 from PATH.
    static QString binary();

    /// Starts QEMU and waits (up to 20 s) until every monitor socket accepts connections.
    /// On failure returns false with QEMU's stderr in @p error.
    bool start(QString *error);

    QString monitorPath(int index = 0) const;
    QString directory() const { return m_dir.path(); }
    QProcess &process() { return m_process; }

    /// Kills QEMU (if running) and waits for it.
    void kill();

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    int m_monitors;
    QStringList m_extraArguments;
};
