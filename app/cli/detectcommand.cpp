// SPDX-License-Identifier: GPL-2.0-or-later
#include "app/cli/detectcommand.h"

#include "models/osinfo/osdetector.h"

#include <QJsonArray>
#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace {

QString sourceName(OsProfile::Source source)
{
    switch (source) {
    case OsProfile::Source::Recommended:
        return u"recommended"_s;
    case OsProfile::Source::Minimum:
        return u"minimum"_s;
    case OsProfile::Source::Generic:
        return u"generic"_s;
    }
    return {};
}

QString sourceText(OsProfile::Source source)
{
    switch (source) {
    case OsProfile::Source::Recommended:
        return CliText::tr("recommended");
    case OsProfile::Source::Minimum:
        return CliText::tr("minimum");
    case OsProfile::Source::Generic:
        return CliText::tr("Berth's general suggestion");
    }
    return {};
}

int cmdDetect(CliSession &s)
{
    const QString iso = requireFile(s.positional(0, CliText::tr("ISO")), CliText::tr("the ISO"));
    const OsProfile p = OsDetector::detectNow(iso);
    if (s.json()) {
        printJson(s.out(), detectedJson(iso, p));
        return CliSuccess;
    }
    printLine(s.out(), p.recognised ? detectedLine(p) : p.note);
    const QString size = QLocale().formattedDataSize(p.diskBytes, 0, QLocale::DataSizeIecFormat);
    printLine(s.out(),
              CliText::tr("Memory: %1 MiB (%2)").arg(p.memoryMiB).arg(sourceText(p.memorySource)));
    printLine(s.out(), CliText::tr("CPUs: %1 (%2)").arg(p.cpus).arg(sourceText(p.cpusSource)));
    printLine(s.out(), CliText::tr("Disk: %1 (%2)").arg(size, sourceText(p.diskSource)));
    QStringList needs;
    if (p.wantsUefi)
        needs << CliText::tr("UEFI firmware");
    if (p.wantsTpm)
        needs << CliText::tr("a TPM 2.0");
    if (p.wantsSecureBoot)
        needs << CliText::tr("Secure Boot");
    if (!needs.isEmpty())
        printLine(s.out(), CliText::tr("Needs: %1").arg(needs.join(u", "_s)));
    return CliSuccess;
}

} // namespace

QJsonObject detectedJson(const QString &iso, const OsProfile &p)
{
    const auto orNull = [](const QString &text) {
        return text.isEmpty() ? QJsonValue() : QJsonValue(text);
    };
    return QJsonObject{
        {u"file"_s, iso},
        {u"recognised"_s, p.recognised},
        {u"name"_s, orNull(p.name)},
        {u"short_id"_s, orNull(p.shortId)},
        {u"version"_s, orNull(p.version)},
        {u"architecture"_s, orNull(p.architecture)},
        {u"database"_s, !p.recognised         ? QJsonValue()
                        : p.fromBerthDatabase ? QJsonValue(u"berth"_s)
                                              : QJsonValue(u"system"_s)},
        {u"uefi_required"_s, p.wantsUefi},
        {u"tpm_required"_s, p.wantsTpm},
        {u"secure_boot"_s, p.wantsSecureBoot},
        {u"vm_name"_s, p.vmName},
        {u"memory_mib"_s, p.memoryMiB},
        {u"cpus"_s, p.cpus},
        {u"disk_bytes"_s, p.diskBytes},
        {u"sources"_s, QJsonObject{{u"memory"_s, sourceName(p.memorySource)},
                                   {u"cpus"_s, sourceName(p.cpusSource)},
                                   {u"disk"_s, sourceName(p.diskSource)}}},
        {u"note"_s, orNull(p.note)},
    };
}

QString detectedLine(const OsProfile &p)
{
    const QString database = p.fromBerthDatabase ? CliText::tr("Berth's osinfo database")
                                                 : CliText::tr("the system's osinfo-db");
    return CliText::tr("%1 (%2, version %3, %4), from %5")
        .arg(p.name, p.shortId, p.version.isEmpty() ? u"?"_s : p.version, p.architecture, database);
}

void addDetectCommand(CliCommandTable &t)
{
    t[u"detect"_s] = {QT_TRANSLATE_NOOP("CommandLine",
                                        "Recognise the operating system on an ISO image, as the "
                                        "New VM wizard does, and what it suggests."),
                      "ISO",
                      {},
                      cmdDetect};
}
