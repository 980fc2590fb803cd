#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "core/storage/InteractionRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace rapport {
namespace {

// `rapport-cli stats` on a log written through core, read back by the real binary.
class CliStatsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        auto opened = Database::open(db());
        ASSERT_TRUE(opened.ok()) << opened.error().toStdString();
        m_database = std::move(opened).value();
    }

    QString db() const { return m_dir.filePath(QStringLiteral("stats.db")); }

    qint64 contact(const QString& howWeKnow = {})
    {
        Contact contact;
        contact.firstName = QStringLiteral("Person");
        contact.lastName = QString::number(++m_count);
        contact.howWeKnow = howWeKnow;
        return ContactRepository(*m_database).add(contact).value();
    }

    void log(qint64 contactId, InteractionKind kind, QDate day, const QString& templateName = {},
             const QString& text = {})
    {
        Interaction interaction;
        interaction.contactId = contactId;
        interaction.kind = kind;
        // Noon UTC is the same calendar day in every zone the test may run in but the farthest ones.
        interaction.occurredAt = QDateTime(day, QTime(12, 0), Qt::UTC);
        interaction.templateName = templateName;
        interaction.text = text;
        ASSERT_TRUE(InteractionRepository(*m_database).add(interaction).ok());
    }

    // Closes the test's own connection first, so the binary reads what was written.
    std::pair<int, QString> stats(QStringList arguments, QString* err = nullptr)
    {
        m_database.reset();
        QProcess process;
        process.start(QStringLiteral(RAPPORT_CLI_PATH),
                      QStringList { QStringLiteral("--db"), db(), QStringLiteral("stats") } + arguments);
        EXPECT_TRUE(process.waitForFinished(30000));
        if (err)
            *err = QString::fromUtf8(process.readAllStandardError());
        return { process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()) };
    }

    QJsonObject statsJson(QStringList arguments)
    {
        QString err;
        const auto [code, out] = stats(arguments << QStringLiteral("--json"), &err);
        EXPECT_EQ(code, 0) << err.toStdString();
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(out.toUtf8(), &error);
        EXPECT_EQ(error.error, QJsonParseError::NoError) << out.toStdString();
        return document.object();
    }

    // Five requests in the week of Monday 2 March 2026, three in the next week, with known answers.
    void logTwoWeeks()
    {
        const QDate monday(2026, 3, 2);
        const QString intro = QStringLiteral("Warm intro");
        for (int i = 0; i < 5; ++i) {
            const qint64 id = contact(i < 2 ? QStringLiteral("met_at_event") : QString());
            log(id, InteractionKind::RequestSent, monday.addDays(i), intro, QStringLiteral("Hi!"));
            if (i < 3)
                log(id, InteractionKind::RequestAccepted, monday.addDays(i + 2 * i));
            else
                log(id, InteractionKind::RequestDeclined, monday.addDays(i + 1));
            if (i == 0) {
                log(id, InteractionKind::ContentShared, monday.addDays(3));
                log(id, InteractionKind::MessageReceived, monday.addDays(4));
            }
        }
        for (int i = 0; i < 3; ++i) {
            const qint64 id = contact();
            log(id, InteractionKind::RequestSent, monday.addDays(7 + i));
            if (i == 0)
                log(id, InteractionKind::RequestWithdrawn, monday.addDays(8));
        }
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    int m_count = 0;
};

QJsonObject groupNamed(const QJsonObject& report, const QString& key)
{
    for (const QJsonValue& group : report.value(QStringLiteral("groups")).toArray()) {
        if (group.toObject().value(QStringLiteral("key")).toString() == key)
            return group.toObject();
    }
    return {};
}

TEST_F(CliStatsTest, JsonHasTheOverallRateGroupsFunnelAndMedian)
{
    logTwoWeeks();
    // On 20 March the two unanswered requests of 10 and 11 March are still open (< 21 days).
    const QJsonObject report = statsJson({ QStringLiteral("--by"), QStringLiteral("template"),
                                           QStringLiteral("--today"), QStringLiteral("2026-03-20") });
    const QJsonObject overall = report.value(QStringLiteral("overall")).toObject();
    EXPECT_EQ(overall.value(QStringLiteral("accepted")).toInt(), 3);
    EXPECT_EQ(overall.value(QStringLiteral("decided")).toInt(), 6); // 3 accepted, 2 declined, 1 withdrawn
    EXPECT_EQ(overall.value(QStringLiteral("open")).toInt(), 2);
    EXPECT_DOUBLE_EQ(overall.value(QStringLiteral("rate")).toDouble(), 0.5);
    EXPECT_NEAR(overall.value(QStringLiteral("ci_low")).toDouble(), 0.187616, 1e-5);
    EXPECT_NEAR(overall.value(QStringLiteral("ci_high")).toDouble(), 0.812384, 1e-5);
    EXPECT_EQ(overall.value(QStringLiteral("verdict")).toString(), QStringLiteral("healthy"));

    const QJsonObject intro = groupNamed(report, QStringLiteral("Warm intro"));
    EXPECT_EQ(intro.value(QStringLiteral("accepted")).toInt(), 3);
    EXPECT_EQ(intro.value(QStringLiteral("decided")).toInt(), 5);
    const QJsonObject none = groupNamed(report, QStringLiteral("none"));
    EXPECT_EQ(none.value(QStringLiteral("decided")).toInt(), 1);
    EXPECT_EQ(none.value(QStringLiteral("open")).toInt(), 2);
    EXPECT_DOUBLE_EQ(none.value(QStringLiteral("rate")).toDouble(), 0.0);

    const QJsonObject funnel = report.value(QStringLiteral("funnel")).toObject();
    EXPECT_EQ(funnel.value(QStringLiteral("sent")).toInt(), 8);
    EXPECT_EQ(funnel.value(QStringLiteral("accepted")).toInt(), 3);
    EXPECT_EQ(funnel.value(QStringLiteral("followed_up")).toInt(), 1);
    EXPECT_EQ(funnel.value(QStringLiteral("replied")).toInt(), 1);
    // Accepted after 0, 2 and 4 days.
    EXPECT_DOUBLE_EQ(report.value(QStringLiteral("median_days_to_accept")).toDouble(), 2.0);
}

TEST_F(CliStatsTest, TheTimeoutTurnsOpenRequestsIntoNoAnswer)
{
    logTwoWeeks();
    const QJsonObject report
        = statsJson({ QStringLiteral("--by"), QStringLiteral("personalized"), QStringLiteral("--today"),
                      QStringLiteral("2026-04-01") }); // 10 March + 21 days = 31 March
    const QJsonObject overall = report.value(QStringLiteral("overall")).toObject();
    EXPECT_EQ(overall.value(QStringLiteral("open")).toInt(), 0);
    EXPECT_EQ(overall.value(QStringLiteral("no_answer")).toInt(), 2);
    EXPECT_EQ(groupNamed(report, QStringLiteral("personalized")).value(QStringLiteral("decided")).toInt(), 5);
    EXPECT_EQ(groupNamed(report, QStringLiteral("not_personalized")).value(QStringLiteral("decided")).toInt(), 3);
    EXPECT_TRUE(groupNamed(report, QStringLiteral("not_personalized")).value(QStringLiteral("rate")).isDouble());
}

TEST_F(CliStatsTest, FromAndToChooseTheCohortsAndWeeksCarryARollingRate)
{
    logTwoWeeks();
    const QJsonObject report
        = statsJson({ QStringLiteral("--by"), QStringLiteral("week"), QStringLiteral("--from"),
                      QStringLiteral("2026-03-09"), QStringLiteral("--to"), QStringLiteral("2026-03-15"),
                      QStringLiteral("--today"), QStringLiteral("2026-03-20") });
    EXPECT_EQ(report.value(QStringLiteral("from")).toString(), QStringLiteral("2026-03-09"));
    EXPECT_EQ(report.value(QStringLiteral("overall")).toObject().value(QStringLiteral("decided")).toInt(), 1);
    const QJsonArray groups = report.value(QStringLiteral("groups")).toArray();
    ASSERT_EQ(groups.size(), 1);
    const QJsonObject week = groups.at(0).toObject();
    EXPECT_EQ(week.value(QStringLiteral("key")).toString(), QStringLiteral("2026-03-09"));
    EXPECT_EQ(week.value(QStringLiteral("decided")).toInt(), 1);
    // The rolling rate also counts the week before the period: 3 of 6.
    const QJsonObject rolling = week.value(QStringLiteral("rolling")).toObject();
    EXPECT_EQ(rolling.value(QStringLiteral("decided")).toInt(), 6);
    EXPECT_DOUBLE_EQ(rolling.value(QStringLiteral("rate")).toDouble(), 0.5);
}

TEST_F(CliStatsTest, AGroupWithNothingDecidedHasNoRate)
{
    log(contact(QStringLiteral("worked_together")), InteractionKind::RequestSent, QDate(2026, 3, 2));
    const QJsonObject report = statsJson(
        { QStringLiteral("--by"), QStringLiteral("source"), QStringLiteral("--today"), QStringLiteral("2026-03-05") });
    const QJsonObject group = groupNamed(report, QStringLiteral("worked_together"));
    EXPECT_EQ(group.value(QStringLiteral("open")).toInt(), 1);
    EXPECT_TRUE(group.value(QStringLiteral("rate")).isNull());
    EXPECT_TRUE(group.value(QStringLiteral("ci_low")).isNull());
    EXPECT_TRUE(report.value(QStringLiteral("median_days_to_accept")).isNull());
}

TEST_F(CliStatsTest, TextSaysWhatToDoWithoutRequestsAndShowsATableWithThem)
{
    const auto [emptyCode, empty] = stats({});
    EXPECT_EQ(emptyCode, 0);
    EXPECT_TRUE(empty.contains(QStringLiteral("request_sent"))) << empty.toStdString();

    m_database = std::move(Database::open(db())).value();
    logTwoWeeks();
    const auto [code, text] = stats(
        { QStringLiteral("--by"), QStringLiteral("source"), QStringLiteral("--today"), QStringLiteral("2026-03-20") });
    EXPECT_EQ(code, 0);
    EXPECT_TRUE(text.contains(QStringLiteral("50%"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("met_at_event"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("too few"))) << text.toStdString();
}

TEST_F(CliStatsTest, BadValuesAreBadInputNamingTheOption)
{
    QString err;
    EXPECT_EQ(stats({ QStringLiteral("--by"), QStringLiteral("colour") }, &err).first, 1);
    EXPECT_TRUE(err.contains(QStringLiteral("--by"))) << err.toStdString();
    EXPECT_EQ(stats({ QStringLiteral("--from"), QStringLiteral("March") }, &err).first, 1);
    EXPECT_TRUE(err.contains(QStringLiteral("--from"))) << err.toStdString();
    EXPECT_EQ(stats({ QStringLiteral("--from"), QStringLiteral("2026-03-10"), QStringLiteral("--to"),
                      QStringLiteral("2026-03-01") },
                    &err)
                  .first,
              1);
    EXPECT_TRUE(err.contains(QStringLiteral("after"))) << err.toStdString();
}

} // namespace
} // namespace rapport
