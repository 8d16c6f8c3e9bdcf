// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QObject>
#include <QUuid>

class QSocketNotifier;
class QTimer;

/// Tells when a QEMU process ends, though it is not our child (it runs detached and may
/// have been started by another Berth process).
///
/// Event-driven: a pidfd (pidfd_open(2), Linux 5.3) becomes readable when the process
/// ends, and a QSocketNotifier wakes the event loop. Signals go through the pidfd too, so
/// a recycled pid is never signalled. Only on kernels without pidfds does it fall back to
/// checking /proc every half second.
class QemuProcessWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QemuProcessWatcher)

public:
    explicit QemuProcessWatcher(QObject *parent = nullptr);
    ~QemuProcessWatcher() override;

    /// Starts watching @p pid (stops watching any other). Returns false when no such
    /// process exists any more; exited() is not emitted then.
    bool watch(qint64 pid);
    /// Stops watching without emitting anything.
    void stop();

    qint64 pid() const { return m_pid; }
    /// Whether the watched process still runs (a zombie has ended). Does not block.
    bool isRunning() const;
    /// Sends @p signal to the watched process. False when it has ended or on error.
    bool sendSignal(int signal) const;

    /// Whether @p pid is a QEMU started for the VM @p uuid: /proc/<pid>/cmdline has a
    /// program named like qemu and "-uuid <uuid>". False for zombies and other users'
    /// processes we cannot read.
    static bool isQemuFor(qint64 pid, const QUuid &uuid);
    /// The arguments of @p pid (argv[0] first) when it is a live process of this user;
    /// empty otherwise (gone, a zombie's, another user's).
    static QList<QByteArray> argumentsOf(qint64 pid);

Q_SIGNALS:
    /// The watched process ended. Emitted once per watch().
    void exited();

private:
    void onEnded();

    qint64 m_pid = 0;
    int m_pidfd = -1;
    QSocketNotifier *m_notifier = nullptr;
    QTimer *m_fallbackTimer = nullptr;
};
