#pragma once

#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace rapport {

// A keep-in-touch cadence (domain: Keep in touch): none, or every N days. Stored as a number of days,
// 0 meaning none, which is what every new and imported contact gets.
namespace keep_in_touch {

inline constexpr int kNone = 0;
inline constexpr int kMinDays = 7;
inline constexpr int kMaxDays = 730;

struct Preset
{
    const char* key; // "close"
    const char* label; // "Close"
    int days;
};

inline constexpr std::array<Preset, 4> kPresets { {
    { "close", QT_TRANSLATE_NOOP("KeepInTouch", "Close"), 30 },
    { "regular", QT_TRANSLATE_NOOP("KeepInTouch", "Regular"), 90 },
    { "occasional", QT_TRANSLATE_NOOP("KeepInTouch", "Occasional"), 180 },
    { "yearly", QT_TRANSLATE_NOOP("KeepInTouch", "Yearly"), 365 },
} };

inline constexpr int kCloseDays = 30;

// "none" -> 0, "close" -> 30, "45" -> 45; nothing for anything else, including a number outside 7-730.
std::optional<int> parse(QStringView text);
// Why `days` is not a cadence, or an empty string.
QString problem(int days);
// "None", "Close (every 30 days)", "Every 45 days".
QString describe(int days);
// The key parse() reads back: "none", "close", "45".
QString toKey(int days);

// The cadence that applies: the contact's own, else the shortest of its tags' (`tagDays` looks a tag up,
// 0 when it has none), else none.
template <typename TagDays> int effective(int ownDays, const QStringList& tags, TagDays tagDays)
{
    if (ownDays > 0)
        return ownDays;
    int shortest = kNone;
    for (const QString& tag : tags) {
        const int days = tagDays(tag);
        if (days > 0 && (shortest == kNone || days < shortest))
            shortest = days;
    }
    return shortest;
}

} // namespace keep_in_touch

} // namespace rapport
