#pragma once

#include "core/Result.h"
#include "core/cadence/PlanAdjustment.h"

#include <QList>

#include <optional>

namespace rapport {

class Database;

// The user's changes to planned actions (moved, snoozed, skipped), one per contact, action kind and week.
class PlanAdjustmentRepository
{
public:
    explicit PlanAdjustmentRepository(Database& database);

    // Stores `adjustment`, replacing the one for the same contact, kind and week.
    Status set(const PlanAdjustment& adjustment);
    Status remove(qint64 contactId, PlanActionKind kind, const QDate& weekStart);
    Result<std::optional<PlanAdjustment>> find(qint64 contactId, PlanActionKind kind, const QDate& weekStart) const;
    Result<QList<PlanAdjustment>> forWeek(const QDate& weekStart) const;

private:
    Database& m_database;
};

} // namespace rapport
