// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/common/outcome.h"
#include "models/common/qemuimgoutput.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QStringList>

#include <functional>

/// How one run of qemu-img ended, with what it printed.
struct QemuImgResult
{
    Q_DECLARE_TR_FUNCTIONS(QemuImg)

public:
    enum class Status
    {
        Succeeded, ///< exit code 0
        Failed,    ///< another exit code: see exitCode and errors
        Crashed,   ///< killed by a signal it was not sent by cancel()
        NotFound,  ///< qemu-img could not be started (qemu-utils is not installed)
        Cancelled, ///< QemuImg::cancel() ended it
    };

    Status status = Status::Succeeded;
    int exitCode = 0;
    QByteArray output; ///< stdout
    QByteArray errors; ///< stderr
    QString image;     ///< the image the run was about, for messages
    QStringList arguments;

    bool ok() const { return status == Status::Succeeded; }
    /// Why the run did not succeed, for the user: qemu-img's stderr explained with
    /// QemuImgError::explain() ("... is in use by another program"), or that it crashed, is
    /// not installed or was cancelled. The detail holds the command and qemu-img's own
    /// words. Only when !ok().
    Failure failure() const;
    /// ok(), or failure().
    Outcome<> outcome() const;
};

/// Runs qemu-img without blocking: the one place Berth starts it (disk images, offline
/// snapshots, UEFI variables).
///
/// An argument list, never a shell. qemu-img runs in its own process group, so a Ctrl+C in
/// the terminal reaches Berth (which cancels and cleans up) rather than killing qemu-img
/// behind its back. One run at a time per QemuImg; its callback is called exactly once,
/// always from the event loop (never inside run()), unless the QemuImg is deleted first.
///
/// Progress: with "-p" among the arguments (qemu-img convert), progress() reports
/// qemu-img's percentage as it goes (QemuImgProgress: monotonic).
class QemuImg final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QemuImg)

public:
    using Done = std::function<void(const QemuImgResult &result)>;

    explicit QemuImg(QObject *parent = nullptr);
    /// Kills a qemu-img that still runs and waits the moment it takes to go (SIGKILL), so
    /// the files it had open are free; its callback is not called.
    ~QemuImg() override;

    /// Starts `qemu-img @p arguments`; @p image names the image in messages. @p done gets the
    /// result. A run while another is going is refused (Failed, "still running").
    void run(const QStringList &arguments, const QString &image, Done done);
    /// Kills the running qemu-img; its callback then gets a Cancelled result, once qemu-img
    /// has exited. Nothing when idle.
    void cancel();
    bool isRunning() const { return m_running; }

    /// A run owned by @p context: its own QemuImg, deleted once @p done has been called, or
    /// with @p context (which kills qemu-img; @p done is then never called). Returns it, for
    /// cancel().
    static QemuImg *runOnce(const QStringList &arguments, const QString &image, QObject *context,
                            Done done);

Q_SIGNALS:
    /// "-p" runs only: 0..100, never decreasing.
    void progress(double percent);

private:
    void onFinished(QProcess *process, int exitCode, QProcess::ExitStatus status);
    void complete(QemuImgResult result);

    QPointer<QProcess> m_process;
    bool m_running = false;
    bool m_cancelled = false;
    quint64 m_generation = 0;
    QemuImgResult m_result; ///< the run's arguments and image until it ends
    Done m_done;
    QemuImgProgress m_progress;
};
