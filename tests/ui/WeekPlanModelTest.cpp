#include "ui/models/WeekPlanModel.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "core/storage/InteractionRepository.h"
#include "ui/workers/PlanWorker.h"

#include "tests/core/TestDatabase.h"
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

namespace rapport {
namespace {

const QLocale kMondayFirst(QLocale::English, QLocale::UnitedKingdom);
const QLocale kSundayFirst(QLocale::English, QLocale::UnitedStates);

// Twelve prospects, and Ada, asked on Saturday 28 November 2026 (the last day of a Monday-first week).
class WeekPlanModelTest : public test::DatabaseTest
{
protected:
    void SetUp() override
    {
        DatabaseTest::SetUp();
        const QDateTime added(QDate(2026, 10, 1), QTime(9, 0), Qt::UTC);
        ContactRepository contacts(*m_database);
        for (int i = 0; i < 12; ++i) {
            Contact prospect;
            prospect.firstName = QStringLiteral("Prospect");
            prospect.lastName = QString::number(i + 1);
            ASSERT_TRUE(contacts.add(prospect, added).ok());
        }
        Contact ada;
        ada.firstName = QStringLiteral("Ada");
        ada.lastName = QStringLiteral("Lovelace");
        m_ada = contacts.add(ada, added).value();
        Interaction asked;
        asked.contactId = m_ada;
        asked.kind = InteractionKind::RequestSent;
        asked.occurredAt = QDateTime(QDate(2026, 11, 28), QTime(10, 0), Qt::UTC);
        ASSERT_TRUE(InteractionRepository(*m_database).add(asked).ok());
    }

    std::unique_ptr<WeekPlanModel> makeModel(const QLocale& locale, const QDate& today)
    {
        if (!m_planner)
            m_planner = std::make_unique<PlanWorker>(path());
        auto model = std::make_unique<WeekPlanModel>(*m_planner);
        m_tester = std::make_unique<QAbstractItemModelTester>(model.get(),
                                                              QAbstractItemModelTester::FailureReportingMode::Warning);
        model->setLocale(locale);
        model->setTimeZone(QTimeZone::utc());
        model->setToday(today);
        model->goToToday();
        EXPECT_TRUE(planned(*model));
        EXPECT_TRUE(model->error().isEmpty()) << model->error().toStdString();
        return model;
    }

    // Waits for the plan asked for last (made on the planner's thread).
    static bool planned(const WeekPlanModel& model)
    {
        return QTest::qWaitFor([&] { return !model.isPlanning(); }, 10000);
    }

    // Every card sits in the column of its date, and the cells below a day's last card are empty.
    static void expectCardsInTheirColumns(const WeekPlanModel& model)
    {
        int cards = 0;
        for (int column = 0; column < model.columnCount(); ++column) {
            bool ended = false;
            for (int row = 0; row < model.rowCount(); ++row) {
                const QModelIndex index = model.index(row, column);
                const PlanAction* item = model.action(index);
                if (!item) {
                    ended = true;
                    // An empty cell of a day still to come takes a card dropped on it; nothing else.
                    EXPECT_EQ(model.flags(index),
                              model.dateOfColumn(column) >= model.today() ? Qt::ItemFlags(Qt::ItemIsDropEnabled)
                                                                          : Qt::ItemFlags(Qt::NoItemFlags));
                    continue;
                }
                EXPECT_FALSE(ended) << "no gap above a card";
                ++cards;
                EXPECT_EQ(item->date, model.dateOfColumn(column));
                EXPECT_EQ(index.data(WeekPlanModel::ContactNameRole).toString(), item->contactName);
                EXPECT_EQ(index.data(WeekPlanModel::ReasonRole).toString(), item->reason);
                EXPECT_EQ(index.data(WeekPlanModel::ContactIdRole).toLongLong(), item->contactId);
                EXPECT_EQ(index.data(WeekPlanModel::KindRole).toInt(), static_cast<int>(item->kind));
                EXPECT_EQ(index.data(WeekPlanModel::StateRole).toInt(), static_cast<int>(item->state));
                EXPECT_EQ(index.data(WeekPlanModel::TemplateIdRole).toLongLong(), item->templateId);
            }
        }
        EXPECT_EQ(cards, model.plan().actions.size()) << "every action of the plan has a card";
    }

    std::unique_ptr<PlanWorker> m_planner;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    qint64 m_ada = 0;
};

TEST_F(WeekPlanModelTest, AMondayFirstWeekHasTheSaturdayRequestDone)
{
    auto model = makeModel(kMondayFirst, QDate(2026, 11, 25)); // a Wednesday
    EXPECT_EQ(model->columnCount(), 7);
    EXPECT_EQ(model->weekStart(), QDate(2026, 11, 23));
    EXPECT_EQ(model->headerData(0, Qt::Horizontal, WeekPlanModel::DateRole).toDate(), QDate(2026, 11, 23));
    EXPECT_TRUE(model->headerData(0, Qt::Horizontal).toString().startsWith(QStringLiteral("Mon")));
    for (int column = 0; column < 7; ++column)
        EXPECT_EQ(model->headerData(column, Qt::Horizontal, WeekPlanModel::IsTodayRole).toBool(), column == 2);
    ASSERT_GT(model->rowCount(), 0);
    EXPECT_TRUE(model->index(0, 2).data(WeekPlanModel::IsTodayRole).toBool());
    EXPECT_FALSE(model->index(0, 3).data(WeekPlanModel::IsTodayRole).toBool());
    expectCardsInTheirColumns(*model);

    const QModelIndex ada = model->indexOf(m_ada, PlanActionKind::SendRequest);
    ASSERT_TRUE(ada.isValid()) << "Ada's request of Saturday is in the week";
    EXPECT_EQ(ada.column(), 5);
    EXPECT_EQ(ada.data(WeekPlanModel::StateRole).toInt(), static_cast<int>(PlanActionState::Done));
    EXPECT_EQ(ada.data(Qt::DisplayRole).toString(), QStringLiteral("Ada Lovelace"));
    EXPECT_EQ(model->plan().requests.done, 1);
}

TEST_F(WeekPlanModelTest, ASundayFirstWeekStartsAfterTheSaturdayRequest)
{
    // Sunday 29 November: the last day of a Monday-first week, the first of a Sunday-first one.
    auto monday = makeModel(kMondayFirst, QDate(2026, 11, 29));
    EXPECT_EQ(monday->weekStart(), QDate(2026, 11, 23));
    EXPECT_TRUE(monday->headerData(6, Qt::Horizontal, WeekPlanModel::IsTodayRole).toBool());
    EXPECT_EQ(monday->plan().requests.done, 1);
    EXPECT_TRUE(monday->indexOf(m_ada, PlanActionKind::SendRequest).isValid());

    auto sunday = makeModel(kSundayFirst, QDate(2026, 11, 29));
    EXPECT_EQ(sunday->weekStart(), QDate(2026, 11, 29));
    EXPECT_TRUE(sunday->headerData(0, Qt::Horizontal).toString().startsWith(QStringLiteral("Sun")));
    EXPECT_TRUE(sunday->headerData(0, Qt::Horizontal, WeekPlanModel::IsTodayRole).toBool());
    EXPECT_EQ(sunday->plan().requests.done, 0) << "Saturday's request belongs to the week before";
    EXPECT_FALSE(sunday->indexOf(m_ada, PlanActionKind::SendRequest).isValid());
    expectCardsInTheirColumns(*sunday);
    // Nothing is planned before today.
    for (const PlanAction& item : sunday->plan().actions)
        EXPECT_GE(item.date, QDate(2026, 11, 29));
}

TEST_F(WeekPlanModelTest, NavigatesWeeksAndBackToToday)
{
    auto model = makeModel(kSundayFirst, QDate(2026, 11, 25));
    EXPECT_EQ(model->weekStart(), QDate(2026, 11, 22));
    QSignalSpy changed(model.get(), &WeekPlanModel::planChanged);

    model->previousWeek();
    EXPECT_EQ(model->weekStart(), QDate(2026, 11, 22)) << "the week shown stays until the new plan comes";
    ASSERT_TRUE(planned(*model));
    EXPECT_EQ(model->weekStart(), QDate(2026, 11, 15));
    EXPECT_TRUE(model->plan().actions.isEmpty()) << "nothing is planned for a past week";
    for (int column = 0; column < 7; ++column)
        EXPECT_FALSE(model->headerData(column, Qt::Horizontal, WeekPlanModel::IsTodayRole).toBool());

    // Two quick clicks move two weeks, and only the plan of the second is shown.
    model->nextWeek();
    model->nextWeek();
    ASSERT_TRUE(planned(*model));
    EXPECT_EQ(model->weekStart(), QDate(2026, 11, 29));
    EXPECT_EQ(model->plan().requests.done, 0);
    expectCardsInTheirColumns(*model);

    model->goToToday();
    ASSERT_TRUE(planned(*model));
    EXPECT_EQ(model->weekStart(), QDate(2026, 11, 22));
    EXPECT_EQ(model->plan().requests.done, 1);
    expectCardsInTheirColumns(*model);
    EXPECT_EQ(changed.count(), 3);
}

} // namespace
} // namespace rapport
