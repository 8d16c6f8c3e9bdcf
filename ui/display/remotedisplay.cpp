#include "ui/display/remotedisplay.h"

RemoteDisplay::RemoteDisplay(QObject *parent)
    : QObject(parent)
{}

RemoteDisplay::~RemoteDisplay() = default;
