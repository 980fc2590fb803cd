#include "core/io/DemoData.h"
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
        for (const Interaction& entry : record.interactions) {
            EXPECT_LE(entry.occurredAt.date(), day);
            earliest = std::min(earliest, entry.occurredAt);
            resolver.add(entry);
        }
        const Stage stage = resolver.stage(QDateTime(day, QTime(18, 0), Qt::UTC));
        accepted += stage == Stage::Connected;
        notAccepted += stage == Stage::NoResponse || stage == Stage::Declined;
    }
    EXPECT_LT(earliest.date(), day.addYears(-2));
    const double rate = double(accepted) / (accepted + notAccepted);
    EXPECT_GT(rate, 0.33);
    EXPECT_LT(rate, 0.47);
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
