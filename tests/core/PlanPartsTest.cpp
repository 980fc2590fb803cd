// The weekly plan's parts on real-network shapes and the seeds' etiquette (domain: The weekly plan), on
// pinned dates: a plan a person can do however large the network, keep-in-touch cadences, replies,
// warming up, asking again once.
#include "core/cadence/WeekPlanner.h"
#include "core/cadence/plan/ContactHistory.h"

#include "PlanFixture.h"

#include <gtest/gtest.h>

namespace rapport::test {
namespace {

const QDate kMonday(2026, 11, 23);
const QDate kTuesday(2026, 11, 24);
const QDate kThursday(2026, 11, 26);
const QDate kFriday(2026, 11, 27);

int openActions(const WeekPlan& plan)
{
    return int(std::count_if(plan.actions.cbegin(), plan.actions.cend(),
                             [](const PlanAction& action) { return action.state != PlanActionState::Done; }));
}

// A LinkedIn export's connections: each only a "connected on" date, spread over the last years.
void importConnections(PlanFixture& f, int count)
{
    for (int i = 0; i < count; ++i) {
        const QDate connectedOn = QDate(2026, 11, 20).addDays(-((i * 37) % 2900));
        f.connection(QStringLiteral("Connection %1").arg(i), 0, connectedOn, false);
    }
}

TEST(PlanParts, ImportedNetworksDoNotChangeThePlansSize)
{
    PlanFixture empty;
    for (int i = 0; i < 10; ++i)
        empty.contact(QStringLiteral("Prospect %1").arg(i));
    const WeekPlan base = empty.plan(kMonday);
    ASSERT_EQ(openActions(base), 4 + 2) << "4 requests and their warm-ups where the week allows";
    for (const int size : { 1500, 30000 }) {
        PlanFixture f;
        for (int i = 0; i < 10; ++i)
            f.contact(QStringLiteral("Prospect %1").arg(i));
        importConnections(f, size);
        const WeekPlan plan = f.plan(kMonday);
        EXPECT_EQ(openActions(plan), openActions(base)) << size;
        EXPECT_TRUE(actionsOf(plan, PlanActionKind::CheckIn).isEmpty()) << size;
        EXPECT_TRUE(actionsOf(plan, PlanActionKind::FollowUp).isEmpty()) << size;
        EXPECT_TRUE(plan.keepInTouch.isEmpty()) << size;
    }
}

TEST(PlanParts, AnAcceptanceTwoDaysAgoIsFollowedUpOneSixtyDaysAgoNever)
{
    PlanFixture f;
    const qint64 recent = f.contact(QStringLiteral("Recent"));
    f.log(recent, InteractionKind::RequestSent, kThursday.addDays(-9));
    f.log(recent, InteractionKind::RequestAccepted, kThursday.addDays(-2));
    const qint64 old = f.contact(QStringLiteral("Old"));
    f.log(old, InteractionKind::RequestSent, kThursday.addDays(-70));
    f.log(old, InteractionKind::RequestAccepted, kThursday.addDays(-60));
    EXPECT_EQ(contactsOf(actionsOf(f.plan(kThursday), PlanActionKind::FollowUp)), QList<qint64> { recent });
    EXPECT_FALSE(actionsOf(f.plan(kThursday.addDays(7)), PlanActionKind::FollowUp).isEmpty())
        << "9 days after the acceptance it is still inside the window";
    for (const QDate& day : { kThursday, kThursday.addDays(60), kThursday.addDays(-21) }) {
        EXPECT_FALSE(contactsOf(f.plan(day).actions).contains(old)) << day.toString(Qt::ISODate).toStdString();
    }
}

TEST(PlanParts, CheckInsTakeTheRulesCountStarredAndMostOverdueFirstTheRestWait)
{
    PlanFixture f;
    QList<qint64> ids;
    for (int i = 0; i < 50; ++i) {
        // Quiet for 31 to 80 days, so the most overdue are the last ones.
        const qint64 id = f.connection(QStringLiteral("Close %1").arg(i), 30, QDate(2024, 1, 1), i == 3);
        f.log(id, InteractionKind::MessageReceived, kMonday.addDays(-31 - i));
        ids.append(id);
    }
    const WeekPlan plan = f.plan(kMonday);
    const auto checkIns = actionsOf(plan, PlanActionKind::CheckIn);
    ASSERT_EQ(checkIns.size(), 5) << "the rule's 5 check-ins a week";
    EXPECT_EQ(contactsOf(checkIns), (QList<qint64> { ids[3], ids[49], ids[48], ids[47], ids[46] }))
        << "starred first, then the longest quiet for its cadence";
    EXPECT_EQ(plan.checkIns, (PlanProgress { 0, 5 }));
    ASSERT_EQ(plan.keepInTouch.size(), 50) << "every due contact is listed";
    EXPECT_EQ(contactsOf(plan.keepInTouch.mid(0, 5)), contactsOf(checkIns));
    EXPECT_EQ(plan.keepInTouch[5].contactId, ids[45]);
    EXPECT_TRUE(
        plan.warnings.join(u'\n').contains(QStringLiteral("45 more check-ins are due; they wait for next week")))
        << plan.warnings.join(u'\n').toStdString();

    f.rule.checkInsPerWeek = 2;
    EXPECT_EQ(actionsOf(f.plan(kMonday), PlanActionKind::CheckIn).size(), 2) << "check-ins a week is the rule's";
}

TEST(PlanParts, ACadenceComesFromTheContactElseItsShortestTag)
{
    PlanFixture f;
    const qint64 mentor = f.connection(QStringLiteral("Mentor"), 0, QDate(2026, 9, 1));
    f.edit(mentor).tags = { QStringLiteral("Mentor"), QStringLiteral("Alumni") };
    const qint64 own = f.connection(QStringLiteral("Own"), 365, QDate(2026, 9, 1));
    f.edit(own).tags = { QStringLiteral("mentor") };
    const qint64 untagged = f.connection(QStringLiteral("Untagged"), 0, QDate(2026, 9, 1));
    f.tagCadences = { { QStringLiteral("mentor"), 30 }, { QStringLiteral("alumni"), 180 } };
    const QList<qint64> due = contactsOf(actionsOf(f.plan(kMonday), PlanActionKind::CheckIn));
    EXPECT_TRUE(due.contains(mentor)) << "a tag's cadence applies to a contact without its own";
    EXPECT_FALSE(due.contains(own)) << "the contact's own cadence beats its tag's";
    EXPECT_FALSE(due.contains(untagged));
}

TEST(PlanParts, AMessageReceivedRecentlyAndNotAnsweredGetsAReplyTheNextDay)
{
    struct Case
    {
        int receivedDaysAgo; // on Thursday
        bool answered;
        std::optional<QDate> date;
        PlanActionState state;
    };
    const QList<Case> cases {
        { 3, false, kThursday, PlanActionState::Overdue }, // due on Tuesday
        { 0, false, kFriday, PlanActionState::Planned },
        { 10, false, kThursday, PlanActionState::Planned }, // due last week
        { 14, false, kThursday, PlanActionState::Planned },
        { 15, false, std::nullopt, PlanActionState::Planned },
        { 40, false, std::nullopt, PlanActionState::Planned },
        { 3, true, std::nullopt, PlanActionState::Planned },
    };
    for (const Case& c : cases) {
        PlanFixture f;
        const qint64 id = f.connection(QStringLiteral("Writer"), 0);
        f.log(id, InteractionKind::MessageReceived, kThursday.addDays(-c.receivedDaysAgo));
        if (c.answered)
            f.log(id, InteractionKind::MessageSent, f.at(kThursday.addDays(-c.receivedDaysAgo), 18));
        const WeekPlan plan = f.plan(kThursday);
        const auto replies = actionsOf(plan, PlanActionKind::Reply);
        const auto toDo = actionsOf(plan, PlanActionKind::Reply, c.date ? c.state : PlanActionState::Planned);
        ASSERT_EQ(replies.size(), c.date || c.answered ? 1 : 0) << c.receivedDaysAgo << ' ' << c.answered;
        if (c.date) {
            EXPECT_EQ(replies[0].date, *c.date) << c.receivedDaysAgo;
            EXPECT_EQ(replies[0].state, c.state) << c.receivedDaysAgo;
            EXPECT_EQ(plan.replies, (PlanProgress { 0, 1 }));
        } else if (c.answered) {
            EXPECT_EQ(replies[0].state, PlanActionState::Done) << "answered this week: a reply done";
            EXPECT_EQ(plan.replies, (PlanProgress { 1, 1 }));
        }
    }
}

TEST(PlanParts, ARequestIsWarmedUpTwoToFourDaysBefore)
{
    PlanFixture f;
    for (int i = 0; i < 4; ++i)
        f.contact(QStringLiteral("Prospect %1").arg(i), false, QDate(2026, 1, 1).addDays(i));
    const WeekPlan plan = f.plan(kMonday);
    const auto requests = actionsOf(plan, PlanActionKind::SendRequest);
    ASSERT_EQ(requests.size(), 4);
    const PlanAction thursday = requests[3];
    ASSERT_EQ(thursday.date, kThursday);
    const auto engage = actionsOf(plan, PlanActionKind::Engage);
    const auto warmUp = std::find_if(engage.cbegin(), engage.cend(),
                                     [&](const PlanAction& action) { return action.contactId == thursday.contactId; });
    ASSERT_NE(warmUp, engage.cend());
    EXPECT_GE(warmUp->date, kMonday);
    EXPECT_LE(warmUp->date, kTuesday);
    EXPECT_TRUE(warmUp->reason.contains(QStringLiteral("so your name is familiar"))) << warmUp->reason.toStdString();
    for (const PlanAction& action : engage)
        EXPECT_NE(action.contactId, requests[0].contactId) << "Monday's request has no day before it";

    // Engaged with in the last 30 days: no warm-up needed.
    f.log(thursday.contactId, InteractionKind::Engaged, kMonday.addDays(-20));
    EXPECT_FALSE(contactsOf(actionsOf(f.plan(kMonday), PlanActionKind::Engage)).contains(thursday.contactId));
}

TEST(PlanParts, ALittleInCommonProspectIsFollowedThenEngagedThenAsked)
{
    PlanFixture f;
    const qint64 id = f.contact(QStringLiteral("Stranger"));
    f.edit(id).littleInCommon = true;
    WeekPlan plan = f.plan(kMonday);
    EXPECT_TRUE(actionsOf(plan, PlanActionKind::SendRequest).isEmpty());
    ASSERT_EQ(actionsOf(plan, PlanActionKind::Follow).size(), 1) << "follow first";

    f.log(id, InteractionKind::Followed, kMonday.addDays(-30));
    plan = f.plan(kMonday);
    EXPECT_TRUE(actionsOf(plan, PlanActionKind::Follow).isEmpty());
    ASSERT_EQ(actionsOf(plan, PlanActionKind::Engage).size(), 1) << "then engage";

    f.log(id, InteractionKind::Engaged, kMonday.addDays(-20));
    f.log(id, InteractionKind::Engaged, kMonday.addDays(-10)); // only 10 days apart
    EXPECT_TRUE(actionsOf(f.plan(kMonday), PlanActionKind::SendRequest).isEmpty());
    f.log(id, InteractionKind::Engaged, kMonday.addDays(-3)); // 17 days after the first
    const auto requests = actionsOf(f.plan(kMonday), PlanActionKind::SendRequest);
    ASSERT_EQ(requests.size(), 1) << "engaged twice 14 or more days apart: connect now";
    EXPECT_TRUE(requests[0].reason.contains(QStringLiteral("engaged twice"))) << requests[0].reason.toStdString();

    f.edit(id).highProfile = true;
    EXPECT_TRUE(actionsOf(f.plan(kMonday), PlanActionKind::SendRequest).isEmpty()) << "high profile stays follow-only";
}

TEST(PlanParts, EngageSuggestionsStayWithinTheRulesRequests)
{
    PlanFixture f;
    for (int i = 0; i < 30; ++i) {
        const qint64 id = f.contact(QStringLiteral("Pending %1").arg(i));
        f.log(id, InteractionKind::RequestSent, kMonday.addDays(-15 - (i % 5)));
    }
    for (int i = 0; i < 30; ++i)
        f.edit(f.contact(QStringLiteral("Famous %1").arg(i))).highProfile = true;
    const WeekPlan plan = f.plan(kMonday);
    EXPECT_EQ(actionsOf(plan, PlanActionKind::Engage).size() + actionsOf(plan, PlanActionKind::Follow).size(), 4);
    const auto engage = actionsOf(plan, PlanActionKind::Engage);
    ASSERT_FALSE(engage.isEmpty());
    EXPECT_TRUE(engage[0].reason.startsWith(QStringLiteral("request pending for 19 days"))) << "the oldest first";
}

TEST(PlanParts, ProgressIsDoneOverTheWeeksTarget)
{
    PlanFixture f;
    for (int i = 0; i < 3; ++i) {
        const qint64 id = f.contact(QStringLiteral("Sent %1").arg(i));
        f.log(id, InteractionKind::RequestSent, kMonday);
    }
    for (int i = 0; i < 10; ++i)
        f.contact(QStringLiteral("Prospect %1").arg(i));
    const WeekPlan plan = f.plan(kThursday);
    EXPECT_EQ(plan.requests, (PlanProgress { 3, 4 }));
    EXPECT_EQ(plan.followUps, (PlanProgress { 0, 0 })) << "nothing due: nothing to aim at";
    for (int i = 0; i < 5; ++i)
        f.log(f.contact(QStringLiteral("More %1").arg(i)), InteractionKind::RequestSent, kTuesday);
    EXPECT_EQ(f.plan(kThursday).requests, (PlanProgress { 8, 4 })) << "more than the rule is shown as it is";
}

TEST(PlanParts, AWeekThatHasNotStartedHasNothingOverdue)
{
    PlanFixture f;
    const qint64 accepted = f.contact(QStringLiteral("Accepted"));
    f.log(accepted, InteractionKind::RequestSent, kMonday.addDays(-5));
    f.log(accepted, InteractionKind::RequestAccepted, kMonday.addDays(-2));
    f.connection(QStringLiteral("Close"), 30, QDate(2025, 1, 1));
    const WeekPlan next = f.plan(kThursday, kMonday.addDays(7));
    ASSERT_FALSE(next.actions.isEmpty());
    for (const PlanAction& action : next.actions)
        EXPECT_NE(action.state, PlanActionState::Overdue) << toKey(action.kind).toStdString();
}

TEST(PlanParts, SkippingOneRequestLeavesTheOthersOnTheirDays)
{
    PlanFixture f;
    QList<qint64> ids;
    for (int i = 0; i < 6; ++i)
        ids.append(f.contact(QStringLiteral("Prospect %1").arg(i), false, QDate(2026, 1, 1).addDays(i)));
    const auto before = actionsOf(f.plan(kMonday), PlanActionKind::SendRequest);
    ASSERT_EQ(contactsOf(before), (QList<qint64> { ids[0], ids[1], ids[2], ids[3] }));
    f.adjustments = { { ids[1], PlanActionKind::SendRequest, kMonday, QDate(), true } };
    const auto after = actionsOf(f.plan(kMonday), PlanActionKind::SendRequest);
    ASSERT_EQ(after.size(), 4);
    for (const PlanAction& request : before) {
        if (request.contactId == ids[1])
            continue;
        const auto same = std::find_if(after.cbegin(), after.cend(),
                                       [&](const PlanAction& a) { return a.contactId == request.contactId; });
        ASSERT_NE(same, after.cend());
        EXPECT_EQ(same->date, request.date) << "the others stay put";
    }
    const auto replacement
        = std::find_if(after.cbegin(), after.cend(), [&](const PlanAction& a) { return a.contactId == ids[4]; });
    ASSERT_NE(replacement, after.cend());
    EXPECT_EQ(replacement->date, before[1].date) << "the next prospect takes the skipped one's day";
}

// Issue: the seeds' etiquette. "Try again in a few months", once; "graciously move on".
TEST(PlanParts, SomeoneAskedBeforeIsAskedAgainOnceWithANote)
{
    const auto planned = [](PlanFixture& f, qint64 id) {
        for (const PlanAction& action : actionsOf(f.plan(kThursday), PlanActionKind::SendRequest)) {
            if (action.contactId == id)
                return std::optional<PlanAction>(action);
        }
        return std::optional<PlanAction>();
    };
    {
        PlanFixture f;
        const qint64 id = f.contact(QStringLiteral("Declined once"));
        f.log(id, InteractionKind::RequestSent, kThursday.addDays(-110));
        f.log(id, InteractionKind::RequestDeclined, kThursday.addDays(-100));
        const auto again = planned(f, id);
        ASSERT_TRUE(again) << "declined 100 days ago: asked once more";
        EXPECT_TRUE(again->withNote) << "always with a personalized note";
        f.log(id, InteractionKind::RequestSent, kThursday.addDays(-95));
        f.log(id, InteractionKind::RequestDeclined, kThursday.addDays(-91));
        EXPECT_FALSE(planned(f, id)) << "declined twice: never again";
    }
    {
        PlanFixture f;
        const qint64 id = f.contact(QStringLiteral("No answer"));
        f.log(id, InteractionKind::RequestSent, kThursday.addDays(-100));
        ASSERT_TRUE(planned(f, id)) << "no answer to a request sent 100 days ago: retried once";
        f.log(id, InteractionKind::RequestSent, kThursday.addDays(-60));
        EXPECT_FALSE(planned(f, id)) << "a second no answer: never again";
        PlanFixture young;
        const qint64 recent = young.contact(QStringLiteral("Recent"));
        young.log(recent, InteractionKind::RequestSent, kThursday.addDays(-60));
        EXPECT_FALSE(planned(young, recent)) << "90 days after it was sent, not before";
    }
    {
        PlanFixture f;
        const qint64 id = f.contact(QStringLiteral("Withdrawn"));
        f.log(id, InteractionKind::RequestSent, kThursday.addDays(-300));
        f.log(id, InteractionKind::RequestWithdrawn, kThursday.addDays(-290));
        EXPECT_FALSE(planned(f, id)) << "a withdrawn request is not planned again";
        EXPECT_EQ(f.stages(kThursday).value(id), Stage::Withdrawn);
    }
    {
        PlanFixture f;
        const qint64 fresh = f.contact(QStringLiteral("Fresh"), false, QDate(2026, 6, 1));
        const qint64 retry = f.contact(QStringLiteral("Retry"), false, QDate(2025, 1, 1));
        f.log(retry, InteractionKind::RequestSent, kThursday.addDays(-200));
        f.rule = CadenceRule::custom(1, 1, 1);
        EXPECT_EQ(contactsOf(actionsOf(f.plan(kThursday), PlanActionKind::SendRequest)), QList<qint64> { fresh })
            << "someone never asked comes before someone asked before";
    }
}

TEST(PlanParts, ALiveConversationIsNotPestering)
{
    PlanFixture f;
    const qint64 id = f.connection(QStringLiteral("Friend"), 30, QDate(2024, 1, 1));
    for (int i = 0; i < 4; ++i) {
        f.log(id, InteractionKind::MessageReceived, kThursday.addDays(-100 + i * 10));
        f.log(id, InteractionKind::MessageSent, f.at(kThursday.addDays(-100 + i * 10), 15));
    }
    EXPECT_EQ(actionsOf(f.plan(kThursday), PlanActionKind::CheckIn).size(), 1)
        << "4 messages, each an answer: still checked in on";
}

TEST(PlanParts, SomeoneMetThisWeekIsAskedRightAfterTheStarred)
{
    PlanFixture f;
    f.rule = CadenceRule::custom(1, 1, 1);
    const qint64 older = f.contact(QStringLiteral("Older"), false, QDate(2025, 1, 1));
    f.edit(older).school = QStringLiteral("Yale");
    const qint64 met = f.contact(QStringLiteral("Met"), false, QDate(2026, 11, 20));
    f.log(met, InteractionKind::Met, kThursday.addDays(-2));
    const auto requests = actionsOf(f.plan(kThursday), PlanActionKind::SendRequest);
    ASSERT_EQ(contactsOf(requests), QList<qint64> { met }) << "send the request within the same week";
    EXPECT_TRUE(requests[0].reason.contains(QStringLiteral("met 2 days ago"))) << requests[0].reason.toStdString();
    EXPECT_NE(older, met);
}

TEST(ContactHistoryFold, CountsUnansweredOutreachSinceTheirLastReply)
{
    PlanFixture f;
    const PlanCalendar calendar(kThursday, kThursday, f.locale, QTimeZone::utc());
    const auto entry = [&](InteractionKind kind, int daysAgo) {
        return PlanSnapshot::Entry { 1, f.at(kThursday.addDays(-daysAgo)).toMSecsSinceEpoch(), kind, false };
    };
    const QList<PlanSnapshot::Entry> log {
        entry(InteractionKind::RequestSent, 300), entry(InteractionKind::RequestAccepted, 290),
        entry(InteractionKind::MessageSent, 200), // outside the 180 days
        entry(InteractionKind::MessageSent, 150), entry(InteractionKind::MessageReceived, 120),
        entry(InteractionKind::MessageSent, 100), entry(InteractionKind::ContentShared, 50),
        entry(InteractionKind::Note, 1)
    };
    const ContactHistory history = ContactHistory::fold(log, calendar, f.limits);
    EXPECT_EQ(history.stage, Stage::Connected);
    EXPECT_EQ(history.unansweredOutreach, 2);
    EXPECT_EQ(history.requestsSent, 1);
    EXPECT_TRUE(history.requestedByUser());
    EXPECT_EQ(history.followUpMs, log[2].atMs) << "the first message after the acceptance";
    EXPECT_EQ(history.lastTouchMs, log[6].atMs) << "a note to self is not contact";
    EXPECT_EQ(history.unansweredReceivedMs, ContactHistory::kNever);
}

} // namespace
} // namespace rapport::test

namespace rapport::test {
namespace {

// "The suggested template ignores how we know the person": a note written for alumni goes to an alum, one for
// an event to someone met at one, and a general note to anyone else.
TEST(PlanParts, TheSuggestedNoteFitsHowWeKnowThePerson)
{
    PlanFixture f;
    const auto note = [](qint64 id, const char* name, const char* body, QStringList forHowWeKnow) {
        Template item;
        item.id = id;
        item.name = QString::fromUtf8(name);
        item.kind = TemplateKind::ConnectionNote;
        item.body = QString::fromUtf8(body);
        item.forHowWeKnow = std::move(forHowWeKnow);
        return item;
    };
    f.templates
        = { note(1, "Admire your work", "Hi {first_name}, I enjoy your posts on {topic}.", {}),
            note(2, "Met at an event", "Hi {first_name}, great meeting you at {event}.",
                 { QStringLiteral("met_at_event") }),
            note(3, "Fellow alum", "Hi {first_name}, I also went to {school}.", { QStringLiteral("studied_together") }),
            note(4, "Mutual connection", "Hi {first_name}, {mutual_connection} suggested we connect.",
                 { QStringLiteral("introduced") }) };
    const auto with = [&](const char* name, const char* howWeKnow) {
        const qint64 id = f.contact(QString::fromUtf8(name));
        Contact& contact = f.edit(id);
        contact.howWeKnow = QString::fromUtf8(howWeKnow);
        contact.topic = QStringLiteral("compilers");
        contact.event = QStringLiteral("FOSDEM");
        contact.school = QStringLiteral("KTH");
        contact.mutualConnection = QStringLiteral("Ines");
        return id;
    };
    const qint64 alum = with("Alum", "studied_together");
    const qint64 met = with("Met", "met_at_event");
    const qint64 introduced = with("Introduced", "introduced");
    const qint64 colleague = with("Colleague", "worked_together");
    QHash<qint64, QString> suggested;
    for (const PlanAction& action : actionsOf(f.plan(kMonday), PlanActionKind::SendRequest))
        suggested.insert(action.contactId, action.templateName);
    EXPECT_EQ(suggested.value(alum), QStringLiteral("Fellow alum"));
    EXPECT_EQ(suggested.value(met), QStringLiteral("Met at an event"));
    EXPECT_EQ(suggested.value(introduced), QStringLiteral("Mutual connection"));
    EXPECT_EQ(suggested.value(colleague), QStringLiteral("Admire your work")) << "a note for anyone";
}

} // namespace
} // namespace rapport::test

namespace rapport::test {
namespace {

TEST(PlanParts, ACheckInSnoozedToNextWeekLeavesItsPlaceToOneThatWaits)
{
    PlanFixture f;
    f.rule.checkInsPerWeek = 1;
    const qint64 first = f.connection(QStringLiteral("First"), 30, QDate(2024, 1, 1), true);
    const qint64 second = f.connection(QStringLiteral("Second"), 30, QDate(2024, 1, 1));
    EXPECT_EQ(contactsOf(actionsOf(f.plan(kMonday), PlanActionKind::CheckIn)), QList<qint64> { first });
    f.adjustments = { { first, PlanActionKind::CheckIn, kMonday, kMonday.addDays(7), false } };
    const WeekPlan plan = f.plan(kMonday);
    EXPECT_EQ(contactsOf(actionsOf(plan, PlanActionKind::CheckIn)), QList<qint64> { second });
    EXPECT_FALSE(contactsOf(plan.keepInTouch).contains(first)) << "snoozed: out of this week's list";
}

} // namespace
} // namespace rapport::test

namespace rapport::test {
namespace {

TEST(PlanParts, LongAgoReadsInMonthsAndYears)
{
    PlanFixture f;
    f.connection(QStringLiteral("Old friend"), 30, QDate(2019, 6, 1));
    f.connection(QStringLiteral("Last summer"), 90, QDate(2026, 6, 1));
    QStringList reasons;
    for (const PlanAction& action : actionsOf(f.plan(kMonday), PlanActionKind::CheckIn))
        reasons.append(action.reason);
    EXPECT_TRUE(reasons.join(u'\n').contains(QStringLiteral("last contact 7 years ago")))
        << reasons.join(u'\n').toStdString();
    EXPECT_TRUE(reasons.join(u'\n').contains(QStringLiteral("last contact 5 months ago")))
        << reasons.join(u'\n').toStdString();
}

} // namespace
} // namespace rapport::test

namespace rapport::test {
namespace {

// "...else the best-performing connection note": with enough answers, the note accepted most often.
TEST(PlanParts, WithoutANoteForHowWeKnowThemTheBestPerformingNoteIsSuggested)
{
    const auto note = [](qint64 id, const char* name) {
        Template item;
        item.id = id;
        item.name = QString::fromUtf8(name);
        item.kind = TemplateKind::ConnectionNote;
        item.body = QStringLiteral("Hi {first_name}, I enjoy your posts about {topic}.");
        return item;
    };
    PlanFixture f;
    f.templates = { note(1, "Plain"), note(2, "Better") };
    // Six answered requests each: "Plain" accepted once, "Better" five times.
    for (int i = 0; i < 12; ++i) {
        const qint64 id = f.contact(QStringLiteral("Asked %1").arg(i));
        const bool better = i % 2 == 1;
        f.log(id, InteractionKind::RequestSent, QDate(2026, 6, 1).addDays(i), QStringLiteral("Hi"),
              better ? QStringLiteral("Better") : QStringLiteral("Plain"));
        const bool accepted = better ? i != 11 : i == 0;
        f.log(id, accepted ? InteractionKind::RequestAccepted : InteractionKind::RequestDeclined,
              QDate(2026, 6, 5).addDays(i));
    }
    const qint64 prospect = f.contact(QStringLiteral("Colleague"), true);
    f.edit(prospect).topic = QStringLiteral("compilers");
    f.edit(prospect).howWeKnow = QStringLiteral("worked_together");
    const auto suggested = [&] {
        for (const PlanAction& action : actionsOf(f.plan(kMonday), PlanActionKind::SendRequest)) {
            if (action.contactId == prospect)
                return action.templateName;
        }
        return QString();
    };
    EXPECT_EQ(suggested(), QStringLiteral("Better"));
    f.templates = { note(1, "Plain"), note(3, "Untried") };
    EXPECT_EQ(suggested(), QStringLiteral("Plain")) << "a note with 5 answers or more before an untried one";
}

} // namespace
} // namespace rapport::test
