#pragma once

#include "core/cadence/AccountType.h"
#include "core/cadence/CadenceRule.h"
#include "core/cadence/Limits.h"
#include "core/cadence/PlanAdjustment.h"
#include "core/cadence/WeekPlan.h"
#include "core/cadence/plan/ContactHistory.h"
#include "core/cadence/plan/PlanCalendar.h"
#include "core/domain/Contact.h"
#include "core/domain/Template.h"

#include <QHash>
#include <QList>

// The parts of the weekly plan (domain: The weekly plan), each a function that adds its actions, its
// warnings and what it counts to the plan. WeekPlanner::plan() calls them in order.
namespace rapport::plan {

// A contact as the parts see it: its history folded for the week and its keep-in-touch cadence.
struct PlanContact
{
    const Contact* contact = nullptr;
    ContactHistory history;
    int cadenceDays = 0; // the cadence that applies (its own, else its tags'), 0 for none
};

// The user's moves, snoozes and skips of the week's actions.
class Adjustments
{
public:
    Adjustments(const QList<PlanAdjustment>& adjustments, const QDate& weekStart);

    bool skipped(qint64 contactId, PlanActionKind kind) const;
    // Skipped, or snoozed past the week's end: either way the action leaves its place to the next one.
    bool outOfWeek(qint64 contactId, PlanActionKind kind, const QDate& weekEnd) const;
    // The day the user moved the action to, if they did.
    QDate movedTo(qint64 contactId, PlanActionKind kind) const;
    // Puts a moved action on its new day (today, overdue, if that day has passed); false when it was
    // skipped or moved out of the week.
    bool apply(PlanAction& action, const PlanCalendar& calendar) const;

private:
    QHash<std::pair<qint64, int>, const PlanAdjustment*> m_byAction;
};

struct PlanContext
{
    const PlanCalendar& calendar;
    const CadenceRule& rule;
    const Limits& limits;
    AccountType account;
    const QList<Template>& templates; // the best-performing first (see orderedByAnswers)
    const Adjustments& adjustments;
};

// Requests to prospects (and a second request to those asked once, long enough ago): highest priority
// first, on the open working days, at most the rule's weekly count over working days a day, within
// LinkedIn's daily and 7-day caps and a Basic account's notes a month.
void planRequests(const PlanContext& context, const QList<PlanContact>& contacts, WeekPlan& plan);
// Follow-ups with content after an acceptance inside the follow-up window, the most recent first.
void planFollowUps(const PlanContext& context, const QList<PlanContact>& contacts, WeekPlan& plan);
// Replies to messages received in the reply window and not answered, due the next day.
void planReplies(const PlanContext& context, const QList<PlanContact>& contacts, WeekPlan& plan);
// Keep-in-touch check-ins for contacts with a cadence: starred, then the most overdue; the rest wait,
// listed in plan.keepInTouch.
void planCheckIns(const PlanContext& context, const QList<PlanContact>& contacts, WeekPlan& plan);
// Engage suggestions, within the rule's requests a week: requests pending too long (oldest first), then
// warming up before the week's planned requests, then following and engaging with those the advisor
// says to follow first. Runs after planRequests, whose requests it warms up.
void planEngagements(const PlanContext& context, const QList<PlanContact>& contacts, WeekPlan& plan);
// Sorts the actions by day and kind and sets the progress of each target.
void finish(WeekPlan& plan);

// Whether a prospect the advisor would have followed for "little in common" has been engaged with twice,
// far enough apart, to be asked now.
bool warmedUp(const PlanContact& prospect);

// The templates with the best acceptance first (of at least 5 answered requests), then the others in their
// order: the plan suggests the best-performing note that fits.
QList<Template> orderedByAnswers(const QList<Template>& templates,
                                 const QHash<QString, PlanSnapshot::TemplateAnswers>& answers);

} // namespace rapport::plan
