#pragma once

#include "core/Result.h"
#include "core/cadence/PlanSnapshot.h"

namespace rapport {

class Database;

// Reads what the week's plan needs (domain: The weekly plan), by indexed queries, so that the plan of a
// network of 30,000 contacts reads dozens of them, not all:
// - the prospects the week can take, walked in the planner's order of priority (the contacts_priority
//   index) and stopped after as many as the rule's requests plus the user's adjustments: those to ask, those
//   to follow first, and those asked once long enough ago to ask again; and everyone met in the last week;
// - requests sent since the window's start, acceptances in the follow-up window, messages received in the
//   reply window, anyone with an entry in the week, and contacts with a keep-in-touch cadence;
// each with its whole log. The plan made from it equals the plan made from the whole database.
class PlanSnapshotLoader
{
public:
    static Result<PlanSnapshot> forWeek(Database& database, const PlanSnapshot::Window& window);
    // Every contact and the whole log, without adjustments: for tests and comparisons.
    static Result<PlanSnapshot> whole(Database& database);
};

} // namespace rapport
