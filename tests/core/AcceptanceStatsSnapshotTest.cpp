#include "core/stats/AcceptanceStats.h"
#include "core/stats/StatsSnapshot.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/InteractionRepository.h"
#include "tests/core/TestDatabase.h"

namespace rapport {
namespace {

using test::utc;

class StatsSnapshotTest : public test::DatabaseTest
{
protected:
    qint64 addContact(const QString& howWeKnow)
    {
        Contact contact;
        contact.firstName = QStringLiteral("Person");
        contact.lastName = QString::number(++m_count);
        contact.howWeKnow = howWeKnow;
        return ContactRepository(db()).add(contact).value();
    }

    void log(qint64 contactId, InteractionKind kind, const QDateTime& at, const QString& templateName = {},
             const QString& text = {})
    {
        Interaction interaction;
        interaction.contactId = contactId;
        interaction.kind = kind;
        interaction.occurredAt = at;
        interaction.templateName = templateName;
        interaction.text = text;
        auto added = InteractionRepository(db()).add(interaction);
        ASSERT_TRUE(added.ok()) << added.error().toStdString();
    }

    int m_count = 0;
};

TEST_F(StatsSnapshotTest, LoadsTheRequestLogWithTemplatesNotesAndSources)
{
    const qint64 ada = addContact(QStringLiteral("worked_together"));
    const qint64 bob = addContact(QString());
    log(ada, InteractionKind::RequestSent, utc(2026, 3, 2), QStringLiteral("Warm intro"), QStringLiteral("Hi Ada"));
    log(ada, InteractionKind::RequestAccepted, utc(2026, 3, 3));
    log(ada, InteractionKind::Note, utc(2026, 3, 3)); // not read: no statistic uses it
    log(ada, InteractionKind::ContentShared, utc(2026, 3, 5));
    log(ada, InteractionKind::MessageReceived, utc(2026, 3, 6));
    // Logged answer first, request second, at the same instant: still one accepted request.
    log(bob, InteractionKind::RequestAccepted, utc(2026, 3, 4));
    log(bob, InteractionKind::RequestSent, utc(2026, 3, 4));

    auto snapshot = StatsSnapshot::load(db());
    ASSERT_TRUE(snapshot.ok()) << snapshot.error().toStdString();
    ASSERT_EQ(snapshot->entries().size(), 6u);
    EXPECT_EQ(snapshot->entries()[0].kind, InteractionKind::RequestSent);
    EXPECT_TRUE(snapshot->entries()[0].hasText);
    EXPECT_EQ(snapshot->templateName(snapshot->entries()[0].templateIndex), QStringLiteral("Warm intro"));
    EXPECT_EQ(snapshot->entries()[4].kind, InteractionKind::RequestSent) << "the request before its answer";
    EXPECT_FALSE(snapshot->entries()[4].hasText);
    EXPECT_EQ(snapshot->source(snapshot->sourceIndexOf(ada)), QStringLiteral("worked_together"));
    EXPECT_EQ(snapshot->sourceIndexOf(bob), 0);

    const AcceptanceReport report
        = AcceptanceStats::compute(*snapshot, {}, QDate(2026, 3, 10), 21, { Qt::Monday, QTimeZone::utc() });
    EXPECT_EQ(report.overall.accepted, 2);
    EXPECT_EQ(report.overall.decided(), 2);
    EXPECT_EQ(report.funnel.replied, 1);
    ASSERT_EQ(report.templates.size(), 2);
    EXPECT_EQ(report.templates[0].key, QStringLiteral("Warm intro")); // both 1/1; the key breaks the tie
    EXPECT_EQ(report.templates[1].key, QStringLiteral("none"));
    EXPECT_EQ(report.personalization[0].counts.accepted, 1);
}

TEST_F(StatsSnapshotTest, AnEmptyDatabaseGivesAnEmptySnapshot)
{
    auto snapshot = StatsSnapshot::load(db());
    ASSERT_TRUE(snapshot.ok()) << snapshot.error().toStdString();
    EXPECT_TRUE(snapshot->isEmpty());
}

} // namespace
} // namespace rapport
