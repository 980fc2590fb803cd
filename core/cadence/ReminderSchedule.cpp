#include "core/cadence/ReminderSchedule.h"

#include "core/cadence/WeekPlan.h"

#include <QCoreApplication>

namespace rapport {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ReminderSchedule", text);
}

QString count(int n, const char* one, const char* many)
{
    return n == 1 ? tr(one) : tr(many).arg(n);
}

} // namespace

ReminderSchedule::ReminderSchedule(ReminderSetting setting, QTimeZone zone)
    : m_setting(setting)
    , m_zone(std::move(zone))
{
}

QDateTime ReminderSchedule::on(const QDate& date) const
{
    // Built from the UTC offset in force at the start of the day, then checked: a local time the clocks
    // skip moves on by the jump, a repeated one is taken at its first occurrence.
    const QDateTime midnight = date.startOfDay(m_zone);
    const qint64 offset = m_zone.offsetFromUtc(midnight);
    const QDateTime guess = QDateTime(date, m_setting.time, Qt::UTC).addSecs(-offset).toTimeZone(m_zone);
    if (guess.date() == date && guess.time() == m_setting.time)
        return guess;
    const QDateTime local(date, m_setting.time, m_zone);
    if (local.isValid() && local.date() == date && local.time() == m_setting.time)
        return local;
    return guess;
}

QDateTime ReminderSchedule::nextAfter(const QDateTime& now) const
{
    const QDate today = now.toTimeZone(m_zone).date();
    const int ahead = (int(m_setting.day) - today.dayOfWeek() + 7) % 7;
    QDateTime candidate = on(today.addDays(ahead));
    if (candidate <= now)
        candidate = on(today.addDays(ahead + 7));
    return candidate;
}

QDateTime ReminderSchedule::latestUntil(const QDateTime& now) const
{
    const QDate today = now.toTimeZone(m_zone).date();
    const int back = (today.dayOfWeek() - int(m_setting.day) + 7) % 7;
    QDateTime candidate = on(today.addDays(-back));
    if (candidate > now)
        candidate = on(today.addDays(-back - 7));
    return candidate;
}

bool ReminderSchedule::missedSince(const QDateTime& lastShown, const QDateTime& now) const
{
    if (!lastShown.isValid())
        return false;
    return latestUntil(now) > lastShown;
}

QString ReminderSchedule::text(const WeekPlan& plan)
{
    const QString requests
        = count(plan.toDo(PlanActionKind::SendRequest), QT_TRANSLATE_NOOP("ReminderSchedule", "1 request"),
                QT_TRANSLATE_NOOP("ReminderSchedule", "%1 requests"));
    const QString followUps
        = count(plan.toDo(PlanActionKind::FollowUp), QT_TRANSLATE_NOOP("ReminderSchedule", "1 follow-up"),
                QT_TRANSLATE_NOOP("ReminderSchedule", "%1 follow-ups"));
    const QString checkIns
        = count(plan.toDo(PlanActionKind::CheckIn), QT_TRANSLATE_NOOP("ReminderSchedule", "1 check-in"),
                QT_TRANSLATE_NOOP("ReminderSchedule", "%1 check-ins"));
    // Replies are named only when there are some: most weeks have none.
    const int replies = plan.toDo(PlanActionKind::Reply);
    if (replies == 0)
        return tr("This week: %1, %2, %3 due").arg(requests, followUps, checkIns);
    return tr("This week: %1, %2, %3, %4 due")
        .arg(requests, followUps, checkIns,
             count(replies, QT_TRANSLATE_NOOP("ReminderSchedule", "1 reply"),
                   QT_TRANSLATE_NOOP("ReminderSchedule", "%1 replies")));
}

} // namespace rapport
