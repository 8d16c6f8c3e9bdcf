// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/vmdefinition.h"

#include "models/vm/vmlimits.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kMaxCpus = VmLimits::MaxCpus;
constexpr int kMinMemoryMiB = VmLimits::MinMemoryMiB;
constexpr int kMaxMemoryMiB = VmLimits::MaxMemoryMiB;
constexpr int kMaxNameLength = 64;

const QStringList &diskFormats()
{
    return VmLimits::diskFormats();
}

const QStringList &diskBuses()
{
    return VmLimits::diskBuses();
}

/// Reads typed members out of one JSON object, remembering the first problem.
class Reader
{
public:
    Reader(const QJsonObject &object, QString prefix)
        : m_object(object)
        , m_prefix(std::move(prefix))
    {}

    QString error() const { return m_error; }

    QString string(const char *key, const QString &fallback = {})
    {
        const QJsonValue v = m_object.value(QLatin1StringView(key));
        if (v.isUndefined() || v.isNull())
            return fallback;
        if (!v.isString())
            fail(key, VmDefinition::tr("must be text"));
        return v.toString();
    }

    int integer(const char *key, int fallback, int min, int max)
    {
        const QJsonValue v = m_object.value(QLatin1StringView(key));
        if (v.isUndefined())
            return fallback;
        const double d = v.toDouble(-1.0);
        if (!v.isDouble() || d != double(qint64(d)) || d < min || d > max) {
            fail(key,
                 VmDefinition::tr("must be a whole number between %1 and %2").arg(min).arg(max));
            return fallback;
        }
        return int(d);
    }

    bool boolean(const char *key, bool fallback)
    {
        const QJsonValue v = m_object.value(QLatin1StringView(key));
        if (v.isUndefined())
            return fallback;
        if (!v.isBool())
            fail(key, VmDefinition::tr("must be true or false"));
        return v.toBool(fallback);
    }

    QJsonArray array(const char *key)
    {
        const QJsonValue v = m_object.value(QLatin1StringView(key));
        if (v.isUndefined())
            return {};
        if (!v.isArray())
            fail(key, VmDefinition::tr("must be a list"));
        return v.toArray();
    }

    QJsonObject object(const char *key)
    {
        const QJsonValue v = m_object.value(QLatin1StringView(key));
        if (v.isUndefined())
            return {};
        if (!v.isObject())
            fail(key, VmDefinition::tr("must be an object"));
        return v.toObject();
    }

    void fail(const char *key, const QString &what)
    {
        if (m_error.isEmpty())
            m_error = u"%1%2 %3"_s.arg(m_prefix, QLatin1StringView(key), what);
    }

private:
    const QJsonObject &m_object;
    QString m_prefix;
    QString m_error;
};

QString checkAbsolute(const QString &path, const QString &what)
{
    if (!path.isEmpty() && !QDir::isAbsolutePath(path))
        return VmDefinition::tr("%1 must be an absolute path: %2").arg(what, path);
    return {};
}

} // namespace

QString VmDefinition::acceleratorName(Accelerator a)
{
    switch (a) {
    case Accelerator::Auto:
        return u"auto"_s;
    case Accelerator::Kvm:
        return u"kvm"_s;
    case Accelerator::Tcg:
        return u"tcg"_s;
    }
    return {};
}

bool VmDefinition::acceleratorFromName(const QString &name, Accelerator &out)
{
    for (Accelerator a : {Accelerator::Auto, Accelerator::Kvm, Accelerator::Tcg}) {
        if (acceleratorName(a) == name) {
            out = a;
            return true;
        }
    }
    return false;
}

QString VmDefinition::firmwareName(Firmware f)
{
    return f == Firmware::Uefi ? u"uefi"_s : u"bios"_s;
}

QString VmDefinition::macOf(qsizetype index) const
{
    const QString kept = nics.value(index).mac;
    return kept.isEmpty() ? VmNetwork::derivedMac(uuid, index) : kept;
}

QString VmDefinition::validateName(const QString &name)
{
    if (name.isEmpty())
        return VmDefinition::tr("A VM needs a name.");
    if (name.size() > kMaxNameLength)
        return VmDefinition::tr("The name is longer than %1 characters.").arg(kMaxNameLength);
    if (name.trimmed() != name)
        return VmDefinition::tr("The name must not start or end with a space.");
    // Its folder would be hidden: never listed (as Berth's staging folders are not), and
    // the VM would vanish from the library. "." and ".." are among these.
    if (name.startsWith(u'.'))
        return VmDefinition::tr("The name must not start with \".\".");
    for (const QChar c : name) {
        if (c == u'/' || c == u'\\')
            return VmDefinition::tr("The name must not contain \"/\" or \"\\\".");
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format ||
            c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            return VmDefinition::tr("The name must not contain control characters.");
    }
    return {};
}

QString VmDefinition::validate() const
{
    if (QString e = validateName(name); !e.isEmpty())
        return e;
    if (cpus < VmLimits::MinCpus || cpus > kMaxCpus)
        return VmDefinition::tr("The number of CPUs must be between %1 and %2.")
            .arg(VmLimits::MinCpus)
            .arg(kMaxCpus);
    if (memoryMiB < kMinMemoryMiB || memoryMiB > kMaxMemoryMiB)
        return VmDefinition::tr("Memory must be between %1 MiB and %2 MiB.")
            .arg(kMinMemoryMiB)
            .arg(kMaxMemoryMiB);
    if (machine.isEmpty() || !std::all_of(machine.begin(), machine.end(), [](QChar c) {
            return c.isLetterOrNumber() || c == u'-' || c == u'_' || c == u'.';
        }))
        return VmDefinition::tr("\"%1\" is not a valid machine type.").arg(machine);
    for (const VmDisk &disk : disks) {
        if (disk.path.isEmpty())
            return VmDefinition::tr("A disk has no file.");
        if (QString e = checkAbsolute(disk.path, VmDefinition::tr("A disk")); !e.isEmpty())
            return e;
        if (!diskFormats().contains(disk.format))
            return VmDefinition::tr("Disk %1: unknown format \"%2\" (use one of %3).")
                .arg(disk.path, disk.format, diskFormats().join(u", "_s));
        if (QString e = checkAbsolute(disk.backing, VmDefinition::tr("A disk's base image"));
            !e.isEmpty())
            return e;
        if (!diskBuses().contains(disk.bus))
            return VmDefinition::tr("Disk %1: unknown bus \"%2\" (use one of %3).")
                .arg(disk.path, disk.bus, diskBuses().join(u", "_s));
    }
    if (QString e = checkAbsolute(cdrom, VmDefinition::tr("The CD-ROM image")); !e.isEmpty())
        return e;
    if (QString e = checkAbsolute(kernel, VmDefinition::tr("The kernel")); !e.isEmpty())
        return e;
    if (QString e = checkAbsolute(initrd, VmDefinition::tr("The initrd")); !e.isEmpty())
        return e;
    if (kernel.isEmpty() && (!initrd.isEmpty() || !kernelArgs.isEmpty()))
        return VmDefinition::tr("An initrd or a kernel command line needs a kernel.");
    if (QString e = VmNetwork::validate(nics, portForwards); !e.isEmpty())
        return e;
    if (!VmLimits::nicModels().contains(nicModel))
        return VmDefinition::tr("Unknown network card model \"%1\" (use one of %2).")
            .arg(nicModel, VmLimits::nicModels().join(u", "_s));
    if (secureBoot && firmware != Firmware::Uefi)
        return VmDefinition::tr("Secure Boot needs UEFI firmware (firmware uefi), not BIOS.");
    if (QString e = resources.validate(memoryMiB); !e.isEmpty())
        return e;
    return {};
}

QJsonObject VmDefinition::toJson() const
{
    QJsonArray diskArray;
    for (const VmDisk &d : disks) {
        QJsonObject disk{{u"path"_s, d.path}, {u"format"_s, d.format}, {u"bus"_s, d.bus}};
        if (d.createdByBerth)
            disk.insert(u"created_by_berth"_s, true);
        if (!d.backing.isEmpty())
            disk.insert(u"backing"_s, d.backing);
        diskArray.append(disk);
    }
    QJsonObject network{{u"model"_s, nicModel}};
    VmNetwork::toJson(nics, portForwards, network);
    QJsonObject json{
        {u"version"_s, SchemaVersion},
        {u"name"_s, name},
        {u"uuid"_s, uuid.toString(QUuid::WithoutBraces)},
        {u"cpus"_s, cpus},
        {u"memory_mib"_s, memoryMiB},
        {u"machine"_s, machine},
        {u"accelerator"_s, acceleratorName(accelerator)},
        {u"firmware"_s, firmwareName(firmware)},
        {u"disks"_s, diskArray},
        {u"cdrom"_s, cdrom},
        {u"kernel"_s,
         QJsonObject{{u"path"_s, kernel}, {u"initrd"_s, initrd}, {u"cmdline"_s, kernelArgs}}},
        {u"network"_s, network},
        {u"notes"_s, notes},
    };
    // Written only when on: definitions without them read as before.
    if (tpm)
        json.insert(u"tpm"_s, true);
    if (secureBoot)
        json.insert(u"secure_boot"_s, true);
    if (!linkedClones.isEmpty()) {
        QJsonArray clones;
        for (const QUuid &clone : linkedClones)
            clones.append(clone.toString(QUuid::WithoutBraces));
        json.insert(u"linked_clones"_s, clones);
    }
    if (!resources.isDefault())
        json.insert(u"resources"_s, resources.toJson());
    return json;
}

bool VmDefinition::fromJson(const QJsonObject &json, VmDefinition &out, QString &error)
{
    const QJsonValue version = json.value("version"_L1);
    if (!version.isDouble() || version.toDouble() != double(version.toInt()) ||
        version.toInt() < 1) {
        error = VmDefinition::tr("it has no valid \"version\" field");
        return false;
    }
    if (version.toInt() > SchemaVersion) {
        error = VmDefinition::tr(
                    "it was written by a newer version of Berth (definition version %1; this "
                    "version reads up to %2): update Berth to use it")
                    .arg(version.toInt())
                    .arg(SchemaVersion);
        return false;
    }

    VmDefinition d;
    Reader r(json, {});
    d.name = r.string("name");
    const QString uuidText = r.string("uuid");
    d.uuid = QUuid::fromString(uuidText);
    if (r.error().isEmpty() && d.uuid.isNull()) {
        error = VmDefinition::tr("\"uuid\" is missing or not a UUID");
        return false;
    }
    d.cpus = r.integer("cpus", d.cpus, 1, kMaxCpus);
    d.memoryMiB = r.integer("memory_mib", d.memoryMiB, kMinMemoryMiB, kMaxMemoryMiB);
    d.machine = r.string("machine", d.machine);
    const QString accel = r.string("accelerator", u"auto"_s);
    if (r.error().isEmpty() && !acceleratorFromName(accel, d.accelerator))
        r.fail("accelerator", VmDefinition::tr("must be auto, kvm or tcg"));
    const QString firmware = r.string("firmware", u"bios"_s);
    if (firmware == "uefi"_L1)
        d.firmware = Firmware::Uefi;
    else if (firmware != "bios"_L1)
        r.fail("firmware", VmDefinition::tr("must be bios or uefi"));
    d.tpm = r.boolean("tpm", false);
    d.secureBoot = r.boolean("secure_boot", false);

    const QJsonArray diskArray = r.array("disks");
    for (qsizetype i = 0; i < diskArray.size() && r.error().isEmpty(); ++i) {
        if (!diskArray[i].isObject()) {
            r.fail("disks", VmDefinition::tr("must hold objects"));
            break;
        }
        const QJsonObject o = diskArray[i].toObject();
        Reader dr(o, u"disks[%1]."_s.arg(i));
        VmDisk disk;
        disk.path = dr.string("path");
        disk.format = dr.string("format", disk.format);
        disk.bus = dr.string("bus", disk.bus);
        disk.createdByBerth = dr.boolean("created_by_berth", false);
        disk.backing = dr.string("backing");
        if (!dr.error().isEmpty()) {
            error = dr.error();
            return false;
        }
        d.disks.append(disk);
    }
    d.cdrom = r.string("cdrom");
    const QJsonObject kernel = r.object("kernel");
    Reader kr(kernel, u"kernel."_s);
    d.kernel = kr.string("path");
    d.initrd = kr.string("initrd");
    d.kernelArgs = kr.string("cmdline");
    const QJsonObject network = r.object("network");
    Reader nr(network, u"network."_s);
    d.nicModel = nr.string("model", d.nicModel);
    if (nr.error().isEmpty()) {
        if (QString e = VmNetwork::fromJson(network, d.nics, d.portForwards); !e.isEmpty()) {
            error = e;
            return false;
        }
    }
    d.notes = r.string("notes");
    const QJsonArray clones = r.array("linked_clones");
    for (const QJsonValue &v : clones) {
        const QUuid clone = QUuid::fromString(v.toString());
        if (clone.isNull()) {
            r.fail("linked_clones", VmDefinition::tr("must hold UUIDs"));
            break;
        }
        d.linkedClones.append(clone);
    }

    const QJsonObject resources = r.object("resources");
    if (QString why; r.error().isEmpty() && !VmResources::fromJson(resources, d.resources, why)) {
        error = why;
        return false;
    }
    for (const QString &e : {r.error(), kr.error(), nr.error()}) {
        if (!e.isEmpty()) {
            error = e;
            return false;
        }
    }
    if (QString e = d.validate(); !e.isEmpty()) {
        error = e;
        return false;
    }
    out = d;
    return true;
}
