#pragma once

#include <QObject>
#include <QProcess>
#include <QString>

/// Creates one disk image with qemu-img, without blocking: start() returns at once and
/// finished() reports the result. cancel() kills qemu-img and removes what it wrote.
///
/// (A candidate for models/: it needs no widgets. It lives here until the disk wizard
/// brings a model-layer DiskImage class.)
class DiskImageJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiskImageJob)

public:
    explicit DiskImageJob(QObject *parent = nullptr);
    /// Kills a qemu-img that still runs and removes its partial image.
    ~DiskImageJob() override;

    /// `qemu-img create -q -f FORMAT PATH SIZE`. @p path must not exist yet.
    void start(const QString &path, qint64 sizeBytes,
               const QString &format = QStringLiteral("qcow2"));
    void cancel();
    bool isRunning() const;
    QString path() const { return m_path; }

Q_SIGNALS:
    /// @p error is empty on success; otherwise one sentence for the user.
    void finished(const QString &error);

private:
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onError(QProcess::ProcessError error);
    void finish(const QString &error);

    QProcess m_process;
    QString m_path;
    bool m_cancelled = false;
    bool m_done = true;
};
