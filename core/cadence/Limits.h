#pragma once

#include "core/domain/Interaction.h"

#include <QList>
#include <QTimeZone>

#include <array>

namespace rapport {

// The limits that hold whatever the cadence rule (domain: Cadence rules, The weekly plan), with the
// domain's defaults; all are settings.
struct Limits
{
    int requestsPer7Days = 100; // in any rolling 7 days
    int requestsPerDay = 20;
    int noResponseDays = 21; // a request unanswered this long counts as not accepted
    int engageAfterDays = 14; // pending this long: suggest engaging with their posts
    int followUpAfterDays = 3; // after an acceptance
    int followUpWindowDays = 30; // an acceptance older than this that was never followed up is missed
    int reRequestAfterDeclineDays = 90; // asked again once, this long after a decline or an unanswered request
    int reRequestAfterWithdrawalDays = 21;
    int replyWindowDays = 14; // a message received this recently and not answered is due the next day
    int followUpMessagesMax = 3; // unanswered outreach messages to one person ...
    int followUpMessagesWindowDays = 180; // ... in any this many days
    int basicNotesPerMonth = 5; // personalized notes a Basic account gets a calendar month
    int silentAfterDays = 730; // a connection this long without any interaction is listed for review

    bool operator==(const Limits&) const = default;
};

// Each limit under its settings key ("limits.requests_per_7_days") with the range a user may set.
struct LimitField
{
    const char* key;
    int Limits::*member;
    int minimum;
    int maximum;
};

inline constexpr std::array<LimitField, 13> kLimitFields { {
    { "requests_per_7_days", &Limits::requestsPer7Days, 0, 1000 },
    { "requests_per_day", &Limits::requestsPerDay, 0, 1000 },
    { "no_response_days", &Limits::noResponseDays, 1, 3650 },
    { "engage_after_days", &Limits::engageAfterDays, 1, 3650 },
    { "follow_up_after_days", &Limits::followUpAfterDays, 0, 3650 },
    { "re_request_after_decline_days", &Limits::reRequestAfterDeclineDays, 0, 3650 },
    { "re_request_after_withdrawal_days", &Limits::reRequestAfterWithdrawalDays, 0, 3650 },
    { "follow_up_window_days", &Limits::followUpWindowDays, 1, 3650 },
    { "reply_window_days", &Limits::replyWindowDays, 1, 3650 },
    { "follow_up_messages_max", &Limits::followUpMessagesMax, 0, 1000 },
    { "follow_up_messages_window_days", &Limits::followUpMessagesWindowDays, 1, 3650 },
    { "basic_notes_per_month", &Limits::basicNotesPerMonth, 0, 1000 },
    { "silent_after_days", &Limits::silentAfterDays, 30, 3650 },
} };

enum class LimitKind
{
    RequestsPer7Days,
    RequestsPerDay,
    DeclinedRecently,
    WithdrawnRecently,
};

struct LimitBreach
{
    LimitKind kind;
    QString message; // says which limit, the count and when it frees up, for the user

    bool operator==(const LimitBreach&) const = default;
};

// Whether logging one more request to `contactId` at `at` would cross a limit, and which: the log is every
// contact's (the caps count all requests); "a day" is a calendar day in `zone`. Empty when it would not.
QList<LimitBreach> checkNewRequest(const Limits& limits, const QList<Interaction>& log, qint64 contactId,
                                   const QDateTime& at, const QTimeZone& zone = QTimeZone::systemTimeZone());

} // namespace rapport
