#include "core/cadence/plan/ContactHistory.h"

#include "core/domain/StageResolver.h"

namespace rapport {

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

bool isOutreachMessage(InteractionKind kind)
{
    return kind == InteractionKind::MessageSent || kind == InteractionKind::ContentShared;
}

ContactHistory ContactHistory::fold(std::span<const PlanSnapshot::Entry> entries, const PlanCalendar& calendar,
                                    const Limits& limits)
{
    ContactHistory history;
    StageResolver resolver;
    const qint64 weekStartMs = calendar.weekStartMs();
    const qint64 weekEndMs = calendar.weekEndMs();
    const qint64 asOfEndMs = calendar.asOfEndMs();
    const qint64 messageWindowStart = calendar.startOf(calendar.asOf().addDays(1 - limits.followUpMessagesWindowDays));
    for (const PlanSnapshot::Entry& entry : entries) {
        const qint64 ms = entry.atMs;
        if (ms >= weekEndMs)
            break;
        if (ms >= weekStartMs)
            history.week.append(&entry);
        if (StageResolver::changesStage(entry.kind))
            resolver.add(entry.kind, QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC));
        switch (entry.kind) {
        case InteractionKind::Followed:
            if (history.followedMs == kNever)
                history.followedMs = ms;
            break;
        case InteractionKind::RequestSent:
            ++history.requestsSent;
            history.requests.append(&entry);
            if (history.firstSentMs == kNever)
                history.firstSentMs = ms;
            history.lastSentMs = ms;
            break;
        case InteractionKind::RequestAccepted:
            history.acceptedMs = ms;
            history.followUpMs = kNever;
            break;
        case InteractionKind::RequestDeclined:
        case InteractionKind::RequestWithdrawn:
            history.answerMs = ms;
            break;
        case InteractionKind::Met:
            history.lastMetMs = ms;
            break;
        case InteractionKind::Engaged:
            if (history.firstEngagedMs == kNever)
                history.firstEngagedMs = ms;
            history.lastEngagedMs = ms;
            break;
        default:
            break;
        }
        if (isOutreachMessage(entry.kind) && history.acceptedMs != kNever && history.followUpMs == kNever)
            history.followUpMs = ms;
        if (ms < asOfEndMs) {
            if (entry.kind == InteractionKind::MessageReceived) {
                history.unansweredReceivedMs = ms;
                history.unansweredOutreach = 0;
            } else if (isOutreachMessage(entry.kind)) {
                if (history.unansweredReceivedMs != kNever && ms >= weekStartMs && history.replyMs == kNever
                    && calendar.dateOf(history.unansweredReceivedMs).daysTo(calendar.dateOf(ms))
                        <= limits.replyWindowDays)
                    history.replyMs = ms;
                history.unansweredReceivedMs = kNever;
                if (ms >= messageWindowStart)
                    ++history.unansweredOutreach;
            }
            if (entry.kind != InteractionKind::Note) {
                history.lastTouchMs = ms;
                if (ms < weekStartMs)
                    history.lastTouchBeforeWeekMs = ms;
            }
        }
    }
    history.stage = resolver.stage(QDateTime::fromMSecsSinceEpoch(asOfEndMs - 1, Qt::UTC), limits.noResponseDays);
    return history;
}

} // namespace rapport
