// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/common/claimedfile.h"
#include "models/common/outcome.h"
#include "models/common/qemuimg.h"
#include "models/disks/diskcheckreport.h"
#include "models/disks/diskimageinfo.h"
#include "models/vm/vmlibrary.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

/// How much of a new image's space is reserved at creation (qemu-img's "preallocation").
enum class DiskPreallocation
{
    Off,      ///< sparse: space is taken as the guest writes
    Metadata, ///< qcow2 only: the tables are written, the data stays sparse
    Falloc,   ///< space reserved with fallocate(): fast, needs the full size free
    Full,     ///< every byte written with zeros: slow, needs the full size free
};

/// What DiskImageJob::create() makes.
struct DiskCreateRequest
{
    QString path;                             ///< the new image (made absolute)
    QString format = QStringLiteral("qcow2"); ///< "qcow2" or "raw"
    qint64 sizeBytes = 0;                     ///< virtual size; 0 with a backing file:
                                              ///< the backing image's size
    DiskPreallocation preallocation = DiskPreallocation::Off;
    QString backingFile;    ///< linked clone of this base image (qcow2 only); its format is
                            ///< read with qemu-img info and recorded (-F); stored absolute
    bool overwrite = false; ///< replace a file that exists at @c path
};

/// What DiskImageJob::convert() makes.
struct DiskConvertRequest
{
    QString source;                           ///< any image qemu-img reads (format detected)
    QString destination;                      ///< the new image (made absolute)
    QString format = QStringLiteral("qcow2"); ///< qcow2, raw, vmdk, vdi or vhdx
    bool compress = false;  ///< qcow2 and vmdk only (vmdk is then written streamOptimized)
    bool overwrite = false; ///< replace a file that exists at @c destination
};

/// Disk image operations over qemu-img, without blocking: each call returns at once, runs
/// qemu-img (QemuImg; `--output=json` where it exists) and ends with exactly one
/// finished() from the event loop. One operation at a time per job; a call while one runs
/// fails ("... still running").
///
/// Safety, checked before qemu-img runs (each refusal is a Failure whose message says in one
/// or two sentences what is wrong and what to do):
///  - an existing destination is never replaced unless the request says overwrite; an
///    overwrite writes a temporary file beside it and renames it over the old one only on
///    success, so a failure keeps the old file;
///  - a preallocated create (falloc, full) or a convert needs room: QStorageInfo's free
///    space is compared with the size (convert: the space the source and its backing files
///    take, plus 1%), and the refusal names both numbers;
///  - an image a running VM of the library uses (see DiskImageUsers) is never written
///    (resize, create/convert over it) nor read by check or convert (a copy of a disk the
///    guest writes is not consistent); the message names the VM. QEMU's own lock is the
///    second line: its failure is worded by QemuImgResult, and a file that is about to be
///    replaced is probed for that lock first (a rename would not stop a QEMU using it);
///  - a cancelled or failed create/convert leaves no file behind. The destination is
///    claimed with O_EXCL (ClaimedFile) before qemu-img runs, so the job only ever removes a
///    file it made.
///
/// info() works on images in use too: when QEMU's lock stops qemu-img, it reads again with
/// --force-share and sets DiskImageInfo::inUseByAnotherProcess.
///
/// Progress: convert() emits progress() from qemu-img's `-p` output (monotonic, ends at 100
/// on success). Other operations emit no progress: they take well under a second, except
/// a full preallocation, which qemu-img does not report.
class DiskImageJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiskImageJob)

public:
    enum class Operation
    {
        None,
        Create,
        Info,
        Check,
        Resize,
        Convert
    };
    Q_ENUM(Operation)

    explicit DiskImageJob(QObject *parent = nullptr);
    /// Kills a qemu-img that still runs and removes the partial image it was writing.
    ~DiskImageJob() override;

    /// The VMs consulted for "in use by a running VM". Without one (or once it is deleted),
    /// the job reads the library at AppSettings::libraryRoot() when it needs to know.
    void setLibrary(VmLibrary *library);

    /// `qemu-img create`. Refused: a format other than qcow2/raw, no size without a backing
    /// file, metadata preallocation of a raw image, preallocation with a backing file
    /// (qemu-img 7.2 needs extended_l2 for it), a raw linked clone, a missing base.
    void create(const DiskCreateRequest &request);
    /// `qemu-img info --output=json --backing-chain`; the result is imageInfo().
    void info(const QString &path);
    /// `qemu-img check --output=json`; the result is checkReport() (finished() has no error
    /// when the check ran, even if it found problems: read checkReport().isClean()).
    void check(const QString &path);
    /// `qemu-img resize` to @p newSizeBytes. Growing always works; shrinking only a raw image
    /// and only with @p allowShrink (qemu-img --shrink): the end of the disk is lost.
    /// Shrinking qcow2 is refused (Berth does not support it).
    void resize(const QString &path, qint64 newSizeBytes, bool allowShrink = false);
    /// `qemu-img convert -p`: see DiskConvertRequest. Cancellable; progress() as it goes.
    void convert(const DiskConvertRequest &request);

    /// Stops the running operation: qemu-img is killed, a partial image removed, and
    /// finished() follows from the event loop with the Failure "Cancelled.". Nothing when
    /// idle.
    void cancel();

    bool isRunning() const { return m_operation != Operation::None; }
    /// Whether the last operation ended because cancel() was called.
    bool wasCancelled() const { return m_cancelled; }
    /// The image the last operation made or worked on (absolute).
    QString path() const { return m_path; }
    /// After info(); also filled by create (the base image), check, resize and convert (the
    /// source) with what they read first.
    const DiskImageInfo &imageInfo() const { return m_info; }
    /// After check().
    const DiskCheckReport &checkReport() const { return m_check; }
    /// Whether the last resize() was refused only because shrinking needs allowShrink (a
    /// form can then ask the user to confirm and call resize() again with it).
    bool needsShrinkConfirmation() const { return m_needsShrinkConfirmation; }

    /// A plain new image, nothing preallocated: create(@p path, @p sizeBytes, @p format).
    void start(const QString &path, qint64 sizeBytes,
               const QString &format = QStringLiteral("qcow2"));

    /// The formats create() makes: qcow2, raw.
    static QStringList createFormats();
    /// The formats convert() writes: qcow2, raw, vmdk, vdi, vhdx.
    static QStringList convertFormats();
    /// Whether convert() can compress into @p format (qcow2, vmdk).
    static bool canCompress(const QString &format);
    /// "off", "metadata", "falloc", "full".
    static QString preallocationName(DiskPreallocation p);
    static std::optional<DiskPreallocation> preallocationFromName(const QString &name);

    /// Synchronous checks a form can run as the user types (no qemu-img): why @p path cannot
    /// be a new image (empty, a folder, exists without @p overwrite, folder missing or not
    /// writable), or empty.
    static QString destinationProblem(const QString &path, bool overwrite);
    /// Why @p request cannot work, from its values alone (format, size, preallocation,
    /// backing, destination), or empty. create() checks this first.
    static QString createProblem(const DiskCreateRequest &request);
    /// Same for convert (formats, compression, source exists, destination).
    static QString convertProblem(const DiskConvertRequest &request);

    /// Bytes a create needs free: the size (plus qcow2's tables) for falloc and full
    /// preallocation, 0 for off and metadata (sparse).
    static qint64 spaceNeeded(const DiskCreateRequest &request);
    /// Bytes a convert of @p source needs free: what it and its backing files take on the
    /// host (DiskImageInfo::chainActualSize, from info()), plus 1% and 1 MiB.
    static qint64 spaceNeeded(const DiskImageInfo &source);
    /// Why @p needed bytes do not fit beside @p destination (QStorageInfo), naming both
    /// numbers, or empty. @p what starts the sentence ("Converting a to b").
    static QString spaceProblem(const QString &destination, qint64 needed,
                                const QString &what = {});

Q_SIGNALS:
    /// convert() only: 0..100, never decreasing.
    void progress(double percent);
    /// The operation ended: it worked, or why not (one or two sentences for the user).
    void finished(const Outcome<> &outcome);

private:
    using OutputCallback = std::function<void(const QByteArray &out)>;
    /// For a qemu-img that exited with an error: returns true when it handled the failure
    /// (started another step or finished).
    using FailureCallback = std::function<bool(const QemuImgResult &result)>;

    bool begin(Operation operation);
    void runQemuImg(const QStringList &arguments, const OutputCallback &done,
                    const FailureCallback &onFailure = {});
    void readInfo(const QString &path, bool forceShare, const OutputCallback &done);
    void whenNotLocked(const QString &path, const std::function<void()> &then);
    void runCreate(const DiskCreateRequest &request, const QString &backingFormat);
    void runConvert(const DiskConvertRequest &request);
    void runResize(qint64 newSizeBytes, bool allowShrink);
    QString runningVmUsing(const QString &path);
    Outcome<> claim(bool overwrite);
    Outcome<> commit();
    void finish(const Outcome<> &outcome);
    void failLater(const Failure &failure);

    QemuImg *m_qemuImg;
    QPointer<VmLibrary> m_library;
    Operation m_operation = Operation::None;
    quint64 m_generation = 0;
    bool m_cancelled = false;
    bool m_needsShrinkConfirmation = false;
    QString m_path; ///< absolute path of the image worked on
    ClaimedFile m_claim;
    bool m_replace = false; ///< commit() may replace an existing m_path
    double m_percent = 0;
    DiskImageInfo m_info;
    DiskCheckReport m_check;
};
