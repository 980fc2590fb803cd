#pragma once

#include <QDateTime>
#include <QString>
#include <QTime>
#include <QTimeZone>

namespace rapport {

struct WeekPlan;

// When the weekly reminder shows (domain: Reminders): a day of the week and a local time, or never.
struct ReminderSetting
{
    Qt::DayOfWeek day = Qt::Monday;
    QTime time = QTime(9, 0);
    bool enabled = true;

    bool operator==(const ReminderSetting&) const = default;
};

// The weekly reminder's times in a time zone. The reminder keeps its local time across daylight-saving
// changes; on a day where that time does not exist (the clocks jump over it) it shows at the same
// distance after the jump (02:30 in a 02:00 -> 03:00 jump shows at 03:30); where it exists twice, at the
// first.
class ReminderSchedule
{
public:
    explicit ReminderSchedule(ReminderSetting setting = {}, QTimeZone zone = QTimeZone::systemTimeZone());

    // The first reminder strictly after `now`.
    QDateTime nextAfter(const QDateTime& now) const;
    // The last reminder at or before `now`.
    QDateTime latestUntil(const QDateTime& now) const;
    // Whether a reminder came due after `lastShown` and by `now` (the computer was off or the app closed):
    // shown at the next start, once. Never true before a first reminder was ever shown.
    bool missedSince(const QDateTime& lastShown, const QDateTime& now) const;

    // "This week: 4 requests, 2 follow-ups, 3 check-ins due", from what the plan still asks.
    static QString text(const WeekPlan& plan);

private:
    QDateTime on(const QDate& date) const;

    ReminderSetting m_setting;
    QTimeZone m_zone;
};

} // namespace rapport
