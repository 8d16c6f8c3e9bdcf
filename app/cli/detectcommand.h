// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "app/cli/clisession.h"
#include "models/osinfo/osprofile.h"

#include <QJsonObject>

/// `berth detect ISO [--json]`: what OsDetector (the New VM wizard's detection) recognises on
/// install media and what it suggests.
void addDetectCommand(CliCommandTable &table);

/// The JSON `berth detect` prints for @p profile of @p iso (also in `berth create --json`).
QJsonObject detectedJson(const QString &iso, const OsProfile &profile);
/// One line for a person: the system, its version and architecture, where it was found.
QString detectedLine(const OsProfile &profile);
