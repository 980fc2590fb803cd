#include "core/domain/Stage.h"

#include <QCoreApplication>

#include <array>

namespace rapport {

namespace {

struct StageNames
{
    Stage stage;
    const char* key;
    const char* label;
};

constexpr std::array<StageNames, 7> kNames { {
    { Stage::Prospect, "prospect", QT_TRANSLATE_NOOP("Stage", "Prospect") },
    { Stage::Following, "following", QT_TRANSLATE_NOOP("Stage", "Following") },
    { Stage::Requested, "requested", QT_TRANSLATE_NOOP("Stage", "Requested") },
    { Stage::Connected, "connected", QT_TRANSLATE_NOOP("Stage", "Connected") },
    { Stage::NoResponse, "no_response", QT_TRANSLATE_NOOP("Stage", "No response") },
    { Stage::Declined, "declined", QT_TRANSLATE_NOOP("Stage", "Declined") },
    { Stage::Withdrawn, "withdrawn", QT_TRANSLATE_NOOP("Stage", "Withdrawn") },
} };

} // namespace

QString toKey(Stage stage)
{
    return QString::fromLatin1(kNames[static_cast<std::size_t>(stage)].key);
}

std::optional<Stage> stageFromKey(QStringView key)
{
    for (const StageNames& names : kNames) {
        if (key == QLatin1StringView(names.key))
            return names.stage;
    }
    return std::nullopt;
}

QString displayName(Stage stage)
{
    return QCoreApplication::translate("Stage", kNames[static_cast<std::size_t>(stage)].label);
}

} // namespace rapport
