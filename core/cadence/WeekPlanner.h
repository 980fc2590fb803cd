#pragma once

#include "core/cadence/AccountType.h"
#include "core/cadence/CadenceRule.h"
#include "core/cadence/Limits.h"
#include "core/cadence/PlanSnapshot.h"
#include "core/cadence/WeekPlan.h"

#include <QDate>
#include <QLocale>
#include <QTimeZone>

namespace rapport {

// The weekly plan (domain: The weekly plan) as a pure function of a snapshot of the database, the rule,
// the limits, the week and today: the same inputs give the same plan.
//
// It reads as the list of its parts (core/cadence/plan/PlanParts.h): requests, follow-ups, replies,
// check-ins, engage suggestions, each folded from the same per-contact history.
// - The week starts on the locale's first day of the week; requests go on the locale's working days.
// - Days before today never get new actions; what was due on an earlier day of this week and is not done
//   shows on today as overdue. A week that is over shows only what was done in it.
// - A logged action replaces its planned one: it shows as done on the day it was logged and counts in
//   the progress.
// - Times in the log are UTC; `zone` says which calendar day they fall on.
// - The user's adjustments of the week (PlanAdjustment) apply to what is still to do: a skipped action is
//   not planned (a skipped prospect leaves the place to the next one), a moved one shows on its new day
//   (on today, overdue, if that day has passed; a request stays put if its new day is at a limit), and
//   one moved past the week's end leaves the week: the next week plans it again as still due.
class WeekPlanner
{
public:
    WeekPlanner(CadenceRule rule, Limits limits, AccountType account = AccountType::Premium, QLocale locale = QLocale(),
                QTimeZone zone = QTimeZone::systemTimeZone());

    // The plan of the week holding `anyDayOfWeek`, as seen on `today`.
    WeekPlan plan(const PlanSnapshot& snapshot, const QDate& anyDayOfWeek, const QDate& today) const;
    // What plan() reads of the database for that week: PlanSnapshotLoader::forWeek(database, window(...)).
    PlanSnapshot::Window window(const QDate& anyDayOfWeek, const QDate& today) const;

    // The first day of the week holding `day`, by the locale's first day of the week.
    static QDate weekStart(const QDate& day, const QLocale& locale);

private:
    CadenceRule m_rule;
    Limits m_limits;
    AccountType m_account;
    QLocale m_locale;
    QTimeZone m_zone;
};

} // namespace rapport
