#pragma once

#include "core/stats/AcceptanceReport.h"
#include "ui/charts/ChartPalette.h"

#include <QChart>

class QBarCategoryAxis;
class QValueAxis;

namespace rapport {

// Where the period's requests got to: sent, accepted, followed up (content shared after the acceptance),
// replied (a message received after that); each step labelled with its share of the step before.
// Hovering a bar shows its numbers.
class FunnelChart : public QChart
{
    Q_OBJECT

public:
    explicit FunnelChart(QGraphicsItem* parent = nullptr);

    void setFunnel(const Funnel& funnel, const ChartPalette& colors);

    // Top to bottom: the step's name and how many reached it.
    QList<std::pair<QString, int>> steps() const;
    QString toolTip(int step) const;

private:
    QBarCategoryAxis* m_steps = nullptr;
    QValueAxis* m_count = nullptr;
    Funnel m_funnel;
};

} // namespace rapport
