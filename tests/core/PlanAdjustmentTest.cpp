#include "core/cadence/CadenceSettings.h"
#include "core/cadence/PlanService.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/PlanAdjustmentRepository.h"
#include "core/storage/PlanSnapshotLoader.h"
#include "core/storage/TagCadenceRepository.h"
#include "core/storage/TemplateRepository.h"

#include "PlanFixture.h"
#include "TestDatabase.h"

#include <QRandomGenerator>

namespace rapport::test {
namespace {

const QDate kMonday(2026, 11, 23);
const QDate kWednesday(2026, 11, 25);
const QDate kSunday(2026, 11, 29);

PlanAdjustment moved(qint64 contactId, PlanActionKind kind, const QDate& to)
{
    return { contactId, kind, kMonday, to, false };
}

PlanAdjustment skippedAction(qint64 contactId, PlanActionKind kind)
{
    return { contactId, kind, kMonday, QDate(), true };
}

std::optional<PlanAction> find(const WeekPlan& plan, qint64 contactId, PlanActionKind kind)
{
    for (const PlanAction& action : plan.actions) {
        if (action.contactId == contactId && action.kind == kind)
            return action;
    }
    return std::nullopt;
}

// Two connections to follow up this week (Ada due on Monday, Bob due last week), and five prospects.
struct Week
{
    PlanFixture f;
    qint64 ada;
    qint64 bob;
    QList<qint64> prospects;

    Week()
    {
        f.rule.followUpsPerWeek = 1;
        ada = f.contact(QStringLiteral("Ada"));
        bob = f.contact(QStringLiteral("Bob"));
        f.log(ada, InteractionKind::RequestSent, QDate(2026, 11, 1));
        f.log(ada, InteractionKind::RequestAccepted, QDate(2026, 11, 20)); // due on Monday
        f.log(bob, InteractionKind::RequestSent, QDate(2026, 11, 2));
        f.log(bob, InteractionKind::RequestAccepted, QDate(2026, 11, 12));
        for (int i = 0; i < 5; ++i)
            prospects.append(f.contact(QStringLiteral("Prospect%1").arg(i), false, QDate(2026, 1, 1).addDays(i)));
    }
};

TEST(PlanAdjustments, AMovedFollowUpShowsOnItsNewDay)
{
    Week w;
    const auto before = find(w.f.plan(kWednesday), w.ada, PlanActionKind::FollowUp);
    ASSERT_TRUE(before) << "the most recent acceptance is followed up first";
    EXPECT_EQ(before->date, kWednesday);
    EXPECT_EQ(before->state, PlanActionState::Overdue);

    w.f.adjustments = { moved(w.ada, PlanActionKind::FollowUp, QDate(2026, 11, 27)) };
    const auto after = find(w.f.plan(kWednesday), w.ada, PlanActionKind::FollowUp);
    ASSERT_TRUE(after);
    EXPECT_EQ(after->date, QDate(2026, 11, 27));
    EXPECT_EQ(after->state, PlanActionState::Planned) << "moved ahead, it is no longer overdue";

    // Moved to a day that has passed: on today, overdue.
    const auto lateAfter = find(w.f.plan(QDate(2026, 11, 28)), w.ada, PlanActionKind::FollowUp);
    ASSERT_TRUE(lateAfter);
    EXPECT_EQ(lateAfter->date, QDate(2026, 11, 28));
    EXPECT_EQ(lateAfter->state, PlanActionState::Overdue);
}

TEST(PlanAdjustments, ASkippedFollowUpLeavesThePlaceToTheNextOne)
{
    Week w;
    w.f.adjustments = { skippedAction(w.ada, PlanActionKind::FollowUp) };
    const WeekPlan plan = w.f.plan(kWednesday);
    EXPECT_FALSE(find(plan, w.ada, PlanActionKind::FollowUp));
    EXPECT_TRUE(find(plan, w.bob, PlanActionKind::FollowUp)) << "the rule's one follow-up goes to the next due";
    EXPECT_EQ(plan.followUps, (PlanProgress { 0, 1 }));
}

TEST(PlanAdjustments, ASkippedProspectIsReplacedByTheNext)
{
    Week w;
    const auto requests = actionsOf(w.f.plan(kMonday), PlanActionKind::SendRequest);
    ASSERT_EQ(requests.size(), 4);
    ASSERT_EQ(requests.first().contactId, w.prospects[0]);
    w.f.adjustments = { skippedAction(w.prospects[0], PlanActionKind::SendRequest) };
    const WeekPlan plan = w.f.plan(kMonday);
    const auto after = actionsOf(plan, PlanActionKind::SendRequest);
    ASSERT_EQ(after.size(), 4);
    EXPECT_FALSE(find(plan, w.prospects[0], PlanActionKind::SendRequest));
    EXPECT_TRUE(find(plan, w.prospects[4], PlanActionKind::SendRequest));
}

TEST(PlanAdjustments, AMovedRequestGoesToItsDayUnlessThatDayIsFull)
{
    Week w;
    w.f.adjustments = { moved(w.prospects[0], PlanActionKind::SendRequest, QDate(2026, 11, 27)) };
    auto request = find(w.f.plan(kMonday), w.prospects[0], PlanActionKind::SendRequest);
    ASSERT_TRUE(request);
    EXPECT_EQ(request->date, QDate(2026, 11, 27));

    // Friday already has the day's limit of requests: the plan never schedules past it.
    for (int i = 0; i < w.f.limits.requestsPerDay; ++i) {
        const qint64 sent = w.f.contact(QStringLiteral("Sent%1").arg(i));
        w.f.log(sent, InteractionKind::RequestSent, w.f.at(QDate(2026, 11, 20)));
    }
    w.f.limits.requestsPerDay = 1;
    PlanFixture& f = w.f;
    const qint64 friday = f.contact(QStringLiteral("Friday"));
    f.log(friday, InteractionKind::RequestSent, f.at(QDate(2026, 11, 27), 8));
    request = find(f.plan(kMonday), w.prospects[0], PlanActionKind::SendRequest);
    ASSERT_TRUE(request);
    EXPECT_NE(request->date, QDate(2026, 11, 27));
}

TEST(PlanAdjustments, SnoozedPastTheWeeksEndLeavesTheWeekAndComesBackNextWeek)
{
    Week w;
    w.f.adjustments = { moved(w.ada, PlanActionKind::FollowUp, kSunday.addDays(1)) };
    EXPECT_FALSE(find(w.f.plan(kSunday), w.ada, PlanActionKind::FollowUp));
    const auto next = find(w.f.plan(kSunday.addDays(1)), w.ada, PlanActionKind::FollowUp);
    ASSERT_TRUE(next) << "still due: next week plans it again";
    EXPECT_EQ(next->date, kSunday.addDays(1));
}

TEST(PlanAdjustments, OnlyTheirWeekIsAdjusted)
{
    Week w;
    PlanAdjustment lastWeek = skippedAction(w.ada, PlanActionKind::FollowUp);
    lastWeek.weekStart = kMonday.addDays(-7);
    w.f.adjustments = { lastWeek };
    EXPECT_TRUE(find(w.f.plan(kWednesday), w.ada, PlanActionKind::FollowUp));
}

TEST(PlanAdjustments, ADoneActionIsNotMoved)
{
    Week w;
    w.f.log(w.ada, InteractionKind::ContentShared, w.f.at(kMonday));
    w.f.adjustments = { moved(w.ada, PlanActionKind::FollowUp, kSunday) };
    const auto done = find(w.f.plan(kWednesday), w.ada, PlanActionKind::FollowUp);
    ASSERT_TRUE(done);
    EXPECT_EQ(done->state, PlanActionState::Done);
    EXPECT_EQ(done->date, kMonday);
}

class PlanAdjustmentRepositoryTest : public DatabaseTest
{
};

TEST_F(PlanAdjustmentRepositoryTest, StoresOnePerContactKindAndWeekAndGoesWithTheContact)
{
    Contact ada;
    ada.firstName = QStringLiteral("Ada");
    const qint64 id = ContactRepository(db()).add(ada).value();
    PlanAdjustmentRepository repository(db());
    ASSERT_TRUE(repository.set(moved(id, PlanActionKind::FollowUp, kSunday)).ok());
    ASSERT_TRUE(repository.set(moved(id, PlanActionKind::FollowUp, QDate(2026, 11, 27))).ok());
    ASSERT_TRUE(repository.set(skippedAction(id, PlanActionKind::CheckIn)).ok());
    auto week = repository.forWeek(kMonday);
    ASSERT_TRUE(week.ok()) << week.error().toStdString();
    ASSERT_EQ(week->size(), 2);
    EXPECT_EQ(repository.find(id, PlanActionKind::FollowUp, kMonday).value(),
              moved(id, PlanActionKind::FollowUp, QDate(2026, 11, 27)));
    EXPECT_TRUE(repository.forWeek(kMonday.addDays(7)).value().isEmpty());

    ASSERT_TRUE(repository.remove(id, PlanActionKind::CheckIn, kMonday).ok());
    EXPECT_FALSE(repository.find(id, PlanActionKind::CheckIn, kMonday).value());
    ASSERT_TRUE(ContactRepository(db()).remove(id).ok());
    EXPECT_TRUE(repository.forWeek(kMonday).value().isEmpty());
}

// The plan read from the database through the week's window equals the plan of the whole log, for a
// varied network and weeks past, present and to come.
TEST_F(PlanAdjustmentRepositoryTest, TheWeeksWindowPlansAsTheWholeLog)
{
    const QDate today(2026, 11, 25);
    QRandomGenerator random(7);
    const InteractionKind kinds[] = { InteractionKind::Followed,        InteractionKind::RequestSent,
                                      InteractionKind::RequestSent,     InteractionKind::RequestAccepted,
                                      InteractionKind::RequestAccepted, InteractionKind::RequestDeclined,
                                      InteractionKind::MessageSent,     InteractionKind::MessageReceived,
                                      InteractionKind::ContentShared,   InteractionKind::ContentShared,
                                      InteractionKind::Engaged,         InteractionKind::Met,
                                      InteractionKind::Endorsed,        InteractionKind::Note };
    const Status filled = db().transaction([&]() -> Status {
        ContactRepository contacts(db());
        InteractionRepository log(db());
        for (int i = 0; i < 400; ++i) {
            Contact contact;
            contact.firstName = QStringLiteral("Person%1").arg(i);
            contact.starred = i % 7 == 0;
            contact.school = i % 3 == 0 ? QStringLiteral("Yale") : QString();
            contact.event = i % 4 == 0 ? QStringLiteral("DevConf") : QString();
            contact.keepInTouchDays = i % 9 == 0 ? 30 : 0;
            if (i % 5 == 0)
                contact.tags = { QStringLiteral("Mentor") };
            contact.littleInCommon = i % 11 == 0;
            contact.highProfile = i % 13 == 0;
            contact.stayAnonymous = i % 17 == 0;
            contact.howWeKnow = i % 6 == 0 ? QStringLiteral("worked_together") : QString();
            contact.createdAt = QDateTime(today.addDays(-int(random.bounded(500))), QTime(9, 0), Qt::UTC);
            auto id = contacts.add(contact);
            if (!id)
                return Error { id.error() };
            const int entries = int(random.bounded(12));
            for (int j = 0; j < entries; ++j) {
                Interaction entry;
                entry.contactId = *id;
                entry.kind = kinds[random.bounded(int(std::size(kinds)))];
                entry.occurredAt = QDateTime(today.addDays(10 - int(random.bounded(300))),
                                             QTime(int(random.bounded(24)), int(random.bounded(60))), Qt::UTC);
                if (entry.kind == InteractionKind::RequestSent && random.bounded(2) == 0) {
                    entry.text = QStringLiteral("Hello");
                    // Answers by template decide which note for anyone is suggested first.
                    entry.templateName = random.bounded(2) == 0 ? QStringLiteral("Admire your work")
                                                                : QStringLiteral("Met at an event");
                }
                if (auto added = log.add(entry); !added)
                    return Error { added.error() };
            }
        }
        return TagCadenceRepository(db()).set(QStringLiteral("mentor"), 60);
    });
    ASSERT_TRUE(filled.ok()) << filled.error().toStdString();

    const QLocale locale(QLocale::English, QLocale::UnitedKingdom);
    const QTimeZone berlin("Europe/Berlin");
    const WeekPlanner planner(CadenceRule::fromPreset(CadencePreset::FourOneOne), Limits {}, AccountType::Premium,
                              locale, berlin);
    const std::pair<QDate, QDate> weeks[] = { { today, today },
                                              { today.addDays(-14), today },
                                              { today.addDays(7), today },
                                              { today, QDate(2026, 11, 23) },
                                              { today.addDays(-90), today.addDays(-88) },
                                              { today.addDays(14), today.addDays(14) } };
    // The user skipped the first prospects of some weeks: the walk of prospects must reach past them.
    int skips = 0;
    for (const auto& [week, day] : weeks) {
        const WeekPlan before = planner.plan(PlanSnapshotLoader::whole(db()).value(), week, day);
        int skipped = 0;
        for (const PlanAction& action : before.actions) {
            if (action.kind == PlanActionKind::SendRequest && action.state != PlanActionState::Done && skipped < 2) {
                ASSERT_TRUE(PlanAdjustmentRepository(db())
                                .set({ action.contactId, action.kind, before.weekStart, QDate(), true })
                                .ok());
                ++skipped;
            }
        }
        skips += skipped;
    }
    ASSERT_GT(skips, 0);
    int actions = 0;
    int keptInTouch = 0;
    int replies = 0;
    for (const auto& [week, day] : weeks) {
        const PlanSnapshot whole(ContactRepository(db()).all().value(), InteractionRepository(db()).all().value(),
                                 TemplateRepository(db()).all().value(),
                                 PlanAdjustmentRepository(db()).forWeek(WeekPlanner::weekStart(week, locale)).value(),
                                 TagCadenceRepository(db()).all().value());
        const WeekPlan expected = planner.plan(whole, week, day);
        EXPECT_EQ(whole.templateAnswers(),
                  PlanSnapshotLoader::forWeek(db(), planner.window(week, day))->templateAnswers());
        auto windowed = PlanSnapshotLoader::forWeek(db(), planner.window(week, day));
        ASSERT_TRUE(windowed.ok()) << windowed.error().toStdString();
        EXPECT_LT(windowed->entries().size(), whole.entries().size());
        const WeekPlan got = planner.plan(*windowed, week, day);
        EXPECT_EQ(got, expected) << "week of " << week.toString(Qt::ISODate).toStdString();
        actions += int(expected.actions.size());
        keptInTouch += int(expected.keepInTouch.size());
        replies += expected.toDo(PlanActionKind::Reply);
    }
    EXPECT_GT(actions, 100) << "the network gives the plans something to compare";
    EXPECT_GT(keptInTouch, 10) << "contacts with a cadence of their own or their tag's";
    EXPECT_GT(replies, 0);
}

} // namespace
} // namespace rapport::test
