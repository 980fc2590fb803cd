#include "core/domain/HowWeKnow.h"

#include <QCoreApplication>

namespace rapport {

namespace {

struct HowWeKnowNames
{
    HowWeKnow value;
    const char* key;
    const char* label;
};

constexpr std::array<HowWeKnowNames, kAllHowWeKnow.size()> kNames { {
    { HowWeKnow::WorkedTogether, "worked_together", QT_TRANSLATE_NOOP("HowWeKnow", "Worked together") },
    { HowWeKnow::StudiedTogether, "studied_together", QT_TRANSLATE_NOOP("HowWeKnow", "Studied together") },
    { HowWeKnow::Introduced, "introduced", QT_TRANSLATE_NOOP("HowWeKnow", "Introduced by a mutual connection") },
    { HowWeKnow::MetAtEvent, "met_at_event", QT_TRANSLATE_NOOP("HowWeKnow", "Met at an event") },
    { HowWeKnow::BusinessInterest, "business_interest", QT_TRANSLATE_NOOP("HowWeKnow", "Shared business interest") },
    { HowWeKnow::Interview, "interview", QT_TRANSLATE_NOOP("HowWeKnow", "Interview") },
} };

} // namespace

QString toKey(HowWeKnow value)
{
    return QString::fromLatin1(kNames[static_cast<std::size_t>(value)].key);
}

std::optional<HowWeKnow> howWeKnowFromKey(QStringView key)
{
    for (const HowWeKnowNames& names : kNames) {
        if (key == QLatin1StringView(names.key))
            return names.value;
    }
    return std::nullopt;
}

QString howWeKnowKeys()
{
    QStringList keys;
    for (const HowWeKnowNames& names : kNames)
        keys.append(QString::fromLatin1(names.key));
    return keys.join(QStringLiteral(", "));
}

QString displayName(HowWeKnow value)
{
    return QCoreApplication::translate("HowWeKnow", kNames[static_cast<std::size_t>(value)].label);
}

} // namespace rapport
