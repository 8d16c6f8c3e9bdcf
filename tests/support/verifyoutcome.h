// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "models/common/outcome.h"

#include <QTest>

/// QVERIFY for an Outcome: fails the test with the failure's message.
#define QVERIFY_OUTCOME(expression)                                                                \
    do {                                                                                           \
        const auto outcome_ = (expression);                                                        \
        QVERIFY2(outcome_.ok(), qPrintable(outcome_ ? QString() : outcome_.failure().message()));  \
    } while (false)

/// The message of @p outcome's failure; empty when it worked.
template<typename T>
QString failureMessage(const Outcome<T> &outcome)
{
    return outcome ? QString() : outcome.failure().message();
}
