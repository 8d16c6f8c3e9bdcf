// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QColor>
#include <QList>
#include <QString>
#include <QWidget>

/// A live line chart for the Performance page, painted with QPainter.
///
/// Qt Charts was measured against it (bench_stats prints both): redrawing a one-hour chart
/// (3 series of 3600 points, 640x320) took about 2 ms here against 9 ms for QChartView.
/// This widget draws at most two points per pixel column (the minimum and maximum of the
/// samples that fall in it, so peaks stay visible in the one-hour view) with a cosmetic pen.
///
/// Series share one time axis (ms since the epoch) ending at the newest sample; NaN values
/// break a line (the VM was stopped). Hovering shows every series' value at that time.
/// A message (e.g. "not available") is drawn over the plot when set.
class StatsChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatsChart)

public:
    enum class Unit
    {
        Percent,       ///< 100 = one host core
        MiB,           ///< memory
        BytesPerSecond ///< throughput
    };

    struct Series
    {
        QString name;
        QColor color;
        QList<qint64> timeMs;
        QList<float> values;
        bool filled = false;
        bool dashed = false;
    };

    explicit StatsChart(const QString &title, Unit unit, QWidget *parent = nullptr);
    ~StatsChart() override;

    /// The series to draw, and the time window [endMs - spanMs, endMs].
    void setData(QList<Series> series, qint64 endMs, qint64 spanMs);
    /// The y axis reaches at least @p value (e.g. 100 % per vCPU, the VM's memory).
    void setMinimumTop(double value) { m_minimumTop = value; }
    void setMessage(const QString &message);
    QString message() const { return m_message; }
    const QList<Series> &series() const { return m_series; }

    /// One value with its unit, as the axis and the hover box write it.
    static QString formatValue(double value, Unit unit);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    struct LegendItem
    {
        QString text;
        QColor color;
        QPointF at;
    };
    QList<LegendItem> legend() const;
    QRectF plotRect() const;
    double niceTop() const;
    void drawSeries(QPainter &p, const Series &s, const QRectF &plot, double top) const;
    void drawHover(QPainter &p, const QRectF &plot) const;

    QString m_title;
    Unit m_unit;
    QList<Series> m_series;
    qint64 m_endMs = 0;
    qint64 m_spanMs = 60'000;
    double m_minimumTop = 0;
    QString m_message;
    int m_hoverX = -1;
};
