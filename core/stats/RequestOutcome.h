#pragma once

#include <QString>

namespace rapport {

// What became of one connection request (domain: Acceptance rate). Declined, withdrawn and no answer
// after the no-response timeout all count as not accepted; an open request is left out of every rate.
enum class RequestOutcome
{
    Open,
    Accepted,
    Declined,
    Withdrawn,
    NoAnswer,
};

inline bool isDecided(RequestOutcome outcome)
{
    return outcome != RequestOutcome::Open;
}

QString toKey(RequestOutcome outcome); // "no_answer"

} // namespace rapport
