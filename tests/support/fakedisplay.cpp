// SPDX-License-Identifier: GPL-2.0-or-later
#include "tests/support/fakedisplay.h"

FakeDisplay::FakeDisplay(QObject *parent)
    : RemoteDisplay(parent)
{}

FakeDisplay::~FakeDisplay() = default;

void FakeDisplay::open(const QString &address)
{
    m_address = address;
    m_error.clear();
    setStatus(Status::Connecting);
}

void FakeDisplay::close()
{
    m_error.clear();
    setStatus(Status::Disconnected);
}

void FakeDisplay::sendKey(quint32 qnum, quint32 keysym, bool down)
{
    Input i;
    i.kind = Input::Key;
    i.qnum = qnum;
    i.keysym = keysym;
    i.down = down;
    m_input.append(i);
}

void FakeDisplay::sendPointer(QPoint position, int buttonMask)
{
    Input i;
    i.kind = Input::Pointer;
    i.position = position;
    i.buttons = buttonMask;
    m_input.append(i);
}

void FakeDisplay::setFrame(const QImage &frame, QRect damage)
{
    const bool resized = frame.size() != m_frame.size();
    m_frame = frame.convertToFormat(QImage::Format_RGB32);
    if (resized)
        Q_EMIT frameResized(m_frame.size());
    Q_EMIT frameUpdated(damage.isEmpty() ? m_frame.rect() : damage);
}

void FakeDisplay::fail(const QString &message)
{
    m_error = message;
    setStatus(Status::Failed);
}

void FakeDisplay::setConnected()
{
    setStatus(Status::Connected);
}

void FakeDisplay::setStatus(Status status)
{
    if (m_status == status)
        return;
    m_status = status;
    Q_EMIT statusChanged(status);
}
