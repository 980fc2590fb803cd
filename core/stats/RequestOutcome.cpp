#include "core/stats/RequestOutcome.h"

namespace rapport {

QString toKey(RequestOutcome outcome)
{
    switch (outcome) {
    case RequestOutcome::Open:
        return QStringLiteral("open");
    case RequestOutcome::Accepted:
        return QStringLiteral("accepted");
    case RequestOutcome::Declined:
        return QStringLiteral("declined");
    case RequestOutcome::Withdrawn:
        return QStringLiteral("withdrawn");
    case RequestOutcome::NoAnswer:
        return QStringLiteral("no_answer");
    }
    return {};
}

} // namespace rapport
