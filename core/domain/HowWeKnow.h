#pragma once

#include <QString>
#include <QStringList>

#include <array>

#include <optional>

namespace rapport {

// How the user knows a contact: the fixed vocabulary stored in contacts.how_we_know, from the seeds'
// "when to send a connect request". The ConnectAdvisor and the note templates draw on it.
enum class HowWeKnow
{
    WorkedTogether,
    StudiedTogether,
    Introduced, // by a mutual connection
    MetAtEvent,
    BusinessInterest,
    Interview,
};

inline constexpr std::array kAllHowWeKnow {
    HowWeKnow::WorkedTogether, HowWeKnow::StudiedTogether,  HowWeKnow::Introduced,
    HowWeKnow::MetAtEvent,     HowWeKnow::BusinessInterest, HowWeKnow::Interview,
};

QString toKey(HowWeKnow value); // "worked_together"
// The value for a stored key; nothing for an empty or unknown key (e.g. free text from an old import).
std::optional<HowWeKnow> howWeKnowFromKey(QStringView key);
QString howWeKnowKeys(); // "worked_together, studied_together, ..."
QString displayName(HowWeKnow value); // "Worked together"

} // namespace rapport
