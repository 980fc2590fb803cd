#pragma once

#include "core/cadence/Limits.h"
#include "core/cadence/PlanSnapshot.h"
#include "core/cadence/plan/PlanCalendar.h"
#include "core/domain/Stage.h"

#include <QList>

#include <limits>
#include <span>

namespace rapport {

// One contact's log folded into what the plan's parts ask of it, as seen on the calendar's "as of" day.
// Entries after the week are not seen; times are UTC milliseconds, kNever when there is none.
struct ContactHistory
{
    static constexpr qint64 kNever = std::numeric_limits<qint64>::min();

    Stage stage = Stage::Prospect;
    int requestsSent = 0; // ever
    qint64 firstSentMs = kNever;
    qint64 lastSentMs = kNever;
    qint64 acceptedMs = kNever; // the last acceptance
    qint64 answerMs = kNever; // the last decline or withdrawal
    qint64 followedMs = kNever; // the first follow
    qint64 firstEngagedMs = kNever;
    qint64 lastEngagedMs = kNever;
    qint64 lastMetMs = kNever;
    // The last entry that is not a note, up to the end of the "as of" day: how long it has been quiet.
    qint64 lastTouchMs = kNever;
    qint64 lastTouchBeforeWeekMs = kNever;
    // The first content shared or message sent since the last acceptance: the follow-up.
    qint64 followUpMs = kNever;
    // The last message received that no message of the user's answered yet (up to the end of "as of").
    qint64 unansweredReceivedMs = kNever;
    // The first message of the user's in the week that answered one received in the reply window.
    qint64 replyMs = kNever;
    // The user's messages (sent or content shared) in the cap's window since the contact last wrote back:
    // outreach that went unanswered. A reply in a live conversation is not pestering.
    int unansweredOutreach = 0;
    // Every request sent, and the entries of the week, oldest first (pointers into the snapshot).
    QList<const PlanSnapshot::Entry*> requests;
    QList<const PlanSnapshot::Entry*> week;

    static ContactHistory fold(std::span<const PlanSnapshot::Entry> entries, const PlanCalendar& calendar,
                               const Limits& limits);

    bool connected() const { return stage == Stage::Connected; }
    // Whether the user asked this contact to connect before the connection (not an imported one).
    bool requestedByUser() const { return firstSentMs != kNever && firstSentMs <= acceptedMs; }
};

// Whether an entry is something the user did towards the contact (a message, content, engaging, meeting...).
bool isUserInitiated(InteractionKind kind);
// A message the user wrote to the contact.
bool isOutreachMessage(InteractionKind kind);

} // namespace rapport
