#include "core/cadence/WeekPlan.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

namespace rapport {

namespace {

struct KindNames
{
    PlanActionKind kind;
    const char* key;
    const char* label;
};

constexpr std::array<KindNames, 6> kKindNames { {
    { PlanActionKind::SendRequest, "send_request", QT_TRANSLATE_NOOP("PlanAction", "Send a request") },
    { PlanActionKind::FollowUp, "follow_up", QT_TRANSLATE_NOOP("PlanAction", "Follow up") },
    { PlanActionKind::Engage, "engage", QT_TRANSLATE_NOOP("PlanAction", "Engage with their posts") },
    { PlanActionKind::CheckIn, "check_in", QT_TRANSLATE_NOOP("PlanAction", "Check in") },
    { PlanActionKind::Reply, "reply", QT_TRANSLATE_NOOP("PlanAction", "Reply") },
    { PlanActionKind::Follow, "follow", QT_TRANSLATE_NOOP("PlanAction", "Follow") },
} };
static_assert(kKindNames.size() == std::size_t(PlanActionKind::Follow) + 1, "every kind has a key and a name");

} // namespace

QString toKey(PlanActionKind kind)
{
    return QString::fromLatin1(kKindNames[static_cast<std::size_t>(kind)].key);
}

std::optional<PlanActionKind> planActionKindFromKey(QStringView key)
{
    for (const KindNames& names : kKindNames) {
        if (key == QLatin1StringView(names.key))
            return names.kind;
    }
    return std::nullopt;
}

QString displayName(PlanActionKind kind)
{
    return QCoreApplication::translate("PlanAction", kKindNames[static_cast<std::size_t>(kind)].label);
}

QString toKey(PlanActionState state)
{
    switch (state) {
    case PlanActionState::Done:
        return QStringLiteral("done");
    case PlanActionState::Overdue:
        return QStringLiteral("overdue");
    case PlanActionState::Planned:
        break;
    }
    return QStringLiteral("planned");
}

int WeekPlan::toDo(PlanActionKind kind) const
{
    return int(std::count_if(actions.cbegin(), actions.cend(), [kind](const PlanAction& action) {
        return action.kind == kind && action.state != PlanActionState::Done;
    }));
}

} // namespace rapport
