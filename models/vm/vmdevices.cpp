// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/vm/vmdevices.h"

using namespace Qt::Literals::StringLiterals;

QString VmDevices::diskNode(qsizetype index)
{
    return u"disk%1"_s.arg(index);
}

QString VmDevices::diskDevice(qsizetype index)
{
    return diskNode(index) + u"-dev"_s;
}

QString VmDevices::networkBackend(qsizetype index)
{
    return u"net%1"_s.arg(index);
}

QString VmDevices::networkCard(qsizetype index)
{
    return u"nic%1"_s.arg(index);
}
