// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/widgets/statschart.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace {

/// 1, 2, 4 or 8 times a power of ten, at least @p value: its quarters (the grid) stay
/// round numbers.
double niceNumber(double value)
{
    if (value <= 0)
        return 1;
    const double power = std::pow(10.0, std::floor(std::log10(value)));
    for (const double m : {1.0, 2.0, 4.0, 8.0, 10.0}) {
        if (m * power >= value)
            return m * power;
    }
    return 10 * power;
}

/// A power of two, at least @p value: bytes in binary units (256 KiB, 1 GiB...).
double niceBytes(double value)
{
    return std::exp2(std::ceil(std::log2(std::max(value, 1.0))));
}

/// @p bytes in the largest binary unit that keeps it at least 1, with one decimal only
/// when it is not whole: "0", "768 B", "1.5 KiB", "256 MiB".
QString bytesText(double bytes)
{
    if (bytes <= 0)
        return u"0"_s;
    static const char *const units[] = {
        QT_TRANSLATE_NOOP("StatsChart", "%1 B"), QT_TRANSLATE_NOOP("StatsChart", "%1 KiB"),
        QT_TRANSLATE_NOOP("StatsChart", "%1 MiB"), QT_TRANSLATE_NOOP("StatsChart", "%1 GiB"),
        QT_TRANSLATE_NOOP("StatsChart", "%1 TiB")};
    int unit = 0;
    while (bytes >= 1024 && unit < 4) {
        bytes /= 1024;
        ++unit;
    }
    const bool whole = std::abs(bytes - std::round(bytes)) < 0.05 || bytes >= 100;
    return QCoreApplication::translate("StatsChart", units[unit])
        .arg(QLocale().toString(bytes, 'f', whole ? 0 : 1));
}

} // namespace

StatsChart::StatsChart(const QString &title, Unit unit, QWidget *parent)
    : QWidget(parent)
    , m_title(title)
    , m_unit(unit)
{
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

StatsChart::~StatsChart() = default;

void StatsChart::setData(QList<Series> series, qint64 endMs, qint64 spanMs)
{
    m_series = std::move(series);
    m_endMs = endMs;
    m_spanMs = std::max<qint64>(1000, spanMs);
    update();
}

void StatsChart::setMessage(const QString &message)
{
    if (m_message == message)
        return;
    m_message = message;
    update();
}

QString StatsChart::formatValue(double value, Unit unit)
{
    switch (unit) {
    case Unit::Percent:
        return tr("%1 %").arg(QLocale().toString(value, 'f', value < 10 && value > 0 ? 1 : 0));
    case Unit::MiB:
        return bytesText(value * 1024 * 1024);
    case Unit::BytesPerSecond:
        return value <= 0 ? u"0"_s : tr("%1/s").arg(bytesText(value));
    }
    return {};
}

QSize StatsChart::sizeHint() const
{
    return {360, 180};
}

QSize StatsChart::minimumSizeHint() const
{
    return {200, 110};
}

QList<StatsChart::LegendItem> StatsChart::legend() const
{
    // Each series with its newest value, flowing into as many rows as the width needs.
    const QFontMetrics fm = fontMetrics();
    QList<LegendItem> items;
    double x = 4;
    int row = 0;
    for (const Series &s : m_series) {
        float last = std::numeric_limits<float>::quiet_NaN();
        for (qsizetype i = s.values.size() - 1; i >= 0 && std::isnan(last); --i)
            last = s.values[i];
        const QString text =
            std::isnan(last) ? s.name : u"%1: %2"_s.arg(s.name, formatValue(last, m_unit));
        const double w = 14 + fm.horizontalAdvance(text);
        if (x > 4 && x + w > width() - 4) {
            x = 4;
            ++row;
        }
        items.append({text, s.color, QPointF(x, 4 + fm.height() * (1 + row))});
        x += w + 12;
    }
    return items;
}

QRectF StatsChart::plotRect() const
{
    const QFontMetrics fm = fontMetrics();
    const int left =
        fm.horizontalAdvance(formatValue(1023.0 * 1024 * 1024, Unit::BytesPerSecond)) + 8;
    const QList<LegendItem> items = legend();
    const int rows = items.isEmpty() ? 1 : int((items.back().at.y() - 4) / fm.height());
    const int top = fm.height() * (rows + 1) + 8; // title, legend
    const int bottom = fm.height() + 4;           // time labels
    return QRectF(left, top, std::max(10, width() - left - 8),
                  std::max(10, height() - top - bottom));
}

double StatsChart::niceTop() const
{
    double top = m_minimumTop;
    const qint64 start = m_endMs - m_spanMs;
    for (const Series &s : m_series) {
        for (qsizetype i = 0; i < s.values.size(); ++i) {
            if (s.timeMs[i] >= start && !std::isnan(s.values[i]))
                top = std::max(top, double(s.values[i]));
        }
    }
    if (top <= 0)
        top = m_unit == Unit::BytesPerSecond ? 1024 : 1;
    if (top == m_minimumTop)
        return top;
    return m_unit == Unit::Percent ? niceNumber(top)
                                   : niceBytes(top * (m_unit == Unit::MiB ? 1024 * 1024 : 1)) /
                                         (m_unit == Unit::MiB ? 1024 * 1024 : 1);
}

void StatsChart::drawSeries(QPainter &p, const Series &s, const QRectF &plot, double top) const
{
    const qint64 start = m_endMs - m_spanMs;
    const double xScale = plot.width() / double(m_spanMs);
    // On pixel centres: a one-pixel line stays crisp instead of smeared over two rows.
    auto yOf = [&](double v) {
        return std::floor(plot.bottom() - std::clamp(v / top, 0.0, 1.0) * plot.height()) + 0.5;
    };
    QColor fillColor = s.color;
    fillColor.setAlphaF(0.2f);
    // A cosmetic one-pixel pen: the raster engine draws it without the stroker, which made
    // an antialiased 1.5 px line of a one-hour series five times slower (bench_stats).
    QPen pen(s.color, 1);
    pen.setCosmetic(true);
    if (s.dashed)
        pen.setStyle(Qt::DashLine);

    // One polyline per run of known values, with at most two points per pixel column (the
    // minimum and maximum of the samples in it): a few hundred points whatever the range.
    QPolygonF run;
    auto endRun = [&] {
        if (run.isEmpty())
            return;
        if (s.filled && run.size() > 1) {
            QPolygonF area = run;
            area << QPointF(run.back().x(), plot.bottom())
                 << QPointF(run.front().x(), plot.bottom());
            p.setPen(Qt::NoPen);
            p.setBrush(fillColor);
            p.drawPolygon(area);
        }
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        if (run.size() == 1)
            p.drawPoint(run.front());
        else
            p.drawPolyline(run);
        run.clear();
    };
    int column = INT_MIN;
    double lo = 0;
    double hi = 0;
    auto flush = [&] {
        if (column == INT_MIN)
            return;
        const double x = std::floor(plot.left()) + column + 0.5;
        run << QPointF(x, yOf(hi));
        if (lo != hi)
            run << QPointF(x, yOf(lo));
        column = INT_MIN;
    };
    for (qsizetype i = 0; i < s.values.size(); ++i) {
        if (s.timeMs[i] < start)
            continue;
        const float v = s.values[i];
        if (std::isnan(v)) {
            flush();
            endRun();
            continue;
        }
        const int c = int(double(s.timeMs[i] - start) * xScale);
        if (c != column) {
            flush();
            column = c;
            lo = hi = v;
        } else {
            lo = std::min(lo, double(v));
            hi = std::max(hi, double(v));
        }
    }
    flush();
    endRun();
}

void StatsChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    const QFontMetrics fm = fontMetrics();
    const QRectF plot = plotRect();
    const double top = niceTop();

    // Title and legend (each series with its newest value).
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(pal.color(QPalette::Text));
    p.drawText(QRectF(4, 2, width() - 8, fm.height()), Qt::AlignLeft | Qt::AlignVCenter, m_title);
    p.setFont(font());
    for (const LegendItem &item : legend()) {
        p.fillRect(QRectF(item.at.x(), item.at.y() + fm.height() / 2.0 - 1.5, 10, 3), item.color);
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QPointF(item.at.x() + 14, item.at.y() + fm.ascent()), item.text);
    }

    // Grid: four divisions, labelled on the left; time labels below.
    QColor grid = pal.color(QPalette::Text);
    grid.setAlphaF(0.15f);
    QColor label = pal.color(QPalette::Text);
    label.setAlphaF(0.7f);
    for (int i = 0; i <= 4; ++i) {
        const double y = plot.bottom() - plot.height() * i / 4.0;
        p.setPen(grid);
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        if (m_series.isEmpty())
            continue; // no scale without data
        p.setPen(label);
        p.drawText(QRectF(0, y - fm.height() / 2.0, plot.left() - 6, fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, formatValue(top * i / 4.0, m_unit));
    }
    // Labels at every grid line when they fit, else at the ends and the middle.
    const bool allLabels = plot.width() / 4 > fm.horizontalAdvance(tr("−%1 min").arg(55)) * 1.3;
    const qint64 spanS = m_spanMs / 1000;
    for (int i = 0; i <= 4; ++i) {
        const double px = plot.left() + plot.width() * i / 4.0;
        const qint64 ago = spanS - spanS * i / 4;
        const QString text = ago == 0 ? tr("now")
                             : ago < 120 && ago % 60 != 0
                                 ? tr("−%1 s").arg(ago)
                                 : tr("−%1 min").arg(QLocale().toString(ago / 60.0, 'g', 3));
        p.setPen(grid);
        p.drawLine(QPointF(px, plot.top()), QPointF(px, plot.bottom()));
        if (!allLabels && (i == 1 || i == 3))
            continue;
        p.setPen(label);
        const Qt::Alignment align = i == 0   ? Qt::AlignLeft
                                    : i == 4 ? Qt::AlignRight
                                             : Qt::AlignHCenter;
        p.drawText(QRectF(px - 60 +
                              (i == 0   ? 60
                               : i == 4 ? -60
                                        : 0),
                          plot.bottom() + 2, 120, fm.height()),
                   align | Qt::AlignTop, text);
    }

    p.setRenderHint(QPainter::Antialiasing, true);
    p.save();
    p.setClipRect(plot.adjusted(-1, -2, 1, 1));
    for (const Series &s : m_series)
        drawSeries(p, s, plot, top);
    p.restore();
    p.setRenderHint(QPainter::Antialiasing, false);

    if (!m_message.isEmpty()) {
        QColor veil = pal.color(QPalette::Base);
        veil.setAlphaF(0.75f);
        p.fillRect(plot, veil);
        p.setPen(pal.color(QPalette::Text));
        p.drawText(plot.adjusted(12, 4, -12, -4), Qt::AlignCenter | Qt::TextWordWrap, m_message);
    } else if (m_hoverX >= plot.left() && m_hoverX <= plot.right()) {
        drawHover(p, plot);
    }
}

void StatsChart::drawHover(QPainter &p, const QRectF &plot) const
{
    const qint64 start = m_endMs - m_spanMs;
    const qint64 at = start + qint64((m_hoverX - plot.left()) / plot.width() * double(m_spanMs));
    // Only near a sample: beyond the data (before the VM ran) there is nothing to tell.
    const qint64 tolerance = std::max<qint64>(2000, m_spanMs / 100);
    QStringList lines;
    qint64 shownTime = 0;
    for (const Series &s : m_series) {
        // The sample nearest to the pointer's time.
        const auto it = std::lower_bound(s.timeMs.begin(), s.timeMs.end(), at);
        qsizetype i = it - s.timeMs.begin();
        if (i > 0 && (i == s.timeMs.size() || at - s.timeMs[i - 1] < s.timeMs[i] - at))
            --i;
        if (i < 0 || i >= s.timeMs.size() || s.timeMs[i] < start ||
            std::abs(s.timeMs[i] - at) > tolerance)
            continue;
        shownTime = s.timeMs[i];
        lines << u"%1: %2"_s.arg(
            s.name, std::isnan(s.values[i]) ? tr("no data") : formatValue(s.values[i], m_unit));
    }
    if (lines.isEmpty())
        return;
    // The locale's time with seconds, without the time zone.
    const QLocale locale;
    const QString format = locale.timeFormat(QLocale::LongFormat).remove(u't').trimmed();
    lines.prepend(locale.toString(QDateTime::fromMSecsSinceEpoch(shownTime).time(), format));
    QColor cursor = palette().color(QPalette::Text);
    cursor.setAlphaF(0.5f);
    p.setPen(cursor);
    p.drawLine(QPointF(m_hoverX, plot.top()), QPointF(m_hoverX, plot.bottom()));

    const QFontMetrics fm = fontMetrics();
    int w = 0;
    for (const QString &l : lines)
        w = std::max(w, fm.horizontalAdvance(l));
    QRectF box(0, plot.top() + 4, w + 12, fm.height() * lines.size() + 8);
    box.moveLeft(m_hoverX + 8 + box.width() > plot.right() ? m_hoverX - 8 - box.width()
                                                           : m_hoverX + 8);
    p.fillRect(box, palette().color(QPalette::ToolTipBase));
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(box);
    p.setPen(palette().color(QPalette::ToolTipText));
    for (qsizetype i = 0; i < lines.size(); ++i)
        p.drawText(QPointF(box.left() + 6, box.top() + 4 + fm.ascent() + fm.height() * i),
                   lines[i]);
}

void StatsChart::mouseMoveEvent(QMouseEvent *event)
{
    m_hoverX = int(event->position().x());
    update();
}

void StatsChart::leaveEvent(QEvent *)
{
    m_hoverX = -1;
    update();
}
