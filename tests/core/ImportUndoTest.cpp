#include "core/io/ImportUndo.h"
#include "core/io/ImportFormats.h"
#include "core/io/ImportReader.h"
#include "core/io/Importer.h"
#include "core/storage/ContactArchive.h"
#include "core/storage/ContactOverview.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/InteractionRepository.h"
#include "tests/core/TestDatabase.h"

#include <QFile>

#include <gtest/gtest.h>

namespace rapport {
namespace {

QString fixture(const char* name)
{
    return QStringLiteral(RAPPORT_TEST_DATA "/import/") + QString::fromLatin1(name);
}

class ImportUndoTest : public test::DatabaseTest
{
protected:
    void SetUp() override
    {
        test::DatabaseTest::SetUp();
        // Bram is in the fixture too: the import merges into him (fills his company) and adds the others.
        Contact bram;
        bram.firstName = QStringLiteral("Bram");
        bram.lastName = QStringLiteral("Okonkwo");
        bram.profileUrl = QStringLiteral("https://www.linkedin.com/in/bram-okonkwo");
        bram.tags = { QStringLiteral("product") };
        m_bram = ContactRepository(db()).add(bram, test::utc(2024, 1, 2)).value();
        Interaction met;
        met.contactId = m_bram;
        met.kind = InteractionKind::Met;
        met.occurredAt = test::utc(2024, 1, 3);
        ASSERT_TRUE(InteractionRepository(db()).add(met).ok());
    }

    std::pair<QList<Contact>, QList<Interaction>> content()
    {
        return { ContactRepository(db()).all().value(), InteractionRepository(db()).all().value() };
    }

    qint64 m_bram = 0;
    const QDateTime m_now = test::utc(2024, 6, 1);
};

TEST_F(ImportUndoTest, RollingBackRemovesWhatTheImportAddedAndRestoresWhatItMerged)
{
    const auto before = content();
    const auto parsed = ImportFormats::readFile(fixture("linkedin-connections.csv")).value();
    const auto point = ImportUndo::checkpoint(db()).value();
    const auto summary = Importer(db()).apply(parsed, {}, m_now).value();
    ASSERT_GT(summary.contactsAdded, 0);
    ASSERT_EQ(summary.contactsMerged, 1);
    ASSERT_NE(ContactRepository(db()).find(m_bram)->company, QString());
    const auto imported = content();

    ASSERT_TRUE(ImportUndo::rollBack(db(), point).ok());
    EXPECT_EQ(content(), before);

    // Redo: the same file applied again gives the same contacts and log, under the same ids.
    const auto again = ImportUndo::checkpoint(db()).value();
    ASSERT_TRUE(Importer(db()).apply(parsed, {}, m_now).ok());
    EXPECT_EQ(content(), imported);
    ASSERT_TRUE(ImportUndo::rollBack(db(), again).ok());
    EXPECT_EQ(content(), before);
}

TEST_F(ImportUndoTest, AStreamedImportKeepsOnlyTheMergedContactsForUndoAndRedoReadsTheFileAgain)
{
    const auto before = content();
    ImportSource source { fixture("linkedin-connections.csv"), {}, {}, {} };
    source.fingerprint = ImportUndo::fingerprint(source.path).value();
    auto point = ImportUndo::mark(db()).value();
    EXPECT_TRUE(point.contacts.isEmpty());
    Importer importer(db());
    importer.setBeforeMerge([&](qint64 id) { return ImportUndo::remember(db(), point, id); });
    qint64 placed = 0;
    const auto summary = ImportUndo::importFile(importer, source, [&](qint64 done) {
                             placed = done;
                             return true;
                         }).value();
    ASSERT_GT(summary.contactsAdded, 0);
    ASSERT_EQ(summary.contactsMerged, 1);
    EXPECT_EQ(placed, ImportFormats::readFile(source.path)->records.size());
    // Only Bram, as he was: undo's memory follows the merges, not the database.
    ASSERT_EQ(point.contacts.size(), 1);
    EXPECT_EQ(point.contacts.first().id, m_bram);
    EXPECT_EQ(point.contacts.first().company, QString());
    const auto imported = content();

    ASSERT_TRUE(ImportUndo::rollBack(db(), point).ok());
    EXPECT_EQ(content(), before);

    // Redo streams the same file again.
    auto again = ImportUndo::mark(db()).value();
    Importer redo(db());
    redo.setBeforeMerge([&](qint64 id) { return ImportUndo::remember(db(), again, id); });
    ASSERT_TRUE(ImportUndo::importFile(redo, source, {}).ok());
    EXPECT_EQ(content().first.size(), imported.first.size());
    EXPECT_EQ(content().second.size(), imported.second.size());
    ASSERT_TRUE(ImportUndo::rollBack(db(), again).ok());
    EXPECT_EQ(content(), before);
}

TEST_F(ImportUndoTest, AFileThatChangedOrVanishedIsNotImportedAgain)
{
    const QString path = m_dir.filePath(QStringLiteral("Connections.csv"));
    ASSERT_TRUE(QFile::copy(fixture("linkedin-connections.csv"), path));
    ImportSource source { path, {}, {}, ImportUndo::fingerprint(path).value() };
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::Append));
        file.write("Zed,Last,https://www.linkedin.com/in/zed-last,,,,01 Jan 2024\r\n");
    }
    const auto before = content();
    Importer importer(db());
    auto changed = ImportUndo::importFile(importer, source, {});
    ASSERT_FALSE(changed.ok());
    EXPECT_TRUE(changed.error().contains(u"changed or is gone")) << changed.error().toStdString();
    EXPECT_EQ(content(), before);
    ASSERT_TRUE(QFile::remove(path));
    auto gone = ImportUndo::importFile(importer, source, {});
    ASSERT_FALSE(gone.ok());
    EXPECT_TRUE(gone.error().contains(u"changed or is gone")) << gone.error().toStdString();
    EXPECT_EQ(content(), before);
}

TEST_F(ImportUndoTest, AnArchivedContactComesBackWithItsIdsAndLog)
{
    const auto before = content();
    const auto archived = ContactArchive::read(db(), m_bram).value();
    ASSERT_EQ(archived.interactions.size(), 1);
    ASSERT_TRUE(ContactRepository(db()).remove(m_bram).ok());
    ASSERT_TRUE(ContactArchive::restore(db(), archived).ok());
    EXPECT_EQ(content(), before);
}

TEST_F(ImportUndoTest, TheOverviewHasTheStageAndLastInteractionOfEveryContact)
{
    Contact lone;
    lone.firstName = QStringLiteral("Lone");
    const qint64 loneId = ContactRepository(db()).add(lone).value();
    const auto overview = ContactOverview::load(db(), m_now).value();
    ASSERT_EQ(overview.contacts.size(), 2);
    EXPECT_EQ(overview.facts.value(m_bram).lastInteraction, test::utc(2024, 1, 3));
    EXPECT_FALSE(overview.facts.value(loneId).lastInteraction.isValid());
    EXPECT_EQ(overview.facts.value(loneId).stage, Stage::Prospect);
    EXPECT_EQ(ContactOverview::factsOf(db(), m_bram, m_now)->lastInteraction, test::utc(2024, 1, 3));
}

TEST_F(ImportUndoTest, AChosenDelimiterReadsTheFileAgainWithItsLineNumbers)
{
    const auto sniffed = ImportFormats::readFile(fixture("linkedin-connections.csv")).value();
    CsvDialect dialect = sniffed.dialect;
    const auto same = ImportReader::readFile(fixture("linkedin-connections.csv"), dialect).value();
    ASSERT_EQ(same.records.size(), sniffed.records.size());
    for (qsizetype i = 0; i < same.records.size(); ++i)
        EXPECT_EQ(same.records[i].line, sniffed.records[i].line);
    // Split on semicolons, the whole header is one column: not a LinkedIn file any more.
    dialect.delimiter = u';';
    ImportOptions options;
    options.format = ImportFormat::LinkedInConnections;
    EXPECT_FALSE(ImportReader::readFile(fixture("linkedin-connections.csv"), dialect, options).ok());
}

} // namespace
} // namespace rapport
