#include "core/cadence/plan/PlanCalendar.h"

#include <algorithm>

namespace rapport {

namespace {

constexpr qint64 kDayMs = qint64(24) * 60 * 60 * 1000;

} // namespace

PlanCalendar::PlanCalendar(const QDate& anyDayOfWeek, const QDate& today, const QLocale& locale, const QTimeZone& zone)
    : m_weekStart(weekStart(anyDayOfWeek, locale))
    , m_today(today)
    , m_zone(zone)
{
    const QDate first = m_weekStart.addDays(-kWeekIndex);
    for (int i = 0; i <= kDays; ++i)
        m_dayStarts.append(first.addDays(i).startOfDay(m_zone).toMSecsSinceEpoch());

    m_workingDays = locale.weekdays();
    for (QDate day = m_weekStart; day <= weekEnd(); day = day.addDays(1)) {
        if (!isWorkingDay(day))
            continue;
        ++m_workingDaysInWeek;
        if (open() && day >= firstOpen())
            m_openWorkingDays.append(day);
    }

    m_transitionsFromMs = QDateTime(QDate(1970, 1, 2), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    m_transitionsToMs = QDateTime(weekEnd().addDays(2), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(m_transitionsFromMs, Qt::UTC);
    m_offsetBefore = m_zone.offsetFromUtc(from);
    for (const QTimeZone::OffsetData& transition :
         m_zone.transitions(from, QDateTime::fromMSecsSinceEpoch(m_transitionsToMs, Qt::UTC))) {
        m_transitions.append(transition.atUtc.toMSecsSinceEpoch());
        m_offsets.append(transition.offsetFromUtc);
    }
}

QDate PlanCalendar::weekStart(const QDate& day, const QLocale& locale)
{
    const int back = (day.dayOfWeek() - int(locale.firstDayOfWeek()) + 7) % 7;
    return day.addDays(-back);
}

qint64 PlanCalendar::startOf(const QDate& date) const
{
    const int index = dayIndex(date);
    if (index >= 0 && index <= kDays)
        return m_dayStarts[index];
    return date.startOfDay(m_zone).toMSecsSinceEpoch();
}

QDate PlanCalendar::dateOf(qint64 ms) const
{
    if (ms < m_transitionsFromMs || ms >= m_transitionsToMs)
        return QDateTime::fromMSecsSinceEpoch(ms, m_zone).date();
    const auto after = std::upper_bound(m_transitions.cbegin(), m_transitions.cend(), ms);
    const int offset = after == m_transitions.cbegin() ? m_offsetBefore : m_offsets[after - m_transitions.cbegin() - 1];
    const qint64 localMs = ms + qint64(offset) * 1000;
    return QDate(1970, 1, 1).addDays(localMs / kDayMs);
}

int PlanCalendar::dayIndexOf(qint64 ms) const
{
    if (ms < m_dayStarts.first() || ms >= m_dayStarts.last())
        return -1;
    return int(std::upper_bound(m_dayStarts.cbegin(), m_dayStarts.cend(), ms) - m_dayStarts.cbegin()) - 1;
}

} // namespace rapport
