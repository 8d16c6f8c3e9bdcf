// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/common/outcome.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

/// Blocking work (reading and writing archives) on a thread of its own, so that the window
/// never waits for it: what a job (VmExporter, VmImporter) runs, with progress and cancel.
///
/// The work gets a Control to report bytes done and to ask whether it was cancelled; its
/// Outcome comes back to the owner's thread through the event loop, and so does its
/// progress (reportProgress()). Deleting the owner
/// cancels the work and waits for it to stop (it stops within one block of I/O).
class BackgroundWork final
{
public:
    /// Shared by the work and its owner.
    struct Control
    {
        std::atomic<bool> cancelled = false;
        std::atomic<qint64> bytesDone = 0;

        /// For ArchiveWriter/ArchiveExtractor: records @p done (plus @p base) and says
        /// whether to go on.
        bool proceed(qint64 base, qint64 done)
        {
            bytesDone = base + done;
            return !cancelled;
        }
    };

    BackgroundWork()
    {
        m_progressTimer.setInterval(100);
        QObject::connect(&m_progressTimer, &QTimer::timeout, &m_progressTimer, [this] {
            if (m_totalBytes <= 0 || !m_progress)
                return;
            const double percent =
                qMin(m_ceiling, 100.0 * double(m_control->bytesDone) / double(m_totalBytes));
            if (percent > m_lastPercent) {
                m_lastPercent = percent;
                m_progress(percent);
            }
        });
    }
    ~BackgroundWork() { stop(); }
    BackgroundWork(const BackgroundWork &) = delete;
    BackgroundWork &operator=(const BackgroundWork &) = delete;

    bool isRunning() const { return !m_thread.isNull(); }
    Control &control() { return *m_control; }
    void cancel() { m_control->cancelled = true; }

    /// While the work runs, @p progress gets 0..@p ceiling percent (never decreasing) of
    /// Control::bytesDone against @p totalBytes, ten times a second at most, on the owner's
    /// thread. A ceiling under 100 leaves the end to the owner (finishProgress()).
    void reportProgress(qint64 totalBytes, std::function<void(double)> progress,
                        double ceiling = 100)
    {
        m_totalBytes = totalBytes;
        m_progress = std::move(progress);
        m_ceiling = ceiling;
        m_lastPercent = -1;
    }
    /// Reports 100 percent unless it was reported already.
    void finishProgress()
    {
        if (m_progress && m_lastPercent < 100) {
            m_lastPercent = 100;
            m_progress(100);
        }
    }

    /// Runs @p work on a new thread; @p done gets its outcome on @p owner's thread, unless
    /// stop() was called or @p owner was deleted first.
    template<typename T>
    void start(QObject *owner, std::function<Outcome<T>(Control &)> work,
               std::function<void(const Outcome<T> &)> done)
    {
        m_control = std::make_shared<Control>();
        auto result = std::make_shared<std::optional<Outcome<T>>>();
        QThread *thread = QThread::create([work = std::move(work), result, control = m_control] {
            result->emplace(work(*control));
        });
        m_thread = thread;
        m_progressTimer.start();
        QObject::connect(thread, &QThread::finished, owner,
                         [this, thread, result, done = std::move(done)] {
                             if (m_thread != thread)
                                 return;
                             m_thread = nullptr;
                             m_progressTimer.stop();
                             done(**result);
                         });
        QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
        thread->start();
    }

    /// Cancels the work and waits for its thread; its outcome is dropped.
    void stop()
    {
        m_progressTimer.stop();
        if (QThread *thread = m_thread) {
            m_control->cancelled = true;
            m_thread = nullptr;
            thread->wait();
        }
    }

private:
    std::shared_ptr<Control> m_control = std::make_shared<Control>();
    QPointer<QThread> m_thread;
    QTimer m_progressTimer;
    qint64 m_totalBytes = 0;
    std::function<void(double)> m_progress;
    double m_ceiling = 100;
    double m_lastPercent = -1;
};
