#pragma once

#include <QDate>
#include <QString>

#include <optional>

namespace rapport {

// Days from `from` to `to`, both included. An invalid `from` has no start (everything before `to`).
struct DateRange
{
    QDate from;
    QDate to;

    bool operator==(const DateRange&) const = default;
};

// The periods the Insights place offers. Each ends with the week of `today` and is made of whole
// weeks (12, 26 and 52 of them), so that it compares fairly with the same number of weeks before it.
enum class StatsPeriod
{
    Last12Weeks,
    Last6Months,
    LastYear,
    All,
};

// The first day of the week `date` is in.
QDate weekStart(QDate date, Qt::DayOfWeek firstDayOfWeek);

DateRange rangeOf(StatsPeriod period, QDate today, Qt::DayOfWeek firstDayOfWeek);
// The same number of weeks just before rangeOf(); nothing for All.
std::optional<DateRange> previousRangeOf(StatsPeriod period, QDate today, Qt::DayOfWeek firstDayOfWeek);

QString displayName(StatsPeriod period); // "Last 12 weeks"

} // namespace rapport
