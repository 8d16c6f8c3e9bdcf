// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/qemumachines.h"

#include "models/vm/qemucommandline.h"

#include <QDebug>
#include <QProcess>
#include <QRegularExpression>

#include <future>
#include <mutex>

using namespace Qt::Literals::StringLiterals;

namespace {

QList<QemuMachines::Machine> askQemu()
{
    QString error;
    const QString binary = QemuCommandLine::findBinary(&error);
    if (binary.isEmpty())
        return {};
    QProcess qemu;
    qemu.start(binary, {u"-machine"_s, u"help"_s});
    if (!qemu.waitForFinished(30000) || qemu.exitStatus() != QProcess::NormalExit ||
        qemu.exitCode() != 0) {
        qWarning().noquote() << "cannot list QEMU's machine types:" << qemu.errorString()
                             << qemu.readAllStandardError();
        qemu.kill();
        qemu.waitForFinished();
        return {};
    }
    return QemuMachines::parse(QString::fromLocal8Bit(qemu.readAllStandardOutput()));
}

std::once_flag g_started;
std::shared_future<QList<QemuMachines::Machine>> g_answer;

} // namespace

void QemuMachines::prefetch()
{
    std::call_once(g_started, [] { g_answer = std::async(std::launch::async, askQemu).share(); });
}

const QList<QemuMachines::Machine> &QemuMachines::offered()
{
    prefetch();
    return g_answer.get();
}

bool QemuMachines::isOffered(const QString &name)
{
    const QList<Machine> &all = offered();
    return all.isEmpty() ||
           std::any_of(all.begin(), all.end(), [&](const Machine &m) { return m.name == name; });
}

QList<QemuMachines::Machine> QemuMachines::parse(const QString &helpOutput)
{
    static const QRegularExpression line(u"^(\\S+)\\s+(.*)$"_s);
    static const QRegularExpression alias(u"\\s*\\(alias of ([^)]+)\\)"_s);
    static const QRegularExpression isDefault(u"\\s*\\(default\\)"_s);
    QList<Machine> machines;
    for (const QString &text : helpOutput.split(u'\n', Qt::SkipEmptyParts)) {
        const QRegularExpressionMatch m = line.match(text.trimmed());
        if (!m.hasMatch() || text.startsWith("Supported machines"_L1))
            continue;
        Machine machine;
        machine.name = m.captured(1);
        QString description = m.captured(2);
        if (const QRegularExpressionMatch a = alias.match(description); a.hasMatch()) {
            machine.aliasOf = a.captured(1);
            description.remove(a.capturedStart(), a.capturedLength());
        }
        if (const QRegularExpressionMatch d = isDefault.match(description); d.hasMatch()) {
            machine.isDefault = true;
            description.remove(d.capturedStart(), d.capturedLength());
        }
        machine.description = description.trimmed();
        if (machine.name != "none"_L1) // no board at all: nothing Berth can boot
            machines.append(machine);
    }
    return machines;
}
