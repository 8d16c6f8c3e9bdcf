// SPDX-License-Identifier: GPL-2.0-or-later
// berth export NAME FILE, import FILE, clone NAME NEW.
#include "app/cli/portabilitycommands.h"

#include "app/cli/clijob.h"
#include "models/portability/vmcloner.h"
#include "models/portability/vmexporter.h"
#include "models/portability/vmimporter.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace {

void refuseExtraArguments(CliSession &s, qsizetype wanted)
{
    const QStringList positionals = s.parser().positionalArguments();
    if (positionals.size() > wanted)
        throw CliError{CliText::tr("unexpected argument \"%1\"").arg(positionals.at(wanted)),
                       CliUsage};
}

int cmdExport(CliSession &s)
{
    const QString name = s.positional(0, CliText::tr("the VM's NAME"));
    const QString file =
        QFileInfo(s.positional(1, CliText::tr("the bundle's FILE"))).absoluteFilePath();
    refuseExtraArguments(s, 2);
    const bool compress = s.parser().isSet(u"compress"_s);
    VmExporter exporter(&s.library());
    printProgress(exporter, s.err());
    runJob(exporter, [&] { exporter.exportVm(name, file, compress); });
    if (s.json())
        printJson(s.out(), QJsonObject{{u"name"_s, name},
                                       {u"file"_s, file},
                                       {u"size"_s, QFileInfo(file).size()},
                                       {u"compressed"_s, compress}});
    else
        printLine(s.out(), CliText::tr("Exported %1 to %2").arg(name, file));
    return CliSuccess;
}

int cmdImport(CliSession &s)
{
    const QString file =
        QFileInfo(s.positional(0, CliText::tr("the bundle's FILE"))).absoluteFilePath();
    refuseExtraArguments(s, 1);
    VmImporter importer(&s.library());
    printProgress(importer, s.err());
    runJob(importer, [&] { importer.importFile(file, s.parser().value(u"name"_s)); });
    const VmDefinition &d = importer.definition();
    const VmEntry *entry = s.library().find(d.name);
    if (s.json()) {
        printJson(s.out(), QJsonObject{{u"name"_s, d.name},
                                       {u"uuid"_s, d.uuid.toString(QUuid::WithoutBraces)},
                                       {u"uuid_changed"_s, importer.uuidChanged()},
                                       {u"folder"_s, entry ? entry->folder : QString()},
                                       {u"disks"_s, int(d.disks.size())}});
    } else {
        printLine(s.out(), CliText::tr("Imported %1 as %2").arg(file, d.name));
        if (importer.uuidChanged())
            printLine(s.out(), CliText::tr("A VM with its UUID exists already: it was given a new "
                                           "one (%1).")
                                   .arg(d.uuid.toString(QUuid::WithoutBraces)));
    }
    return CliSuccess;
}

int cmdClone(CliSession &s)
{
    const QString source = s.positional(0, CliText::tr("the VM's NAME"));
    const QString name = s.positional(1, CliText::tr("the clone's NAME"));
    refuseExtraArguments(s, 2);
    const bool linked = s.parser().isSet(u"linked"_s);
    VmCloner cloner(&s.library());
    printProgress(cloner, s.err());
    runJob(cloner, [&] { cloner.clone(source, name, linked); });
    const VmDefinition &d = cloner.definition();
    if (s.json()) {
        QJsonArray disks;
        for (const VmDisk &disk : d.disks)
            disks.append(QJsonObject{
                {u"path"_s, disk.path},
                {u"format"_s, disk.format},
                {u"backing"_s, disk.backing.isEmpty() ? QJsonValue() : QJsonValue(disk.backing)}});
        printJson(s.out(), QJsonObject{{u"name"_s, d.name},
                                       {u"uuid"_s, d.uuid.toString(QUuid::WithoutBraces)},
                                       {u"source"_s, source},
                                       {u"linked"_s, linked},
                                       {u"disks"_s, disks}});
    } else {
        printLine(s.out(), linked ? CliText::tr("Made %1, a linked clone of %2").arg(d.name, source)
                                  : CliText::tr("Made %1, a copy of %2").arg(d.name, source));
    }
    return CliSuccess;
}

} // namespace

void addPortabilityCommands(CliCommandTable &t)
{
    t[u"export"_s] = {
        QT_TRANSLATE_NOOP("CommandLine",
                          "Write a stopped VM into one bundle file: its definition, disks, UEFI "
                          "variables, TPM state and snapshots. Never writes over a file."),
        "NAME FILE.berth",
        {{u"compress"_s, CliText::tr("Compress the bundle (zstd).")}},
        cmdExport};
    t[u"import"_s] = {
        QT_TRANSLATE_NOOP("CommandLine",
                          "Add the VM of a bundle made by berth export; its checksums are "
                          "verified. A VM of the same name is never replaced."),
        "FILE.berth",
        {{u"name"_s, CliText::tr("Name the new VM (default: the name in the bundle)."), u"NEW"_s}},
        cmdImport};
    t[u"clone"_s] = {
        QT_TRANSLATE_NOOP("CommandLine",
                          "Copy a stopped VM under a new name, with a new UUID, its UEFI variables "
                          "and a fresh TPM. A full clone copies the disks and snapshots; a linked "
                          "one makes overlays on the source's disks, and the source can then "
                          "neither start nor be deleted until its linked clones are deleted."),
        "NAME NEW",
        {{u"linked"_s,
          CliText::tr("Make qcow2 overlays on the source's disks instead of copies.")}},
        cmdClone};
}
