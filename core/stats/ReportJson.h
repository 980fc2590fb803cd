#pragma once

#include "core/stats/AcceptanceReport.h"

#include <QJsonObject>

namespace rapport::Json {

// A rate as `rapport-cli stats --json` prints it: the counts, the rate in [0, 1] and its 95% Wilson
// interval ("rate", "ci_low" and "ci_high" are null when nothing was decided).
QJsonObject fromRateCount(const RateCount& counts);

// {"from", "to", "by", "overall": {... "verdict", "summary", "suggestions"}, "groups": [{"key", ...}],
// "funnel": {"sent", "accepted", "followed_up", "replied"}, "median_days_to_accept", "days_to_accept"}.
// Week groups also carry their rolling 4-week rate as "rolling": {...}.
QJsonObject fromAcceptanceReport(const AcceptanceReport& report, Grouping grouping);

} // namespace rapport::Json
