// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/widgets/symbolicicon.h"

#include <QFile>
#include <QPainter>
#include <QPixmap>

using namespace Qt::Literals::StringLiterals;

namespace {

bool isMonochromeGlyph(QStyle::StandardPixmap icon)
{
    switch (icon) {
    case QStyle::SP_MediaPlay:
    case QStyle::SP_MediaPause:
    case QStyle::SP_MediaStop:
    case QStyle::SP_MediaSeekForward:
    case QStyle::SP_MediaSeekBackward:
    case QStyle::SP_MediaSkipForward:
    case QStyle::SP_MediaSkipBackward:
        return true;
    default:
        return false;
    }
}

QPixmap tinted(const QPixmap &glyph, const QColor &color)
{
    QPixmap out(glyph.size());
    out.setDevicePixelRatio(glyph.devicePixelRatio());
    out.fill(Qt::transparent);
    QPainter p(&out);
    p.drawPixmap(0, 0, glyph);
    p.setCompositionMode(QPainter::CompositionMode_SourceIn); // keep the shape, take the colour
    p.fillRect(out.rect(), color);
    return out;
}

} // namespace

QIcon SymbolicIcon::get(const QString &themeName, QStyle::StandardPixmap fallback,
                        const QStyle *style, const QPalette &palette)
{
    if (QIcon::hasThemeIcon(themeName))
        return QIcon::fromTheme(themeName);
    // Berth's own glyphs (resources/icons/actions, black on transparent) where the desktop
    // has no icon theme; the style's icon when Berth has none either.
    const QString bundledPath = u":/icons/actions/"_s + themeName + u".svg"_s;
    QIcon glyphs;
    if (QFile::exists(bundledPath))
        glyphs = QIcon(bundledPath);
    const bool bundled = !glyphs.pixmap(16, 16).isNull(); // needs Qt's SVG icon engine
    if (!bundled) {
        glyphs = style->standardIcon(fallback);
        if (!isMonochromeGlyph(fallback))
            return glyphs;
    }
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48}) {
        const QPixmap glyph = glyphs.pixmap(size, size);
        if (glyph.isNull())
            continue;
        icon.addPixmap(tinted(glyph, palette.color(QPalette::Active, QPalette::WindowText)),
                       QIcon::Normal);
        icon.addPixmap(tinted(glyph, palette.color(QPalette::Active, QPalette::HighlightedText)),
                       QIcon::Selected);
        icon.addPixmap(tinted(glyph, palette.color(QPalette::Disabled, QPalette::WindowText)),
                       QIcon::Disabled);
    }
    return icon;
}
