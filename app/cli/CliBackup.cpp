#include "app/cli/Cli.h"

#include "core/storage/Backups.h"
#include "core/storage/Database.h"

#include <QCoreApplication>
#include <QDir>

namespace rapport {

int Cli::backup(const QStringList&)
{
    auto database = openDatabase();
    if (!database)
        return fail(database.error());
    auto path = Backups(**database).backupNow();
    if (!path)
        return fail(path.error());
    m_out << QCoreApplication::translate("Cli", "Backed up to %1").arg(QDir::toNativeSeparators(*path)) << '\n';
    return Ok;
}

int Cli::restore(const QStringList& arguments)
{
    const QString databasePath = Database::resolvePath(m_parser.value(QStringLiteral("db")));
    auto before = Backups::restore(databasePath, arguments[0]);
    if (!before)
        return fail(before.error());
    m_out << QCoreApplication::translate("Cli", "Restored %1 from %2; the state before is kept in %3")
                 .arg(QDir::toNativeSeparators(databasePath), QDir::toNativeSeparators(arguments[0]),
                      QDir::toNativeSeparators(*before))
          << '\n';
    return Ok;
}

} // namespace rapport
