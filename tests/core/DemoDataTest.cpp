#include "core/io/DemoData.h"
#include "core/domain/HowWeKnow.h"
#include "core/domain/StageResolver.h"
#include "core/io/Importer.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/InteractionRepository.h"
#include "tests/core/TestDatabase.h"

#include <gtest/gtest.h>

namespace rapport {
namespace {

bool sameData(const ParsedImport& a, const ParsedImport& b)
{
    if (a.records.size() != b.records.size())
        return false;
    for (qsizetype i = 0; i < a.records.size(); ++i) {
        if (!(a.records[i].contact == b.records[i].contact) || a.records[i].interactions != b.records[i].interactions)
            return false;
    }
    return true;
}

TEST(DemoData, TheSameSeedGivesTheSameDataAndAnotherSeedOther)
{
    const QDate day(2025, 11, 1);
    EXPECT_TRUE(sameData(DemoData::generate(200, 5, day), DemoData::generate(200, 5, day)));
    EXPECT_FALSE(sameData(DemoData::generate(200, 5, day), DemoData::generate(200, 6, day)));
}

TEST(DemoData, LooksLikeAFewYearsOfNetworkingWithAboutFortyPercentAccepted)
{
    const QDate day(2025, 11, 1);
    const ParsedImport demo = DemoData::generate(2000, 11, day);
    ASSERT_EQ(demo.records.size(), 2000);
    int accepted = 0;
    int notAccepted = 0;
    QDateTime earliest = QDateTime(day, QTime(), Qt::UTC);
    for (const ImportRecord& record : demo.records) {
        EXPECT_FALSE(record.contact.firstName.isEmpty());
        EXPECT_TRUE(record.contact.profileUrl.startsWith(QStringLiteral("https://www.linkedin.com/in/")));
        StageResolver resolver;
        bool asked = false;
        for (const Interaction& entry : record.interactions) {
            EXPECT_LE(entry.occurredAt.date(), day);
            earliest = std::min(earliest, entry.occurredAt);
            resolver.add(entry);
            asked = asked || entry.kind == InteractionKind::RequestSent;
        }
        if (!asked)
            continue; // an imported connection or a prospect: no request of the user's
        const Stage stage = resolver.stage(QDateTime(day, QTime(18, 0), Qt::UTC));
        accepted += stage == Stage::Connected;
        notAccepted += stage == Stage::NoResponse || stage == Stage::Declined || stage == Stage::Withdrawn;
    }
    EXPECT_LT(earliest.date(), day.addYears(-2));
    const double rate = double(accepted) / (accepted + notAccepted);
    EXPECT_GT(rate, 0.33);
    EXPECT_LT(rate, 0.50);
}

// The demo is what a new user sees first: it must look like a real member's network (issue: the plan on
// a real network), so the week, the contacts and Insights look like theirs will.
TEST(DemoData, LooksLikeARealMembersNetwork)
{
    const QDate day(2026, 11, 26); // a Thursday
    const QDate thisWeek(2026, 11, 23);
    const ParsedImport demo = DemoData::generate(30000, 7, day);
    QHash<QDate, int> requestsPerWeek;
    int withCadence = 0;
    int prospects = 0;
    int importedConnections = 0;
    int askedTwice = 0;
    const QStringList templates { QStringLiteral("Met at an event"), QStringLiteral("Mutual connection"),
                                  QStringLiteral("Fellow alum"), QStringLiteral("Admire your work") };
    for (const ImportRecord& record : demo.records) {
        withCadence += record.contact.keepInTouchDays > 0;
        if (!record.contact.howWeKnow.isEmpty()) {
            EXPECT_TRUE(howWeKnowFromKey(record.contact.howWeKnow).has_value())
                << "the advisor knows it: " << record.contact.howWeKnow.toStdString();
        }
        int sent = 0;
        bool accepted = false;
        for (const Interaction& entry : record.interactions) {
            if (entry.kind == InteractionKind::RequestSent) {
                ++sent;
                ++requestsPerWeek[entry.occurredAt.date().addDays(1 - entry.occurredAt.date().dayOfWeek())];
                if (!entry.templateName.isEmpty()) {
                    EXPECT_TRUE(templates.contains(entry.templateName)) << entry.templateName.toStdString();
                }
            }
            accepted = accepted || entry.kind == InteractionKind::RequestAccepted;
        }
        askedTwice += sent == 2;
        importedConnections += sent == 0 && accepted;
        prospects += record.interactions.isEmpty()
            || (record.interactions.size() == 1 && record.interactions[0].kind == InteractionKind::Met);
    }
    EXPECT_EQ(requestsPerWeek.value(thisWeek), 0) << "the week to plan starts with nothing sent";
    for (auto it = requestsPerWeek.cbegin(); it != requestsPerWeek.cend(); ++it)
        EXPECT_LE(it.value(), 5) << it.key().toString(Qt::ISODate).toStdString() << ": 4 a week, and a retry";
    EXPECT_GT(importedConnections, 25000) << "most are connections from the export";
    EXPECT_GE(withCadence, 20);
    EXPECT_LE(withCadence, 40) << "a few dozen keep-in-touch cadences";
    EXPECT_GT(prospects, 100);
    EXPECT_LE(prospects, 300);
    EXPECT_GT(askedTwice, 5) << "some were asked again once";
}

class DemoDataImport : public test::DatabaseTest
{
};

TEST_F(DemoDataImport, GoesInThroughTheImporterOnce)
{
    const ParsedImport demo = DemoData::generate(300, 3, QDate(2025, 11, 1));
    auto first = Importer(db()).apply(demo);
    ASSERT_TRUE(first.ok()) << first.error().toStdString();
    EXPECT_EQ(ContactRepository(db()).count().value(), first->contactsAdded);
    EXPECT_GT(first->contactsAdded, 295); // a profile URL drawn twice would merge two
    EXPECT_GT(first->interactionsAdded, 300);
    auto again = Importer(db()).apply(demo);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->contactsAdded + again->contactsMerged + again->interactionsAdded, 0);
}

} // namespace
} // namespace rapport
