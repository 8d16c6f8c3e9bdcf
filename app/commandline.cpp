#include "commandline.h"

#include "bytesize.h"
#include "qemucommandline.h"
#include "vminstance.h"
#include "vmlibrary.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <map>

using namespace Qt::Literals::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CommandLine", text);
}

enum Exit
{
    Success = 0,
    Failed = 1,
    Usage = 2
};

/// A failure the user must read: printed as one line on stderr.
struct CliError
{
    QString message;
    int code = Failed;
};

void printLine(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

/// The CLI's error contract is one line: QEMU's multi-line messages are folded into it.
QString oneLine(const QString &text)
{
    QString out;
    const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty())
            continue;
        if (!out.isEmpty())
            out += out.endsWith(u':') ? u" "_s : u"; "_s;
        out += line;
    }
    return out;
}

void printJson(const QJsonValue &value)
{
    const QByteArray bytes = value.isArray()
                                 ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented)
                                 : QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

class Session
{
public:
    Session(QCommandLineParser &parser, const QString &command)
        : m_parser(parser)
        , m_command(command)
    {}

    QCommandLineParser &parser() { return m_parser; }
    bool json() const { return m_parser.isSet(u"json"_s); }

    VmLibrary &library()
    {
        if (!m_library) {
            const QString root = m_parser.isSet(u"library"_s) ? m_parser.value(u"library"_s)
                                                              : VmLibrary::defaultRoot();
            m_library = std::make_unique<VmLibrary>(root);
            QString error;
            if (!m_library->reload(&error))
                throw CliError{error};
        }
        return *m_library;
    }

    /// The VM named by the first positional argument; a broken one only if @p allowBroken.
    const VmEntry &entry(bool allowBroken = false)
    {
        const QString name = positional(0, tr("NAME"));
        const VmEntry *e = library().find(name);
        if (!e)
            throw CliError{tr("there is no VM named \"%1\" in %2").arg(name, library().root())};
        if (e->isBroken() && !allowBroken)
            throw CliError{tr("the VM \"%1\" cannot be used: %2").arg(name, e->brokenReason)};
        return *e;
    }

    QString positional(int index, const QString &what)
    {
        const QStringList args = m_parser.positionalArguments();
        if (index >= args.size())
            throw CliError{tr("%1 needs %2 (see berth %1 --help)").arg(m_command, what), Usage};
        return args.at(index);
    }

    /// An instance attached to whatever QEMU runs for @p e.
    std::unique_ptr<VmInstance> attached(const VmEntry &e)
    {
        auto instance =
            std::make_unique<VmInstance>(e.definition, e.folder, VmInstance::MonitorRole::Cli);
        QEventLoop loop;
        QObject::connect(instance.get(), &VmInstance::attached, &loop, &QEventLoop::quit);
        instance->attach();
        loop.exec();
        return instance;
    }

private:
    QCommandLineParser &m_parser;
    QString m_command;
    std::unique_ptr<VmLibrary> m_library;
};

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
        return line + u"\t"_s + tr("broken: %1").arg(o.value("broken"_L1).toString());
    line += u"\t%1\t%2 MiB\t%3 CPU"_s.arg(o.value("accel"_L1).toString())
                .arg(o.value("memory_mib"_L1).toInt())
                .arg(o.value("cpus"_L1).toInt());
    if (!o.value("pid"_L1).isNull())
        line += u"\tpid %1"_s.arg(o.value("pid"_L1).toInteger());
    return line;
}

// ---- commands -------------------------------------------------------------------------

int cmdList(Session &s)
{
    QJsonArray all;
    for (const VmEntry &e : s.library().entries()) {
        std::unique_ptr<VmInstance> instance;
        if (!e.isBroken())
            instance = s.attached(e);
        all.append(describe(e, instance.get()));
    }
    if (s.json()) {
        printJson(all);
    } else {
        for (const QJsonValue &v : std::as_const(all))
            printLine(stdout, describeLine(v.toObject()));
    }
    return Success;
}

int cmdStatus(Session &s)
{
    const VmEntry &e = s.entry(true);
    std::unique_ptr<VmInstance> instance;
    if (!e.isBroken())
        instance = s.attached(e);
    const QJsonObject o = describe(e, instance.get());
    if (s.json())
        printJson(o);
    else
        printLine(stdout, describeLine(o));
    return Success;
}

QString requireFile(const QString &path, const QString &what)
{
    const QFileInfo fi(path);
    if (!fi.exists())
        throw CliError{tr("%1 %2 does not exist").arg(what, path)};
    if (!fi.isReadable())
        throw CliError{tr("%1 %2 cannot be read").arg(what, path)};
    return fi.absoluteFilePath();
}

int cmdCreate(Session &s)
{
    QCommandLineParser &p = s.parser();
    VmDefinition d;
    d.name = s.positional(0, tr("NAME"));
    bool ok = true;
    if (p.isSet(u"memory"_s)) {
        d.memoryMiB = p.value(u"memory"_s).toInt(&ok);
        if (!ok)
            throw CliError{
                tr("--memory takes a whole number of MiB, not \"%1\"").arg(p.value(u"memory"_s)),
                Usage};
    }
    if (p.isSet(u"cpus"_s)) {
        d.cpus = p.value(u"cpus"_s).toInt(&ok);
        if (!ok)
            throw CliError{tr("--cpus takes a whole number, not \"%1\"").arg(p.value(u"cpus"_s)),
                           Usage};
    }
    if (p.isSet(u"accel"_s) &&
        !VmDefinition::acceleratorFromName(p.value(u"accel"_s), d.accelerator))
        throw CliError{tr("--accel takes auto, kvm or tcg, not \"%1\"").arg(p.value(u"accel"_s)),
                       Usage};
    if (p.isSet(u"disk"_s) && p.isSet(u"disk-size"_s))
        throw CliError{tr("use either --disk or --disk-size, not both"), Usage};
    std::optional<qint64> diskSize;
    if (p.isSet(u"disk-size"_s)) {
        diskSize = parseByteSize(p.value(u"disk-size"_s));
        if (!diskSize)
            throw CliError{tr("--disk-size takes a size such as 20G or 512M, not \"%1\"")
                               .arg(p.value(u"disk-size"_s)),
                           Usage};
    }
    if (p.isSet(u"disk"_s)) {
        const QString path = requireFile(p.value(u"disk"_s), tr("the disk"));
        d.disks.append({path, path.endsWith(".qcow2"_L1) ? u"qcow2"_s : u"raw"_s, u"virtio"_s});
    }
    if (p.isSet(u"cdrom"_s))
        d.cdrom = requireFile(p.value(u"cdrom"_s), tr("the ISO"));
    if (p.isSet(u"kernel"_s))
        d.kernel = requireFile(p.value(u"kernel"_s), tr("the kernel"));
    if (p.isSet(u"initrd"_s))
        d.initrd = requireFile(p.value(u"initrd"_s), tr("the initrd"));
    d.kernelArgs = p.value(u"append"_s);
    if (d.kernel.isEmpty() && (p.isSet(u"initrd"_s) || p.isSet(u"append"_s)))
        throw CliError{tr("--initrd and --append need --kernel"), Usage};

    VmLibrary &lib = s.library();
    QString error;
    if (!lib.create(d, &error))
        throw CliError{error};
    if (diskSize) {
        const VmEntry *e = lib.find(d.name);
        const QString path = e->folder + u"/disk.qcow2"_s;
        QProcess qemuImg;
        // The CLI may wait: there is no window to freeze.
        qemuImg.start(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, path,
                                      QString::number(*diskSize)});
        const bool finished = qemuImg.waitForFinished(120'000);
        if (!finished || qemuImg.exitStatus() != QProcess::NormalExit || qemuImg.exitCode() != 0) {
            const QString why =
                qemuImg.error() == QProcess::FailedToStart
                    ? tr("qemu-img was not found; install the qemu-utils package")
                    : QString::fromLocal8Bit(qemuImg.readAllStandardError()).trimmed();
            lib.remove(d.name, true, nullptr);
            throw CliError{tr("cannot create the disk: %1").arg(why)};
        }
        d.disks.append({path, u"qcow2"_s, u"virtio"_s});
        if (!lib.save(d, &error)) {
            lib.remove(d.name, true, nullptr);
            throw CliError{error};
        }
    }
    const VmEntry *e = lib.find(d.name);
    if (s.json())
        printJson(describe(*e, nullptr));
    else
        printLine(stdout, tr("Created %1 in %2").arg(d.name, e->folder));
    return Success;
}

/// Runs @p action on an attached instance and waits until @p done says so, or an action
/// fails, or the process ends when it should not.
int act(Session &s, const std::function<void(VmInstance &)> &action,
        const std::function<bool(VmInstance &)> &done, const QString &doneMessage)
{
    const VmEntry &e = s.entry();
    std::unique_ptr<VmInstance> instance = s.attached(e);
    QString failure;
    QEventLoop loop;
    QObject::connect(instance.get(), &VmInstance::actionFailed, &loop,
                     [&](const QString &, const QString &message) {
                         failure = message;
                         loop.quit();
                     });
    QObject::connect(instance.get(), &VmInstance::stateChanged, &loop, [&] {
        if (done(*instance))
            loop.quit();
    });
    action(*instance);
    if (failure.isEmpty() && !done(*instance))
        loop.exec();
    if (!failure.isEmpty())
        throw CliError{failure};
    if (!done(*instance))
        throw CliError{instance->lastError().isEmpty() ? tr("%1 did not complete").arg(e.name())
                                                       : instance->lastError()};
    if (s.json())
        printJson(describe(e, instance.get()));
    else
        printLine(stdout, doneMessage.arg(e.name()));
    return Success;
}

int cmdStart(Session &s)
{
    const VmEntry &e = s.entry();
    std::unique_ptr<VmInstance> instance = s.attached(e);
    if (instance->pid() > 0)
        throw CliError{tr("%1 is already running").arg(e.name())};
    QString failure;
    bool started = false;
    QEventLoop loop;
    QObject::connect(instance.get(), &VmInstance::started, &loop, [&] {
        started = true;
        loop.quit();
    });
    QObject::connect(instance.get(), &VmInstance::actionFailed, &loop,
                     [&](const QString &, const QString &m) {
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
        throw CliError{failure.isEmpty() ? tr("%1 did not start").arg(e.name()) : failure};
    if (s.json())
        printJson(describe(e, instance.get()));
    else
        printLine(stdout,
                  tr("%1 is running (pid %2, %3)")
                      .arg(e.name())
                      .arg(instance->pid())
                      .arg(VmDefinition::acceleratorName(instance->effectiveAccelerator())));
    return Success;
}

int requireRunning(VmInstance &instance, const QString &name)
{
    if (instance.pid() <= 0)
        throw CliError{tr("%1 is not running").arg(name)};
    return 0;
}

int cmdStop(Session &s)
{
    QCommandLineParser &p = s.parser();
    int timeoutSeconds = 60;
    if (p.isSet(u"timeout"_s)) {
        bool ok = false;
        timeoutSeconds = p.value(u"timeout"_s).toInt(&ok);
        if (!ok || timeoutSeconds < 0)
            throw CliError{tr("--timeout takes a whole number of seconds, not \"%1\"")
                               .arg(p.value(u"timeout"_s)),
                           Usage};
    }
    const bool force = p.isSet(u"force"_s);
    const VmEntry &e = s.entry();
    std::unique_ptr<VmInstance> instance = s.attached(e);
    if (instance->pid() <= 0) {
        if (s.json())
            printJson(describe(e, instance.get()));
        else
            printLine(stdout, tr("%1 is not running").arg(e.name()));
        return Success;
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
                     [&](const QString &, const QString &m) {
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
                tr("%1 did not stop within %2 seconds and is still running (use --force to "
                   "power it off)")
                    .arg(e.name())
                    .arg(timeoutSeconds)};
        throw CliError{failure.isEmpty() ? tr("%1 did not stop").arg(e.name()) : failure};
    }
    if (s.json())
        printJson(describe(e, instance.get()));
    else
        printLine(stdout, timedOut ? tr("%1 was powered off").arg(e.name())
                                   : tr("%1 stopped").arg(e.name()));
    return Success;
}

int cmdDelete(Session &s)
{
    const VmEntry &e = s.entry(true);
    if (!e.isBroken()) {
        std::unique_ptr<VmInstance> instance = s.attached(e);
        if (instance->pid() > 0)
            throw CliError{tr("%1 is running; stop it first (berth stop %1)").arg(e.name())};
    }
    const QString name = e.name();
    QString error;
    if (!s.library().remove(name, !s.parser().isSet(u"keep-disks"_s), &error))
        throw CliError{error};
    if (s.json())
        printJson(QJsonObject{{u"name"_s, name}, {u"deleted"_s, true}});
    else
        printLine(stdout, tr("Deleted %1").arg(name));
    return Success;
}

int cmdLog(Session &s)
{
    const VmEntry &e = s.entry(true);
    QFile log(QemuCommandLine::serialLogPath(e.folder));
    if (!log.exists())
        return Success; // nothing captured yet
    if (!log.open(QIODevice::ReadOnly))
        throw CliError{tr("cannot read %1: %2").arg(log.fileName(), log.errorString())};
    while (!log.atEnd()) {
        const QByteArray chunk = log.read(64 * 1024);
        std::fwrite(chunk.constData(), 1, size_t(chunk.size()), stdout);
    }
    std::fflush(stdout);
    return Success;
}

struct CommandSpec
{
    const char *summary;
    const char *syntax;
    QList<QCommandLineOption> options;
    std::function<int(Session &)> run;
};

const std::map<QString, CommandSpec> &commands()
{
    static const std::map<QString, CommandSpec> table = [] {
        std::map<QString, CommandSpec> t;
        t[u"create"_s] = {
            QT_TRANSLATE_NOOP("CommandLine", "Create a VM."),
            "NAME",
            {{u"memory"_s, tr("Memory in MiB (default 1024)."), u"MIB"_s},
             {u"cpus"_s, tr("Number of virtual CPUs (default 1)."), u"N"_s},
             {u"disk"_s, tr("Use an existing disk image."), u"PATH"_s},
             {u"disk-size"_s, tr("Create a new qcow2 disk of this size (e.g. 20G)."), u"SIZE"_s},
             {u"cdrom"_s, tr("Attach an ISO image."), u"ISO"_s},
             {u"kernel"_s, tr("Boot this kernel directly."), u"FILE"_s},
             {u"initrd"_s, tr("Initrd for --kernel."), u"FILE"_s},
             {u"append"_s, tr("Kernel command line for --kernel."), u"TEXT"_s},
             {u"accel"_s, tr("Accelerator: auto (default), kvm or tcg."), u"ACCEL"_s}},
            cmdCreate};
        t[u"list"_s] = {
            QT_TRANSLATE_NOOP("CommandLine", "List the VMs and their state."), "", {}, cmdList};
        t[u"status"_s] = {
            QT_TRANSLATE_NOOP("CommandLine", "Show one VM's state."), "NAME", {}, cmdStatus};
        t[u"start"_s] = {QT_TRANSLATE_NOOP("CommandLine", "Start a VM; returns once it runs."),
                         "NAME",
                         {},
                         cmdStart};
        t[u"pause"_s] = {
            QT_TRANSLATE_NOOP("CommandLine", "Pause a running VM."), "NAME", {}, [](Session &s) {
                return act(
                    s,
                    [&](VmInstance &i) {
                        requireRunning(i, i.definition().name);
                        i.pause();
                    },
                    [](VmInstance &i) { return i.state() == VmState::Paused; }, tr("%1 is paused"));
            }};
        t[u"resume"_s] = {
            QT_TRANSLATE_NOOP("CommandLine", "Resume a paused VM."), "NAME", {}, [](Session &s) {
                return act(
                    s,
                    [&](VmInstance &i) {
                        requireRunning(i, i.definition().name);
                        i.resume();
                    },
                    [](VmInstance &i) { return i.state() == VmState::Running; },
                    tr("%1 is running"));
            }};
        t[u"reset"_s] = {QT_TRANSLATE_NOOP("CommandLine", "Reset a VM (like the reset button)."),
                         "NAME",
                         {},
                         [](Session &s) {
                             bool sent = false;
                             return act(
                                 s,
                                 [&](VmInstance &i) {
                                     requireRunning(i, i.definition().name);
                                     i.reset();
                                     sent = true;
                                 },
                                 [&](VmInstance &) { return sent; }, tr("%1 was reset"));
                         }};
        t[u"stop"_s] = {
            QT_TRANSLATE_NOOP("CommandLine", "Shut a VM down (ACPI); returns once it stopped."),
            "NAME",
            {{u"force"_s, tr("Power it off if it has not stopped in time.")},
             {u"timeout"_s, tr("Seconds to wait for the guest (default 60)."), u"SECONDS"_s}},
            cmdStop};
        t[u"delete"_s] = {QT_TRANSLATE_NOOP("CommandLine", "Delete a stopped VM and its disks."),
                          "NAME",
                          {{u"keep-disks"_s, tr("Keep the disk images.")}},
                          cmdDelete};
        t[u"log"_s] = {
            QT_TRANSLATE_NOOP("CommandLine", "Print the serial console output captured so far."),
            "NAME",
            {},
            cmdLog};
        return t;
    }();
    return table;
}

} // namespace

bool CommandLine::isCommand(const QStringList &arguments)
{
    // The window takes no positional arguments: any word is a command, known or not
    // (an unknown one gets its error line instead of a window).
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (arguments[i] == "--library"_L1) {
            ++i;
            continue;
        }
        if (!arguments[i].startsWith(u'-'))
            return true;
    }
    return false;
}

int CommandLine::run(const QStringList &arguments)
{
    // The first argument that is not an option is the command; options may come first.
    qsizetype commandIndex = -1;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (!arguments[i].startsWith(u'-')) {
            commandIndex = i;
            break;
        }
        if (arguments[i] == "--library"_L1)
            ++i; // its value
    }
    const QString command = arguments.value(commandIndex);
    const auto it = commands().find(command);
    if (it == commands().end()) {
        printLine(stderr, u"berth: "_s + tr("unknown command \"%1\"").arg(command));
        return Usage;
    }
    const CommandSpec &spec = it->second;

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("CommandLine", spec.summary));
    parser.addHelpOption();
    parser.addOption({u"json"_s, tr("Print JSON on stdout.")});
    parser.addOption(
        {u"library"_s,
         tr("The VM library folder (default: $BERTH_LIBRARY or ~/.local/share/berth)."), u"DIR"_s});
    parser.addOptions(spec.options);
    if (*spec.syntax)
        parser.addPositionalArgument(QString::fromLatin1(spec.syntax), QString());

    QStringList args = arguments;
    args.removeAt(commandIndex);
    args.prepend(u"berth "_s + command);
    if (!parser.parse(args)) {
        printLine(stderr, u"berth: "_s + parser.errorText());
        return Usage;
    }
    if (parser.isSet(u"help"_s)) {
        printLine(stdout, parser.helpText());
        return Success;
    }
    const int maxPositional = *spec.syntax ? 1 : 0;
    if (parser.positionalArguments().size() > maxPositional) {
        printLine(stderr,
                  u"berth: "_s + tr("unexpected argument \"%1\"")
                                     .arg(parser.positionalArguments().value(maxPositional)));
        return Usage;
    }

    Session session(parser, command);
    try {
        return spec.run(session);
    } catch (const CliError &error) {
        printLine(stderr, u"berth: "_s + oneLine(error.message));
        return error.code;
    }
}
