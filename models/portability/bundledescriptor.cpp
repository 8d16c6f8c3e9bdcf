// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/portability/bundledescriptor.h"

#include "models/vm/vmlayout.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace {

/// The file names of a VM's folder, relative to it, from VmLayout.
struct FolderNames
{
    QString uefiVars, snapshots, thumbnails, tpm;
    QStringList reserved; ///< what a disk may not be called

    FolderNames()
    {
        const VmLayout layout = VmLayout::ofFolder(u"/vm"_s);
        auto name = [](const QString &path) {
            return QFileInfo(path).fileName();
        };
        uefiVars = name(layout.uefiVarsPath());
        snapshots = name(layout.snapshotsPath());
        thumbnails = name(layout.thumbnailFolder());
        tpm = name(layout.tpmStateFolder());
        reserved = QStringList{name(layout.definitionPath()),
                               name(layout.definitionBackupPath()),
                               name(layout.serialLogPath()),
                               name(layout.previousSerialLogPath()),
                               name(layout.qemuLogPath()),
                               name(layout.previousQemuLogPath()),
                               name(layout.crashReportPath()),
                               uefiVars,
                               snapshots,
                               thumbnails,
                               tpm,
                               BundleDescriptor::descriptorName(),
                               BundleDescriptor::checksumsName()};
    }
};

const FolderNames &names()
{
    static const FolderNames n;
    return n;
}

bool isPlainName(QStringView name)
{
    return !name.isEmpty() && name != u"."_s && name != u".."_s && !name.contains(u'/') &&
           !name.startsWith(u'.') && std::none_of(name.begin(), name.end(), [](QChar c) {
               return c.category() == QChar::Other_Control;
           });
}

/// A name for disk @p path in the bundle not in @p taken: its file name, else disk-N.ext.
QString diskName(const QString &path, const QString &format, const QSet<QString> &taken)
{
    const QString own = QFileInfo(path).fileName();
    if (isPlainName(own) && !names().reserved.contains(own) && !taken.contains(own))
        return own;
    for (int n = 1;; ++n) {
        const QString candidate = u"disk-%1.%2"_s.arg(n).arg(VmLayout::diskExtension(format));
        if (!taken.contains(candidate))
            return candidate;
    }
}

} // namespace

QString BundleDescriptor::descriptorName()
{
    return u"berth-bundle.json"_s;
}

QString BundleDescriptor::checksumsName()
{
    return u"berth-checksums.json"_s;
}

QString BundleDescriptor::nameProblem(const QString &name)
{
    const FolderNames &n = names();
    if (name == descriptorName() || name == checksumsName() || name == n.uefiVars ||
        name == n.snapshots)
        return {};
    const qsizetype slash = name.indexOf(u'/');
    if (slash < 0 && isPlainName(name) && !n.reserved.contains(name))
        return {};
    const QString folder = name.left(slash);
    const QStringList parts = name.mid(slash + 1).split(u'/');
    const bool plainParts =
        std::all_of(parts.cbegin(), parts.cend(), [](const QString &p) { return isPlainName(p); });
    if (slash > 0 && plainParts &&
        (folder == n.tpm || (folder == n.thumbnails && parts.size() == 1)))
        return {};
    return tr("%1 is not a file a Berth bundle holds.").arg(name);
}

Outcome<BundleDescriptor> BundleDescriptor::of(const VmDefinition &definition,
                                               const QString &vmFolder)
{
    BundleDescriptor d;
    VmDefinition stored = definition;
    QSet<QString> taken;
    auto add = [&d, &taken](const QString &name, const QString &source) -> Outcome<> {
        const QFileInfo fi(source);
        if (!fi.isFile() || fi.isSymLink())
            return Failure(tr("%1 is missing or not a regular file.").arg(source));
        d.files.append({name, fi.size(), fi.absoluteFilePath()});
        taken.insert(name);
        return {};
    };
    for (VmDisk &disk : stored.disks) {
        const QString name = diskName(disk.path, disk.format, taken);
        if (Outcome<> added = add(name, disk.path); !added)
            return added.failure().within(tr("A disk of the VM: %1"));
        disk.path = name;
    }
    const VmLayout layout = VmLayout::ofFolder(vmFolder);
    const FolderNames &n = names();
    for (const auto &[name, path] : {std::pair{n.uefiVars, layout.uefiVarsPath()},
                                     std::pair{n.snapshots, layout.snapshotsPath()}}) {
        if (QFileInfo::exists(path)) {
            if (Outcome<> added = add(name, path); !added)
                return added.failure();
        }
    }
    for (const auto &[folder, path] : {std::pair{n.thumbnails, layout.thumbnailFolder()},
                                       std::pair{n.tpm, layout.tpmStateFolder()}}) {
        QDirIterator it(path, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            const QString name = folder + u'/' + QDir(path).relativeFilePath(file);
            if (nameProblem(name).isEmpty() && !it.fileInfo().isSymLink()) {
                if (Outcome<> added = add(name, file); !added)
                    return added.failure();
            }
        }
    }
    d.definition = stored.toJson();
    // The disk paths are bundle names, not absolute paths: stored as they are.
    QJsonArray disks;
    for (const VmDisk &disk : stored.disks)
        disks.append(
            QJsonObject{{u"path"_s, disk.path}, {u"format"_s, disk.format}, {u"bus"_s, disk.bus}});
    d.definition.insert(u"disks"_s, disks);
    return d;
}

QByteArray BundleDescriptor::toJson() const
{
    QJsonArray list;
    for (const File &f : files)
        list.append(QJsonObject{{u"name"_s, f.name}, {u"size"_s, f.size}});
    return QJsonDocument(QJsonObject{{u"berth_bundle"_s, Version},
                                     {u"created_by"_s, u"Berth " BERTH_VERSION ""_s},
                                     {u"definition"_s, definition},
                                     {u"files"_s, list}})
        .toJson();
}

Outcome<BundleDescriptor> BundleDescriptor::fromJson(const QByteArray &json)
{
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    const QJsonValue version = root.value("berth_bundle"_L1);
    if (!version.isDouble())
        return Failure(tr("This is not a Berth bundle (its first file is not a valid %1).")
                           .arg(descriptorName()));
    if (version.toInt() > Version || version.toInt() < 1)
        return Failure(tr("This bundle was made by a newer Berth (bundle version %1; this "
                          "version reads up to %2): update Berth to import it.")
                           .arg(version.toInt())
                           .arg(Version));
    BundleDescriptor d;
    d.definition = root.value("definition"_L1).toObject();
    QSet<QString> seen;
    for (const QJsonValue &v : root.value("files"_L1).toArray()) {
        const QJsonObject o = v.toObject();
        File f{o.value("name"_L1).toString(), o.value("size"_L1).toInteger(-1), {}};
        if (const QString problem = nameProblem(f.name); !problem.isEmpty())
            return Failure(problem);
        if (f.name == descriptorName() || f.name == checksumsName() || f.size < 0 ||
            seen.contains(f.name))
            return Failure(tr("The bundle's list of files is damaged (%1).").arg(f.name));
        seen.insert(f.name);
        d.files.append(f);
    }
    for (const QJsonValue &v : d.definition.value("disks"_L1).toArray()) {
        const QString disk = v.toObject().value("path"_L1).toString();
        if (disk.contains(u'/') || !seen.contains(disk))
            return Failure(tr("The bundle names a disk it does not hold: %1.").arg(disk));
    }
    return d;
}

Outcome<VmDefinition> BundleDescriptor::definitionIn(const QString &folder) const
{
    QJsonObject json = definition;
    QJsonArray disks = json.value("disks"_L1).toArray();
    for (qsizetype i = 0; i < disks.size(); ++i) {
        QJsonObject disk = disks[i].toObject();
        disk.insert(u"path"_s, QDir(folder).filePath(disk.value("path"_L1).toString()));
        // The copy is Berth's: deleting the imported VM may delete it.
        disk.insert(u"created_by_berth"_s, true);
        disks[i] = disk;
    }
    json.insert(u"disks"_s, disks);
    VmDefinition out;
    QString error;
    if (!VmDefinition::fromJson(json, out, error))
        return Failure(tr("The bundle's VM definition cannot be used: %1").arg(error));
    return out;
}

QByteArray BundleDescriptor::checksumsJson(const QHash<QString, QString> &digests)
{
    QJsonObject list;
    for (auto it = digests.cbegin(); it != digests.cend(); ++it)
        list.insert(it.key(), it.value());
    return QJsonDocument(QJsonObject{{u"sparse_blake2b_256"_s, list}}).toJson();
}

Outcome<QHash<QString, QString>> BundleDescriptor::checksumsFromJson(const QByteArray &json)
{
    const QJsonObject list =
        QJsonDocument::fromJson(json).object().value("sparse_blake2b_256"_L1).toObject();
    if (list.isEmpty())
        return Failure(tr("The bundle's checksums are missing or damaged."));
    QHash<QString, QString> digests;
    for (auto it = list.constBegin(); it != list.constEnd(); ++it)
        digests.insert(it.key(), it.value().toString());
    return digests;
}
