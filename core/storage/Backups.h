#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace rapport {

class Database;

struct BackupFile
{
    QString path;
    QDateTime takenAt; // UTC, from the file name
    qint64 size = 0; // bytes
};

// What a restore replaced, for the user to hear.
struct RestoreReport
{
    QString before; // the backup of the state before the restore
    int contactsBefore = 0;
    int contactsRestored = 0;
};

// Copies of a database in a `backups/` folder beside it (domain-independent safety net). Each database has
// its own: work.sqlite's are named work-20261122-093000.sqlite, so two databases in one folder never prune,
// count or offer each other's. A backup is written with VACUUM INTO under a temporary name, checked
// (integrity, application id, schema), and only then renamed to its backup name, so a backup name always
// holds a whole, verified copy; the copies are thinned to the last 7 daily and 4 weekly.
class Backups
{
public:
    explicit Backups(Database& database);

    QString folder() const;
    QList<BackupFile> list() const; // newest first

    // The same for a database that is not open (it may not open at all).
    static QString folderFor(const QString& databasePath);
    static QList<BackupFile> listFor(const QString& databasePath);

    // Writes and verifies a backup now; returns its path.
    Result<QString> backupNow(const QDateTime& now = QDateTime::currentDateTimeUtc());
    // At most once a (local) day: backs up unless a whole backup from today exists, then prunes. Returns
    // the new backup's path, or an empty string if none was due.
    Result<QString> automaticBackup(const QDateTime& now = QDateTime::currentDateTimeUtc());
    // Keeps the newest backup of each of the last 7 days that have one, and of each of the 4 weeks before
    // those; deletes the rest, and what interrupted backups left behind. Returns the deleted paths.
    Result<QStringList> prune();

    // Which of `backups` (newest first) the 7-daily/4-weekly policy keeps; by local date.
    static QList<BackupFile> toKeep(const QList<BackupFile>& backups);

    // Checks that `path` is a readable, intact Rapport database this version can open, with every table,
    // column and index its schema version has, without changing it.
    static Status verify(const QString& path);
    // The number of contacts in the backup at `path`, or an error if it cannot be read.
    static Result<int> contactCount(const QString& path);

    // Replaces this database's data with the backup's, through SQLite in one write transaction: other
    // connections, in this process or another, wait for it or see the whole change, and keep working on
    // the restored data. The backup is verified first (and brought to this version's schema on a copy),
    // and the current state is backed up, so a restore can itself be undone.
    Result<RestoreReport> restore(const QString& backupPath, const QDateTime& now = QDateTime::currentDateTimeUtc());

    // For a database file that cannot be opened at all (damaged, not Rapport's): keeps its bytes in the
    // backups folder under a name that is neither offered for restoring nor pruned, then replaces the file
    // with the verified backup. Returns the path of the kept bytes.
    static Result<QString> restoreUnopenable(const QString& databasePath, const QString& backupPath,
                                             const QDateTime& now = QDateTime::currentDateTimeUtc());

private:
    Database& m_database;
};

} // namespace rapport
