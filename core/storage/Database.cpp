#include "core/storage/Database.h"

#include "core/storage/Migrations.h"
#include "core/storage/SqlUtil.h"
#include "core/storage/TemplateRepository.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

namespace rapport {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Database", text);
}

QString nextConnectionName()
{
    static QAtomicInteger<int> counter;
    return QStringLiteral("rapport-%1").arg(counter.fetchAndAddRelaxed(1));
}

Result<QVariant> scalar(const QSqlDatabase& db, const QString& statement)
{
    auto query = sql::exec(db, statement);
    if (!query)
        return Error { query.error() };
    if (!query->next())
        return QVariant();
    return query->value(0);
}

constexpr QFileDevice::Permissions kGroupOrOther = QFileDevice::ReadGroup | QFileDevice::WriteGroup
    | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;

// Makes `folder` and any folder missing above it, each owner-only whatever the umask: mkdir with 0700 can
// only lose bits to the umask, never gain them.
bool makePrivateFolders(const QString& folder)
{
    const QFileInfo info(folder);
    if (info.isDir())
        return true;
    if (info.exists() || info.isSymLink())
        return false;
    const QString parent = info.absolutePath();
    if (parent == info.absoluteFilePath() || !makePrivateFolders(parent))
        return false;
    return QDir().mkdir(info.absoluteFilePath(),
                        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)
        || QFileInfo(folder).isDir();
}

// Creates the file owner-only before SQLite sees it: SQLite gives the -wal and -shm files the mode of
// the database file, so they are 0600 too.
Status createPrivateFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        return Error {
            tr("Cannot create the database file %1: %2").arg(QDir::toNativeSeparators(path), file.errorString())
        };
    }
    return success();
}

// A database made readable by others (copied in, or written under a loose umask by an older Rapport) is
// made the user's alone again, with the -wal and -shm beside it. Best effort: a file the user does not own
// keeps its mode, and SQLite still decides whether it can be opened.
void tightenPermissions(const QString& path)
{
    for (const QString& suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") }) {
        const QString file = path + suffix;
        if (!QFileInfo(file).isFile())
            continue;
        const QFileDevice::Permissions permissions = QFile::permissions(file);
        if (permissions & kGroupOrOther)
            QFile::setPermissions(file, permissions & ~kGroupOrOther);
    }
}

} // namespace

Database::Database(QString path, QString connectionName)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
{
}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString Database::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/rapport.sqlite");
}

QString Database::resolvePath(const QString& commandLineValue)
{
    if (!commandLineValue.isEmpty())
        return commandLineValue;
    const QString fromEnvironment = qEnvironmentVariable("RAPPORT_DB");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return defaultPath();
}

int Database::latestSchemaVersion()
{
    return migrations().back().version;
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int Database::schemaVersion() const
{
    auto version = scalar(connection(), QStringLiteral("PRAGMA user_version"));
    return version ? version->toInt() : -1;
}

Result<Database::Revision> Database::revision() const
{
    auto query
        = sql::exec(connection(), QStringLiteral("SELECT total_changes(), data_version FROM pragma_data_version"));
    if (!query)
        return Error { query.error() };
    if (!query->next())
        return Error { QCoreApplication::translate("Database", "Cannot read the database's revision.") };
    return Revision { query->value(0).toLongLong(), query->value(1).toLongLong() };
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, Create create)
{
    if (path.trimmed().isEmpty())
        return Error { tr("No database path was given.") };
    const QFileInfo info(path);
    const QString where = QDir::toNativeSeparators(path);
    if (info.isDir())
        return Error { tr("%1 is a folder, not a database file.").arg(where) };
    // A device or a FIFO is never a database, and SQLite would create a -journal beside it (/dev/null-journal).
    if (info.exists() && !info.isFile())
        return Error { tr("%1 is not a regular file, so it cannot be a database.").arg(where) };
    if (!info.exists() && info.isSymLink())
        return Error {
            tr("%1 is a link to %2, which does not exist.").arg(where, QDir::toNativeSeparators(info.symLinkTarget()))
        };

    bool created = false;
    if (info.exists()) {
        tightenPermissions(path);
    } else {
        const QString folder = info.absolutePath();
        if (create == Create::FileAndFolders) {
            if (!makePrivateFolders(folder))
                return Error {
                    tr("Cannot create the folder %1 for the database.").arg(QDir::toNativeSeparators(folder))
                };
        } else if (!QFileInfo(folder).isDir()) {
            return Error { tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(folder)) };
        }
        if (create == Create::Nothing)
            return Error { tr("The database %1 does not exist.").arg(where) };
        if (Status made = createPrivateFile(path); !made)
            return Error { made.error() };
        created = true;
    }

    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return Error { tr("Qt's SQLite driver (QSQLITE) is not installed.") };
    const QString name = nextConnectionName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    }
    std::unique_ptr<Database> database(new Database(info.absoluteFilePath(), name));
    database->m_created = created;
    QSqlDatabase db = database->connection();
    if (!db.open()) {
        return Error {
            tr("Cannot open the database %1: %2").arg(QDir::toNativeSeparators(path), db.lastError().text())
        };
    }
    if (Status configured = database->configure(); !configured)
        return Error { configured.error() };
    const bool fresh = database->schemaVersion() == 0;
    if (Status migrated = database->migrate(); !migrated)
        return Error { migrated.error() };
    if (fresh) {
        if (Status seeded = TemplateRepository(*database).installDefaults(); !seeded)
            return Error { seeded.error() };
    }
    return database;
}

// Checks that the file is ours before changing anything in it, then sets the connection's pragmas.
Status Database::configure()
{
    const QSqlDatabase db = connection();
    const QString where = QDir::toNativeSeparators(m_path);
    QSqlQuery probe(db);
    if (!probe.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !probe.next()) {
        const QSqlError error = probe.lastError();
        if (sql::isNotADatabase(error))
            return Error { tr("%1 is not a Rapport database (%2).").arg(where, error.databaseText()) };
        const QString reason = sql::explain(error);
        return Error { tr("Cannot open %1: %2.").arg(where, reason.isEmpty() ? error.text() : reason) };
    }
    const int tableCount = probe.value(0).toInt();
    probe.finish();
    auto version = scalar(db, QStringLiteral("PRAGMA user_version"));
    auto applicationId = scalar(db, QStringLiteral("PRAGMA application_id"));
    if (!version || !applicationId)
        return Error { tr("%1 cannot be read: %2").arg(where, version ? applicationId.error() : version.error()) };

    const bool empty = tableCount == 0 && version->toInt() == 0;
    if (!empty && applicationId->toInt() != kApplicationId)
        return Error { tr("%1 is an SQLite database, but not one of Rapport's.").arg(where) };
    if (version->toInt() > latestSchemaVersion()) {
        return Error { tr("%1 was written by a newer version of Rapport (schema %2; this version knows up to %3). "
                          "Update Rapport to open it.")
                           .arg(where)
                           .arg(version->toInt())
                           .arg(latestSchemaVersion()) };
    }

    auto journal = scalar(db, QStringLiteral("PRAGMA journal_mode = WAL"));
    if (!journal || journal->toString().compare(u"wal", Qt::CaseInsensitive) != 0)
        return Error { tr("Cannot switch %1 to write-ahead logging: %2")
                           .arg(where, journal ? journal->toString() : journal.error()) };
    // Bulk writes (an import of a large file, undoing it, demo data) are many multi-row statements in one
    // transaction. Two defaults made SQLite's part of a 30,000-row import several times slower than it needs:
    // - the 2 MB page cache: a transaction that changes more pages than it holds spills them to the WAL
    //   before the commit, and writes many of them again there. 64 MB holds the largest networks; the cache
    //   grows only as pages are used, so a small database costs no more.
    // - temp_store = FILE: each multi-row statement that may fail on a constraint keeps the pages it changes
    //   in a statement journal, which past 64 KB becomes a temporary file on disk (80,000 writes of 4 KB for
    //   one import). In memory it holds one statement's pages at a time.
    // Both are per connection, so they are set at open, for every connection, rather than around the import.
    for (const char* pragma : { "PRAGMA foreign_keys = ON", "PRAGMA synchronous = FULL", "PRAGMA cache_size = -65536",
                                "PRAGMA temp_store = MEMORY" }) {
        if (auto done = sql::exec(db, QString::fromLatin1(pragma)); !done)
            return Error { done.error() };
    }
    return success();
}

Status Database::migrate()
{
    const int current = schemaVersion();
    for (const Migration& migration : migrations()) {
        if (migration.version <= current)
            continue;
        Status applied = transaction([&]() -> Status {
            for (const QString& statement : migration.statements) {
                if (auto done = sql::exec(connection(), statement); !done)
                    return Error { done.error() };
            }
            // sql: identifiers only (the migration's number; PRAGMA takes no bound values)
            auto versioned = sql::exec(connection(), QStringLiteral("PRAGMA user_version = %1").arg(migration.version));
            if (!versioned)
                return Error { versioned.error() };
            return success();
        });
        if (!applied) {
            return Error { tr("Cannot upgrade %1 to schema %2: %3")
                               .arg(QDir::toNativeSeparators(m_path))
                               .arg(migration.version)
                               .arg(applied.error()) };
        }
    }
    return success();
}

Status Database::transaction(const std::function<Status()>& work)
{
    if (m_transactionDepth > 0) {
        ++m_transactionDepth;
        Status result = work();
        --m_transactionDepth;
        return result;
    }
    const QSqlDatabase db = connection();
    // IMMEDIATE takes the write lock at once, so a second writer waits (busy timeout) instead of failing
    // halfway through.
    if (auto begun = sql::exec(db, QStringLiteral("BEGIN IMMEDIATE")); !begun)
        return Error { begun.error() };
    ++m_transactionDepth;
    Status result = work();
    --m_transactionDepth;
    if (result) {
        if (auto committed = sql::exec(db, QStringLiteral("COMMIT")); committed)
            return result;
        else
            result = Error { committed.error() };
    }
    (void)sql::exec(db, QStringLiteral("ROLLBACK"));
    return result;
}

} // namespace rapport
