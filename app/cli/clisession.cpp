// SPDX-License-Identifier: GPL-2.0-or-later
#include "app/cli/clisession.h"

#include "models/settings/appsettings.h"
#include "models/vm/vminstance.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcCli, "berth.cli", QtWarningMsg)

CliError CliError::from(const Failure &failure, int code)
{
    if (!failure.detail().isEmpty())
        qCDebug(lcCli).noquote() << failure.toLogString();
    return CliError{failure.message(), code};
}

void printLine(QIODevice &stream, const QString &text)
{
    stream.write(text.toLocal8Bit() + '\n');
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

void printJson(QIODevice &stream, const QJsonValue &value)
{
    stream.write(value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented)
                                 : QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented));
}

QString requireFile(const QString &path, const QString &what)
{
    const QFileInfo fi(path);
    if (!fi.exists())
        throw CliError{CliText::tr("%1 %2 does not exist").arg(what, path)};
    if (!fi.isReadable())
        throw CliError{CliText::tr("%1 %2 cannot be read").arg(what, path)};
    return fi.absoluteFilePath();
}

CliSession::CliSession(QCommandLineParser &parser, const QString &command, QIODevice &out,
                       QIODevice &err, const CliViewer &viewer)
    : m_parser(parser)
    , m_command(command)
    , m_out(out)
    , m_err(err)
    , m_viewer(viewer)
{}

CliSession::~CliSession() = default;

bool CliSession::json() const
{
    return m_parser.isSet(u"json"_s);
}

VmLibrary &CliSession::library()
{
    if (!m_library) {
        const QString root = m_parser.isSet(u"library"_s) ? m_parser.value(u"library"_s)
                                                          : AppSettings::libraryRoot();
        m_library = std::make_unique<VmLibrary>(root);
        if (const Outcome<> loaded = m_library->reload(); !loaded)
            throw CliError::from(loaded.failure());
    }
    return *m_library;
}

const VmEntry &CliSession::entry(bool allowBroken)
{
    return entryAt(0, allowBroken);
}

const VmEntry &CliSession::entryAt(int index, bool allowBroken)
{
    const QString name = positional(index, CliText::tr("NAME"));
    const VmEntry *e = library().find(name);
    if (!e)
        throw CliError{
            CliText::tr("there is no VM named \"%1\" in %2").arg(name, library().root())};
    if (e->isBroken() && !allowBroken)
        throw CliError{CliText::tr("the VM \"%1\" cannot be used: %2").arg(name, e->brokenReason)};
    return *e;
}

QString CliSession::positional(int index, const QString &what)
{
    const QStringList args = m_parser.positionalArguments();
    if (index >= args.size())
        throw CliError{CliText::tr("%1 needs %2 (see berth %1 --help)").arg(m_command, what),
                       CliUsage};
    return args.at(index);
}

std::unique_ptr<VmInstance> CliSession::attached(const VmEntry &e)
{
    auto instance =
        std::make_unique<VmInstance>(e.definition, e.folder, VmInstance::MonitorRole::Cli);
    QEventLoop loop;
    QObject::connect(instance.get(), &VmInstance::attached, &loop, &QEventLoop::quit);
    instance->attach();
    loop.exec();
    return instance;
}
