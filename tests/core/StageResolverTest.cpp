#include "core/domain/StageResolver.h"

#include "TestDatabase.h"

#include <gtest/gtest.h>

namespace rapport {
namespace {

using test::utc;

Interaction entry(InteractionKind kind, const QDateTime& at)
{
    Interaction interaction;
    interaction.kind = kind;
    interaction.occurredAt = at;
    return interaction;
}

const QDateTime kNow = utc(2026, 11, 21);

TEST(StageResolver, NoLogIsAProspect)
{
    EXPECT_EQ(StageResolver::resolve({}, kNow), Stage::Prospect);
}

TEST(StageResolver, NotesAndMessagesDoNotChangeTheStage)
{
    EXPECT_EQ(StageResolver::resolve(
                  { entry(InteractionKind::Note, utc(2026, 11, 1)), entry(InteractionKind::Engaged, utc(2026, 11, 2)) },
                  kNow),
              Stage::Prospect);
}

TEST(StageResolver, FollowedWithoutRequestIsFollowing)
{
    EXPECT_EQ(StageResolver::resolve({ entry(InteractionKind::Followed, utc(2026, 11, 1)) }, kNow), Stage::Following);
}

TEST(StageResolver, RequestSentIsRequestedUntilTheTimeout)
{
    // 20 days and 23 hours: still waiting; 21 full days: no response.
    EXPECT_EQ(StageResolver::resolve({ entry(InteractionKind::RequestSent, kNow.addDays(-21).addSecs(3600)) }, kNow),
              Stage::Requested);
    EXPECT_EQ(StageResolver::resolve({ entry(InteractionKind::RequestSent, kNow.addDays(-21)) }, kNow),
              Stage::NoResponse);
    EXPECT_EQ(StageResolver::resolve({ entry(InteractionKind::RequestSent, kNow.addDays(-13)) }, kNow),
              Stage::Requested);
}

TEST(StageResolver, TheTimeoutIsASetting)
{
    const QList<Interaction> log { entry(InteractionKind::RequestSent, kNow.addDays(-10)) };
    EXPECT_EQ(StageResolver::resolve(log, kNow, 7), Stage::NoResponse);
    EXPECT_EQ(StageResolver::resolve(log, kNow, 14), Stage::Requested);
}

TEST(StageResolver, FollowThenRequestIsRequested)
{
    EXPECT_EQ(StageResolver::resolve({ entry(InteractionKind::Followed, utc(2026, 11, 1)),
                                       entry(InteractionKind::RequestSent, utc(2026, 11, 10)) },
                                     kNow),
              Stage::Requested);
}

TEST(StageResolver, AcceptedIsConnectedForever)
{
    EXPECT_EQ(StageResolver::resolve({ entry(InteractionKind::RequestSent, utc(2025, 1, 1)),
                                       entry(InteractionKind::RequestAccepted, utc(2025, 1, 3)),
                                       entry(InteractionKind::MessageSent, utc(2025, 2, 1)) },
                                     kNow),
              Stage::Connected);
}

TEST(StageResolver, ImportedConnectionWithoutRequestIsConnected)
{
    EXPECT_EQ(StageResolver::resolve({ entry(InteractionKind::RequestAccepted, utc(2022, 11, 21)) }, kNow),
              Stage::Connected);
}

TEST(StageResolver, DeclinedAndWithdrawnAreTheirOwnStages)
{
    EXPECT_EQ(StageResolver::resolve({ entry(InteractionKind::RequestSent, utc(2026, 10, 1)),
                                       entry(InteractionKind::RequestDeclined, utc(2026, 10, 5)) },
                                     kNow),
              Stage::Declined);
    EXPECT_EQ(StageResolver::resolve({ entry(InteractionKind::RequestSent, utc(2026, 10, 1)),
                                       entry(InteractionKind::RequestWithdrawn, utc(2026, 10, 25)) },
                                     kNow),
              Stage::Withdrawn);
}

TEST(StageResolver, ANewRequestAfterADeclineIsRequestedAgain)
{
    EXPECT_EQ(StageResolver::resolve({ entry(InteractionKind::RequestSent, utc(2026, 1, 1)),
                                       entry(InteractionKind::RequestDeclined, utc(2026, 1, 5)),
                                       entry(InteractionKind::RequestSent, utc(2026, 11, 15)) },
                                     kNow),
              Stage::Requested);
}

TEST(StageResolver, OrderOfTheLogDoesNotMatter)
{
    const QList<Interaction> chronological { entry(InteractionKind::RequestSent, utc(2026, 11, 1)),
                                             entry(InteractionKind::RequestAccepted, utc(2026, 11, 4)) };
    const QList<Interaction> reversed { chronological[1], chronological[0] };
    EXPECT_EQ(StageResolver::resolve(chronological, kNow), Stage::Connected);
    EXPECT_EQ(StageResolver::resolve(reversed, kNow), Stage::Connected);
}

TEST(StageResolver, AnAnswerWinsATieWithItsRequest)
{
    const QDateTime same = utc(2026, 11, 1);
    EXPECT_EQ(StageResolver::resolve(
                  { entry(InteractionKind::RequestAccepted, same), entry(InteractionKind::RequestSent, same) }, kNow),
              Stage::Connected);
}

TEST(StageResolver, PendingRequestSentAtIsKnownOnlyWhileUnanswered)
{
    StageResolver resolver;
    resolver.add(InteractionKind::RequestSent, utc(2026, 11, 1));
    EXPECT_EQ(resolver.pendingRequestSentAt(), utc(2026, 11, 1));
    resolver.add(InteractionKind::RequestAccepted, utc(2026, 11, 2));
    EXPECT_FALSE(resolver.pendingRequestSentAt().isValid());
}

TEST(Stage, KeysRoundTrip)
{
    for (Stage stage :
         { Stage::Prospect, Stage::Following, Stage::Requested, Stage::Connected, Stage::NoResponse, Stage::Declined })
        EXPECT_EQ(stageFromKey(toKey(stage)), stage);
    EXPECT_EQ(toKey(Stage::NoResponse), QStringLiteral("no_response"));
}

TEST(InteractionKind, KeysRoundTripForEveryKind)
{
    const QStringList expected = QStringLiteral("followed, request_sent, request_accepted, request_declined, "
                                                "request_withdrawn, message_sent, message_received, content_shared, "
                                                "engaged, endorsed, met, introduction, thanks, note")
                                     .split(QStringLiteral(", "));
    ASSERT_EQ(qsizetype(kAllInteractionKinds.size()), expected.size());
    for (std::size_t i = 0; i < kAllInteractionKinds.size(); ++i) {
        EXPECT_EQ(toKey(kAllInteractionKinds[i]), expected[qsizetype(i)]);
        EXPECT_EQ(interactionKindFromKey(expected[qsizetype(i)]), kAllInteractionKinds[i]);
    }
    EXPECT_FALSE(interactionKindFromKey(u"request-sent").has_value());
}

} // namespace
} // namespace rapport
