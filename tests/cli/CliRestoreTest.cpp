// Restores and backups with other processes at work on the same database: what was reported saved is
// never lost, and a backup name never holds a broken file, however a backup is interrupted.
#include "core/storage/Backups.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <iostream>

namespace rapport {
namespace {

struct Output
{
    int exitCode = -1;
    QString out;
    QString err;
};

class CliRestoreTest : public ::testing::Test
{
protected:
    QStringList withDb(const QStringList& arguments) const
    {
        return QStringList { QStringLiteral("--db"), db() } + arguments;
    }

    Output cli(const QStringList& arguments)
    {
        QProcess process;
        process.start(QStringLiteral(RAPPORT_CLI_PATH), withDb(arguments));
        EXPECT_TRUE(process.waitForFinished(120000));
        return { process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                 QString::fromUtf8(process.readAllStandardError()) };
    }

    QString db() const { return m_dir.filePath(QStringLiteral("rapport.sqlite")); }

    QStringList names(const QString& path)
    {
        QProcess process;
        process.start(QStringLiteral(RAPPORT_CLI_PATH),
                      { QStringLiteral("--db"), path, QStringLiteral("contacts"), QStringLiteral("list"),
                        QStringLiteral("--json") });
        EXPECT_TRUE(process.waitForFinished(60000));
        QStringList result;
        const QJsonArray array = QJsonDocument::fromJson(process.readAllStandardOutput()).array();
        for (const QJsonValue& contact : array)
            result.append(contact[QStringLiteral("first_name")].toString());
        return result;
    }

    void add(const QString& first)
    {
        const Output added = cli({ QStringLiteral("contacts"), QStringLiteral("add"), QStringLiteral("--first"), first,
                                   QStringLiteral("--last"), QStringLiteral("X") });
        ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    }

    QString backup()
    {
        const Output made = cli({ QStringLiteral("backup") });
        EXPECT_EQ(made.exitCode, 0) << made.err.toStdString();
        return QRegularExpression(QStringLiteral("Backed up to (.*)\\n")).match(made.out).captured(1);
    }

    static QString keptIn(const Output& restored)
    {
        return QRegularExpression(QStringLiteral("kept in (.*)\\n")).match(restored.out).captured(1);
    }

    // A LinkedIn Connections.csv of `rows` people, each first name starting with "Imported".
    QString connectionsFile(int rows)
    {
        const QString path = m_dir.filePath(QStringLiteral("Connections.csv"));
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        file.write("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
        for (int i = 0; i < rows; ++i)
            file.write(QStringLiteral("Imported%1,Person,https://www.linkedin.com/in/imported-%1,,Acme,Engineer,4 Nov "
                                      "2022\n")
                           .arg(i)
                           .toUtf8());
        return path;
    }

    // The sqlite3 shell as another process holding its own connection, as a window left open does.
    std::unique_ptr<QProcess> otherConnection()
    {
        const QString shell = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
        if (shell.isEmpty())
            return nullptr;
        auto process = std::make_unique<QProcess>();
        process->setProcessChannelMode(QProcess::MergedChannels);
        process->start(shell, { QStringLiteral("-batch"), db() });
        EXPECT_TRUE(process->waitForStarted());
        return process;
    }

    // Sends `statements` to the shell and returns what it printed up to a marker.
    static QString ask(QProcess& shell, const QString& statements)
    {
        shell.write((statements + QStringLiteral("\nSELECT 'done-marker';\n")).toUtf8());
        QString printed;
        while (!printed.contains(QStringLiteral("done-marker")) && shell.waitForReadyRead(30000))
            printed += QString::fromUtf8(shell.readAll());
        return printed.remove(QStringLiteral("done-marker")).trimmed();
    }

    QTemporaryDir m_dir;
};

TEST_F(CliRestoreTest, AConnectionLeftOpenInAnotherProcessWorksOnTheRestoredData)
{
    add(QStringLiteral("Ada"));
    const QString saved = backup();
    add(QStringLiteral("Grace"));
    auto window = otherConnection();
    if (!window)
        GTEST_SKIP() << "needs the sqlite3 shell";
    ASSERT_EQ(ask(*window, QStringLiteral("SELECT count(*) FROM contacts;")), QStringLiteral("2"));

    const Output restored = cli({ QStringLiteral("restore"), saved });
    ASSERT_EQ(restored.exitCode, 0) << restored.err.toStdString();
    EXPECT_TRUE(restored.out.contains(QStringLiteral("1 contact now, 2 contacts before")))
        << restored.out.toStdString();
    // The other process sees the restored data, and what it writes afterwards is in the database.
    EXPECT_EQ(ask(*window, QStringLiteral("SELECT count(*) FROM contacts;")), QStringLiteral("1"));
    EXPECT_EQ(ask(*window,
                  QStringLiteral("INSERT INTO contacts (first_name, last_name, created_at, updated_at) VALUES "
                                 "('Margaret', 'X', '2026-12-01T10:00:00Z', '2026-12-01T10:00:00Z');")),
              QString());
    window->write(".quit\n");
    window->waitForFinished();
    EXPECT_EQ(names(db()), (QStringList { QStringLiteral("Ada"), QStringLiteral("Margaret") }));
    EXPECT_EQ(names(keptIn(restored)), (QStringList { QStringLiteral("Ada"), QStringLiteral("Grace") }));
}

TEST_F(CliRestoreTest, AWriteCommittedWhileTheRestoreWaitsIsInTheStateBefore)
{
    add(QStringLiteral("Ada"));
    const QString saved = backup();
    auto writer = otherConnection();
    if (!writer)
        GTEST_SKIP() << "needs the sqlite3 shell";
    // Another process is in the middle of a write when the restore starts.
    EXPECT_EQ(ask(*writer,
                  QStringLiteral("BEGIN IMMEDIATE; INSERT INTO contacts (first_name, last_name, created_at, "
                                 "updated_at) VALUES ('Grace', 'X', '2026-12-01T10:00:00Z', '2026-12-01T10:00:00Z');")),
              QString());
    QProcess restore;
    restore.start(QStringLiteral(RAPPORT_CLI_PATH), withDb({ QStringLiteral("restore"), saved }));
    ASSERT_TRUE(restore.waitForStarted());
    QThread::msleep(1000);
    ask(*writer, QStringLiteral("COMMIT;"));
    ASSERT_TRUE(restore.waitForFinished(60000));
    const Output restored { restore.exitCode(), QString::fromUtf8(restore.readAllStandardOutput()),
                            QString::fromUtf8(restore.readAllStandardError()) };
    ASSERT_EQ(restored.exitCode, 0) << restored.err.toStdString();
    writer->write(".quit\n");
    writer->waitForFinished();
    // The write that was committed before the restore took the database is in the copy of the state before.
    EXPECT_EQ(names(db()), QStringList { QStringLiteral("Ada") });
    EXPECT_EQ(names(keptIn(restored)), (QStringList { QStringLiteral("Ada"), QStringLiteral("Grace") }));
}

TEST_F(CliRestoreTest, RestoreWhileAnImportRunsLosesNothingTheImportReported)
{
    add(QStringLiteral("Ada"));
    const QString saved = backup();
    const QString file = connectionsFile(20000);
    QProcess import;
    import.start(QStringLiteral(RAPPORT_CLI_PATH), withDb({ QStringLiteral("import"), file }));
    ASSERT_TRUE(import.waitForStarted());
    QThread::msleep(300);
    const Output restored = cli({ QStringLiteral("restore"), saved });
    ASSERT_TRUE(import.waitForFinished(120000));
    const QString imported = QString::fromUtf8(import.readAllStandardOutput());
    ASSERT_EQ(import.exitCode(), 0) << import.readAllStandardError().toStdString();
    ASSERT_TRUE(imported.contains(QStringLiteral("20,000")) || imported.contains(QStringLiteral("20000")))
        << imported.toStdString();

    const QStringList now = names(db());
    const int importedNow = int(now.filter(QRegularExpression(QStringLiteral("^Imported"))).size());
    if (restored.exitCode != 0) {
        // The import held the database longer than the restore waits: the restore changed nothing.
        EXPECT_TRUE(restored.err.contains(QStringLiteral("nothing was changed"))) << restored.err.toStdString();
        EXPECT_EQ(importedNow, 20000);
        return;
    }
    // The restore came before the import's commit (the import then added to the restored data) or after it
    // (the import's contacts are in the copy of the state before). Either way none is lost.
    const int importedBefore
        = int(names(keptIn(restored)).filter(QRegularExpression(QStringLiteral("^Imported"))).size());
    EXPECT_TRUE((importedNow == 20000 && importedBefore == 0) || (importedNow == 0 && importedBefore == 20000))
        << "now " << importedNow << ", in the state before " << importedBefore;
    EXPECT_TRUE(Backups::verify(db()).ok());
}

TEST_F(CliRestoreTest, KilledBackupsAndRestoresNeverLeaveABrokenBackupBehind)
{
    ASSERT_EQ(cli({ QStringLiteral("demo"), QStringLiteral("--contacts"), QStringLiteral("3000") }).exitCode, 0);
    QElapsedTimer timer;
    timer.start();
    const QString saved = backup();
    ASSERT_FALSE(saved.isEmpty());
    const qint64 oneBackup = std::max<qint64>(timer.elapsed(), 20);
    add(QStringLiteral("Later"));
    const int contacts = int(names(db()).size());

    // Killed at random moments over the time a whole run takes: 30 backups, then 20 restores.
    const auto killAtRandom = [&](const QStringList& command, int rounds, qint64 typical) {
        int killed = 0;
        for (int round = 0; round < rounds; ++round) {
            QProcess process;
            process.start(QStringLiteral(RAPPORT_CLI_PATH), withDb(command));
            EXPECT_TRUE(process.waitForStarted());
            QThread::msleep(QRandomGenerator::global()->bounded(quint32(typical * 3 / 2 + 1)));
            if (process.state() == QProcess::Running) {
                ++killed;
                process.kill();
            }
            process.waitForFinished();
        }
        return killed;
    };
    const int killedBackups = killAtRandom({ QStringLiteral("backup") }, 30, oneBackup);
    timer.restart();
    QProcess restore;
    restore.start(QStringLiteral(RAPPORT_CLI_PATH), withDb({ QStringLiteral("restore"), saved }));
    ASSERT_TRUE(restore.waitForFinished(60000));
    const qint64 oneRestore = std::max<qint64>(timer.elapsed(), 20);
    // Undone by hand, so that the killed restores below start from the later state each time.
    add(QStringLiteral("Later"));
    const int killedRestores = killAtRandom({ QStringLiteral("restore"), saved }, 20, oneRestore);
    std::cout << "killed while running: " << killedBackups << " of 30 backups, " << killedRestores
              << " of 20 restores\n";
    // The database is whole, with the backup's contacts or the later ones, never a mix.
    EXPECT_TRUE(Backups::verify(db()).ok());
    const int now = int(names(db()).size());
    EXPECT_TRUE(now == contacts - 1 || now == contacts) << now;

    // Every file under a backup name is a whole backup, before and after the next backup prunes.
    for (const BackupFile& listed : Backups::listFor(db()))
        EXPECT_TRUE(Backups::verify(listed.path).ok()) << listed.path.toStdString();
    const Output listed = cli({ QStringLiteral("restore") });
    ASSERT_EQ(listed.exitCode, 0) << listed.err.toStdString();
    EXPECT_FALSE(listed.out.contains(QStringLiteral("unreadable"))) << listed.out.toStdString();
    ASSERT_FALSE(backup().isEmpty());
    const QDir folder(Backups::folderFor(db()));
    for (const QString& name : folder.entryList(QDir::Files | QDir::Hidden)) {
        if (name == QStringLiteral(".backups.lock"))
            continue;
        EXPECT_TRUE(name.endsWith(QStringLiteral(".sqlite"))) << "left behind: " << name.toStdString();
        if (name.endsWith(QStringLiteral(".sqlite"))) {
            EXPECT_TRUE(Backups::verify(folder.filePath(name)).ok()) << name.toStdString();
        }
    }
}

TEST_F(CliRestoreTest, RestoreWithoutAFileListsThisDatabasesBackups)
{
    add(QStringLiteral("Ada"));
    const QString saved = backup();
    // Another database in the same folder, with a backup of its own.
    const QString work = m_dir.filePath(QStringLiteral("work.sqlite"));
    for (const QStringList& command :
         { QStringList { QStringLiteral("contacts"), QStringLiteral("add"), QStringLiteral("--first"),
                         QStringLiteral("W"), QStringLiteral("--last"), QStringLiteral("X") },
           QStringList { QStringLiteral("backup") } }) {
        QProcess other;
        other.start(QStringLiteral(RAPPORT_CLI_PATH), QStringList { QStringLiteral("--db"), work } + command);
        ASSERT_TRUE(other.waitForFinished());
        ASSERT_EQ(other.exitCode(), 0);
    }
    const Output listed = cli({ QStringLiteral("restore") });
    ASSERT_EQ(listed.exitCode, 0) << listed.err.toStdString();
    EXPECT_TRUE(listed.out.contains(QDir::toNativeSeparators(saved))) << listed.out.toStdString();
    EXPECT_FALSE(listed.out.contains(QStringLiteral("work-"))) << listed.out.toStdString();
    EXPECT_TRUE(listed.out.contains(QStringLiteral("CONTACTS")));
}

TEST_F(CliRestoreTest, AFolderOrTheDatabaseItselfIsNoBackup)
{
    add(QStringLiteral("Ada"));
    const Output folder = cli({ QStringLiteral("restore"), m_dir.path() });
    EXPECT_EQ(folder.exitCode, 1);
    EXPECT_TRUE(folder.err.contains(QStringLiteral("is a folder"))) << folder.err.toStdString();
    const Output itself = cli({ QStringLiteral("restore"), db() });
    EXPECT_EQ(itself.exitCode, 1);
    EXPECT_TRUE(itself.err.contains(QStringLiteral("database itself"))) << itself.err.toStdString();
    EXPECT_EQ(names(db()), QStringList { QStringLiteral("Ada") });
}

} // namespace
} // namespace rapport
