#pragma once

#include <QString>

#include <array>
#include <optional>

namespace rapport {

enum class InteractionKind
{
    Followed,
    RequestSent,
    RequestAccepted,
    RequestDeclined,
    RequestWithdrawn,
    MessageSent,
    MessageReceived,
    ContentShared,
    Engaged,
    Endorsed,
    Met,
    Introduction,
    Thanks,
    Note,
};

inline constexpr std::array kAllInteractionKinds {
    InteractionKind::Followed,
    InteractionKind::RequestSent,
    InteractionKind::RequestAccepted,
    InteractionKind::RequestDeclined,
    InteractionKind::RequestWithdrawn,
    InteractionKind::MessageSent,
    InteractionKind::MessageReceived,
    InteractionKind::ContentShared,
    InteractionKind::Engaged,
    InteractionKind::Endorsed,
    InteractionKind::Met,
    InteractionKind::Introduction,
    InteractionKind::Thanks,
    InteractionKind::Note,
};

// The stable spelling used in the database, the CLI, JSON and CSV ("request_sent").
QString toKey(InteractionKind kind);
std::optional<InteractionKind> interactionKindFromKey(QStringView key);
// "request_sent, request_accepted, ..." for error messages and --help.
QString interactionKindKeys();
// A translated label for people ("Request sent").
QString displayName(InteractionKind kind);

} // namespace rapport
