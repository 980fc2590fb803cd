#include "app/gui/SingleInstance.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <future>

namespace rapport {
namespace {

class SingleInstanceTest : public ::testing::Test
{
protected:
    QString key(const QString& name = QStringLiteral("rapport.sqlite")) const
    {
        return SingleInstance::keyFor(m_dir.filePath(name));
    }

    QTemporaryDir m_dir;
};

TEST_F(SingleInstanceTest, TheSecondLaunchHandsItsFilesToTheFirst)
{
    SingleInstance first(key());
    ASSERT_TRUE(first.listen().ok());
    QSignalSpy received(&first, &SingleInstance::filesReceived);

    // The second launch blocks while it waits for the answer: it runs beside this thread's event loop.
    const QStringList files { QStringLiteral("/home/ada/Connections.csv"), QStringLiteral("/tmp/Invitations.csv") };
    SingleInstance second(key());
    std::future<bool> handedOver = std::async(std::launch::async, [&] { return second.sendToRunning(files); });
    ASSERT_TRUE(received.wait(5000));
    EXPECT_EQ(received.at(0).at(0).toStringList(), files);
    EXPECT_TRUE(handedOver.get());
}

TEST_F(SingleInstanceTest, WithNoneRunningTheLaunchCarriesOn)
{
    SingleInstance alone(key());
    EXPECT_FALSE(alone.sendToRunning({ QStringLiteral("/tmp/a.csv") }, 1000));
    EXPECT_TRUE(alone.listen().ok());
}

TEST_F(SingleInstanceTest, EachDatabaseHasItsOwnInstance)
{
    EXPECT_NE(key(QStringLiteral("work.sqlite")), key(QStringLiteral("home.sqlite")));
    EXPECT_EQ(key(QStringLiteral("work.sqlite")),
              SingleInstance::keyFor(m_dir.path() + QStringLiteral("/./work.sqlite")));
#ifdef Q_OS_UNIX
    ASSERT_TRUE(QDir(m_dir.path()).mkdir(QStringLiteral("real")));
    ASSERT_TRUE(QFile::link(m_dir.filePath(QStringLiteral("real")), m_dir.filePath(QStringLiteral("alias"))));
    EXPECT_EQ(key(QStringLiteral("alias/work.sqlite")), key(QStringLiteral("real/work.sqlite"))) << "one file, one key";
#endif

    SingleInstance work(key(QStringLiteral("work.sqlite")));
    ASSERT_TRUE(work.listen().ok());
    SingleInstance home(key(QStringLiteral("home.sqlite")));
    EXPECT_FALSE(home.sendToRunning({}, 1000)) << "another database: runs side by side";
    EXPECT_TRUE(home.listen().ok());
    SingleInstance workAgain(key(QStringLiteral("work.sqlite")));
    EXPECT_FALSE(workAgain.listen().ok()) << "never two on one database";
}

#ifdef Q_OS_UNIX
TEST_F(SingleInstanceTest, ASymlinkToTheDatabaseIsTheSameDatabase)
{
    {
        QFile database(m_dir.filePath(QStringLiteral("rapport.sqlite")));
        ASSERT_TRUE(database.open(QIODevice::WriteOnly));
    }
    ASSERT_TRUE(
        QFile::link(m_dir.filePath(QStringLiteral("rapport.sqlite")), m_dir.filePath(QStringLiteral("link.db"))));
    EXPECT_EQ(key(QStringLiteral("link.db")), key(QStringLiteral("rapport.sqlite")));

    SingleInstance first(key(QStringLiteral("rapport.sqlite")));
    ASSERT_TRUE(first.listen().ok());
    SingleInstance throughTheLink(key(QStringLiteral("link.db")));
    EXPECT_FALSE(throughTheLink.listen().ok()) << "a second window through a symlinked --db";
}

TEST_F(SingleInstanceTest, ASocketLeftByACrashIsReplaced)
{
    // What a crashed instance leaves: the socket file, with nobody listening.
    const QString stale = QDir::temp().filePath(key());
    {
        QFile file(stale);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    }
    SingleInstance next(key());
    EXPECT_FALSE(next.sendToRunning({}, 1000));
    EXPECT_TRUE(next.listen().ok());
    QFile::remove(stale);
}
#endif

// The real program: a second launch on the same database exits at once, leaving the first running; a
// launch on another database runs beside them.
TEST_F(SingleInstanceTest, ASecondRapportOnTheSameDatabaseExitsAndTheFirstRunsOn)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    auto launch = [&](const QStringList& arguments) {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(environment);
        process->start(QStringLiteral(RAPPORT_GUI_PATH), arguments);
        EXPECT_TRUE(process->waitForStarted(5000));
        return process;
    };
    const QString database = m_dir.filePath(QStringLiteral("shared.sqlite"));
    auto first = launch({ QStringLiteral("--db"), database });
    for (int i = 0; i < 100 && !QFile::exists(database); ++i)
        first->waitForFinished(100);
    ASSERT_TRUE(QFile::exists(database)) << "the first instance opened its database";

    const QString csv = QStringLiteral(RAPPORT_TEST_DATA) + QStringLiteral("/import/linkedin-connections.csv");
    auto second = launch({ QStringLiteral("--db"), database, csv });
    ASSERT_TRUE(second->waitForFinished(5000)) << "the second launch exits at once";
    EXPECT_EQ(second->exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(second->exitCode(), 0) << second->readAllStandardError().toStdString();

    auto other = launch({ QStringLiteral("--db"), m_dir.filePath(QStringLiteral("other.sqlite")) });
    EXPECT_FALSE(other->waitForFinished(1500)) << "another database runs beside";
    EXPECT_EQ(first->state(), QProcess::Running);
    for (QProcess* process : { first.get(), other.get() }) {
        process->terminate();
        process->waitForFinished(5000);
    }
}

} // namespace
} // namespace rapport
