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
};

// Copies of the database in a `backups/` folder beside it (domain-independent safety net): written with
// VACUUM INTO into a file created 0600, checked with integrity_check, and thinned to the last 7 daily and
// 4 weekly copies. File names carry the time: rapport-20261122-093000.sqlite.
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
    // At most once a (local) day: backs up unless a backup from today exists, then prunes. Returns the
    // new backup's path, or an empty string if none was due.
    Result<QString> automaticBackup(const QDateTime& now = QDateTime::currentDateTimeUtc());
    // Keeps the newest backup of each of the last 7 days that have one, and of each of the 4 weeks
    // before those; deletes the rest. Returns the deleted paths.
    Result<QStringList> prune();

    // Which of `backups` (newest first) the 7-daily/4-weekly policy keeps; by local date.
    static QList<BackupFile> toKeep(const QList<BackupFile>& backups);

    // Checks that `path` is a readable, intact Rapport database this version can open, without changing it.
    static Status verify(const QString& path);

    // Replaces the database at `databasePath` with the backup at `backupPath`, after verifying the backup
    // and backing up the current state. The database must not be open anywhere in this process.
    // Returns the path of the backup of the state before the restore.
    static Result<QString> restore(const QString& databasePath, const QString& backupPath,
                                   const QDateTime& now = QDateTime::currentDateTimeUtc());

private:
    Database& m_database;
};

} // namespace rapport
