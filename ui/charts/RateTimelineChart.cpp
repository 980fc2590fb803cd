#include "ui/charts/RateTimelineChart.h"

#include "ui/charts/ChartFormat.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QCursor>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>

namespace rapport {

RateTimelineChart::RateTimelineChart(QGraphicsItem* parent)
    : QChart(parent)
    , m_time(new QCategoryAxis(this))
    , m_barWeeks(new QBarCategoryAxis(this))
    , m_rate(new QValueAxis(this))
    , m_count(new QValueAxis(this))
{
    setMargins(QMargins(4, 4, 4, 4));
    legend()->setAlignment(Qt::AlignBottom);
    m_time->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_barWeeks->setVisible(false);
    m_rate->setRange(0, 100);
    m_rate->setTickCount(6);
    m_rate->setLabelFormat(QStringLiteral("%d%%"));
    m_rate->setTitleText(tr("Accepted (rolling 4 weeks)"));
    m_count->setLabelFormat(QStringLiteral("%d"));
    m_count->setTitleText(tr("Requests a week"));
    m_count->setGridLineVisible(false);
    addAxis(m_time, Qt::AlignBottom);
    addAxis(m_barWeeks, Qt::AlignBottom);
    addAxis(m_rate, Qt::AlignLeft);
    addAxis(m_count, Qt::AlignRight);
}

void RateTimelineChart::setWeeks(const QList<RateGroup>& weeks, const ChartPalette& colors)
{
    removeAllSeries();
    m_weeks = weeks;
    colors.style(this);
    for (QAbstractAxis* axis : { static_cast<QAbstractAxis*>(m_time), static_cast<QAbstractAxis*>(m_rate),
                                 static_cast<QAbstractAxis*>(m_count) })
        colors.style(axis);
    const int count = int(weeks.size());
    const qreal left = -0.5;
    const qreal right = std::max(0, count - 1) + 0.5;
    m_time->setRange(left, right);
    labelWeeks();

    // Behind everything, the band a healthy rate falls in.
    auto* healthyLow = new QLineSeries(this);
    auto* healthyHigh = new QLineSeries(this);
    healthyLow->append({ QPointF(left, 30), QPointF(right, 30) });
    healthyHigh->append({ QPointF(left, 50), QPointF(right, 50) });
    auto* healthy = new QAreaSeries(healthyHigh, healthyLow);
    healthy->setName(tr("Healthy (30–50%)"));
    healthy->setColor(colors.healthy);
    healthy->setBorderColor(Qt::transparent);
    addSeries(healthy);
    healthy->attachAxis(m_time);
    healthy->attachAxis(m_rate);

    auto* sent = new QBarSet(tr("Sent"));
    auto* accepted = new QBarSet(tr("Accepted"));
    sent->setColor(colors.sent);
    sent->setBorderColor(colors.sent);
    accepted->setColor(colors.accepted);
    accepted->setBorderColor(colors.accepted);
    QStringList categories;
    int most = 0;
    for (const RateGroup& week : weeks) {
        categories.append(week.key);
        *sent << week.counts.sent();
        *accepted << week.counts.accepted;
        most = std::max(most, week.counts.sent());
    }
    auto* bars = new QBarSeries(this);
    bars->append(sent);
    bars->append(accepted);
    bars->setBarWidth(0.7);
    addSeries(bars);
    m_barWeeks->setCategories(categories);
    bars->attachAxis(m_barWeeks);
    bars->attachAxis(m_count);
    // Whole numbers of requests, with headroom so the bars stay below the rate line's usual range.
    const int top = ChartFormat::niceAxisTop(most * 2);
    m_count->setRange(0, top);
    m_count->setTickCount(6);
    for (QBarSet* set : { sent, accepted }) {
        connect(set, &QBarSet::hovered, this, [this](bool status, int index) {
            if (status)
                QToolTip::showText(QCursor::pos(), toolTip(index));
            else
                QToolTip::hideText();
        });
    }

    addRateSegments(colors);
}

// One line and band per stretch of weeks that have a rolling rate: four weeks without an answer
// leave a gap instead of a fake zero.
void RateTimelineChart::addRateSegments(const ChartPalette& colors)
{
    bool named = false;
    int week = 0;
    const int count = int(m_weeks.size());
    while (week < count) {
        if (!m_weeks[week].rolling.rate()) {
            ++week;
            continue;
        }
        auto* line = new QLineSeries(this);
        auto* upper = new QLineSeries(this);
        auto* lower = new QLineSeries(this);
        for (; week < count && m_weeks[week].rolling.rate(); ++week) {
            const RateCount& rolling = m_weeks[week].rolling;
            line->append(week, *rolling.rate() * 100);
            upper->append(week, rolling.interval()->high * 100);
            lower->append(week, rolling.interval()->low * 100);
        }
        auto* band = new QAreaSeries(upper, lower);
        band->setColor(colors.interval);
        band->setBorderColor(Qt::transparent);
        band->setName(tr("95% interval"));
        addSeries(band);
        band->attachAxis(m_time);
        band->attachAxis(m_rate);

        line->setName(tr("Acceptance rate"));
        QPen pen(colors.rate, 2.5);
        line->setPen(pen);
        line->setPointsVisible(true);
        line->setMarkerSize(6);
        addSeries(line);
        line->attachAxis(m_time);
        line->attachAxis(m_rate);
        connect(line, &QLineSeries::hovered, this, [this](const QPointF& point, bool state) {
            if (state)
                QToolTip::showText(QCursor::pos(), toolTip(qRound(point.x())));
            else
                QToolTip::hideText();
        });
        // The legend names each kind of series once.
        if (named) {
            for (QAbstractSeries* series : { static_cast<QAbstractSeries*>(band), static_cast<QAbstractSeries*>(line) })
                legend()->markers(series).constFirst()->setVisible(false);
        }
        named = true;
    }
}

void RateTimelineChart::labelWeeks()
{
    for (const QString& label : m_time->categoriesLabels())
        m_time->remove(label);
    const QLocale locale;
    const int count = int(m_weeks.size());
    // A label a week while they fit, else at the first week of each month, else of each year.
    const bool weekly = count <= 14;
    const bool monthly = !weekly && count <= 80;
    int lastMonth = -1;
    int lastYear = -1;
    for (int week = 0; week < count; ++week) {
        const QDate start = m_weeks[week].start;
        QString label;
        if (weekly) {
            label = locale.toString(start, QStringLiteral("d MMM"));
        } else if (monthly) {
            // A month is labelled at its first week; the year shows at January and on the first label.
            const QDate monthDay = start.addDays(6);
            if (monthDay.month() == lastMonth)
                continue;
            lastMonth = monthDay.month();
            label = lastYear != monthDay.year() || monthDay.month() == 1
                ? locale.toString(monthDay, QStringLiteral("MMM yyyy"))
                : locale.toString(monthDay, QStringLiteral("MMM"));
            lastYear = monthDay.year();
        } else {
            const QDate yearDay = start.addDays(6);
            if (yearDay.year() == lastYear)
                continue;
            lastYear = yearDay.year();
            label = QString::number(yearDay.year());
        }
        if (!m_time->categoriesLabels().contains(label))
            m_time->append(label, week);
    }
    m_time->setStartValue(-0.5);
}

QString RateTimelineChart::toolTip(int index) const
{
    if (index < 0 || index >= m_weeks.size())
        return {};
    const RateGroup& week = m_weeks[index];
    const QLocale locale;
    QString text = tr("<b>Week of %1</b>").arg(locale.toString(week.start, QLocale::LongFormat).toHtmlEscaped());
    text += QStringLiteral("<br>")
        + tr("Sent: %1, accepted: %2, not accepted: %3, open: %4")
              .arg(week.counts.sent())
              .arg(week.counts.accepted)
              .arg(week.counts.notAccepted())
              .arg(week.counts.open);
    text += QStringLiteral("<br>")
        + tr("Rolling 4 weeks: %1").arg(ChartFormat::rateWithCounts(week.rolling).toHtmlEscaped());
    return text;
}

} // namespace rapport
