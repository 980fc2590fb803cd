#include "core/domain/InteractionKind.h"

#include <QCoreApplication>
#include <QStringList>

namespace rapport {

namespace {

struct KindNames
{
    InteractionKind kind;
    const char* key;
    const char* label;
};

constexpr std::array<KindNames, kAllInteractionKinds.size()> kNames { {
    { InteractionKind::Followed, "followed", QT_TRANSLATE_NOOP("InteractionKind", "Followed") },
    { InteractionKind::RequestSent, "request_sent", QT_TRANSLATE_NOOP("InteractionKind", "Request sent") },
    { InteractionKind::RequestAccepted, "request_accepted", QT_TRANSLATE_NOOP("InteractionKind", "Request accepted") },
    { InteractionKind::RequestDeclined, "request_declined", QT_TRANSLATE_NOOP("InteractionKind", "Request declined") },
    { InteractionKind::RequestWithdrawn, "request_withdrawn",
      QT_TRANSLATE_NOOP("InteractionKind", "Request withdrawn") },
    { InteractionKind::MessageSent, "message_sent", QT_TRANSLATE_NOOP("InteractionKind", "Message sent") },
    { InteractionKind::MessageReceived, "message_received", QT_TRANSLATE_NOOP("InteractionKind", "Message received") },
    { InteractionKind::ContentShared, "content_shared", QT_TRANSLATE_NOOP("InteractionKind", "Content shared") },
    { InteractionKind::Engaged, "engaged", QT_TRANSLATE_NOOP("InteractionKind", "Engaged with a post") },
    { InteractionKind::Endorsed, "endorsed", QT_TRANSLATE_NOOP("InteractionKind", "Endorsed") },
    { InteractionKind::Met, "met", QT_TRANSLATE_NOOP("InteractionKind", "Met") },
    { InteractionKind::Introduction, "introduction", QT_TRANSLATE_NOOP("InteractionKind", "Introduction made") },
    { InteractionKind::Thanks, "thanks", QT_TRANSLATE_NOOP("InteractionKind", "Thanks sent") },
    { InteractionKind::Note, "note", QT_TRANSLATE_NOOP("InteractionKind", "Note") },
} };

const KindNames& namesOf(InteractionKind kind)
{
    return kNames[static_cast<std::size_t>(kind)];
}

} // namespace

QString toKey(InteractionKind kind)
{
    return QString::fromLatin1(namesOf(kind).key);
}

std::optional<InteractionKind> interactionKindFromKey(QStringView key)
{
    for (const KindNames& names : kNames) {
        if (key == QLatin1StringView(names.key))
            return names.kind;
    }
    return std::nullopt;
}

QString interactionKindKeys()
{
    QStringList keys;
    for (const KindNames& names : kNames)
        keys.append(QString::fromLatin1(names.key));
    return keys.join(QStringLiteral(", "));
}

QString displayName(InteractionKind kind)
{
    return QCoreApplication::translate("InteractionKind", namesOf(kind).label);
}

} // namespace rapport
