#pragma once

#include "core/cadence/WeekPlan.h"
#include "core/cadence/plan/PlanCalendar.h"
#include "core/domain/Contact.h"
#include "core/domain/Template.h"

#include <QCoreApplication>

// What the plan's parts share to make their actions.
namespace rapport::plan {

inline QString tr(const char* text)
{
    return QCoreApplication::translate("WeekPlanner", text);
}

// How many of the five personalization fields (how we know them, event, mutual connection, school, topic)
// are filled in: more means a better note, so an earlier request.
int personalizationContext(const Contact& contact);
// The planner's order of prospects, before anything that happened: starred first, then the most
// personalization context, then the oldest added (PlanSnapshotLoader walks an index in this order).
bool staticPriority(const Contact& a, const Contact& b);

// "today", "yesterday", "4 days ago".
QString ago(qint64 days);

PlanAction newAction(PlanActionKind kind, const Contact& contact, const QString& reason);
// An action logged in the week: shown as done on its day.
PlanAction doneAction(PlanActionKind kind, const Contact& contact, qint64 atMs, const QString& reason,
                      const PlanCalendar& calendar);
// Dates an action due on `due`: on the first open day at the earliest, overdue when it was due on an earlier
// day of this week.
void placeDue(PlanAction& action, const QDate& due, const PlanCalendar& calendar);
// Suggests a template of `kind` that this contact fills in completely ({my_name} comes from the user's
// profile at copy time), within `maxLength` when there is one: the first written for how we know the
// contact, else the first written for anyone, else the first that fits.
void suggestTemplate(PlanAction& action, const QList<Template>& templates, TemplateKind kind, const Contact& contact,
                     qsizetype maxLength = -1);

} // namespace rapport::plan
