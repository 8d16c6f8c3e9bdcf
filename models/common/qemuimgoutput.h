// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

/// Reading what qemu-img prints: its `-p` progress and its error messages.
///
/// `qemu-img convert -p` writes "    (12.50/100%)\r" to stdout and flushes after each
/// update, whether stdout is a terminal or a pipe (measured on qemu-img 7.2: a pipe gets
/// every update at once, so no pty is needed). Updates come about every 1/32 of the work.
class QemuImgProgress final
{
public:
    QemuImgProgress() = default;

    /// Feeds bytes as they arrive (any chunking: an update may be split across reads).
    /// Returns true when the percentage went up.
    bool feed(const QByteArray &bytes);
    /// The highest percentage seen, 0..100; never goes down.
    double percent() const { return m_percent; }
    void reset();

private:
    QByteArray m_pending;
    double m_percent = 0;
};

/// Turns qemu-img's stderr into one or two sentences for the user.
class QemuImgError final
{
    Q_DECLARE_TR_FUNCTIONS(QemuImgError)

public:
    /// @p stderrText is what qemu-img printed; @p path the image it was working on (for the
    /// message). Known failures are explained in words ("... is in use by another program
    /// (a QEMU is running with it); stop that VM first."); anything else is folded into one
    /// line without the "qemu-img: " prefixes. @p exitCode is used when stderr is empty.
    static QString explain(const QByteArray &stderrText, const QString &path, int exitCode);

    /// Whether qemu-img failed on QEMU's image lock ("Failed to get ... lock").
    static bool isLockFailure(const QByteArray &stderrText);
};
