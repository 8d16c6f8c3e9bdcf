#include "remotedisplay.h"

RemoteDisplay::RemoteDisplay(QObject *parent)
    : QObject(parent)
{}

RemoteDisplay::~RemoteDisplay() = default;
