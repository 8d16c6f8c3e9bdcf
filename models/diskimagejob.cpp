#include "diskimagejob.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

DiskImageJob::DiskImageJob(QObject *parent)
    : QObject(parent)
{
    connect(&m_process, &QProcess::finished, this, &DiskImageJob::onFinished);
    connect(&m_process, &QProcess::errorOccurred, this, &DiskImageJob::onError);
}

DiskImageJob::~DiskImageJob()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.disconnect(this);
        m_process.kill(); // QProcess's destructor reaps it; SIGKILL makes that immediate
        if (!m_path.isEmpty())
            QFile::remove(m_path);
    }
}

void DiskImageJob::start(const QString &path, qint64 sizeBytes, const QString &format)
{
    m_cancelled = false;
    m_done = false;
    m_path.clear(); // never remove a file this job did not write
    if (QFileInfo::exists(path)) {
        QMetaObject::invokeMethod(
            this, [this, path] { finish(tr("%1 exists already.").arg(path)); },
            Qt::QueuedConnection);
        return;
    }
    m_path = path;
    m_process.start(u"qemu-img"_s,
                    {u"create"_s, u"-q"_s, u"-f"_s, format, path, QString::number(sizeBytes)});
}

void DiskImageJob::cancel()
{
    if (m_done)
        return;
    m_cancelled = true;
    if (m_process.state() != QProcess::NotRunning)
        m_process.kill(); // finished() follows from the event loop
}

bool DiskImageJob::isRunning() const
{
    return !m_done;
}

void DiskImageJob::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_cancelled) {
        finish(tr("Cancelled."));
        return;
    }
    if (status != QProcess::NormalExit) {
        finish(tr("qemu-img crashed."));
        return;
    }
    if (exitCode != 0) {
        QString why = QString::fromLocal8Bit(m_process.readAllStandardError()).trimmed();
        if (why.startsWith("qemu-img: "_L1))
            why = why.mid(10);
        finish(why.isEmpty() ? tr("qemu-img failed (exit code %1).").arg(exitCode) : why);
        return;
    }
    finish({});
}

void DiskImageJob::onError(QProcess::ProcessError error)
{
    // Crashes and exits arrive through finished(); only a failed start ends here.
    if (error == QProcess::FailedToStart)
        finish(tr("qemu-img was not found; install the qemu-utils package."));
}

void DiskImageJob::finish(const QString &error)
{
    if (m_done)
        return;
    m_done = true;
    if (!error.isEmpty() && !m_path.isEmpty())
        QFile::remove(m_path);
    Q_EMIT finished(error);
}
