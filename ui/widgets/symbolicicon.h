// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QIcon>
#include <QPalette>
#include <QStyle>

/// An icon from the desktop's theme or, where the theme has none, Berth's bundled glyph
/// (`:/icons/actions/<themeName>.svg`, from resources/icons/actions) or else a QStyle
/// standard icon.
///
/// Bundled glyphs and some standard icons (the media ones) are black shapes that would
/// vanish on a dark palette: those are redrawn in the palette's text colours (normal,
/// selected, disabled), the way symbolic icons follow the text colour.
class SymbolicIcon final
{
public:
    static QIcon get(const QString &themeName, QStyle::StandardPixmap fallback, const QStyle *style,
                     const QPalette &palette);
};
