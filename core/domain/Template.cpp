#include "core/domain/Template.h"

#include <QCoreApplication>

#include <array>

namespace rapport {

namespace {

struct KindNames
{
    TemplateKind kind;
    const char* key;
    const char* label;
};

constexpr std::array<KindNames, 3> kNames { {
    { TemplateKind::ConnectionNote, "connection_note", QT_TRANSLATE_NOOP("TemplateKind", "Connection note") },
    { TemplateKind::FollowUp, "follow_up", QT_TRANSLATE_NOOP("TemplateKind", "Follow-up") },
    { TemplateKind::CheckIn, "check_in", QT_TRANSLATE_NOOP("TemplateKind", "Check-in") },
} };

} // namespace

QString toKey(TemplateKind kind)
{
    return QString::fromLatin1(kNames[static_cast<std::size_t>(kind)].key);
}

std::optional<TemplateKind> templateKindFromKey(QStringView key)
{
    for (const KindNames& names : kNames) {
        if (key == QLatin1StringView(names.key))
            return names.kind;
    }
    return std::nullopt;
}

QString displayName(TemplateKind kind)
{
    return QCoreApplication::translate("TemplateKind", kNames[static_cast<std::size_t>(kind)].label);
}

} // namespace rapport
