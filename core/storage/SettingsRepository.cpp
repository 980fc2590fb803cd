#include "core/storage/SettingsRepository.h"

#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <QSqlQuery>

namespace rapport {

SettingsRepository::SettingsRepository(Database& database)
    : m_database(database)
{
}

Result<QString> SettingsRepository::value(const QString& key, const QString& fallback) const
{
    auto query
        = sql::exec(m_database.connection(), QStringLiteral("SELECT value FROM settings WHERE key = ?"), { key });
    if (!query)
        return Error { query.error() };
    return query->next() ? query->value(0).toString() : fallback;
}

Status SettingsRepository::setValue(const QString& key, const QString& value)
{
    auto query = sql::exec(m_database.connection(),
                           QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                                          "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                           { key, value });
    if (!query)
        return Error { query.error() };
    return success();
}

Status SettingsRepository::remove(const QString& key)
{
    auto query = sql::exec(m_database.connection(), QStringLiteral("DELETE FROM settings WHERE key = ?"), { key });
    if (!query)
        return Error { query.error() };
    return success();
}

} // namespace rapport
