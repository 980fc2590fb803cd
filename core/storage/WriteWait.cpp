#include "core/storage/WriteWait.h"

#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

namespace rapport {

namespace {

int busyTimeout(const QSqlDatabase& db)
{
    auto query = sql::exec(db, QStringLiteral("PRAGMA busy_timeout"));
    return query && query->next() ? query->value(0).toInt() : -1;
}

void setBusyTimeout(const QSqlDatabase& db, int milliseconds)
{
    // sql: identifiers only (an integer; PRAGMA takes no bound values)
    (void)sql::exec(db, QStringLiteral("PRAGMA busy_timeout = %1").arg(milliseconds));
}

} // namespace

BriefWriteWait::BriefWriteWait(Database& database, int milliseconds)
    : m_database(database)
    , m_previous(busyTimeout(database.connection()))
{
    if (m_previous > milliseconds)
        setBusyTimeout(m_database.connection(), milliseconds);
}

BriefWriteWait::~BriefWriteWait()
{
    if (m_previous >= 0 && busyTimeout(m_database.connection()) != m_previous)
        setBusyTimeout(m_database.connection(), m_previous);
}

bool isBusyError(const QString& error)
{
    return error.contains(sql::busyExplanation());
}

} // namespace rapport
