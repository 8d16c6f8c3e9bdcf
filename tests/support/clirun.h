// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "app/cli/clisession.h"
#include "tests/support/berthrun.h"

#include <QString>
#include <QStringList>

/// Runs one `berth` command in this process through CommandLine::run(), its stdout and
/// stderr caught in buffers. The result is a BerthRun like the real binary's, so VERIFY_RUN,
/// object() and array() work the same. @p viewer stands for `berth view`'s window.
BerthRun runInProcess(const QStringList &arguments, const CliViewer &viewer = {});

/// Whether @p r failed the CLI's way: nothing on stdout, one line "berth: ..." on stderr that
/// mentions @p mentions.
bool isOneErrorLine(const BerthRun &r, const QString &mentions);
