#pragma once

#include <QDate>
#include <QList>
#include <QLocale>
#include <QTimeZone>

namespace rapport {

// The days one week's plan is made on (domain: The weekly plan): the week by the locale's first day,
// today, the days still open to new actions, and the local calendar day of a time in the log. Times in
// the log are UTC milliseconds; the zone says which day they fall on.
class PlanCalendar
{
public:
    PlanCalendar(const QDate& anyDayOfWeek, const QDate& today, const QLocale& locale, const QTimeZone& zone);

    static QDate weekStart(const QDate& day, const QLocale& locale);

    QDate weekStart() const { return m_weekStart; }
    QDate weekEnd() const { return m_weekStart.addDays(6); }
    QDate today() const { return m_today; }
    // Whether the week is not over: a week that is over shows only what was done in it.
    bool open() const { return m_today <= weekEnd(); }
    // The first day that can take new actions: today, or the week's first day for a week to come.
    QDate firstOpen() const { return std::max(m_today, m_weekStart); }
    // The day the contacts are seen as of: the first open day, or the last day of a week that is over.
    QDate asOf() const { return open() ? firstOpen() : weekEnd(); }
    // The locale's working days of the week, from the first open one on.
    const QList<QDate>& openWorkingDays() const { return m_openWorkingDays; }
    int workingDaysInWeek() const { return m_workingDaysInWeek; }
    bool isWorkingDay(const QDate& day) const { return m_workingDays.contains(Qt::DayOfWeek(day.dayOfWeek())); }

    qint64 startOf(const QDate& date) const;
    qint64 weekStartMs() const { return m_dayStarts[kWeekIndex]; }
    qint64 weekEndMs() const { return m_dayStarts.last(); }
    qint64 asOfEndMs() const { return startOf(asOf().addDays(1)); }
    bool inWeek(qint64 ms) const { return ms >= weekStartMs() && ms < weekEndMs(); }
    // The local calendar day of a time.
    QDate dateOf(qint64 ms) const;

    // Days from 6 before the week to its end, for counting requests a day and in any 7 days: the
    // rolling cap of the week's first day reaches back into the week before.
    static constexpr int kWeekIndex = 6;
    static constexpr int kDays = kWeekIndex + 7;
    // The day of the grid holding `ms`, or -1 outside it.
    int dayIndexOf(qint64 ms) const;
    int dayIndex(const QDate& date) const { return int(m_weekStart.addDays(-kWeekIndex).daysTo(date)); }

private:
    QDate m_weekStart;
    QDate m_today;
    QTimeZone m_zone;
    QList<qint64> m_dayStarts; // kDays + 1 day starts
    QList<Qt::DayOfWeek> m_workingDays;
    QList<QDate> m_openWorkingDays;
    int m_workingDaysInWeek = 0;
    // The zone's offsets from 1970 to the week's end, looked up once: a plan finds the day of thousands of
    // times, and a QTimeZone conversion each would cost more than the whole plan.
    qint64 m_transitionsFromMs = 0;
    qint64 m_transitionsToMs = 0;
    int m_offsetBefore = 0;
    QList<qint64> m_transitions;
    QList<int> m_offsets;
};

} // namespace rapport
