// SPDX-License-Identifier: GPL-2.0-or-later
// berth disk create PATH --size SIZE [--attach VM], info PATH, check PATH, resize PATH SIZE,
// convert SRC DST, attach VM PATH, detach VM PATH.
#include "app/cli/diskcommands.h"

#include "app/cli/clijob.h"

#include "models/common/bytesize.h"
#include "models/disks/diskattachment.h"
#include "models/disks/diskimagejob.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace {

/// The CLI's words for an existing destination: name the option that allows replacing it.
void refuseExisting(CliSession &s, const QString &path)
{
    if (!s.parser().isSet(u"overwrite"_s) && QFileInfo::exists(path))
        throw CliError{CliText::tr("%1 exists already; add --overwrite to replace it")
                           .arg(QFileInfo(path).absoluteFilePath())};
}

qint64 sizeArgument(const QString &text, const QString &what)
{
    const auto bytes = parseByteSize(text);
    if (!bytes)
        throw CliError{
            CliText::tr("%1 takes a size such as 20G or 512M, not \"%2\"").arg(what, text),
            CliUsage};
    return *bytes;
}

QString bytesText(qint64 bytes)
{
    return CliText::tr("%1 (%2 bytes)").arg(QLocale().formattedDataSize(bytes)).arg(bytes);
}

void printInfo(CliSession &s, const DiskImageInfo &i)
{
    printLine(s.out(), CliText::tr("image:        %1").arg(i.path));
    printLine(s.out(), CliText::tr("format:       %1").arg(i.format));
    printLine(s.out(), CliText::tr("virtual size: %1").arg(bytesText(i.virtualSize)));
    printLine(s.out(), CliText::tr("disk size:    %1").arg(bytesText(i.actualSize)));
    if (i.hasBacking())
        printLine(s.out(), CliText::tr("backing file: %1 (%2)")
                               .arg(i.fullBackingFile.isEmpty() ? i.backingFile : i.fullBackingFile,
                                    i.backingFormat.isEmpty() ? CliText::tr("format not recorded")
                                                              : i.backingFormat));
    if (!i.vmdkSubformat.isEmpty())
        printLine(s.out(), CliText::tr("subformat:    %1").arg(i.vmdkSubformat));
    if (i.snapshotCount > 0)
        printLine(s.out(), CliText::tr("snapshots:    %1").arg(i.snapshotCount));
    if (i.dirty)
        printLine(s.out(), CliText::tr("dirty:        yes (not closed cleanly; berth disk check)"));
    if (i.corrupt)
        printLine(s.out(), CliText::tr("corrupt:      yes (QEMU opens it read-only)"));
    if (i.inUseByAnotherProcess)
        printLine(s.out(), CliText::tr("in use:       yes (a QEMU has it open)"));
}

/// For --json after a change: the image as it is now.
void printResultInfo(CliSession &s, DiskImageJob &job, const QString &path)
{
    runJob(job, [&] { job.info(path); });
    printJson(s.out(), job.imageInfo().toJson());
}

void refuseOptions(CliSession &s, const QString &action, const QStringList &options)
{
    for (const QString &o : options) {
        if (s.parser().isSet(o))
            throw CliError{CliText::tr("--%1 is not an option of disk %2").arg(o, action),
                           CliUsage};
    }
}

int cmdDisk(CliSession &s)
{
    const QString action =
        s.positional(0, CliText::tr("an action (create, info, check, resize or convert)"));
    QCommandLineParser &p = s.parser();
    const QStringList positionals = p.positionalArguments();
    const bool twoOperands = action == "resize"_L1 || action == "convert"_L1 ||
                             action == "attach"_L1 || action == "detach"_L1;
    const qsizetype wanted = twoOperands ? 3 : 2;
    if (positionals.size() > wanted)
        throw CliError{CliText::tr("unexpected argument \"%1\"").arg(positionals.at(wanted)),
                       CliUsage};
    const QStringList createOptions{u"size"_s, u"backing"_s, u"preallocation"_s, u"attach"_s};
    // What an action that only names images (info, check, attach, detach) refuses.
    const QStringList pathOnlyOptions =
        createOptions + QStringList{u"format"_s, u"shrink"_s, u"compress"_s, u"overwrite"_s};
    if (action != "create"_L1 && action != "attach"_L1)
        refuseOptions(s, action, {u"bus"_s});
    DiskImageJob job;
    job.setLibrary(&s.library());

    if (action == "create"_L1) {
        refuseOptions(s, action, {u"shrink"_s, u"compress"_s});
        DiskCreateRequest r;
        r.path = s.positional(1, CliText::tr("the new image's PATH"));
        if (p.isSet(u"format"_s))
            r.format = p.value(u"format"_s);
        if (p.isSet(u"size"_s))
            r.sizeBytes = sizeArgument(p.value(u"size"_s), u"--size"_s);
        else if (!p.isSet(u"backing"_s))
            throw CliError{
                CliText::tr("disk create needs --size (or --backing for a linked clone)"),
                CliUsage};
        r.backingFile = p.value(u"backing"_s);
        if (p.isSet(u"preallocation"_s)) {
            const auto prealloc = DiskImageJob::preallocationFromName(p.value(u"preallocation"_s));
            if (!prealloc)
                throw CliError{
                    CliText::tr("--preallocation takes off, metadata, falloc or full, not \"%1\"")
                        .arg(p.value(u"preallocation"_s)),
                    CliUsage};
            r.preallocation = *prealloc;
        }
        r.overwrite = p.isSet(u"overwrite"_s);
        refuseExisting(s, r.path);
        const QString vm = p.value(u"attach"_s);
        const QString bus = p.isSet(u"bus"_s) ? p.value(u"bus"_s) : VmDisk().bus;
        if (p.isSet(u"bus"_s) && vm.isEmpty())
            throw CliError{CliText::tr("--bus goes with --attach"), CliUsage};
        // Asked before the image is made, and again when attaching it (as the wizard does).
        if (!vm.isEmpty()) {
            if (const QString why = DiskAttachment::problem(s.library(), vm, r.path, bus);
                !why.isEmpty())
                throw CliError{why};
        }
        runJob(job, [&] { job.create(r); });
        if (!vm.isEmpty()) {
            if (const Outcome<VmDefinition> attached =
                    DiskAttachment::attach(s.library(), vm, {job.path(), r.format, bus, true});
                !attached)
                throw CliError{CliText::tr("The image %1 was made, but it could not be "
                                           "attached: %2")
                                   .arg(job.path(), attached.failure().message())};
        }
        if (s.json())
            printResultInfo(s, job, job.path());
        else if (vm.isEmpty())
            printLine(s.out(), CliText::tr("Created %1").arg(job.path()));
        else
            printLine(
                s.out(),
                CliText::tr("Created %1 and attached it to %2 (%3)").arg(job.path(), vm, bus));
        return CliSuccess;
    }
    if (action == "attach"_L1 || action == "detach"_L1) {
        refuseOptions(s, action, pathOnlyOptions);
        const QString vm = s.positional(1, CliText::tr("the VM's NAME"));
        const QString path =
            QFileInfo(s.positional(2, CliText::tr("the image's PATH"))).absoluteFilePath();
        Outcome<VmDefinition> changed = Failure(QString());
        if (action == "attach"_L1) {
            const QString bus = p.isSet(u"bus"_s) ? p.value(u"bus"_s) : VmDisk().bus;
            if (const QString why = DiskAttachment::problem(s.library(), vm, path, bus);
                !why.isEmpty())
                throw CliError{why};
            // The format as qemu-img reads it; a file it cannot read is refused here.
            runJob(job, [&] { job.info(path); });
            changed =
                DiskAttachment::attach(s.library(), vm, {path, job.imageInfo().format, bus, false});
        } else {
            changed = DiskAttachment::detach(s.library(), vm, path);
        }
        if (!changed)
            throw CliError{changed.failure().message()};
        if (s.json()) {
            QJsonArray disks;
            for (const VmDisk &d : changed->disks)
                disks.append(
                    QJsonObject{{u"path"_s, d.path}, {u"format"_s, d.format}, {u"bus"_s, d.bus}});
            printJson(s.out(), QJsonObject{{u"name"_s, vm}, {u"disks"_s, disks}});
        } else if (action == "attach"_L1) {
            printLine(s.out(), CliText::tr("Attached %1 to %2").arg(path, vm));
        } else {
            printLine(s.out(), CliText::tr("Detached %1 from %2; the image is kept").arg(path, vm));
        }
        return CliSuccess;
    }
    if (action == "info"_L1 || action == "check"_L1) {
        refuseOptions(s, action, pathOnlyOptions);
        const QString path = s.positional(1, CliText::tr("the image's PATH"));
        if (action == "info"_L1) {
            runJob(job, [&] { job.info(path); });
            if (s.json())
                printJson(s.out(), job.imageInfo().toJson());
            else
                printInfo(s, job.imageInfo());
            return CliSuccess;
        }
        runJob(job, [&] { job.check(path); });
        const DiskCheckReport &report = job.checkReport();
        if (s.json())
            printJson(s.out(), report.toJson());
        else if (report.isClean())
            printLine(s.out(), report.summary());
        if (!report.isClean())
            throw CliError{report.summary()};
        return CliSuccess;
    }
    if (action == "resize"_L1) {
        refuseOptions(s, action,
                      createOptions + QStringList{u"format"_s, u"compress"_s, u"overwrite"_s});
        const QString path = s.positional(1, CliText::tr("the image's PATH"));
        const qint64 size = sizeArgument(s.positional(2, CliText::tr("the new SIZE")), u"SIZE"_s);
        try {
            runJob(job, [&] { job.resize(path, size, p.isSet(u"shrink"_s)); });
        } catch (CliError &e) {
            if (job.needsShrinkConfirmation())
                e.message = CliText::tr("%1 Add --shrink to confirm.").arg(e.message);
            throw;
        }
        if (s.json())
            printResultInfo(s, job, job.path());
        else
            printLine(s.out(), CliText::tr("Resized %1 to %2").arg(job.path(), bytesText(size)));
        return CliSuccess;
    }
    if (action == "convert"_L1) {
        refuseOptions(s, action, createOptions + QStringList{u"shrink"_s});
        DiskConvertRequest r;
        r.source = s.positional(1, CliText::tr("the SOURCE image"));
        r.destination = s.positional(2, CliText::tr("the DESTINATION path"));
        if (p.isSet(u"format"_s))
            r.format = p.value(u"format"_s);
        r.compress = p.isSet(u"compress"_s);
        r.overwrite = p.isSet(u"overwrite"_s);
        refuseExisting(s, r.destination);
        printProgress(job, s.err());
        runJob(job, [&] { job.convert(r); });
        if (s.json())
            printResultInfo(s, job, job.path());
        else
            printLine(s.out(),
                      CliText::tr("Converted %1 to %2 (%3)").arg(r.source, job.path(), r.format));
        return CliSuccess;
    }
    throw CliError{
        CliText::tr("disk takes create, info, check, resize, convert, attach or detach, not \"%1\"")
            .arg(action),
        CliUsage};
}

} // namespace

void addDiskCommands(CliCommandTable &t)
{
    t[u"disk"_s] = {
        QT_TRANSLATE_NOOP("CommandLine",
                          "Disk images: create PATH --size SIZE [--attach VM], info PATH, check "
                          "PATH, resize PATH SIZE, convert SRC DST; a stopped VM's disks: "
                          "attach VM PATH, detach VM PATH (the image is kept). Refuses to write "
                          "to an image a running VM uses, or over an existing file without "
                          "--overwrite."),
        "ACTION PATH [SIZE|DST] | attach|detach VM PATH",
        {{u"size"_s, CliText::tr("create: the virtual size, e.g. 20G."), u"SIZE"_s},
         {u"format"_s,
          CliText::tr(
              "create: qcow2 (default) or raw; convert: qcow2 (default), raw, vmdk, vdi or vhdx."),
          u"FORMAT"_s},
         {u"backing"_s, CliText::tr("create: a linked clone of this base image (qcow2 only)."),
          u"BASE"_s},
         {u"preallocation"_s, CliText::tr("create: off (default), metadata, falloc or full."),
          u"MODE"_s},
         {u"shrink"_s,
          CliText::tr("resize: allow shrinking a raw image (the end of the disk is lost).")},
         {u"compress"_s, CliText::tr("convert: compress (qcow2 and vmdk only).")},
         {u"overwrite"_s, CliText::tr("create, convert: replace an existing file.")},
         {u"attach"_s, CliText::tr("create: attach the new image to this stopped VM."), u"VM"_s},
         {u"bus"_s, CliText::tr("create --attach, attach: virtio (default), sata, ide or scsi."),
          u"BUS"_s}},
        cmdDisk};
}
