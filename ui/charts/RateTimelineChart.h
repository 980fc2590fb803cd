#pragma once

#include "core/stats/AcceptanceReport.h"
#include "ui/charts/ChartPalette.h"

#include <QChart>

class QBarCategoryAxis;
class QCategoryAxis;
class QValueAxis;

namespace rapport {

// The acceptance rate over time, week by week: the rolling 4-week rate as a line inside its Wilson
// band, the healthy 30-50% band behind it, and each week's requests sent and accepted as bars on a
// second axis. Hovering a point or a bar shows its week's exact numbers.
class RateTimelineChart : public QChart
{
    Q_OBJECT

public:
    explicit RateTimelineChart(QGraphicsItem* parent = nullptr);

    void setWeeks(const QList<RateGroup>& weeks, const ChartPalette& colors);
    const QList<RateGroup>& weeks() const { return m_weeks; }

    // What hovering week `index` shows.
    QString toolTip(int index) const;

private:
    void addRateSegments(const ChartPalette& colors);
    void labelWeeks();

    QCategoryAxis* m_time = nullptr; // the visible time axis, labelled at week or month starts
    QBarCategoryAxis* m_barWeeks = nullptr; // the hidden one the bars need, one category a week
    QValueAxis* m_rate = nullptr;
    QValueAxis* m_count = nullptr;
    QList<RateGroup> m_weeks;
};

} // namespace rapport
