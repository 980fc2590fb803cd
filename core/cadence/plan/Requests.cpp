#include "core/cadence/ConnectAdvisor.h"
#include "core/cadence/plan/PlanActions.h"
#include "core/cadence/plan/PlanParts.h"

#include <algorithm>

namespace rapport::plan {

namespace {

constexpr qint64 kNever = ContactHistory::kNever;

struct Prospect
{
    const PlanContact* who;
    int context; // personalization fields filled in
    bool metRecently; // in the last 7 days, not today: "send the request within the same week"
    bool retry; // asked once before, long enough ago to ask once more
    bool skipped; // by the user, or snoozed out of the week
};

// Starred first, then met in the last week, then those never asked before, the most personalization
// context, the oldest added.
bool higherPriority(const Prospect& a, const Prospect& b)
{
    const Contact& x = *a.who->contact;
    const Contact& y = *b.who->contact;
    if (x.starred != y.starred)
        return x.starred;
    if (a.metRecently != b.metRecently)
        return a.metRecently;
    if (a.retry != b.retry)
        return !a.retry;
    if (a.context != b.context)
        return a.context > b.context;
    if (x.createdAt != y.createdAt)
        return x.createdAt < y.createdAt;
    return x.id < y.id;
}

struct NoteMonth
{
    QDate first;
    qint64 startMs;
    qint64 endMs;
    int used = 0;
};

} // namespace

bool warmedUp(const PlanContact& prospect)
{
    constexpr qint64 kFortnightMs = qint64(14) * 24 * 60 * 60 * 1000;
    const Contact& contact = *prospect.contact;
    const ContactHistory& history = prospect.history;
    return contact.littleInCommon && !contact.highProfile && !contact.stayAnonymous && history.followedMs != kNever
        && history.firstEngagedMs != kNever && history.lastEngagedMs - history.firstEngagedMs >= kFortnightMs;
}

void planRequests(const PlanContext& context, const QList<PlanContact>& contacts, WeekPlan& plan)
{
    const PlanCalendar& calendar = context.calendar;
    const Limits& limits = context.limits;
    const CadenceRule& rule = context.rule;
    const QDate asOf = calendar.asOf();
    QList<int> requestsOnDay(PlanCalendar::kDays, 0);

    QList<NoteMonth> noteMonths;
    for (const QDate& day : { calendar.firstOpen(), calendar.weekEnd() }) {
        const QDate first(day.year(), day.month(), 1);
        if (noteMonths.isEmpty() || noteMonths.last().first != first)
            noteMonths.append({ first, calendar.startOf(first), calendar.startOf(first.addMonths(1)) });
    }

    const QString requestSent = tr("request sent");
    const QString requestSentWithNote = tr("request sent with a personalized note");
    const qint64 retryBefore = calendar.startOf(asOf.addDays(1 - limits.reRequestAfterDeclineDays));
    const QDate metSince = asOf.addDays(-7);
    int done = 0;
    int notesDone = 0;
    QList<Prospect> prospects;
    for (const PlanContact& candidate : contacts) {
        const ContactHistory& history = candidate.history;
        const Contact& contact = *candidate.contact;
        for (const PlanSnapshot::Entry* request : history.requests) {
            if (const int day = calendar.dayIndexOf(request->atMs); day >= 0)
                ++requestsOnDay[day];
            for (NoteMonth& month : noteMonths) {
                if (request->hasText && request->atMs >= month.startMs && request->atMs < month.endMs)
                    ++month.used;
            }
            if (calendar.inWeek(request->atMs)) {
                ++done;
                notesDone += request->hasText ? 1 : 0;
                plan.actions.append(doneAction(PlanActionKind::SendRequest, contact, request->atMs,
                                               request->hasText ? requestSentWithNote : requestSent, calendar));
            }
        }
        if (!calendar.open())
            continue;
        bool retry = false;
        switch (history.stage) {
        case Stage::Prospect:
        case Stage::Following:
            break;
        case Stage::NoResponse:
            retry = history.requestsSent == 1 && history.lastSentMs < retryBefore;
            break;
        case Stage::Declined:
            retry = history.requestsSent == 1 && history.answerMs < retryBefore;
            break;
        case Stage::Requested:
        case Stage::Connected:
        case Stage::Withdrawn:
            break;
        }
        const bool prospect = history.stage == Stage::Prospect || history.stage == Stage::Following;
        if (!prospect && !retry)
            continue;
        const QDate metOn = history.lastMetMs != kNever ? calendar.dateOf(history.lastMetMs) : QDate();
        if (!retry && ConnectAdvisor::adviceFor(contact, metOn, asOf) == ConnectAdvice::FollowFirst
            && !warmedUp(candidate))
            continue;
        const bool skipped = context.adjustments.outOfWeek(contact.id, PlanActionKind::SendRequest, calendar.weekEnd());
        prospects.append({ &candidate, personalizationContext(contact),
                           metOn.isValid() && metOn >= metSince && metOn < asOf, retry, skipped });
    }
    if (!calendar.open())
        return;

    // Requests a day: the rule's weekly count spread over the week's working days ("sending daily is
    // recommended rather than accumulating"), within LinkedIn's daily and 7-day caps.
    const int requestsLeft = std::max(0, rule.requestsPerWeek - done);
    const int perDay = calendar.workingDaysInWeek() > 0
        ? (rule.requestsPerWeek + calendar.workingDaysInWeek() - 1) / calendar.workingDaysInWeek()
        : rule.requestsPerWeek;
    QList<int> openDays;
    for (const QDate& day : calendar.openWorkingDays())
        openDays.append(calendar.dayIndex(day));
    const auto fitsRollingCap = [&](int day) {
        for (int last = day; last < std::min(day + 7, PlanCalendar::kDays); ++last) {
            int inWindow = 0;
            for (int d = std::max(0, last - 6); d <= last; ++d)
                inWindow += requestsOnDay[d];
            if (inWindow >= limits.requestsPer7Days)
                return false;
        }
        return true;
    };
    const auto fitsLinkedIn
        = [&](int day) { return requestsOnDay[day] < limits.requestsPerDay && fitsRollingCap(day); };
    const auto fits = [&](int day) { return requestsOnDay[day] < perDay && fitsLinkedIn(day); };

    std::sort(prospects.begin(), prospects.end(), higherPriority);
    // Each slot goes to the highest-priority prospect on the earliest day with room. A prospect the user
    // skipped leaves its slot to the next one, so that the others stay on their days.
    struct Slot
    {
        qsizetype prospect;
        int day;
    };
    // The k-th request of the week belongs on working day k * days / weekly count (two a week: Monday and
    // Wednesday); one whose day has passed, or is full, takes the next open day with room, else an earlier one.
    QList<int> workingDays;
    for (QDate day = calendar.weekStart(); day <= calendar.weekEnd(); day = day.addDays(1)) {
        if (calendar.isWorkingDay(day))
            workingDays.append(calendar.dayIndex(day));
    }
    QList<Slot> slots;
    qsizetype next = 0;
    bool full = false;
    while (slots.size() < requestsLeft && next < prospects.size()) {
        const qsizetype k = done + slots.size();
        const int ideal = workingDays.isEmpty()
            ? 0
            : workingDays[std::min<qsizetype>(workingDays.size() - 1, k * workingDays.size() / rule.requestsPerWeek)];
        const auto from = std::lower_bound(openDays.cbegin(), openDays.cend(), ideal);
        auto day = std::find_if(from, openDays.cend(), fits);
        if (day == openDays.cend()) {
            const auto earlier = std::find_if(std::make_reverse_iterator(from), openDays.crend(), fits);
            day = earlier == openDays.crend() ? openDays.cend() : std::prev(earlier.base());
        }
        if (day == openDays.cend()) {
            full = true;
            break;
        }
        ++requestsOnDay[*day];
        slots.append({ next++, *day });
    }
    for (Slot& slot : slots) {
        if (!prospects[slot.prospect].skipped)
            continue;
        while (next < prospects.size() && prospects[next].skipped)
            ++next;
        if (next < prospects.size()) {
            slot.prospect = next++;
        } else {
            slot.prospect = -1;
            --requestsOnDay[slot.day];
        }
    }
    // A request the user moved goes to its new day unless that day is at one of LinkedIn's limits.
    for (Slot& slot : slots) {
        if (slot.prospect < 0)
            continue;
        const QDate movedTo
            = context.adjustments.movedTo(prospects[slot.prospect].who->contact->id, PlanActionKind::SendRequest);
        if (!movedTo.isValid())
            continue;
        --requestsOnDay[slot.day];
        if (const int target = calendar.dayIndex(std::max(movedTo, calendar.firstOpen())); fitsLinkedIn(target))
            slot.day = target;
        ++requestsOnDay[slot.day];
    }

    int notesLeft = std::max(0, rule.notesPerWeek - notesDone);
    int withoutNoteForQuota = 0;
    int retriesWithoutNote = 0;
    int planned = 0;
    const QDate gridStart = calendar.weekStart().addDays(-PlanCalendar::kWeekIndex);
    for (const Slot& slot : slots) {
        if (slot.prospect < 0)
            continue;
        const Prospect& prospect = prospects[slot.prospect];
        const Contact& contact = *prospect.who->contact;
        PlanAction action = newAction(PlanActionKind::SendRequest, contact, {});
        action.date = gridStart.addDays(slot.day);
        if (notesLeft > 0) {
            NoteMonth* month = nullptr;
            for (NoteMonth& candidate : noteMonths) {
                if (candidate.first.month() == action.date.month())
                    month = &candidate;
            }
            if (context.account == AccountType::Basic && month && month->used >= limits.basicNotesPerMonth) {
                ++withoutNoteForQuota;
            } else {
                action.withNote = true;
                --notesLeft;
                if (month)
                    ++month->used;
            }
        }
        if (prospect.retry && !action.withNote) {
            ++retriesWithoutNote; // asked again only with a note
            continue;
        }
        if (action.withNote) {
            suggestTemplate(action, context.templates, TemplateKind::ConnectionNote, contact,
                            noteCharacterLimit(context.account));
        }
        const ContactHistory& history = prospect.who->history;
        QString who;
        if (prospect.retry) {
            who = history.stage == Stage::Declined
                ? tr("declined %1; asking once more").arg(ago(calendar.dateOf(history.answerMs).daysTo(action.date)))
                : tr("no answer to the request of %1; asking once more")
                      .arg(ago(calendar.dateOf(history.lastSentMs).daysTo(action.date)));
        } else if (warmedUp(*prospect.who)) {
            who = tr("you have engaged twice: connect now");
        } else if (contact.starred) {
            who = tr("starred prospect");
        } else if (prospect.metRecently) {
            who = tr("met %1: send the request within the same week")
                      .arg(ago(calendar.dateOf(history.lastMetMs).daysTo(action.date)));
        } else {
            who = tr("prospect");
        }
        action.reason = tr("%1, %2 of 5 personalization details; %3")
                            .arg(who)
                            .arg(prospect.context)
                            .arg(action.withNote ? tr("with a personalized note") : tr("without a note"));
        ++planned;
        plan.actions.append(std::move(action));
    }

    const qsizetype available
        = std::count_if(prospects.cbegin(), prospects.cend(), [](const Prospect& p) { return !p.skipped; });
    if (requestsLeft > 0) {
        if (openDays.isEmpty()) {
            plan.warnings.append(requestsLeft == 1
                                     ? tr("No working day is left this week: the request left waits for next week.")
                                     : tr("No working day is left this week: the %1 requests left wait for next week.")
                                           .arg(requestsLeft));
        } else if (full && available > planned) {
            const int waiting = int(std::min<qsizetype>(requestsLeft, available)) - planned;
            if (std::none_of(openDays.cbegin(), openDays.cend(),
                             [&](int day) { return requestsOnDay[day] < limits.requestsPerDay; })) {
                plan.warnings.append(tr("Only %1 of the %2 requests left this week fit the limit of %3 requests a day.")
                                         .arg(planned)
                                         .arg(requestsLeft)
                                         .arg(limits.requestsPerDay));
            } else if (std::none_of(openDays.cbegin(), openDays.cend(), fitsRollingCap)) {
                plan.warnings.append(
                    tr("Only %1 of the %2 requests left this week fit the limit of %3 requests in any 7 days.")
                        .arg(planned)
                        .arg(requestsLeft)
                        .arg(limits.requestsPer7Days));
            } else {
                plan.warnings.append(
                    waiting == 1 ? tr("1 request waits for next week: at most %1 a day, spread over the working days.")
                                       .arg(perDay)
                                 : tr("%1 requests wait for next week: at most %2 a day, spread over the working days.")
                                       .arg(waiting)
                                       .arg(perDay));
            }
        } else if (available < requestsLeft) {
            plan.warnings.append(tr("Not enough prospects: %1 ready for the %2 requests left this week. Add people you "
                                    "want to meet.")
                                     .arg(available)
                                     .arg(requestsLeft));
        }
    }
    if (withoutNoteForQuota > 0) {
        plan.warnings.append(tr("Basic account: %1 personalized notes a calendar month, all used, so %2 of this "
                                "week's requests are planned without a note.")
                                 .arg(limits.basicNotesPerMonth)
                                 .arg(withoutNoteForQuota));
    }
    if (retriesWithoutNote > 0) {
        plan.warnings.append(tr("%1 second requests wait for a personalized note: someone asked before is asked again "
                                "only with one.")
                                 .arg(retriesWithoutNote));
    }
}

} // namespace rapport::plan
