#include "core/cadence/WeekPlanner.h"

#include "PlanFixture.h"

#include <gtest/gtest.h>

namespace rapport {
namespace {

using test::actionsOf;
using test::contactsOf;
using test::PlanFixture;

const QDate kMonday(2026, 11, 23);
const QDate kThursday(2026, 11, 26);
const QDate kSunday(2026, 11, 29);

QList<QDate> datesOf(const QList<PlanAction>& actions)
{
    QList<QDate> dates;
    for (const PlanAction& action : actions)
        dates.append(action.date);
    return dates;
}

void addProspects(PlanFixture& f, int count)
{
    for (int i = 0; i < count; ++i)
        f.contact(QStringLiteral("Prospect %1").arg(i));
}

// Sent requests plus planned ones, per day: a planned request never makes a day cross the daily cap or
// 7 days cross the rolling cap (the log itself may already have crossed them).
void expectWithinCaps(const PlanFixture& f, const WeekPlan& plan)
{
    QHash<QDate, int> perDay;
    QHash<QDate, int> plannedPerDay;
    for (const Interaction& entry : f.entries()) {
        if (entry.kind == InteractionKind::RequestSent)
            ++perDay[entry.occurredAt.date()];
    }
    for (const PlanAction& action : actionsOf(plan, PlanActionKind::SendRequest, PlanActionState::Planned)) {
        ++perDay[action.date];
        ++plannedPerDay[action.date];
        EXPECT_LE(perDay[action.date], f.limits.requestsPerDay) << action.date.toString().toStdString();
    }
    for (QDate last = plan.weekStart; last <= plan.weekEnd().addDays(6); last = last.addDays(1)) {
        int window = 0;
        int planned = 0;
        for (int back = 0; back < 7; ++back) {
            window += perDay.value(last.addDays(-back));
            planned += plannedPerDay.value(last.addDays(-back));
        }
        if (planned > 0) {
            EXPECT_LE(window, f.limits.requestsPer7Days) << "7 days up to " << last.toString().toStdString();
        }
    }
}

TEST(WeekPlanner, TheWeekStartsOnTheLocalesFirstDay)
{
    struct Case
    {
        QLocale locale;
        QDate day;
        QDate start;
    };
    const QList<Case> cases {
        { QLocale(QLocale::English, QLocale::UnitedKingdom), kThursday, kMonday },
        { QLocale(QLocale::English, QLocale::UnitedKingdom), kMonday, kMonday },
        { QLocale(QLocale::English, QLocale::UnitedKingdom), kSunday, kMonday },
        { QLocale(QLocale::German, QLocale::Germany), kSunday, kMonday },
        { QLocale(QLocale::English, QLocale::UnitedStates), kThursday, QDate(2026, 11, 22) },
        { QLocale(QLocale::English, QLocale::UnitedStates), QDate(2026, 11, 22), QDate(2026, 11, 22) },
        { QLocale(QLocale::English, QLocale::UnitedStates), QDate(2026, 11, 28), QDate(2026, 11, 22) },
        // Across a month and a year boundary.
        { QLocale(QLocale::English, QLocale::UnitedKingdom), QDate(2027, 1, 1), QDate(2026, 12, 28) },
    };
    for (const Case& c : cases) {
        EXPECT_EQ(WeekPlanner::weekStart(c.day, c.locale), c.start)
            << c.locale.name().toStdString() << ' ' << c.day.toString(Qt::ISODate).toStdString();
        PlanFixture f;
        f.locale = c.locale;
        EXPECT_EQ(f.plan(c.day).weekStart, c.start);
    }
}

TEST(WeekPlanner, AnEmptyDatabaseGivesAnEmptyPlanThatSaysWhy)
{
    const WeekPlan plan = PlanFixture().plan(kMonday);
    EXPECT_TRUE(plan.actions.isEmpty());
    EXPECT_EQ(plan.requests, (PlanProgress { 0, 4 }));
    EXPECT_EQ(plan.followUps, (PlanProgress { 0, 0 }));
    EXPECT_EQ(plan.checkIns, (PlanProgress { 0, 0 }));
    ASSERT_EQ(plan.warnings.size(), 1);
    EXPECT_TRUE(plan.warnings[0].contains(QStringLiteral("Not enough prospects"))) << plan.warnings[0].toStdString();
}

TEST(WeekPlanner, RequestsAreSpreadOverTheWorkingDaysLeft)
{
    struct Case
    {
        const char* name;
        QLocale locale;
        QDate today;
        CadenceRule rule;
        QList<QDate> dates;
    };
    const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
    const QLocale us(QLocale::English, QLocale::UnitedStates);
    const CadenceRule fourOneOne = CadenceRule::fromPreset(CadencePreset::FourOneOne);
    const CadenceRule tenFourOne = CadenceRule::fromPreset(CadencePreset::TenFourOne);
    const QList<Case> cases {
        { "first day of the week",
          uk,
          kMonday,
          fourOneOne,
          { kMonday, kMonday.addDays(1), kMonday.addDays(2), kMonday.addDays(3) } },
        { "mid-week: one a day on Thursday and Friday, the rest waits",
          uk,
          kThursday,
          fourOneOne,
          { kThursday, kThursday.addDays(1) } },
        { "on a Friday, 4-1-1 holds one request", uk, kThursday.addDays(1), fourOneOne, { kThursday.addDays(1) } },
        { "two a day over five days",
          uk,
          kMonday,
          tenFourOne,
          { kMonday, kMonday, kMonday.addDays(1), kMonday.addDays(1), kMonday.addDays(2), kMonday.addDays(2),
            kMonday.addDays(3), kMonday.addDays(3), kMonday.addDays(4), kMonday.addDays(4) } },
        { "a Sunday-first week planned on its Sunday skips the weekend",
          us,
          QDate(2026, 11, 22),
          fourOneOne,
          { kMonday, kMonday.addDays(1), kMonday.addDays(2), kMonday.addDays(3) } },
        { "the weekend has no working day left", uk, QDate(2026, 11, 28), fourOneOne, {} },
        { "a custom rule of 2 leaves days free between",
          uk,
          kMonday,
          CadenceRule::custom(2, 2, 1),
          { kMonday, kMonday.addDays(2) } },
    };
    for (const Case& c : cases) {
        PlanFixture f;
        f.locale = c.locale;
        f.rule = c.rule;
        addProspects(f, 20);
        const WeekPlan plan = f.plan(c.today);
        EXPECT_EQ(datesOf(actionsOf(plan, PlanActionKind::SendRequest)), c.dates) << c.name;
        for (const PlanAction& action : plan.actions)
            EXPECT_GE(action.date, c.today) << c.name << ": nothing new before today";
    }
}

TEST(WeekPlanner, WhatWasSentThisWeekCountsAndIsNotPlannedAgain)
{
    PlanFixture f;
    addProspects(f, 10);
    f.log(1, InteractionKind::RequestSent, kMonday, QStringLiteral("Hi!"));
    f.log(2, InteractionKind::RequestSent, kMonday.addDays(1));
    f.log(3, InteractionKind::RequestSent, kMonday.addDays(1));
    const WeekPlan plan = f.plan(kThursday);
    const auto done = actionsOf(plan, PlanActionKind::SendRequest, PlanActionState::Done);
    EXPECT_EQ(contactsOf(done), (QList<qint64> { 1, 2, 3 }));
    EXPECT_EQ(datesOf(done), (QList<QDate> { kMonday, kMonday.addDays(1), kMonday.addDays(1) }));
    const auto planned = actionsOf(plan, PlanActionKind::SendRequest, PlanActionState::Planned);
    ASSERT_EQ(planned.size(), 1) << "the rule's 4 minus the 3 already sent";
    EXPECT_EQ(planned[0].date, kThursday);
    EXPECT_FALSE(QList<qint64>({ 1, 2, 3 }).contains(planned[0].contactId));
    EXPECT_EQ(plan.requests, (PlanProgress { 3, 4 }));
}

TEST(WeekPlanner, ProspectsComeStarredFirstThenMostContextThenOldest)
{
    PlanFixture f;
    const qint64 oldest = f.contact(QStringLiteral("Oldest"), false, QDate(2025, 1, 1));
    const qint64 context3 = f.contact(QStringLiteral("Context3"), false, QDate(2026, 6, 1));
    f.edit(context3).event = QStringLiteral("DevConf");
    f.edit(context3).school = QStringLiteral("MIT");
    f.edit(context3).topic = QStringLiteral("compilers");
    const qint64 starred = f.contact(QStringLiteral("Starred"), true, QDate(2026, 11, 1));
    const qint64 context1 = f.contact(QStringLiteral("Context1"), false, QDate(2026, 10, 1));
    f.edit(context1).mutualConnection = QStringLiteral("Ada");
    const qint64 newest = f.contact(QStringLiteral("Newest"), false, QDate(2026, 11, 20));
    const WeekPlan plan = f.plan(kMonday);
    EXPECT_EQ(contactsOf(actionsOf(plan, PlanActionKind::SendRequest)),
              (QList<qint64> { starred, context3, context1, oldest }));
    EXPECT_FALSE(contactsOf(plan.actions).contains(newest));
}

TEST(WeekPlanner, ADeclinedContactIsAskedAgainOnlyAfterTheWait)
{
    struct Case
    {
        InteractionKind answer;
        int daysAgo;
        bool planned;
    };
    const QList<Case> cases {
        { InteractionKind::RequestDeclined, 89, false },  { InteractionKind::RequestDeclined, 90, true },
        { InteractionKind::RequestDeclined, 91, true },   { InteractionKind::RequestWithdrawn, 20, false },
        { InteractionKind::RequestWithdrawn, 21, false }, { InteractionKind::RequestWithdrawn, 400, false },
    };
    for (const Case& c : cases) {
        PlanFixture f;
        const qint64 id = f.contact(QStringLiteral("Declined"), true);
        f.log(id, InteractionKind::RequestSent, kThursday.addDays(-c.daysAgo - 5));
        f.log(id, c.answer, kThursday.addDays(-c.daysAgo));
        const WeekPlan plan = f.plan(kThursday);
        EXPECT_EQ(contactsOf(plan.actions).contains(id), c.planned)
            << toKey(c.answer).toStdString() << ' ' << c.daysAgo;
        for (const PlanAction& action : plan.actions)
            EXPECT_EQ(action.kind, PlanActionKind::SendRequest) << "never a message to a declined contact";
    }
}

TEST(WeekPlanner, WhomTheAdvisorSaysToFollowGetsNoRequest)
{
    PlanFixture f;
    const qint64 anonymous = f.contact(QStringLiteral("Anonymous"), true);
    f.edit(anonymous).stayAnonymous = true;
    const qint64 metToday = f.contact(QStringLiteral("MetToday"), true);
    f.log(metToday, InteractionKind::Met, kMonday);
    const qint64 metLastWeek = f.contact(QStringLiteral("MetLastWeek"), true);
    f.log(metLastWeek, InteractionKind::Met, kMonday.addDays(-5));
    const qint64 following = f.contact(QStringLiteral("Following"));
    f.log(following, InteractionKind::Followed, kMonday.addDays(-30));
    const WeekPlan plan = f.plan(kMonday);
    EXPECT_EQ(contactsOf(actionsOf(plan, PlanActionKind::SendRequest)), (QList<qint64> { metLastWeek, following }));
}

TEST(WeekPlanner, NinetyEightRequestsInTheLastSevenDaysLeaveRoomForTwo)
{
    PlanFixture f;
    addProspects(f, 120);
    for (int i = 0; i < 98; ++i)
        f.log(i + 1, InteractionKind::RequestSent, f.at(kMonday.addDays(i % 2 == 0 ? -1 : -2), 8 + i % 10));
    const WeekPlan plan = f.plan(kMonday);
    EXPECT_EQ(actionsOf(plan, PlanActionKind::SendRequest, PlanActionState::Planned).size(), 2);
    expectWithinCaps(f, plan);
    ASSERT_FALSE(plan.warnings.isEmpty());
    EXPECT_TRUE(plan.warnings.join(u'\n').contains(QStringLiteral("100 requests in any 7 days")))
        << plan.warnings.join(u'\n').toStdString();
}

TEST(WeekPlanner, TheRollingCapReachesBackIntoLastWeek)
{
    PlanFixture f;
    addProspects(f, 130);
    // 20 a day from last Wednesday to Saturday and 19 on Sunday: 99 in the 7 days up to Monday.
    int next = 1;
    for (int back = 5; back >= 1; --back) {
        for (int i = 0; i < (back == 1 ? 19 : 20); ++i)
            f.log(next++, InteractionKind::RequestSent, f.at(kMonday.addDays(-back), 8));
    }
    const WeekPlan plan = f.plan(kMonday);
    const auto planned = actionsOf(plan, PlanActionKind::SendRequest, PlanActionState::Planned);
    EXPECT_EQ(planned.size(), 4);
    EXPECT_FALSE(datesOf(planned).contains(kMonday.addDays(1))) << "Tuesday's 7 days already hold 100";
    EXPECT_EQ(datesOf(planned).count(kMonday), 1);
    expectWithinCaps(f, plan);
}

TEST(WeekPlanner, TheDailyCapHolds)
{
    PlanFixture f;
    f.rule = CadenceRule::custom(50, 10, 1); // 10 a working day
    f.limits.requestsPerDay = 5;
    addProspects(f, 60);
    const WeekPlan plan = f.plan(kThursday);
    EXPECT_EQ(actionsOf(plan, PlanActionKind::SendRequest).size(), 10) << "Thursday and Friday, 5 each";
    expectWithinCaps(f, plan);
    EXPECT_TRUE(plan.warnings.join(u'\n').contains(QStringLiteral("5 requests a day")));
}

TEST(WeekPlanner, NotesFollowTheRuleAndABasicAccountsMonthlyQuota)
{
    struct Case
    {
        const char* name;
        AccountType account;
        int notesUsedThisMonth;
        CadenceRule rule;
        int withNote;
        bool warned;
    };
    const CadenceRule fourOneOne = CadenceRule::fromPreset(CadencePreset::FourOneOne);
    const QList<Case> cases {
        { "premium: a note on every request", AccountType::Premium, 5, fourOneOne, 4, false },
        { "basic, quota untouched", AccountType::Basic, 0, fourOneOne, 4, false },
        { "basic, 3 of 5 used", AccountType::Basic, 3, fourOneOne, 2, true },
        { "basic at its monthly quota", AccountType::Basic, 5, fourOneOne, 0, true },
        { "10-4-1 asks for 4 notes in 10 requests", AccountType::Premium, 0,
          CadenceRule::fromPreset(CadencePreset::TenFourOne), 4, false },
    };
    for (const Case& c : cases) {
        PlanFixture f;
        f.account = c.account;
        f.rule = c.rule;
        addProspects(f, 20);
        // Earlier this month, to contacts who then accepted.
        for (int i = 0; i < c.notesUsedThisMonth; ++i) {
            const qint64 id = f.contact(QStringLiteral("Earlier %1").arg(i));
            f.log(id, InteractionKind::RequestSent, QDate(2026, 11, 2 + i), QStringLiteral("Hi, we met at..."));
            f.log(id, InteractionKind::RequestAccepted, QDate(2026, 11, 3 + i));
            f.log(id, InteractionKind::ContentShared, QDate(2026, 11, 10));
        }
        const WeekPlan plan = f.plan(kMonday);
        const auto requests = actionsOf(plan, PlanActionKind::SendRequest);
        EXPECT_EQ(requests.size(), c.rule.requestsPerWeek) << c.name;
        const auto withNote
            = std::count_if(requests.cbegin(), requests.cend(), [](const PlanAction& a) { return a.withNote; });
        EXPECT_EQ(withNote, c.withNote) << c.name;
        EXPECT_EQ(plan.warnings.join(u'\n').contains(QStringLiteral("Basic account")), c.warned) << c.name;
        if (!requests.isEmpty()) {
            EXPECT_TRUE(requests[0].withNote || c.withNote == 0) << c.name << ": the highest priority gets the note";
        }
    }
}

TEST(WeekPlanner, ABasicAccountsQuotaIsPerCalendarMonth)
{
    PlanFixture f;
    f.account = AccountType::Basic;
    addProspects(f, 20);
    for (int i = 0; i < 5; ++i) {
        const qint64 id = f.contact(QStringLiteral("Earlier %1").arg(i));
        f.log(id, InteractionKind::RequestSent, QDate(2026, 11, 2 + i), QStringLiteral("note"));
    }
    // The week of Monday 30 November: Monday is in the spent month, Tuesday on in a fresh one.
    const QDate monday(2026, 11, 30);
    const auto requests = actionsOf(f.plan(monday), PlanActionKind::SendRequest);
    ASSERT_EQ(requests.size(), 4);
    EXPECT_EQ(requests[0].date, monday);
    EXPECT_FALSE(requests[0].withNote);
    for (qsizetype i = 1; i < requests.size(); ++i)
        EXPECT_TRUE(requests[i].withNote) << requests[i].date.toString(Qt::ISODate).toStdString();
}

TEST(WeekPlanner, APendingRequestGetsAnEngageActionFrom14DaysUntilItTimesOut)
{
    struct Case
    {
        int daysPending; // on today, Thursday
        std::optional<QDate> date;
        PlanActionState state;
    };
    const QList<Case> cases {
        { 13, kThursday.addDays(1), PlanActionState::Planned },
        { 14, kThursday, PlanActionState::Planned },
        { 16, kThursday, PlanActionState::Overdue }, // due on Tuesday
        { 20, kThursday, PlanActionState::Planned }, // due last week: not overdue by days before the week
        { 21, std::nullopt, PlanActionState::Planned },
        { 9, std::nullopt, PlanActionState::Planned }, // due after the week
    };
    for (const Case& c : cases) {
        PlanFixture f;
        const qint64 id = f.contact(QStringLiteral("Pending"));
        f.log(id, InteractionKind::RequestSent, kThursday.addDays(-c.daysPending));
        const WeekPlan plan = f.plan(kThursday);
        const auto engage = actionsOf(plan, PlanActionKind::Engage);
        EXPECT_EQ(contactsOf(plan.actions), c.date ? QList<qint64> { id } : QList<qint64> {}) << c.daysPending;
        if (c.date && engage.size() == 1) {
            EXPECT_EQ(engage[0].date, *c.date) << c.daysPending;
            EXPECT_EQ(engage[0].state, c.state) << c.daysPending;
            EXPECT_EQ(engage[0].templateId, 0) << "engaging is not a message";
        }
    }
}

TEST(WeekPlanner, EngagingWithTheirPostsCompletesTheEngageAction)
{
    PlanFixture f;
    const qint64 id = f.contact(QStringLiteral("Pending"));
    f.log(id, InteractionKind::RequestSent, kThursday.addDays(-16));
    f.log(id, InteractionKind::Engaged, kThursday.addDays(-1));
    const auto engage = actionsOf(f.plan(kThursday), PlanActionKind::Engage);
    ASSERT_EQ(engage.size(), 1);
    EXPECT_EQ(engage[0].state, PlanActionState::Done);
    EXPECT_EQ(engage[0].date, kThursday.addDays(-1));
}

TEST(WeekPlanner, TheNoResponseTimeoutComesFromTheLimits)
{
    PlanFixture f;
    const qint64 id = f.contact(QStringLiteral("Pending"));
    f.log(id, InteractionKind::RequestSent, kThursday.addDays(-16));
    EXPECT_EQ(actionsOf(f.plan(kThursday), PlanActionKind::Engage).size(), 1);
    f.limits.noResponseDays = 15;
    EXPECT_TRUE(f.plan(kThursday).actions.isEmpty()) << "no response after 15 days: nothing to engage";
}

TEST(WeekPlanner, AnAcceptanceIsFollowedUpThreeDaysLater)
{
    struct Case
    {
        int acceptedDaysAgo; // on today, Thursday
        QDate date;
        PlanActionState state;
        const char* reason;
    };
    const QList<Case> cases {
        { 4, kThursday, PlanActionState::Overdue, "accepted 4 days ago, nothing shared yet" },
        { 3, kThursday, PlanActionState::Planned, "accepted 3 days ago, nothing shared yet" },
        { 1, kThursday.addDays(2), PlanActionState::Planned, "accepted 3 days ago, nothing shared yet" },
        { 20, kThursday, PlanActionState::Planned, "accepted 20 days ago, nothing shared yet" },
        { 30, kThursday, PlanActionState::Planned, "accepted 30 days ago, nothing shared yet" },
    };
    for (const Case& c : cases) {
        PlanFixture f;
        const qint64 id = f.contact(QStringLiteral("Accepted"));
        f.log(id, InteractionKind::RequestSent, kThursday.addDays(-c.acceptedDaysAgo - 2));
        f.log(id, InteractionKind::RequestAccepted, kThursday.addDays(-c.acceptedDaysAgo));
        const auto followUps = actionsOf(f.plan(kThursday), PlanActionKind::FollowUp);
        ASSERT_EQ(followUps.size(), 1) << c.acceptedDaysAgo;
        EXPECT_EQ(followUps[0].date, c.date) << c.acceptedDaysAgo;
        EXPECT_EQ(followUps[0].state, c.state) << c.acceptedDaysAgo;
        EXPECT_EQ(followUps[0].reason, QString::fromLatin1(c.reason));
    }
}

TEST(WeekPlanner, WarningsCountInWords)
{
    const QDate saturday(2026, 11, 28);
    for (const auto& [sent, expected] :
         { std::pair { 0, "the 4 requests left wait for next week" }, std::pair { 3, "the request left waits" } }) {
        PlanFixture f;
        f.locale = QLocale(QLocale::English, QLocale::UnitedKingdom);
        addProspects(f, 10);
        for (int i = 0; i < sent; ++i)
            f.log(f.contact(QStringLiteral("Sent %1").arg(i)), InteractionKind::RequestSent, kMonday);
        const QString warnings = f.plan(saturday).warnings.join(u'\n');
        EXPECT_TRUE(warnings.contains(QString::fromUtf8(expected))) << warnings.toStdString();
    }
    PlanFixture f;
    QList<qint64> ids;
    for (int i = 0; i < 2; ++i) {
        ids.append(f.contact(QStringLiteral("Accepted %1").arg(i)));
        f.log(ids.last(), InteractionKind::RequestSent, kMonday.addDays(-20));
        f.log(ids.last(), InteractionKind::RequestAccepted, kMonday.addDays(-10 + i));
    }
    f.rule = CadenceRule::custom(4, 1, 1);
    EXPECT_TRUE(f.plan(kMonday).warnings.join(u'\n').contains(
        QStringLiteral("1 more follow-up is due; the rule asks for 1 a week, so it waits.")));
}

TEST(WeekPlanner, AnAcceptanceOutsideTheFollowUpWindowIsMissedNotOverdue)
{
    for (const int daysAgo : { 31, 60, 1000 }) {
        PlanFixture f;
        const qint64 id = f.contact(QStringLiteral("Accepted"));
        f.log(id, InteractionKind::RequestSent, kThursday.addDays(-daysAgo - 2));
        f.log(id, InteractionKind::RequestAccepted, kThursday.addDays(-daysAgo));
        const WeekPlan plan = f.plan(kThursday);
        EXPECT_TRUE(plan.actions.isEmpty()) << daysAgo;
        EXPECT_TRUE(plan.keepInTouch.isEmpty()) << daysAgo;
    }
    PlanFixture f;
    const qint64 id = f.contact(QStringLiteral("Accepted"));
    f.log(id, InteractionKind::RequestSent, kThursday.addDays(-70));
    f.log(id, InteractionKind::RequestAccepted, kThursday.addDays(-60));
    f.limits.followUpWindowDays = 90;
    EXPECT_EQ(actionsOf(f.plan(kThursday), PlanActionKind::FollowUp).size(), 1) << "the window is a setting";
}

TEST(WeekPlanner, FollowUpsStopAtTheRulesCountMostRecentFirst)
{
    PlanFixture f;
    f.rule = CadenceRule::fromPreset(CadencePreset::TenFourOne);
    QList<qint64> ids;
    for (int i = 0; i < 3; ++i) {
        ids.append(f.contact(QStringLiteral("Accepted %1").arg(i)));
        f.log(ids.last(), InteractionKind::RequestSent, kMonday.addDays(-20));
        f.log(ids.last(), InteractionKind::RequestAccepted, kMonday.addDays(-10 + i));
    }
    const WeekPlan plan = f.plan(kMonday);
    EXPECT_EQ(contactsOf(actionsOf(plan, PlanActionKind::FollowUp)), QList<qint64> { ids[2] });
    EXPECT_EQ(plan.followUps, (PlanProgress { 0, 1 }));
    EXPECT_TRUE(plan.warnings.join(u'\n').contains(QStringLiteral("2 more follow-ups")));
}

TEST(WeekPlanner, SharedContentCompletesTheFollowUp)
{
    PlanFixture f;
    const qint64 id = f.contact(QStringLiteral("Accepted"));
    f.log(id, InteractionKind::RequestSent, kMonday.addDays(-10));
    f.log(id, InteractionKind::RequestAccepted, kMonday.addDays(-5));
    f.log(id, InteractionKind::ContentShared, kMonday.addDays(1));
    const WeekPlan plan = f.plan(kThursday);
    const auto followUps = actionsOf(plan, PlanActionKind::FollowUp);
    ASSERT_EQ(followUps.size(), 1);
    EXPECT_EQ(followUps[0].state, PlanActionState::Done);
    EXPECT_EQ(followUps[0].date, kMonday.addDays(1));
    EXPECT_EQ(plan.followUps, (PlanProgress { 1, 1 }));
    EXPECT_TRUE(actionsOf(plan, PlanActionKind::CheckIn).isEmpty());
}

TEST(WeekPlanner, AnImportedConnectionGetsNoFollowUpAndACheckInOnlyWithACadence)
{
    PlanFixture f;
    const qint64 quiet = f.connection(QStringLiteral("Imported"), 0, QDate(2022, 11, 21));
    const qint64 close = f.connection(QStringLiteral("Close"), 30, QDate(2022, 11, 21));
    const WeekPlan plan = f.plan(kThursday);
    EXPECT_TRUE(actionsOf(plan, PlanActionKind::FollowUp).isEmpty());
    const auto checkIns = actionsOf(plan, PlanActionKind::CheckIn);
    ASSERT_EQ(checkIns.size(), 1);
    EXPECT_EQ(checkIns[0].contactId, close);
    EXPECT_NE(checkIns[0].contactId, quiet);
    EXPECT_EQ(checkIns[0].state, PlanActionState::Planned) << "due for years, but not planned for an earlier day";
    EXPECT_EQ(checkIns[0].date, kThursday);
}

TEST(WeekPlanner, CheckInsComeAfterTheContactsInterval)
{
    struct Case
    {
        int cadence;
        int quietDays; // on today, Thursday
        std::optional<QDate> date;
        PlanActionState state;
    };
    const QList<Case> cases {
        { 30, 29, kThursday.addDays(1), PlanActionState::Planned },
        { 30, 30, kThursday, PlanActionState::Planned },
        { 30, 31, kThursday, PlanActionState::Overdue }, // due yesterday
        { 30, 20, std::nullopt, PlanActionState::Planned },
        { 0, 31, std::nullopt, PlanActionState::Planned },
        { 0, 900, std::nullopt, PlanActionState::Planned },
        { 90, 89, kThursday.addDays(1), PlanActionState::Planned },
        { 90, 91, kThursday, PlanActionState::Overdue },
        { 90, 200, kThursday, PlanActionState::Planned }, // due long before the week
    };
    for (const Case& c : cases) {
        PlanFixture f;
        const qint64 id = f.connection(QStringLiteral("Connection"), c.cadence);
        f.log(id, InteractionKind::MessageSent, kThursday.addDays(-c.quietDays - 1));
        f.log(id, InteractionKind::MessageReceived, kThursday.addDays(-c.quietDays));
        f.log(id, InteractionKind::Note, kThursday.addDays(-1)); // a note to self is not contact
        const WeekPlan plan = f.plan(kThursday);
        const auto checkIns = actionsOf(plan, PlanActionKind::CheckIn);
        ASSERT_EQ(checkIns.size(), c.date ? 1 : 0) << c.cadence << ' ' << c.quietDays;
        if (c.date) {
            EXPECT_EQ(checkIns[0].date, *c.date) << c.cadence << ' ' << c.quietDays;
            EXPECT_EQ(checkIns[0].state, c.state) << c.cadence << ' ' << c.quietDays;
            EXPECT_EQ(plan.checkIns, (PlanProgress { 0, 1 }));
        }
    }
}

TEST(WeekPlanner, ACheckInDoneThisWeekCountsInTheProgress)
{
    PlanFixture f;
    const qint64 id = f.connection(QStringLiteral("Connection"), 30);
    f.log(id, InteractionKind::MessageSent, kMonday.addDays(-40));
    f.log(id, InteractionKind::Engaged, kMonday.addDays(1));
    const WeekPlan plan = f.plan(kThursday);
    const auto checkIns = actionsOf(plan, PlanActionKind::CheckIn);
    ASSERT_EQ(checkIns.size(), 1);
    EXPECT_EQ(checkIns[0].state, PlanActionState::Done);
    EXPECT_EQ(plan.checkIns, (PlanProgress { 1, 1 }));
}

TEST(WeekPlanner, ThreeMessagesIn180DaysStopFurtherFollowUps)
{
    struct Case
    {
        QList<int> messagesDaysAgo;
        bool checkIn;
    };
    const QList<Case> cases {
        { { 150, 100, 40 }, false },
        { { 200, 100, 40 }, true },
        { { 100, 40 }, true },
    };
    for (const Case& c : cases) {
        PlanFixture f;
        const qint64 id = f.contact(QStringLiteral("Connection"), true);
        f.edit(id).keepInTouchDays = 30;
        f.log(id, InteractionKind::RequestSent, QDate(2025, 1, 1));
        f.log(id, InteractionKind::RequestAccepted, QDate(2025, 1, 2));
        f.log(id, InteractionKind::ContentShared, QDate(2025, 1, 6));
        for (int daysAgo : c.messagesDaysAgo)
            f.log(id, InteractionKind::MessageSent, kThursday.addDays(-daysAgo));
        const WeekPlan plan = f.plan(kThursday);
        EXPECT_EQ(actionsOf(plan, PlanActionKind::CheckIn).size(), c.checkIn ? 1 : 0) << c.messagesDaysAgo.size();
        EXPECT_EQ(plan.warnings.join(u'\n').contains(QStringLiteral("3 unanswered messages in 180 days")), !c.checkIn);
    }
}

TEST(WeekPlanner, APastWeekShowsOnlyWhatWasDoneAndAFutureWeekStartsOnItsFirstDay)
{
    PlanFixture f;
    addProspects(f, 10);
    f.log(1, InteractionKind::RequestSent, kMonday.addDays(-6));
    const WeekPlan past = f.plan(kThursday, kMonday.addDays(-7));
    EXPECT_EQ(past.weekStart, kMonday.addDays(-7));
    ASSERT_EQ(past.actions.size(), 1);
    EXPECT_EQ(past.actions[0].state, PlanActionState::Done);
    EXPECT_EQ(past.requests, (PlanProgress { 1, 4 }));

    const WeekPlan next = f.plan(kThursday, kMonday.addDays(7));
    EXPECT_EQ(datesOf(actionsOf(next, PlanActionKind::SendRequest)),
              (QList<QDate> { kMonday.addDays(7), kMonday.addDays(8), kMonday.addDays(9), kMonday.addDays(10) }));
}

TEST(WeekPlanner, SuggestsTheFirstTemplateTheContactFillsIn)
{
    PlanFixture f;
    const qint64 id = f.contact(QStringLiteral("Grace"), true);
    f.edit(id).school = QStringLiteral("Yale");
    Template event { 1,
                     QStringLiteral("Met at an event"),
                     TemplateKind::ConnectionNote,
                     QStringLiteral("Hi {first_name}, great meeting you at {event}."),
                     {},
                     {},
                     {} };
    Template alum { 2,
                    QStringLiteral("Fellow alum"),
                    TemplateKind::ConnectionNote,
                    QStringLiteral("{first_name}, I see you also went to {school}. {my_name}"),
                    {},
                    {},
                    {} };
    const WeekPlanner planner(f.rule, f.limits, f.account, f.locale, QTimeZone::utc());
    const WeekPlan plan = planner.plan(PlanSnapshot({ f.edit(id) }, {}, { event, alum }), kMonday, kMonday);
    const auto requests = actionsOf(plan, PlanActionKind::SendRequest);
    ASSERT_EQ(requests.size(), 1);
    EXPECT_EQ(requests[0].templateId, 2);
    EXPECT_EQ(requests[0].templateName, QStringLiteral("Fellow alum"));
}

// The rules that hold for any database: checked on a mixed one of 30,000 contacts.
TEST(WeekPlanner, InvariantsHoldForThirtyThousandContacts)
{
    PlanFixture f;
    const QList<InteractionKind> kinds { InteractionKind::RequestSent,     InteractionKind::RequestAccepted,
                                         InteractionKind::RequestDeclined, InteractionKind::RequestWithdrawn,
                                         InteractionKind::MessageSent,     InteractionKind::ContentShared,
                                         InteractionKind::Engaged,         InteractionKind::Met,
                                         InteractionKind::Followed };
    for (int i = 0; i < 30000; ++i) {
        const qint64 id = f.contact(QStringLiteral("Person %1").arg(i), i % 7 == 0, QDate(2025, 1, 1).addDays(i % 600));
        if (i % 11 == 0)
            f.edit(id).stayAnonymous = true;
        const int entries = i % 5;
        for (int j = 0; j < entries; ++j)
            f.log(id, kinds[(i + j * 3) % kinds.size()], kThursday.addDays(-((i * 7 + j * 13) % 400) + j));
    }
    const WeekPlan plan = f.plan(kThursday);
    EXPECT_LE(actionsOf(plan, PlanActionKind::SendRequest, PlanActionState::Planned).size(), 4);
    EXPECT_LE(actionsOf(plan, PlanActionKind::FollowUp, PlanActionState::Planned).size()
                  + actionsOf(plan, PlanActionKind::FollowUp, PlanActionState::Overdue).size(),
              4);
    expectWithinCaps(f, plan);
    const QHash<qint64, Stage> stages = f.stages(kThursday);
    for (const PlanAction& action : plan.actions) {
        if (action.state != PlanActionState::Done) {
            EXPECT_GE(action.date, kThursday);
        }
        EXPECT_GE(action.date, plan.weekStart);
        EXPECT_LE(action.date, plan.weekEnd());
        if (action.state != PlanActionState::Done
            && (action.kind == PlanActionKind::FollowUp || action.kind == PlanActionKind::CheckIn)) {
            EXPECT_EQ(stages.value(action.contactId), Stage::Connected) << "a message only to a connection";
        }
    }
    EXPECT_EQ(f.plan(kThursday), plan) << "the same inputs give the same plan";
}

} // namespace
} // namespace rapport
