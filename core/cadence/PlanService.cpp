#include "core/cadence/PlanService.h"

#include "core/cadence/CadenceSettings.h"
#include "core/cadence/PlanSnapshot.h"
#include "core/cadence/WeekPlanner.h"

namespace rapport {

Result<WeekPlan> PlanService::weekPlan(Database& database, const QDate& anyDayOfWeek, const QDate& today,
                                       const QLocale& locale, const QTimeZone& zone)
{
    const CadenceSettings settings(database);
    auto rule = settings.rule();
    if (!rule)
        return Error { rule.error() };
    auto limits = settings.limits();
    if (!limits)
        return Error { limits.error() };
    auto account = settings.accountType();
    if (!account)
        return Error { account.error() };
    const WeekPlanner planner(*rule, *limits, *account, locale, zone);
    auto snapshot = PlanSnapshot::load(database, planner.window(anyDayOfWeek, today));
    if (!snapshot)
        return Error { snapshot.error() };
    return planner.plan(*snapshot, anyDayOfWeek, today);
}

} // namespace rapport
