// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/disks/diskimagejob.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

/// For the disk tests: qemu-img run directly by the test, so that what Berth did is checked
/// independently of Berth's own parsing, and a way to wait for one DiskImageJob operation.
namespace DiskChecks {

/// Runs @p program with @p arguments and waits; returns its exit code (-1 when it did not
/// run or crashed). stdout goes to @p out, stderr to @p err when given.
int tool(const QString &program, const QStringList &arguments, QByteArray *out = nullptr,
         QByteArray *err = nullptr);

/// `qemu-img info --output=json PATH`, parsed with QJsonDocument (not DiskImageInfo).
QJsonObject qemuImgInfo(const QString &path);

/// `qemu-img compare A B` exit code: 0 identical, 1 different, >1 error.
int qemuImgCompare(const QString &a, const QString &b);

/// Writes @p pattern (a byte, e.g. "0x55") over @p length bytes at @p offset with qemu-io.
bool writePattern(const QString &image, const QString &format, qint64 offset, qint64 length,
                  const char *pattern);

/// A raw image that takes long enough to convert for a cancel to land half-way: 1 GiB with
/// 384 MiB of data in three runs.
bool makeSlowToConvert(const QString &path);

/// Starts @p start on @p job and waits for finished(); returns its error (empty on success),
/// or "timeout".
QString wait(DiskImageJob &job, const std::function<void()> &start, int timeoutMs = 120'000);

/// The names of the files in @p dir (hidden ones too): to see nothing partial was left.
QStringList filesIn(const QString &dir);

} // namespace DiskChecks
