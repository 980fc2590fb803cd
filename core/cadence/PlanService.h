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
class PlanService
{
public:
    static Result<WeekPlan> weekPlan(Database& database, const QDate& anyDayOfWeek, const QDate& today,
                                     const QLocale& locale = QLocale(),
                                     const QTimeZone& zone = QTimeZone::systemTimeZone());
};

} // namespace rapport
