#include "core/domain/StageResolver.h"

namespace rapport {

namespace {

bool isRequestEvent(InteractionKind kind)
{
    switch (kind) {
    case InteractionKind::RequestSent:
    case InteractionKind::RequestAccepted:
    case InteractionKind::RequestDeclined:
    case InteractionKind::RequestWithdrawn:
        return true;
    default:
        return false;
    }
}

} // namespace

bool StageResolver::changesStage(InteractionKind kind)
{
    return kind == InteractionKind::Followed || isRequestEvent(kind);
}

void StageResolver::add(InteractionKind kind, const QDateTime& occurredAt)
{
    if (kind == InteractionKind::Followed) {
        m_followed = true;
        return;
    }
    if (!isRequestEvent(kind))
        return;
    const bool later = !m_hasRequestEvent || occurredAt > m_lastRequestEventAt;
    // Imports often log a request and its acceptance at the same instant: the answer wins the tie.
    const bool answersAtSameInstant
        = m_hasRequestEvent && occurredAt == m_lastRequestEventAt && kind != InteractionKind::RequestSent;
    if (later || answersAtSameInstant) {
        m_hasRequestEvent = true;
        m_lastRequestEvent = kind;
        m_lastRequestEventAt = occurredAt;
    }
}

Stage StageResolver::stage(const QDateTime& now, int noResponseDays) const
{
    if (!m_hasRequestEvent)
        return m_followed ? Stage::Following : Stage::Prospect;
    switch (m_lastRequestEvent) {
    case InteractionKind::RequestAccepted:
        return Stage::Connected;
    case InteractionKind::RequestDeclined:
        return Stage::Declined;
    case InteractionKind::RequestWithdrawn:
        return Stage::Withdrawn;
    default:
        break;
    }
    const qint64 timeoutSecs = qint64(noResponseDays) * 24 * 60 * 60;
    return m_lastRequestEventAt.secsTo(now) >= timeoutSecs ? Stage::NoResponse : Stage::Requested;
}

QDateTime StageResolver::pendingRequestSentAt() const
{
    if (m_hasRequestEvent && m_lastRequestEvent == InteractionKind::RequestSent)
        return m_lastRequestEventAt;
    return {};
}

Stage StageResolver::resolve(const QList<Interaction>& log, const QDateTime& now, int noResponseDays)
{
    StageResolver resolver;
    for (const Interaction& interaction : log)
        resolver.add(interaction);
    return resolver.stage(now, noResponseDays);
}

} // namespace rapport
