#include "app/cli/Cli.h"

#include "core/storage/Backups.h"
#include "core/storage/Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>

namespace rapport {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Cli", text);
}

QString contactsText(int count)
{
    return count == 1 ? tr("1 contact") : tr("%1 contacts").arg(QLocale().toString(count));
}

} // namespace

int Cli::backup(const QStringList&)
{
    auto database = openDatabase();
    if (!database)
        return fail(database.error());
    auto path = Backups(**database).backupNow();
    if (!path)
        return fail(path.error());
    m_out << tr("Backed up to %1").arg(QDir::toNativeSeparators(*path)) << '\n';
    return Ok;
}

int Cli::restore(const QStringList& arguments)
{
    const QString databasePath = Database::resolvePath(m_parser.value(QStringLiteral("db")));
    if (arguments.isEmpty()) { // this database's backups, newest first, to choose from
        const QList<BackupFile> backups = Backups::listFor(databasePath);
        if (backups.isEmpty()) {
            m_out << tr("%1 has no backups yet (rapport-cli backup makes one).")
                         .arg(QDir::toNativeSeparators(databasePath))
                  << '\n';
            return Ok;
        }
        const QLocale locale;
        QList<QStringList> rows { { tr("TAKEN"), tr("SIZE"), tr("CONTACTS"), tr("FILE") } };
        for (const BackupFile& backup : backups) {
            const auto contacts = Backups::contactCount(backup.path);
            rows.append({ locale.toString(backup.takenAt.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                          locale.formattedDataSize(backup.size),
                          contacts ? locale.toString(*contacts) : tr("unreadable"),
                          QDir::toNativeSeparators(backup.path) });
        }
        printTable(m_out, rows);
        m_out << tr("Restore one with: rapport-cli restore FILE") << '\n';
        return Ok;
    }
    const QString backupPath = arguments[0];
    if (Status verified = Backups::verify(backupPath); !verified)
        return fail(verified.error());

    auto database = openDatabase();
    if (!database) {
        // A database that cannot be opened (damaged, not Rapport's) is replaced as a file, its bytes kept;
        // one that is sound but could not be opened now (busy, say) is left alone.
        if (QFileInfo::exists(databasePath) && Backups::verify(databasePath))
            return fail(database.error());
        auto kept = Backups::restoreUnopenable(databasePath, backupPath);
        if (!kept)
            return fail(kept.error());
        m_out << tr("Restored %1 from %2; it could not be opened (%3), and its old file is kept in %4")
                     .arg(QDir::toNativeSeparators(databasePath), QDir::toNativeSeparators(backupPath),
                          database.error(), QDir::toNativeSeparators(*kept))
              << '\n';
        return Ok;
    }
    auto report = Backups(**database).restore(backupPath);
    if (!report)
        return fail(report.error());
    m_out << tr("Restored %1 from %2: %3 now, %4 before. The state before is kept in %5")
                 .arg(QDir::toNativeSeparators(databasePath), QDir::toNativeSeparators(backupPath),
                      contactsText(report->contactsRestored), contactsText(report->contactsBefore),
                      QDir::toNativeSeparators(report->before))
          << '\n';
    return Ok;
}

} // namespace rapport
