#include "core/storage/SilentConnections.h"

#include "core/domain/Contact.h"
#include "core/domain/KeepInTouch.h"
#include "core/domain/StageResolver.h"
#include "core/storage/Database.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/SqlUtil.h"
#include "core/storage/TagCadenceRepository.h"

#include <QSqlQuery>

namespace rapport {

Result<QList<SilentConnection>> SilentConnections::load(Database& database, const QDate& today, int days)
{
    auto tagCadences = TagCadenceRepository(database).all();
    if (!tagCadences)
        return Error { tagCadences.error() };
    const qint64 before = QDateTime(today.addDays(-days), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    // Through the contact index: each contact's last entry; the unstarred ones without a cadence of their own.
    auto query = sql::exec(database.connection(),
                           QStringLiteral("SELECT c.id, c.tags, MAX(i.occurred_at) AS last FROM contacts c "
                                          "JOIN interactions i ON i.contact_id = c.id "
                                          "WHERE c.starred = 0 AND c.keep_in_touch_days = 0 "
                                          "GROUP BY c.id HAVING last < ? ORDER BY last, c.id"),
                           { before });
    if (!query)
        return Error { query.error() };
    QList<SilentConnection> candidates;
    const auto tagDays = [&](const QString& tag) { return tagCadences->value(tag.toLower()); };
    while (query->next()) {
        if (keep_in_touch::effective(0, splitTags(query->value(1).toString()), tagDays) > 0)
            continue;
        candidates.append(
            { query->value(0).toLongLong(), QDateTime::fromMSecsSinceEpoch(query->value(2).toLongLong(), Qt::UTC) });
    }
    if (candidates.isEmpty())
        return candidates;
    auto stages = InteractionRepository(database).stages(QDateTime(today, QTime(23, 59), Qt::UTC),
                                                         StageResolver::kDefaultNoResponseDays);
    if (!stages)
        return Error { stages.error() };
    QList<SilentConnection> silent;
    for (const SilentConnection& candidate : std::as_const(candidates)) {
        if (stages->value(candidate.contactId, Stage::Prospect) == Stage::Connected)
            silent.append(candidate);
    }
    return silent;
}

} // namespace rapport
