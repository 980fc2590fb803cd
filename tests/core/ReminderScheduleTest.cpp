#include "core/cadence/ReminderSchedule.h"

#include "core/cadence/WeekPlan.h"

#include <gtest/gtest.h>

namespace rapport {
namespace {

const QTimeZone kBerlin("Europe/Berlin");

QDateTime berlin(int year, int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), kBerlin);
}

TEST(ReminderSchedule, TheNextReminderIsTheSettingsDayAndLocalTime)
{
    const ReminderSchedule schedule({ Qt::Monday, QTime(9, 0) }, kBerlin);
    struct Case
    {
        QDateTime now;
        QDateTime next;
    };
    const QList<Case> cases {
        { berlin(2026, 11, 21, 12), berlin(2026, 11, 23, 9) }, // Saturday
        { berlin(2026, 11, 23, 8, 59), berlin(2026, 11, 23, 9) },
        { berlin(2026, 11, 23, 9), berlin(2026, 11, 30, 9) }, // at the moment: the next one
        { berlin(2026, 11, 23, 10), berlin(2026, 11, 30, 9) },
        // Across the spring change (29 March 2026) and the autumn one (25 October 2026): still 09:00 local.
        { berlin(2026, 3, 27, 12), berlin(2026, 3, 30, 9) },
        { berlin(2026, 10, 24, 12), berlin(2026, 10, 26, 9) },
    };
    for (const Case& c : cases) {
        const QDateTime next = schedule.nextAfter(c.now);
        EXPECT_EQ(next, c.next) << c.now.toString(Qt::ISODate).toStdString() << " -> "
                                << next.toString(Qt::ISODate).toStdString();
        EXPECT_EQ(next.toTimeZone(kBerlin).time(), QTime(9, 0));
    }
    EXPECT_EQ(schedule.nextAfter(berlin(2026, 3, 27, 12)).toUTC().time(), QTime(7, 0)) << "summer time";
    EXPECT_EQ(schedule.nextAfter(berlin(2026, 3, 20, 12)).toUTC().time(), QTime(8, 0)) << "winter time";
}

TEST(ReminderSchedule, ATimeTheClocksSkipShowsJustAfterTheJump)
{
    // On Sunday 29 March 2026 Berlin jumps from 02:00 to 03:00: 02:30 does not exist.
    const ReminderSchedule schedule({ Qt::Sunday, QTime(2, 30) }, kBerlin);
    const QDateTime next = schedule.nextAfter(berlin(2026, 3, 28, 12));
    EXPECT_EQ(next.toUTC(), QDateTime(QDate(2026, 3, 29), QTime(1, 30), Qt::UTC));
    EXPECT_EQ(next.toTimeZone(kBerlin).time(), QTime(3, 30));
    // On 25 October 02:30 happens twice: the first one.
    const QDateTime twice = ReminderSchedule({ Qt::Sunday, QTime(2, 30) }, kBerlin).nextAfter(berlin(2026, 10, 24, 12));
    EXPECT_EQ(twice.toUTC(), QDateTime(QDate(2026, 10, 25), QTime(0, 30), Qt::UTC));
}

TEST(ReminderSchedule, AReminderMissedWhileOffIsShownOnce)
{
    const ReminderSchedule schedule({ Qt::Monday, QTime(9, 0) }, kBerlin);
    struct Case
    {
        const char* name;
        QDateTime lastShown;
        QDateTime now;
        bool missed;
    };
    const QList<Case> cases {
        { "off over Monday morning", berlin(2026, 11, 16, 9), berlin(2026, 11, 24, 10), true },
        { "shown this Monday", berlin(2026, 11, 23, 9, 1), berlin(2026, 11, 24, 10), false },
        { "before this Monday's time", berlin(2026, 11, 16, 9), berlin(2026, 11, 23, 8), false },
        { "off for weeks", berlin(2026, 10, 5, 9), berlin(2026, 11, 24, 10), true },
        { "never shown: a new install", QDateTime(), berlin(2026, 11, 24, 10), false },
        { "across the autumn change", berlin(2026, 10, 19, 9), berlin(2026, 10, 26, 9, 30), true },
    };
    for (const Case& c : cases)
        EXPECT_EQ(schedule.missedSince(c.lastShown, c.now), c.missed) << c.name;
}

TEST(ReminderSchedule, TheTextCountsWhatIsStillToDo)
{
    WeekPlan plan;
    const auto add = [&](PlanActionKind kind, PlanActionState state, int count) {
        for (int i = 0; i < count; ++i) {
            PlanAction action;
            action.kind = kind;
            action.state = state;
            plan.actions.append(action);
        }
    };
    add(PlanActionKind::SendRequest, PlanActionState::Planned, 3);
    add(PlanActionKind::SendRequest, PlanActionState::Overdue, 1);
    add(PlanActionKind::SendRequest, PlanActionState::Done, 2);
    add(PlanActionKind::FollowUp, PlanActionState::Planned, 2);
    add(PlanActionKind::CheckIn, PlanActionState::Overdue, 3);
    EXPECT_EQ(ReminderSchedule::text(plan), QStringLiteral("This week: 4 requests, 2 follow-ups, 3 check-ins due"));
    EXPECT_EQ(ReminderSchedule::text(WeekPlan {}),
              QStringLiteral("This week: 0 requests, 0 follow-ups, 0 check-ins due"));
    plan.actions.clear();
    add(PlanActionKind::SendRequest, PlanActionState::Planned, 1);
    add(PlanActionKind::FollowUp, PlanActionState::Planned, 1);
    add(PlanActionKind::CheckIn, PlanActionState::Planned, 1);
    add(PlanActionKind::Engage, PlanActionState::Planned, 1); // not a check-in: a public post, no message
    EXPECT_EQ(ReminderSchedule::text(plan), QStringLiteral("This week: 1 request, 1 follow-up, 1 check-in due"));
    add(PlanActionKind::Reply, PlanActionState::Planned, 2);
    add(PlanActionKind::Reply, PlanActionState::Done, 1);
    EXPECT_EQ(ReminderSchedule::text(plan),
              QStringLiteral("This week: 1 request, 1 follow-up, 1 check-in, 2 replies due"));
}

} // namespace
} // namespace rapport
