// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/display/remotedisplay.h"

RemoteDisplay::RemoteDisplay(QObject *parent)
    : QObject(parent)
{}

RemoteDisplay::~RemoteDisplay() = default;
