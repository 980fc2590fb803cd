#include "core/cadence/PlanService.h"

#include "core/cadence/CadenceSettings.h"
#include "core/cadence/PlanSnapshot.h"
#include "core/cadence/WeekPlanner.h"

#include "core/storage/Database.h"
#include "core/storage/PlanSnapshotLoader.h"

#include <QList>

#include <algorithm>

namespace rapport {

namespace {

// The plans made last, by connection: the week view and the contacts list ask for the same plan at
// start and after each change, and at 30,000 contacts one plan takes a noticeable moment.
struct CachedPlan
{
    QString connection;
    Database::Revision revision;
    QDate week;
    QDate today;
    QLocale locale;
    QTimeZone zone;
    WeekPlan plan;
};
constexpr qsizetype kCachedPlans = 4;
thread_local QList<CachedPlan> t_cache;

} // namespace

Result<WeekPlan> PlanService::weekPlan(Database& database, const QDate& anyDayOfWeek, const QDate& today,
                                       const QLocale& locale, const QTimeZone& zone)
{
    auto revision = database.revision();
    if (!revision)
        return Error { revision.error() };
    const QString connection = database.connection().connectionName();
    const auto same = [&](const CachedPlan& cached) {
        return cached.connection == connection && cached.revision == *revision && cached.today == today
            && cached.week == anyDayOfWeek && cached.locale == locale && cached.zone == zone;
    };
    if (auto hit = std::find_if(t_cache.cbegin(), t_cache.cend(), same); hit != t_cache.cend())
        return hit->plan;
    auto made = plan(database, anyDayOfWeek, today, locale, zone);
    if (made) {
        if (t_cache.size() == kCachedPlans)
            t_cache.removeFirst();
        t_cache.append({ connection, *revision, anyDayOfWeek, today, locale, zone, *made });
    }
    return made;
}

Result<WeekPlan> PlanService::plan(Database& database, const QDate& anyDayOfWeek, const QDate& today,
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
    auto snapshot = PlanSnapshotLoader::forWeek(database, planner.window(anyDayOfWeek, today));
    if (!snapshot)
        return Error { snapshot.error() };
    return planner.plan(*snapshot, anyDayOfWeek, today);
}

} // namespace rapport
