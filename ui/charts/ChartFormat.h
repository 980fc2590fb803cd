#pragma once

#include "core/stats/AcceptanceReport.h"

#include <QString>

#include <optional>

namespace rapport::ChartFormat {

// "42%", or "–" for no rate; in the user's locale.
QString percent(std::optional<double> fraction);
// "42% (12 of 30 answered, 95% interval 25–58%)", or "no answers yet (3 open)".
QString rateWithCounts(const RateCount& counts);
// A round top for a count axis that holds `value`: 5, 10, 20, 25, 50, 100...
int niceAxisTop(int value);
// The translated name of a group key: "No template", "Unknown", "Worked together", "With a note".
QString groupName(Grouping grouping, const QString& key);

} // namespace rapport::ChartFormat
