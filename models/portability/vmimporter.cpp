// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/portability/vmimporter.h"

#include "models/archive/archiveextractor.h"
#include "models/common/qemuimg.h"
#include "models/portability/bundledescriptor.h"
#include "models/vm/vmlibrary.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray readSmall(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.read(16 << 20) : QByteArray();
}

/// Unpacks and checks the bundle @p file into @p staging (on the worker thread): the
/// descriptor, the files it lists with their sizes, their checksums.
Outcome<BundleDescriptor> unpack(const QString &file, const QString &staging,
                                 BackgroundWork::Control &control)
{
    bool first = true;
    const auto accept = [&first](const ArchiveEntry &entry) -> Outcome<> {
        if (first && entry.name != BundleDescriptor::descriptorName())
            return Failure(VmImporter::tr("This is not a Berth bundle (it does not start with "
                                          "%1).")
                               .arg(BundleDescriptor::descriptorName()));
        first = false;
        if (entry.type == ArchiveEntry::Type::Directory) {
            const QString folder = entry.name.endsWith(u'/') ? entry.name.chopped(1) : entry.name;
            if (BundleDescriptor::nameProblem(folder + u"/x"_s).isEmpty())
                return {};
        }
        if (const QString problem = BundleDescriptor::nameProblem(entry.name); !problem.isEmpty())
            return Failure(problem);
        return {};
    };
    const Outcome<QList<ArchiveExtractor::File>> files = ArchiveExtractor::extract(
        file, staging, accept, [&](qint64 done) { return control.proceed(0, done); });
    if (!files)
        return control.cancelled ? Failure(VmImporter::tr("Cancelled.")) : files.failure();

    // From here on the staging folder is ours to remove on failure.
    auto fail = [&staging](const Failure &failure) {
        QDir(staging).removeRecursively();
        return failure;
    };
    if (files->isEmpty())
        return fail(Failure(VmImporter::tr("The bundle is empty.")));
    Outcome<BundleDescriptor> bundle = BundleDescriptor::fromJson(
        readSmall(QDir(staging).filePath(BundleDescriptor::descriptorName())));
    if (!bundle)
        return fail(bundle.failure());
    if (files->last().name != BundleDescriptor::checksumsName())
        return fail(Failure(VmImporter::tr("The bundle is incomplete: its checksums, which come "
                                           "last, are missing.")));
    const Outcome<QHash<QString, QString>> digests = BundleDescriptor::checksumsFromJson(
        readSmall(QDir(staging).filePath(BundleDescriptor::checksumsName())));
    if (!digests)
        return fail(digests.failure());
    QHash<QString, ArchiveExtractor::File> came;
    for (const ArchiveExtractor::File &f : *files)
        came.insert(f.name, f);
    if (came.size() != bundle->files.size() + 2)
        return fail(Failure(VmImporter::tr("The bundle holds files its list does not name.")));
    for (const BundleDescriptor::File &listed : bundle->files) {
        const auto it = came.constFind(listed.name);
        if (it == came.cend())
            return fail(Failure(
                VmImporter::tr("The bundle is incomplete: %1 is missing.").arg(listed.name)));
        if (it->size != listed.size)
            return fail(Failure(VmImporter::tr("%1 in the bundle has %2 bytes; its list says %3.")
                                    .arg(listed.name)
                                    .arg(it->size)
                                    .arg(listed.size)));
        if (digests->value(listed.name) != it->digest)
            return fail(
                Failure(VmImporter::tr("%1 in the bundle is damaged: its checksum does not match.")
                            .arg(listed.name)));
    }
    return bundle;
}

} // namespace

VmImporter::VmImporter(VmLibrary *library, QObject *parent)
    : VmCopyJob(library, parent)
{}

VmImporter::~VmImporter()
{
    abandon();
}

void VmImporter::importFile(const QString &file, const QString &name)
{
    if (!begin(tr("An import is still running.")))
        return;
    m_uuidChanged = false;
    m_name = name;
    m_definition = {};
    const QFileInfo fi(file);
    if (!fi.isFile())
        return failLater(Failure(tr("%1 does not exist.").arg(file)));
    if (!name.isEmpty()) {
        Failure refusal(VmDefinition::validateName(name).isEmpty()
                            ? VmLibrary::tr("A VM named \"%1\" already exists.").arg(name)
                            : VmDefinition::validateName(name));
        if (!VmDefinition::validateName(name).isEmpty() || m_library->find(name))
            return failLater(refusal);
    }
    // A fresh hidden name in the library, made by the extractor itself (mode 0700).
    Outcome<QString> staging = m_library->makeStagingFolder();
    if (!staging || !QDir().rmdir(*staging)) {
        const Failure failure =
            staging ? Failure(tr("Cannot use the library folder %1.").arg(m_library->root()))
                    : staging.failure();
        return failLater(failure);
    }
    m_staging = *staging;
    // The bundle's bytes read so far against its size; the end comes once the VM is added.
    reportProgress(fi.size(), 99);
    m_work.start<BundleDescriptor>(
        this,
        [file = fi.absoluteFilePath(), staging = m_staging](BackgroundWork::Control &control) {
            return unpack(file, staging, control);
        },
        [this](const Outcome<BundleDescriptor> &bundle) {
            if (!bundle) {
                m_staging.clear(); // the worker removed it
                return finish(bundle.failure());
            }
            Outcome<VmDefinition> definition = bundle->definitionIn(m_staging);
            if (!definition)
                return finish(definition.failure());
            m_definition = *definition;
            checkDisks(0);
        });
}

void VmImporter::checkDisks(int index)
{
    if (index >= m_definition.disks.size())
        return add();
    const VmDisk disk = m_definition.disks[index];
    // In its stated format, never probed, and without opening any backing file.
    QObject *run = new QObject(this);
    m_step = run;
    QemuImg::runOnce(
        {u"info"_s, u"--output=json"_s, u"-f"_s, disk.format, disk.path}, disk.path, run,
        [this, index, disk, run](const QemuImgResult &result) {
            run->deleteLater();
            if (!result.ok())
                return finish(result.failure().within(
                    tr("A disk of the bundle cannot be read as %1: %2").arg(disk.format)));
            const QJsonObject info = QJsonDocument::fromJson(result.output).object();
            const QJsonObject specific =
                info.value("format-specific"_L1).toObject().value("data"_L1).toObject();
            // Whatever else the image would open: a backing file, an external data file, a
            // VMDK descriptor's extents (which may name any file or device of the host).
            QStringList elsewhere;
            if (info.contains("backing-filename"_L1))
                elsewhere << info.value("backing-filename"_L1).toString();
            if (specific.contains("data-file"_L1))
                elsewhere << specific.value("data-file"_L1).toString();
            const QString self = QFileInfo(disk.path).canonicalFilePath();
            for (const QJsonValue &extent : specific.value("extents"_L1).toArray()) {
                const QString file = extent.toObject().value("filename"_L1).toString();
                if (QFileInfo(file).canonicalFilePath() != self)
                    elsewhere << file;
            }
            if (!elsewhere.isEmpty())
                return finish(Failure(
                    tr("The disk %1 in the bundle refers to another file (%2); Berth does not "
                       "import disks that point outside the bundle.")
                        .arg(QFileInfo(disk.path).fileName(), elsewhere.first())));
            checkDisks(index + 1);
        });
}

void VmImporter::add()
{
    if (!m_name.isEmpty())
        m_definition.name = m_name;
    const QList<VmEntry> &entries = m_library->entries();
    const bool uuidTaken = std::any_of(entries.cbegin(), entries.cend(), [&](const VmEntry &e) {
        return !e.isBroken() && e.definition.uuid == m_definition.uuid;
    });
    if (uuidTaken) {
        m_definition.uuid = QUuid::createUuid();
        m_uuidChanged = true;
        for (VmNic &nic : m_definition.nics)
            nic.mac.clear(); // another VM has these: new ones from the new uuid
    }
    if (m_library->find(m_definition.name))
        return finish(Failure(tr("A VM named \"%1\" already exists; import the bundle under "
                                 "another name.")
                                  .arg(m_definition.name)));
    // The bundle's own files are not the VM's.
    QFile::remove(QDir(m_staging).filePath(BundleDescriptor::descriptorName()));
    QFile::remove(QDir(m_staging).filePath(BundleDescriptor::checksumsName()));
    Outcome<VmDefinition> added = addStaged(m_definition, m_staging, true);
    if (!added)
        return finish(added.failure());
    m_definition = *added;
    finish({});
}

void VmImporter::rollback()
{
    if (!m_staging.isEmpty())
        QDir(m_staging).removeRecursively();
    m_staging.clear();
}
