#include "core/storage/Backups.h"
#include "core/storage/ContactRepository.h"

#include "TestDatabase.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

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
    EXPECT_EQ(Backups(db()).list().size(), 2);
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

TEST_F(BackupsTest, RestoreBringsBackTheBackupAndKeepsTheStateBefore)
{
    addContact("Ada");
    const QString backup = Backups(db()).backupNow(utc(2026, 11, 20)).value();
    addContact("Grace");
    m_database.reset();

    auto before = Backups::restore(path(), backup, utc(2026, 11, 22));
    ASSERT_TRUE(before.ok()) << before.error().toStdString();
    EXPECT_EQ(namesIn(path()), QStringList { QStringLiteral("Ada") });
    EXPECT_EQ(namesIn(*before), (QStringList { QStringLiteral("Ada"), QStringLiteral("Grace") }));
    EXPECT_EQ(QFile::permissions(path()) & 0x0077, QFileDevice::Permissions());
    reopen();
}

TEST_F(BackupsTest, RestoreRefusesADamagedBackupAndChangesNothing)
{
    for (int i = 0; i < 300; ++i)
        addContact("Someone with a long enough name to fill a few pages of the database file");
    const QString backup = Backups(db()).backupNow().value();
    corrupt(backup);
    addContact("Grace");
    m_database.reset();
    EXPECT_FALSE(Backups::restore(path(), backup).ok());
    EXPECT_EQ(namesIn(path()).size(), 301);
    reopen();
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

    auto before = Backups::restore(path(), backup, utc(2026, 11, 22));
    ASSERT_TRUE(before.ok()) << before.error().toStdString();
    EXPECT_TRUE(before->endsWith(QStringLiteral("-unreadable.sqlite")));
    QFile kept(*before);
    ASSERT_TRUE(kept.open(QIODevice::ReadOnly));
    EXPECT_EQ(kept.readAll(), QByteArray("garbage").repeated(1000));
    EXPECT_EQ(namesIn(path()), QStringList { QStringLiteral("Ada") });
    reopen();
}

} // namespace
} // namespace rapport
