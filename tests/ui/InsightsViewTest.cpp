#include "ui/views/InsightsView.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "core/storage/InteractionRepository.h"
#include "ui/MainWindow.h"
#include "ui/charts/ChartView.h"
#include "ui/charts/FunnelChart.h"
#include "ui/charts/GroupRateChart.h"
#include "ui/charts/RateTimelineChart.h"

#include "tests/core/TestDatabase.h"
#include <QAction>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QLegend>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

namespace rapport {
namespace {

// Friday 20 March 2026; the last 12 weeks start on Monday 29 December 2025.
const QDate kToday(2026, 3, 20);

class InsightsViewTest : public test::DatabaseTest
{
protected:

    qint64 contact(const QString& howWeKnow = {})
    {
        Contact contact;
        contact.firstName = QStringLiteral("Person");
        contact.lastName = QString::number(++m_count);
        contact.howWeKnow = howWeKnow;
        return ContactRepository(*m_database).add(contact).value();
    }

    void log(qint64 contactId, InteractionKind kind, QDate day, const QString& templateName = {},
             const QString& text = {})
    {
        Interaction interaction;
        interaction.contactId = contactId;
        interaction.kind = kind;
        interaction.occurredAt = QDateTime(day, QTime(12, 0), Qt::UTC);
        interaction.templateName = templateName;
        interaction.text = text;
        ASSERT_TRUE(InteractionRepository(*m_database).add(interaction).ok());
    }

    // A request sent on `day`, answered `after` days later (accepted or declined), or never.
    void request(QDate day, std::optional<bool> accepted, int after = 2, const QString& templateName = {})
    {
        const qint64 id = contact();
        log(id, InteractionKind::RequestSent, day, templateName,
            templateName.isEmpty() ? QString() : QStringLiteral("Hi"));
        if (accepted)
            log(id, *accepted ? InteractionKind::RequestAccepted : InteractionKind::RequestDeclined,
                day.addDays(after));
    }

    std::unique_ptr<InsightsView> shownView()
    {
        auto view = std::make_unique<InsightsView>(*m_database);
        view->setToday(kToday);
        view->resize(1000, 700);
        view->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(view.get()));
        return view;
    }

    int m_count = 0;
};

TEST_F(InsightsViewTest, AnEmptyDatabaseSaysWhatToDoInsteadOfEmptyAxes)
{
    const auto view = shownView();
    EXPECT_FALSE(view->isShowingCharts());
    EXPECT_TRUE(view->messageTitle()->isVisible());
    EXPECT_EQ(view->messageTitle()->text(), QStringLiteral("No connection requests yet"));
    EXPECT_TRUE(view->messageText()->text().contains(QStringLiteral("request_sent")));
    EXPECT_TRUE(view->messageText()->text().contains(QStringLiteral("21 days")));
    EXPECT_FALSE(view->chartViews().first()->isVisible());
    EXPECT_FALSE(view->periodSelector()->isVisible()) << "no period to choose without a request";
}

TEST_F(InsightsViewTest, ShowsTheHeadlineFiguresVerdictAndCharts)
{
    // Five answered in the week of 2 March (3 accepted after 0, 2 and 4 days), one declined and two
    // still open in the week of 9 March: 3 of 6, 50%.
    const QDate monday(2026, 3, 2);
    const QString intro = QStringLiteral("Warm intro");
    request(monday, true, 0, intro);
    request(monday.addDays(1), true, 2, intro);
    request(monday.addDays(2), true, 4, intro);
    request(monday.addDays(3), false, 1, intro);
    request(monday.addDays(4), false, 1, intro);
    request(monday.addDays(8), false, 1);
    request(monday.addDays(9), std::nullopt);
    request(monday.addDays(10), std::nullopt);

    const auto view = shownView();
    ASSERT_TRUE(view->isShowingCharts());
    EXPECT_EQ(view->period(), StatsPeriod::Last12Weeks);
    EXPECT_EQ(view->rateFigure()->text(), QStringLiteral("50%"));
    EXPECT_EQ(view->sentFigure()->text(), QStringLiteral("8"));
    EXPECT_EQ(view->medianFigure()->text(), QStringLiteral("2"));
    EXPECT_TRUE(view->verdictLabel()->text().contains(QStringLiteral("Healthy")));
    EXPECT_EQ(view->changeFigure()->text(), QStringLiteral("–")) << "nothing in the 12 weeks before";

    // Weeks from the first request to this week; the rolling rate of the last one spans all three.
    const QList<RateGroup>& weeks = view->timelineChart()->weeks();
    ASSERT_EQ(weeks.size(), 3);
    EXPECT_EQ(weeks.last().rolling.decided(), 6);
    EXPECT_TRUE(view->timelineChart()->toolTip(1).contains(QStringLiteral("Sent: 3, accepted: 0")));

    const QList<RateGroup>& templates = view->templateChart()->shownGroups();
    ASSERT_EQ(templates.size(), 2);
    EXPECT_EQ(templates[0].key, QStringLiteral("Warm intro"));
    EXPECT_EQ(templates[1].key, QStringLiteral("none"));
    EXPECT_TRUE(view->templateChart()->toolTip(1).contains(QStringLiteral("Too few")));
    EXPECT_EQ(view->noteChart()->shownGroups().first().counts.accepted, 3);

    const auto steps = view->funnelChart()->steps();
    ASSERT_EQ(steps.size(), 4);
    EXPECT_EQ(steps[0].second, 8);
    EXPECT_EQ(steps[1].second, 3);
}

TEST_F(InsightsViewTest, ChangeComparesWithTheWeeksBefore)
{
    // The 12 weeks before 29 December 2025: 1 of 4 accepted; this period: 3 of 4.
    for (int i = 0; i < 4; ++i)
        request(QDate(2025, 11, 3).addDays(i), i == 0);
    for (int i = 0; i < 4; ++i)
        request(QDate(2026, 2, 2).addDays(i), i != 0);
    const auto view = shownView();
    EXPECT_EQ(view->changeFigure()->text(), QStringLiteral("▲ +50 pts"));
}

TEST_F(InsightsViewTest, AnEmptyPeriodSuggestsALongerOne)
{
    request(QDate(2025, 5, 5), true);
    const auto view = shownView();
    EXPECT_FALSE(view->isShowingCharts());
    EXPECT_EQ(view->messageTitle()->text(), QStringLiteral("No requests in this period"));

    // The last entry of the selector is "All time".
    view->periodSelector()->setFocus();
    QTest::keyClick(view->periodSelector(), Qt::Key_End);
    EXPECT_EQ(view->period(), StatsPeriod::All);
    EXPECT_TRUE(view->isShowingCharts());
    EXPECT_EQ(view->sentFigure()->text(), QStringLiteral("1"));
}

TEST_F(InsightsViewTest, ReadsTheLogAgainWhenShown)
{
    request(QDate(2026, 3, 2), true);
    const auto view = shownView();
    EXPECT_EQ(view->sentFigure()->text(), QStringLiteral("1"));
    view->hide();
    request(QDate(2026, 3, 3), false);
    view->show();
    EXPECT_EQ(view->sentFigure()->text(), QStringLiteral("2"));
}

TEST_F(InsightsViewTest, ChartsCanBeSavedAsPngFromTheirContextMenu)
{
    request(QDate(2026, 3, 2), true);
    const auto view = shownView();
    for (ChartView* chartView : view->chartViews()) {
        EXPECT_EQ(chartView->contextMenuPolicy(), Qt::ActionsContextMenu);
        EXPECT_TRUE(chartView->actions().contains(chartView->saveImageAction()));
    }
    EXPECT_EQ(view->chartViews().first()->saveImageAction()->text(), QStringLiteral("Save image…"));
    const QString path = m_dir.filePath(QStringLiteral("chart.png"));
    const Status saved = view->chartViews().first()->saveImage(path);
    ASSERT_TRUE(saved.ok()) << saved.error().toStdString();
    const QImage image(path);
    EXPECT_FALSE(image.isNull());
    EXPECT_GT(image.width(), 100);

    const Status refused = view->chartViews().first()->saveImage(m_dir.filePath(QStringLiteral("missing/chart.png")));
    EXPECT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().contains(QStringLiteral("missing"))) << refused.error().toStdString();
}

TEST_F(InsightsViewTest, ChartsFollowThePalette)
{
    request(QDate(2026, 3, 2), true);
    const auto view = shownView();
    QPalette dark = view->palette();
    dark.setColor(QPalette::Window, QColor(0x20, 0x22, 0x25));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    view->setPalette(dark);
    EXPECT_EQ(view->timelineChart()->legend()->labelColor(), QColor(0xee, 0xee, 0xee));
    EXPECT_EQ(view->funnelChart()->titleBrush().color(), QColor(0xee, 0xee, 0xee));
}

TEST_F(InsightsViewTest, IsTheWindowsInsightsPlace)
{
    MainWindow window(*m_database);
    window.showPlace(MainWindow::Place::Insights);
    EXPECT_TRUE(window.insightsView()->isVisibleTo(&window));
}

} // namespace
} // namespace rapport
