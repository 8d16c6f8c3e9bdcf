// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/crashreport.h"

#include "models/vm/vmlayout.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

using namespace Qt::Literals::StringLiterals;

namespace {

QString reportPath(const QString &vmFolder)
{
    return VmLayout::ofFolder(vmFolder).crashReportPath();
}

} // namespace

bool CrashReport::exists(const QString &vmFolder)
{
    return QFile::exists(reportPath(vmFolder));
}

void CrashReport::remove(const QString &vmFolder)
{
    QFile::remove(reportPath(vmFolder));
}

std::optional<CrashReport> CrashReport::read(const QString &vmFolder)
{
    QFile file(reportPath(vmFolder));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject json = QJsonDocument::fromJson(file.read(1 << 20)).object();
    CrashReport report;
    report.time = QDateTime::fromString(json.value("time"_L1).toString(), Qt::ISODateWithMs);
    report.pid = json.value("pid"_L1).toInteger();
    report.message = json.value("message"_L1).toString();
    report.guestPanicked = json.value("guest_panicked"_L1).toBool();
    report.shutdownReason = json.value("shutdown_reason"_L1).toString();
    report.qemuLogTail = json.value("qemu_log_tail"_L1).toString();
    if (report.message.isEmpty())
        report.message = QCoreApplication::translate("CrashReport", "QEMU ended unexpectedly");
    return report;
}

Outcome<> CrashReport::write(const QString &vmFolder) const
{
    const QJsonObject json{
        {u"time"_s, time.toUTC().toString(Qt::ISODateWithMs)},
        {u"pid"_s, pid},
        {u"message"_s, message},
        {u"guest_panicked"_s, guestPanicked},
        {u"shutdown_reason"_s, shutdownReason},
        {u"qemu_log_tail"_s, qemuLogTail},
    };
    QSaveFile file(reportPath(vmFolder));
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(json).toJson());
        if (file.commit())
            return {};
    }
    return Failure(QCoreApplication::translate("CrashReport", "Cannot write %1: %2")
                       .arg(file.fileName(), file.errorString()),
                   file.errorString());
}
