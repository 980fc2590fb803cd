#include "ui/views/WeekView.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "core/storage/InteractionRepository.h"
#include "ui/models/KeepInTouchModel.h"
#include "ui/models/WeekPlanModel.h"

#include "tests/core/TestDatabase.h"
#include "tests/ui/Planning.h"
#include "ui/workers/PlanWorker.h"
#include <QAbstractItemModelTester>
#include <QAction>
#include <QDateEdit>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

#include <gtest/gtest.h>

namespace rapport {
namespace {

// The week of Wednesday 25 November 2026, shown and planned, in the UK's weeks and UTC.
std::unique_ptr<WeekView> makeWeekView(Database& database, std::unique_ptr<PlanWorker>& planner, const QString& path,
                                       int height)
{
    if (!planner)
        planner = std::make_unique<PlanWorker>(path);
    auto view = std::make_unique<WeekView>(database, *planner);
    view->setClock([] { return QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC); });
    view->setLocale(QLocale(QLocale::English, QLocale::UnitedKingdom));
    view->setTimeZone(QTimeZone::utc());
    view->reload();
    view->resize(1100, height);
    view->show();
    EXPECT_TRUE(QTest::qWaitForWindowExposed(view.get()));
    EXPECT_TRUE(test::planned(*view->model()));
    return view;
}

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

    std::unique_ptr<WeekView> makeView() { return makeWeekView(*m_database, m_planner, path(), 700); }

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
    EXPECT_EQ(view->requestsBar()->text(), QStringLiteral("Requests 0 / %1").arg(model->plan().requests.target));

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
    EXPECT_EQ(view->requestsBar()->text(), QStringLiteral("Requests 1 / %1").arg(model->plan().requests.target));
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

// Eight connections to keep in touch with every 30 days, quiet since they accepted in March (Kit1 the
// longest, so the most overdue), and Rhea, who wrote yesterday. Today is Wednesday 25 November 2026; the rule
// asks for 5 check-ins a week.
class WeekKeepInTouchTest : public test::DatabaseTest
{
protected:
    void SetUp() override
    {
        DatabaseTest::SetUp();
        for (int i = 0; i < 8; ++i)
            m_kits.append(connection(QStringLiteral("Kit%1").arg(i + 1), QDate(2026, 3, 1 + i), 30));
        m_rhea = connection(QStringLiteral("Rhea"), QDate(2026, 10, 1), 0);
        log(m_rhea, InteractionKind::MessageReceived, QDate(2026, 11, 24));
    }

    qint64 connection(const QString& first, const QDate& acceptedOn, int cadence)
    {
        Contact contact;
        contact.firstName = first;
        contact.lastName = QStringLiteral("Keeper");
        contact.keepInTouchDays = cadence;
        const qint64 id = ContactRepository(*m_database).add(contact, test::utc(2026, 1, 5)).value();
        log(id, InteractionKind::RequestSent, acceptedOn.addDays(-3));
        log(id, InteractionKind::RequestAccepted, acceptedOn);
        return id;
    }

    void log(qint64 id, InteractionKind kind, const QDate& day)
    {
        Interaction entry;
        entry.contactId = id;
        entry.kind = kind;
        entry.occurredAt = QDateTime(day, QTime(9, 0), Qt::UTC);
        ASSERT_TRUE(InteractionRepository(*m_database).add(entry).ok());
    }

    std::unique_ptr<WeekView> makeView() { return makeWeekView(*m_database, m_planner, path(), 760); }

    QList<qint64> listed(const WeekView& view) const
    {
        QList<qint64> ids;
        for (int row = 0; row < view.keepInTouchModel()->rowCount(); ++row)
            ids.append(view.keepInTouchModel()->actionAt(row).contactId);
        return ids;
    }

    QList<Interaction> logOf(qint64 id) { return InteractionRepository(*m_database).forContact(id).value(); }

    std::unique_ptr<PlanWorker> m_planner;
    QList<qint64> m_kits;
    qint64 m_rhea = 0;
};

TEST_F(WeekKeepInTouchTest, EachProgressBarShowsDoneOverTheWeeksTarget)
{
    auto view = makeView();
    const WeekPlan& plan = view->model()->plan();
    ASSERT_TRUE(view->model()->error().isEmpty()) << view->model()->error().toStdString();
    EXPECT_EQ(plan.checkIns, (PlanProgress { 0, 5 }));
    EXPECT_EQ(plan.replies, (PlanProgress { 0, 1 }));
    EXPECT_EQ(view->findChild<QProgressBar*>(QStringLiteral("requestsBar"))->text(),
              QStringLiteral("Requests %1 / %2").arg(plan.requests.done).arg(plan.requests.target));
    EXPECT_EQ(view->findChild<QProgressBar*>(QStringLiteral("followUpsBar"))->text(),
              QStringLiteral("Follow-ups %1 / %2").arg(plan.followUps.done).arg(plan.followUps.target));
    EXPECT_EQ(view->findChild<QProgressBar*>(QStringLiteral("checkInsBar"))->text(), QStringLiteral("Check-ins 0 / 5"));
    QProgressBar* replies = view->findChild<QProgressBar*>(QStringLiteral("repliesBar"));
    ASSERT_NE(replies, nullptr);
    EXPECT_EQ(replies->text(), QStringLiteral("Replies 0 / 1"));

    // Rhea's card says what marking it means, and answering her moves the replies bar.
    const QModelIndex card = view->model()->indexOf(m_rhea, PlanActionKind::Reply);
    ASSERT_TRUE(card.isValid());
    auto menu = view->createCardMenu(card);
    QAction* done = menu->findChild<QAction*>(QStringLiteral("markDone"));
    ASSERT_NE(done, nullptr);
    EXPECT_EQ(done->text(), QStringLiteral("Mark &replied"));
    done->trigger();
    ASSERT_TRUE(test::planned(*view->model()));
    EXPECT_EQ(logOf(m_rhea).last().kind, InteractionKind::MessageSent);
    EXPECT_EQ(replies->text(), QStringLiteral("Replies 1 / 1"));
}

TEST_F(WeekKeepInTouchTest, TheKeepInTouchListHoldsThisWeeksCheckInsThenThoseThatWait)
{
    auto view = makeView();
    QAbstractItemModelTester tester(view->keepInTouchModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QTreeView* list = view->findChild<QTreeView*>(QStringLiteral("keepInTouchList"));
    ASSERT_NE(list, nullptr);
    EXPECT_EQ(list->model(), view->keepInTouchModel());
    EXPECT_EQ(listed(*view), m_kits) << "the most overdue first";
    KeepInTouchModel* model = view->keepInTouchModel();
    EXPECT_EQ(model->headerData(KeepInTouchModel::NameColumn, Qt::Horizontal).toString(), QStringLiteral("Name"));
    EXPECT_EQ(model->headerData(KeepInTouchModel::ReasonColumn, Qt::Horizontal).toString(), QStringLiteral("Why"));
    EXPECT_TRUE(model->index(0, KeepInTouchModel::ReasonColumn).data().toString().contains(u"every 30 days"))
        << model->index(0, KeepInTouchModel::ReasonColumn).data().toString().toStdString();
    for (int row = 0; row < 8; ++row) {
        EXPECT_EQ(model->index(row, KeepInTouchModel::NameColumn).data().toString(),
                  QStringLiteral("Kit%1 Keeper").arg(row + 1));
        EXPECT_EQ(model->index(row, KeepInTouchModel::WhenColumn).data().toString(),
                  row < 5 ? QStringLiteral("this week") : QStringLiteral("waits"))
            << row;
        EXPECT_FALSE(model->index(row, KeepInTouchModel::DueColumn).data().toString().isEmpty());
        // This week's are the week's check-in cards.
        EXPECT_EQ(view->model()->indexOf(m_kits.at(row), PlanActionKind::CheckIn).isValid(), row < 5) << row;
    }

    // Collapsible.
    QToolButton* toggle = view->findChild<QToolButton*>(QStringLiteral("keepInTouchToggle"));
    ASSERT_NE(toggle, nullptr);
    EXPECT_EQ(toggle->text(), QStringLiteral("Keep in touch: 8 due, 5 this week, 3 wait"));
    EXPECT_TRUE(list->isVisible());
    QTest::mouseClick(toggle, Qt::LeftButton);
    EXPECT_FALSE(list->isVisible());
    QTest::mouseClick(toggle, Qt::LeftButton);
    EXPECT_TRUE(list->isVisible());
}

TEST_F(WeekKeepInTouchTest, MarkDoneFromTheListLogsAMessageSentAsTheCardWould)
{
    auto view = makeView();
    QAbstractItemModelTester tester(view->keepInTouchModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    // Kit7 waits for a later week: done all the same.
    auto menu = view->createKeepInTouchMenu(6);
    ASSERT_TRUE(menu);
    QAction* done = menu->findChild<QAction*>(QStringLiteral("markDone"));
    ASSERT_NE(done, nullptr);
    done->trigger();
    ASSERT_TRUE(test::planned(*view->model()));
    ASSERT_EQ(logOf(m_kits.at(6)).size(), 3);
    EXPECT_EQ(logOf(m_kits.at(6)).last().kind, InteractionKind::MessageSent); // oldest first
    EXPECT_EQ(logOf(m_kits.at(6)).last().occurredAt, QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC));
    EXPECT_FALSE(listed(*view).contains(m_kits.at(6)));
    EXPECT_EQ(view->model()->plan().checkIns.done, 1) << "a check-in done this week";

    // Kit1's check-in is this week's: its card is marked done.
    view->createKeepInTouchMenu(0)->findChild<QAction*>(QStringLiteral("markDone"))->trigger();
    ASSERT_TRUE(test::planned(*view->model()));
    EXPECT_EQ(logOf(m_kits.first()).last().kind, InteractionKind::MessageSent);
    const QModelIndex card = view->model()->indexOf(m_kits.first(), PlanActionKind::CheckIn);
    ASSERT_TRUE(card.isValid());
    EXPECT_EQ(card.data(WeekPlanModel::StateRole).toInt(), int(PlanActionState::Done));
    EXPECT_EQ(view->checkInsBar()->text(), QStringLiteral("Check-ins 2 / 5"));

    EXPECT_EQ(view->undoStack()->count(), 2);
    view->undoStack()->undo();
    view->undoStack()->undo();
    ASSERT_TRUE(test::planned(*view->model()));
    EXPECT_EQ(logOf(m_kits.at(6)).size(), 2);
    EXPECT_EQ(listed(*view), m_kits);
}

TEST_F(WeekKeepInTouchTest, SnoozeAndSkipFromTheListAreRememberedAndUndone)
{
    auto view = makeView();
    // Kit8 waits: it cannot be snoozed to next week, only skipped this week.
    auto waiting = view->createKeepInTouchMenu(7);
    EXPECT_FALSE(waiting->findChild<QAction*>(QStringLiteral("snooze"))->isEnabled());
    waiting->findChild<QAction*>(QStringLiteral("skip"))->trigger();
    ASSERT_TRUE(test::planned(*view->model()));
    EXPECT_EQ(listed(*view), m_kits.mid(0, 7));
    EXPECT_EQ(view->undoStack()->undoText(), QStringLiteral("Skip Kit8 Keeper this week"));

    // Kit2's check-in moves to next week: off this week's cards.
    auto thisWeek = view->createKeepInTouchMenu(1);
    QAction* snooze = thisWeek->findChild<QAction*>(QStringLiteral("snooze"));
    ASSERT_TRUE(snooze->isEnabled());
    EXPECT_EQ(snooze->text(), QStringLiteral("Snooze to &next week"));
    snooze->trigger();
    ASSERT_TRUE(test::planned(*view->model()));
    EXPECT_FALSE(view->model()->indexOf(m_kits.at(1), PlanActionKind::CheckIn).isValid());
    EXPECT_FALSE(listed(*view).contains(m_kits.at(1)));

    view->undoStack()->undo();
    view->undoStack()->undo();
    ASSERT_TRUE(test::planned(*view->model()));
    EXPECT_EQ(listed(*view), m_kits);
    EXPECT_TRUE(view->model()->indexOf(m_kits.at(1), PlanActionKind::CheckIn).isValid());
}

TEST_F(WeekKeepInTouchTest, EnterOnARowOpensTheContact)
{
    auto view = makeView();
    QTreeView* list = view->keepInTouchList();
    QSignalSpy activated(view.get(), &WeekView::contactActivated);
    list->setFocus();
    list->setCurrentIndex(view->keepInTouchModel()->index(2, KeepInTouchModel::NameColumn));
    QTest::keyClick(list, Qt::Key_Return);
    ASSERT_EQ(activated.size(), 1);
    EXPECT_EQ(activated.first().first().toLongLong(), m_kits.at(2));

    auto menu = view->createKeepInTouchMenu(3);
    menu->findChild<QAction*>(QStringLiteral("openContact"))->trigger();
    ASSERT_EQ(activated.size(), 2);
    EXPECT_EQ(activated.last().first().toLongLong(), m_kits.at(3));
}

} // namespace
} // namespace rapport
