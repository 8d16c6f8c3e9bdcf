#pragma once

#include "app/cli/clisession.h"

/// berth screenshot, berth view (which needs a QApplication: see main.cpp).
void addDisplayCommands(CliCommandTable &t);
