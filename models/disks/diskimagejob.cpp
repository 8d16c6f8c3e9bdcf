// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/disks/diskimagejob.h"

#include "models/disks/diskimageusers.h"
#include "models/settings/appsettings.h"

#include <QFileInfo>
#include <QLocale>
#include <QLoggingCategory>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcDisk, "berth.disk", QtWarningMsg)

namespace {

QString absolute(const QString &path)
{
    return path.isEmpty() ? path : QFileInfo(path).absoluteFilePath();
}

QString size(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes);
}

} // namespace

DiskImageJob::DiskImageJob(QObject *parent)
    : QObject(parent)
    , m_qemuImg(new QemuImg(this))
{
    connect(m_qemuImg, &QemuImg::progress, this, [this](double percent) {
        m_percent = percent;
        Q_EMIT progress(percent);
    });
}

DiskImageJob::~DiskImageJob()
{
    delete m_qemuImg; // kills a qemu-img that still runs, before m_claim removes what it wrote
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
    m_claim.remove();
    m_percent = 0;
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
        return failLater(Failure(problem));
    if (QFileInfo::exists(m_path)) {
        if (const QString vm = runningVmUsing(m_path); !vm.isEmpty())
            return failLater(Failure(DiskImageUsers::inUseMessage(m_path, vm)));
    }
    const QString base = absolute(request.backingFile);
    if (!base.isEmpty()) {
        // A base that a guest writes would change under the clone and corrupt it.
        if (const QString vm = runningVmUsing(base); !vm.isEmpty())
            return failLater(Failure(DiskImageUsers::inUseMessage(base, vm)));
    }
    whenNotLocked(m_path, [this, request, base] {
        if (base.isEmpty())
            return runCreate(request, {});
        // The base's format is recorded in the clone (-F), so QEMU never has to guess it.
        readInfo(base, true, [this, request, base](const QByteArray &) {
            if (m_info.inUseByAnotherProcess)
                return finish(Failure(tr("%1 is open in a running QEMU. A linked clone of a base "
                                         "that changes would be corrupt; stop that VM first.")
                                          .arg(base)));
            runCreate(request, m_info.format);
        });
    });
}

void DiskImageJob::runCreate(const DiskCreateRequest &request, const QString &backingFormat)
{
    if (const QString problem =
            spaceProblem(m_path, spaceNeeded(request), tr("Creating %1").arg(m_path));
        !problem.isEmpty())
        return finish(Failure(problem));
    if (Outcome<> claimed = claim(request.overwrite); !claimed)
        return finish(claimed);

    QStringList args{u"create"_s, u"-q"_s, u"-f"_s, request.format};
    if (request.preallocation != DiskPreallocation::Off)
        args << u"-o"_s << u"preallocation="_s + preallocationName(request.preallocation);
    if (!request.backingFile.isEmpty())
        args << u"-b"_s << absolute(request.backingFile) << u"-F"_s << backingFormat;
    args << m_claim.path();
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
        return failLater(Failure(tr("%1 does not exist.").arg(m_path)));
    readInfo(m_path, true, [this](const QByteArray &) { finish({}); });
}

void DiskImageJob::check(const QString &path)
{
    if (!begin(Operation::Check))
        return;
    m_path = absolute(path);
    if (!QFileInfo(m_path).isFile())
        return failLater(Failure(tr("%1 does not exist.").arg(m_path)));
    // A check of an image a guest is writing reports changes in flight as errors.
    if (const QString vm = runningVmUsing(m_path); !vm.isEmpty())
        return failLater(Failure(DiskImageUsers::inUseMessage(m_path, vm)));
    readInfo(m_path, false, [this](const QByteArray &) {
        const auto report = [this](const QByteArray &out) {
            QString error;
            if (const auto parsed = DiskCheckReport::fromJson(out, &error)) {
                m_check = *parsed;
                return finish({});
            }
            finish(Failure(error, QString::fromUtf8(out)));
        };
        runQemuImg({u"check"_s, u"--output=json"_s, u"-f"_s, m_info.format, m_path}, report,
                   [this, report](const QemuImgResult &result) {
                       const int exitCode = result.exitCode;
                       if (exitCode == 2 || exitCode == 3) { // corruptions, leaks: a report
                           report(result.output);
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
        return failLater(Failure(tr("%1 does not exist.").arg(m_path)));
    if (newSizeBytes <= 0)
        return failLater(Failure(tr("Give the new size of %1.").arg(m_path)));
    if (const QString vm = runningVmUsing(m_path); !vm.isEmpty())
        return failLater(Failure(DiskImageUsers::inUseMessage(m_path, vm)));
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
        return finish(Failure(tr("%1 is a %2 image, which Berth does not shrink; only raw images "
                                 "can be shrunk. Convert it to raw first, or keep its size (%3).")
                                  .arg(m_path, m_info.format, size(current))));
    if (shrink && !allowShrink) {
        m_needsShrinkConfirmation = true;
        return finish(Failure(tr("Shrinking %1 from %2 to %3 cuts off the end of the disk and any "
                                 "data there. Shrink the partitions inside the guest first, then "
                                 "confirm the shrink.")
                                  .arg(m_path, size(current), size(newSizeBytes))));
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
        return failLater(Failure(problem));
    const QString source = absolute(request.source);
    // Reading a disk the guest writes gives an inconsistent copy; writing over one breaks it.
    for (const QString &image : {source, m_path}) {
        if (!QFileInfo::exists(image))
            continue;
        if (const QString vm = runningVmUsing(image); !vm.isEmpty())
            return failLater(Failure(DiskImageUsers::inUseMessage(image, vm)));
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
        return finish(Failure(problem));
    if (Outcome<> claimed = claim(request.overwrite); !claimed)
        return finish(claimed);

    QStringList args{u"convert"_s, u"-p"_s, u"-f"_s, m_info.format, u"-O"_s, request.format};
    if (request.compress) {
        args << u"-c"_s;
        // qemu-img accepts -c for the default monolithicSparse vmdk but writes it
        // uncompressed; only streamOptimized vmdk holds compressed data.
        if (request.format == "vmdk"_L1)
            args << u"-o"_s << u"subformat=streamOptimized"_s;
    }
    args << absolute(request.source) << m_claim.path();
    runQemuImg(args, [this](const QByteArray &) {
        const Outcome<> committed = commit();
        if (committed && m_percent < 100) {
            m_percent = 100;
            Q_EMIT progress(100);
        }
        finish(committed);
    });
}

void DiskImageJob::cancel()
{
    if (!isRunning())
        return;
    m_cancelled = true;
    if (m_qemuImg->isRunning()) {
        m_qemuImg->cancel(); // its result ends the operation once the file is free
        return;
    }
    const quint64 gen = m_generation;
    QMetaObject::invokeMethod(
        this,
        [this, gen] {
            if (gen == m_generation)
                finish(Failure(tr("Cancelled.")));
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
            return finish(Failure(error, QString::fromUtf8(out)));
        m_info = *parsed;
        m_info.inUseByAnotherProcess = inUse;
        done(out);
    };
    QStringList args{u"info"_s, u"--output=json"_s, u"--backing-chain"_s, path};
    // With forceShare, an image QEMU holds is read anyway (-U), and marked in use.
    runQemuImg(args, parse, [this, forceShare, args, parse](const QemuImgResult &result) {
        if (!forceShare || !QemuImgError::isLockFailure(result.errors))
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
        [this, then](const QemuImgResult &result) {
            if (QemuImgError::isLockFailure(result.errors))
                finish(result.failure());
            else
                then(); // not an image qemu-img can read: nothing holds it either
            return true;
        });
}

void DiskImageJob::runQemuImg(const QStringList &arguments, const OutputCallback &done,
                              const FailureCallback &onFailure)
{
    if (m_cancelled)
        return finish(Failure(tr("Cancelled.")));
    const quint64 gen = m_generation;
    m_qemuImg->run(arguments, m_path, [this, gen, done, onFailure](const QemuImgResult &result) {
        if (gen != m_generation || !isRunning())
            return;
        if (result.ok())
            return done(result.output);
        if (result.status == QemuImgResult::Status::Failed && onFailure && onFailure(result))
            return;
        finish(result.failure());
    });
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

Outcome<> DiskImageJob::claim(bool overwrite)
{
    if (!overwrite && (QFileInfo::exists(m_path) || QFileInfo(m_path).isSymLink()))
        return Failure(destinationProblem(m_path, false));
    // qemu-img always writes a hidden file beside the target, renamed into place once done:
    // a Berth killed part-way (SIGKILL, power loss) leaves the old target or none, never a
    // torn image under the target's name.
    Outcome<ClaimedFile> claimed = ClaimedFile::claimBeside(m_path);
    if (!claimed)
        return claimed.failure();
    m_claim = std::move(claimed).value();
    m_replace = overwrite;
    return {};
}

Outcome<> DiskImageJob::commit()
{
    // It is the result now: never removed by this job. Without overwrite, a file that
    // appeared at the target meanwhile is kept (and the commit fails).
    return m_claim.commit(m_path, m_replace ? ClaimedFile::Replace::Yes : ClaimedFile::Replace::No);
}

void DiskImageJob::failLater(const Failure &failure)
{
    const quint64 gen = m_generation;
    QMetaObject::invokeMethod(
        this,
        [this, gen, failure] {
            if (gen == m_generation)
                finish(failure);
        },
        Qt::QueuedConnection);
}

void DiskImageJob::finish(const Outcome<> &outcome)
{
    if (!isRunning())
        return;
    m_operation = Operation::None;
    m_claim.remove(); // what is left of it when the operation did not commit
    Q_EMIT finished(outcome);
}
