#include "models/vm/uefifirmware.h"

#include "models/vm/vmlayout.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QProcess>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace {

// Code and variables must come from the same build: their sizes go together.
struct Candidate
{
    const char *code;
    const char *vars;
};
constexpr Candidate kCandidates[] = {
    {"OVMF_CODE_4M.fd", "OVMF_VARS_4M.fd"},
    {"OVMF_CODE.fd", "OVMF_VARS.fd"},
};

QStringList searchFolders()
{
    const QString overridden = qEnvironmentVariable("BERTH_OVMF_DIR");
    if (!overridden.isEmpty())
        return {overridden};
    return {u"/usr/share/OVMF"_s, u"/usr/share/edk2/ovmf"_s, u"/usr/share/edk2-ovmf/x64"_s};
}

} // namespace

Outcome<UefiFirmware::Files> UefiFirmware::find()
{
    const QStringList folders = searchFolders();
    for (const QString &folder : folders) {
        for (const Candidate &c : kCandidates) {
            const QString code = folder + u'/' + QLatin1StringView(c.code);
            const QString vars = folder + u'/' + QLatin1StringView(c.vars);
            if (QFileInfo(code).isReadable() && QFileInfo(vars).isReadable())
                return Files{code, vars};
        }
    }
    return Failure(tr("The UEFI firmware (OVMF) was not found in %1; install the ovmf package, "
                      "or choose BIOS firmware for this VM")
                       .arg(folders.join(u", "_s)));
}

QString UefiFirmware::varsPath(const QString &vmFolder)
{
    return VmLayout::ofFolder(vmFolder).uefiVarsPath();
}

bool UefiFirmware::isQcow2(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(4) == QByteArrayLiteral("QFI\xfb");
}

void UefiFirmware::createVariables(const QString &vmFolder, QObject *context,
                                   const std::function<void(const QString &error)> &done)
{
    auto later = [context, done](const QString &error) {
        QTimer::singleShot(0, context, [done, error] { done(error); });
    };
    const QString target = varsPath(vmFolder);
    if (QFileInfo::exists(target))
        return later({});
    const Outcome<Files> files = find();
    if (!files)
        return later(files.failure().message());
    // Written beside the target and renamed: a VM never sees a half-written file.
    const QString partial = target + u".part"_s;
    QFile::remove(partial);
    auto *process = new QProcess(context);
    QObject::connect(
        process, &QProcess::finished, context,
        [process, partial, target, done](int exitCode, QProcess::ExitStatus status) {
            process->deleteLater();
            if (status != QProcess::NormalExit || exitCode != 0) {
                QFile::remove(partial);
                QString why = QString::fromLocal8Bit(process->readAllStandardError()).trimmed();
                if (why.startsWith("qemu-img: "_L1))
                    why = why.mid(10);
                return done(tr("Could not create the UEFI variables file %1: %2")
                                .arg(target, why.isEmpty() ? tr("qemu-img failed") : why));
            }
            // QFile::rename never replaces: one made meanwhile by another Berth is kept.
            if (!QFile::rename(partial, target)) {
                QFile::remove(partial);
                if (!QFileInfo::exists(target))
                    return done(tr("Could not create the UEFI variables file %1").arg(target));
            }
            done({});
        });
    QObject::connect(process, &QProcess::errorOccurred, context,
                     [process, partial, done](QProcess::ProcessError e) {
                         if (e != QProcess::FailedToStart)
                             return; // finished() follows
                         process->deleteLater();
                         QFile::remove(partial);
                         done(tr("qemu-img was not found; install the qemu-utils package"));
                     });
    process->start(u"qemu-img"_s, {u"convert"_s, u"-q"_s, u"-f"_s, u"raw"_s, u"-O"_s, u"qcow2"_s,
                                   files->varsTemplate, partial});
}
