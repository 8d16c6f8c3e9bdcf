#include "symbolicicon.h"

#include <QPainter>
#include <QPixmap>

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
    const QIcon standard = style->standardIcon(fallback);
    if (!isMonochromeGlyph(fallback))
        return standard;
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48}) {
        const QPixmap glyph = standard.pixmap(size, size);
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
