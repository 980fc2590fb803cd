#include "core/storage/Backups.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/TagCadenceRepository.h"

#include "TestDatabase.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

#include <gtest/gtest.h>

namespace rapport {
namespace {

using test::DatabaseTest;
using test::utc;

class BackupsTest : public DatabaseTest
{
protected:
    qint64 addContact(const char* first)
    {
        Contact contact;
        contact.firstName = QString::fromUtf8(first);
        return ContactRepository(db()).add(contact).value();
    }

    QStringList namesIn(const QString& path)
    {
        auto opened = Database::open(path);
        EXPECT_TRUE(opened.ok()) << opened.error().toStdString();
        QStringList names;
        if (opened) {
            for (const Contact& contact : ContactRepository(**opened).all().value())
                names.append(contact.firstName);
        }
        return names;
    }

    void corrupt(const QString& path)
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::ReadWrite));
        file.seek(4096 + 100);
        file.write(QByteArray(4096, '\x5a'));
    }
};

TEST_F(BackupsTest, BackupNowWritesAVerifiedOwnerOnlyCopy)
{
    addContact("Ada");
    auto path = Backups(db()).backupNow(utc(2026, 11, 22, 9, 30));
    ASSERT_TRUE(path.ok()) << path.error().toStdString();
    EXPECT_EQ(QFileInfo(*path).fileName(), QStringLiteral("rapport-20261122-093000.sqlite"));
    EXPECT_EQ(QFileInfo(*path).absolutePath(), QFileInfo(this->path()).absolutePath() + QStringLiteral("/backups"));
    EXPECT_EQ(QFile::permissions(*path) & 0x0077, QFileDevice::Permissions());
    EXPECT_TRUE(Backups::verify(*path).ok());
    EXPECT_EQ(namesIn(*path), QStringList { QStringLiteral("Ada") });
    // Two in the same second do not overwrite each other.
    auto second = Backups(db()).backupNow(utc(2026, 11, 22, 9, 30));
    ASSERT_TRUE(second.ok());
    EXPECT_NE(*second, *path);
    ASSERT_EQ(Backups(db()).list().size(), 2);
    EXPECT_EQ(Backups(db()).list().first().path, *second); // the newer is listed first
}

TEST_F(BackupsTest, TheAutomaticBackupRunsAtMostOnceADay)
{
    Backups backups(db());
    const QDateTime morning = QDateTime(QDate(2026, 11, 22), QTime(9, 0)).toUTC();
    EXPECT_FALSE(backups.automaticBackup(morning)->isEmpty());
    EXPECT_TRUE(backups.automaticBackup(morning.addSecs(3 * 3600))->isEmpty());
    EXPECT_FALSE(backups.automaticBackup(morning.addDays(1))->isEmpty());
    EXPECT_EQ(backups.list().size(), 2);
}

TEST_F(BackupsTest, SevenDailyAndFourWeeklyAreKept)
{
    Backups backups(db());
    // One backup a day for 60 days, and a second one on the newest day.
    const QDateTime newest = QDateTime(QDate(2026, 11, 22), QTime(18, 0)).toUTC();
    for (int day = 59; day >= 0; --day)
        ASSERT_TRUE(backups.backupNow(newest.addDays(-day).addSecs(-3600)).ok());
    ASSERT_TRUE(backups.backupNow(newest).ok());
    auto removed = backups.prune();
    ASSERT_TRUE(removed.ok()) << removed.error().toStdString();
    const QList<BackupFile> kept = backups.list();
    ASSERT_EQ(kept.size(), 11);
    EXPECT_EQ(removed->size(), 61 - 11);
    // The newest of the newest day, then one for each of the six days before.
    EXPECT_EQ(kept[0].takenAt, newest);
    for (int i = 1; i < 7; ++i)
        EXPECT_EQ(kept[i].takenAt, newest.addDays(-i).addSecs(-3600));
    // Then one for each of four older weeks, each in a different ISO week.
    QSet<int> weeks;
    for (int i = 7; i < 11; ++i) {
        EXPECT_LT(kept[i].takenAt, kept[6].takenAt);
        weeks.insert(kept[i].takenAt.toLocalTime().date().weekNumber());
    }
    EXPECT_EQ(weeks.size(), 4);
}

TEST_F(BackupsTest, VerifyRefusesWhatIsNotAnIntactRapportDatabase)
{
    const QString text = m_dir.filePath(QStringLiteral("notes.txt"));
    QFile file(text);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("not a database, just some text that is long enough to have a header").repeated(100));
    file.close();
    EXPECT_FALSE(Backups::verify(text).ok());
    EXPECT_FALSE(Backups::verify(m_dir.filePath(QStringLiteral("missing.sqlite"))).ok());

    for (int i = 0; i < 300; ++i)
        addContact("Someone with a long enough name to fill a few pages of the database file");
    auto backup = Backups(db()).backupNow();
    ASSERT_TRUE(backup.ok());
    corrupt(*backup);
    const Status damaged = Backups::verify(*backup);
    EXPECT_FALSE(damaged.ok());
}

TEST_F(BackupsTest, RestoreBringsBackTheBackupInPlaceAndKeepsTheStateBefore)
{
    addContact("Ada");
    const QString backup = Backups(db()).backupNow(utc(2026, 11, 20)).value();
    addContact("Grace");
    addContact("Linus");

    auto report = Backups(db()).restore(backup, utc(2026, 11, 22));
    ASSERT_TRUE(report.ok()) << report.error().toStdString();
    EXPECT_EQ(report->contactsBefore, 3);
    EXPECT_EQ(report->contactsRestored, 1);
    // The open connection sees the restored data: nothing had to be closed or reopened.
    EXPECT_EQ(ContactRepository(db()).all()->size(), 1);
    EXPECT_EQ(namesIn(path()), QStringList { QStringLiteral("Ada") });
    EXPECT_EQ(namesIn(report->before),
              (QStringList { QStringLiteral("Ada"), QStringLiteral("Grace"), QStringLiteral("Linus") }));
    EXPECT_EQ(QFile::permissions(path()) & 0x0077, QFileDevice::Permissions());
    EXPECT_TRUE(Backups::verify(path()).ok());
}

TEST_F(BackupsTest, AnotherOpenConnectionKeepsWorkingOnTheRestoredData)
{
    addContact("Ada");
    const QString backup = Backups(db()).backupNow(utc(2026, 11, 20)).value();
    addContact("Grace");
    // Another connection, as the window left open in the tray has, or a second process.
    auto window = Database::open(path());
    ASSERT_TRUE(window.ok());
    ASSERT_EQ(ContactRepository(**window).all()->size(), 2);

    ASSERT_TRUE(Backups(db()).restore(backup, utc(2026, 11, 22)).ok());
    EXPECT_EQ(ContactRepository(**window).all()->size(), 1);
    Contact later;
    later.firstName = QStringLiteral("Margaret");
    ASSERT_TRUE(ContactRepository(**window).add(later).ok());
    window->reset();
    m_database.reset();
    EXPECT_EQ(namesIn(path()), (QStringList { QStringLiteral("Ada"), QStringLiteral("Margaret") }));
    EXPECT_TRUE(Backups::verify(path()).ok());
    reopen();
}

TEST_F(BackupsTest, RestoreRefusesADamagedBackupAndChangesNothing)
{
    for (int i = 0; i < 300; ++i)
        addContact("Someone with a long enough name to fill a few pages of the database file");
    const QString backup = Backups(db()).backupNow().value();
    corrupt(backup);
    addContact("Grace");
    EXPECT_FALSE(Backups(db()).restore(backup).ok());
    EXPECT_EQ(ContactRepository(db()).all()->size(), 301);
}

TEST_F(BackupsTest, ABackupThatLacksATableIsRefusedAndNamesIt)
{
    addContact("Ada");
    const QString backup = Backups(db()).backupNow(utc(2026, 11, 20)).value();
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        raw.setDatabaseName(backup);
        ASSERT_TRUE(raw.open());
        ASSERT_TRUE(QSqlQuery(raw).exec(QStringLiteral("DROP TABLE tag_cadences")));
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    addContact("Grace");

    const Status verified = Backups::verify(backup);
    ASSERT_FALSE(verified.ok());
    EXPECT_TRUE(verified.error().contains(QStringLiteral("tag_cadences"))) << verified.error().toStdString();
    auto restored = Backups(db()).restore(backup);
    EXPECT_FALSE(restored.ok());
    EXPECT_EQ(ContactRepository(db()).all()->size(), 2);
    EXPECT_TRUE(TagCadenceRepository(db()).all().ok()); // every table still there
}

TEST_F(BackupsTest, TheDatabaseIsNotRestoredOntoItself)
{
    addContact("Ada");
    auto restored = Backups(db()).restore(path());
    ASSERT_FALSE(restored.ok());
    EXPECT_TRUE(restored.error().contains(QStringLiteral("database itself"))) << restored.error().toStdString();
    EXPECT_EQ(ContactRepository(db()).all()->size(), 1);
}

TEST_F(BackupsTest, ADamagedDatabaseCanBeRestoredAndItsBytesAreKept)
{
    addContact("Ada");
    const QString backup = Backups(db()).backupNow(utc(2026, 11, 20)).value();
    m_database.reset();
    QFile file(path());
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QByteArray("garbage").repeated(1000));
    file.close();
    ASSERT_FALSE(Database::open(path()).ok());

    auto before = Backups::restoreUnopenable(path(), backup, utc(2026, 11, 22));
    ASSERT_TRUE(before.ok()) << before.error().toStdString();
    EXPECT_TRUE(before->endsWith(QStringLiteral("-unreadable.sqlite")));
    QFile kept(*before);
    ASSERT_TRUE(kept.open(QIODevice::ReadOnly));
    EXPECT_EQ(kept.readAll(), QByteArray("garbage").repeated(1000));
    EXPECT_EQ(namesIn(path()), QStringList { QStringLiteral("Ada") });
    for (const BackupFile& listed : Backups::listFor(path()))
        EXPECT_NE(listed.path, *before); // never offered for restoring
    reopen();
}

TEST_F(BackupsTest, EachDatabaseInAFolderHasItsOwnBackups)
{
    const QString otherPath = m_dir.filePath(QStringLiteral("work.sqlite"));
    auto other = Database::open(otherPath);
    ASSERT_TRUE(other.ok());
    const QDateTime morning = QDateTime(QDate(2026, 11, 22), QTime(9, 0)).toUTC();
    const QString mine = Backups(db()).automaticBackup(morning).value();
    EXPECT_EQ(QFileInfo(mine).fileName(),
              QStringLiteral("rapport-%1.sqlite").arg(morning.toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    // The other database's backup of the same day is still due, and named after it.
    const QString theirs = Backups(**other).automaticBackup(morning.addSecs(60)).value();
    ASSERT_FALSE(theirs.isEmpty());
    EXPECT_TRUE(QFileInfo(theirs).fileName().startsWith(QStringLiteral("work-")));
    EXPECT_EQ(Backups(db()).list().size(), 1);
    EXPECT_EQ(Backups(**other).list().size(), 1);
    // Eight days of backups of this one: pruning it leaves the other's alone.
    for (int day = 1; day <= 8; ++day)
        ASSERT_TRUE(Backups(db()).backupNow(morning.addDays(day)).ok());
    ASSERT_TRUE(Backups(db()).prune().ok());
    EXPECT_EQ(Backups(**other).list().size(), 1);
    EXPECT_TRUE(QFileInfo::exists(theirs));
}

TEST_F(BackupsTest, BrokenFilesUnderABackupNameAreNeitherTrustedNorKept)
{
    Backups backups(db());
    const QDateTime morning = QDateTime(QDate(2026, 11, 22), QTime(9, 0)).toUTC();
    // Six whole daily backups before today.
    QStringList whole;
    for (int day = 6; day >= 1; --day)
        whole.append(backups.backupNow(morning.addDays(-day)).value());
    // What a backup killed halfway used to leave: an empty file of today under a backup name, its journal,
    // and a partial file.
    const QString folder = backups.folder();
    const QString broken
        = folder + QStringLiteral("/rapport-%1.sqlite").arg(morning.toString(QStringLiteral("yyyyMMdd-HHmmss")));
    QFile(broken).open(QIODevice::WriteOnly);
    QFile(broken + QStringLiteral("-journal")).open(QIODevice::WriteOnly);
    QFile(folder + QStringLiteral("/rapport-20261122-100000.sqlite.partial")).open(QIODevice::WriteOnly);
    EXPECT_EQ(backups.list().size(), 6); // the empty file is no backup

    // Today's automatic backup is still due; pruning keeps whole backups, removes the leftovers.
    const QString made = backups.automaticBackup(morning.addSecs(3600)).value();
    ASSERT_FALSE(made.isEmpty());
    const QList<BackupFile> kept = backups.list();
    ASSERT_EQ(kept.size(), 7);
    EXPECT_EQ(kept.first().path, made);
    for (const QString& path : std::as_const(whole))
        EXPECT_TRUE(QFileInfo::exists(path)) << "a whole backup was pruned: " << path.toStdString();
    for (const BackupFile& backup : kept)
        EXPECT_TRUE(Backups::verify(backup.path).ok()) << backup.path.toStdString();
    const QStringList left = QDir(folder).entryList(QDir::Files | QDir::Hidden);
    EXPECT_FALSE(left.contains(QFileInfo(broken).fileName()));
    EXPECT_FALSE(left.contains(QFileInfo(broken).fileName() + QStringLiteral("-journal")));
    EXPECT_FALSE(left.contains(QStringLiteral("rapport-20261122-100000.sqlite.partial")));
}

TEST_F(BackupsTest, ALockLeftEmptyByAKilledBackupDoesNotStopTheNextOne)
{
    // A backup killed while taking the folder's lock leaves the lock file without the process that held it.
    ASSERT_TRUE(QDir().mkpath(Backups(db()).folder()));
    QFile lock(Backups(db()).folder() + QStringLiteral("/.backups.lock"));
    ASSERT_TRUE(lock.open(QIODevice::WriteOnly));
    lock.close();
    auto made = Backups(db()).backupNow();
    EXPECT_TRUE(made.ok()) << made.error().toStdString();
}

#ifdef Q_OS_UNIX
TEST_F(BackupsTest, TheBackupFolderAndItsBackupsAreTheUsersAloneWhateverTheUmask)
{
    const mode_t previous = umask(0);
    auto made = Backups(db()).backupNow();
    umask(previous);
    ASSERT_TRUE(made.ok()) << made.error().toStdString();
    EXPECT_EQ(QFileInfo(Backups(db()).folder()).permissions() & 0x0077, QFileDevice::Permissions());
    EXPECT_EQ(QFileInfo(*made).permissions() & 0x0077, QFileDevice::Permissions());
}
#endif

} // namespace
} // namespace rapport
