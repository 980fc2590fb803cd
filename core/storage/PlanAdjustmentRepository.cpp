#include "core/storage/PlanAdjustmentRepository.h"

#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <QCoreApplication>

namespace rapport {

namespace {

QString dateKey(const QDate& date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

Result<QList<PlanAdjustment>> readAll(Result<QSqlQuery> query)
{
    if (!query)
        return Error { query.error() };
    QList<PlanAdjustment> result;
    while (query->next()) {
        const auto kind = planActionKindFromKey(query->value(1).toString());
        if (!kind)
            continue; // written by a newer Rapport: not ours to plan
        PlanAdjustment adjustment;
        adjustment.contactId = query->value(0).toLongLong();
        adjustment.kind = *kind;
        adjustment.weekStart = QDate::fromString(query->value(2).toString(), Qt::ISODate);
        adjustment.movedTo = QDate::fromString(query->value(3).toString(), Qt::ISODate);
        adjustment.skipped = query->value(4).toInt() != 0;
        result.append(adjustment);
    }
    return result;
}

} // namespace

PlanAdjustmentRepository::PlanAdjustmentRepository(Database& database)
    : m_database(database)
{
}

Status PlanAdjustmentRepository::set(const PlanAdjustment& adjustment)
{
    if (!adjustment.weekStart.isValid())
        return Error { QCoreApplication::translate("PlanAdjustmentRepository", "The week of the change is missing.") };
    auto query
        = sql::exec(m_database.connection(),
                    QStringLiteral("INSERT INTO plan_adjustments (contact_id, kind, week_start, moved_to, skipped) "
                                   "VALUES (?, ?, ?, ?, ?) ON CONFLICT(contact_id, kind, week_start) DO UPDATE "
                                   "SET moved_to = excluded.moved_to, skipped = excluded.skipped"),
                    { adjustment.contactId, toKey(adjustment.kind), dateKey(adjustment.weekStart),
                      dateKey(adjustment.movedTo), adjustment.skipped ? 1 : 0 });
    if (!query)
        return Error { query.error() };
    return success();
}

Status PlanAdjustmentRepository::remove(qint64 contactId, PlanActionKind kind, const QDate& weekStart)
{
    auto query = sql::exec(m_database.connection(),
                           QStringLiteral("DELETE FROM plan_adjustments WHERE contact_id = ? AND kind = ? AND "
                                          "week_start = ?"),
                           { contactId, toKey(kind), dateKey(weekStart) });
    if (!query)
        return Error { query.error() };
    return success();
}

Result<std::optional<PlanAdjustment>> PlanAdjustmentRepository::find(qint64 contactId, PlanActionKind kind,
                                                                     const QDate& weekStart) const
{
    auto found
        = readAll(sql::exec(m_database.connection(),
                            QStringLiteral("SELECT contact_id, kind, week_start, moved_to, skipped FROM "
                                           "plan_adjustments WHERE contact_id = ? AND kind = ? AND week_start = ?"),
                            { contactId, toKey(kind), dateKey(weekStart) }));
    if (!found)
        return Error { found.error() };
    if (found->isEmpty())
        return std::optional<PlanAdjustment>();
    return std::optional<PlanAdjustment>(found->first());
}

Result<QList<PlanAdjustment>> PlanAdjustmentRepository::forWeek(const QDate& weekStart) const
{
    return readAll(
        sql::exec(m_database.connection(),
                  QStringLiteral("SELECT contact_id, kind, week_start, moved_to, skipped FROM plan_adjustments "
                                 "WHERE week_start = ? ORDER BY contact_id, kind"),
                  { dateKey(weekStart) }));
}

} // namespace rapport
