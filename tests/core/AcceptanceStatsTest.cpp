#include "core/stats/AcceptanceStats.h"
#include "core/stats/HealthVerdict.h"
#include "core/stats/LocalDayMapper.h"
#include "core/stats/StatsSnapshot.h"

#include <gtest/gtest.h>

namespace rapport {
namespace {

// Monday 2 March 2026: the first day of week 0 in these tests.
const QDate kMonday(2026, 3, 2);
const AcceptanceStats::Calendar kUtcMondays { Qt::Monday, QTimeZone::utc() };

QDateTime noonOn(QDate date, int hour = 12)
{
    return QDateTime(date, QTime(hour, 0), Qt::UTC);
}

AcceptanceReport statsOf(const StatsSnapshot& snapshot, QDate today, DateRange period = {},
                         int noResponseDays = StageResolver::kDefaultNoResponseDays)
{
    return AcceptanceStats::compute(snapshot, period, today, noResponseDays, kUtcMondays);
}

RateCount counts(int accepted, int declined, int withdrawn, int noAnswer, int open)
{
    return RateCount { accepted, declined, withdrawn, noAnswer, open };
}

// --- Wilson score interval -------------------------------------------------------------------------

struct WilsonCase
{
    int successes;
    int trials;
    double low; // hand-computed with the score formula, z = 1.959964
    double high;
};

class WilsonIntervalTest : public ::testing::TestWithParam<WilsonCase>
{
};

TEST_P(WilsonIntervalTest, MatchesTheScoreFormula)
{
    const WilsonCase& c = GetParam();
    const auto interval = wilsonInterval(c.successes, c.trials);
    ASSERT_TRUE(interval.has_value());
    EXPECT_NEAR(interval->low, c.low, 1e-6);
    EXPECT_NEAR(interval->high, c.high, 1e-6);
}

INSTANTIATE_TEST_SUITE_P(KnownValues, WilsonIntervalTest,
                         ::testing::Values(WilsonCase { 0, 4, 0.0, 0.489891 }, WilsonCase { 4, 4, 0.510109, 1.0 },
                                           WilsonCase { 12, 30, 0.245906, 0.576796 },
                                           WilsonCase { 1, 1, 0.206549, 1.0 },
                                           WilsonCase { 5, 10, 0.236593, 0.763407 }));

TEST(WilsonInterval, NoTrialsHaveNoRateAndNoInterval)
{
    EXPECT_FALSE(wilsonInterval(0, 0).has_value());
    EXPECT_FALSE(RateCount().rate().has_value());
    EXPECT_FALSE(RateCount().interval().has_value());
    // Open requests are not trials: three of them still give no rate.
    EXPECT_FALSE(counts(0, 0, 0, 0, 3).rate().has_value());
}

TEST(RateCount, RateIsAcceptedOverDecidedLeavingOpenOnesOut)
{
    const RateCount count = counts(3, 2, 1, 4, 7);
    EXPECT_EQ(count.decided(), 10);
    EXPECT_EQ(count.sent(), 17);
    EXPECT_DOUBLE_EQ(*count.rate(), 0.3);
}

// --- Outcomes --------------------------------------------------------------------------------------

struct TimeoutCase
{
    int daysSinceSent;
    RequestOutcome expected;
};

class TimeoutEdgeTest : public ::testing::TestWithParam<TimeoutCase>
{
};

TEST_P(TimeoutEdgeTest, UnansweredRequestBecomesNoAnswerOnTheTimeoutsDay)
{
    StatsSnapshot snapshot;
    snapshot.add(1, InteractionKind::RequestSent, noonOn(kMonday, 23));
    const AcceptanceReport report = statsOf(snapshot, kMonday.addDays(GetParam().daysSinceSent));
    RateCount expected;
    expected.add(GetParam().expected);
    EXPECT_EQ(report.overall, expected);
}

INSTANTIATE_TEST_SUITE_P(TwentyOneDays, TimeoutEdgeTest,
                         ::testing::Values(TimeoutCase { 0, RequestOutcome::Open },
                                           TimeoutCase { 20, RequestOutcome::Open },
                                           TimeoutCase { 21, RequestOutcome::NoAnswer },
                                           TimeoutCase { 60, RequestOutcome::NoAnswer }));

TEST(AcceptanceStats, TheTimeoutIsAParameter)
{
    StatsSnapshot snapshot;
    snapshot.add(1, InteractionKind::RequestSent, noonOn(kMonday));
    EXPECT_EQ(statsOf(snapshot, kMonday.addDays(14), {}, 14).overall, counts(0, 0, 0, 1, 0));
    EXPECT_EQ(statsOf(snapshot, kMonday.addDays(13), {}, 14).overall, counts(0, 0, 0, 0, 1));
}

TEST(AcceptanceStats, DeclinedAndWithdrawnAreNotAccepted)
{
    StatsSnapshot snapshot;
    snapshot.add(1, InteractionKind::RequestSent, noonOn(kMonday));
    snapshot.add(1, InteractionKind::RequestAccepted, noonOn(kMonday.addDays(2)));
    snapshot.add(2, InteractionKind::RequestSent, noonOn(kMonday));
    snapshot.add(2, InteractionKind::RequestDeclined, noonOn(kMonday.addDays(1)));
    snapshot.add(3, InteractionKind::RequestSent, noonOn(kMonday));
    snapshot.add(3, InteractionKind::RequestWithdrawn, noonOn(kMonday.addDays(5)));
    snapshot.add(4, InteractionKind::RequestSent, noonOn(kMonday.addDays(6)));
    const AcceptanceReport report = statsOf(snapshot, kMonday.addDays(7));
    EXPECT_EQ(report.overall, counts(1, 1, 1, 0, 1));
    EXPECT_NEAR(*report.overall.rate(), 1.0 / 3, 1e-12);
}

TEST(AcceptanceStats, AnAcceptanceAfterTheTimeoutTurnsNoAnswerIntoAccepted)
{
    StatsSnapshot snapshot;
    snapshot.add(1, InteractionKind::RequestSent, noonOn(kMonday));
    snapshot.add(1, InteractionKind::RequestAccepted, noonOn(kMonday.addDays(30)));
    // On day 25 the acceptance has not happened yet: the request is past the timeout, no answer.
    EXPECT_EQ(statsOf(snapshot, kMonday.addDays(25)).overall, counts(0, 0, 0, 1, 0));
    // Once it has, the request is accepted, 30 days after it was sent.
    const AcceptanceReport later = statsOf(snapshot, kMonday.addDays(31));
    EXPECT_EQ(later.overall, counts(1, 0, 0, 0, 0));
    EXPECT_EQ(later.medianDaysToAccept(), 30.0);
}

TEST(AcceptanceStats, AnAnswerLoggedAtTheSameInstantAsItsRequestAnswersIt)
{
    // An import logs both at once, sometimes the answer first: as for the stage, the answer wins.
    StatsSnapshot snapshot;
    snapshot.add(1, InteractionKind::RequestAccepted, noonOn(kMonday));
    snapshot.add(1, InteractionKind::RequestSent, noonOn(kMonday));
    EXPECT_EQ(statsOf(snapshot, kMonday.addDays(1)).overall, counts(1, 0, 0, 0, 0));
}

TEST(AcceptanceStats, EachRequestOfAContactHasItsOwnOutcome)
{
    StatsSnapshot snapshot;
    snapshot.add(1, InteractionKind::RequestSent, noonOn(kMonday));
    snapshot.add(1, InteractionKind::RequestDeclined, noonOn(kMonday.addDays(3)));
    // "Try again in a few months": the second request is answered, the first stays declined.
    snapshot.add(1, InteractionKind::RequestSent, noonOn(kMonday.addDays(100)));
    snapshot.add(1, InteractionKind::RequestAccepted, noonOn(kMonday.addDays(101)));
    // A connection that predates Rapport is no request at all.
    snapshot.add(2, InteractionKind::RequestAccepted, noonOn(kMonday));
    EXPECT_EQ(statsOf(snapshot, kMonday.addDays(120)).overall, counts(1, 1, 0, 0, 0));
}

// --- Cohorts ---------------------------------------------------------------------------------------

TEST(AcceptanceStats, RollingRatesSpanFourWeeksAndGaps)
{
    StatsSnapshot snapshot;
    qint64 contact = 0;
    auto request = [&](int week, bool accepted) {
        ++contact;
        const QDate sent = kMonday.addDays(7 * week + 1);
        snapshot.add(contact, InteractionKind::RequestSent, noonOn(sent));
        snapshot.add(contact, accepted ? InteractionKind::RequestAccepted : InteractionKind::RequestDeclined,
                     noonOn(sent.addDays(1)));
    };
    // Week 0: 2 of 4; week 1: 1 of 2; weeks 2 to 5: nothing; week 6: 1 of 1.
    for (bool accepted : { true, true, false, false })
        request(0, accepted);
    request(1, true);
    request(1, false);
    request(6, true);

    const AcceptanceReport report = statsOf(snapshot, kMonday.addDays(7 * 6 + 6));
    ASSERT_EQ(report.weeks.size(), 7);
    EXPECT_EQ(report.weeks[0].key, QStringLiteral("2026-03-02"));
    EXPECT_EQ(report.weeks[6].start, kMonday.addDays(42));
    const struct
    {
        int accepted;
        int decided;
        int rollingAccepted;
        int rollingDecided;
    } expected[] = { { 2, 4, 2, 4 }, { 1, 2, 3, 6 }, { 0, 0, 3, 6 }, { 0, 0, 3, 6 },
                     { 0, 0, 1, 2 }, { 0, 0, 0, 0 }, { 1, 1, 1, 1 } };
    for (int week = 0; week < 7; ++week) {
        SCOPED_TRACE(week);
        EXPECT_EQ(report.weeks[week].counts.accepted, expected[week].accepted);
        EXPECT_EQ(report.weeks[week].counts.decided(), expected[week].decided);
        EXPECT_EQ(report.weeks[week].rolling.accepted, expected[week].rollingAccepted);
        EXPECT_EQ(report.weeks[week].rolling.decided(), expected[week].rollingDecided);
    }
    EXPECT_FALSE(report.weeks[5].rolling.rate().has_value()) << "four empty weeks have no rate, not 0%";
    EXPECT_DOUBLE_EQ(*report.weeks[1].rolling.rate(), 0.5);
}

TEST(AcceptanceStats, RequestsBeforeThePeriodOnlyFeedTheRollingRate)
{
    StatsSnapshot snapshot;
    snapshot.add(1, InteractionKind::RequestSent, noonOn(kMonday));
    snapshot.add(1, InteractionKind::RequestAccepted, noonOn(kMonday.addDays(1)));
    snapshot.add(2, InteractionKind::RequestSent, noonOn(kMonday.addDays(14)));
    snapshot.add(2, InteractionKind::RequestDeclined, noonOn(kMonday.addDays(15)));
    const DateRange period { kMonday.addDays(14), kMonday.addDays(20) };
    const AcceptanceReport report = statsOf(snapshot, kMonday.addDays(30), period);
    EXPECT_EQ(report.overall, counts(0, 1, 0, 0, 0));
    ASSERT_EQ(report.weeks.size(), 1);
    EXPECT_EQ(report.weeks[0].counts, counts(0, 1, 0, 0, 0));
    EXPECT_EQ(report.weeks[0].rolling, counts(1, 1, 0, 0, 0));
    EXPECT_EQ(report.funnel.sent, 1);
}

TEST(AcceptanceStats, GroupsByMonthTemplateSourceAndNote)
{
    StatsSnapshot snapshot;
    snapshot.setSource(1, QStringLiteral("worked_together"));
    snapshot.setSource(2, QStringLiteral("worked_together"));
    snapshot.setSource(3, QStringLiteral("met_at_event"));
    qint64 contact = 0;
    auto request = [&](qint64 id, QDate sent, const QString& templateName, const QString& text, bool accepted) {
        contact = id;
        snapshot.add(contact, InteractionKind::RequestSent, noonOn(sent), templateName, text);
        snapshot.add(contact, accepted ? InteractionKind::RequestAccepted : InteractionKind::RequestDeclined,
                     noonOn(sent.addDays(2)));
    };
    const QString warm = QStringLiteral("Warm intro");
    const QString event = QStringLiteral("After the event");
    // Warm intro: 4 of 5, personalized. After the event: 1 of 5, not personalized. None: 0 of 1.
    for (int i = 0; i < 5; ++i)
        request(10 + i, kMonday.addDays(i), warm, QStringLiteral("Hi!"), i < 4);
    for (int i = 0; i < 5; ++i)
        request(20 + i, kMonday.addDays(28 + i), event, QString(), i == 0);
    request(1, kMonday.addDays(3), QString(), QStringLiteral("  "), false);
    request(2, kMonday.addDays(4), warm, QStringLiteral("Hello"), true);
    request(3, kMonday.addDays(5), event, QString(), true);

    const AcceptanceReport report = statsOf(snapshot, kMonday.addDays(60));
    EXPECT_EQ(report.overall.sent(), 13);

    ASSERT_EQ(report.templates.size(), 3);
    EXPECT_EQ(report.templates[0].key, warm); // 5 of 6
    EXPECT_EQ(report.templates[0].counts, counts(5, 1, 0, 0, 0));
    EXPECT_EQ(report.templates[1].key, event); // 2 of 6
    EXPECT_EQ(report.templates[1].counts, counts(2, 4, 0, 0, 0));
    EXPECT_EQ(report.templates[2].key, QStringLiteral("none")); // too few to tell: last
    EXPECT_TRUE(report.templates[2].counts.tooFewToTell());

    ASSERT_EQ(report.sources.size(), 3);
    EXPECT_EQ(report.sources[0].key, QStringLiteral("unknown")); // 10 requests, 5 accepted
    EXPECT_EQ(report.sources[0].counts, counts(5, 5, 0, 0, 0));
    // Both too few to tell: the larger first.
    EXPECT_EQ(report.sources[1].key, QStringLiteral("worked_together"));
    EXPECT_EQ(report.sources[1].counts, counts(1, 1, 0, 0, 0));
    EXPECT_EQ(report.sources[2].key, QStringLiteral("met_at_event"));

    ASSERT_EQ(report.personalization.size(), 2);
    EXPECT_EQ(report.personalization[0].key, QStringLiteral("personalized"));
    EXPECT_EQ(report.personalization[0].counts, counts(5, 1, 0, 0, 0)); // a blank note is no note
    EXPECT_EQ(report.personalization[1].counts, counts(2, 5, 0, 0, 0));

    ASSERT_EQ(report.months.size(), 3); // to today's month, May, empty
    EXPECT_EQ(report.months[0].key, QStringLiteral("2026-03"));
    EXPECT_EQ(report.months[0].counts.sent(), 10); // 2 to 31 March
    EXPECT_EQ(report.months[1].key, QStringLiteral("2026-04"));
    EXPECT_EQ(report.months[1].counts, counts(0, 3, 0, 0, 0));
    EXPECT_EQ(report.months[2].counts.sent(), 0);
}

TEST(AcceptanceStats, FunnelFollowsAcceptedRequestsToContentAndAReply)
{
    StatsSnapshot snapshot;
    for (qint64 id = 1; id <= 4; ++id)
        snapshot.add(id, InteractionKind::RequestSent, noonOn(kMonday));
    // 1: accepted, content shared, then a reply. 2: accepted, content shared before the acceptance and
    // a message after it: neither counts. 3: accepted, nothing since. 4: declined.
    snapshot.add(1, InteractionKind::RequestAccepted, noonOn(kMonday.addDays(1)));
    snapshot.add(1, InteractionKind::ContentShared, noonOn(kMonday.addDays(4)));
    snapshot.add(1, InteractionKind::MessageReceived, noonOn(kMonday.addDays(5)));
    snapshot.add(2, InteractionKind::ContentShared, noonOn(kMonday, 13));
    snapshot.add(2, InteractionKind::RequestAccepted, noonOn(kMonday.addDays(3)));
    snapshot.add(2, InteractionKind::MessageReceived, noonOn(kMonday.addDays(6)));
    snapshot.add(3, InteractionKind::RequestAccepted, noonOn(kMonday.addDays(8)));
    snapshot.add(4, InteractionKind::RequestDeclined, noonOn(kMonday.addDays(2)));
    const AcceptanceReport report = statsOf(snapshot, kMonday.addDays(10));
    EXPECT_EQ(report.funnel.sent, 4);
    EXPECT_EQ(report.funnel.accepted, 3);
    EXPECT_EQ(report.funnel.followedUp, 1);
    EXPECT_EQ(report.funnel.replied, 1);
    // Accepted after 1, 3 and 8 days.
    EXPECT_EQ(report.daysToAccept, (QList<int> { 0, 1, 0, 1, 0, 0, 0, 0, 1 }));
    EXPECT_EQ(report.medianDaysToAccept(), 3.0);
}

TEST(AcceptanceStats, MedianOfAnEvenCountIsTheMeanOfTheMiddleTwo)
{
    AcceptanceReport report;
    EXPECT_FALSE(report.medianDaysToAccept().has_value());
    report.daysToAccept = { 0, 2, 0, 0, 1, 1 }; // 1, 1, 4, 5
    EXPECT_EQ(report.medianDaysToAccept(), 2.5);
}

TEST(AcceptanceStats, AnEmptyLogGivesAnEmptyReport)
{
    const AcceptanceReport report = statsOf(StatsSnapshot(), kMonday);
    EXPECT_EQ(report.overall.sent(), 0);
    EXPECT_TRUE(report.weeks.isEmpty());
    EXPECT_TRUE(report.templates.isEmpty());
    EXPECT_FALSE(report.medianDaysToAccept().has_value());
}

TEST(AcceptanceStats, WeeksAreCalendarWeeksInTheUsersZone)
{
    // Sunday 8 March 23:30 UTC is already Monday 9 March in Berlin: week 1 there, week 0 in UTC.
    StatsSnapshot snapshot;
    snapshot.add(1, InteractionKind::RequestSent, QDateTime(QDate(2026, 3, 8), QTime(23, 30), Qt::UTC));
    const QDate today = kMonday.addDays(10);
    const AcceptanceReport utc = statsOf(snapshot, today);
    ASSERT_FALSE(utc.weeks.isEmpty());
    EXPECT_EQ(utc.weeks.first().key, QStringLiteral("2026-03-02"));
    const QTimeZone berlin("Europe/Berlin");
    ASSERT_TRUE(berlin.isValid());
    const AcceptanceReport local = AcceptanceStats::compute(snapshot, {}, today, 21, { Qt::Monday, berlin });
    EXPECT_EQ(local.weeks.first().key, QStringLiteral("2026-03-09"));
    // Sunday-first weeks put 8 March (a Sunday) at the start of its week.
    const AcceptanceReport sundays
        = AcceptanceStats::compute(snapshot, {}, today, 21, { Qt::Sunday, QTimeZone::utc() });
    EXPECT_EQ(sundays.weeks.first().key, QStringLiteral("2026-03-08"));
}

TEST(LocalDayMapper, AgreesWithQDateTimeAcrossDaylightSavingChanges)
{
    const QTimeZone zone("America/New_York");
    ASSERT_TRUE(zone.isValid());
    const QDateTime from(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
    const QDateTime to(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC);
    const LocalDayMapper mapper(zone, from.toMSecsSinceEpoch(), to.toMSecsSinceEpoch());
    for (QDateTime time = from; time < to; time = time.addSecs(3 * 3600 + 17 * 60)) {
        ASSERT_EQ(mapper.dateOf(time.toMSecsSinceEpoch()), time.toTimeZone(zone).date())
            << time.toString(Qt::ISODate).toStdString();
    }
}

// --- Periods and the verdict -----------------------------------------------------------------------

TEST(StatsPeriod, PeriodsAreWholeWeeksEndingToday)
{
    const QDate wednesday(2026, 3, 18);
    EXPECT_EQ(rangeOf(StatsPeriod::Last12Weeks, wednesday, Qt::Monday), (DateRange { QDate(2025, 12, 29), wednesday }));
    EXPECT_EQ(rangeOf(StatsPeriod::Last6Months, wednesday, Qt::Monday).from, QDate(2025, 9, 22));
    EXPECT_EQ(rangeOf(StatsPeriod::LastYear, wednesday, Qt::Sunday).from, QDate(2025, 3, 23));
    EXPECT_FALSE(rangeOf(StatsPeriod::All, wednesday, Qt::Monday).from.isValid());
    EXPECT_EQ(previousRangeOf(StatsPeriod::Last12Weeks, wednesday, Qt::Monday),
              (DateRange { QDate(2025, 10, 6), QDate(2025, 12, 28) }));
    EXPECT_FALSE(previousRangeOf(StatsPeriod::All, wednesday, Qt::Monday).has_value());
}

struct VerdictCase
{
    int accepted;
    int decided;
    HealthVerdict::Level level;
};

class HealthVerdictTest : public ::testing::TestWithParam<VerdictCase>
{
};

TEST_P(HealthVerdictTest, ThresholdsAreThirtyAndFiftyPercent)
{
    const VerdictCase& c = GetParam();
    const HealthVerdict verdict = HealthVerdict::of(counts(c.accepted, c.decided - c.accepted, 0, 0, 2));
    EXPECT_EQ(verdict.level, c.level);
    EXPECT_FALSE(verdict.summary.isEmpty());
    EXPECT_EQ(verdict.suggestions.isEmpty(), c.level != HealthVerdict::Level::NeedsAttention);
}

INSTANTIATE_TEST_SUITE_P(Levels, HealthVerdictTest,
                         ::testing::Values(VerdictCase { 0, 0, HealthVerdict::Level::TooFewToTell },
                                           VerdictCase { 0, 4, HealthVerdict::Level::TooFewToTell },
                                           VerdictCase { 29, 100, HealthVerdict::Level::NeedsAttention },
                                           VerdictCase { 3, 10, HealthVerdict::Level::Healthy },
                                           VerdictCase { 5, 10, HealthVerdict::Level::Healthy },
                                           VerdictCase { 51, 100, HealthVerdict::Level::Great }));

TEST(HealthVerdict, SuggestsWhatTheSeedsSuggest)
{
    const QString all = HealthVerdict::of(counts(1, 9, 0, 0, 0)).suggestions.join(u' ');
    for (const char* word : { "Personalize", "Engage", "Target" })
        EXPECT_TRUE(all.contains(QString::fromLatin1(word))) << word;
}

} // namespace
} // namespace rapport
