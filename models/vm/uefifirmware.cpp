// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/uefifirmware.h"

#include "models/common/claimedfile.h"
#include "models/common/qemuimg.h"
#include "models/vm/vmlayout.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QTimer>

#include <memory>
#include <span>

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
// Secure Boot: code built with SMM and Secure Boot, variables with Microsoft's keys enrolled
// (Debian, Ubuntu: ms; Fedora: secboot).
constexpr Candidate kSecureBootCandidates[] = {
    {"OVMF_CODE_4M.ms.fd", "OVMF_VARS_4M.ms.fd"},
    {"OVMF_CODE.ms.fd", "OVMF_VARS.ms.fd"},
    {"OVMF_CODE.secboot.fd", "OVMF_VARS.secboot.fd"},
};

QStringList searchFolders()
{
    const QString overridden = qEnvironmentVariable("BERTH_OVMF_DIR");
    if (!overridden.isEmpty())
        return {overridden};
    return {u"/usr/share/OVMF"_s, u"/usr/share/edk2/ovmf"_s, u"/usr/share/edk2-ovmf/x64"_s};
}

Failure couldNotCreate(const QString &target, const Failure &why)
{
    return Failure(UefiFirmware::tr("Could not create the UEFI variables file %1: %2")
                       .arg(target, why.message()),
                   why.detail());
}

} // namespace

Outcome<UefiFirmware::Files> UefiFirmware::find(bool secureBoot)
{
    const QStringList folders = searchFolders();
    for (const QString &folder : folders) {
        for (const Candidate &c : secureBoot ? std::span<const Candidate>(kSecureBootCandidates)
                                             : std::span<const Candidate>(kCandidates)) {
            const QString code = folder + u'/' + QLatin1StringView(c.code);
            const QString vars = folder + u'/' + QLatin1StringView(c.vars);
            if (QFileInfo(code).isReadable() && QFileInfo(vars).isReadable())
                return Files{code, vars};
        }
    }
    if (secureBoot)
        return Failure(tr("The UEFI firmware with Secure Boot and Microsoft's keys "
                          "(OVMF_CODE_4M.ms.fd, OVMF_VARS_4M.ms.fd) was not found in %1; install "
                          "the ovmf package, or turn Secure Boot off for this VM")
                           .arg(folders.join(u", "_s)));
    return Failure(tr("The UEFI firmware (OVMF) was not found in %1; install the ovmf package, "
                      "or choose BIOS firmware for this VM")
                       .arg(folders.join(u", "_s)));
}

bool UefiFirmware::isQcow2(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(4) == QByteArrayLiteral("QFI\xfb");
}

void UefiFirmware::createVariables(const VmLayout &layout, bool secureBoot, QObject *context,
                                   const std::function<void(const Outcome<> &outcome)> &done)
{
    auto later = [context, done](const Outcome<> &outcome) {
        QTimer::singleShot(0, context, [done, outcome] { done(outcome); });
    };
    const QString target = layout.uefiVarsPath();
    if (QFileInfo::exists(target))
        return later({});
    const Outcome<Files> files = find(secureBoot);
    if (!files)
        return later(files.failure());
    // Written beside the target and renamed: a VM never sees a half-written file. Shared by
    // the callback, so the claim goes (and the file with it) when the run is dropped.
    Outcome<ClaimedFile> claimed = ClaimedFile::claimBeside(target);
    if (!claimed)
        return later(couldNotCreate(target, claimed.failure()));
    auto partial = std::make_shared<ClaimedFile>(std::move(claimed).value());
    QemuImg::runOnce({u"convert"_s, u"-q"_s, u"-f"_s, u"raw"_s, u"-O"_s, u"qcow2"_s,
                      files->varsTemplate, partial->path()},
                     target, context, [partial, target, done](const QemuImgResult &result) {
                         if (!result.ok()) {
                             partial->remove(); // before done(): the caller may clear the folder
                             return done(couldNotCreate(target, result.failure()));
                         }
                         // Never replaces: one made meanwhile by another Berth is kept (and ours
                         // goes).
                         if (const Outcome<> renamed =
                                 partial->commit(target, ClaimedFile::Replace::No);
                             !renamed) {
                             partial->remove();
                             if (!QFileInfo::exists(target))
                                 return done(couldNotCreate(target, renamed.failure()));
                         }
                         done({});
                     });
}
