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
    // What open() may create when the database file is not there yet.
    enum class Create
    {
        FileAndFolders, // the default location: the file and any folder missing above it, owner-only (0700)
        File, // a path the user typed: the file, in a folder that must exist (a typo makes no folders)
        Nothing, // only a database that exists: a command that only reads creates nothing
    };

    // Opens (creating what `create` allows) and migrates the database at `path`. A file that is not a
    // Rapport database, one from a newer Rapport, or a path that is not a regular file (a device, a FIFO)
    // is refused and left untouched. An existing database, -wal or -shm that others may read is made
    // owner-only (0600).
    static Result<std::unique_ptr<Database>> open(const QString& path, Create create = Create::FileAndFolders);

    // QStandardPaths::AppDataLocation/rapport.sqlite.
    static QString defaultPath();
    // The path both executables use: `--db` if given, else $RAPPORT_DB, else defaultPath().
    static QString resolvePath(const QString& commandLineValue);

    static int latestSchemaVersion();

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    QString path() const { return m_path; }
    // True when open() created the file, rather than finding it.
    bool wasCreated() const { return m_created; }
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
    bool m_created = false;
};

} // namespace rapport
