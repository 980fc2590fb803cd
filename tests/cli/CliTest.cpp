#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the real rapport-cli binary, as a user would.
class CliTest : public ::testing::Test
{
protected:
    CliRun cli(QStringList arguments, const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
    {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(RAPPORT_CLI_PATH), arguments);
        EXPECT_TRUE(process.waitForFinished(30000)) << "rapport-cli did not finish";
        return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                 QString::fromUtf8(process.readAllStandardOutput()),
                 QString::fromUtf8(process.readAllStandardError()) };
    }

    CliRun withDb(QStringList arguments) { return cli(QStringList { QStringLiteral("--db"), db() } + arguments); }

    QString db() const { return m_dir.filePath(QStringLiteral("x.db")); }

    QJsonArray listJson()
    {
        const CliRun run = withDb({ QStringLiteral("contacts"), QStringLiteral("list"), QStringLiteral("--json") });
        EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8(), &error);
        EXPECT_EQ(error.error, QJsonParseError::NoError) << run.out.toStdString();
        return document.array();
    }

    qint64 addAda()
    {
        const CliRun run = withDb({ QStringLiteral("contacts"), QStringLiteral("add"), QStringLiteral("--first"),
                                    QStringLiteral("Ada"), QStringLiteral("--last"), QStringLiteral("Lovelace"),
                                    QStringLiteral("--url"), QStringLiteral("https://www.linkedin.com/in/ada/") });
        EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
        return listJson().at(0).toObject().value(QStringLiteral("id")).toInteger();
    }

    QTemporaryDir m_dir;
};

TEST_F(CliTest, VersionAndHelp)
{
    const CliRun version = cli({ QStringLiteral("--version") });
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_TRUE(version.out.startsWith(QStringLiteral("rapport-cli 0."))) << version.out.toStdString();
    const CliRun help = cli({ QStringLiteral("--help") });
    EXPECT_EQ(help.exitCode, 0);
    for (const char* command : { "contacts add", "contacts list", "log CONTACT_ID KIND", "interactions", "--db" })
        EXPECT_TRUE(help.out.contains(QString::fromLatin1(command))) << command;
}

TEST_F(CliTest, AddThenListShowsAProspectInAnOwnerOnlyFile)
{
    const CliRun add
        = withDb({ QStringLiteral("contacts"), QStringLiteral("add"), QStringLiteral("--first"), QStringLiteral("Ada"),
                   QStringLiteral("--last"), QStringLiteral("Lovelace"), QStringLiteral("--company"),
                   QStringLiteral("Analytical Engines"), QStringLiteral("--position"), QStringLiteral("Mathematician"),
                   QStringLiteral("--url"), QStringLiteral("https://www.linkedin.com/in/ada/"),
                   QStringLiteral("--email"), QStringLiteral("ada@example.com") });
    ASSERT_EQ(add.exitCode, 0) << add.err.toStdString();

    const QJsonArray contacts = listJson();
    ASSERT_EQ(contacts.size(), 1);
    const QJsonObject ada = contacts.at(0).toObject();
    EXPECT_EQ(ada.value(QStringLiteral("first_name")).toString(), QStringLiteral("Ada"));
    EXPECT_EQ(ada.value(QStringLiteral("last_name")).toString(), QStringLiteral("Lovelace"));
    EXPECT_EQ(ada.value(QStringLiteral("company")).toString(), QStringLiteral("Analytical Engines"));
    EXPECT_EQ(ada.value(QStringLiteral("position")).toString(), QStringLiteral("Mathematician"));
    EXPECT_EQ(ada.value(QStringLiteral("profile_url")).toString(), QStringLiteral("https://www.linkedin.com/in/ada/"));
    EXPECT_EQ(ada.value(QStringLiteral("email")).toString(), QStringLiteral("ada@example.com"));
    EXPECT_EQ(ada.value(QStringLiteral("stage")).toString(), QStringLiteral("prospect"));
    EXPECT_GT(ada.value(QStringLiteral("id")).toInteger(), 0);
    for (const char* key : { "location", "phone", "tags", "starred", "notes", "how_we_know", "event",
                             "mutual_connection", "school", "topic", "created_at", "updated_at" })
        EXPECT_TRUE(ada.contains(QString::fromLatin1(key))) << key;

    EXPECT_EQ(QFile::permissions(db()) & 0x0077, QFileDevice::Permissions()) << "group/other bits set";
    EXPECT_TRUE(QFile::permissions(db()) & QFileDevice::ReadOwner);

    const CliRun text = withDb({ QStringLiteral("contacts"), QStringLiteral("list") });
    EXPECT_EQ(text.exitCode, 0);
    EXPECT_TRUE(text.out.contains(QStringLiteral("Ada Lovelace")));
    EXPECT_TRUE(text.out.contains(QStringLiteral("Prospect")));
}

TEST_F(CliTest, LoggingChangesTheStage)
{
    const QString id = QString::number(addAda());
    CliRun sent = withDb({ QStringLiteral("log"), id, QStringLiteral("request_sent"), QStringLiteral("--text"),
                           QStringLiteral("Hi Ada!"), QStringLiteral("--at"),
                           QDateTime::currentDateTimeUtc().toString(Qt::ISODate) });
    ASSERT_EQ(sent.exitCode, 0) << sent.err.toStdString();
    EXPECT_EQ(listJson().at(0).toObject().value(QStringLiteral("stage")).toString(), QStringLiteral("requested"));

    CliRun accepted = withDb({ QStringLiteral("log"), id, QStringLiteral("request_accepted") });
    ASSERT_EQ(accepted.exitCode, 0) << accepted.err.toStdString();
    EXPECT_EQ(listJson().at(0).toObject().value(QStringLiteral("stage")).toString(), QStringLiteral("connected"));

    const CliRun log = withDb({ QStringLiteral("interactions"), id, QStringLiteral("--json") });
    ASSERT_EQ(log.exitCode, 0) << log.err.toStdString();
    const QJsonArray entries = QJsonDocument::fromJson(log.out.toUtf8()).array();
    ASSERT_EQ(entries.size(), 2);
    EXPECT_EQ(entries.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("request_sent"));
    EXPECT_EQ(entries.at(0).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("Hi Ada!"));
    EXPECT_TRUE(entries.at(0).toObject().value(QStringLiteral("occurred_at")).toString().endsWith(u'Z'));
    EXPECT_EQ(entries.at(1).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("request_accepted"));
}

TEST_F(CliTest, AnOldRequestWithoutAnswerIsNoResponse)
{
    const QString id = QString::number(addAda());
    ASSERT_EQ(withDb({ QStringLiteral("log"), id, QStringLiteral("request_sent"), QStringLiteral("--at"),
                       QStringLiteral("2020-01-01T09:00:00+01:00") })
                  .exitCode,
              0);
    EXPECT_EQ(listJson().at(0).toObject().value(QStringLiteral("stage")).toString(), QStringLiteral("no_response"));
    const QJsonArray entries
        = QJsonDocument::fromJson(withDb({ QStringLiteral("interactions"), QStringLiteral("--json") }).out.toUtf8())
              .array();
    EXPECT_EQ(entries.at(0).toObject().value(QStringLiteral("occurred_at")).toString(),
              QStringLiteral("2020-01-01T08:00:00.000Z"));
}

TEST_F(CliTest, BadInputExitsOneWithALineNamingTheProblem)
{
    const QString id = QString::number(addAda());
    const struct
    {
        QStringList arguments;
        const char* mentions;
    } cases[] = {
        { { QStringLiteral("log"), id, QStringLiteral("lunch") }, "lunch" },
        { { QStringLiteral("log"), QStringLiteral("abc"), QStringLiteral("note") }, "abc" },
        { { QStringLiteral("log"), QStringLiteral("999"), QStringLiteral("note") }, "999" },
        { { QStringLiteral("log"), id, QStringLiteral("note"), QStringLiteral("--at"), QStringLiteral("yesterday") },
          "yesterday" },
        { { QStringLiteral("interactions"), QStringLiteral("999") }, "999" },
        { { QStringLiteral("contacts"), QStringLiteral("add"), QStringLiteral("--first"), QStringLiteral("Bob"),
            QStringLiteral("--last"), QStringLiteral("B"), QStringLiteral("--url"), QStringLiteral("not a url") },
          "Profile URL" },
        { { QStringLiteral("contacts"), QStringLiteral("add"), QStringLiteral("--first"), QStringLiteral("Ada"),
            QStringLiteral("--last"), QStringLiteral("Again"), QStringLiteral("--url"),
            QStringLiteral("linkedin.com/in/ADA") },
          "already has the profile" },
        { { QStringLiteral("contacts"), QStringLiteral("add"), QStringLiteral("--first"), QString(),
            QStringLiteral("--last"), QStringLiteral(" ") },
          "name" },
    };
    for (const auto& c : cases) {
        const CliRun run = withDb(c.arguments);
        EXPECT_EQ(run.exitCode, 1) << c.arguments.join(u' ').toStdString();
        EXPECT_TRUE(run.err.contains(QString::fromLatin1(c.mentions))) << run.err.toStdString();
        EXPECT_EQ(run.err.count(u'\n'), 1) << "one line: " << run.err.toStdString();
    }
    EXPECT_EQ(listJson().size(), 1) << "bad input changed nothing";
}

TEST_F(CliTest, BadUsageExitsTwo)
{
    const QList<QStringList> cases {
        {},
        { QStringLiteral("frobnicate") },
        { QStringLiteral("contacts") },
        { QStringLiteral("contacts"), QStringLiteral("add"), QStringLiteral("--first"), QStringLiteral("Ada") },
        { QStringLiteral("contacts"), QStringLiteral("list"), QStringLiteral("--bogus") },
        { QStringLiteral("contacts"), QStringLiteral("list"), QStringLiteral("--text"), QStringLiteral("x") },
        { QStringLiteral("log"), QStringLiteral("1") },
        { QStringLiteral("log"), QStringLiteral("1"), QStringLiteral("note"), QStringLiteral("extra") },
    };
    for (const QStringList& arguments : cases)
        EXPECT_EQ(withDb(arguments).exitCode, 2) << arguments.join(u' ').toStdString();
}

TEST_F(CliTest, TheEnvironmentVariableChoosesTheDatabase)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QString fromEnvironment = m_dir.filePath(QStringLiteral("env.db"));
    environment.insert(QStringLiteral("RAPPORT_DB"), fromEnvironment);
    const CliRun add = cli({ QStringLiteral("contacts"), QStringLiteral("add"), QStringLiteral("--first"),
                             QStringLiteral("Env"), QStringLiteral("--last"), QStringLiteral("Var") },
                           environment);
    ASSERT_EQ(add.exitCode, 0) << add.err.toStdString();
    EXPECT_TRUE(QFile::exists(fromEnvironment));
    EXPECT_FALSE(QFile::exists(db()));
}

TEST_F(CliTest, AnUnusableDatabasePathIsBadInput)
{
    QFile notADatabase(m_dir.filePath(QStringLiteral("notes.txt")));
    ASSERT_TRUE(notADatabase.open(QIODevice::WriteOnly));
    notADatabase.write(QByteArray("just text, long enough to look like a file header ......................."));
    notADatabase.close();
    const CliRun run
        = cli({ QStringLiteral("--db"), notADatabase.fileName(), QStringLiteral("contacts"), QStringLiteral("list") });
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.err.contains(QStringLiteral("not a Rapport database"))) << run.err.toStdString();
}

} // namespace

namespace {

TEST_F(CliTest, LoggingARequestPastTheDailyLimitWarnsAndStillLogs)
{
    const QString at = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    for (int i = 0; i < 21; ++i) {
        const CliRun add = withDb({ QStringLiteral("contacts"), QStringLiteral("add"), QStringLiteral("--first"),
                                    QStringLiteral("P%1").arg(i), QStringLiteral("--last"), QStringLiteral("Q") });
        ASSERT_EQ(add.exitCode, 0) << add.err.toStdString();
    }
    for (int i = 1; i <= 20; ++i) {
        const CliRun sent = withDb(
            { QStringLiteral("log"), QString::number(i), QStringLiteral("request_sent"), QStringLiteral("--at"), at });
        ASSERT_EQ(sent.exitCode, 0);
        EXPECT_TRUE(sent.err.isEmpty()) << "request " << i << ": " << sent.err.toStdString();
    }
    const CliRun twentyFirst = withDb(
        { QStringLiteral("log"), QStringLiteral("21"), QStringLiteral("request_sent"), QStringLiteral("--at"), at });
    EXPECT_EQ(twentyFirst.exitCode, 0);
    EXPECT_TRUE(twentyFirst.err.contains(QStringLiteral("warning"))) << twentyFirst.err.toStdString();
    EXPECT_TRUE(twentyFirst.err.contains(QStringLiteral("20"))) << twentyFirst.err.toStdString();
    EXPECT_EQ(listJson().at(20).toObject().value(QStringLiteral("stage")).toString(), QStringLiteral("requested"));
}

} // namespace
