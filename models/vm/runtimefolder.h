// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/common/outcome.h"

#include <QCoreApplication>
#include <QString>

/// Where a running VM's sockets and pidfile live: a folder only this user can enter.
///
///   $XDG_RUNTIME_DIR/berth/<uuid>-<digest>   normally (the session's private tmpfs)
///   /tmp/berth-<uid>/<uuid>-<digest> when XDG_RUNTIME_DIR is unset
///
/// Every folder Berth creates on that path has mode 0700. An existing one must be a
/// real folder (not a symbolic link) owned by this user; a shared /tmp is where someone
/// else could have made it first.
class RuntimeFolder final
{
    Q_DECLARE_TR_FUNCTIONS(RuntimeFolder)

public:
    /// $XDG_RUNTIME_DIR/berth, or /tmp/berth-<uid>.
    static QString root();
    /// Creates root() when missing, with mode 0700, and checks it (as ensure() does).
    static Outcome<> ensureRoot();

    /// Creates root() and @p path (a folder directly inside it) when missing, with mode
    /// 0700, and checks both.
    static Outcome<> ensure(const QString &path);

    /// Checks root() and @p path (a folder directly inside it) without creating or changing
    /// anything, as attaching to a running VM must: each must be missing, or a real folder
    /// (not a symbolic link) owned by this user with no access for others.
    static Outcome<> verify(const QString &path);

    /// Whether a process holds the lock QEMU takes on its pidfile (it does from before it
    /// writes its pid until it exits).
    static bool isPidFileLocked(const QString &path);

    /// Ends a swtpm left there without its QEMU, removes the files QEMU, swtpm and Berth keep
    /// in @p path, then the folder if it is empty; does nothing while a QEMU holds the
    /// pidfile's lock.
    static void clean(const QString &path);
};
