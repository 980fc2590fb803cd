#pragma once

#include "core/Result.h"
#include "core/cadence/WeekPlan.h"

#include <QDate>
#include <QLocale>
#include <QTimeZone>

namespace rapport {

class Database;

// The week's plan for what is stored: reads the settings (rule, limits, account type) and a snapshot of
// the contacts and the log, then plans in memory with the WeekPlanner. What the CLI and the GUI call.
// The last few plans are kept until the data changes (Database::revision), so that asking again for the
// same week is free.
class PlanService
{
public:
    static Result<WeekPlan> weekPlan(Database& database, const QDate& anyDayOfWeek, const QDate& today,
                                     const QLocale& locale = QLocale(),
                                     const QTimeZone& zone = QTimeZone::systemTimeZone());

private:
    static Result<WeekPlan> plan(Database& database, const QDate& anyDayOfWeek, const QDate& today,
                                 const QLocale& locale, const QTimeZone& zone);
};

} // namespace rapport
