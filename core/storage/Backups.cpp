#include "core/storage/Backups.h"

#include "core/storage/Database.h"
#include "core/storage/Migrations.h"
#include "core/storage/SqlUtil.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <algorithm>

namespace rapport {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Backups", text);
}

QString fileNameFor(const QDateTime& time)
{
    return QStringLiteral("rapport-%1.sqlite").arg(time.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss")));
}

const QRegularExpression& namePattern()
{
    static const QRegularExpression pattern(QStringLiteral("^rapport-(\\d{8}-\\d{6})(-\\d+)?\\.sqlite$"));
    return pattern;
}

// Runs `work` on a private read-only connection to `path`, closed afterwards.
template <class Work> auto withConnection(const QString& path, bool readOnly, Work work)
{
    static QAtomicInteger<int> counter;
    const QString name = QStringLiteral("rapport-backup-%1").arg(counter.fetchAndAddRelaxed(1));
    decltype(work(std::declval<QSqlDatabase&>())) result = Error { tr("Cannot open %1.").arg(path) };
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

// Creates an empty owner-only file for VACUUM INTO to fill: SQLite keeps the mode of a file it is given.
Status createPrivateFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return Error { tr("Cannot create the backup %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()) };
    return success();
}

// A path in `folder` for a backup taken at `now` that no file has yet.
QString freshPath(const QString& folder, const QDateTime& now)
{
    QString path = folder + u'/' + fileNameFor(now);
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = folder + u'/' + fileNameFor(now).replace(QStringLiteral(".sqlite"), QStringLiteral("-%1.sqlite").arg(n));
    return path;
}

Result<QString> vacuumInto(const QSqlDatabase& db, const QString& folder, const QDateTime& now)
{
    if (!QDir().mkpath(folder))
        return Error { tr("Cannot create the backup folder %1.").arg(QDir::toNativeSeparators(folder)) };
    const QString path = freshPath(folder, now);
    if (Status created = createPrivateFile(path); !created)
        return Error { created.error() };
    if (auto vacuumed = sql::exec(db, QStringLiteral("VACUUM INTO ?"), { path }); !vacuumed) {
        QFile::remove(path);
        return Error { tr("The backup could not be written: %1").arg(vacuumed.error()) };
    }
    if (Status verified = Backups::verify(path); !verified) {
        QFile::remove(path);
        return Error { tr("The backup failed its check and was removed: %1").arg(verified.error()) };
    }
    return path;
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
    const QDir dir(folderFor(databasePath));
    for (const QFileInfo& info : dir.entryInfoList({ QStringLiteral("rapport-*.sqlite") }, QDir::Files)) {
        const auto match = namePattern().match(info.fileName());
        if (!match.hasMatch())
            continue;
        QDateTime takenAt = QDateTime::fromString(match.captured(1), QStringLiteral("yyyyMMdd-HHmmss"));
        takenAt.setTimeSpec(Qt::UTC);
        backups.append({ info.absoluteFilePath(), takenAt });
    }
    std::sort(backups.begin(), backups.end(), [](const BackupFile& a, const BackupFile& b) {
        return a.takenAt != b.takenAt ? a.takenAt > b.takenAt : a.path > b.path;
    });
    return backups;
}

Result<QString> Backups::backupNow(const QDateTime& now)
{
    return vacuumInto(m_database.connection(), folder(), now);
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
    const QList<BackupFile> backups = list();
    QSet<QString> keep;
    for (const BackupFile& backup : toKeep(backups))
        keep.insert(backup.path);
    QStringList removed;
    for (const BackupFile& backup : backups) {
        if (keep.contains(backup.path))
            continue;
        if (!QFile::remove(backup.path))
            return Error { tr("Cannot remove the old backup %1.").arg(QDir::toNativeSeparators(backup.path)) };
        removed.append(backup.path);
    }
    return removed;
}

Status Backups::verify(const QString& path)
{
    if (!QFileInfo(path).isFile())
        return Error { tr("%1 does not exist.").arg(QDir::toNativeSeparators(path)) };
    return withConnection(path, true, [&](QSqlDatabase& db) -> Status {
        auto check = sql::exec(db, QStringLiteral("PRAGMA integrity_check"));
        if (!check)
            return Error { tr("%1 is not a database: %2").arg(QDir::toNativeSeparators(path), check.error()) };
        if (!check->next() || check->value(0).toString() != u"ok")
            return Error { tr("%1 is damaged: %2").arg(QDir::toNativeSeparators(path), check->value(0).toString()) };
        check->finish();
        auto id = sql::exec(db, QStringLiteral("PRAGMA application_id"));
        if (!id || !id->next() || id->value(0).toInt() != kApplicationId)
            return Error { tr("%1 is not a Rapport database.").arg(QDir::toNativeSeparators(path)) };
        id->finish();
        auto version = sql::exec(db, QStringLiteral("PRAGMA user_version"));
        if (!version || !version->next() || version->value(0).toInt() > Database::latestSchemaVersion())
            return Error { tr("%1 comes from a newer version of Rapport.").arg(QDir::toNativeSeparators(path)) };
        return success();
    });
}

Result<QString> Backups::restore(const QString& databasePath, const QString& backupPath, const QDateTime& now)
{
    if (Status verified = verify(backupPath); !verified)
        return Error { verified.error() };

    // The current state first, so a restore can itself be undone. Opening and closing the current
    // database also folds its write-ahead log into the file.
    QString before;
    if (auto current = Database::open(databasePath)) {
        auto saved = Backups(**current).backupNow(now);
        if (!saved)
            return Error { saved.error() };
        before = *saved;
    } else {
        // A damaged or foreign file cannot be vacuumed: keep its bytes as they are, under a name that is
        // neither offered for restoring nor pruned.
        const QString folder = folderFor(databasePath);
        before = freshPath(folder, now).replace(QStringLiteral(".sqlite"), QStringLiteral("-unreadable.sqlite"));
        if (!QDir().mkpath(folder) || !QFile::copy(databasePath, before))
            return Error {
                tr("Cannot keep a copy of %1 before restoring.").arg(QDir::toNativeSeparators(databasePath))
            };
        QFile::setPermissions(before, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }

    QFile source(backupPath);
    if (!source.open(QIODevice::ReadOnly))
        return Error { tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(backupPath), source.errorString()) };
    // QSaveFile writes beside the database and renames over it only when everything was written.
    QSaveFile target(databasePath);
    if (!target.open(QIODevice::WriteOnly))
        return Error { tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(databasePath), target.errorString()) };
    target.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    while (!source.atEnd()) {
        const QByteArray chunk = source.read(1 << 20);
        if (chunk.isEmpty() || target.write(chunk) != chunk.size()) {
            target.cancelWriting();
            return Error {
                tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(databasePath), target.errorString())
            };
        }
    }
    for (const char* suffix : { "-wal", "-shm" })
        QFile::remove(databasePath + QLatin1StringView(suffix));
    if (!target.commit())
        return Error { tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(databasePath), target.errorString()) };
    return before;
}

} // namespace rapport
