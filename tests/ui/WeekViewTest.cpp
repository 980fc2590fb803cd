#include "ui/views/WeekView.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "core/storage/InteractionRepository.h"
#include "ui/models/WeekPlanModel.h"

#include "tests/core/TestDatabase.h"
#include "tests/ui/Planning.h"
#include "ui/workers/PlanWorker.h"
#include <QAction>
#include <QDateEdit>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

namespace rapport {
namespace {

// Prospects who went to the same school, so the plan suggests the "Fellow alum" note; today is pinned to
// Wednesday 25 November 2026.
class WeekViewTest : public test::DatabaseTest
{
protected:
    void SetUp() override
    {
        DatabaseTest::SetUp();
        ContactRepository contacts(*m_database);
        for (int i = 0; i < 8; ++i) {
            Contact prospect;
            prospect.firstName = QStringLiteral("Grace%1").arg(i + 1);
            prospect.lastName = QStringLiteral("Hopper");
            prospect.school = QStringLiteral("Yale");
            ASSERT_TRUE(contacts.add(prospect, QDateTime(QDate(2026, 10, 1), QTime(9, 0), Qt::UTC)).ok());
        }
    }

    std::unique_ptr<WeekView> makeView()
    {
        if (!m_planner)
            m_planner = std::make_unique<PlanWorker>(path());
        auto view = std::make_unique<WeekView>(*m_database, *m_planner);
        view->setClock([] { return QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC); });
        view->setLocale(QLocale(QLocale::English, QLocale::UnitedKingdom));
        view->setTimeZone(QTimeZone::utc());
        view->reload();
        view->resize(1100, 700);
        view->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(view.get()));
        EXPECT_TRUE(test::planned(*view->model()));
        return view;
    }

    std::unique_ptr<PlanWorker> m_planner;
};

TEST_F(WeekViewTest, MarkSentLogsTheRequestWithItsNoteAndMovesTheProgress)
{
    auto view = makeView();
    WeekPlanModel* model = view->model();
    EXPECT_TRUE(view->errorLabel()->isHidden());
    ASSERT_EQ(model->plan().requests.done, 0);
    ASSERT_GT(model->plan().requests.target, 0);
    EXPECT_EQ(view->requestsBar()->value(), 0);
    EXPECT_EQ(view->requestsBar()->text(), QStringLiteral("0 / %1").arg(model->plan().requests.target));

    // The first request card with a suggested note.
    QModelIndex card;
    for (int row = 0; row < model->rowCount() && !card.isValid(); ++row) {
        for (int column = 0; column < model->columnCount() && !card.isValid(); ++column) {
            const PlanAction* item = model->action(model->index(row, column));
            if (item && item->kind == PlanActionKind::SendRequest && item->templateId != 0)
                card = model->index(row, column);
        }
    }
    ASSERT_TRUE(card.isValid()) << "a request with a suggested note is planned";
    const PlanAction planned = *model->action(card);
    EXPECT_EQ(planned.templateName, QStringLiteral("Fellow alum"));

    auto menu = view->createCardMenu(card);
    ASSERT_TRUE(menu);
    QAction* markSent = menu->findChild<QAction*>(QStringLiteral("markDone"));
    ASSERT_TRUE(markSent);
    EXPECT_EQ(markSent->text(), QStringLiteral("Mark &sent"));
    markSent->trigger();
    ASSERT_TRUE(test::planned(*model));

    EXPECT_TRUE(view->errorLabel()->isHidden()) << view->errorLabel()->text().toStdString();
    auto log = InteractionRepository(*m_database).forContact(planned.contactId);
    ASSERT_TRUE(log.ok());
    ASSERT_EQ(log->size(), 1);
    EXPECT_EQ(log->first().kind, InteractionKind::RequestSent);
    EXPECT_EQ(log->first().templateName, QStringLiteral("Fellow alum"));
    EXPECT_TRUE(log->first().text.contains(QStringLiteral("Yale"))) << log->first().text.toStdString();
    EXPECT_TRUE(log->first().text.startsWith(planned.contactName.section(QLatin1Char(' '), 0, 0)));
    EXPECT_EQ(log->first().occurredAt, QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC));

    EXPECT_EQ(model->plan().requests.done, 1);
    EXPECT_EQ(view->requestsBar()->value(), 1);
    EXPECT_EQ(view->requestsBar()->text(), QStringLiteral("1 / %1").arg(model->plan().requests.target));
    const QModelIndex after = model->indexOf(planned.contactId, PlanActionKind::SendRequest);
    ASSERT_TRUE(after.isValid());
    EXPECT_EQ(after.data(WeekPlanModel::StateRole).toInt(), static_cast<int>(PlanActionState::Done));

    // A done card cannot be marked again.
    auto again = view->createCardMenu(after);
    ASSERT_TRUE(again);
    EXPECT_FALSE(again->findChild<QAction*>(QStringLiteral("markDone"))->isEnabled());
}

TEST_F(WeekViewTest, NavigatesAndAnEmptyCellHasNoMenu)
{
    auto view = makeView();
    WeekPlanModel* model = view->model();
    EXPECT_EQ(model->weekStart(), QDate(2026, 11, 23));
    ASSERT_GT(model->rowCount(), 0);
    EXPECT_FALSE(view->createCardMenu(model->index(0, 0))) << "nothing is planned on Monday, before today";

    view->datePicker()->setDate(QDate(2026, 12, 10));
    Q_EMIT view->datePicker()->userDateChanged(QDate(2026, 12, 10));
    ASSERT_TRUE(test::planned(*model));
    EXPECT_EQ(model->weekStart(), QDate(2026, 12, 7));
    EXPECT_EQ(view->datePicker()->date(), QDate(2026, 12, 7));
}

} // namespace
} // namespace rapport
