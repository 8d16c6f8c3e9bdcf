// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

/// An exclusive flock(2) on a file or folder, held until this object goes (and, for a copy
/// handed to a child process, until that process ends too): how Berth's processes take
/// turns on a library (creating, deleting), a VM's definition (every writer of vm.json) and
/// a VM's start (start.lock, which QEMU inherits).
class FileLock final
{
public:
    enum class Mode
    {
        Wait, ///< block until the lock is free
        Try,  ///< take it only if it is free now (isTaken() says when it is not)
    };

    /// Locks @p path: a folder as it is, a file made (0600) when it does not exist.
    FileLock(const QString &path, Mode mode);
    ~FileLock();
    FileLock(const FileLock &) = delete;
    FileLock &operator=(const FileLock &) = delete;

    bool isHeld() const { return m_fd >= 0 && m_error == 0; }
    /// Mode::Try only: another process holds it.
    bool isTaken() const;
    /// Why it is not held (the system's words), or empty.
    QString error() const;
    /// A descriptor of the lock that a child process inherits (not close-on-exec), or -1:
    /// the lock stays taken as long as any process holds a copy.
    int inheritableCopy() const;

private:
    int m_fd = -1;
    int m_error = 0;
};
