#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#include <sys/types.h>
#endif

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

namespace {

// Keep-in-touch cadences, stars and tags from the command line. The time zone is pinned, so that the days of
// the times logged below are the days the cadences count from.
class CliKeepInTouchTest : public CliTest
{
protected:
    CliRun run(const QStringList& arguments)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
        return cli(QStringList { QStringLiteral("--db"), db() } + arguments, environment);
    }

    QString add(const char* first, QStringList options = {})
    {
        const CliRun result
            = run(QStringList { QStringLiteral("contacts"), QStringLiteral("add"), QStringLiteral("--first"),
                                QString::fromLatin1(first), QStringLiteral("--last"), QStringLiteral("Test") }
                  + options);
        EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
        return QString::number(listJson().size());
    }

    void met(const QString& id, const char* at)
    {
        const CliRun result = run(
            { QStringLiteral("log"), id, QStringLiteral("met"), QStringLiteral("--at"), QString::fromLatin1(at) });
        ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    }

    QJsonObject contact(const QString& id)
    {
        for (const QJsonValue& value : listJson()) {
            if (value[QStringLiteral("id")].toInteger() == id.toLongLong())
                return value.toObject();
        }
        ADD_FAILURE() << "no contact " << id.toStdString();
        return {};
    }

    QJsonArray jsonOf(const QStringList& arguments)
    {
        const CliRun result = run(arguments + QStringList { QStringLiteral("--json") });
        EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
        return QJsonDocument::fromJson(result.out.toUtf8()).array();
    }
};

TEST_F(CliKeepInTouchTest, EditSetsTheCadenceTheStarAndFieldsAndKeepsTheRest)
{
    const QString id = add("Ada",
                           { QStringLiteral("--company"), QStringLiteral("Engines"), QStringLiteral("--email"),
                             QStringLiteral("ada@example.com") });
    met(id, "2026-03-01T12:00:00Z");
    QJsonObject ada = contact(id);
    EXPECT_TRUE(ada.value(QStringLiteral("keep_in_touch_days")).isNull());
    EXPECT_TRUE(ada.value(QStringLiteral("keep_in_touch_source")).isNull());
    EXPECT_TRUE(ada.value(QStringLiteral("next_keep_in_touch")).isNull());

    const CliRun edited
        = run({ QStringLiteral("contacts"), QStringLiteral("edit"), id, QStringLiteral("--keep-in-touch"),
                QStringLiteral("close"), QStringLiteral("--star"), QStringLiteral("--company"),
                QStringLiteral("Analytical Engines"), QStringLiteral("--tags"), QStringLiteral("mentor, alumni") });
    ASSERT_EQ(edited.exitCode, 0) << edited.err.toStdString();
    EXPECT_TRUE(edited.out.contains(QStringLiteral("Close (every 30 days)"))) << edited.out.toStdString();
    ada = contact(id);
    EXPECT_EQ(ada.value(QStringLiteral("keep_in_touch_days")).toInt(), 30);
    EXPECT_EQ(ada.value(QStringLiteral("keep_in_touch_source")).toString(), QStringLiteral("contact"));
    EXPECT_EQ(ada.value(QStringLiteral("next_keep_in_touch")).toString(), QStringLiteral("2026-03-31"));
    EXPECT_TRUE(ada.value(QStringLiteral("starred")).toBool());
    EXPECT_EQ(ada.value(QStringLiteral("company")).toString(), QStringLiteral("Analytical Engines"));
    EXPECT_EQ(ada.value(QStringLiteral("tags")).toArray(),
              QJsonArray({ QStringLiteral("mentor"), QStringLiteral("alumni") }));
    EXPECT_EQ(ada.value(QStringLiteral("first_name")).toString(), QStringLiteral("Ada"));
    EXPECT_EQ(ada.value(QStringLiteral("email")).toString(), QStringLiteral("ada@example.com"));

    ASSERT_EQ(run({ QStringLiteral("contacts"), QStringLiteral("edit"), id, QStringLiteral("--keep-in-touch"),
                    QStringLiteral("45"), QStringLiteral("--unstar") })
                  .exitCode,
              0);
    ada = contact(id);
    EXPECT_EQ(ada.value(QStringLiteral("keep_in_touch_days")).toInt(), 45);
    EXPECT_EQ(ada.value(QStringLiteral("next_keep_in_touch")).toString(), QStringLiteral("2026-04-15"));
    EXPECT_FALSE(ada.value(QStringLiteral("starred")).toBool());
    EXPECT_EQ(ada.value(QStringLiteral("tags")).toArray().size(), 2);

    ASSERT_EQ(run({ QStringLiteral("contacts"), QStringLiteral("edit"), id, QStringLiteral("--keep-in-touch"),
                    QStringLiteral("none") })
                  .exitCode,
              0);
    ada = contact(id);
    EXPECT_TRUE(ada.value(QStringLiteral("keep_in_touch_days")).isNull());
    EXPECT_TRUE(ada.value(QStringLiteral("next_keep_in_touch")).isNull());
    EXPECT_EQ(ada.value(QStringLiteral("company")).toString(), QStringLiteral("Analytical Engines"));
}

TEST_F(CliKeepInTouchTest, AddTakesTheCadenceTheStarAndTags)
{
    const QString id = add("Grace",
                           { QStringLiteral("--keep-in-touch"), QStringLiteral("yearly"), QStringLiteral("--star"),
                             QStringLiteral("--tags"), QStringLiteral("navy;cobol") });
    const QJsonObject grace = contact(id);
    EXPECT_EQ(grace.value(QStringLiteral("keep_in_touch_days")).toInt(), 365);
    EXPECT_EQ(grace.value(QStringLiteral("keep_in_touch_source")).toString(), QStringLiteral("contact"));
    EXPECT_TRUE(grace.value(QStringLiteral("next_keep_in_touch")).isString());
    EXPECT_TRUE(grace.value(QStringLiteral("starred")).toBool());
    EXPECT_EQ(grace.value(QStringLiteral("tags")).toArray(),
              QJsonArray({ QStringLiteral("navy"), QStringLiteral("cobol") }));
}

TEST_F(CliKeepInTouchTest, EditRefusesAnUnknownContactOrABadValueInOneLineAndChangesNothing)
{
    const QString id = add("Ada", { QStringLiteral("--keep-in-touch"), QStringLiteral("regular") });
    const QByteArray before
        = run({ QStringLiteral("contacts"), QStringLiteral("list"), QStringLiteral("--json") }).out.toUtf8();
    const struct
    {
        QStringList arguments;
        const char* mentions;
    } cases[] = {
        { { QStringLiteral("edit"), QStringLiteral("999"), QStringLiteral("--star") }, "999" },
        { { QStringLiteral("edit"), QStringLiteral("abc"), QStringLiteral("--star") }, "abc" },
        { { QStringLiteral("edit"), id, QStringLiteral("--keep-in-touch"), QStringLiteral("weekly") }, "weekly" },
        { { QStringLiteral("edit"), id, QStringLiteral("--keep-in-touch"), QStringLiteral("5") }, "--keep-in-touch" },
        { { QStringLiteral("edit"), id, QStringLiteral("--keep-in-touch"), QStringLiteral("731"),
            QStringLiteral("--star") },
          "730" },
        { { QStringLiteral("edit"), id, QStringLiteral("--url"), QStringLiteral("not a url") }, "Profile URL" },
        { { QStringLiteral("edit"), id, QStringLiteral("--first"), QString(), QStringLiteral("--last"), QString() },
          "name" },
        { { QStringLiteral("add"), QStringLiteral("--first"), QStringLiteral("Bob"), QStringLiteral("--last"),
            QStringLiteral("B"), QStringLiteral("--keep-in-touch"), QStringLiteral("monthly") },
          "monthly" },
    };
    for (const auto& c : cases) {
        const CliRun result = run(QStringList { QStringLiteral("contacts") } + c.arguments);
        EXPECT_EQ(result.exitCode, 1) << c.arguments.join(u' ').toStdString();
        EXPECT_TRUE(result.err.contains(QString::fromLatin1(c.mentions))) << result.err.toStdString();
        EXPECT_EQ(result.err.count(u'\n'), 1) << "one line: " << result.err.toStdString();
    }
    const QList<QStringList> usage {
        { QStringLiteral("edit"), id },
        { QStringLiteral("edit"), QStringLiteral("--star") },
        { QStringLiteral("edit"), id, QStringLiteral("--star"), QStringLiteral("--unstar") },
        { QStringLiteral("add"), QStringLiteral("--first"), QStringLiteral("A"), QStringLiteral("--last"),
          QStringLiteral("B"), QStringLiteral("--unstar") },
    };
    for (const QStringList& arguments : usage)
        EXPECT_EQ(run(QStringList { QStringLiteral("contacts") } + arguments).exitCode, 2)
            << arguments.join(u' ').toStdString();
    EXPECT_EQ(run({ QStringLiteral("contacts"), QStringLiteral("list"), QStringLiteral("--json") }).out.toUtf8(),
              before);
}

TEST_F(CliKeepInTouchTest, ATagsCadenceAppliesToItsContactsWithoutOneOfTheirOwn)
{
    const QString ada = add("Ada", { QStringLiteral("--tags"), QStringLiteral("Mentor") });
    const QString bob = add("Bob",
                            { QStringLiteral("--tags"), QStringLiteral("mentor,alumni"),
                              QStringLiteral("--keep-in-touch"), QStringLiteral("90") });
    const QString cy = add("Cy");
    met(ada, "2026-03-01T12:00:00Z");

    const CliRun set = run(
        { QStringLiteral("tags"), QStringLiteral("set-cadence"), QStringLiteral("mentor"), QStringLiteral("close") });
    ASSERT_EQ(set.exitCode, 0) << set.err.toStdString();
    EXPECT_TRUE(set.out.contains(QStringLiteral("2 contacts"))) << set.out.toStdString();
    EXPECT_EQ(contact(ada).value(QStringLiteral("keep_in_touch_days")).toInt(), 30);
    EXPECT_EQ(contact(ada).value(QStringLiteral("keep_in_touch_source")).toString(), QStringLiteral("tag"));
    EXPECT_EQ(contact(ada).value(QStringLiteral("next_keep_in_touch")).toString(), QStringLiteral("2026-03-31"));
    EXPECT_EQ(contact(bob).value(QStringLiteral("keep_in_touch_days")).toInt(), 90);
    EXPECT_EQ(contact(bob).value(QStringLiteral("keep_in_touch_source")).toString(), QStringLiteral("contact"));
    EXPECT_TRUE(contact(cy).value(QStringLiteral("keep_in_touch_days")).isNull());

    ASSERT_EQ(
        run({ QStringLiteral("tags"), QStringLiteral("set-cadence"), QStringLiteral("friends"), QStringLiteral("200") })
            .exitCode,
        0);
    const QJsonArray tags = jsonOf({ QStringLiteral("tags"), QStringLiteral("list") });
    ASSERT_EQ(tags.size(), 3) << "alumni, friends (no contact yet), mentor";
    EXPECT_EQ(tags.at(0)[QStringLiteral("tag")].toString(), QStringLiteral("alumni"));
    EXPECT_EQ(tags.at(0)[QStringLiteral("contacts")].toInt(), 1);
    EXPECT_TRUE(tags.at(0)[QStringLiteral("keep_in_touch_days")].isNull());
    EXPECT_EQ(tags.at(1)[QStringLiteral("tag")].toString(), QStringLiteral("friends"));
    EXPECT_EQ(tags.at(1)[QStringLiteral("contacts")].toInt(), 0);
    EXPECT_EQ(tags.at(1)[QStringLiteral("keep_in_touch_days")].toInt(), 200);
    EXPECT_EQ(tags.at(2)[QStringLiteral("tag")].toString().toLower(), QStringLiteral("mentor"));
    EXPECT_EQ(tags.at(2)[QStringLiteral("contacts")].toInt(), 2);
    EXPECT_EQ(tags.at(2)[QStringLiteral("keep_in_touch_days")].toInt(), 30);
    const CliRun text = run({ QStringLiteral("tags"), QStringLiteral("list") });
    ASSERT_EQ(text.exitCode, 0);
    EXPECT_TRUE(text.out.contains(QStringLiteral("Close (every 30 days)"))) << text.out.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("alumni"))) << text.out.toStdString();

    for (const char* value : { "weekly", "3", "" }) {
        const CliRun bad = run({ QStringLiteral("tags"), QStringLiteral("set-cadence"), QStringLiteral("mentor"),
                                 QString::fromLatin1(value) });
        EXPECT_EQ(bad.exitCode, 1) << value;
        EXPECT_TRUE(bad.err.contains(QStringLiteral("\"%1\"").arg(QString::fromLatin1(value))))
            << bad.err.toStdString();
        EXPECT_EQ(bad.err.count(u'\n'), 1) << bad.err.toStdString();
    }
    EXPECT_EQ(
        run({ QStringLiteral("tags"), QStringLiteral("set-cadence"), QStringLiteral(" "), QStringLiteral("close") })
            .exitCode,
        1);
    EXPECT_EQ(run({ QStringLiteral("tags"), QStringLiteral("set-cadence"), QStringLiteral("mentor") }).exitCode, 2);

    ASSERT_EQ(
        run({ QStringLiteral("tags"), QStringLiteral("set-cadence"), QStringLiteral("MENTOR"), QStringLiteral("none") })
            .exitCode,
        0);
    EXPECT_TRUE(contact(ada).value(QStringLiteral("keep_in_touch_days")).isNull());
    EXPECT_EQ(contact(bob).value(QStringLiteral("keep_in_touch_days")).toInt(), 90);
}

TEST_F(CliKeepInTouchTest, ListDueShowsWhoIsDueByTodayTheMostOverdueFirst)
{
    const QString ada = add("Ada", { QStringLiteral("--keep-in-touch"), QStringLiteral("close") });
    const QString bob = add("Bob", { QStringLiteral("--keep-in-touch"), QStringLiteral("regular") });
    const QString cy = add("Cy", { QStringLiteral("--keep-in-touch"), QStringLiteral("yearly") });
    const QString dee = add("Dee");
    met(ada, "2026-03-01T12:00:00Z"); // due 2026-03-31
    met(bob, "2025-12-01T12:00:00Z"); // due 2026-03-01
    met(cy, "2026-01-10T12:00:00Z"); // due 2027-01-10
    met(dee, "2020-01-01T12:00:00Z");

    const QJsonArray due = jsonOf({ QStringLiteral("contacts"), QStringLiteral("list"), QStringLiteral("--due"),
                                    QStringLiteral("--today"), QStringLiteral("2026-06-01") });
    ASSERT_EQ(due.size(), 2);
    EXPECT_EQ(due.at(0)[QStringLiteral("first_name")].toString(), QStringLiteral("Bob"));
    EXPECT_EQ(due.at(0)[QStringLiteral("next_keep_in_touch")].toString(), QStringLiteral("2026-03-01"));
    EXPECT_EQ(due.at(1)[QStringLiteral("first_name")].toString(), QStringLiteral("Ada"));
    EXPECT_EQ(due.at(1)[QStringLiteral("next_keep_in_touch")].toString(), QStringLiteral("2026-03-31"));
    EXPECT_EQ(jsonOf({ QStringLiteral("contacts"), QStringLiteral("list"), QStringLiteral("--due"),
                       QStringLiteral("--today"), QStringLiteral("2026-03-31") })
                  .size(),
              2)
        << "due on the day itself";
    EXPECT_EQ(jsonOf({ QStringLiteral("contacts"), QStringLiteral("list"), QStringLiteral("--due"),
                       QStringLiteral("--today"), QStringLiteral("2026-02-28") })
                  .size(),
              0);

    const CliRun text = run({ QStringLiteral("contacts"), QStringLiteral("list"), QStringLiteral("--due"),
                              QStringLiteral("--today"), QStringLiteral("2026-06-01") });
    ASSERT_EQ(text.exitCode, 0) << text.err.toStdString();
    EXPECT_LT(text.out.indexOf(QStringLiteral("Bob Test")), text.out.indexOf(QStringLiteral("Ada Test")));
    EXPECT_FALSE(text.out.contains(QStringLiteral("Cy Test"))) << text.out.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("Regular (every 90 days), next 2026-03-01")))
        << text.out.toStdString();

    const CliRun badDay = run({ QStringLiteral("contacts"), QStringLiteral("list"), QStringLiteral("--due"),
                                QStringLiteral("--today"), QStringLiteral("2026-02-30") });
    EXPECT_EQ(badDay.exitCode, 1);
    EXPECT_TRUE(badDay.err.contains(QStringLiteral("2026-02-30"))) << badDay.err.toStdString();
    EXPECT_EQ(run({ QStringLiteral("contacts"), QStringLiteral("list"), QStringLiteral("--today"),
                    QStringLiteral("2026-06-01") })
                  .exitCode,
              2)
        << "--today without --due";
}

TEST_F(CliKeepInTouchTest, TheListShowsAKeepInTouchColumnOnlyWhenSomeoneHasACadence)
{
    const QString ada = add("Ada");
    CliRun text = run({ QStringLiteral("contacts"), QStringLiteral("list") });
    ASSERT_EQ(text.exitCode, 0);
    EXPECT_TRUE(text.out.startsWith(QStringLiteral("ID  NAME      COMPANY  STAGE\n"))) << text.out.toStdString();
    EXPECT_FALSE(text.out.contains(QStringLiteral("KEEP IN TOUCH")));

    met(ada, "2026-03-01T12:00:00Z");
    ASSERT_EQ(run({ QStringLiteral("contacts"), QStringLiteral("edit"), ada, QStringLiteral("--tags"),
                    QStringLiteral("mentor") })
                  .exitCode,
              0);
    ASSERT_EQ(run({ QStringLiteral("tags"), QStringLiteral("set-cadence"), QStringLiteral("mentor"),
                    QStringLiteral("close") })
                  .exitCode,
              0);
    text = run({ QStringLiteral("contacts"), QStringLiteral("list") });
    ASSERT_EQ(text.exitCode, 0);
    EXPECT_TRUE(text.out.contains(QStringLiteral("KEEP IN TOUCH"))) << text.out.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("Close (every 30 days) via mentor, next 2026-03-31")))
        << text.out.toStdString();
}

TEST_F(CliKeepInTouchTest, HelpNamesTheNewCommands)
{
    const CliRun help = cli({ QStringLiteral("--help") });
    ASSERT_EQ(help.exitCode, 0);
    for (const char* expected : { "contacts edit CONTACT_ID", "--keep-in-touch", "--star", "--unstar", "tags list",
                                  "tags set-cadence TAG CADENCE", "--due", "--check-ins" })
        EXPECT_TRUE(help.out.contains(QString::fromLatin1(expected))) << expected;
}

} // namespace

namespace rapport {
namespace {

// "If a connection hasn't engaged in a long time, consider removing them": listed for review, never acted on.
TEST_F(CliKeepInTouchTest, ListSilentShowsConnectionsQuietForTwoYearsWithoutStarOrCadence)
{
    const auto connected = [&](const char* name, const char* at, QStringList options = {}) {
        const QString id = add(name, options);
        const CliRun logged = run({ QStringLiteral("log"), id, QStringLiteral("request_accepted"),
                                    QStringLiteral("--at"), QString::fromLatin1(at) });
        EXPECT_EQ(logged.exitCode, 0) << logged.err.toStdString();
        return id;
    };
    connected("Old", "2023-01-10T12:00:00Z");
    connected("Older", "2022-05-10T12:00:00Z");
    connected("Recent", "2025-09-10T12:00:00Z");
    connected("Starred", "2022-01-10T12:00:00Z", { QStringLiteral("--star") });
    connected("Close", "2022-01-10T12:00:00Z", { QStringLiteral("--keep-in-touch"), QStringLiteral("close") });
    add("Prospect");

    const QJsonArray silent = jsonOf({ QStringLiteral("contacts"), QStringLiteral("list"), QStringLiteral("--silent"),
                                       QStringLiteral("--today"), QStringLiteral("2026-11-26") });
    ASSERT_EQ(silent.size(), 2);
    EXPECT_EQ(silent.at(0)[QStringLiteral("first_name")].toString(), QStringLiteral("Older")) << "longest first";
    EXPECT_EQ(silent.at(1)[QStringLiteral("first_name")].toString(), QStringLiteral("Old"));

    const CliRun none = run({ QStringLiteral("contacts"), QStringLiteral("list"), QStringLiteral("--silent"),
                              QStringLiteral("--today"), QStringLiteral("2024-01-01") });
    EXPECT_EQ(none.exitCode, 0);
    EXPECT_TRUE(none.out.contains(QStringLiteral("No connection has been silent"))) << none.out.toStdString();
    EXPECT_EQ(
        run({ QStringLiteral("contacts"), QStringLiteral("list"), QStringLiteral("--silent"), QStringLiteral("--due") })
            .exitCode,
        2);
}

} // namespace
} // namespace rapport

namespace rapport {
namespace {

TEST_F(CliKeepInTouchTest, ANoteOverTheAccountsLimitIsLoggedWithAWarning)
{
    const QString ada = add("Ada");
    const auto logNote = [&](int length) {
        return run({ QStringLiteral("log"), ada, QStringLiteral("request_sent"), QStringLiteral("--text"),
                     QString(length, u'x') });
    };
    CliRun premium = logNote(305);
    EXPECT_EQ(premium.exitCode, 0);
    EXPECT_TRUE(premium.err.contains(QStringLiteral("305 characters, over the 300-character limit")))
        << premium.err.toStdString();
    EXPECT_FALSE(logNote(295).err.contains(QStringLiteral("characters, over")));

    ASSERT_EQ(
        run({ QStringLiteral("rule"), QStringLiteral("set"), QStringLiteral("--account"), QStringLiteral("basic") })
            .exitCode,
        0);
    const CliRun basic = logNote(205);
    EXPECT_EQ(basic.exitCode, 0) << "sent by hand already: logged all the same";
    EXPECT_TRUE(basic.err.contains(QStringLiteral("205 characters, over the 200-character limit")))
        << basic.err.toStdString();
    EXPECT_FALSE(logNote(195).err.contains(QStringLiteral("characters, over")));
}

} // namespace
} // namespace rapport

namespace {

// Issue 18, item 8: a typo in --db made a new, empty database (and its folders) and showed it as if it were the
// user's. A path that was given is created only by a command that writes, in a folder that exists, and says so.
class CliDatabasePathTest : public CliTest
{
protected:
    CliRun at(const QString& path, const QStringList& arguments)
    {
        return cli(QStringList { QStringLiteral("--db"), path } + arguments);
    }
};

TEST_F(CliDatabasePathTest, AFolderThatDoesNotExistIsAnErrorAndNothingIsCreated)
{
    const QString typo = m_dir.filePath(QStringLiteral("nonexistent/dir/r.db"));
    const QString message = QStringLiteral("rapport-cli: The folder %1 does not exist.\n")
                                .arg(m_dir.filePath(QStringLiteral("nonexistent/dir")));
    const CliRun list = at(typo, { QStringLiteral("contacts"), QStringLiteral("list") });
    EXPECT_EQ(list.exitCode, 1);
    EXPECT_EQ(list.err, message);
    EXPECT_TRUE(list.out.isEmpty()) << list.out.toStdString();
    const CliRun add = at(typo,
                          { QStringLiteral("contacts"), QStringLiteral("add"), QStringLiteral("--first"),
                            QStringLiteral("A"), QStringLiteral("--last"), QStringLiteral("B") });
    EXPECT_EQ(add.exitCode, 1);
    EXPECT_EQ(add.err, message);

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("RAPPORT_DB"), typo);
    const CliRun fromEnvironment = cli({ QStringLiteral("contacts"), QStringLiteral("add"), QStringLiteral("--first"),
                                         QStringLiteral("A"), QStringLiteral("--last"), QStringLiteral("B") },
                                       environment);
    EXPECT_EQ(fromEnvironment.exitCode, 1);
    EXPECT_EQ(fromEnvironment.err, message);
    EXPECT_FALSE(QFile::exists(m_dir.filePath(QStringLiteral("nonexistent"))));
}

TEST_F(CliDatabasePathTest, CommandsThatOnlyReadSayTheDatabaseDoesNotExistAndCreateNothing)
{
    const QString csv = QStringLiteral(RAPPORT_TEST_DATA "/import/google-contacts.csv");
    const QList<QStringList> reading {
        { QStringLiteral("contacts"), QStringLiteral("list") },
        { QStringLiteral("contacts"), QStringLiteral("list"), QStringLiteral("--due") },
        { QStringLiteral("tags"), QStringLiteral("list") },
        { QStringLiteral("interactions") },
        { QStringLiteral("stats") },
        { QStringLiteral("plan") },
        { QStringLiteral("rule"), QStringLiteral("show") },
        { QStringLiteral("export"), QStringLiteral("contacts"), m_dir.filePath(QStringLiteral("out.csv")) },
        { QStringLiteral("backup") },
        { QStringLiteral("import"), csv, QStringLiteral("--dry-run") },
    };
    for (const QStringList& arguments : reading) {
        const CliRun run = withDb(arguments);
        EXPECT_EQ(run.exitCode, 1) << arguments.join(u' ').toStdString();
        EXPECT_EQ(run.err, QStringLiteral("rapport-cli: The database %1 does not exist.\n").arg(db()))
            << arguments.join(u' ').toStdString();
        EXPECT_EQ(QDir(m_dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList())
            << arguments.join(u' ').toStdString();
    }
}

TEST_F(CliDatabasePathTest, CommandsThatWriteCreateItWithAOneLineNote)
{
    const QString csv = QStringLiteral(RAPPORT_TEST_DATA "/import/google-contacts.csv");
    const QList<QStringList> writing {
        { QStringLiteral("contacts"), QStringLiteral("add"), QStringLiteral("--first"), QStringLiteral("Ada"),
          QStringLiteral("--last"), QStringLiteral("Lovelace") },
        { QStringLiteral("rule"), QStringLiteral("set"), QStringLiteral("10-4-1") },
        { QStringLiteral("tags"), QStringLiteral("set-cadence"), QStringLiteral("friends"), QStringLiteral("close") },
        { QStringLiteral("import"), csv },
        { QStringLiteral("demo"), QStringLiteral("--contacts"), QStringLiteral("3") },
    };
    int n = 0;
    for (const QStringList& arguments : writing) {
        const QString path = m_dir.filePath(QStringLiteral("new-%1.db").arg(++n));
        const CliRun first = at(path, arguments);
        EXPECT_EQ(first.exitCode, 0) << arguments.join(u' ').toStdString() << ": " << first.err.toStdString();
        EXPECT_EQ(first.err, QStringLiteral("rapport-cli: created a new database at %1\n").arg(path))
            << arguments.join(u' ').toStdString();
        EXPECT_TRUE(QFile::exists(path));
        const CliRun read = at(path, { QStringLiteral("rule"), QStringLiteral("show") });
        EXPECT_EQ(read.exitCode, 0);
        EXPECT_TRUE(read.err.isEmpty()) << "only the first write says it created the file: " << read.err.toStdString();
    }
}

TEST_F(CliDatabasePathTest, AWriteThatFailsLeavesNoNewDatabaseBehind)
{
    const QList<QStringList> failing {
        { QStringLiteral("contacts"), QStringLiteral("edit"), QStringLiteral("5"), QStringLiteral("--star") },
        { QStringLiteral("log"), QStringLiteral("5"), QStringLiteral("note") },
        { QStringLiteral("import"), QStringLiteral(RAPPORT_TEST_DATA "/import/malformed-empty.csv") },
    };
    for (const QStringList& arguments : failing) {
        const CliRun run = withDb(arguments);
        EXPECT_EQ(run.exitCode, 1) << arguments.join(u' ').toStdString();
        EXPECT_EQ(run.err.count(u'\n'), 1) << run.err.toStdString();
        EXPECT_FALSE(run.err.contains(QStringLiteral("created"))) << run.err.toStdString();
        EXPECT_EQ(QDir(m_dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList())
            << arguments.join(u' ').toStdString();
    }
}

TEST_F(CliDatabasePathTest, AnEmptyDbIsAnErrorNotTheDefaultDatabase)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("xdg")));
    environment.remove(QStringLiteral("RAPPORT_DB"));
    for (const QString& empty : { QString(), QStringLiteral(" ") }) {
        const CliRun run
            = cli({ QStringLiteral("--db"), empty, QStringLiteral("contacts"), QStringLiteral("add"),
                    QStringLiteral("--first"), QStringLiteral("A"), QStringLiteral("--last"), QStringLiteral("B") },
                  environment);
        EXPECT_EQ(run.exitCode, 1);
        EXPECT_EQ(run.err, QStringLiteral("rapport-cli: --db \"%1\" is not a path to a database file\n").arg(empty));
    }
    EXPECT_FALSE(QFile::exists(m_dir.filePath(QStringLiteral("xdg"))));
}

// The default location is Rapport's own: any command creates it, folders included, without a note, and the
// folders are the user's alone even under umask 000 (issue 18, item 6).
TEST_F(CliDatabasePathTest, TheDefaultLocationIsCreatedWithOwnerOnlyFoldersEvenUnderUmaskZero)
{
#ifdef Q_OS_UNIX
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QString xdg = m_dir.filePath(QStringLiteral("xdg"));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), xdg);
    environment.remove(QStringLiteral("RAPPORT_DB"));
    const mode_t previous = umask(0);
    const CliRun list = cli({ QStringLiteral("contacts"), QStringLiteral("list") }, environment);
    const CliRun add = cli({ QStringLiteral("contacts"), QStringLiteral("add"), QStringLiteral("--first"),
                             QStringLiteral("A"), QStringLiteral("--last"), QStringLiteral("B") },
                           environment);
    umask(previous);
    EXPECT_EQ(list.exitCode, 0) << list.err.toStdString();
    EXPECT_TRUE(list.err.isEmpty()) << list.err.toStdString();
    EXPECT_EQ(add.exitCode, 0) << add.err.toStdString();

    const QString database = xdg + QStringLiteral("/Rapport/rapport.sqlite");
    ASSERT_TRUE(QFile::exists(database));
    const auto groupOrOther = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
        | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    for (const QString& folder : { xdg, xdg + QStringLiteral("/Rapport") })
        EXPECT_EQ(QFile::permissions(folder) & groupOrOther, QFileDevice::Permissions()) << folder.toStdString();
    EXPECT_EQ(QFile::permissions(database) & groupOrOther, QFileDevice::Permissions());
#else
    GTEST_SKIP() << "umask is POSIX";
#endif
}

} // namespace
