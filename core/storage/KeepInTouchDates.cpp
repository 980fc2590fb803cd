#include "core/storage/KeepInTouchDates.h"

#include "core/domain/Contact.h"
#include "core/domain/KeepInTouch.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"
#include "core/storage/TagCadenceRepository.h"

#include <QDateTime>
#include <QSqlQuery>

namespace rapport {

Result<QHash<qint64, KeepInTouchDate>> KeepInTouchDates::load(Database& database, const QTimeZone& zone)
{
    return read(database, 0, zone);
}

Result<std::optional<KeepInTouchDate>> KeepInTouchDates::of(Database& database, qint64 contactId, const QTimeZone& zone)
{
    auto dates = read(database, contactId, zone);
    if (!dates)
        return Error { dates.error() };
    if (const auto it = dates->constFind(contactId); it != dates->cend())
        return std::optional(*it);
    return std::optional<KeepInTouchDate>();
}

Result<QHash<qint64, KeepInTouchDate>> KeepInTouchDates::read(Database& database, qint64 contactId,
                                                              const QTimeZone& zone)
{
    auto tagCadences = TagCadenceRepository(database).all();
    if (!tagCadences)
        return Error { tagCadences.error() };
    const auto tagDays = [&](const QString& tag) { return tagCadences->value(tag.toLower()); };
    // Through the partial index of cadences; contacts with tags only when some tag has a cadence.
    auto query = sql::exec(database.connection(),
                           QStringLiteral("SELECT c.id, c.keep_in_touch_days, c.tags, c.created_at, "
                                          "(SELECT MAX(i.occurred_at) FROM interactions i WHERE i.contact_id = c.id "
                                          "AND i.kind <> 'note') FROM contacts c WHERE (c.keep_in_touch_days > 0 "
                                          "OR (? AND c.tags <> '')) AND (? = 0 OR c.id = ?)"),
                           { tagCadences->isEmpty() ? 0 : 1, contactId, contactId });
    if (!query)
        return Error { query.error() };
    QHash<qint64, KeepInTouchDate> dates;
    while (query->next()) {
        const int days
            = keep_in_touch::effective(query->value(1).toInt(), splitTags(query->value(2).toString()), tagDays);
        if (days <= 0)
            continue;
        const qint64 lastMs = query->value(4).isNull() ? query->value(3).toLongLong() : query->value(4).toLongLong();
        const QDate last = QDateTime::fromMSecsSinceEpoch(lastMs, zone).date();
        dates.insert(query->value(0).toLongLong(), { days, last.addDays(days) });
    }
    return dates;
}

} // namespace rapport
