// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ui/display/remotedisplay.h"

#include <QList>
#include <QPointer>

class VncWorker;

/// RemoteDisplay over RFB with libvncclient (a VncWorker thread per connection).
/// Closing never blocks the GUI thread: the old worker is told to stop and deletes
/// itself when its thread ends.
class VncDisplay final : public RemoteDisplay
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VncDisplay)

public:
    explicit VncDisplay(QObject *parent = nullptr);
    ~VncDisplay() override;

    void open(const QString &socketPath) override;
    void close() override;
    Status status() const override { return m_status; }
    QString errorString() const override { return m_error; }
    QImage frame() const override;
    bool hasFrame() const override;
    void sendKey(quint32 qnum, quint32 keysym, bool down) override;
    void sendPointer(QPoint position, int buttonMask) override;

private:
    void setStatus(Status status);
    void dropWorker();

    VncWorker *m_worker = nullptr;
    QList<QPointer<VncWorker>> m_retired; // stopping; joined by the destructor
    Status m_status = Status::Disconnected;
    QString m_error;
    QImage m_lastFrame; // kept after a connection ends, for the last picture
};
