#include "core/stats/HealthVerdict.h"

#include <QCoreApplication>

namespace rapport {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("HealthVerdict", text);
}

} // namespace

HealthVerdict HealthVerdict::of(const RateCount& counts)
{
    HealthVerdict verdict;
    const std::optional<double> rate = counts.rate();
    if (!rate || counts.tooFewToTell()) {
        verdict.summary
            = tr("Too few answered requests to tell yet: a rate needs at least %1.").arg(RateCount::kTooFewToTell);
        return verdict;
    }
    if (*rate < kHealthyFrom) {
        verdict.level = Level::NeedsAttention;
        verdict.summary = tr("Fewer than 30% of your requests are accepted: time to rethink the approach.");
        verdict.suggestions = {
            tr("Personalize every note: say how you know them or why you want to connect."),
            tr("Engage with their posts before you send the request, so that your name is familiar."),
            tr("Target better: people you share a connection, a school, an event or an interest with."),
        };
    } else if (*rate <= kHealthyTo) {
        verdict.level = Level::Healthy;
        verdict.summary = tr("A healthy acceptance rate: between 30% and 50% is what to expect.");
    } else {
        verdict.level = Level::Great;
        verdict.summary = tr("A great acceptance rate: more than half of your requests are accepted.");
    }
    return verdict;
}

QString toKey(HealthVerdict::Level level)
{
    switch (level) {
    case HealthVerdict::Level::TooFewToTell:
        return QStringLiteral("too_few_to_tell");
    case HealthVerdict::Level::NeedsAttention:
        return QStringLiteral("needs_attention");
    case HealthVerdict::Level::Healthy:
        return QStringLiteral("healthy");
    case HealthVerdict::Level::Great:
        return QStringLiteral("great");
    }
    return {};
}

} // namespace rapport
