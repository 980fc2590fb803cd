#pragma once

#include "core/domain/Interaction.h"
#include "core/domain/Stage.h"

#include <QDateTime>
#include <QList>

namespace rapport {

// Derives a contact's stage from its interaction log (domain: Stages). Interactions may be added in
// any order: what counts is the latest request event (sent, accepted, declined, withdrawn) by time,
// an answer winning over a request logged at the same instant; an earlier follow only matters while
// no request was ever sent.
class StageResolver
{
public:
    static constexpr int kDefaultNoResponseDays = 21;

    // Whether an entry of `kind` can change a stage (a follow or a request event); add() ignores the others.
    static bool changesStage(InteractionKind kind);

    void add(InteractionKind kind, const QDateTime& occurredAt);
    void add(const Interaction& interaction) { add(interaction.kind, interaction.occurredAt); }

    // A request still unanswered `noResponseDays` full days after it was sent counts as no response.
    Stage stage(const QDateTime& now, int noResponseDays = kDefaultNoResponseDays) const;

    // When the latest request was sent, if the latest request event is a request still unanswered.
    QDateTime pendingRequestSentAt() const;

    static Stage resolve(const QList<Interaction>& log, const QDateTime& now,
                         int noResponseDays = kDefaultNoResponseDays);

private:
    bool m_followed = false;
    bool m_hasRequestEvent = false;
    InteractionKind m_lastRequestEvent = InteractionKind::RequestSent;
    QDateTime m_lastRequestEventAt;
};

} // namespace rapport
