// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/common/bytesize.h"

#include <QRegularExpression>

#include <cmath>
#include <limits>

std::optional<qint64> parseByteSize(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*(\\d+(?:\\.\\d+)?)\\s*([KMGTP]?)(?:i?B)?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const double number = m.captured(1).toDouble();
    const QString unit = m.captured(2).toUpper();
    int shift = 0;
    if (!unit.isEmpty())
        shift = 10 * (int(QStringLiteral("KMGTP").indexOf(unit)) + 1);
    const double bytes = std::ldexp(number, shift);
    if (bytes < 1 || bytes > double(std::numeric_limits<qint64>::max() / 2))
        return std::nullopt;
    return qint64(std::llround(bytes));
}
