#pragma once

#include "core/Result.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

namespace rapport {

// The SQLite file behind everything: opened through Qt Sql with WAL and foreign keys on, created
// 0600 (its -wal and -shm files inherit that mode from it), its schema brought up to date by the
// numbered migrations in Migrations.cpp, keyed on PRAGMA user_version.
class Database
{
public:
    // Opens (creating it if needed) and migrates the database at `path`. A file that is not a Rapport
    // database, or one from a newer Rapport, is refused and left untouched.
    static Result<std::unique_ptr<Database>> open(const QString& path);

    // QStandardPaths::AppDataLocation/rapport.sqlite.
    static QString defaultPath();
    // The path both executables use: `--db` if given, else $RAPPORT_DB, else defaultPath().
    static QString resolvePath(const QString& commandLineValue);

    static int latestSchemaVersion();

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    QString path() const { return m_path; }
    QSqlDatabase connection() const;
    int schemaVersion() const;

    // A value that changes whenever the stored data does, by this connection (rows changed since it
    // opened) or by another one (SQLite's data_version), for caching what is derived from the data.
    struct Revision
    {
        qint64 ownChanges = -1;
        qint64 othersVersion = -1;
        bool operator==(const Revision&) const = default;
    };
    Result<Revision> revision() const;

    // Runs `work` inside one write transaction: committed if it succeeds, rolled back if it fails.
    // Nested calls join the outer transaction.
    Status transaction(const std::function<Status()>& work);

private:
    Database(QString path, QString connectionName);
    Status configure();
    Status migrate();

    QString m_path;
    QString m_connectionName;
    int m_transactionDepth = 0;
};

} // namespace rapport
