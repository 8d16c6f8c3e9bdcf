// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/display/vncdisplay.h"

#include "ui/display/vncworker.h"

VncDisplay::VncDisplay(QObject *parent)
    : RemoteDisplay(parent)
{}

VncDisplay::~VncDisplay()
{
    dropWorker();
    // Stopping shuts the socket down, so joining is prompt.
    for (const QPointer<VncWorker> &worker : std::as_const(m_retired))
        delete worker.data();
}

void VncDisplay::open(const QString &socketPath)
{
    dropWorker();
    m_error.clear();
    m_worker = new VncWorker(socketPath);
    VncWorker *worker = m_worker;
    connect(worker, &VncWorker::connected, this, [this, worker] {
        if (worker == m_worker)
            setStatus(Status::Connected);
    });
    connect(worker, &VncWorker::frameResized, this, [this, worker](QSize size) {
        if (worker == m_worker)
            Q_EMIT frameResized(size);
    });
    connect(worker, &VncWorker::frameUpdated, this, [this, worker](QRect rect) {
        if (worker == m_worker)
            Q_EMIT frameUpdated(rect);
    });
    connect(worker, &VncWorker::failed, this, [this, worker](const QString &message) {
        if (worker != m_worker)
            return;
        m_error = message;
        m_lastFrame = worker->frame();
        dropWorker();
        setStatus(Status::Failed);
    });
    setStatus(Status::Connecting);
    worker->start();
}

void VncDisplay::close()
{
    if (m_worker)
        m_lastFrame = m_worker->frame();
    dropWorker();
    m_error.clear();
    setStatus(Status::Disconnected);
}

void VncDisplay::dropWorker()
{
    if (!m_worker)
        return;
    VncWorker *worker = m_worker;
    m_worker = nullptr;
    worker->disconnect(this);
    worker->requestStop();
    m_retired.removeAll(nullptr);
    m_retired.append(worker);
    if (worker->isFinished()) {
        worker->deleteLater();
    } else {
        connect(worker, &QThread::finished, worker, &QObject::deleteLater);
        // finished() may have been emitted between the check and the connect.
        if (worker->isFinished())
            worker->deleteLater();
    }
}

QImage VncDisplay::frame() const
{
    return m_worker ? m_worker->frame() : m_lastFrame;
}

bool VncDisplay::hasFrame() const
{
    return m_worker && m_worker->pixelsReceived() > 0;
}

void VncDisplay::sendKey(quint32 qnum, quint32 keysym, bool down)
{
    if (m_worker && m_status == Status::Connected)
        m_worker->postKey(qnum, keysym, down);
}

void VncDisplay::sendPointer(QPoint position, int buttonMask)
{
    if (m_worker && m_status == Status::Connected)
        m_worker->postPointer(position, buttonMask);
}

void VncDisplay::setStatus(Status status)
{
    if (m_status == status)
        return;
    m_status = status;
    Q_EMIT statusChanged(status);
}
