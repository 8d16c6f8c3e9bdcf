// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QImage>
#include <QObject>
#include <QPoint>
#include <QRect>
#include <QString>

/// A remote screen seen from the GUI thread: the framebuffer, its damage, and input.
/// VncDisplay speaks RFB to QEMU; FakeDisplay (tests) is driven by hand (krdc's
/// RemoteView / TestView split).
///
/// Status transitions (statusChanged()):
///   Disconnected --open()--> Connecting --server init--> Connected
///   Connecting/Connected --error or server gone--> Failed (message says why)
///   any --close()--> Disconnected
/// open() from Failed or Disconnected starts over.
class RemoteDisplay : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteDisplay)

public:
    enum class Status
    {
        Disconnected,
        Connecting,
        Connected,
        Failed
    };
    Q_ENUM(Status)

    /// Mouse buttons in RFB's button mask.
    enum Button
    {
        LeftButton = 1,
        MiddleButton = 2,
        RightButton = 4,
        WheelUp = 8,
        WheelDown = 16,
        WheelLeft = 32,
        WheelRight = 64
    };

    explicit RemoteDisplay(QObject *parent = nullptr);
    ~RemoteDisplay() override;

    /// Connects to the server at @p address (a unix socket path for VncDisplay).
    virtual void open(const QString &address) = 0;
    virtual void close() = 0;
    virtual Status status() const = 0;
    /// Why the last connection failed or ended; empty otherwise.
    virtual QString errorString() const = 0;

    /// The current framebuffer (Format_RGB32, a cheap shared copy). Null before the
    /// first ServerInit.
    virtual QImage frame() const = 0;
    /// Whether a frame with pixels has arrived since open().
    virtual bool hasFrame() const = 0;

    /// A key by QEMU "qnum" code (XT scancode set 1, 0x80 | code for E0-prefixed keys)
    /// plus its X keysym (used when the server does not take extended key events).
    virtual void sendKey(quint32 qnum, quint32 keysym, bool down) = 0;
    /// An absolute pointer position in framebuffer pixels with the buttons held.
    virtual void sendPointer(QPoint position, int buttonMask) = 0;

Q_SIGNALS:
    void statusChanged(RemoteDisplay::Status status);
    /// The framebuffer changed size (also on the first ServerInit).
    void frameResized(QSize size);
    /// @p rect of the framebuffer has new pixels (one signal per FramebufferUpdate).
    void frameUpdated(QRect rect);
};
