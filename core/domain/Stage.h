#pragma once

#include <QString>

#include <optional>

namespace rapport {

// Where a contact stands, derived from the interaction log (StageResolver), never stored.
enum class Stage
{
    Prospect,
    Following,
    Requested,
    Connected,
    NoResponse,
    Declined,
    Withdrawn, // the user withdrew the request
};

QString toKey(Stage stage); // "no_response"
std::optional<Stage> stageFromKey(QStringView key);
QString displayName(Stage stage); // "No response"

} // namespace rapport
