#include "testguest.h"

#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

QString TestGuest::directory()
{
    return qEnvironmentVariable("BERTH_TEST_GUEST_DIR");
}

bool TestGuest::isAvailable()
{
    const QString dir = directory();
    return !dir.isEmpty() && QFileInfo::exists(dir + u"/vmlinuz"_s) &&
           QFileInfo::exists(dir + u"/initrd.img"_s);
}

VmDefinition TestGuest::definition(const QString &name, const QString &kernelArgs, int memoryMiB)
{
    VmDefinition d;
    d.name = name;
    d.uuid = QUuid::createUuid();
    d.cpus = 1;
    d.memoryMiB = memoryMiB;
    d.machine = u"pc"_s;
    d.accelerator = Accelerator::Tcg;
    d.kernel = directory() + u"/vmlinuz"_s;
    d.initrd = directory() + u"/initrd.img"_s;
    d.kernelArgs = kernelArgs;
    return d;
}
