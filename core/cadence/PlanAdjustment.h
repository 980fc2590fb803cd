#pragma once

#include "core/cadence/WeekPlan.h"

#include <QDate>

namespace rapport {

// What the user changed about one planned action of one week: moved it to another day (dragged, or
// snoozed) or skipped it. Remembered in the database so the plan stays a function of what is stored.
struct PlanAdjustment
{
    qint64 contactId = 0;
    PlanActionKind kind = PlanActionKind::SendRequest;
    QDate weekStart; // the week the action was planned in
    QDate movedTo; // invalid when not moved; a day after the week takes the action out of it
    bool skipped = false;

    bool operator==(const PlanAdjustment&) const = default;
};

} // namespace rapport
