#pragma once

#include <QString>

#include <optional>

namespace rapport {

enum class CadencePreset
{
    FourOneOne, // 4-1-1, the default
    TenFourOne, // 10-4-1
    Custom,
};

// The week's targets (domain: Cadence rules).
struct CadenceRule
{
    CadencePreset preset = CadencePreset::FourOneOne;
    int requestsPerWeek = 4;
    int notesPerWeek = 4; // of the requests, how many carry a personalized note
    // Follow-ups with content a week. 4-1-1 asks for one per new connection; with 4 requests a week
    // that is at most 4.
    int followUpsPerWeek = 4;
    int checkInsPerWeek = 5; // keep-in-touch check-ins: the rest of those due wait for a later week

    static CadenceRule fromPreset(CadencePreset preset);
    static CadenceRule custom(int requests, int notes, int followUps, int checkIns = 5);

    bool operator==(const CadenceRule&) const = default;
};

QString toKey(CadencePreset preset); // "4-1-1", "10-4-1", "custom"
std::optional<CadencePreset> cadencePresetFromKey(QStringView key);

} // namespace rapport
