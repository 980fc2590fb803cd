#include "core/cadence/plan/PlanParts.h"

#include "core/cadence/ConnectAdvisor.h"
#include "core/cadence/plan/PlanActions.h"

#include <algorithm>

namespace rapport::plan {

namespace {

constexpr qint64 kNever = ContactHistory::kNever;

QString messageCapWarning(int contacts, const Limits& limits, const QString& what)
{
    return contacts == 1 ? tr("1 contact already had %1 unanswered messages in %2 days: no %3 is planned for them.")
                               .arg(limits.followUpMessagesMax)
                               .arg(limits.followUpMessagesWindowDays)
                               .arg(what)
                         : tr("%1 contacts already had %2 unanswered messages in %3 days: no %4 is planned for them.")
                               .arg(contacts)
                               .arg(limits.followUpMessagesMax)
                               .arg(limits.followUpMessagesWindowDays)
                               .arg(what);
}

} // namespace

Adjustments::Adjustments(const QList<PlanAdjustment>& adjustments, const QDate& weekStart)
{
    for (const PlanAdjustment& adjustment : adjustments) {
        if (adjustment.weekStart == weekStart)
            m_byAction.insert({ adjustment.contactId, int(adjustment.kind) }, &adjustment);
    }
}

bool Adjustments::skipped(qint64 contactId, PlanActionKind kind) const
{
    const PlanAdjustment* adjustment = m_byAction.value({ contactId, int(kind) }, nullptr);
    return adjustment && adjustment->skipped;
}

bool Adjustments::outOfWeek(qint64 contactId, PlanActionKind kind, const QDate& weekEnd) const
{
    const QDate moved = movedTo(contactId, kind);
    return skipped(contactId, kind) || (moved.isValid() && moved > weekEnd);
}

QDate Adjustments::movedTo(qint64 contactId, PlanActionKind kind) const
{
    const PlanAdjustment* adjustment = m_byAction.value({ contactId, int(kind) }, nullptr);
    return adjustment ? adjustment->movedTo : QDate();
}

bool Adjustments::apply(PlanAction& action, const PlanCalendar& calendar) const
{
    if (skipped(action.contactId, action.kind))
        return false;
    const QDate moved = movedTo(action.contactId, action.kind);
    if (!moved.isValid())
        return true;
    if (moved > calendar.weekEnd())
        return false;
    action.date = std::max(moved, calendar.firstOpen());
    action.state = moved < calendar.today() ? PlanActionState::Overdue : PlanActionState::Planned;
    return true;
}

void planFollowUps(const PlanContext& context, const QList<PlanContact>& contacts, WeekPlan& plan)
{
    const PlanCalendar& calendar = context.calendar;
    const Limits& limits = context.limits;
    struct Due
    {
        const PlanContact* who;
        QDate acceptedOn;
    };
    QList<Due> due;
    int done = 0;
    int capped = 0;
    const QDate windowStart = calendar.asOf().addDays(-limits.followUpWindowDays);
    const QString contentShared = tr("content shared");
    for (const PlanContact& candidate : contacts) {
        const ContactHistory& history = candidate.history;
        if (!history.connected() || !history.requestedByUser())
            continue;
        if (history.followUpMs != kNever) {
            if (calendar.inWeek(history.followUpMs)) {
                ++done;
                plan.actions.append(doneAction(PlanActionKind::FollowUp, *candidate.contact, history.followUpMs,
                                               contentShared, calendar));
            }
            continue;
        }
        // An acceptance older than the window was missed, not overdue: it never comes back.
        const QDate acceptedOn = calendar.dateOf(history.acceptedMs);
        if (!calendar.open() || acceptedOn < windowStart
            || acceptedOn.addDays(limits.followUpAfterDays) > calendar.weekEnd()
            || context.adjustments.outOfWeek(candidate.contact->id, PlanActionKind::FollowUp, calendar.weekEnd()))
            continue;
        if (history.unansweredOutreach >= limits.followUpMessagesMax)
            ++capped;
        else
            due.append({ &candidate, acceptedOn });
    }
    std::sort(due.begin(), due.end(), [](const Due& a, const Due& b) {
        return a.acceptedOn != b.acceptedOn ? a.acceptedOn > b.acceptedOn : a.who->contact->id < b.who->contact->id;
    });
    const qsizetype room = std::min<qsizetype>(std::max(0, context.rule.followUpsPerWeek - done), due.size());
    for (qsizetype i = 0; i < room; ++i) {
        const Contact& contact = *due[i].who->contact;
        PlanAction action = newAction(PlanActionKind::FollowUp, contact, {});
        placeDue(action, due[i].acceptedOn.addDays(limits.followUpAfterDays), calendar);
        action.reason = tr("accepted %1, nothing shared yet").arg(ago(due[i].acceptedOn.daysTo(action.date)));
        suggestTemplate(action, context.templates, TemplateKind::FollowUp, contact);
        if (context.adjustments.apply(action, calendar))
            plan.actions.append(std::move(action));
    }
    if (const qsizetype waiting = due.size() - room; waiting > 0) {
        plan.warnings.append(waiting == 1 ? tr("1 more follow-up is due; the rule asks for %1 a week, so it waits.")
                                                .arg(context.rule.followUpsPerWeek)
                                          : tr("%1 more follow-ups are due; the rule asks for %2 a week, so they wait.")
                                                .arg(waiting)
                                                .arg(context.rule.followUpsPerWeek));
    }
    if (capped > 0)
        plan.warnings.append(messageCapWarning(capped, limits, tr("follow-up")));
}

void planReplies(const PlanContext& context, const QList<PlanContact>& contacts, WeekPlan& plan)
{
    const PlanCalendar& calendar = context.calendar;
    const QDate windowStart = calendar.asOf().addDays(-context.limits.replyWindowDays);
    const QString replied = tr("replied to their message");
    for (const PlanContact& candidate : contacts) {
        const ContactHistory& history = candidate.history;
        const Contact& contact = *candidate.contact;
        if (history.replyMs != kNever)
            plan.actions.append(doneAction(PlanActionKind::Reply, contact, history.replyMs, replied, calendar));
        if (!calendar.open() || history.unansweredReceivedMs == kNever)
            continue;
        // Older unanswered messages (an imported messages.csv holds years of them) never enter the plan.
        const QDate receivedOn = calendar.dateOf(history.unansweredReceivedMs);
        const QDate due = receivedOn.addDays(1);
        if (receivedOn < windowStart || due > calendar.weekEnd())
            continue;
        PlanAction action = newAction(PlanActionKind::Reply, contact, {});
        placeDue(action, due, calendar);
        action.reason = tr("wrote to you %1: reply within a day or two").arg(ago(receivedOn.daysTo(action.date)));
        if (context.adjustments.apply(action, calendar))
            plan.actions.append(std::move(action));
    }
}

void planCheckIns(const PlanContext& context, const QList<PlanContact>& contacts, WeekPlan& plan)
{
    const PlanCalendar& calendar = context.calendar;
    const Limits& limits = context.limits;
    const QDate asOf = calendar.asOf();
    struct Due
    {
        const PlanContact* who;
        QDate lastOn;
        QDate due;
        double overdue; // days since the last contact, in cadences
    };
    QList<Due> due;
    int done = 0;
    int capped = 0;
    for (const PlanContact& candidate : contacts) {
        const ContactHistory& history = candidate.history;
        const Contact& contact = *candidate.contact;
        if (candidate.cadenceDays <= 0 || !history.connected())
            continue;
        // Done: the first thing the user did in the week after a quiet spell as long as the cadence.
        qint64 previous = history.lastTouchBeforeWeekMs;
        bool doneThisWeek = false;
        for (const PlanSnapshot::Entry* entry : history.week) {
            if (isUserInitiated(entry->kind) && previous != kNever) {
                const qint64 quietDays = calendar.dateOf(previous).daysTo(calendar.dateOf(entry->atMs));
                if (quietDays >= candidate.cadenceDays) {
                    plan.actions.append(doneAction(
                        PlanActionKind::CheckIn, contact, entry->atMs,
                        tr("%1 after %2 quiet days").arg(displayName(entry->kind)).arg(quietDays), calendar));
                    ++done;
                    doneThisWeek = true;
                    break;
                }
            }
            if (entry->kind != InteractionKind::Note)
                previous = entry->atMs;
        }
        if (doneThisWeek || !calendar.open())
            continue;
        const qint64 lastMs
            = history.lastTouchMs != kNever ? history.lastTouchMs : contact.createdAt.toMSecsSinceEpoch();
        const QDate lastOn = calendar.dateOf(lastMs);
        const QDate dueOn = lastOn.addDays(candidate.cadenceDays);
        if (dueOn > calendar.weekEnd()
            || context.adjustments.outOfWeek(contact.id, PlanActionKind::CheckIn, calendar.weekEnd()))
            continue;
        if (history.unansweredOutreach >= limits.followUpMessagesMax) {
            ++capped;
            continue;
        }
        due.append({ &candidate, lastOn, dueOn, double(lastOn.daysTo(asOf)) / candidate.cadenceDays });
    }
    // Starred first, then the most overdue for its cadence.
    std::sort(due.begin(), due.end(), [](const Due& a, const Due& b) {
        const Contact& x = *a.who->contact;
        const Contact& y = *b.who->contact;
        if (x.starred != y.starred)
            return x.starred;
        if (a.overdue != b.overdue)
            return a.overdue > b.overdue;
        return x.id < y.id;
    });
    const qsizetype room = std::max(0, context.rule.checkInsPerWeek - done);
    const QString starredReason = tr("starred, last contact %1, every %2 days: comment on a post, congratulate or "
                                     "share something");
    const QString reason = tr("last contact %1, every %2 days: comment on a post, congratulate or share something");
    for (qsizetype i = 0; i < due.size(); ++i) {
        const Contact& contact = *due[i].who->contact;
        PlanAction action = newAction(PlanActionKind::CheckIn, contact, {});
        placeDue(action, due[i].due, calendar);
        action.reason = (contact.starred ? starredReason : reason)
                            .arg(ago(due[i].lastOn.daysTo(action.date)))
                            .arg(due[i].who->cadenceDays);
        if (i < room) {
            suggestTemplate(action, context.templates, TemplateKind::CheckIn, contact);
            if (context.adjustments.apply(action, calendar)) {
                plan.actions.append(action);
                plan.keepInTouch.append(std::move(action));
            }
        } else {
            action.date = due[i].due;
            action.state = PlanActionState::Planned;
            plan.keepInTouch.append(std::move(action));
        }
    }
    if (const qsizetype waiting = due.size() - std::min(room, due.size()); waiting > 0) {
        plan.warnings.append(
            waiting == 1 ? tr("1 more check-in is due; it waits for next week (the rule asks for %1 a week).")
                               .arg(context.rule.checkInsPerWeek)
                         : tr("%1 more check-ins are due; they wait for next week (the rule asks for %2 a week).")
                               .arg(waiting)
                               .arg(context.rule.checkInsPerWeek));
    }
    if (capped > 0)
        plan.warnings.append(messageCapWarning(capped, limits, tr("check-in")));
}

void planEngagements(const PlanContext& context, const QList<PlanContact>& contacts, WeekPlan& plan)
{
    const PlanCalendar& calendar = context.calendar;
    const Limits& limits = context.limits;
    const QDate asOf = calendar.asOf();
    int used = 0;
    QHash<qint64, const PlanContact*> byId;
    struct Pending
    {
        const PlanContact* who;
        QDate sentOn;
        QDate due;
    };
    QList<Pending> pending;
    QList<const PlanContact*> followFirst;
    const QString engaged = tr("engaged with their posts");
    const QString followed = tr("followed them");
    for (const PlanContact& candidate : contacts) {
        const ContactHistory& history = candidate.history;
        const Contact& contact = *candidate.contact;
        byId.insert(contact.id, &candidate);
        if (history.connected())
            continue;
        for (const PlanSnapshot::Entry* entry : history.week) {
            if (entry->kind == InteractionKind::Engaged || entry->kind == InteractionKind::Followed) {
                const bool follow = entry->kind == InteractionKind::Followed;
                plan.actions.append(doneAction(follow ? PlanActionKind::Follow : PlanActionKind::Engage, contact,
                                               entry->atMs, follow ? followed : engaged, calendar));
                ++used;
                break;
            }
        }
        if (!calendar.open())
            continue;
        if (history.stage == Stage::Requested) {
            const QDate sentOn = calendar.dateOf(history.lastSentMs);
            const QDate dueOn = sentOn.addDays(limits.engageAfterDays);
            const bool engagedSince
                = history.lastEngagedMs != kNever && calendar.dateOf(history.lastEngagedMs) >= dueOn;
            if (!engagedSince && dueOn <= calendar.weekEnd()
                && std::max(dueOn, calendar.firstOpen()) < sentOn.addDays(limits.noResponseDays))
                pending.append({ &candidate, sentOn, dueOn });
        } else if (history.stage == Stage::Prospect || history.stage == Stage::Following) {
            const QDate metOn = history.lastMetMs != kNever ? calendar.dateOf(history.lastMetMs) : QDate();
            if (metOn != asOf && ConnectAdvisor::adviceFor(contact, metOn, asOf) == ConnectAdvice::FollowFirst
                && !warmedUp(candidate))
                followFirst.append(&candidate);
        }
    }
    if (!calendar.open())
        return;
    const int budget = context.rule.requestsPerWeek;
    const auto add = [&](PlanAction action) {
        if (used >= budget || !context.adjustments.apply(action, calendar))
            return;
        ++used;
        plan.actions.append(std::move(action));
    };

    // Requests pending too long, the oldest first: engaging may bring an answer before they time out.
    std::sort(pending.begin(), pending.end(), [](const Pending& a, const Pending& b) {
        return a.sentOn != b.sentOn ? a.sentOn < b.sentOn : a.who->contact->id < b.who->contact->id;
    });
    for (const Pending& request : pending) {
        PlanAction action = newAction(PlanActionKind::Engage, *request.who->contact, {});
        placeDue(action, request.due, calendar);
        action.reason
            = tr("request pending for %1 days: like or comment on their posts").arg(request.sentOn.daysTo(action.date));
        add(std::move(action));
    }

    // Warming up: an engage action 2-4 days before each planned request, unless engaged with in the last 30 days.
    QList<PlanAction> requests;
    for (const PlanAction& action : plan.actions) {
        if (action.kind == PlanActionKind::SendRequest && action.state != PlanActionState::Done)
            requests.append(action);
    }
    std::stable_sort(requests.begin(), requests.end(),
                     [](const PlanAction& a, const PlanAction& b) { return a.date < b.date; });
    for (const PlanAction& request : requests) {
        const PlanContact* prospect = byId.value(request.contactId);
        const qint64 lastEngaged = prospect->history.lastEngagedMs;
        if (lastEngaged != kNever && calendar.dateOf(lastEngaged) > asOf.addDays(-30))
            continue;
        const QDate earliest = std::max({ request.date.addDays(-4), calendar.firstOpen(), calendar.weekStart() });
        if (earliest > request.date.addDays(-2))
            continue;
        PlanAction action = newAction(PlanActionKind::Engage, *prospect->contact, {});
        action.date = earliest;
        action.reason = tr("a request is planned in %1 days: like or comment on a recent post first, so your name is "
                           "familiar")
                            .arg(earliest.daysTo(request.date));
        add(std::move(action));
    }

    // Those to follow first: a follow once, then engaging at least a week apart.
    std::sort(followFirst.begin(), followFirst.end(),
              [](const PlanContact* a, const PlanContact* b) { return staticPriority(*a->contact, *b->contact); });
    for (const PlanContact* prospect : followFirst) {
        if (used >= budget)
            break;
        const ContactHistory& history = prospect->history;
        const Contact& contact = *prospect->contact;
        if (history.followedMs == kNever) {
            PlanAction action
                = newAction(PlanActionKind::Follow, contact, ConnectAdvisor::advise(contact, QDate(), asOf).reason);
            action.date = calendar.firstOpen();
            add(std::move(action));
            continue;
        }
        const QDate lastEngagedOn = history.lastEngagedMs != kNever ? calendar.dateOf(history.lastEngagedMs) : QDate();
        const QDate dueOn = lastEngagedOn.isValid() ? lastEngagedOn.addDays(7) : calendar.firstOpen();
        if (dueOn > calendar.weekEnd() || (lastEngagedOn.isValid() && lastEngagedOn >= calendar.weekStart()))
            continue;
        PlanAction action = newAction(PlanActionKind::Engage, contact,
                                      tr("following since %1: like or comment on a post, so your name is familiar")
                                          .arg(ago(calendar.dateOf(history.followedMs).daysTo(calendar.firstOpen()))));
        placeDue(action, dueOn, calendar);
        add(std::move(action));
    }
}

QList<Template> orderedByAnswers(const QList<Template>& templates,
                                 const QHash<QString, PlanSnapshot::TemplateAnswers>& answers)
{
    constexpr int kEnoughAnswers = 5;
    const auto rate = [&](const Template& item) {
        const PlanSnapshot::TemplateAnswers counts = answers.value(item.name);
        return counts.answered >= kEnoughAnswers ? double(counts.accepted) / counts.answered : -1.0;
    };
    QList<Template> ordered = templates;
    std::stable_sort(ordered.begin(), ordered.end(),
                     [&](const Template& a, const Template& b) { return rate(a) > rate(b); });
    return ordered;
}

void finish(WeekPlan& plan)
{
    // By day, then kind; within those, in the order planned (priority, oldest due first). Sorting keys and
    // moving each action once is cheaper than sorting the actions in place.
    QList<std::pair<qint64, qsizetype>> order;
    order.reserve(plan.actions.size());
    for (qsizetype i = 0; i < plan.actions.size(); ++i)
        order.append({ plan.actions[i].date.toJulianDay() * 8 + qint64(plan.actions[i].kind), i });
    std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    QList<PlanAction> sorted;
    sorted.reserve(plan.actions.size());
    for (const auto& [key, index] : order)
        sorted.append(std::move(plan.actions[index]));
    plan.actions = std::move(sorted);

    const auto done = [&plan](PlanActionKind kind) {
        return int(std::count_if(plan.actions.cbegin(), plan.actions.cend(), [kind](const PlanAction& action) {
            return action.kind == kind && action.state == PlanActionState::Done;
        }));
    };
    // Requests aim at the rule's count; the others at what is due this week, up to the rule's count.
    const auto progress = [&](PlanActionKind kind, int ruleCount) {
        const int finished = done(kind);
        return PlanProgress { finished, std::min(ruleCount, finished + plan.toDo(kind)) };
    };
    plan.requests = { done(PlanActionKind::SendRequest), plan.rule.requestsPerWeek };
    plan.followUps = progress(PlanActionKind::FollowUp, plan.rule.followUpsPerWeek);
    plan.checkIns = progress(PlanActionKind::CheckIn, plan.rule.checkInsPerWeek);
    plan.replies = { done(PlanActionKind::Reply), done(PlanActionKind::Reply) + plan.toDo(PlanActionKind::Reply) };
}

} // namespace rapport::plan
