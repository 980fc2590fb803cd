#include "core/stats/AcceptanceReport.h"

#include <QStringList>

#include <array>
#include <utility>

namespace rapport {

namespace {

constexpr std::array<std::pair<Grouping, const char*>, 5> kGroupingKeys { {
    { Grouping::Week, "week" },
    { Grouping::Month, "month" },
    { Grouping::Template, "template" },
    { Grouping::Source, "source" },
    { Grouping::Personalized, "personalized" },
} };

} // namespace

QString toKey(Grouping grouping)
{
    for (const auto& [value, key] : kGroupingKeys) {
        if (value == grouping)
            return QString::fromLatin1(key);
    }
    return {};
}

std::optional<Grouping> groupingFromKey(QStringView key)
{
    for (const auto& [value, name] : kGroupingKeys) {
        if (key == QLatin1StringView(name))
            return value;
    }
    return std::nullopt;
}

QString groupingKeys()
{
    QStringList keys;
    for (const auto& entry : kGroupingKeys)
        keys.append(QString::fromLatin1(entry.second));
    return keys.join(QStringLiteral(", "));
}

std::optional<double> AcceptanceReport::medianDaysToAccept() const
{
    qint64 total = 0;
    for (int count : daysToAccept)
        total += count;
    if (total == 0)
        return std::nullopt;
    // The two middle values of the sorted days (the same one when the total is odd).
    const qint64 lowRank = (total - 1) / 2;
    const qint64 highRank = total / 2;
    std::optional<int> low;
    qint64 seen = 0;
    for (int day = 0; day < daysToAccept.size(); ++day) {
        seen += daysToAccept[day];
        if (!low && seen > lowRank)
            low = day;
        if (seen > highRank)
            return (*low + day) / 2.0;
    }
    return std::nullopt;
}

const QList<RateGroup>& AcceptanceReport::groups(Grouping grouping) const
{
    switch (grouping) {
    case Grouping::Week:
        return weeks;
    case Grouping::Month:
        return months;
    case Grouping::Template:
        return templates;
    case Grouping::Source:
        return sources;
    case Grouping::Personalized:
        break;
    }
    return personalization;
}

} // namespace rapport
