#include "core/cadence/WeekPlanner.h"

#include "core/cadence/ConnectAdvisor.h"
#include "core/cadence/PlanSnapshot.h"
#include "core/domain/StageResolver.h"
#include "core/templates/TemplateRenderer.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <limits>

namespace rapport {

namespace {

constexpr qint64 kNever = std::numeric_limits<qint64>::min();

QString tr(const char* text)
{
    return QCoreApplication::translate("WeekPlanner", text);
}

// "today", "yesterday", "4 days ago", translated once per plan: a plan may hold thousands of them.
class Ago
{
public:
    QString operator()(qint64 days) const
    {
        if (days <= 0)
            return m_today;
        if (days == 1)
            return m_yesterday;
        return m_daysAgo.arg(days);
    }

private:
    QString m_today = tr("today");
    QString m_yesterday = tr("yesterday");
    QString m_daysAgo = tr("%1 days ago");
};

// The calendar day of a UTC time in a zone, from the zone's transitions looked up once: converting
// each of thousands of times through QTimeZone would cost more than the whole plan.
class LocalDates
{
public:
    LocalDates(const QTimeZone& zone, const QDate& until)
        : m_zone(zone)
        , m_fromMs(QDateTime(QDate(1970, 1, 2), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch())
        , m_toMs(QDateTime(until.addDays(2), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch())
    {
        const QDateTime from = QDateTime::fromMSecsSinceEpoch(m_fromMs, Qt::UTC);
        m_offsetBefore = zone.offsetFromUtc(from);
        for (const QTimeZone::OffsetData& transition :
             zone.transitions(from, QDateTime::fromMSecsSinceEpoch(m_toMs, Qt::UTC))) {
            m_transitions.append(transition.atUtc.toMSecsSinceEpoch());
            m_offsets.append(transition.offsetFromUtc);
        }
    }

    QDate date(qint64 ms) const
    {
        if (ms < m_fromMs || ms >= m_toMs)
            return QDateTime::fromMSecsSinceEpoch(ms, m_zone).date();
        const auto after = std::upper_bound(m_transitions.cbegin(), m_transitions.cend(), ms);
        const int offset
            = after == m_transitions.cbegin() ? m_offsetBefore : m_offsets[after - m_transitions.cbegin() - 1];
        const qint64 localMs = ms + qint64(offset) * 1000;
        return kEpoch.addDays(localMs / kDayMs);
    }

private:
    static constexpr qint64 kDayMs = qint64(24) * 60 * 60 * 1000;
    static inline const QDate kEpoch = QDate(1970, 1, 1);
    QTimeZone m_zone;
    qint64 m_fromMs;
    qint64 m_toMs;
    int m_offsetBefore = 0;
    QList<qint64> m_transitions;
    QList<int> m_offsets;
};

// The start of consecutive local days, so that a UTC time in the log finds its calendar day by comparison
// rather than by a time-zone conversion per entry.
class DayGrid
{
public:
    DayGrid(const QDate& first, int days, const QTimeZone& zone)
        : m_first(first)
    {
        for (int i = 0; i <= days; ++i)
            m_starts.append(first.addDays(i).startOfDay(zone).toMSecsSinceEpoch());
    }

    qint64 start(int day) const { return m_starts[day]; }
    QDate date(int day) const { return m_first.addDays(day); }
    int index(const QDate& date) const { return int(m_first.daysTo(date)); }
    int days() const { return int(m_starts.size()) - 1; }
    // The day holding `ms`, or -1 outside the grid.
    int dayOf(qint64 ms) const
    {
        if (ms < m_starts.first() || ms >= m_starts.last())
            return -1;
        return int(std::upper_bound(m_starts.cbegin(), m_starts.cend(), ms) - m_starts.cbegin()) - 1;
    }

private:
    QDate m_first;
    QList<qint64> m_starts;
};

struct Prospect
{
    const Contact* contact;
    int context; // personalization fields filled in
    qint64 createdMs;
    bool retry; // declined or withdrawn long enough ago
};

struct Due
{
    const Contact* contact;
    qint64 sinceMs; // the acceptance (follow-up) or the last interaction (check-in)
};

int personalizationContext(const Contact& contact)
{
    int filled = 0;
    for (const QString* field :
         { &contact.howWeKnow, &contact.event, &contact.mutualConnection, &contact.school, &contact.topic }) {
        if (!field->isEmpty())
            ++filled;
    }
    return filled;
}

// Starred first, then the most personalization context, then the oldest added.
bool higherPriority(const Prospect& a, const Prospect& b)
{
    if (a.contact->starred != b.contact->starred)
        return a.contact->starred;
    if (a.context != b.context)
        return a.context > b.context;
    if (a.createdMs != b.createdMs)
        return a.createdMs < b.createdMs;
    return a.contact->id < b.contact->id;
}

bool isUserInitiated(InteractionKind kind)
{
    switch (kind) {
    case InteractionKind::MessageSent:
    case InteractionKind::ContentShared:
    case InteractionKind::Engaged:
    case InteractionKind::Endorsed:
    case InteractionKind::Met:
    case InteractionKind::Introduction:
    case InteractionKind::Thanks:
        return true;
    default:
        return false;
    }
}

bool isMessage(InteractionKind kind)
{
    return kind == InteractionKind::MessageSent || kind == InteractionKind::ContentShared;
}

// The first template of `kind` that this contact fills in completely ({my_name} comes from the user's
// profile at copy time, so it is not held against a template), within `maxLength` when there is one.
const Template* suggestedTemplate(const QList<Template>& templates, TemplateKind kind, const Contact& contact,
                                  qsizetype maxLength = -1)
{
    static const TemplateRenderer renderer;
    for (const Template& candidate : templates) {
        if (candidate.kind != kind)
            continue;
        const RenderedNote note = renderer.render(candidate.body, contact);
        const bool filled = std::all_of(note.problems.cbegin(), note.problems.cend(),
                                        [](const PlaceholderProblem& problem) { return problem.name == u"my_name"; });
        if (filled && (maxLength < 0 || note.length() <= maxLength))
            return &candidate;
    }
    return nullptr;
}

void suggest(PlanAction& action, const Template* suggestion)
{
    if (!suggestion)
        return;
    action.templateId = suggestion->id;
    action.templateName = suggestion->name;
}

struct NoteMonth
{
    QDate first;
    qint64 startMs;
    qint64 endMs;
    int used = 0;
};

} // namespace

WeekPlanner::WeekPlanner(CadenceRule rule, Limits limits, AccountType account, QLocale locale, QTimeZone zone)
    : m_rule(rule)
    , m_limits(limits)
    , m_account(account)
    , m_locale(std::move(locale))
    , m_zone(std::move(zone))
{
}

QDate WeekPlanner::weekStart(const QDate& day, const QLocale& locale)
{
    const int back = (day.dayOfWeek() - int(locale.firstDayOfWeek()) + 7) % 7;
    return day.addDays(-back);
}

PlanSnapshot::Window WeekPlanner::window(const QDate& anyDayOfWeek, const QDate& today) const
{
    // The same days as plan() computes them.
    const QDate start = weekStart(anyDayOfWeek, m_locale);
    const QDate end = start.addDays(6);
    const QDate asOf = today <= end ? std::max(today, start) : end;
    const auto startOf = [this](const QDate& date) { return date.startOfDay(m_zone).toMSecsSinceEpoch(); };
    PlanSnapshot::Window window;
    window.weekStart = start;
    window.weekStartMs = startOf(start);
    window.weekEndMs = startOf(end.addDays(1));
    window.messagesFromMs = startOf(asOf.addDays(1 - m_limits.followUpMessagesWindowDays));
    window.messagesToMs = startOf(asOf.addDays(1));
    return window;
}

WeekPlan WeekPlanner::plan(const PlanSnapshot& snapshot, const QDate& anyDayOfWeek, const QDate& today) const
{
    WeekPlan plan;
    plan.weekStart = weekStart(anyDayOfWeek, m_locale);
    plan.today = today;
    plan.rule = m_rule;
    const QDate weekEnd = plan.weekEnd();
    // A week that is over gets no new actions; a week to come starts taking them on its first day.
    const bool open = today <= weekEnd;
    const QDate firstOpen = std::max(today, plan.weekStart);
    const QDate asOf = open ? firstOpen : weekEnd;
    const auto startOf = [this](const QDate& date) { return date.startOfDay(m_zone).toMSecsSinceEpoch(); };

    // Days from 6 before the week to its end: the rolling 7-day cap of the week's first day reaches back.
    constexpr int kWeekIndex = 6;
    const DayGrid grid(plan.weekStart.addDays(-kWeekIndex), kWeekIndex + 7, m_zone);
    const qint64 weekStartMs = grid.start(kWeekIndex);
    const qint64 weekEndMs = grid.start(grid.days());
    QList<int> requestsOnDay(grid.days(), 0);

    const qint64 asOfStartMs = startOf(asOf);
    const qint64 asOfEndMs = startOf(asOf.addDays(1));
    const QDateTime asOfLastMoment = QDateTime::fromMSecsSinceEpoch(asOfEndMs - 1, Qt::UTC);
    // An answer before these may be asked again on `asOf`.
    const qint64 declineWaitOverBefore = startOf(asOf.addDays(1 - m_limits.reRequestAfterDeclineDays));
    const qint64 withdrawalWaitOverBefore = startOf(asOf.addDays(1 - m_limits.reRequestAfterWithdrawalDays));
    const qint64 messageWindowStart = startOf(asOf.addDays(1 - m_limits.followUpMessagesWindowDays));
    // Accepted before this: the follow-up is due by the end of the week.
    const qint64 followUpDueBefore = startOf(weekEnd.addDays(1 - m_limits.followUpAfterDays));
    const qint64 checkInDueBeforeStarred = startOf(weekEnd.addDays(1 - m_limits.checkInStarredDays));
    const qint64 checkInDueBeforeOthers = startOf(weekEnd.addDays(1 - m_limits.checkInOthersDays));

    QList<NoteMonth> noteMonths;
    for (const QDate& day : { firstOpen, weekEnd }) {
        const QDate first(day.year(), day.month(), 1);
        if (noteMonths.isEmpty() || noteMonths.last().first != first)
            noteMonths.append({ first, startOf(first), startOf(first.addMonths(1)) });
    }

    // The user's adjustments of this week, by contact and kind.
    QHash<std::pair<qint64, int>, const PlanAdjustment*> adjustments;
    for (const PlanAdjustment& adjustment : snapshot.adjustments()) {
        if (adjustment.weekStart == plan.weekStart)
            adjustments.insert({ adjustment.contactId, int(adjustment.kind) }, &adjustment);
    }
    const auto adjustmentOf = [&adjustments](qint64 contactId, PlanActionKind kind) -> const PlanAdjustment* {
        return adjustments.value({ contactId, int(kind) }, nullptr);
    };
    const auto skipped = [&](qint64 contactId, PlanActionKind kind) {
        const PlanAdjustment* adjustment = adjustmentOf(contactId, kind);
        return adjustment && adjustment->skipped;
    };
    // Puts a moved action on its new day; false when it was moved out of the week.
    const auto applyMove = [&](PlanAction& action) {
        const PlanAdjustment* adjustment = adjustmentOf(action.contactId, action.kind);
        if (!adjustment || !adjustment->movedTo.isValid())
            return true;
        if (adjustment->movedTo > weekEnd)
            return false;
        action.date = std::max(adjustment->movedTo, firstOpen);
        action.state = adjustment->movedTo < today ? PlanActionState::Overdue : PlanActionState::Planned;
        return true;
    };

    int requestsThisWeek = 0;
    int notesThisWeek = 0;
    int followUpsDone = 0;
    int checkInsDone = 0;
    int skippedForMessageCap = 0;
    QList<Prospect> prospects;
    QList<Due> followUps;
    QList<Due> checkIns;

    const auto doneAction = [&](const Contact& contact, PlanActionKind kind, qint64 ms, const QString& reason) {
        PlanAction action;
        action.date = grid.date(grid.dayOf(ms));
        action.kind = kind;
        action.contactId = contact.id;
        action.contactName = contact.fullName();
        action.reason = reason;
        action.state = PlanActionState::Done;
        plan.actions.append(std::move(action));
    };
    const LocalDates localDates(m_zone, weekEnd);
    const auto localDate = [&localDates](qint64 ms) { return localDates.date(ms); };
    const Ago ago;
    const QString requestSent = tr("request sent");
    const QString requestSentWithNote = tr("request sent with a personalized note");
    const QString contentShared = tr("content shared");
    const QString quietDaysFormat = tr("%1 after %2 quiet days");

    const QList<PlanSnapshot::Entry>& log = snapshot.entries();
    plan.actions.reserve(256);
    qsizetype next = 0;
    for (const Contact& contact : snapshot.contacts()) {
        while (next < log.size() && log[next].contactId < contact.id)
            ++next;
        const qsizetype begin = next;
        while (next < log.size() && log[next].contactId == contact.id)
            ++next;
        const qsizetype end = next;

        StageResolver resolver;
        qint64 firstSentMs = kNever;
        qint64 acceptedMs = kNever;
        qint64 lastAnswerMs = kNever;
        bool lastAnswerDeclined = false;
        qint64 lastMetMs = kNever;
        qint64 lastEngagedMs = kNever;
        qint64 lastTouchMs = kNever;
        int recentMessages = 0;
        for (qsizetype i = begin; i < end; ++i) {
            const PlanSnapshot::Entry& entry = log[i];
            const qint64 ms = entry.atMs;
            if (StageResolver::changesStage(entry.kind))
                resolver.add(entry.kind, QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC));
            switch (entry.kind) {
            case InteractionKind::RequestSent:
                if (firstSentMs == kNever)
                    firstSentMs = ms;
                if (const int day = grid.dayOf(ms); day >= 0) {
                    ++requestsOnDay[day];
                    if (day >= kWeekIndex) {
                        ++requestsThisWeek;
                        if (entry.hasText)
                            ++notesThisWeek;
                        doneAction(contact, PlanActionKind::SendRequest, ms,
                                   entry.hasText ? requestSentWithNote : requestSent);
                    }
                }
                if (entry.hasText) {
                    for (NoteMonth& month : noteMonths) {
                        if (ms >= month.startMs && ms < month.endMs)
                            ++month.used;
                    }
                }
                break;
            case InteractionKind::RequestAccepted:
                acceptedMs = ms;
                break;
            case InteractionKind::RequestDeclined:
            case InteractionKind::RequestWithdrawn:
                lastAnswerMs = ms;
                lastAnswerDeclined = entry.kind == InteractionKind::RequestDeclined;
                break;
            case InteractionKind::Met:
                lastMetMs = ms;
                break;
            case InteractionKind::Engaged:
                lastEngagedMs = ms;
                break;
            default:
                break;
            }
            if (isMessage(entry.kind) && ms >= messageWindowStart && ms < asOfEndMs)
                ++recentMessages;
            if (entry.kind != InteractionKind::Note && ms < asOfEndMs)
                lastTouchMs = ms;
        }

        const Stage stage = resolver.stage(asOfLastMoment, m_limits.noResponseDays);
        const bool messageCapReached = recentMessages >= m_limits.followUpMessagesMax;
        switch (stage) {
        case Stage::Connected: {
            // The follow-up belongs to a request the user sent; an imported old connection gets check-ins.
            const bool requested = firstSentMs != kNever && firstSentMs <= acceptedMs;
            qint64 contentMs = kNever;
            qint64 previousTouchMs = kNever;
            bool checkInDone = false;
            const int interval = contact.starred ? m_limits.checkInStarredDays : m_limits.checkInOthersDays;
            for (qsizetype i = begin; i < end; ++i) {
                const PlanSnapshot::Entry& entry = log[i];
                const qint64 ms = entry.atMs;
                const bool followUp = requested && contentMs == kNever && entry.kind == InteractionKind::ContentShared
                    && ms >= acceptedMs;
                if (followUp) {
                    contentMs = ms;
                    if (ms >= weekStartMs && ms < weekEndMs) {
                        ++followUpsDone;
                        doneAction(contact, PlanActionKind::FollowUp, ms, contentShared);
                    }
                } else if (!checkInDone && isUserInitiated(entry.kind) && ms >= weekStartMs && ms < weekEndMs
                           && ms >= acceptedMs && previousTouchMs != kNever) {
                    const qint64 quietDays = localDate(previousTouchMs).daysTo(grid.date(grid.dayOf(ms)));
                    if (quietDays >= interval) {
                        checkInDone = true;
                        ++checkInsDone;
                        doneAction(contact, PlanActionKind::CheckIn, ms,
                                   quietDaysFormat.arg(displayName(entry.kind)).arg(quietDays));
                    }
                }
                if (entry.kind != InteractionKind::Note)
                    previousTouchMs = ms;
            }
            if (!open)
                break;
            if (requested && contentMs == kNever) {
                if (acceptedMs < followUpDueBefore && !skipped(contact.id, PlanActionKind::FollowUp)) {
                    if (messageCapReached)
                        ++skippedForMessageCap;
                    else
                        followUps.append({ &contact, acceptedMs });
                }
                break;
            }
            const qint64 dueBefore = contact.starred ? checkInDueBeforeStarred : checkInDueBeforeOthers;
            if (lastTouchMs != kNever && lastTouchMs < dueBefore && !skipped(contact.id, PlanActionKind::CheckIn)) {
                if (messageCapReached)
                    ++skippedForMessageCap;
                else
                    checkIns.append({ &contact, lastTouchMs });
            }
            break;
        }
        case Stage::Requested: {
            const QDate sentOn = localDate(resolver.pendingRequestSentAt().toMSecsSinceEpoch());
            const QDate due = sentOn.addDays(m_limits.engageAfterDays);
            const qint64 dueMs = startOf(due);
            if (lastEngagedMs >= dueMs) {
                if (lastEngagedMs >= weekStartMs && lastEngagedMs < weekEndMs)
                    doneAction(contact, PlanActionKind::Engage, lastEngagedMs, tr("engaged with their posts"));
                break;
            }
            if (!open || due > weekEnd)
                break;
            PlanAction action;
            action.date = std::max(due, firstOpen);
            if (action.date >= sentOn.addDays(m_limits.noResponseDays))
                break;
            action.kind = PlanActionKind::Engage;
            action.contactId = contact.id;
            action.contactName = contact.fullName();
            action.reason
                = tr("request pending for %1 days: like or comment on their posts").arg(sentOn.daysTo(action.date));
            action.state = due < today ? PlanActionState::Overdue : PlanActionState::Planned;
            if (!skipped(contact.id, action.kind) && applyMove(action))
                plan.actions.append(std::move(action));
            break;
        }
        case Stage::Prospect:
        case Stage::Following:
        case Stage::Declined: {
            if (!open)
                break;
            const bool retry = stage == Stage::Declined;
            if (retry && lastAnswerMs >= (lastAnswerDeclined ? declineWaitOverBefore : withdrawalWaitOverBefore))
                break;
            const bool metToday = lastMetMs >= asOfStartMs && lastMetMs < asOfEndMs;
            if (ConnectAdvisor::adviceFor(contact, metToday ? asOf : QDate(), asOf) == ConnectAdvice::FollowFirst)
                break;
            if (skipped(contact.id, PlanActionKind::SendRequest))
                break;
            prospects.append(
                { &contact, personalizationContext(contact), contact.createdAt.toMSecsSinceEpoch(), retry });
            break;
        }
        case Stage::NoResponse:
            break;
        }
    }

    // Requests: the rule's remainder for the week, spread evenly over the working days left, each day
    // within the daily cap and every 7-day window within the rolling cap.
    const int requestsLeft = std::max(0, m_rule.requestsPerWeek - requestsThisWeek);
    QList<int> openDays;
    if (open) {
        const QList<Qt::DayOfWeek> workingDays = m_locale.weekdays();
        for (int day = grid.index(firstOpen); day < grid.days(); ++day) {
            if (workingDays.contains(Qt::DayOfWeek(grid.date(day).dayOfWeek())))
                openDays.append(day);
        }
    }
    const auto fitsDailyCap = [&](int day) { return requestsOnDay[day] < m_limits.requestsPerDay; };
    const auto fitsRollingCap = [&](int day) {
        for (int last = day; last < std::min(day + 7, grid.days()); ++last) {
            int inWindow = 0;
            for (int d = last - 6; d <= last; ++d)
                inWindow += requestsOnDay[d];
            if (inWindow >= m_limits.requestsPer7Days)
                return false;
        }
        return true;
    };
    const auto fits = [&](int day) { return fitsDailyCap(day) && fitsRollingCap(day); };

    const qsizetype wanted = std::min<qsizetype>(requestsLeft, openDays.isEmpty() ? 0 : prospects.size());
    std::partial_sort(prospects.begin(), prospects.begin() + wanted, prospects.end(), higherPriority);
    int notesLeft = std::max(0, m_rule.notesPerWeek - notesThisWeek);
    int withoutNoteForQuota = 0;
    int requestsPlanned = 0;
    bool capReached = false;
    for (qsizetype i = 0; i < wanted; ++i) {
        const int ideal = int(i * openDays.size() / wanted);
        int chosen = -1;
        for (int j = ideal; j < openDays.size() && chosen < 0; ++j) {
            if (fits(openDays[j]))
                chosen = openDays[j];
        }
        for (int j = ideal - 1; j >= 0 && chosen < 0; --j) {
            if (fits(openDays[j]))
                chosen = openDays[j];
        }
        if (chosen < 0) {
            capReached = true;
            break;
        }
        const Prospect& prospect = prospects[i];
        if (const PlanAdjustment* adjustment = adjustmentOf(prospect.contact->id, PlanActionKind::SendRequest);
            adjustment && adjustment->movedTo.isValid()) {
            if (adjustment->movedTo > weekEnd)
                continue; // snoozed into next week
            const int moved = grid.index(std::max(adjustment->movedTo, firstOpen));
            if (fits(moved))
                chosen = moved;
        }
        ++requestsOnDay[chosen];
        ++requestsPlanned;
        PlanAction action;
        action.date = grid.date(chosen);
        action.kind = PlanActionKind::SendRequest;
        action.contactId = prospect.contact->id;
        action.contactName = prospect.contact->fullName();
        if (notesLeft > 0) {
            NoteMonth* month = nullptr;
            for (NoteMonth& candidate : noteMonths) {
                if (candidate.first.month() == action.date.month())
                    month = &candidate;
            }
            if (m_account == AccountType::Basic && month && month->used >= m_limits.basicNotesPerMonth) {
                ++withoutNoteForQuota;
            } else {
                action.withNote = true;
                --notesLeft;
                if (month)
                    ++month->used;
            }
        }
        if (action.withNote) {
            suggest(action,
                    suggestedTemplate(snapshot.templates(), TemplateKind::ConnectionNote, *prospect.contact,
                                      noteCharacterLimit(m_account)));
        }
        QString who = prospect.retry    ? tr("asked before, long enough ago to try again")
            : prospect.contact->starred ? tr("starred prospect")
                                        : tr("prospect");
        action.reason = tr("%1, %2 of 5 personalization details; %3")
                            .arg(who)
                            .arg(prospect.context)
                            .arg(action.withNote ? tr("with a personalized note") : tr("without a note"));
        plan.actions.append(std::move(action));
    }

    if (open && requestsLeft > 0) {
        if (openDays.isEmpty()) {
            plan.warnings.append(requestsLeft == 1
                                     ? tr("No working day is left this week: the request left waits for next week.")
                                     : tr("No working day is left this week: the %1 requests left wait for next week.")
                                           .arg(requestsLeft));
        } else if (capReached) {
            const bool daily = std::none_of(openDays.cbegin(), openDays.cend(), fitsDailyCap);
            plan.warnings.append(daily ? tr("Only %1 of the %2 requests left this week fit the limit of %3 requests "
                                            "a day.")
                                             .arg(requestsPlanned)
                                             .arg(requestsLeft)
                                             .arg(m_limits.requestsPerDay)
                                       : tr("Only %1 of the %2 requests left this week fit the limit of %3 requests "
                                            "in any 7 days.")
                                             .arg(requestsPlanned)
                                             .arg(requestsLeft)
                                             .arg(m_limits.requestsPer7Days));
        } else if (prospects.size() < requestsLeft) {
            plan.warnings.append(
                tr("Not enough prospects: %1 ready for the %2 requests left this week. Add people you want "
                   "to meet.")
                    .arg(prospects.size())
                    .arg(requestsLeft));
        }
    }
    if (withoutNoteForQuota > 0) {
        plan.warnings.append(tr("Basic account: %1 personalized notes a calendar month, all used, so %2 of this "
                                "week's requests are planned without a note.")
                                 .arg(m_limits.basicNotesPerMonth)
                                 .arg(withoutNoteForQuota));
    }

    // Follow-ups: the oldest acceptances first, at most the rule's count a week.
    const auto dateAndState = [&](const QDate& due, PlanAction& action) {
        action.date = std::max(due, firstOpen);
        action.state = due < today ? PlanActionState::Overdue : PlanActionState::Planned;
    };
    const auto oldestFirst = [](const Due& a, const Due& b) {
        return a.sinceMs != b.sinceMs ? a.sinceMs < b.sinceMs : a.contact->id < b.contact->id;
    };
    const qsizetype followUpRoom = std::max(0, m_rule.followUpsPerWeek - followUpsDone);
    const qsizetype followUpCount = std::min(followUpRoom, followUps.size());
    std::partial_sort(followUps.begin(), followUps.begin() + followUpCount, followUps.end(), oldestFirst);
    for (qsizetype i = 0; i < followUpCount; ++i) {
        const QDate acceptedOn = localDate(followUps[i].sinceMs);
        PlanAction action;
        dateAndState(acceptedOn.addDays(m_limits.followUpAfterDays), action);
        action.kind = PlanActionKind::FollowUp;
        action.contactId = followUps[i].contact->id;
        action.contactName = followUps[i].contact->fullName();
        action.reason = tr("accepted %1, nothing shared yet").arg(ago(acceptedOn.daysTo(action.date)));
        suggest(action, suggestedTemplate(snapshot.templates(), TemplateKind::FollowUp, *followUps[i].contact));
        if (applyMove(action))
            plan.actions.append(std::move(action));
    }
    if (followUps.size() > followUpCount) {
        const qsizetype waiting = followUps.size() - followUpCount;
        plan.warnings.append(
            waiting == 1
                ? tr("1 more follow-up is due; the rule asks for %1 a week, so it waits.").arg(m_rule.followUpsPerWeek)
                : tr("%1 more follow-ups are due; the rule asks for %2 a week, so they wait.")
                      .arg(waiting)
                      .arg(m_rule.followUpsPerWeek));
    }

    const QString starredCheckIn = tr("starred, last contact %1: comment on a post, congratulate or share something");
    const QString otherCheckIn = tr("last contact %1: comment on a post, congratulate or share something");
    for (const Due& due : checkIns) {
        const QDate lastOn = localDate(due.sinceMs);
        const int interval = due.contact->starred ? m_limits.checkInStarredDays : m_limits.checkInOthersDays;
        PlanAction action;
        dateAndState(lastOn.addDays(interval), action);
        action.kind = PlanActionKind::CheckIn;
        action.contactId = due.contact->id;
        action.contactName = due.contact->fullName();
        const QString last = ago(lastOn.daysTo(action.date));
        action.reason = due.contact->starred ? starredCheckIn.arg(last) : otherCheckIn.arg(last);
        suggest(action, suggestedTemplate(snapshot.templates(), TemplateKind::CheckIn, *due.contact));
        if (applyMove(action))
            plan.actions.append(std::move(action));
    }
    if (skippedForMessageCap > 0) {
        plan.warnings.append(tr("%1 contacts already had %2 messages in %3 days: no follow-up or check-in is "
                                "planned for them.")
                                 .arg(skippedForMessageCap)
                                 .arg(m_limits.followUpMessagesMax)
                                 .arg(m_limits.followUpMessagesWindowDays));
    }

    // By day, then kind; within those, in the order planned (priority, oldest due first). Sorting keys
    // and moving each action once is much cheaper than sorting thousands of actions in place.
    QList<std::pair<qint64, qsizetype>> order;
    order.reserve(plan.actions.size());
    for (qsizetype i = 0; i < plan.actions.size(); ++i) {
        const PlanAction& action = plan.actions[i];
        order.append({ action.date.toJulianDay() * 8 + qint64(action.kind), i });
    }
    std::stable_sort(
        order.begin(), order.end(),
        [](const std::pair<qint64, qsizetype>& a, const std::pair<qint64, qsizetype>& b) { return a.first < b.first; });
    QList<PlanAction> sorted;
    sorted.reserve(plan.actions.size());
    for (const auto& [key, index] : order)
        sorted.append(std::move(plan.actions[index]));
    plan.actions = std::move(sorted);
    plan.requests = { requestsThisWeek, m_rule.requestsPerWeek };
    plan.followUps = { followUpsDone, followUpsDone + plan.toDo(PlanActionKind::FollowUp) };
    plan.checkIns = { checkInsDone, checkInsDone + plan.toDo(PlanActionKind::CheckIn) };
    return plan;
}

} // namespace rapport
