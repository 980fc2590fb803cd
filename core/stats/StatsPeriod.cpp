#include "core/stats/StatsPeriod.h"

#include <QCoreApplication>

namespace rapport {

namespace {

int weeksOf(StatsPeriod period)
{
    switch (period) {
    case StatsPeriod::Last12Weeks:
        return 12;
    case StatsPeriod::Last6Months:
        return 26;
    case StatsPeriod::LastYear:
        return 52;
    case StatsPeriod::All:
        break;
    }
    return 0;
}

} // namespace

QDate weekStart(QDate date, Qt::DayOfWeek firstDayOfWeek)
{
    const int back = (date.dayOfWeek() - int(firstDayOfWeek) + 7) % 7;
    return date.addDays(-back);
}

DateRange rangeOf(StatsPeriod period, QDate today, Qt::DayOfWeek firstDayOfWeek)
{
    const int weeks = weeksOf(period);
    if (weeks == 0)
        return { QDate(), today };
    return { weekStart(today, firstDayOfWeek).addDays(-7 * (weeks - 1)), today };
}

std::optional<DateRange> previousRangeOf(StatsPeriod period, QDate today, Qt::DayOfWeek firstDayOfWeek)
{
    const int weeks = weeksOf(period);
    if (weeks == 0)
        return std::nullopt;
    const QDate from = rangeOf(period, today, firstDayOfWeek).from;
    return DateRange { from.addDays(-7 * weeks), from.addDays(-1) };
}

QString displayName(StatsPeriod period)
{
    switch (period) {
    case StatsPeriod::Last12Weeks:
        return QCoreApplication::translate("StatsPeriod", "Last 12 weeks");
    case StatsPeriod::Last6Months:
        return QCoreApplication::translate("StatsPeriod", "Last 6 months");
    case StatsPeriod::LastYear:
        return QCoreApplication::translate("StatsPeriod", "Last year");
    case StatsPeriod::All:
        break;
    }
    return QCoreApplication::translate("StatsPeriod", "All time");
}

} // namespace rapport
