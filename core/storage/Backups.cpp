#include "core/storage/Backups.h"

#include "core/storage/Database.h"
#include "core/storage/Migrations.h"
#include "core/storage/SqlUtil.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLockFile>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScopeGuard>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtEndian>

#include <algorithm>

namespace rapport {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Backups", text);
}

QString native(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kOwnerOnlyFolder = kOwnerOnly | QFileDevice::ExeOwner;

// What a database's backups are named after: its file name without ".sqlite" (rapport.sqlite's backups are
// rapport-DATE.sqlite, as before backups had their database's name; work.db's are work.db-DATE.sqlite).
QString stemOf(const QString& databasePath)
{
    QString stem = QFileInfo(databasePath).fileName();
    if (stem.endsWith(QStringLiteral(".sqlite")))
        stem.chop(7);
    return stem;
}

QString fileNameFor(const QString& stem, const QDateTime& time, int copy)
{
    const QString stamp = time.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    return copy < 2 ? QStringLiteral("%1-%2.sqlite").arg(stem, stamp)
                    : QStringLiteral("%1-%2-%3.sqlite").arg(stem, stamp).arg(copy);
}

QRegularExpression namePattern(const QString& stem)
{
    return QRegularExpression(u'^' + QRegularExpression::escape(stem)
                              + QStringLiteral("-(\\d{8}-\\d{6})(-\\d+)?\\.sqlite$"));
}

// Files being written carry this suffix until they are verified; SQLite may add -journal to it.
constexpr auto kPartialSuffix = ".partial";

QAtomicInteger<int> connectionCounter; // one for every withConnection, nested ones included

// Runs `work` on a private connection to `path`, closed afterwards.
template <class Work> auto withConnection(const QString& path, bool readOnly, Work work)
{
    const QString name = QStringLiteral("rapport-backup-%1").arg(connectionCounter.fetchAndAddRelaxed(1));
    decltype(work(std::declval<QSqlDatabase&>())) result = Error { tr("Cannot open %1.").arg(native(path)) };
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (readOnly)
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open())
            result = work(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

Result<qint64> integer(const QSqlDatabase& db, const QString& statement)
{
    auto query = sql::exec(db, statement);
    if (!query)
        return Error { query.error() };
    if (!query->next())
        return Error { tr("No value from %1").arg(statement) };
    return query->value(0).toLongLong();
}

// Tables with their columns, and indexes, by name: what a schema is made of, to compare two.
using SchemaShape = QMap<QString, QStringList>;

Result<SchemaShape> shapeOf(const QSqlDatabase& db, const QString& schema = QStringLiteral("main"))
{
    // sql: identifiers only (the schema name is "main" or the attached name chosen below)
    auto query = sql::exec(db,
                           QStringLiteral("SELECT m.type, m.name, p.name FROM %1.sqlite_schema AS m "
                                          "LEFT JOIN pragma_table_info(m.name, '%1') AS p ON m.type = 'table' "
                                          "WHERE m.type IN ('table', 'index') AND m.name NOT LIKE 'sqlite_%' "
                                          "ORDER BY m.name, p.cid")
                               .arg(schema));
    if (!query)
        return Error { query.error() };
    SchemaShape shape;
    while (query->next()) {
        QStringList& entry = shape[query->value(0).toString() + u' ' + query->value(1).toString()];
        if (!query->isNull(2))
            entry.append(query->value(2).toString());
    }
    return shape;
}

// The schema that migrations 1..version make, in memory.
Result<SchemaShape> expectedShape(int version)
{
    return withConnection(QStringLiteral(":memory:"), false, [&](QSqlDatabase& db) -> Result<SchemaShape> {
        for (const Migration& migration : migrations()) {
            if (migration.version > version)
                break;
            for (const QString& statement : migration.statements) {
                if (auto done = sql::exec(db, statement); !done)
                    return Error { done.error() };
            }
        }
        return shapeOf(db);
    });
}

// What `actual` lacks of `expected`, for the user: "table contacts, column interactions.kind".
QStringList missingFrom(const SchemaShape& actual, const SchemaShape& expected)
{
    QStringList missing;
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        const auto found = actual.constFind(it.key());
        if (found == actual.cend()) {
            missing.append(it.key());
            continue;
        }
        const QString table = it.key().section(u' ', 1);
        for (const QString& column : *it) {
            if (!found->contains(column))
                missing.append(QStringLiteral("column %1.%2").arg(table, column));
        }
    }
    return missing;
}

// A quick look at the file's header, without SQLite: an SQLite file of Rapport's whose length is the
// size its header gives. It tells a whole backup from an empty or cut-off one; verify() checks the rest.
bool looksWhole(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray header = file.read(100);
    if (header.size() < 100 || !header.startsWith(QByteArrayLiteral("SQLite format 3\0")))
        return false;
    const auto big16 = [&](int at) { return qFromBigEndian<quint16>(header.constData() + at); };
    const auto big32 = [&](int at) { return qFromBigEndian<quint32>(header.constData() + at); };
    const qint64 pageSize = big16(16) == 1 ? 65536 : big16(16);
    const bool pageCountValid = big32(92) == big32(24); // "version-valid-for" matches the change counter
    return big32(68) == quint32(kApplicationId) && (!pageCountValid || pageSize * big32(28) == file.size());
}

Status checkSchema(const QSqlDatabase& db, const QString& path)
{
    auto version = integer(db, QStringLiteral("PRAGMA user_version"));
    if (!version)
        return Error { version.error() };
    if (*version > Database::latestSchemaVersion())
        return Error { tr("%1 comes from a newer version of Rapport.").arg(native(path)) };
    if (*version < 1)
        return Error { tr("%1 has no Rapport schema.").arg(native(path)) };
    auto expected = expectedShape(int(*version));
    auto actual = shapeOf(db);
    if (!expected || !actual)
        return Error { expected ? actual.error() : expected.error() };
    if (const QStringList missing = missingFrom(*actual, *expected); !missing.isEmpty())
        return Error {
            tr("%1 is damaged: its schema lacks %2.").arg(native(path), missing.join(QStringLiteral(", ")))
        };
    return success();
}

// Removes what interrupted backups and restores left in `folder`: partial files, journals beside backups,
// and files under a backup name that are not whole. The folder's lock must be held.
void cleanLeftovers(const QString& folder)
{
    static const QRegularExpression anyBackupName(QStringLiteral("^.+-\\d{8}-\\d{6}(-\\d+)?\\.sqlite$"));
    const QDir dir(folder);
    for (const QFileInfo& info : dir.entryInfoList(QDir::Files | QDir::Hidden)) {
        const QString name = info.fileName();
        const bool partial = name.contains(QLatin1StringView(kPartialSuffix));
        const bool journal = name.endsWith(QStringLiteral(".sqlite-journal"));
        const bool brokenBackup = anyBackupName.match(name).hasMatch() && !looksWhole(info.absoluteFilePath());
        if (partial || journal || brokenBackup)
            QFile::remove(info.absoluteFilePath());
    }
}

// Every process that writes or cleans a backups folder holds its lock, so whatever partial file is found
// while holding it was left by an interrupted backup. QLockFile notices a lock whose process died.
class FolderLock
{
public:
    explicit FolderLock(QString folder)
        : m_folder(std::move(folder))
        , m_lock(m_folder + QStringLiteral("/.backups.lock"))
    {
        // A lock whose process died is stale at once. One cut off before it named its process (killed while
        // taking it) is stale after a few seconds; a live process's lock is never taken from it (QLockFile
        // holds it with a native lock too), however long its backup runs.
        m_lock.setStaleLockTime(5000);
    }
    // Makes the folder (owner-only), takes its lock and removes what interrupted backups left in it.
    Status acquire()
    {
        if (!QDir().mkpath(m_folder))
            return Error { tr("Cannot create the backup folder %1.").arg(native(m_folder)) };
        QFile::setPermissions(m_folder, kOwnerOnlyFolder); // backups are as private as the database
        if (!m_lock.tryLock(60'000))
            return Error { tr("Another Rapport process is writing a backup; try again when it is done.") };
        cleanLeftovers(m_folder);
        return success();
    }

private:
    QString m_folder;
    QLockFile m_lock;
};

// A backup name in `folder` for `stem` at `now` that no file has yet.
QString freshPath(const QString& folder, const QString& stem, const QDateTime& now)
{
    QString path;
    for (int copy = 1; path.isEmpty() || QFileInfo::exists(path); ++copy)
        path = folder + u'/' + fileNameFor(stem, now, copy);
    return path;
}

// Writes a verified backup of `db` (the database at `databasePath`) into `folder`, whose lock is held.
Result<QString> writeBackup(const QSqlDatabase& db, const QString& databasePath, const QDateTime& now)
{
    const QString folder = Backups::folderFor(databasePath);
    const QString path = freshPath(folder, stemOf(databasePath), now);
    const QString partial = path + QLatin1StringView(kPartialSuffix);
    // Created owner-only first: SQLite keeps the mode of a file it is given.
    {
        QFile file(partial);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate, kOwnerOnly))
            return Error { tr("Cannot create the backup %1: %2").arg(native(partial), file.errorString()) };
    }
    if (auto vacuumed = sql::exec(db, QStringLiteral("VACUUM INTO ?"), { partial }); !vacuumed) {
        QFile::remove(partial);
        return Error { tr("The backup could not be written: %1").arg(vacuumed.error()) };
    }
    if (Status verified = Backups::verify(partial); !verified) {
        QFile::remove(partial);
        return Error { tr("The backup failed its check and was removed: %1").arg(verified.error()) };
    }
    if (!QFile::rename(partial, path)) {
        QFile::remove(partial);
        return Error { tr("Cannot name the backup %1.").arg(native(path)) };
    }
    return path;
}

Result<int> countContacts(const QSqlDatabase& db, const QString& schema = QStringLiteral("main"))
{
    // sql: identifiers only (the schema name is "main" or the attached name chosen below)
    auto count = integer(db, QStringLiteral("SELECT count(*) FROM %1.contacts").arg(schema));
    if (!count)
        return Error { count.error() };
    return int(*count);
}

// Copies every table of the attached schema `from` over main's, in the transaction the caller holds.
Status replaceTables(const QSqlDatabase& db, const QString& from)
{
    auto shape = shapeOf(db);
    if (!shape)
        return Error { shape.error() };
    if (auto deferred = sql::exec(db, QStringLiteral("PRAGMA defer_foreign_keys = ON")); !deferred)
        return Error { deferred.error() };
    QStringList tables;
    for (auto it = shape->cbegin(); it != shape->cend(); ++it) {
        if (it.key().startsWith(QStringLiteral("table ")))
            tables.append(it.key().section(u' ', 1));
    }
    auto sequence
        = integer(db, QStringLiteral("SELECT count(*) FROM main.sqlite_schema WHERE name = 'sqlite_sequence'"));
    if (sequence && *sequence > 0)
        tables.append(QStringLiteral("sqlite_sequence"));
    // Every table is emptied before any is filled, so that no cascade from a delete reaches restored rows.
    for (const QString& table : std::as_const(tables)) {
        // sql: identifiers only (table names read from the schema)
        if (auto cleared = sql::exec(db, QStringLiteral("DELETE FROM main.\"%1\"").arg(table)); !cleared)
            return Error { cleared.error() };
    }
    for (const QString& table : std::as_const(tables)) {
        const QStringList columns = table == u"sqlite_sequence"
            ? QStringList { QStringLiteral("name"), QStringLiteral("seq") }
            : shape->value(QStringLiteral("table ") + table);
        QStringList quoted;
        for (const QString& column : columns)
            quoted.append(u'"' + column + u'"');
        const QString list = quoted.join(QStringLiteral(", "));
        // sql: identifiers only (table and column names read from the schema, which both files share)
        auto copied = sql::exec(
            db, QStringLiteral("INSERT INTO main.\"%1\" (%2) SELECT %2 FROM %3.\"%1\"").arg(table, list, from));
        if (!copied)
            return Error { copied.error() };
    }
    return success();
}

} // namespace

Backups::Backups(Database& database)
    : m_database(database)
{
}

QString Backups::folderFor(const QString& databasePath)
{
    return QFileInfo(databasePath).absolutePath() + QStringLiteral("/backups");
}

QString Backups::folder() const
{
    return folderFor(m_database.path());
}

QList<BackupFile> Backups::list() const
{
    return listFor(m_database.path());
}

QList<BackupFile> Backups::listFor(const QString& databasePath)
{
    QList<BackupFile> backups;
    QHash<QString, int> copies; // the second copy taken in the same second is the newer
    const QRegularExpression pattern = namePattern(stemOf(databasePath));
    const QDir dir(folderFor(databasePath));
    for (const QFileInfo& info : dir.entryInfoList({ QStringLiteral("*.sqlite") }, QDir::Files)) {
        const auto match = pattern.match(info.fileName());
        if (!match.hasMatch() || !looksWhole(info.absoluteFilePath()))
            continue;
        QDateTime takenAt = QDateTime::fromString(match.captured(1), QStringLiteral("yyyyMMdd-HHmmss"));
        takenAt.setTimeSpec(Qt::UTC);
        backups.append({ info.absoluteFilePath(), takenAt, info.size() });
        copies.insert(info.absoluteFilePath(), match.captured(2).mid(1).toInt()); // "-2" -> 2; none -> 0
    }
    std::sort(backups.begin(), backups.end(), [&](const BackupFile& a, const BackupFile& b) {
        return a.takenAt != b.takenAt ? a.takenAt > b.takenAt : copies[a.path] > copies[b.path];
    });
    return backups;
}

Result<QString> Backups::backupNow(const QDateTime& now)
{
    FolderLock lock(folder());
    if (Status locked = lock.acquire(); !locked)
        return Error { locked.error() };
    return writeBackup(m_database.connection(), m_database.path(), now);
}

Result<QString> Backups::automaticBackup(const QDateTime& now)
{
    const QList<BackupFile> existing = list();
    const QDate today = now.toLocalTime().date();
    const bool doneToday = std::any_of(existing.cbegin(), existing.cend(), [&](const BackupFile& backup) {
        return backup.takenAt.toLocalTime().date() == today;
    });
    if (doneToday)
        return QString();
    auto made = backupNow(now);
    if (!made)
        return made;
    if (auto pruned = prune(); !pruned)
        return Error { pruned.error() };
    return made;
}

QList<BackupFile> Backups::toKeep(const QList<BackupFile>& backups)
{
    const auto weekOf = [](const QDate& day) {
        int year = 0;
        const int week = day.weekNumber(&year);
        return QPair<int, int>(year, week);
    };
    QList<BackupFile> keep;
    QSet<QDate> days; // with a daily copy
    QSet<QPair<int, int>> dailyWeeks; // weeks a daily copy already covers
    QSet<QPair<int, int>> weeklyWeeks;
    for (const BackupFile& backup : backups) { // newest first: the first seen of a day is its newest
        const QDate day = backup.takenAt.toLocalTime().date();
        if (days.contains(day))
            continue;
        if (days.size() < 7) {
            days.insert(day);
            dailyWeeks.insert(weekOf(day));
            keep.append(backup);
            continue;
        }
        const auto week = weekOf(day);
        if (weeklyWeeks.size() < 4 && !dailyWeeks.contains(week) && !weeklyWeeks.contains(week)) {
            weeklyWeeks.insert(week);
            keep.append(backup);
        }
    }
    return keep;
}

Result<QStringList> Backups::prune()
{
    if (!QFileInfo(folder()).isDir())
        return QStringList();
    FolderLock lock(folder());
    if (Status locked = lock.acquire(); !locked)
        return Error { locked.error() };
    const QList<BackupFile> backups = list();
    QSet<QString> keep;
    for (const BackupFile& backup : toKeep(backups))
        keep.insert(backup.path);
    QStringList removed;
    for (const BackupFile& backup : backups) {
        if (keep.contains(backup.path))
            continue;
        if (!QFile::remove(backup.path))
            return Error { tr("Cannot remove the old backup %1.").arg(native(backup.path)) };
        removed.append(backup.path);
    }
    return removed;
}

Status Backups::verify(const QString& path)
{
    const QFileInfo info(path);
    if (info.isDir())
        return Error { tr("%1 is a folder, not a backup file.").arg(native(path)) };
    if (!info.exists())
        return Error { tr("%1 does not exist.").arg(native(path)) };
    if (!info.isFile())
        return Error { tr("%1 is not a regular file.").arg(native(path)) };
    return withConnection(path, true, [&](QSqlDatabase& db) -> Status {
        auto check = sql::exec(db, QStringLiteral("PRAGMA integrity_check"));
        if (!check)
            return Error { tr("%1 is not a database: %2").arg(native(path), check.error()) };
        if (!check->next() || check->value(0).toString() != u"ok")
            return Error { tr("%1 is damaged: %2").arg(native(path), check->value(0).toString()) };
        check->finish();
        auto id = integer(db, QStringLiteral("PRAGMA application_id"));
        if (!id || *id != kApplicationId)
            return Error { tr("%1 is not a Rapport database.").arg(native(path)) };
        return checkSchema(db, path);
    });
}

Result<int> Backups::contactCount(const QString& path)
{
    return withConnection(path, true, [](QSqlDatabase& db) { return countContacts(db); });
}

Result<RestoreReport> Backups::restore(const QString& backupPath, const QDateTime& now)
{
    const QString canonical = QFileInfo(backupPath).canonicalFilePath();
    if (!canonical.isEmpty() && canonical == QFileInfo(m_database.path()).canonicalFilePath())
        return Error { tr("%1 is the database itself, not a backup of it.").arg(native(backupPath)) };
    if (Status verified = verify(backupPath); !verified)
        return Error { verified.error() };
    FolderLock lock(folder());
    if (Status locked = lock.acquire(); !locked)
        return Error { locked.error() };

    // A copy of the backup, brought to this version's schema, is what the tables are copied from.
    const QString staging = freshPath(folder(), QStringLiteral(".restore"), now) + QLatin1StringView(kPartialSuffix);
    const auto removeStaging = qScopeGuard([&] {
        for (const char* suffix : { "", "-wal", "-shm", "-journal" })
            QFile::remove(staging + QLatin1StringView(suffix));
    });
    if (!QFile::copy(backupPath, staging))
        return Error { tr("Cannot copy %1 to restore it.").arg(native(backupPath)) };
    QFile::setPermissions(staging, kOwnerOnly);
    if (auto migrated = Database::open(staging); !migrated)
        return Error { migrated.error() };
    if (Status verified = verify(staging); !verified)
        return Error { verified.error() };

    const QSqlDatabase db = m_database.connection();
    if (auto attached = sql::exec(db, QStringLiteral("ATTACH DATABASE ? AS restored"), { staging }); !attached)
        return Error { attached.error() };
    const auto detach = qScopeGuard([&] { (void)sql::exec(db, QStringLiteral("DETACH DATABASE restored")); });

    RestoreReport report;
    // The state before goes into a backup first. Another process may write between that backup and the
    // restore's write lock; then the backup is taken again, so that nothing written before the restore
    // is only in the replaced data.
    for (int attempt = 0;; ++attempt) {
        auto versionBefore = integer(db, QStringLiteral("PRAGMA data_version"));
        if (!versionBefore)
            return Error { versionBefore.error() };
        auto before = writeBackup(db, m_database.path(), now);
        if (!before)
            return Error { before.error() };
        report.before = *before;
        Status replaced = m_database.transaction([&]() -> Status {
            auto versionNow = integer(db, QStringLiteral("PRAGMA data_version"));
            if (!versionNow)
                return Error { versionNow.error() };
            if (*versionNow != *versionBefore)
                return Error { QString() }; // written meanwhile: back up again
            auto contactsBefore = countContacts(db);
            auto contactsRestored = countContacts(db, QStringLiteral("restored"));
            if (!contactsBefore || !contactsRestored)
                return Error { contactsBefore ? contactsRestored.error() : contactsBefore.error() };
            report.contactsBefore = *contactsBefore;
            report.contactsRestored = *contactsRestored;
            return replaceTables(db, QStringLiteral("restored"));
        });
        if (replaced)
            return report;
        if (!replaced.error().isEmpty() || attempt == 4) {
            return Error { tr("The backup could not be restored; nothing was changed: %1")
                               .arg(replaced.error().isEmpty() ? tr("the database kept changing") : replaced.error()) };
        }
        QFile::remove(*before); // a newer copy of the state before replaces it
    }
}

Result<QString> Backups::restoreUnopenable(const QString& databasePath, const QString& backupPath, const QDateTime& now)
{
    if (Status verified = verify(backupPath); !verified)
        return Error { verified.error() };
    const QString folder = folderFor(databasePath);
    FolderLock lock(folder);
    if (Status locked = lock.acquire(); !locked)
        return Error { locked.error() };

    // A damaged or foreign file cannot be vacuumed: its bytes are kept as they are.
    QString kept = freshPath(folder, stemOf(databasePath), now);
    kept.replace(QStringLiteral(".sqlite"), QStringLiteral("-unreadable.sqlite"));
    if (QFileInfo::exists(databasePath) && !QFile::copy(databasePath, kept))
        return Error { tr("Cannot keep a copy of %1 before restoring.").arg(native(databasePath)) };
    QFile::setPermissions(kept, kOwnerOnly);

    QFile source(backupPath);
    if (!source.open(QIODevice::ReadOnly))
        return Error { tr("Cannot read %1: %2").arg(native(backupPath), source.errorString()) };
    // QSaveFile writes beside the database and renames over it only when everything was written.
    QSaveFile target(databasePath);
    if (!target.open(QIODevice::WriteOnly))
        return Error { tr("Cannot write %1: %2").arg(native(databasePath), target.errorString()) };
    target.setPermissions(kOwnerOnly);
    while (!source.atEnd()) {
        const QByteArray chunk = source.read(1 << 20);
        if (chunk.isEmpty() || target.write(chunk) != chunk.size()) {
            target.cancelWriting();
            return Error { tr("Cannot write %1: %2").arg(native(databasePath), target.errorString()) };
        }
    }
    // The old file's log belongs to the old file: it must not be replayed into the restored one.
    for (const char* suffix : { "-wal", "-shm" })
        QFile::remove(databasePath + QLatin1StringView(suffix));
    if (!target.commit())
        return Error { tr("Cannot write %1: %2").arg(native(databasePath), target.errorString()) };
    return kept;
}

} // namespace rapport
