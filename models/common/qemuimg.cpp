// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/common/qemuimg.h"

#include <QLoggingCategory>

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

#include <utility>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcQemuImg, "berth.qemuimg", QtWarningMsg)

namespace {

const QString kQemuImg = u"qemu-img"_s;

} // namespace

Failure QemuImgResult::failure() const
{
    const QString command = (QStringList{kQemuImg} + arguments).join(u' ');
    switch (status) {
    case Status::Succeeded:
        break;
    case Status::Failed:
        return Failure(QemuImgError::explain(errors, image, exitCode),
                       u"%1: exit code %2: %3"_s.arg(command).arg(exitCode).arg(
                           QString::fromLocal8Bit(errors).trimmed()));
    case Status::Crashed:
        return Failure(tr("qemu-img crashed while working on %1.").arg(image), command);
    case Status::NotFound:
        return Failure(tr("qemu-img was not found; install the qemu-utils package."), command);
    case Status::Cancelled:
        return Failure(tr("Cancelled."), command);
    }
    return Failure(QemuImgError::explain({}, image, exitCode), command);
}

Outcome<> QemuImgResult::outcome() const
{
    if (ok())
        return {};
    return failure();
}

QemuImg::QemuImg(QObject *parent)
    : QObject(parent)
{}

QemuImg::~QemuImg()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(5000); // SIGKILL: immediate; the files are free afterwards
    }
}

QemuImg *QemuImg::runOnce(const QStringList &arguments, const QString &image, QObject *context,
                          Done done)
{
    auto *qemuImg = new QemuImg(context);
    qemuImg->run(arguments, image, [qemuImg, done](const QemuImgResult &result) {
        qemuImg->deleteLater();
        done(result);
    });
    return qemuImg;
}

void QemuImg::run(const QStringList &arguments, const QString &image, Done done)
{
    QemuImgResult result;
    result.image = image;
    result.arguments = arguments;
    if (m_running) {
        result.status = QemuImgResult::Status::Failed;
        result.exitCode = -1;
        result.errors = tr("Another qemu-img is still running for this operation.").toLocal8Bit();
        QMetaObject::invokeMethod(
            this, [done, result] { done(result); }, Qt::QueuedConnection);
        return;
    }
    ++m_generation;
    m_running = true;
    m_cancelled = false;
    m_result = std::move(result);
    m_done = std::move(done);
    m_progress.reset();
    qCDebug(lcQemuImg) << kQemuImg << arguments;

    auto *process = new QProcess(this);
    // qemu-img ends with the Berth that runs it: an orphan would go on writing a file that
    // nobody commits or removes.
    process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    m_process = process;
    if (arguments.contains(u"-p"_s)) {
        connect(process, &QProcess::readyReadStandardOutput, this, [this, process] {
            if (process != m_process)
                return;
            const QByteArray bytes = process->readAllStandardOutput();
            m_result.output += bytes;
            if (m_progress.feed(bytes))
                Q_EMIT progress(m_progress.percent());
        });
    }
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart || process != m_process)
            return; // crashes and exits arrive through finished()
        process->deleteLater();
        m_process.clear();
        QemuImgResult notFound = std::move(m_result);
        notFound.status = QemuImgResult::Status::NotFound;
        // From the event loop, as every other outcome: the caller may still be in run().
        const quint64 generation = m_generation;
        QMetaObject::invokeMethod(
            this,
            [this, notFound, generation] {
                if (generation == m_generation && m_running)
                    complete(notFound);
            },
            Qt::QueuedConnection);
    });
    connect(process, &QProcess::finished, this,
            [this, process](int exitCode, QProcess::ExitStatus status) {
                onFinished(process, exitCode, status);
            });
    process->setChildProcessModifier([] { ::setpgid(0, 0); });
    process->start(kQemuImg, arguments);
}

void QemuImg::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    if (m_process && m_process->state() != QProcess::NotRunning)
        m_process->kill(); // finished() ends the run once the files are free
}

void QemuImg::onFinished(QProcess *process, int exitCode, QProcess::ExitStatus status)
{
    process->deleteLater();
    if (process != m_process)
        return;
    m_process.clear();
    QemuImgResult result = std::move(m_result);
    result.output += process->readAllStandardOutput();
    result.errors = process->readAllStandardError();
    result.exitCode = exitCode;
    if (m_cancelled)
        result.status = QemuImgResult::Status::Cancelled;
    else if (status != QProcess::NormalExit)
        result.status = QemuImgResult::Status::Crashed;
    else if (exitCode != 0)
        result.status = QemuImgResult::Status::Failed;
    else
        result.status = QemuImgResult::Status::Succeeded;
    if (!result.ok())
        qCDebug(lcQemuImg) << "qemu-img" << result.arguments << "exit" << exitCode << result.errors;
    complete(std::move(result));
}

void QemuImg::complete(QemuImgResult result)
{
    m_running = false;
    const Done done = std::exchange(m_done, nullptr);
    if (done)
        done(result);
}
