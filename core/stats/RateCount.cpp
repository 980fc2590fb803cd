#include "core/stats/RateCount.h"

#include <algorithm>
#include <cmath>

namespace rapport {

std::optional<WilsonInterval> wilsonInterval(int successes, int trials, double z)
{
    if (trials <= 0 || successes < 0 || successes > trials)
        return std::nullopt;
    const double n = trials;
    const double p = successes / n;
    const double z2 = z * z;
    const double denominator = 1 + z2 / n;
    const double centre = (p + z2 / (2 * n)) / denominator;
    const double margin = z * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
    // Rounding can leave the ends a hair outside [0, 1] at 0/n and n/n.
    return WilsonInterval { std::clamp(centre - margin, 0.0, 1.0), std::clamp(centre + margin, 0.0, 1.0) };
}

std::optional<double> RateCount::rate() const
{
    if (decided() == 0)
        return std::nullopt;
    return double(accepted) / decided();
}

void RateCount::add(RequestOutcome outcome)
{
    switch (outcome) {
    case RequestOutcome::Open:
        ++open;
        break;
    case RequestOutcome::Accepted:
        ++accepted;
        break;
    case RequestOutcome::Declined:
        ++declined;
        break;
    case RequestOutcome::Withdrawn:
        ++withdrawn;
        break;
    case RequestOutcome::NoAnswer:
        ++noAnswer;
        break;
    }
}

RateCount& RateCount::operator+=(const RateCount& other)
{
    accepted += other.accepted;
    declined += other.declined;
    withdrawn += other.withdrawn;
    noAnswer += other.noAnswer;
    open += other.open;
    return *this;
}

} // namespace rapport
