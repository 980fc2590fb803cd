#pragma once

#include "core/stats/AcceptanceReport.h"
#include "ui/charts/ChartPalette.h"

#include <QChart>

class QBarCategoryAxis;
class QValueAxis;

namespace rapport {

// Acceptance rate by template, source or note: horizontal bars, best on top, each with its 95% interval
// as a whisker and its counts in the label. Groups with too few answered requests to tell are grey and
// at the bottom. Hovering a bar shows its exact numbers.
class GroupRateChart : public QChart
{
    Q_OBJECT

public:
    static constexpr int kMostGroups = 8;

    explicit GroupRateChart(Grouping grouping, QGraphicsItem* parent = nullptr);

    // Shows the kMostGroups groups with the most answered requests, keeping the report's order.
    void setGroups(const QList<RateGroup>& groups, const ChartPalette& colors);
    // Top to bottom, as shown.
    const QList<RateGroup>& shownGroups() const { return m_groups; }
    int hiddenGroupCount() const { return m_hidden; }

    QString toolTip(int index) const; // index into shownGroups()

private:
    Grouping m_grouping;
    QBarCategoryAxis* m_categories = nullptr;
    QValueAxis* m_whiskerRows = nullptr; // hidden: places the interval whiskers on the bars' rows
    QValueAxis* m_rate = nullptr;
    QList<RateGroup> m_groups;
    int m_hidden = 0;
};

} // namespace rapport
