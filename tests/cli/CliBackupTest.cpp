#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

struct Output
{
    int exitCode = -1;
    QString out;
    QString err;
};

class CliBackupTest : public ::testing::Test
{
protected:
    Output cli(const QStringList& arguments)
    {
        QProcess process;
        process.start(QStringLiteral(RAPPORT_CLI_PATH), QStringList { QStringLiteral("--db"), db() } + arguments);
        EXPECT_TRUE(process.waitForFinished(30000));
        return { process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                 QString::fromUtf8(process.readAllStandardError()) };
    }

    QString db() const { return m_dir.filePath(QStringLiteral("rapport.sqlite")); }

    int contactCount()
    {
        const Output list = cli({ QStringLiteral("contacts"), QStringLiteral("list"), QStringLiteral("--json") });
        return int(QJsonDocument::fromJson(list.out.toUtf8()).array().size());
    }

    void add(const QString& first)
    {
        ASSERT_EQ(cli({ QStringLiteral("contacts"), QStringLiteral("add"), QStringLiteral("--first"), first,
                        QStringLiteral("--last"), QStringLiteral("X") })
                      .exitCode,
                  0);
    }

    QTemporaryDir m_dir;
};

TEST_F(CliBackupTest, BackupThenRestore)
{
    add(QStringLiteral("Ada"));
    const Output backup = cli({ QStringLiteral("backup") });
    ASSERT_EQ(backup.exitCode, 0) << backup.err.toStdString();
    const QString path = QRegularExpression(QStringLiteral("Backed up to (.*)\\n")).match(backup.out).captured(1);
    ASSERT_TRUE(QFile::exists(path)) << backup.out.toStdString();
    EXPECT_TRUE(path.startsWith(m_dir.filePath(QStringLiteral("backups/"))));
    EXPECT_EQ(QFile::permissions(path) & 0x0077, QFileDevice::Permissions());

    add(QStringLiteral("Grace"));
    ASSERT_EQ(contactCount(), 2);
    const Output restored = cli({ QStringLiteral("restore"), path });
    ASSERT_EQ(restored.exitCode, 0) << restored.err.toStdString();
    EXPECT_TRUE(restored.out.contains(QStringLiteral("1 contact now, 2 contacts before"))) << restored.out.toStdString();
    EXPECT_TRUE(restored.out.contains(QStringLiteral("The state before is kept in")));
    EXPECT_EQ(contactCount(), 1);
}

TEST_F(CliBackupTest, RestoringSomethingThatIsNotABackupChangesNothing)
{
    add(QStringLiteral("Ada"));
    const QString bogus = m_dir.filePath(QStringLiteral("bogus.sqlite"));
    QFile file(bogus);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("nothing to see here").repeated(500));
    file.close();
    const Output restored = cli({ QStringLiteral("restore"), bogus });
    EXPECT_EQ(restored.exitCode, 1);
    EXPECT_FALSE(restored.err.isEmpty());
    EXPECT_EQ(contactCount(), 1);
    EXPECT_EQ(cli({ QStringLiteral("restore"), bogus, bogus }).exitCode, 2);
}

} // namespace
