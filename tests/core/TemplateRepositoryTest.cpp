#include "core/storage/TemplateRepository.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/InteractionRepository.h"
#include "core/templates/NoteLinter.h"

#include "TestDatabase.h"

#include <gtest/gtest.h>

namespace rapport {
namespace {

using test::DatabaseTest;

TEST_F(DatabaseTest, ANewDatabaseStartsWithTheDefaultTemplates)
{
    auto templates = TemplateRepository(db()).all();
    ASSERT_TRUE(templates.ok()) << templates.error().toStdString();
    auto defaults = TemplateRepository::defaults();
    ASSERT_TRUE(defaults.ok());
    EXPECT_GE(defaults->size(), 5);
    EXPECT_EQ(templates->size(), defaults->size());
    // Reopening does not add them again.
    reopen();
    EXPECT_EQ(TemplateRepository(db()).all()->size(), defaults->size());
}

TEST_F(DatabaseTest, TheDefaultTemplatesFollowTheirOwnAdvice)
{
    for (const Template& item : TemplateRepository::defaults().value()) {
        EXPECT_TRUE(NoteLinter::lint(item.body, item.kind).isEmpty()) << item.name.toStdString();
        if (item.kind == TemplateKind::ConnectionNote) {
            EXPECT_LE(item.body.size(), 200) << item.name.toStdString() << " fits even a Basic account";
        }
    }
}

TEST_F(DatabaseTest, TemplatesAreStoredUpdatedAndRemoved)
{
    TemplateRepository repository(db());
    Template item;
    item.name = QStringLiteral("Conference");
    item.kind = TemplateKind::FollowUp;
    item.body = QStringLiteral("Hi {first_name}");
    const qint64 id = repository.add(item).value();
    Template stored = repository.find(id).value();
    EXPECT_EQ(stored.name, item.name);
    EXPECT_EQ(stored.kind, TemplateKind::FollowUp);
    stored.body = QStringLiteral("Hello {first_name}");
    ASSERT_TRUE(repository.update(stored).ok());
    EXPECT_EQ(repository.find(id)->body, QStringLiteral("Hello {first_name}"));
    ASSERT_TRUE(repository.remove(id).ok());
    EXPECT_FALSE(repository.find(id).ok());
    // Undoing a delete brings it back under the same id.
    EXPECT_EQ(repository.add(stored).value(), id);
}

TEST_F(DatabaseTest, TemplateNamesAreUniqueIgnoringCase)
{
    TemplateRepository repository(db());
    Template item;
    item.name = QStringLiteral("met at an event");
    auto clash = repository.add(item);
    ASSERT_FALSE(clash.ok());
    EXPECT_TRUE(clash.error().contains(QStringLiteral("already a template")));
    EXPECT_EQ(repository.uniqueName(QStringLiteral("Met at an event")).value(), QStringLiteral("Met at an event (2)"));
    EXPECT_EQ(repository.uniqueName(QStringLiteral("Fresh")).value(), QStringLiteral("Fresh"));
    item.name = QStringLiteral("  ");
    EXPECT_FALSE(repository.add(item).ok());
}

TEST_F(DatabaseTest, TemplateTextWithControlCharactersIsRefusedByField)
{
    TemplateRepository repository(db());
    Template item;
    item.name = QStringLiteral("Long one");
    item.body = QString(1 << 20, u'a') + QStringLiteral("\n{first_name}");
    const qint64 id = repository.add(item).value();
    EXPECT_EQ(repository.find(id)->body, item.body); // a huge body is kept whole

    item.id = id;
    item.name = QStringLiteral("Bell\u0007");
    auto refused = repository.update(item);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error(), QStringLiteral("The name contains a control character (U+0007)."));
    item.name = QStringLiteral("Long one");
    item.body = QStringLiteral("Hi\u0000there");
    refused = repository.update(item);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error(), QStringLiteral("The text contains a control character (U+0000)."));
    EXPECT_EQ(repository.find(id)->name, QStringLiteral("Long one"));
}

TEST_F(DatabaseTest, RenamingATemplateKeepsItsHistory)
{
    TemplateRepository templates(db());
    Template item = templates.all()->first();
    Contact contact;
    contact.firstName = QStringLiteral("Ada");
    Interaction sent;
    sent.contactId = ContactRepository(db()).add(contact).value();
    sent.kind = InteractionKind::RequestSent;
    sent.occurredAt = test::utc(2026, 11, 2);
    sent.templateName = item.name;
    ASSERT_TRUE(InteractionRepository(db()).add(sent).ok());
    EXPECT_EQ(templates.requestsSentByTemplate()->value(item.name), 1);

    const QString oldName = item.name;
    item.name = QStringLiteral("Renamed");
    ASSERT_TRUE(templates.update(item).ok());
    EXPECT_EQ(templates.requestsSentByTemplate()->value(QStringLiteral("Renamed")), 1);
    EXPECT_EQ(templates.requestsSentByTemplate()->value(oldName), 0);
}

} // namespace
} // namespace rapport

namespace rapport {
namespace {

TEST_F(DatabaseTest, TheDefaultNotesSayForWhomTheyAreWritten)
{
    QHash<QString, QStringList> forWhom;
    for (const Template& item : TemplateRepository(db()).all().value())
        forWhom.insert(item.name, item.forHowWeKnow);
    EXPECT_EQ(forWhom.value(QStringLiteral("Fellow alum")), QStringList { QStringLiteral("studied_together") });
    EXPECT_EQ(forWhom.value(QStringLiteral("Met at an event")), QStringList { QStringLiteral("met_at_event") });
    EXPECT_EQ(forWhom.value(QStringLiteral("Mutual connection")), QStringList { QStringLiteral("introduced") });
    EXPECT_TRUE(forWhom.value(QStringLiteral("Admire your work")).isEmpty());

    Template item = TemplateRepository(db()).all().value().first();
    item.forHowWeKnow = { QStringLiteral("interview"), QStringLiteral("worked_together") };
    ASSERT_TRUE(TemplateRepository(db()).update(item).ok());
    EXPECT_EQ(TemplateRepository(db()).find(item.id).value().forHowWeKnow, item.forHowWeKnow);
}

} // namespace
} // namespace rapport
