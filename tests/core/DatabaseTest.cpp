#include "core/storage/Database.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/Migrations.h"
#include "core/storage/SettingsRepository.h"
#include "core/storage/SqlUtil.h"

#include "TestDatabase.h"

#include <QFile>
#include <QSqlQuery>

#include <gtest/gtest.h>

namespace rapport {
namespace {

using test::DatabaseTest;

QVariant pragma(Database& db, const char* name)
{
    auto query = sql::exec(db.connection(), QStringLiteral("PRAGMA %1").arg(QString::fromLatin1(name)));
    EXPECT_TRUE(query.ok());
    return query && query->next() ? query->value(0) : QVariant();
}

QStringList tables(Database& db)
{
    QStringList names;
    auto query = sql::exec(db.connection(),
                           QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
    while (query && query->next())
        names.append(query->value(0).toString());
    return names;
}

TEST_F(DatabaseTest, MigratesAnEmptyFileToTheLatestSchema)
{
    EXPECT_EQ(db().schemaVersion(), Database::latestSchemaVersion());
    EXPECT_EQ(
        tables(db()),
        (QStringList { QStringLiteral("contacts"), QStringLiteral("interactions"), QStringLiteral("plan_adjustments"),
                       QStringLiteral("settings"), QStringLiteral("tag_cadences"), QStringLiteral("templates") }));
    EXPECT_EQ(pragma(db(), "application_id").toInt(), kApplicationId);
}

TEST_F(DatabaseTest, UsesWriteAheadLoggingForeignKeysAndFullSync)
{
    EXPECT_EQ(pragma(db(), "journal_mode").toString(), QStringLiteral("wal"));
    EXPECT_EQ(pragma(db(), "foreign_keys").toInt(), 1);
    // Durability: what was reported saved survives a power cut, not only a crash of the process
    // (synchronous = FULL syncs the WAL at every commit; 2 is FULL).
    EXPECT_EQ(pragma(db(), "synchronous").toInt(), 2);
    // A page cache large enough that a big import does not spill to the WAL before its commit (64 MB).
    EXPECT_EQ(pragma(db(), "cache_size").toInt(), -65536);
    // Statement journals in memory, not in temporary files (2 is MEMORY).
    EXPECT_EQ(pragma(db(), "temp_store").toInt(), 2);
}

TEST_F(DatabaseTest, ReopeningKeepsTheDataAndDoesNotMigrateAgain)
{
    Contact ada;
    ada.firstName = QStringLiteral("Ada");
    ada.lastName = QStringLiteral("Lovelace");
    ASSERT_TRUE(ContactRepository(db()).add(ada).ok());
    reopen();
    EXPECT_EQ(db().schemaVersion(), Database::latestSchemaVersion());
    auto all = ContactRepository(db()).all();
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 1);
    EXPECT_EQ(all->first().fullName(), QStringLiteral("Ada Lovelace"));
}

TEST_F(DatabaseTest, FilesAreOwnerOnly)
{
    // Write something so that the -wal and -shm files exist.
    ASSERT_TRUE(SettingsRepository(db()).setValue(QStringLiteral("k"), QStringLiteral("v")).ok());
    const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    const auto groupOrOther = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
        | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    for (const QString& suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") }) {
        const QString file = path() + suffix;
        ASSERT_TRUE(QFile::exists(file)) << file.toStdString();
        const auto permissions = QFile::permissions(file);
        EXPECT_EQ(permissions & ownerOnly, ownerOnly) << file.toStdString();
        EXPECT_EQ(permissions & groupOrOther, QFileDevice::Permissions()) << file.toStdString();
    }
}

TEST_F(DatabaseTest, ForeignKeysAreEnforced)
{
    auto orphan = sql::exec(
        db().connection(),
        QStringLiteral("INSERT INTO interactions (contact_id, kind, occurred_at) VALUES (4242, 'note', 0)"));
    EXPECT_FALSE(orphan.ok());
    EXPECT_TRUE(orphan.error().contains(QStringLiteral("FOREIGN KEY"), Qt::CaseInsensitive))
        << orphan.error().toStdString();
}

TEST_F(DatabaseTest, DeletingAContactDeletesItsLog)
{
    Contact ada;
    ada.firstName = QStringLiteral("Ada");
    auto id = ContactRepository(db()).add(ada);
    ASSERT_TRUE(id.ok());
    Interaction note;
    note.contactId = *id;
    note.occurredAt = test::utc(2026, 11, 1);
    ASSERT_TRUE(InteractionRepository(db()).add(note).ok());
    ASSERT_TRUE(ContactRepository(db()).remove(*id).ok());
    auto log = InteractionRepository(db()).all();
    ASSERT_TRUE(log.ok());
    EXPECT_TRUE(log->isEmpty());
}

TEST_F(DatabaseTest, AFailedTransactionChangesNothing)
{
    SettingsRepository settings(db());
    Status failed = db().transaction([&]() -> Status {
        EXPECT_TRUE(settings.setValue(QStringLiteral("a"), QStringLiteral("1")).ok());
        return Error { QStringLiteral("stop") };
    });
    EXPECT_FALSE(failed.ok());
    EXPECT_EQ(failed.error(), QStringLiteral("stop"));
    EXPECT_EQ(settings.value(QStringLiteral("a"), QStringLiteral("unset")).value(), QStringLiteral("unset"));
}

TEST(DatabaseOpen, APathThatCannotBeCreatedGivesAClearError)
{
    QTemporaryDir dir;
    // A regular file where a folder should be.
    QFile blocker(dir.filePath(QStringLiteral("file")));
    ASSERT_TRUE(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    auto opened = Database::open(dir.filePath(QStringLiteral("file/sub/rapport.sqlite")));
    ASSERT_FALSE(opened.ok());
    EXPECT_TRUE(opened.error().contains(QStringLiteral("Cannot create the folder"))) << opened.error().toStdString();
}

TEST(DatabaseOpen, AFolderIsNotADatabase)
{
    QTemporaryDir dir;
    auto opened = Database::open(dir.path());
    ASSERT_FALSE(opened.ok());
    EXPECT_TRUE(opened.error().contains(QStringLiteral("is a folder"))) << opened.error().toStdString();
}

TEST(DatabaseOpen, AnEmptyPathIsRefused)
{
    EXPECT_FALSE(Database::open(QString()).ok());
}

TEST(DatabaseOpen, AFileThatIsNotADatabaseIsRefusedAndLeftUntouched)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.txt"));
    const QByteArray content = QByteArrayLiteral("These are my notes, not a database.\n").repeated(100);
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();

    auto opened = Database::open(path);
    ASSERT_FALSE(opened.ok());
    EXPECT_TRUE(opened.error().contains(QStringLiteral("not a Rapport database"))) << opened.error().toStdString();
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), content);
}

TEST(DatabaseOpen, AnotherApplicationsSqliteFileIsRefused)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("other.sqlite"));
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
        other.setDatabaseName(path);
        ASSERT_TRUE(other.open());
        QSqlQuery(QStringLiteral("CREATE TABLE things (x)"), other);
        other.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("other"));
    auto opened = Database::open(path);
    ASSERT_FALSE(opened.ok());
    EXPECT_TRUE(opened.error().contains(QStringLiteral("not one of Rapport's"))) << opened.error().toStdString();
}

TEST(DatabaseOpen, ANewerSchemaIsRefused)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.sqlite"));
    {
        auto opened = Database::open(path);
        ASSERT_TRUE(opened.ok());
        ASSERT_TRUE(sql::exec((*opened)->connection(),
                              QStringLiteral("PRAGMA user_version = %1").arg(Database::latestSchemaVersion() + 1))
                        .ok());
    }
    auto reopened = Database::open(path);
    ASSERT_FALSE(reopened.ok());
    EXPECT_TRUE(reopened.error().contains(QStringLiteral("newer version"))) << reopened.error().toStdString();
}

TEST(DatabasePath, CommandLineBeatsEnvironmentBeatsDefault)
{
    qputenv("RAPPORT_DB", "/tmp/from-env.sqlite");
    EXPECT_EQ(Database::resolvePath(QStringLiteral("/tmp/from-cli.sqlite")), QStringLiteral("/tmp/from-cli.sqlite"));
    EXPECT_EQ(Database::resolvePath(QString()), QStringLiteral("/tmp/from-env.sqlite"));
    qunsetenv("RAPPORT_DB");
    EXPECT_EQ(Database::resolvePath(QString()), Database::defaultPath());
    EXPECT_TRUE(Database::defaultPath().endsWith(QStringLiteral("/rapport.sqlite")));
}

} // namespace
} // namespace rapport

namespace rapport {
namespace {

// Migration 6 keeps what a database meant: a starred contact was checked in on every 30 days, so it keeps
// that as a Close cadence; every other contact gets none.
TEST(DatabaseOpen, TheKeepInTouchMigrationTurnsStarredIntoClose)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v5.sqlite"));
    {
        QSqlDatabase old = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v5"));
        old.setDatabaseName(path);
        ASSERT_TRUE(old.open());
        for (const Migration& migration : migrations()) {
            if (migration.version > 5)
                break;
            for (const QString& statement : migration.statements)
                ASSERT_TRUE(sql::exec(old, statement).ok()) << statement.toStdString();
        }
        ASSERT_TRUE(sql::exec(old, QStringLiteral("PRAGMA user_version = 5")).ok());
        ASSERT_TRUE(sql::exec(old, QStringLiteral("INSERT INTO contacts (id, first_name, starred, created_at, updated_at) "
                                                  "VALUES (1, 'Starred', 1, 0, 0), (2, 'Plain', 0, 0, 0)"))
                        .ok());
        old.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v5"));
    auto opened = Database::open(path);
    ASSERT_TRUE(opened.ok()) << opened.error().toStdString();
    ContactRepository contacts(**opened);
    EXPECT_EQ(contacts.find(1).value().keepInTouchDays, 30);
    EXPECT_EQ(contacts.find(2).value().keepInTouchDays, 0);
}

} // namespace
} // namespace rapport
