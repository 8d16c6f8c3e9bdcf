#include "models/disks/diskimagejob.h"

#include "models/disks/diskimageusers.h"
#include "models/settings/appsettings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QRandomGenerator>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcDisk, "berth.disk", QtWarningMsg)

namespace {

const QString kQemuImg = u"qemu-img"_s;

QString absolute(const QString &path)
{
    return path.isEmpty() ? path : QFileInfo(path).absoluteFilePath();
}

QString size(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes);
}

/// Creates @p path only if nothing is there (O_EXCL): the job then knows the file is its own.
bool createExclusive(const QString &path, int *error)
{
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        *error = errno;
        return false;
    }
    ::close(fd);
    return true;
}

} // namespace

DiskImageJob::DiskImageJob(QObject *parent)
    : QObject(parent)
{}

DiskImageJob::~DiskImageJob()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(5000); // SIGKILL: immediate; the file is free afterwards
    }
    if (isRunning() && m_ownsWritten)
        QFile::remove(m_written);
}

void DiskImageJob::setLibrary(VmLibrary *library)
{
    m_library = library;
}

// ---- operations -----------------------------------------------------------------------

void DiskImageJob::start(const QString &path, qint64 sizeBytes, const QString &format)
{
    DiskCreateRequest request;
    request.path = path;
    request.sizeBytes = sizeBytes;
    request.format = format;
    create(request);
}

bool DiskImageJob::begin(Operation operation)
{
    if (isRunning()) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                Q_EMIT finished(Failure(tr("Another disk operation is still running; wait for it "
                                           "or cancel it.")));
            },
            Qt::QueuedConnection);
        return false;
    }
    ++m_generation;
    m_operation = operation;
    m_cancelled = false;
    m_needsShrinkConfirmation = false;
    m_path.clear();
    m_written.clear();
    m_ownsWritten = false;
    m_trackProgress = false;
    m_progress.reset();
    m_info = {};
    m_check = {};
    return true;
}

void DiskImageJob::create(const DiskCreateRequest &request)
{
    if (!begin(Operation::Create))
        return;
    m_path = absolute(request.path);
    if (const QString problem = createProblem(request); !problem.isEmpty())
        return failLater(problem);
    if (QFileInfo::exists(m_path)) {
        if (const QString vm = runningVmUsing(m_path); !vm.isEmpty())
            return failLater(DiskImageUsers::inUseMessage(m_path, vm));
    }
    const QString base = absolute(request.backingFile);
    if (!base.isEmpty()) {
        // A base that a guest writes would change under the clone and corrupt it.
        if (const QString vm = runningVmUsing(base); !vm.isEmpty())
            return failLater(DiskImageUsers::inUseMessage(base, vm));
    }
    whenNotLocked(m_path, [this, request, base] {
        if (base.isEmpty())
            return runCreate(request, {});
        // The base's format is recorded in the clone (-F), so QEMU never has to guess it.
        readInfo(base, true, [this, request, base](const QByteArray &) {
            if (m_info.inUseByAnotherProcess)
                return finish(tr("%1 is open in a running QEMU. A linked clone of a base that "
                                 "changes would be corrupt; stop that VM first.")
                                  .arg(base));
            runCreate(request, m_info.format);
        });
    });
}

void DiskImageJob::runCreate(const DiskCreateRequest &request, const QString &backingFormat)
{
    if (const QString problem =
            spaceProblem(m_path, spaceNeeded(request), tr("Creating %1").arg(m_path));
        !problem.isEmpty())
        return finish(problem);
    if (const QString problem = claim(request.overwrite); !problem.isEmpty())
        return finish(problem);

    QStringList args{u"create"_s, u"-q"_s, u"-f"_s, request.format};
    if (request.preallocation != DiskPreallocation::Off)
        args << u"-o"_s << u"preallocation="_s + preallocationName(request.preallocation);
    if (!request.backingFile.isEmpty())
        args << u"-b"_s << absolute(request.backingFile) << u"-F"_s << backingFormat;
    args << m_written;
    if (request.sizeBytes > 0)
        args << QString::number(request.sizeBytes);
    runQemuImg(args, [this](const QByteArray &) { finish(commit()); });
}

void DiskImageJob::info(const QString &path)
{
    if (!begin(Operation::Info))
        return;
    m_path = absolute(path);
    if (!QFileInfo(m_path).isFile())
        return failLater(tr("%1 does not exist.").arg(m_path));
    readInfo(m_path, true, [this](const QByteArray &) { finish({}); });
}

void DiskImageJob::check(const QString &path)
{
    if (!begin(Operation::Check))
        return;
    m_path = absolute(path);
    if (!QFileInfo(m_path).isFile())
        return failLater(tr("%1 does not exist.").arg(m_path));
    // A check of an image a guest is writing reports changes in flight as errors.
    if (const QString vm = runningVmUsing(m_path); !vm.isEmpty())
        return failLater(DiskImageUsers::inUseMessage(m_path, vm));
    readInfo(m_path, false, [this](const QByteArray &) {
        const auto report = [this](const QByteArray &out) {
            QString error;
            if (const auto parsed = DiskCheckReport::fromJson(out, &error)) {
                m_check = *parsed;
                return finish({});
            }
            finish(error);
        };
        runQemuImg({u"check"_s, u"--output=json"_s, u"-f"_s, m_info.format, m_path}, report,
                   [this, report](int exitCode, const QByteArray &out, const QByteArray &) {
                       if (exitCode == 2 || exitCode == 3) { // corruptions, leaks: a report
                           report(out);
                           return true;
                       }
                       if (exitCode == 63) { // the format has no check
                           m_check = DiskCheckReport::unsupported(m_info.format);
                           finish({});
                           return true;
                       }
                       return false;
                   });
    });
}

void DiskImageJob::resize(const QString &path, qint64 newSizeBytes, bool allowShrink)
{
    if (!begin(Operation::Resize))
        return;
    m_path = absolute(path);
    if (!QFileInfo(m_path).isFile())
        return failLater(tr("%1 does not exist.").arg(m_path));
    if (newSizeBytes <= 0)
        return failLater(tr("Give the new size of %1.").arg(m_path));
    if (const QString vm = runningVmUsing(m_path); !vm.isEmpty())
        return failLater(DiskImageUsers::inUseMessage(m_path, vm));
    readInfo(m_path, false, [this, newSizeBytes, allowShrink](const QByteArray &) {
        runResize(newSizeBytes, allowShrink);
    });
}

void DiskImageJob::runResize(qint64 newSizeBytes, bool allowShrink)
{
    const qint64 current = m_info.virtualSize;
    if (newSizeBytes == current)
        return finish({});
    const bool shrink = newSizeBytes < current;
    if (shrink && m_info.format != "raw"_L1)
        return finish(tr("%1 is a %2 image, which Berth does not shrink; only raw images can be "
                         "shrunk. Convert it to raw first, or keep its size (%3).")
                          .arg(m_path, m_info.format, size(current)));
    if (shrink && !allowShrink) {
        m_needsShrinkConfirmation = true;
        return finish(tr("Shrinking %1 from %2 to %3 cuts off the end of the disk and any data "
                         "there. Shrink the partitions inside the guest first, then confirm the "
                         "shrink.")
                          .arg(m_path, size(current), size(newSizeBytes)));
    }
    QStringList args{u"resize"_s, u"-q"_s, u"-f"_s, m_info.format};
    if (shrink)
        args << u"--shrink"_s;
    args << m_path << QString::number(newSizeBytes);
    runQemuImg(args, [this](const QByteArray &) { finish({}); });
}

void DiskImageJob::convert(const DiskConvertRequest &request)
{
    if (!begin(Operation::Convert))
        return;
    m_path = absolute(request.destination);
    if (const QString problem = convertProblem(request); !problem.isEmpty())
        return failLater(problem);
    const QString source = absolute(request.source);
    // Reading a disk the guest writes gives an inconsistent copy; writing over one breaks it.
    for (const QString &image : {source, m_path}) {
        if (!QFileInfo::exists(image))
            continue;
        if (const QString vm = runningVmUsing(image); !vm.isEmpty())
            return failLater(DiskImageUsers::inUseMessage(image, vm));
    }
    whenNotLocked(m_path, [this, request, source] {
        readInfo(source, false, [this, request](const QByteArray &) { runConvert(request); });
    });
}

void DiskImageJob::runConvert(const DiskConvertRequest &request)
{
    if (const QString problem =
            spaceProblem(m_path, spaceNeeded(m_info),
                         tr("Converting %1 to %2").arg(absolute(request.source), m_path));
        !problem.isEmpty())
        return finish(problem);
    if (const QString problem = claim(request.overwrite); !problem.isEmpty())
        return finish(problem);

    QStringList args{u"convert"_s, u"-p"_s, u"-f"_s, m_info.format, u"-O"_s, request.format};
    if (request.compress) {
        args << u"-c"_s;
        // qemu-img accepts -c for the default monolithicSparse vmdk but writes it
        // uncompressed; only streamOptimized vmdk holds compressed data.
        if (request.format == "vmdk"_L1)
            args << u"-o"_s << u"subformat=streamOptimized"_s;
    }
    args << absolute(request.source) << m_written;
    m_trackProgress = true;
    runQemuImg(args, [this](const QByteArray &) {
        const QString error = commit();
        if (error.isEmpty() && m_progress.percent() < 100) {
            m_progress.feed("(100.00/100%)\r");
            Q_EMIT progress(100);
        }
        finish(error);
    });
}

void DiskImageJob::cancel()
{
    if (!isRunning())
        return;
    m_cancelled = true;
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill(); // its finished() ends the operation once the file is free
        return;
    }
    const quint64 gen = m_generation;
    QMetaObject::invokeMethod(
        this,
        [this, gen] {
            if (gen == m_generation)
                finish(tr("Cancelled."));
        },
        Qt::QueuedConnection);
}

// ---- steps ----------------------------------------------------------------------------

void DiskImageJob::readInfo(const QString &path, bool forceShare, const OutputCallback &done)
{
    const auto parse = [this, done](const QByteArray &out) {
        QString error;
        const bool inUse = m_info.inUseByAnotherProcess;
        const auto parsed = DiskImageInfo::fromJson(out, &error);
        if (!parsed)
            return finish(error);
        m_info = *parsed;
        m_info.inUseByAnotherProcess = inUse;
        done(out);
    };
    QStringList args{u"info"_s, u"--output=json"_s, u"--backing-chain"_s, path};
    // With forceShare, an image QEMU holds is read anyway (-U), and marked in use.
    runQemuImg(args, parse,
               [this, forceShare, args, parse](int, const QByteArray &, const QByteArray &err) {
                   if (!forceShare || !QemuImgError::isLockFailure(err))
                       return false;
                   m_info.inUseByAnotherProcess = true;
                   runQemuImg(QStringList(args) << u"-U"_s, parse);
                   return true;
               });
}

void DiskImageJob::whenNotLocked(const QString &path, const std::function<void()> &then)
{
    if (!QFileInfo::exists(path)) {
        // From the event loop, like every other outcome: the caller connects after calling.
        const quint64 gen = m_generation;
        QMetaObject::invokeMethod(
            this,
            [this, gen, then] {
                if (gen == m_generation && isRunning())
                    then();
            },
            Qt::QueuedConnection);
        return;
    }
    // A QEMU outside the library may hold the file. Renaming a new image over it would not
    // stop that QEMU: it would go on writing to the old, now nameless, file. Its lock says so.
    runQemuImg(
        {u"info"_s, u"--output=json"_s, path}, [then](const QByteArray &) { then(); },
        [this, path, then](int exitCode, const QByteArray &, const QByteArray &err) {
            if (QemuImgError::isLockFailure(err))
                finish(QemuImgError::explain(err, path, exitCode));
            else
                then(); // not an image qemu-img can read: nothing holds it either
            return true;
        });
}

void DiskImageJob::runQemuImg(const QStringList &arguments, const OutputCallback &done,
                              const FailureCallback &onFailure)
{
    if (m_cancelled)
        return finish(tr("Cancelled."));
    auto *process = new QProcess(this);
    m_process = process;
    m_done = done;
    m_onFailure = onFailure;
    qCDebug(lcDisk) << kQemuImg << arguments;
    if (m_trackProgress) {
        connect(process, &QProcess::readyReadStandardOutput, this, [this, process] {
            if (process == m_process && m_progress.feed(process->readAllStandardOutput()))
                Q_EMIT progress(m_progress.percent());
        });
    }
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart || process != m_process)
            return; // crashes and exits arrive through finished()
        process->deleteLater();
        m_process.clear();
        finish(tr("qemu-img was not found; install the qemu-utils package."));
    });
    connect(process, &QProcess::finished, this,
            [this, process](int exitCode, QProcess::ExitStatus status) {
                onProcessFinished(process, exitCode, status);
            });
    // Its own process group: a Ctrl+C in the terminal reaches Berth, which cancels and
    // cleans up, instead of killing qemu-img behind its back.
    process->setChildProcessModifier([] { ::setpgid(0, 0); });
    process->start(kQemuImg, arguments);
}

void DiskImageJob::onProcessFinished(QProcess *process, int exitCode, QProcess::ExitStatus status)
{
    process->deleteLater();
    if (process != m_process)
        return;
    m_process.clear();
    const QByteArray out = process->readAllStandardOutput();
    const QByteArray err = process->readAllStandardError();
    if (m_cancelled)
        return finish(tr("Cancelled."));
    if (status != QProcess::NormalExit)
        return finish(tr("qemu-img crashed while working on %1.").arg(m_path));
    if (exitCode != 0) {
        qCDebug(lcDisk) << "qemu-img exit" << exitCode << err;
        const FailureCallback onFailure = std::exchange(m_onFailure, nullptr);
        if (onFailure && onFailure(exitCode, out, err))
            return;
        return finish(QemuImgError::explain(err, m_path, exitCode));
    }
    const OutputCallback done = std::exchange(m_done, nullptr);
    if (done)
        done(out);
}

// ---- safety ---------------------------------------------------------------------------

QString DiskImageJob::runningVmUsing(const QString &path)
{
    if (m_library)
        return DiskImageUsers::runningVmUsing(path, *m_library);
    VmLibrary library(AppSettings::libraryRoot());
    if (const Outcome<> loaded = library.reload(); !loaded)
        qCWarning(lcDisk) << "cannot read the VM library:" << loaded.failure();
    return DiskImageUsers::runningVmUsing(path, library);
}

QString DiskImageJob::claim(bool overwrite)
{
    int error = 0;
    if (createExclusive(m_path, &error)) {
        m_written = m_path;
        m_ownsWritten = true;
        return {};
    }
    if (error != EEXIST || !overwrite)
        return error == EEXIST ? destinationProblem(m_path, false)
                               : tr("Cannot create %1: %2.")
                                     .arg(m_path, QString::fromLocal8Bit(::strerror(error)));
    // Replacing: qemu-img writes beside the old file, which stays until the new one is done.
    const QFileInfo target(m_path);
    for (int attempt = 0; attempt < 100; ++attempt) {
        const QString candidate = target.absoluteDir().filePath(u".%1.berth-%2.partial"_s.arg(
            target.fileName(), QString::number(QRandomGenerator::global()->generate(), 36)));
        if (createExclusive(candidate, &error)) {
            m_written = candidate;
            m_ownsWritten = true;
            return {};
        }
        if (error != EEXIST)
            break;
    }
    return tr("Cannot create a temporary file beside %1: %2.")
        .arg(m_path, QString::fromLocal8Bit(::strerror(error)));
}

QString DiskImageJob::commit()
{
    if (m_written != m_path &&
        ::rename(QFile::encodeName(m_written).constData(), QFile::encodeName(m_path).constData())) {
        return tr("The new image is complete but could not replace %1: %2.")
            .arg(m_path, QString::fromLocal8Bit(::strerror(errno)));
    }
    m_ownsWritten = false; // it is the result now: never removed by this job
    return {};
}

void DiskImageJob::failLater(const QString &error)
{
    const quint64 gen = m_generation;
    QMetaObject::invokeMethod(
        this,
        [this, gen, error] {
            if (gen == m_generation)
                finish(error);
        },
        Qt::QueuedConnection);
}

void DiskImageJob::finish(const QString &error)
{
    if (!isRunning())
        return;
    m_operation = Operation::None;
    m_done = nullptr;
    m_onFailure = nullptr;
    if (!error.isEmpty() && m_ownsWritten)
        QFile::remove(m_written);
    m_ownsWritten = false;
    if (error.isEmpty())
        Q_EMIT finished({});
    else
        Q_EMIT finished(Failure(error));
}
