#include "core/storage/Database.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/Migrations.h"
#include "core/storage/SettingsRepository.h"
#include "core/storage/SqlUtil.h"

#include "TestDatabase.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#include <sys/types.h>
#endif

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
        ASSERT_TRUE(sql::exec(old,
                              QStringLiteral("INSERT INTO contacts (id, first_name, starred, created_at, updated_at) "
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

namespace rapport {
namespace {

constexpr QFileDevice::Permissions kGroupOrOther = QFileDevice::ReadGroup | QFileDevice::WriteGroup
    | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;

// Issue 18, item 8: a path the user typed is never made up on the way. Only the default location creates its
// folders; Create::File makes the file in a folder that exists; Create::Nothing opens what is there.
TEST(DatabaseOpen, CreateNothingOpensOnlyAnExistingDatabase)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("r.sqlite"));
    auto missing = Database::open(path, Database::Create::Nothing);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error(), QStringLiteral("The database %1 does not exist.").arg(path));
    EXPECT_FALSE(QFile::exists(path));

    ASSERT_TRUE(Database::open(path).ok());
    auto existing = Database::open(path, Database::Create::Nothing);
    ASSERT_TRUE(existing.ok()) << existing.error().toStdString();
    EXPECT_FALSE((*existing)->wasCreated());
}

TEST(DatabaseOpen, CreateFileNeedsItsFolderToExist)
{
    QTemporaryDir dir;
    const QString typo = dir.filePath(QStringLiteral("nonexistent/dir/r.sqlite"));
    for (const Database::Create create : { Database::Create::File, Database::Create::Nothing }) {
        auto opened = Database::open(typo, create);
        ASSERT_FALSE(opened.ok());
        EXPECT_EQ(opened.error(),
                  QStringLiteral("The folder %1 does not exist.").arg(dir.filePath(QStringLiteral("nonexistent/dir"))));
    }
    EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("nonexistent"))));

    const QString path = dir.filePath(QStringLiteral("r.sqlite"));
    {
        auto created = Database::open(path, Database::Create::File);
        ASSERT_TRUE(created.ok()) << created.error().toStdString();
        EXPECT_TRUE((*created)->wasCreated());
        EXPECT_EQ((*created)->schemaVersion(), Database::latestSchemaVersion());
    }
    auto reopened = Database::open(path, Database::Create::File);
    ASSERT_TRUE(reopened.ok());
    EXPECT_FALSE((*reopened)->wasCreated());
}

// Issue 18, item 12: SQLite given /dev/null made /dev/null-journal; a FIFO would block or be replaced.
TEST(DatabaseOpen, APathThatIsNotARegularFileIsRefusedBeforeSqliteSeesIt)
{
#ifdef Q_OS_UNIX
    const bool journalBefore = QFile::exists(QStringLiteral("/dev/null-journal"));
    auto device = Database::open(QStringLiteral("/dev/null"));
    ASSERT_FALSE(device.ok());
    EXPECT_EQ(device.error(), QStringLiteral("/dev/null is not a regular file, so it cannot be a database."));
    EXPECT_EQ(QFile::exists(QStringLiteral("/dev/null-journal")), journalBefore);

    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("fifo"));
    ASSERT_EQ(mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    auto opened = Database::open(fifo);
    ASSERT_FALSE(opened.ok());
    EXPECT_TRUE(opened.error().contains(QStringLiteral("not a regular file"))) << opened.error().toStdString();
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot),
              QStringList { QStringLiteral("fifo") });
#else
    GTEST_SKIP() << "devices and FIFOs as on Unix";
#endif
}

TEST(DatabaseOpen, ALinkToADatabaseOpensItAndADanglingLinkIsRefused)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("r.sqlite"));
    {
        auto created = Database::open(path);
        ASSERT_TRUE(created.ok());
        ASSERT_TRUE(
            SettingsRepository(**created).setValue(QStringLiteral("k"), QStringLiteral("through the link")).ok());
    }
    const QString link = dir.filePath(QStringLiteral("link.sqlite"));
    ASSERT_TRUE(QFile::link(path, link));
    auto opened = Database::open(link, Database::Create::Nothing);
    ASSERT_TRUE(opened.ok()) << opened.error().toStdString();
    EXPECT_EQ(SettingsRepository(**opened).value(QStringLiteral("k")).value(), QStringLiteral("through the link"));

    const QString dangling = dir.filePath(QStringLiteral("dangling.sqlite"));
    ASSERT_TRUE(QFile::link(dir.filePath(QStringLiteral("gone.sqlite")), dangling));
    EXPECT_FALSE(Database::open(dangling).ok());
    EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("gone.sqlite"))));
}

// Issue 18, item 6: a database that others could read (copied in, or made under a loose umask) is made the
// user's alone when it is opened, with the -wal and -shm another connection keeps beside it.
TEST(DatabaseOpen, ADatabaseWalAndShmOthersCanReadAreMadeOwnerOnly)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("r.sqlite"));
    auto first = Database::open(path);
    ASSERT_TRUE(first.ok());
    ASSERT_TRUE(SettingsRepository(**first).setValue(QStringLiteral("k"), QStringLiteral("v")).ok());
    const auto loose = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
        | QFileDevice::ReadOther | QFileDevice::WriteOther;
    for (const QString& suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") }) {
        ASSERT_TRUE(QFile::setPermissions(path + suffix, loose)) << suffix.toStdString();
        ASSERT_NE(QFile::permissions(path + suffix) & kGroupOrOther, QFileDevice::Permissions());
    }

    auto second = Database::open(path);
    ASSERT_TRUE(second.ok()) << second.error().toStdString();
    for (const QString& suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") }) {
        const auto permissions = QFile::permissions(path + suffix);
        EXPECT_EQ(permissions & kGroupOrOther, QFileDevice::Permissions()) << suffix.toStdString();
        EXPECT_TRUE(permissions & QFileDevice::ReadOwner && permissions & QFileDevice::WriteOwner)
            << suffix.toStdString();
    }
}

#ifdef Q_OS_UNIX
// Restores the umask however the test ends.
class Umask
{
public:
    explicit Umask(mode_t mask)
        : m_previous(umask(mask))
    {
    }
    ~Umask() { umask(m_previous); }
    Umask(const Umask&) = delete;
    Umask& operator=(const Umask&) = delete;

private:
    mode_t m_previous;
};
#endif

// Issue 18, item 6: under umask 000 the folders the default location needs came out 0777.
TEST(DatabaseOpen, TheFoldersAndFilesItCreatesAreOwnerOnlyEvenUnderUmaskZero)
{
#ifdef Q_OS_UNIX
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("data/Rapport/rapport.sqlite"));
    {
        const Umask open(0);
        auto opened = Database::open(path);
        ASSERT_TRUE(opened.ok()) << opened.error().toStdString();
        ASSERT_TRUE(SettingsRepository(**opened).setValue(QStringLiteral("k"), QStringLiteral("v")).ok());
        const auto folder = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
        for (const char* created : { "data", "data/Rapport" }) {
            const QString name = dir.filePath(QString::fromLatin1(created));
            EXPECT_EQ(QFile::permissions(name) & (folder | kGroupOrOther), folder) << created;
        }
        const auto file = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
        for (const QString& suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") }) {
            EXPECT_EQ(QFile::permissions(path + suffix) & (folder | kGroupOrOther), file) << suffix.toStdString();
        }
    }
#else
    GTEST_SKIP() << "umask is POSIX";
#endif
}

} // namespace
} // namespace rapport
