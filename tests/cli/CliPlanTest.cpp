#include "core/storage/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

struct PlanRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

QSet<QString> keysOf(const QJsonObject& object)
{
    const QStringList keys = object.keys();
    return QSet<QString>(keys.cbegin(), keys.cend());
}

QSet<QString> set(std::initializer_list<const char*> keys)
{
    QSet<QString> result;
    for (const char* key : keys)
        result.insert(QString::fromLatin1(key));
    return result;
}

// Runs the real rapport-cli with the locale (weeks from Monday) and the time zone pinned.
class CliPlanTest : public ::testing::Test
{
protected:
    // The database the user already has: rapport-cli creates a --db file only for a command that writes.
    void SetUp() override
    {
        auto created = rapport::Database::open(db());
        ASSERT_TRUE(created.ok()) << created.error().toStdString();
    }

    PlanRun run(const QStringList& arguments)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("en_GB.UTF-8"));
        environment.insert(QStringLiteral("LANG"), QStringLiteral("en_GB.UTF-8"));
        environment.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(RAPPORT_CLI_PATH), QStringList { QStringLiteral("--db"), db() } + arguments);
        EXPECT_TRUE(process.waitForFinished(30000)) << "rapport-cli did not finish";
        return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                 QString::fromUtf8(process.readAllStandardOutput()),
                 QString::fromUtf8(process.readAllStandardError()) };
    }

    QJsonObject json(const QStringList& arguments)
    {
        const PlanRun result = run(arguments + QStringList { QStringLiteral("--json") });
        EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(result.out.toUtf8(), &error);
        EXPECT_EQ(error.error, QJsonParseError::NoError) << result.out.toStdString();
        return document.object();
    }

    void addContact(const char* first, const char* last)
    {
        const PlanRun result = run({ QStringLiteral("contacts"), QStringLiteral("add"), QStringLiteral("--first"),
                                     QString::fromLatin1(first), QStringLiteral("--last"), QString::fromLatin1(last) });
        ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    }

    QString db() const { return m_dir.filePath(QStringLiteral("plan.db")); }

    QTemporaryDir m_dir;
};

TEST_F(CliPlanTest, PlanJsonHasTheIssuesShape)
{
    for (const char* name : { "Ada", "Grace", "Alan", "Edsger", "Barbara" })
        addContact(name, "Test");
    const PlanRun logged
        = run({ QStringLiteral("log"), QStringLiteral("1"), QStringLiteral("request_sent"), QStringLiteral("--at"),
                QStringLiteral("2026-11-23T10:00:00Z"), QStringLiteral("--text"), QStringLiteral("Hi Ada") });
    ASSERT_EQ(logged.exitCode, 0) << logged.err.toStdString();

    const QJsonObject plan = json({ QStringLiteral("plan"), QStringLiteral("--today"), QStringLiteral("2026-11-26") });
    EXPECT_EQ(keysOf(plan), set({ "week_start", "rule", "actions", "progress", "warnings", "keep_in_touch" }));
    EXPECT_TRUE(plan.value(QStringLiteral("keep_in_touch")).toArray().isEmpty()) << "no one has a cadence";
    EXPECT_EQ(plan.value(QStringLiteral("week_start")).toString(), QStringLiteral("2026-11-23"));
    EXPECT_EQ(plan.value(QStringLiteral("rule")).toString(), QStringLiteral("4-1-1"));
    EXPECT_TRUE(plan.value(QStringLiteral("warnings")).isArray());

    const QJsonArray actions = plan.value(QStringLiteral("actions")).toArray();
    // At most 4 / 5 working days, rounded up, a day (domain: Send requests): one on Thursday, one on Friday, and
    // the fourth waits for next week.
    ASSERT_EQ(actions.size(), 3) << "the request sent on Monday and one more on each of Thursday and Friday";
    for (const QJsonValue& value : actions) {
        const QJsonObject action = value.toObject();
        EXPECT_EQ(keysOf(action), set({ "date", "kind", "contact_id", "contact_name", "reason", "state" }));
        EXPECT_EQ(action.value(QStringLiteral("kind")).toString(), QStringLiteral("send_request"));
        EXPECT_FALSE(action.value(QStringLiteral("reason")).toString().isEmpty());
    }
    const QJsonObject done = actions.at(0).toObject();
    EXPECT_EQ(done.value(QStringLiteral("date")).toString(), QStringLiteral("2026-11-23"));
    EXPECT_EQ(done.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
    EXPECT_EQ(done.value(QStringLiteral("contact_id")).toInteger(), 1);
    EXPECT_EQ(done.value(QStringLiteral("contact_name")).toString(), QStringLiteral("Ada Test"));
    const QStringList plannedDates { QStringLiteral("2026-11-26"), QStringLiteral("2026-11-27") };
    for (qsizetype i = 1; i < actions.size(); ++i) {
        EXPECT_EQ(actions.at(i).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("planned"));
        EXPECT_EQ(actions.at(i).toObject().value(QStringLiteral("date")).toString(), plannedDates[i - 1]);
    }

    const QJsonObject progress = plan.value(QStringLiteral("progress")).toObject();
    EXPECT_EQ(keysOf(progress), set({ "requests", "follow_ups", "check_ins", "replies" }));
    for (const QString& key : progress.keys())
        EXPECT_EQ(keysOf(progress.value(key).toObject()), set({ "done", "target" })) << key.toStdString();
    EXPECT_EQ(progress.value(QStringLiteral("requests")).toObject().value(QStringLiteral("done")).toInt(), 1);
    EXPECT_EQ(progress.value(QStringLiteral("requests")).toObject().value(QStringLiteral("target")).toInt(), 4);
}

TEST_F(CliPlanTest, TheHumanFormIsADayByDayList)
{
    addContact("Ada", "Lovelace");
    const PlanRun result = run({ QStringLiteral("plan"), QStringLiteral("--today"), QStringLiteral("2026-11-23") });
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    for (const char* expected : { "Monday", "Tuesday", "Sunday", "(today)", "Ada Lovelace", "Send a request",
                                  "Progress: requests 0 / 4", "This week: 1 request, 0 follow-ups, 0 check-ins due" })
        EXPECT_TRUE(result.out.contains(QString::fromLatin1(expected))) << expected << "\n" << result.out.toStdString();
    EXPECT_LT(result.out.indexOf(QStringLiteral("Monday")), result.out.indexOf(QStringLiteral("Tuesday")));
}

TEST_F(CliPlanTest, TheWeekIsGivenByAnyDayInIt)
{
    const QJsonObject plan = json({ QStringLiteral("plan"), QStringLiteral("--today"), QStringLiteral("2026-11-26"),
                                    QStringLiteral("--week"), QStringLiteral("2026-12-03") });
    EXPECT_EQ(plan.value(QStringLiteral("week_start")).toString(), QStringLiteral("2026-11-30"));
}

TEST_F(CliPlanTest, ABadDateIsAClearErrorWithExitCodeOne)
{
    for (const char* option : { "--today", "--week" }) {
        for (const char* value : { "2026-13-01", "2026-11-31", "26.11.2026", "tomorrow", "2026-11-2" }) {
            const PlanRun result
                = run({ QStringLiteral("plan"), QString::fromLatin1(option), QString::fromLatin1(value) });
            EXPECT_EQ(result.exitCode, 1) << option << ' ' << value;
            EXPECT_TRUE(result.err.contains(QString::fromLatin1(option))) << result.err.toStdString();
            EXPECT_TRUE(result.err.contains(QStringLiteral("YYYY-MM-DD"))) << result.err.toStdString();
            EXPECT_EQ(result.err.count(u'\n'), 1) << result.err.toStdString();
        }
    }
}

TEST_F(CliPlanTest, RuleSetChangesWhatThePlanAsksFor)
{
    const PlanRun shown = run({ QStringLiteral("rule"), QStringLiteral("show") });
    ASSERT_EQ(shown.exitCode, 0) << shown.err.toStdString();
    EXPECT_TRUE(shown.out.contains(QStringLiteral("4-1-1"))) << shown.out.toStdString();
    EXPECT_TRUE(shown.out.contains(QStringLiteral("requests_per_7_days: 100"))) << shown.out.toStdString();

    ASSERT_EQ(run({ QStringLiteral("rule"), QStringLiteral("set"), QStringLiteral("10-4-1") }).exitCode, 0);
    QJsonObject plan = json({ QStringLiteral("plan"), QStringLiteral("--today"), QStringLiteral("2026-11-26") });
    EXPECT_EQ(plan.value(QStringLiteral("rule")).toString(), QStringLiteral("10-4-1"));
    EXPECT_EQ(plan.value(QStringLiteral("progress"))[QStringLiteral("requests")][QStringLiteral("target")].toInt(), 10);

    const PlanRun custom
        = run({ QStringLiteral("rule"), QStringLiteral("set"), QStringLiteral("custom"), QStringLiteral("--requests"),
                QStringLiteral("6"), QStringLiteral("--notes"), QStringLiteral("2"), QStringLiteral("--followups"),
                QStringLiteral("3"), QStringLiteral("--account"), QStringLiteral("basic") });
    ASSERT_EQ(custom.exitCode, 0) << custom.err.toStdString();
    const QJsonObject rule = json({ QStringLiteral("rule"), QStringLiteral("show") });
    EXPECT_EQ(rule.value(QStringLiteral("rule")).toString(), QStringLiteral("custom"));
    EXPECT_EQ(rule.value(QStringLiteral("requests_per_week")).toInt(), 6);
    EXPECT_EQ(rule.value(QStringLiteral("notes_per_week")).toInt(), 2);
    EXPECT_EQ(rule.value(QStringLiteral("follow_ups_per_week")).toInt(), 3);
    EXPECT_EQ(rule.value(QStringLiteral("account")).toString(), QStringLiteral("basic"));
    plan = json({ QStringLiteral("plan"), QStringLiteral("--today"), QStringLiteral("2026-11-26") });
    EXPECT_EQ(plan.value(QStringLiteral("rule")).toString(), QStringLiteral("custom"));
    EXPECT_EQ(plan.value(QStringLiteral("progress"))[QStringLiteral("requests")][QStringLiteral("target")].toInt(), 6);
}

TEST_F(CliPlanTest, ARuleThatCannotBeSetIsRefusedAndChangesNothing)
{
    struct Case
    {
        QStringList arguments;
        const char* mentions;
        int exitCode;
    };
    const QList<Case> cases {
        { { QStringLiteral("4-1-1"), QStringLiteral("--requests"), QStringLiteral("5") }, "custom", 1 },
        { { QStringLiteral("custom"), QStringLiteral("--requests"), QStringLiteral("200") }, "100", 1 },
        { { QStringLiteral("custom"), QStringLiteral("--notes"), QStringLiteral("-1") }, "--notes", 1 },
        { { QStringLiteral("custom"), QStringLiteral("--requests"), QStringLiteral("2") }, "notes", 1 },
        { { QStringLiteral("5-2-1") }, "5-2-1", 1 },
        { { QStringLiteral("--account"), QStringLiteral("gold") }, "gold", 1 },
        { {}, "rule set", 2 },
    };
    for (const Case& c : cases) {
        const PlanRun result = run(QStringList { QStringLiteral("rule"), QStringLiteral("set") } + c.arguments);
        EXPECT_EQ(result.exitCode, c.exitCode) << c.arguments.join(u' ').toStdString();
        EXPECT_TRUE(result.err.contains(QString::fromLatin1(c.mentions))) << result.err.toStdString();
    }
    const QJsonObject rule = json({ QStringLiteral("rule"), QStringLiteral("show") });
    EXPECT_EQ(rule.value(QStringLiteral("rule")).toString(), QStringLiteral("4-1-1"));
    EXPECT_EQ(rule.value(QStringLiteral("account")).toString(), QStringLiteral("premium"));
}

// Connected contacts, each accepted on the given day, all with a close (30-day) keep-in-touch cadence.
class CliPlanKeepInTouchTest : public CliPlanTest
{
protected:
    void connectedAndClose(const char* first, const char* acceptedAt)
    {
        addContact(first, "Test");
        const QString id = QString::number(++m_contacts);
        for (const char* kind : { "request_sent", "request_accepted" }) {
            const PlanRun logged = run({ QStringLiteral("log"), id, QString::fromLatin1(kind), QStringLiteral("--at"),
                                         QString::fromLatin1(acceptedAt) });
            ASSERT_EQ(logged.exitCode, 0) << logged.err.toStdString();
        }
        const PlanRun edited = run({ QStringLiteral("contacts"), QStringLiteral("edit"), id,
                                     QStringLiteral("--keep-in-touch"), QStringLiteral("close") });
        ASSERT_EQ(edited.exitCode, 0) << edited.err.toStdString();
    }

    int m_contacts = 0;
};

TEST_F(CliPlanKeepInTouchTest, ThePlanListsWhoIsDueToKeepInTouchAndWhichOfThemThisWeek)
{
    connectedAndClose("Ada", "2026-06-01T12:00:00Z"); // due 2026-07-01
    connectedAndClose("Grace", "2026-03-01T12:00:00Z"); // due 2026-03-31, the most overdue
    connectedAndClose("Alan", "2026-09-01T12:00:00Z"); // due 2026-10-01
    const PlanRun rule = run({ QStringLiteral("rule"), QStringLiteral("set"), QStringLiteral("custom"),
                               QStringLiteral("--check-ins"), QStringLiteral("2") });
    ASSERT_EQ(rule.exitCode, 0) << rule.err.toStdString();

    const QJsonObject plan = json({ QStringLiteral("plan"), QStringLiteral("--today"), QStringLiteral("2026-11-26") });
    const QJsonArray due = plan.value(QStringLiteral("keep_in_touch")).toArray();
    ASSERT_EQ(due.size(), 3);
    const struct
    {
        const char* name;
        const char* due;
        bool planned;
    } expected[] = {
        { "Grace Test", "2026-03-31", true },
        { "Ada Test", "2026-07-01", true },
        { "Alan Test", "2026-10-01", false },
    };
    for (qsizetype i = 0; i < due.size(); ++i) {
        const QJsonObject entry = due.at(i).toObject();
        EXPECT_EQ(keysOf(entry), set({ "contact_id", "contact_name", "due", "planned" }));
        EXPECT_EQ(entry.value(QStringLiteral("contact_name")).toString(), QString::fromLatin1(expected[i].name)) << i;
        EXPECT_EQ(entry.value(QStringLiteral("due")).toString(), QString::fromLatin1(expected[i].due)) << i;
        EXPECT_EQ(entry.value(QStringLiteral("planned")).toBool(), expected[i].planned) << i;
        EXPECT_GT(entry.value(QStringLiteral("contact_id")).toInteger(), 0);
    }
    int checkIns = 0;
    for (const QJsonValue& action : plan.value(QStringLiteral("actions")).toArray())
        checkIns += action[QStringLiteral("kind")].toString() == u"check_in" ? 1 : 0;
    EXPECT_EQ(checkIns, 2);
    EXPECT_EQ(plan.value(QStringLiteral("progress"))[QStringLiteral("check_ins")][QStringLiteral("target")].toInt(), 2);

    const PlanRun text = run({ QStringLiteral("plan"), QStringLiteral("--today"), QStringLiteral("2026-11-26") });
    ASSERT_EQ(text.exitCode, 0) << text.err.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("Keep in touch: 3 due, 2 this week\n"))) << text.out.toStdString();
    EXPECT_GT(text.out.indexOf(QStringLiteral("Keep in touch:")), text.out.indexOf(QStringLiteral("Sunday")))
        << "after the days";
}

TEST_F(CliPlanKeepInTouchTest, AMessageReceivedIsAReplyToDoInTheJsonAndTheText)
{
    addContact("Ada", "Test");
    for (const char* kind : { "request_sent", "request_accepted", "message_sent" }) {
        ASSERT_EQ(run({ QStringLiteral("log"), QStringLiteral("1"), QString::fromLatin1(kind), QStringLiteral("--at"),
                        QStringLiteral("2026-10-01T12:00:00Z") })
                      .exitCode,
                  0);
    }
    ASSERT_EQ(run({ QStringLiteral("log"), QStringLiteral("1"), QStringLiteral("message_received"),
                    QStringLiteral("--at"), QStringLiteral("2026-11-24T12:00:00Z") })
                  .exitCode,
              0);

    const QJsonObject plan = json({ QStringLiteral("plan"), QStringLiteral("--today"), QStringLiteral("2026-11-26") });
    bool reply = false;
    for (const QJsonValue& action : plan.value(QStringLiteral("actions")).toArray())
        reply = reply || action[QStringLiteral("kind")].toString() == u"reply";
    EXPECT_TRUE(reply) << QJsonDocument(plan).toJson().constData();
    EXPECT_EQ(plan.value(QStringLiteral("progress"))[QStringLiteral("replies")][QStringLiteral("target")].toInt(), 1);
    EXPECT_EQ(plan.value(QStringLiteral("progress"))[QStringLiteral("replies")][QStringLiteral("done")].toInt(), 0);

    const PlanRun text = run({ QStringLiteral("plan"), QStringLiteral("--today"), QStringLiteral("2026-11-26") });
    ASSERT_EQ(text.exitCode, 0) << text.err.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("Reply: Ada Test"))) << text.out.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("replies 0 / 1"))) << text.out.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("Keep in touch: 0 due, 0 this week"))) << text.out.toStdString();
}

TEST_F(CliPlanTest, TheCustomRuleSetsCheckInsAWeek)
{
    const QJsonObject defaults = json({ QStringLiteral("rule"), QStringLiteral("show") });
    EXPECT_EQ(defaults.value(QStringLiteral("check_ins_per_week")).toInt(), 5);

    const PlanRun set = run({ QStringLiteral("rule"), QStringLiteral("set"), QStringLiteral("custom"),
                              QStringLiteral("--check-ins"), QStringLiteral("2") });
    ASSERT_EQ(set.exitCode, 0) << set.err.toStdString();
    EXPECT_TRUE(set.out.contains(QStringLiteral("2 check-ins a week"))) << set.out.toStdString();
    // Changing another count keeps the check-ins.
    ASSERT_EQ(run({ QStringLiteral("rule"), QStringLiteral("set"), QStringLiteral("custom"),
                    QStringLiteral("--requests"), QStringLiteral("6"), QStringLiteral("--notes"), QStringLiteral("2") })
                  .exitCode,
              0);
    const QJsonObject rule = json({ QStringLiteral("rule"), QStringLiteral("show") });
    EXPECT_EQ(rule.value(QStringLiteral("check_ins_per_week")).toInt(), 2);
    EXPECT_EQ(rule.value(QStringLiteral("requests_per_week")).toInt(), 6);
    const PlanRun shown = run({ QStringLiteral("rule"), QStringLiteral("show") });
    EXPECT_TRUE(shown.out.contains(QStringLiteral("2 check-ins a week"))) << shown.out.toStdString();

    for (const char* value : { "-1", "many", "1001" }) {
        const PlanRun bad = run({ QStringLiteral("rule"), QStringLiteral("set"), QStringLiteral("custom"),
                                  QStringLiteral("--check-ins"), QString::fromLatin1(value) });
        EXPECT_EQ(bad.exitCode, 1) << value;
        EXPECT_EQ(bad.err.count(u'\n'), 1) << bad.err.toStdString();
    }
    const PlanRun preset = run({ QStringLiteral("rule"), QStringLiteral("set"), QStringLiteral("4-1-1"),
                                 QStringLiteral("--check-ins"), QStringLiteral("3") });
    EXPECT_EQ(preset.exitCode, 1);
    EXPECT_TRUE(preset.err.contains(QStringLiteral("custom"))) << preset.err.toStdString();
    EXPECT_EQ(
        json({ QStringLiteral("rule"), QStringLiteral("show") }).value(QStringLiteral("check_ins_per_week")).toInt(),
        2);
}

} // namespace
