#pragma once

#include "core/Result.h"
#include "core/stats/AcceptanceReport.h"
#include "core/stats/StatsPeriod.h"
#include "core/stats/StatsSnapshot.h"

#include <QDate>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QStackedWidget;

namespace rapport {

class ChartView;
class Database;
class FunnelChart;
class GroupRateChart;
class RateTimelineChart;

// The Insights place: "what works?" answered with the acceptance rate over time, by template, by
// source and by note, the funnel, and headline figures with a verdict, for a chosen period. Reads a
// fresh snapshot of the log each time it is shown; switching periods only recomputes.
class InsightsView : public QWidget
{
    Q_OBJECT

public:
    explicit InsightsView(Database& database, QWidget* parent = nullptr);

    // Loads the snapshot again and shows its statistics.
    Status reload();

    // Pins "today" (tests, screenshots); an invalid date follows the clock.
    void setToday(QDate today);
    void setNoResponseDays(int days);
    void setPeriod(StatsPeriod period);
    StatsPeriod period() const;

    const AcceptanceReport& report() const { return m_report; }
    // False while the page says what to do instead (no requests, or none in the period).
    bool isShowingCharts() const;

    QComboBox* periodSelector() const { return m_period; }
    QLabel* messageTitle() const { return m_messageTitle; }
    QLabel* messageText() const { return m_messageText; }
    QLabel* rateFigure() const { return m_rate.value; }
    QLabel* changeFigure() const { return m_change.value; }
    QLabel* sentFigure() const { return m_sent.value; }
    QLabel* medianFigure() const { return m_median.value; }
    QLabel* verdictLabel() const { return m_verdict; }
    RateTimelineChart* timelineChart() const { return m_timeline; }
    GroupRateChart* templateChart() const { return m_byTemplate; }
    GroupRateChart* sourceChart() const { return m_bySource; }
    GroupRateChart* noteChart() const { return m_byNote; }
    FunnelChart* funnelChart() const { return m_funnel; }
    QList<ChartView*> chartViews() const { return m_views; }

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct Figure
    {
        QLabel* value = nullptr;
        QLabel* caption = nullptr;
    };

    QWidget* createCharts();
    QWidget* createMessage();
    Figure addFigure(QWidget* parent, const QString& title, QLayout* layout);
    QDate today() const;
    void recompute();
    void showFigures();
    void showVerdict();
    void showMessage(const QString& title, const QString& text);

    Database& m_database;
    QDate m_today;
    int m_noResponseDays;
    std::optional<StatsSnapshot> m_snapshot;
    AcceptanceReport m_report;
    std::optional<AcceptanceReport> m_previous;

    QComboBox* m_period = nullptr;
    QLabel* m_periodLabel = nullptr;
    QStackedWidget* m_pages = nullptr;
    QLabel* m_messageTitle = nullptr;
    QLabel* m_messageText = nullptr;
    Figure m_rate;
    Figure m_change;
    Figure m_sent;
    Figure m_median;
    QLabel* m_verdict = nullptr;
    RateTimelineChart* m_timeline = nullptr;
    GroupRateChart* m_byTemplate = nullptr;
    GroupRateChart* m_bySource = nullptr;
    GroupRateChart* m_byNote = nullptr;
    FunnelChart* m_funnel = nullptr;
    QList<ChartView*> m_views;
};

} // namespace rapport
