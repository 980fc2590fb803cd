#pragma once

#include "core/stats/RequestOutcome.h"

#include <optional>

namespace rapport {

// A 95% Wilson score interval on a proportion, both ends in [0, 1].
struct WilsonInterval
{
    double low = 0;
    double high = 0;
};

// The z of a two-sided 95% interval.
inline constexpr double kZ95 = 1.959963984540054;

// The Wilson score interval of `successes` out of `trials`: unlike the normal approximation it stays
// inside [0, 1] and is honest for the handful of requests a week that Rapport deals in. Nothing for
// no trials: 0 out of 0 has no rate.
std::optional<WilsonInterval> wilsonInterval(int successes, int trials, double z = kZ95);

// The outcomes of a set of requests and the acceptance rate they give: accepted / decided, open ones
// left out (domain: Acceptance rate).
struct RateCount
{
    // Fewer decided requests than this, and a rate says nothing: shown greyed as "too few to tell".
    static constexpr int kTooFewToTell = 5;

    int accepted = 0;
    int declined = 0;
    int withdrawn = 0;
    int noAnswer = 0;
    int open = 0;

    int decided() const { return accepted + declined + withdrawn + noAnswer; }
    int notAccepted() const { return declined + withdrawn + noAnswer; }
    int sent() const { return decided() + open; }
    bool tooFewToTell() const { return decided() < kTooFewToTell; }

    std::optional<double> rate() const;
    std::optional<WilsonInterval> interval() const { return wilsonInterval(accepted, decided()); }

    void add(RequestOutcome outcome);
    RateCount& operator+=(const RateCount& other);

    bool operator==(const RateCount&) const = default;
};

} // namespace rapport
