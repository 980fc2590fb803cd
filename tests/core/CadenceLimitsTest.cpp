#include "core/cadence/Limits.h"

#include "TestDatabase.h"

#include <gtest/gtest.h>

namespace rapport {
namespace {

using test::utc;

Interaction entry(qint64 contactId, InteractionKind kind, const QDateTime& at)
{
    Interaction interaction;
    interaction.contactId = contactId;
    interaction.kind = kind;
    interaction.occurredAt = at;
    return interaction;
}

QList<LimitKind> kindsOf(const QList<LimitBreach>& breaches)
{
    QList<LimitKind> kinds;
    for (const LimitBreach& breach : breaches)
        kinds.append(breach.kind);
    return kinds;
}

// `count` requests to other contacts, one an hour from `first`.
QList<Interaction> requests(int count, const QDateTime& first)
{
    QList<Interaction> log;
    for (int i = 0; i < count; ++i)
        log.append(entry(1000 + i, InteractionKind::RequestSent, first.addSecs(i * 3600)));
    return log;
}

TEST(Limits, ANewRequestIsCheckedAgainstEveryLimit)
{
    const QDateTime at = utc(2026, 11, 26, 12);
    struct Case
    {
        const char* name;
        QList<Interaction> log;
        QList<LimitKind> breaches;
    };
    QList<Interaction> ninetyNine;
    for (int day = 1; day <= 6; ++day)
        ninetyNine += requests(day == 6 ? 4 : 19, at.addDays(-day).addSecs(-12 * 3600));
    QList<Interaction> hundred = ninetyNine + requests(1, at.addDays(-1));
    const QList<Case> cases {
        { "an empty log", {}, {} },
        { "19 earlier today", requests(19, utc(2026, 11, 26, 0)), {} },
        { "20 earlier today", requests(20, utc(2026, 11, 26, 0)), { LimitKind::RequestsPerDay } },
        { "20 yesterday", requests(20, utc(2026, 11, 25, 0)), {} },
        { "99 in the last 7 days", ninetyNine, {} },
        { "100 in the last 7 days", hundred, { LimitKind::RequestsPer7Days } },
        { "100 but the oldest 7 days and a minute ago", requests(100, at.addDays(-7).addSecs(-60)), {} },
        { "declined 89 days ago",
          { entry(7, InteractionKind::RequestSent, at.addDays(-100)),
            entry(7, InteractionKind::RequestDeclined, at.addDays(-89)) },
          { LimitKind::DeclinedRecently } },
        { "declined 90 days ago",
          { entry(7, InteractionKind::RequestSent, at.addDays(-100)),
            entry(7, InteractionKind::RequestDeclined, at.addDays(-90)) },
          {} },
        { "withdrawn 20 days ago",
          { entry(7, InteractionKind::RequestSent, at.addDays(-30)),
            entry(7, InteractionKind::RequestWithdrawn, at.addDays(-20)) },
          { LimitKind::WithdrawnRecently } },
        { "withdrawn 21 days ago",
          { entry(7, InteractionKind::RequestSent, at.addDays(-30)),
            entry(7, InteractionKind::RequestWithdrawn, at.addDays(-21)) },
          {} },
        { "someone else declined", { entry(8, InteractionKind::RequestDeclined, at.addDays(-1)) }, {} },
    };
    for (const Case& c : cases) {
        const auto breaches = checkNewRequest(Limits {}, c.log, 7, at, QTimeZone::utc());
        EXPECT_EQ(kindsOf(breaches), c.breaches) << c.name;
        for (const LimitBreach& breach : breaches)
            EXPECT_FALSE(breach.message.isEmpty()) << c.name;
    }
}

TEST(Limits, TheRollingWindowAlsoLooksAhead)
{
    // Logging an old request late: the 7 days after it already hold 100.
    const QDateTime at = utc(2026, 11, 20, 12);
    const auto breaches = checkNewRequest(Limits {}, requests(100, at.addSecs(3600)), 7, at, QTimeZone::utc());
    EXPECT_EQ(kindsOf(breaches), QList<LimitKind> { LimitKind::RequestsPer7Days });
}

TEST(Limits, ADayIsACalendarDayInTheZone)
{
    // 20 requests at 23:00 UTC on the 25th are on the 26th in Berlin.
    const QTimeZone berlin("Europe/Berlin");
    const QList<Interaction> log = requests(1, utc(2026, 11, 25, 23)) + requests(19, utc(2026, 11, 26, 1));
    EXPECT_EQ(kindsOf(checkNewRequest(Limits {}, log, 7, utc(2026, 11, 26, 12), berlin)),
              QList<LimitKind> { LimitKind::RequestsPerDay });
    EXPECT_TRUE(checkNewRequest(Limits {}, log, 7, utc(2026, 11, 26, 12), QTimeZone::utc()).isEmpty());
}

} // namespace
} // namespace rapport
