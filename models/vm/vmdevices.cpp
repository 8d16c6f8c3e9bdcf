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
