// SPDX-License-Identifier: GPL-2.0-or-later
// berth create, list, status, start, pause, resume, reset, stop, delete, log.
#include "app/cli/vmcommands.h"

#include "app/cli/detectcommand.h"
#include "app/cli/resourcecommands.h"

#include "models/common/bytesize.h"
#include "models/creation/vmcreator.h"
#include "models/vm/guestaddress.h"
#include "models/osinfo/osdetector.h"
#include "models/vm/serialtext.h"
#include "models/vm/swtpm.h"
#include "models/vm/uefifirmware.h"
#include "models/vm/vmfields.h"
#include "models/vm/vminstance.h"
#include "models/vm/vmlayout.h"
#include "models/vm/vmlifecycle.h"
#include "models/vm/vmlimits.h"

#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QThread>

#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {

QJsonObject describe(const VmEntry &e, const VmInstance *instance)
{
    const VmDefinition &d = e.definition;
    const VmState state = instance ? instance->state() : VmState::Stopped;
    const bool running = instance && instance->pid() > 0;
    QJsonObject o{
        {u"name"_s, e.name()},
        {u"state"_s, vmStateName(state)},
        {u"pid"_s, running ? QJsonValue(instance->pid()) : QJsonValue()},
        {u"accel"_s,
         VmDefinition::acceleratorName(running ? instance->effectiveAccelerator() : d.accelerator)},
        {u"memory_mib"_s, d.memoryMiB},
        {u"cpus"_s, d.cpus},
        {u"uuid"_s, d.uuid.toString(QUuid::WithoutBraces)},
        {u"folder"_s, e.folder},
    };
    if (e.isBroken())
        o.insert(u"broken"_s, e.brokenReason);
    if (instance && !instance->lastError().isEmpty())
        o.insert(u"error"_s, instance->lastError());
    return o;
}

QString describeLine(const QJsonObject &o)
{
    QString line = u"%1\t%2"_s.arg(o.value("name"_L1).toString(), o.value("state"_L1).toString());
    if (o.contains("broken"_L1))
        return line + u"\t"_s + CliText::tr("broken: %1").arg(o.value("broken"_L1).toString());
    line += u"\t%1\t%2 MiB\t%3 CPU"_s.arg(o.value("accel"_L1).toString())
                .arg(o.value("memory_mib"_L1).toInt())
                .arg(o.value("cpus"_L1).toInt());
    if (!o.value("pid"_L1).isNull())
        line += u"\tpid %1"_s.arg(o.value("pid"_L1).toInteger());
    return line;
}

// ---- commands -------------------------------------------------------------------------

int cmdList(CliSession &s)
{
    QJsonArray all;
    for (const VmEntry &e : s.library().entries()) {
        std::unique_ptr<VmInstance> instance;
        if (!e.isBroken())
            instance = s.attached(e);
        all.append(describe(e, instance.get()));
    }
    if (s.json()) {
        printJson(s.out(), all);
    } else {
        for (const QJsonValue &v : std::as_const(all))
            printLine(s.out(), describeLine(v.toObject()));
    }
    return CliSuccess;
}

int cmdStatus(CliSession &s)
{
    const VmEntry &e = s.entry(true);
    std::unique_ptr<VmInstance> instance;
    if (!e.isBroken())
        instance = s.attached(e);
    QJsonObject o = describe(e, instance.get());
    // Where QEMU's user-mode network sees the guest (GuestAddress), while it runs.
    QString address;
    if (instance && instance->qmp()) {
        QEventLoop loop;
        GuestAddress::query(*instance, &loop, [&](const QStringList &addresses) {
            for (const QString &a : addresses) {
                if (address.isEmpty())
                    address = a;
            }
            loop.quit();
        });
        loop.exec();
    }
    o.insert(u"guest_address"_s, address.isEmpty() ? QJsonValue() : QJsonValue(address));
    if (s.json()) {
        // The whole definition, so that scripts never read Berth's files: what vm.json holds
        // (disks with path, format, bus, backing; cdrom, kernel, network and its forwards,
        // firmware, machine, notes, linked clones), beside the state above.
        if (!e.isBroken()) {
            const QJsonObject definition = e.definition.toJson();
            for (auto it = definition.constBegin(); it != definition.constEnd(); ++it) {
                if (!o.contains(it.key()) && it.key() != "version"_L1 &&
                    it.key() != "accelerator"_L1)
                    o.insert(it.key(), it.value());
            }
            QJsonArray disks = o.value("disks"_L1).toArray();
            for (qsizetype i = 0; i < disks.size(); ++i) {
                QJsonObject disk = disks[i].toObject();
                if (!disk.contains("backing"_L1))
                    disk.insert(u"backing"_s, QJsonValue::Null);
                disks[i] = disk;
            }
            o.insert(u"disks"_s, disks);
        }
        printJson(s.out(), o);
    } else {
        printLine(s.out(),
                  address.isEmpty() ? describeLine(o) : describeLine(o) + u"\t"_s + address);
    }
    return CliSuccess;
}

int cmdCreate(CliSession &s)
{
    QCommandLineParser &p = s.parser();
    VmDefinition d;
    d.name = s.positional(0, CliText::tr("NAME"));
    bool ok = true;
    if (p.isSet(u"memory"_s)) {
        d.memoryMiB = p.value(u"memory"_s).toInt(&ok);
        if (!ok)
            throw CliError{CliText::tr("--memory takes a whole number of MiB, not \"%1\"")
                               .arg(p.value(u"memory"_s)),
                           CliUsage};
    }
    if (p.isSet(u"cpus"_s)) {
        d.cpus = p.value(u"cpus"_s).toInt(&ok);
        if (!ok)
            throw CliError{
                CliText::tr("--cpus takes a whole number, not \"%1\"").arg(p.value(u"cpus"_s)),
                CliUsage};
    }
    if (p.isSet(u"accel"_s) &&
        !VmDefinition::acceleratorFromName(p.value(u"accel"_s), d.accelerator))
        throw CliError{
            CliText::tr("--accel takes auto, kvm or tcg, not \"%1\"").arg(p.value(u"accel"_s)),
            CliUsage};
    if (p.isSet(u"firmware"_s)) {
        const QString firmware = p.value(u"firmware"_s);
        if (firmware != VmDefinition::firmwareName(Firmware::Bios) &&
            firmware != VmDefinition::firmwareName(Firmware::Uefi))
            throw CliError{CliText::tr("--firmware takes bios or uefi, not \"%1\"").arg(firmware),
                           CliUsage};
        d.firmware = firmware == VmDefinition::firmwareName(Firmware::Uefi) ? Firmware::Uefi
                                                                            : Firmware::Bios;
        if (d.firmware == Firmware::Uefi) {
            if (const Outcome<UefiFirmware::Files> ovmf = UefiFirmware::find(); !ovmf)
                throw CliError::from(ovmf.failure());
        }
    }
    if (p.isSet(u"disk"_s) && p.isSet(u"disk-size"_s))
        throw CliError{CliText::tr("use either --disk or --disk-size, not both"), CliUsage};
    DiskPlan disk;
    if (p.isSet(u"disk-size"_s)) {
        const std::optional<qint64> size = parseByteSize(p.value(u"disk-size"_s));
        if (!size)
            throw CliError{CliText::tr("--disk-size takes a size such as 20G or 512M, not \"%1\"")
                               .arg(p.value(u"disk-size"_s)),
                           CliUsage};
        disk.kind = DiskPlan::Kind::Create; // qcow2, sparse
        disk.sizeBytes = *size;
    }
    if (p.isSet(u"disk"_s)) {
        // Used where it is; its format is what qemu-img reads in it, not its name's.
        disk.kind = DiskPlan::Kind::UseExisting;
        disk.path = requireFile(p.value(u"disk"_s), CliText::tr("the disk"));
    }
    if (p.isSet(u"cdrom"_s))
        d.cdrom = requireFile(p.value(u"cdrom"_s), CliText::tr("the ISO"));
    if (p.isSet(u"kernel"_s))
        d.kernel = requireFile(p.value(u"kernel"_s), CliText::tr("the kernel"));
    if (p.isSet(u"initrd"_s))
        d.initrd = requireFile(p.value(u"initrd"_s), CliText::tr("the initrd"));
    d.kernelArgs = p.value(u"append"_s);
    if (d.kernel.isEmpty() && (p.isSet(u"initrd"_s) || p.isSet(u"append"_s)))
        throw CliError{CliText::tr("--initrd and --append need --kernel"), CliUsage};

    if (p.isSet(u"network"_s)) {
        // The same parser as `berth set --network`.
        if (const QString why =
                VmFields::find(u"network"_s)->parse(d, p.values(u"network"_s).join(u'\n'));
            !why.isEmpty())
            throw CliError{why, CliUsage};
    }
    d.tpm = p.isSet(u"tpm"_s);
    d.secureBoot = p.isSet(u"secure-boot"_s);

    // As the New VM wizard does: what osinfo-db says of the ISO's system, where the command
    // line does not say (the same OsDetector).
    std::optional<OsProfile> detected;
    if (!d.cdrom.isEmpty() && d.kernel.isEmpty()) {
        if (const OsProfile os = OsDetector::detectNow(d.cdrom); os.recognised) {
            detected = os;
            if (!p.isSet(u"memory"_s))
                d.memoryMiB = os.memoryMiB;
            if (!p.isSet(u"cpus"_s))
                d.cpus = std::clamp(os.cpus, 1, std::max(1, QThread::idealThreadCount()));
            if (!p.isSet(u"disk"_s) && !p.isSet(u"disk-size"_s)) {
                disk.kind = DiskPlan::Kind::Create;
                disk.sizeBytes = os.diskBytes;
            }
            if (!p.isSet(u"firmware"_s) && os.wantsUefi && UefiFirmware::find())
                d.firmware = Firmware::Uefi;
            if (!p.isSet(u"tpm"_s) && os.wantsTpm) {
                d.tpm = bool(Swtpm::findBinary());
                if (!d.tpm)
                    printLine(s.err(), CliText::tr("warning: %1 needs a TPM 2.0, and swtpm is "
                                                   "not installed (apt install swtpm)")
                                           .arg(os.name));
            }
            if (!p.isSet(u"secure-boot"_s) && os.wantsSecureBoot && d.firmware == Firmware::Uefi &&
                UefiFirmware::find(true))
                d.secureBoot = true;
        }
    }
    if (d.secureBoot && d.firmware != Firmware::Uefi)
        throw CliError{CliText::tr("--secure-boot needs --firmware uefi"), CliUsage};
    if (d.secureBoot) {
        if (const Outcome<UefiFirmware::Files> ovmf = UefiFirmware::find(true); !ovmf)
            throw CliError::from(ovmf.failure());
    }
    if (d.tpm) {
        if (const Outcome<QString> swtpm = Swtpm::findBinary(); !swtpm)
            throw CliError::from(swtpm.failure());
    }

    // The same rules as the New VM wizard and `berth set`.
    const VmLimits::Verdict verdict = VmLimits::check(d);
    if (!verdict.error.isEmpty() && VmDefinition::validateName(d.name).isEmpty())
        throw CliError{verdict.error};
    if (!verdict.warning.isEmpty())
        printLine(s.err(), CliText::tr("warning: %1").arg(verdict.warning));

    // Staged and added in one step, as the window does: a failure leaves nothing behind.
    VmLibrary &lib = s.library();
    VmCreator creator(&lib);
    Outcome<> created;
    QEventLoop loop;
    QObject::connect(&creator, &VmCreator::finished, &loop, [&](const Outcome<> &outcome) {
        created = outcome;
        loop.quit();
    });
    creator.create(d, disk);
    loop.exec(); // the CLI may wait: there is no window to freeze
    if (!created)
        throw CliError::from(created.failure());
    const VmEntry *e = lib.find(d.name);
    if (s.json()) {
        // As `berth list` shows it, and what was recognised on the ISO (the definition:
        // `berth status --json`).
        QJsonObject o = describe(*e, nullptr);
        if (detected)
            o.insert(u"detected"_s, detectedJson(d.cdrom, *detected));
        printJson(s.out(), o);
    } else {
        if (detected)
            printLine(s.out(), CliText::tr("Recognised %1").arg(detectedLine(*detected)));
        printLine(s.out(), CliText::tr("Created %1 in %2").arg(d.name, e->folder));
    }
    return CliSuccess;
}

/// Asks @p what of the attached VM and waits until @p done says so (and, when
/// @p needsAnswer, QEMU has accepted the command), or the action is refused or fails, or
/// QEMU ends. A refusal comes from VmLifecycle, as in the window.
int act(CliSession &s, VmAction what, const std::function<void(VmInstance &)> &action,
        const std::function<bool(VmInstance &)> &done, const QString &doneMessage,
        bool needsAnswer = false)
{
    const VmEntry &e = s.entry();
    std::unique_ptr<VmInstance> instance = s.attached(e);
    if (const QString why = instance->refusal(what); !why.isEmpty())
        throw CliError{why};
    QString failure;
    bool hasAnswer = !needsAnswer;
    const auto finished = [&] {
        return hasAnswer && done(*instance);
    };
    QEventLoop loop;
    QObject::connect(instance.get(), &VmInstance::actionFailed, &loop,
                     [&](VmAction, const QString &message) {
                         failure = message;
                         loop.quit();
                     });
    QObject::connect(instance.get(), &VmInstance::stateChanged, &loop, [&] {
        if (finished() || !VmLifecycle::hasProcess(instance->state()))
            loop.quit();
    });
    QObject::connect(instance.get(), &VmInstance::actionSucceeded, &loop, [&](VmAction a) {
        hasAnswer |= a == what;
        if (finished())
            loop.quit();
    });
    action(*instance);
    if (failure.isEmpty() && !finished())
        loop.exec();
    if (!failure.isEmpty())
        throw CliError{failure};
    if (!finished())
        throw CliError{instance->lastError().isEmpty()
                           ? CliText::tr("%1 did not complete").arg(e.name())
                           : instance->lastError()};
    if (s.json())
        printJson(s.out(), describe(e, instance.get()));
    else
        printLine(s.out(), doneMessage.arg(e.name()));
    return CliSuccess;
}

int cmdStart(CliSession &s)
{
    const VmEntry &e = s.entry();
    std::unique_ptr<VmInstance> instance = s.attached(e);
    if (const QString why = instance->refusal(VmAction::Start); !why.isEmpty())
        throw CliError{why};
    admitStart(s, e);
    QString failure;
    bool started = false;
    QEventLoop loop;
    QObject::connect(instance.get(), &VmInstance::started, &loop, [&] {
        started = true;
        loop.quit();
    });
    QObject::connect(instance.get(), &VmInstance::actionFailed, &loop,
                     [&](VmAction, const QString &m) {
                         failure = m;
                         loop.quit();
                     });
    QObject::connect(instance.get(), &VmInstance::processEnded, &loop, [&] {
        failure = instance->lastError();
        loop.quit();
    });
    instance->start();
    loop.exec();
    if (!started)
        throw CliError{failure.isEmpty() ? CliText::tr("%1 did not start").arg(e.name()) : failure};
    if (s.json())
        printJson(s.out(), describe(e, instance.get()));
    else
        printLine(s.out(),
                  CliText::tr("%1 is running (pid %2, %3)")
                      .arg(e.name())
                      .arg(instance->pid())
                      .arg(VmDefinition::acceleratorName(instance->effectiveAccelerator())));
    return CliSuccess;
}

int cmdStop(CliSession &s)
{
    QCommandLineParser &p = s.parser();
    int timeoutSeconds = 60;
    if (p.isSet(u"timeout"_s)) {
        bool ok = false;
        timeoutSeconds = p.value(u"timeout"_s).toInt(&ok);
        if (!ok || timeoutSeconds < 0)
            throw CliError{CliText::tr("--timeout takes a whole number of seconds, not \"%1\"")
                               .arg(p.value(u"timeout"_s)),
                           CliUsage};
    }
    const bool force = p.isSet(u"force"_s);
    const VmEntry &e = s.entry();
    std::unique_ptr<VmInstance> instance = s.attached(e);
    if (!VmLifecycle::hasProcess(instance->state())) {
        if (s.json())
            printJson(s.out(), describe(e, instance.get()));
        else
            printLine(s.out(), CliText::tr("%1 is not running").arg(e.name()));
        return CliSuccess;
    }
    QString failure;
    bool ended = false;
    bool timedOut = false;
    QEventLoop loop;
    QObject::connect(instance.get(), &VmInstance::processEnded, &loop, [&] {
        ended = true;
        loop.quit();
    });
    QObject::connect(instance.get(), &VmInstance::actionFailed, &loop,
                     [&](VmAction, const QString &m) {
                         failure = m;
                         loop.quit();
                     });
    QObject::connect(instance.get(), &VmInstance::shutdownTimedOut, &loop, [&] {
        timedOut = true;
        if (force)
            instance->forceStop();
        else
            loop.quit();
    });
    if (force && timeoutSeconds == 0)
        instance->forceStop();
    else
        instance->shutdown(std::chrono::seconds(timeoutSeconds));
    loop.exec();
    if (!ended) {
        if (timedOut && !force)
            throw CliError{
                CliText::tr(
                    "%1 did not stop within %2 seconds and is still running (use --force to "
                    "power it off)")
                    .arg(e.name())
                    .arg(timeoutSeconds)};
        throw CliError{failure.isEmpty() ? CliText::tr("%1 did not stop").arg(e.name()) : failure};
    }
    if (s.json())
        printJson(s.out(), describe(e, instance.get()));
    else
        printLine(s.out(), timedOut ? CliText::tr("%1 was powered off").arg(e.name())
                                    : CliText::tr("%1 stopped").arg(e.name()));
    return CliSuccess;
}

int cmdDelete(CliSession &s)
{
    const VmEntry &e = s.entry(true);
    if (!e.isBroken()) {
        std::unique_ptr<VmInstance> instance = s.attached(e);
        if (!instance->allows(VmAction::Delete))
            throw CliError{
                CliText::tr("%1 is running; stop it first (berth stop %1)").arg(e.name())};
    }
    const QString name = e.name();
    // The window's Delete dialog with its defaults: the images Berth made go, unless
    // --keep-disks; images the user brought in stay (VmLibrary::removeWithDisks()).
    // An image another VM also uses stays, and the user is told which VM.
    QStringList deleteDisks;
    if (!s.parser().isSet(u"keep-disks"_s) && !e.isBroken()) {
        for (const VmDisk &disk : e.definition.disks) {
            if (!e.isCreatedByBerth(disk))
                continue;
            if (const QString other = s.library().otherVmUsing(disk.path, e.folder);
                !other.isEmpty())
                printLine(
                    s.err(),
                    CliText::tr("%1 is also a disk of \"%2\": it is kept").arg(disk.path, other));
            else
                deleteDisks << disk.path;
        }
    }
    const Outcome<QStringList> removed = s.library().removeWithDisks(name, deleteDisks);
    if (!removed)
        throw CliError::from(removed.failure());
    if (s.json()) {
        printJson(s.out(),
                  QJsonObject{{u"name"_s, name},
                              {u"deleted"_s, true},
                              {u"deleted_disks"_s, QJsonArray::fromStringList(deleteDisks)},
                              {u"kept_disks"_s, QJsonArray::fromStringList(removed.value())}});
    } else if (removed.value().isEmpty()) {
        printLine(s.out(), CliText::tr("Deleted %1").arg(name));
    } else {
        printLine(s.out(),
                  CliText::tr("Deleted %1; kept %2").arg(name, removed.value().join(u", "_s)));
    }
    return CliSuccess;
}

int cmdLog(CliSession &s)
{
    const VmEntry &e = s.entry(true);
    QFile log(e.layout().serialLogPath());
    if (!log.exists())
        return CliSuccess; // nothing captured yet
    if (!log.open(QIODevice::ReadOnly))
        throw CliError{CliText::tr("cannot read %1: %2").arg(log.fileName(), log.errorString())};
    // The guest's bytes, as sent, only with --raw (for a pipe): on a terminal its escape
    // sequences could move the cursor, retitle the window or make the terminal answer.
    const bool raw = s.parser().isSet(u"raw"_s);
    SerialText text;
    while (!log.atEnd()) {
        const QByteArray chunk = log.read(64 * 1024);
        s.out().write(raw ? chunk : text.feed(chunk));
    }
    if (!raw)
        s.out().write(text.finish());
    return CliSuccess;
}

} // namespace

void addVmCommands(CliCommandTable &t)
{
    t[u"create"_s] = {
        QT_TRANSLATE_NOOP("CommandLine", "Create a VM."),
        "NAME",
        {{u"memory"_s, CliText::tr("Memory in MiB (default 1024)."), u"MIB"_s},
         {u"cpus"_s, CliText::tr("Number of virtual CPUs (default 1)."), u"N"_s},
         {u"disk"_s, CliText::tr("Use an existing disk image."), u"PATH"_s},
         {u"disk-size"_s, CliText::tr("Create a new qcow2 disk of this size (e.g. 20G)."),
          u"SIZE"_s},
         {u"cdrom"_s, CliText::tr("Attach an ISO image."), u"ISO"_s},
         {u"kernel"_s, CliText::tr("Boot this kernel directly."), u"FILE"_s},
         {u"initrd"_s, CliText::tr("Initrd for --kernel."), u"FILE"_s},
         {u"append"_s, CliText::tr("Kernel command line for --kernel."), u"TEXT"_s},
         {u"accel"_s, CliText::tr("Accelerator: auto (default), kvm or tcg."), u"ACCEL"_s},
         {u"firmware"_s, CliText::tr("Firmware: bios (default) or uefi (needs the ovmf package)."),
          u"FIRMWARE"_s},
         {u"network"_s,
          CliText::tr("A network card: nat (the default), private:NAME, bridge:NAME or none; "
                      "repeat for more cards."),
          u"NETWORK"_s},
         {u"tpm"_s, CliText::tr("A TPM 2.0, as Windows 11 needs (needs the swtpm package).")},
         {u"secure-boot"_s,
          CliText::tr("UEFI Secure Boot with Microsoft's keys (with --firmware uefi).")}},
        cmdCreate};
    t[u"list"_s] = {
        QT_TRANSLATE_NOOP("CommandLine", "List the VMs and their state."), "", {}, cmdList};
    t[u"status"_s] = {
        QT_TRANSLATE_NOOP("CommandLine", "Show one VM's state."), "NAME", {}, cmdStatus};
    t[u"start"_s] = {
        QT_TRANSLATE_NOOP("CommandLine", "Start a VM; returns once it runs."),
        "NAME",
        {{u"force"_s, CliText::tr("Start it even when the running VMs would be given more "
                                  "memory than this computer can back (berth host).")}},
        cmdStart};
    t[u"pause"_s] = {
        QT_TRANSLATE_NOOP("CommandLine", "Pause a running VM."), "NAME", {}, [](CliSession &s) {
            return act(
                s, VmAction::Pause, [](VmInstance &i) { i.pause(); },
                [](VmInstance &i) { return i.state() == VmState::Paused; },
                CliText::tr("%1 is paused"));
        }};
    t[u"resume"_s] = {
        QT_TRANSLATE_NOOP("CommandLine", "Resume a paused VM."), "NAME", {}, [](CliSession &s) {
            return act(
                s, VmAction::Resume, [](VmInstance &i) { i.resume(); },
                [](VmInstance &i) { return i.state() == VmState::Running; },
                CliText::tr("%1 is running"));
        }};
    t[u"reset"_s] = {QT_TRANSLATE_NOOP("CommandLine", "Reset a VM (like the reset button)."),
                     "NAME",
                     {},
                     [](CliSession &s) {
                         // No state changes: done once QEMU has answered system_reset.
                         return act(
                             s, VmAction::Reset, [](VmInstance &i) { i.reset(); },
                             [](VmInstance &) { return true; }, CliText::tr("%1 was reset"), true);
                     }};
    t[u"stop"_s] = {
        QT_TRANSLATE_NOOP("CommandLine", "Shut a VM down (ACPI); returns once it stopped."),
        "NAME",
        {{u"force"_s, CliText::tr("Power it off if it has not stopped in time.")},
         {u"timeout"_s, CliText::tr("Seconds to wait for the guest (default 60)."), u"SECONDS"_s}},
        cmdStop};
    t[u"delete"_s] = {QT_TRANSLATE_NOOP("CommandLine", "Delete a stopped VM and its disks."),
                      "NAME",
                      {{u"keep-disks"_s, CliText::tr("Keep the disk images.")}},
                      cmdDelete};
    t[u"log"_s] = {
        QT_TRANSLATE_NOOP("CommandLine", "Print the serial console output captured so far."),
        "NAME",
        {{u"raw"_s, CliText::tr("The bytes as the guest sent them, escape sequences and control "
                                "characters included (for a pipe, not a terminal).")}},
        cmdLog};
}
