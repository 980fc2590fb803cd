#pragma once

#include "core/stats/RateCount.h"

#include <QString>
#include <QStringList>

namespace rapport {

// What an acceptance rate says about the user's approach (domain: Acceptance rate; the thresholds and
// the suggestions come from the seeds): under 30% needs attention, 30% to 50% is healthy, above is great.
struct HealthVerdict
{
    enum class Level
    {
        TooFewToTell, // fewer decided requests than RateCount::kTooFewToTell
        NeedsAttention,
        Healthy,
        Great,
    };

    static constexpr double kHealthyFrom = 0.30;
    static constexpr double kHealthyTo = 0.50;

    Level level = Level::TooFewToTell;
    QString summary; // one translated sentence
    QStringList suggestions; // translated; only when the rate needs attention

    static HealthVerdict of(const RateCount& counts);
};

QString toKey(HealthVerdict::Level level); // "needs_attention"

} // namespace rapport
