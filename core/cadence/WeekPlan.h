#pragma once

#include "core/cadence/CadenceRule.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace rapport {

enum class PlanActionKind
{
    SendRequest,
    FollowUp, // share something useful after an acceptance
    Engage, // engage with their public posts: a request pending too long, or warming up before a request
    CheckIn, // keep in touch: a contact with a cadence, due
    Reply, // a message received recently and not answered
    Follow, // follow a prospect the advisor says to follow first
};

enum class PlanActionState
{
    Planned,
    Done, // logged this week: counts in the progress
    Overdue, // planned for an earlier day of this week and not done: shown on today
};

QString toKey(PlanActionKind kind); // "send_request", "follow_up", "engage", "check_in", "reply", "follow"
std::optional<PlanActionKind> planActionKindFromKey(QStringView key);
QString displayName(PlanActionKind kind); // "Send a request"
QString toKey(PlanActionState state); // "planned", "done", "overdue"

struct PlanAction
{
    QDate date;
    PlanActionKind kind = PlanActionKind::SendRequest;
    qint64 contactId = 0;
    QString contactName;
    QString reason; // one line for people: "accepted 4 days ago, nothing shared yet"
    // The suggested template: the first of the action's kind whose placeholders this contact fills in
    // (and, for a note, that fits the account's length); 0 when none does or nothing is written (a request
    // without a note, engaging with a post).
    qint64 templateId = 0;
    QString templateName;
    bool withNote = false; // a request with a personalized note
    PlanActionState state = PlanActionState::Planned;

    bool operator==(const PlanAction&) const = default;
};

struct PlanProgress
{
    int done = 0;
    int target = 0;

    bool operator==(const PlanProgress&) const = default;
};

// One week's plan (domain: The weekly plan): the dated actions, oldest day first, and the progress per
// target. A pure value: the same inputs give the same plan.
struct WeekPlan
{
    QDate weekStart; // the locale's first day of the week
    QDate today;
    CadenceRule rule;
    QList<PlanAction> actions;
    // Each is done / the week's target: what the rule asks, at most what is done plus what is planned.
    PlanProgress requests;
    PlanProgress followUps;
    PlanProgress checkIns;
    PlanProgress replies;
    QStringList warnings; // why the plan asks for less than the rule, and what waits, for people
    // Every contact due to keep in touch, in the plan's order (starred, then most overdue for its cadence):
    // the week's check-ins first, then those that wait for a later week (dated when they became due).
    QList<PlanAction> keepInTouch;

    QDate weekEnd() const { return weekStart.addDays(6); }
    // Actions of `kind` still to do (planned or overdue).
    int toDo(PlanActionKind kind) const;

    bool operator==(const WeekPlan&) const = default;
};

} // namespace rapport
