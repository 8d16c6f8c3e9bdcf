// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ui/display/remotedisplay.h"

#include <QList>

/// A RemoteDisplay for tests: no server. The test sets the frame and the status; input
/// is recorded.
class FakeDisplay final : public RemoteDisplay
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeDisplay)

public:
    struct Input
    {
        enum Kind
        {
            Key,
            Pointer
        } kind = Key;
        quint32 qnum = 0;
        quint32 keysym = 0;
        bool down = false;
        QPoint position;
        int buttons = 0;
    };

    explicit FakeDisplay(QObject *parent = nullptr);
    ~FakeDisplay() override;

    void open(const QString &address) override;
    void close() override;
    Status status() const override { return m_status; }
    QString errorString() const override { return m_error; }
    QImage frame() const override { return m_frame; }
    bool hasFrame() const override { return !m_frame.isNull(); }
    void sendKey(quint32 qnum, quint32 keysym, bool down) override;
    void sendPointer(QPoint position, int buttonMask) override;

    /// Replaces the frame (emitting frameResized() when its size changes) and
    /// announces @p damage (the whole frame when empty).
    void setFrame(const QImage &frame, QRect damage = {});
    void fail(const QString &message);
    void setConnected();

    QString address() const { return m_address; }
    const QList<Input> &input() const { return m_input; }
    void clearInput() { m_input.clear(); }

private:
    void setStatus(Status status);

    Status m_status = Status::Disconnected;
    QString m_error;
    QString m_address;
    QImage m_frame;
    QList<Input> m_input;
};
