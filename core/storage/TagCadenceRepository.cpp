#include "core/storage/TagCadenceRepository.h"

#include "core/domain/Contact.h"
#include "core/domain/KeepInTouch.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace rapport {

TagCadenceRepository::TagCadenceRepository(Database& database)
    : m_database(database)
{
}

Result<QMap<QString, int>> TagCadenceRepository::all() const
{
    auto query = sql::exec(m_database.connection(), QStringLiteral("SELECT tag, days FROM tag_cadences"));
    if (!query)
        return Error { query.error() };
    QMap<QString, int> cadences;
    while (query->next())
        cadences.insert(query->value(0).toString().toLower(), query->value(1).toInt());
    return cadences;
}

Status TagCadenceRepository::set(const QString& tag, int days)
{
    const QStringList clean = normalizedTags({ tag });
    if (clean.isEmpty())
        return Error { QCoreApplication::translate("TagCadenceRepository", "A tag needs a name.") };
    if (const QString problem = keep_in_touch::problem(days); !problem.isEmpty())
        return Error { problem };
    auto query = days == keep_in_touch::kNone
        ? sql::exec(m_database.connection(), QStringLiteral("DELETE FROM tag_cadences WHERE tag = ?"), { clean[0] })
        : sql::exec(m_database.connection(),
                    QStringLiteral("INSERT INTO tag_cadences (tag, days) VALUES (?, ?) "
                                   "ON CONFLICT (tag) DO UPDATE SET days = excluded.days"),
                    { clean[0], days });
    if (!query)
        return Error { query.error() };
    return success();
}

} // namespace rapport
