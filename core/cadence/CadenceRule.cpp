#include "core/cadence/CadenceRule.h"

namespace rapport {

CadenceRule CadenceRule::fromPreset(CadencePreset preset)
{
    switch (preset) {
    case CadencePreset::TenFourOne:
        return { CadencePreset::TenFourOne, 10, 4, 1, 5 };
    case CadencePreset::Custom:
        return { CadencePreset::Custom, 4, 4, 4, 5 };
    case CadencePreset::FourOneOne:
        break;
    }
    return { CadencePreset::FourOneOne, 4, 4, 4, 5 };
}

CadenceRule CadenceRule::custom(int requests, int notes, int followUps, int checkIns)
{
    return { CadencePreset::Custom, requests, notes, followUps, checkIns };
}

QString toKey(CadencePreset preset)
{
    switch (preset) {
    case CadencePreset::TenFourOne:
        return QStringLiteral("10-4-1");
    case CadencePreset::Custom:
        return QStringLiteral("custom");
    case CadencePreset::FourOneOne:
        break;
    }
    return QStringLiteral("4-1-1");
}

std::optional<CadencePreset> cadencePresetFromKey(QStringView key)
{
    for (CadencePreset preset : { CadencePreset::FourOneOne, CadencePreset::TenFourOne, CadencePreset::Custom }) {
        if (key == toKey(preset))
            return preset;
    }
    return std::nullopt;
}

} // namespace rapport
