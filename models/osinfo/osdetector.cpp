// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/osinfo/osdetector.h"

#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QMutexLocker>
#include <QPointer>
#include <QSet>
#include <QThread>

// libosinfo's headers have no extern "C" of their own; glib's (which do, and which hold
// C++ templates) are included first, outside the block.
#include <gio/gio.h>
#include <glib-object.h>
extern "C" {
#include <osinfo/osinfo.h>
}

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 kMiB = 1024 * 1024;

// libosinfo's objects are not meant to be shared between threads: every call into it
// happens under this lock, and the database is loaded once and kept for the process.
QMutex &osinfoLock()
{
    static QMutex lock;
    return lock;
}

/// Owns one reference to a GObject.
struct GObjectUnref
{
    void operator()(void *object) const
    {
        if (object)
            g_object_unref(object);
    }
};
template<typename T>
using GRef = std::unique_ptr<T, GObjectUnref>;

/// The ids of the OS entries taken from Berth's own database.
QSet<QString> &berthEntries()
{
    static QSet<QString> ids;
    return ids;
}

/// Berth's entries alone, asked when the whole database names only a catch-all
/// ("fedora-unknown" matches every Fedora from 38 on).
OsinfoDb *berthDb()
{
    static OsinfoDb *db = osinfo_db_new();
    return db;
}

bool isCatchAll(OsinfoOs *os)
{
    const gchar *shortId = os ? osinfo_product_get_short_id(OSINFO_PRODUCT(os)) : nullptr;
    return shortId && g_str_has_suffix(shortId, "-unknown");
}

/// Adds to @p loader's database the entries of Berth's own database whose OS it does not
/// know: the system's osinfo-db wins wherever it knows an OS. Berth's are read by a loader of
/// their own (kept for the process: the database holds its objects).
void loadSupplementary(OsinfoLoader *loader)
{
    const QString folder = OsDetector::supplementaryFolder();
    if (folder.isEmpty())
        return;
    // The system's database first in this loader too: Berth's entries name its OSes
    // (upgrades, derives-from) and its install scripts.
    static OsinfoLoader *berthLoader = osinfo_loader_new();
    GError *gerror = nullptr;
    osinfo_loader_process_default_path(berthLoader, &gerror);
    g_clear_error(&gerror);
    // Only "os/<vendor>/<file>.xml" under it: libosinfo insists on that layout.
    osinfo_loader_process_path(berthLoader, QFile::encodeName(folder).constData(), &gerror);
    if (gerror) {
        qWarning("Berth's osinfo database in %s was not read: %s", qPrintable(folder),
                 gerror->message);
        g_error_free(gerror);
    }
    OsinfoDb *db = osinfo_loader_get_db(loader);
    GRef<OsinfoOsList> all(osinfo_db_get_os_list(osinfo_loader_get_db(berthLoader)));
    auto *plain = reinterpret_cast<OsinfoList *>(all.get());
    for (gint i = 0; plain && i < osinfo_list_get_length(plain); ++i) {
        auto *os = reinterpret_cast<OsinfoOs *>(osinfo_list_get_nth(plain, i));
        const gchar *id = osinfo_entity_get_id(OSINFO_ENTITY(os));
        if (osinfo_db_get_os(db, id)) // the system's (also its copy in berthLoader)
            continue;
        osinfo_db_add_os(db, os);
        osinfo_db_add_os(berthDb(), os);
        berthEntries().insert(QString::fromUtf8(id));
    }
}

OsinfoDb *database(QString *error)
{
    static OsinfoLoader *loader = nullptr;
    static QString loadError;
    if (!loader) {
        loader = osinfo_loader_new();
        GError *gerror = nullptr;
        osinfo_loader_process_default_path(loader, &gerror);
        if (gerror) {
            loadError = QString::fromUtf8(gerror->message);
            g_error_free(gerror);
        }
        loadSupplementary(loader);
    }
    if (error)
        *error = loadError;
    return osinfo_loader_get_db(loader);
}

/// Windows 11 and Server 2025 refuse to install without a TPM 2.0 and expect Secure Boot;
/// osinfo-db (2022-11) has no field that says so.
bool isTpmWindows(const QString &shortId)
{
    return shortId.startsWith("win11"_L1) || shortId.startsWith("win2k25"_L1);
}

QString fromUtf8(const gchar *text)
{
    return text ? QString::fromUtf8(text) : QString();
}

/// The resources in @p list for @p arch, else the ones for every architecture.
OsinfoResources *resourcesFor(OsinfoResourcesList *list, const QString &arch)
{
    if (!list)
        return nullptr;
    auto *plain = reinterpret_cast<OsinfoList *>(list);
    OsinfoResources *forAll = nullptr;
    for (gint i = 0; i < osinfo_list_get_length(plain); ++i) {
        auto *r = reinterpret_cast<OsinfoResources *>(osinfo_list_get_nth(plain, i));
        const QString resourceArch = fromUtf8(osinfo_resources_get_architecture(r));
        if (resourceArch == arch)
            return r;
        if (resourceArch == QLatin1StringView(OSINFO_ARCHITECTURE_ALL))
            forAll = r;
    }
    return forAll;
}

void applyResources(OsinfoOs *os, const QString &arch, OsProfile &profile)
{
    GRef<OsinfoResourcesList> recommended(osinfo_os_get_recommended_resources(os));
    GRef<OsinfoResourcesList> minimum(osinfo_os_get_minimum_resources(os));
    const std::pair<OsinfoResources *, OsProfile::Source> sources[] = {
        {resourcesFor(recommended.get(), arch), OsProfile::Source::Recommended},
        {resourcesFor(minimum.get(), arch), OsProfile::Source::Minimum},
    };
    bool memory = false, cpus = false, disk = false;
    for (const auto &[r, source] : sources) {
        if (!r)
            continue;
        if (const gint64 ram = osinfo_resources_get_ram(r); !memory && ram > 0) {
            profile.memoryMiB = int((ram + kMiB - 1) / kMiB);
            profile.memorySource = source;
            memory = true;
        }
        if (const gint n = osinfo_resources_get_n_cpus(r); !cpus && n > 0) {
            profile.cpus = n;
            profile.cpusSource = source;
            cpus = true;
        }
        if (const gint64 storage = osinfo_resources_get_storage(r); !disk && storage > 0) {
            profile.diskBytes = storage;
            profile.diskSource = source;
            disk = true;
        }
    }
}

/// True when osinfo-db says the OS does not boot with a BIOS on @p arch.
bool needsUefi(OsinfoOs *os, const QString &arch)
{
    GRef<OsinfoFirmwareList> firmwares(osinfo_os_get_complete_firmware_list(os, nullptr));
    auto *plain = reinterpret_cast<OsinfoList *>(firmwares.get());
    if (!plain)
        return false;
    for (gint i = 0; i < osinfo_list_get_length(plain); ++i) {
        auto *f = reinterpret_cast<OsinfoFirmware *>(osinfo_list_get_nth(plain, i));
        const QString fArch = fromUtf8(osinfo_firmware_get_architecture(f));
        if (fArch != arch && fArch != QLatin1StringView(OSINFO_ARCHITECTURE_ALL))
            continue;
        if (fromUtf8(osinfo_firmware_get_firmware_type(f)) == "bios"_L1 &&
            !osinfo_firmware_is_supported(f))
            return true;
    }
    return false;
}

} // namespace

QString OsDetector::supplementaryFolder()
{
    const QString overridden = qEnvironmentVariable("BERTH_OSINFO_DIR");
    if (!overridden.isEmpty())
        return overridden;
    // Installed beside the binary (/usr/bin/berth: /usr/share/berth/osinfo; the AppImage the
    // same), else the source tree's copy for a build that is run where it was built.
    const QString installed = QCoreApplication::applicationDirPath() + u"/../share/berth/osinfo"_s;
    for (const QString &folder : {installed, QStringLiteral(BERTH_SOURCE_OSINFO_DIR)}) {
        if (QFileInfo(folder + u"/os"_s).isDir())
            return QDir::cleanPath(folder);
    }
    return {};
}

OsDetector::OsDetector(QObject *parent)
    : QObject(parent)
{}

OsDetector::~OsDetector() = default;

void OsDetector::detect(const QString &isoPath)
{
    const quint64 generation = ++m_generation;
    m_busy = true;
    auto result = std::make_shared<OsProfile>();
    // The thread is not owned by this object: it may outlive it, and deletes itself.
    QThread *thread = QThread::create([isoPath, result] { *result = detectNow(isoPath); });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    connect(thread, &QThread::finished, this, [this, generation, isoPath, result] {
        if (generation != m_generation)
            return;
        m_busy = false;
        Q_EMIT detected(isoPath, *result);
    });
    thread->start(QThread::LowPriority);
}

void OsDetector::cancel()
{
    ++m_generation;
    m_busy = false;
}

OsProfile OsDetector::detectNow(const QString &isoPath)
{
    OsProfile profile;
    const QFileInfo file(isoPath);
    if (isoPath.isEmpty() || !file.isFile()) {
        profile.note = tr("There is no ISO image to recognise; these are Berth's general "
                          "suggestions.");
        return profile;
    }

    const QMutexLocker locker(&osinfoLock());
    QString dbError;
    OsinfoDb *db = database(&dbError);
    GError *gerror = nullptr;
    GRef<OsinfoMedia> media(osinfo_media_create_from_location(
        QFile::encodeName(isoPath).constData(), nullptr, &gerror));
    if (!media) {
        QString why = gerror ? QString::fromUtf8(gerror->message) : QString();
        const bool notBootable = gerror && gerror->domain == OSINFO_MEDIA_ERROR &&
                                 gerror->code == OSINFO_MEDIA_ERROR_NOT_BOOTABLE;
        if (gerror)
            g_error_free(gerror);
        profile.note = notBootable
                           ? tr("%1 is not a bootable image, so its operating system was not "
                                "recognised; these are Berth's general suggestions.")
                                 .arg(file.fileName())
                           : tr("%1 could not be read as an ISO image (%2); these are Berth's "
                                "general suggestions.")
                                 .arg(file.fileName(), why);
        return profile;
    }
    const QString volumeId = fromUtf8(osinfo_media_get_volume_id(media.get()));
    bool identified = osinfo_db_identify_media(db, media.get());
    if (!identified || isCatchAll(osinfo_media_get_os(media.get()))) {
        // A release the system's osinfo-db knows only as "some Fedora": Berth's may name it.
        if (osinfo_db_identify_media(berthDb(), media.get()))
            identified = true;
        else if (identified) // the catch-all again
            identified = osinfo_db_identify_media(db, media.get());
    }
    if (!identified) {
        profile.note = dbError.isEmpty()
                           ? tr("The operating system on %1 (volume “%2”) was not recognised; "
                                "these are Berth's general suggestions.")
                                 .arg(file.fileName(), volumeId)
                           : tr("The operating system database could not be read (%1); these "
                                "are Berth's general suggestions.")
                                 .arg(dbError);
        return profile;
    }
    OsinfoOs *os = osinfo_media_get_os(media.get()); // owned by the database
    if (!os) {
        profile.note = tr("The operating system on %1 was not recognised; these are "
                          "Berth's general suggestions.")
                           .arg(file.fileName());
        return profile;
    }
    auto *product = reinterpret_cast<OsinfoProduct *>(os);
    profile.recognised = true;
    profile.name = fromUtf8(osinfo_product_get_name(product));
    profile.shortId = fromUtf8(osinfo_product_get_short_id(product));
    if (profile.name.isEmpty())
        profile.name = profile.shortId;
    QString vmName = profile.name;
    profile.vmName = vmName.replace(u'/', u'-').replace(u'\\', u'-').trimmed();
    QString arch = fromUtf8(osinfo_media_get_architecture(media.get()));
    if (arch.isEmpty() || arch == QLatin1StringView(OSINFO_ARCHITECTURE_ALL))
        arch = u"x86_64"_s;
    applyResources(os, arch, profile);
    profile.wantsUefi = needsUefi(os, arch);
    profile.version = fromUtf8(osinfo_product_get_version(product));
    profile.architecture = arch;
    profile.wantsTpm = isTpmWindows(profile.shortId);
    profile.wantsSecureBoot = profile.wantsTpm;
    profile.fromBerthDatabase =
        berthEntries().contains(fromUtf8(osinfo_entity_get_id(OSINFO_ENTITY(os))));
    return profile;
}
