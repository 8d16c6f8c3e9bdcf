// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

/// What tests read back from disk and plant there: a file's bytes, its mode, a program's
/// exit code (qemu-img, qemu-io). Test code may block.
namespace TestFiles {

/// The bytes of @p path; empty when it cannot be read.
QByteArray contents(const QString &path);
/// Writes @p bytes to @p path (replacing it), making its folder first.
bool write(const QString &path, const QByteArray &bytes);
/// The permission bits of @p path; -1 when it does not exist.
int modeOf(const QString &path);
/// Runs @p program to its end; -1 when it crashed or took over two minutes.
int run(const QString &program, const QStringList &arguments, QByteArray *out = nullptr);

} // namespace TestFiles
