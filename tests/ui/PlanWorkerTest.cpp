#include "ui/workers/PlanWorker.h"
#include "core/cadence/PlanService.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "core/storage/InteractionRepository.h"

#include "tests/core/TestDatabase.h"
#include <QCoreApplication>
#include <QFile>
#include <QTest>
#include <QThread>

#include <gtest/gtest.h>

#include <optional>

namespace rapport {
namespace {

const QDate kToday(2026, 11, 25); // a Wednesday
const QLocale kLocale(QLocale::English, QLocale::UnitedKingdom);

class PlanWorkerTest : public test::DatabaseTest
{
protected:
    void SetUp() override
    {
        DatabaseTest::SetUp();
        ContactRepository contacts(*m_database);
        for (int i = 0; i < 6; ++i) {
            Contact prospect;
            prospect.firstName = QStringLiteral("Prospect");
            prospect.lastName = QString::number(i + 1);
            m_ids.append(contacts.add(prospect, test::utc(2026, 10, 1)).value());
        }
    }

    // Asks `worker` for this week's plan and waits for the answer.
    std::optional<Result<WeekPlan>> planWith(PlanWorker& worker, QObject& receiver)
    {
        std::optional<Result<WeekPlan>> answer;
        worker.plan({ kToday, kToday, kLocale, QTimeZone::utc() }, &receiver,
                    [&](const Result<WeekPlan>& plan) { answer = plan; });
        EXPECT_FALSE(answer) << "answered later, never during the call";
        EXPECT_TRUE(QTest::qWaitFor([&] { return answer.has_value(); }, 10000));
        return answer;
    }

    QList<qint64> m_ids;
};

TEST_F(PlanWorkerTest, AnswersOnTheCallersThreadWithThePlanPlanServiceMakes)
{
    PlanWorker worker(path());
    QObject receiver;
    QThread* answeredOn = nullptr;
    std::optional<Result<WeekPlan>> answer;
    worker.plan({ kToday, kToday, kLocale, QTimeZone::utc() }, &receiver, [&](const Result<WeekPlan>& plan) {
        answeredOn = QThread::currentThread();
        answer = plan;
    });
    EXPECT_EQ(worker.pending(), 1);
    ASSERT_TRUE(QTest::qWaitFor([&] { return answer.has_value(); }, 10000));
    EXPECT_EQ(worker.pending(), 0);
    EXPECT_EQ(answeredOn, QCoreApplication::instance()->thread());
    ASSERT_TRUE(answer->ok()) << answer->error().toStdString();

    const WeekPlan here = PlanService::weekPlan(*m_database, kToday, kToday, kLocale, QTimeZone::utc()).value();
    ASSERT_FALSE(here.actions.isEmpty());
    ASSERT_EQ((*answer)->actions.size(), here.actions.size());
    for (qsizetype i = 0; i < here.actions.size(); ++i) {
        EXPECT_EQ((*answer)->actions[i].contactId, here.actions[i].contactId);
        EXPECT_EQ((*answer)->actions[i].date, here.actions[i].date);
        EXPECT_EQ((*answer)->actions[i].kind, here.actions[i].kind);
    }
    EXPECT_EQ((*answer)->requests, here.requests);
}

TEST_F(PlanWorkerTest, SeesWhatTheWindowsConnectionWrote)
{
    PlanWorker worker(path());
    QObject receiver;
    auto before = planWith(worker, receiver);
    ASSERT_TRUE(before && before->ok());
    EXPECT_EQ((*before)->requests.done, 0);

    Interaction sent;
    sent.contactId = m_ids.first();
    sent.kind = InteractionKind::RequestSent;
    sent.occurredAt = QDateTime(kToday, QTime(9, 0), Qt::UTC);
    ASSERT_TRUE(InteractionRepository(*m_database).add(sent).ok());

    auto after = planWith(worker, receiver);
    ASSERT_TRUE(after && after->ok());
    EXPECT_EQ((*after)->requests.done, 1) << "the worker's kept plan is not reused after a change";
}

TEST_F(PlanWorkerTest, AReceiverGoneBeforeTheAnswerHearsNothing)
{
    PlanWorker worker(path());
    bool called = false;
    {
        QObject receiver;
        worker.plan({ kToday, kToday, kLocale, QTimeZone::utc() }, &receiver,
                    [&](const Result<WeekPlan>&) { called = true; });
    }
    ASSERT_TRUE(QTest::qWaitFor([&] { return worker.pending() == 0; }, 10000));
    EXPECT_FALSE(called);
}

TEST_F(PlanWorkerTest, AFileThatIsNotADatabaseIsAnError)
{
    const QString other = m_dir.filePath(QStringLiteral("notes.txt"));
    QFile file(other);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("not a database, not at all: just some text that is long enough to be read as a header....");
    file.close();
    PlanWorker worker(other);
    QObject receiver;
    auto answer = planWith(worker, receiver);
    ASSERT_TRUE(answer);
    ASSERT_FALSE(answer->ok());
    EXPECT_TRUE(answer->error().contains(QStringLiteral("notes.txt"))) << answer->error().toStdString();
}

TEST_F(PlanWorkerTest, GoingAwayWithPlansStillAskedForWaitsForNone)
{
    auto worker = std::make_unique<PlanWorker>(path());
    QObject receiver;
    int called = 0;
    for (int i = 0; i < 20; ++i)
        worker->plan({ kToday.addDays(7 * i), kToday, kLocale, QTimeZone::utc() }, &receiver,
                     [&](const Result<WeekPlan>&) { ++called; });
    worker.reset(); // drops what is queued, closes its connection on its thread
    QCoreApplication::processEvents();
    EXPECT_EQ(called, 0) << "no answer after the worker is gone";
}

} // namespace
} // namespace rapport
