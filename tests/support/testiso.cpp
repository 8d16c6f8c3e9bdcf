// SPDX-License-Identifier: GPL-2.0-or-later
#include "tests/support/testiso.h"

#include <QDebug>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

using namespace Qt::Literals::StringLiterals;

QString TestIso::make(const QString &folder, const QString &fileName, const QString &volumeId,
                      bool bootable, const QString &publisher)
{
    QTemporaryDir content;
    QFile boot(content.filePath(u"boot.img"_s));
    if (!content.isValid() || !boot.open(QIODevice::WriteOnly))
        return {};
    boot.write(QByteArray(2048, '\0')); // any 2 KiB image will do for El Torito
    boot.close();
    const QString iso = QDir(folder).filePath(fileName);
    QStringList args{u"-as"_s, u"mkisofs"_s, u"-quiet"_s, u"-V"_s, volumeId};
    if (!publisher.isEmpty())
        args << u"-publisher"_s << publisher;
    if (bootable)
        args << u"-b"_s << u"boot.img"_s << u"-no-emul-boot"_s << u"-boot-load-size"_s << u"4"_s;
    args << u"-o"_s << iso << content.path();
    QProcess xorriso;
    xorriso.start(u"xorriso"_s, args);
    if (!xorriso.waitForFinished(60'000) || xorriso.exitStatus() != QProcess::NormalExit ||
        xorriso.exitCode() != 0) {
        qWarning().noquote() << "xorriso failed:" << xorriso.errorString()
                             << xorriso.readAllStandardError();
        return {};
    }
    return iso;
}
