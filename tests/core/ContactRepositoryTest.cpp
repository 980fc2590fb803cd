#include "core/storage/ContactRepository.h"

#include "TestDatabase.h"

#include <gtest/gtest.h>

namespace rapport {
namespace {

using test::DatabaseTest;

Contact fullContact()
{
    Contact c;
    c.firstName = QStringLiteral("Grace");
    c.lastName = QStringLiteral("Hopper");
    c.position = QStringLiteral("Rear Admiral");
    c.company = QStringLiteral("US Navy");
    c.location = QStringLiteral("Arlington, Virginia");
    c.profileUrl = QStringLiteral("https://www.linkedin.com/in/grace-hopper/");
    c.email = QStringLiteral("grace@example.com");
    c.phone = QStringLiteral("+1 555 0100");
    c.tags = { QStringLiteral("navy"), QStringLiteral("compilers") };
    c.starred = true;
    c.notes = QStringLiteral("Met at the COBOL meetup.\nLikes nanoseconds.");
    c.howWeKnow = QStringLiteral("met_at_event");
    c.event = QStringLiteral("COBOL meetup");
    c.mutualConnection = QStringLiteral("Ada Lovelace");
    c.school = QStringLiteral("Yale");
    c.topic = QStringLiteral("compilers");
    c.highProfile = true;
    c.littleInCommon = true;
    c.stayAnonymous = true;
    return c;
}

TEST_F(DatabaseTest, EveryFieldSurvivesAStoreAndReload)
{
    ContactRepository repository(db());
    const QDateTime now = test::utc(2026, 11, 21, 9, 30);
    auto id = repository.add(fullContact(), now);
    ASSERT_TRUE(id.ok()) << id.error().toStdString();
    reopen();
    auto stored = ContactRepository(db()).find(*id);
    ASSERT_TRUE(stored.ok());
    Contact expected = fullContact();
    expected.id = *id;
    expected.createdAt = now;
    expected.updatedAt = now;
    EXPECT_EQ(*stored, expected);
}

// Texts are read back as UTF-8 bytes and decoded: letters beyond ASCII, other scripts and emoji come back
// whole, through the list of all contacts as through one.
TEST_F(DatabaseTest, TextBeyondAsciiSurvivesAStoreAndReload)
{
    Contact contact = fullContact();
    contact.firstName = QStringLiteral("Zoë");
    contact.lastName = QStringLiteral("Łukasiewicz-Müller");
    contact.company = QStringLiteral("東京ラボ");
    contact.location = QStringLiteral("Kraków");
    contact.notes = QStringLiteral("Talked about 🚀 launches.\nСпасибо!");
    contact.tags = { QStringLiteral("café"), QStringLiteral("日本") };
    const QDateTime now = test::utc(2026, 11, 21, 9, 30);
    auto id = ContactRepository(db()).add(contact, now);
    ASSERT_TRUE(id.ok()) << id.error().toStdString();
    reopen();
    contact.id = *id;
    contact.createdAt = now;
    contact.updatedAt = now;
    auto all = ContactRepository(db()).all();
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 1);
    EXPECT_EQ(all->first(), contact);
    EXPECT_EQ(ContactRepository(db()).find(*id).value(), contact);
}

TEST_F(DatabaseTest, EachAdvisorFlagIsStoredInItsOwnColumn)
{
    ContactRepository repository(db());
    const QList<bool Contact::*> flags { &Contact::highProfile, &Contact::littleInCommon, &Contact::stayAnonymous };
    for (bool Contact::*flag : flags) {
        Contact contact;
        contact.firstName = QStringLiteral("Flag");
        contact.*flag = true;
        auto id = repository.add(contact);
        ASSERT_TRUE(id.ok()) << id.error().toStdString();
        const Contact stored = repository.find(*id).value();
        for (bool Contact::*other : flags)
            EXPECT_EQ(stored.*other, other == flag);
    }
}

TEST_F(DatabaseTest, UpdateChangesFieldsAndTheUpdateTime)
{
    ContactRepository repository(db());
    auto id = repository.add(fullContact(), test::utc(2026, 1, 1));
    ASSERT_TRUE(id.ok());
    Contact changed = *repository.find(*id);
    changed.company = QStringLiteral("Remington Rand");
    changed.tags = { QStringLiteral("univac") };
    ASSERT_TRUE(repository.update(changed, test::utc(2026, 2, 1)).ok());
    const Contact stored = *repository.find(*id);
    EXPECT_EQ(stored.company, QStringLiteral("Remington Rand"));
    EXPECT_EQ(stored.tags, QStringList { QStringLiteral("univac") });
    EXPECT_EQ(stored.createdAt, test::utc(2026, 1, 1));
    EXPECT_EQ(stored.updatedAt, test::utc(2026, 2, 1));
}

TEST_F(DatabaseTest, ANameIsRequired)
{
    Contact nameless;
    nameless.company = QStringLiteral("Acme");
    auto id = ContactRepository(db()).add(nameless);
    ASSERT_FALSE(id.ok());
    EXPECT_TRUE(id.error().contains(QStringLiteral("name")));
}

TEST_F(DatabaseTest, AProfileUrlThatIsNotAUrlIsRefusedWithTheReason)
{
    Contact contact = fullContact();
    contact.profileUrl = QStringLiteral("grace hopper");
    auto id = ContactRepository(db()).add(contact);
    ASSERT_FALSE(id.ok());
    EXPECT_TRUE(id.error().startsWith(QStringLiteral("Profile URL:"))) << id.error().toStdString();
}

TEST_F(DatabaseTest, TheSameProfileCannotBeAddedTwice)
{
    ContactRepository repository(db());
    ASSERT_TRUE(repository.add(fullContact()).ok());
    Contact again = fullContact();
    again.profileUrl = QStringLiteral("linkedin.com/in/Grace-Hopper?trk=people");
    auto duplicate = repository.add(again);
    ASSERT_FALSE(duplicate.ok());
    EXPECT_TRUE(duplicate.error().contains(QStringLiteral("linkedin.com/in/grace-hopper")))
        << duplicate.error().toStdString();
    EXPECT_EQ(repository.count().value(), 1);
}

TEST_F(DatabaseTest, FindSamePersonUsesUrlThenEmail)
{
    ContactRepository repository(db());
    const qint64 grace = repository.add(fullContact()).value();
    Contact byUrl;
    byUrl.profileUrl = QStringLiteral("https://m.linkedin.com/in/GRACE-HOPPER");
    EXPECT_EQ(repository.findSamePerson(byUrl).value(), std::optional<qint64>(grace));
    Contact byEmail;
    byEmail.email = QStringLiteral("Grace@Example.com");
    EXPECT_EQ(repository.findSamePerson(byEmail).value(), std::optional<qint64>(grace));
    Contact otherProfileSameEmail;
    otherProfileSameEmail.profileUrl = QStringLiteral("linkedin.com/in/someone-else");
    otherProfileSameEmail.email = QStringLiteral("grace@example.com");
    EXPECT_EQ(repository.findSamePerson(otherProfileSameEmail).value(), std::nullopt);
    Contact sameNameOnly;
    sameNameOnly.firstName = QStringLiteral("Grace");
    sameNameOnly.lastName = QStringLiteral("Hopper");
    EXPECT_EQ(repository.findSamePerson(sameNameOnly).value(), std::nullopt);
}

TEST_F(DatabaseTest, RemovingAnUnknownContactSaysSo)
{
    Status removed = ContactRepository(db()).remove(99);
    ASSERT_FALSE(removed.ok());
    EXPECT_TRUE(removed.error().contains(QStringLiteral("99")));
}

TEST(ContactTags, AreTrimmedDeduplicatedAndFreeOfTheSeparator)
{
    EXPECT_EQ(normalizedTags({ QStringLiteral(" a "), QStringLiteral("A"), QString(), QStringLiteral("x;y") }),
              (QStringList { QStringLiteral("a"), QStringLiteral("x y") }));
    EXPECT_EQ(splitTags(joinTags({ QStringLiteral("one"), QStringLiteral("two") })),
              (QStringList { QStringLiteral("one"), QStringLiteral("two") }));
}

} // namespace
} // namespace rapport

namespace rapport {
namespace {

TEST(ContactText, ControlCharactersAndBrokenTextAreNamedByField)
{
    Contact contact;
    contact.firstName = QStringLiteral("Ada");
    EXPECT_TRUE(textProblem(contact).isEmpty());
    contact.notes = QStringLiteral("line one\nline two\ttabbed");
    EXPECT_TRUE(textProblem(contact).isEmpty()) << "notes may hold line breaks and tabs";
    contact.company = QStringLiteral("Acme\nInc");
    EXPECT_EQ(textProblem(contact), QStringLiteral("Company contains a control character (U+000A)."));
    contact.company.clear();
    contact.profileUrl = QStringLiteral("https://x.com/\u0001");
    EXPECT_EQ(textProblem(contact), QStringLiteral("Profile URL contains a control character (U+0001)."));
    contact.profileUrl.clear();
    contact.lastName = QString(QChar::ReplacementCharacter);
    EXPECT_EQ(textProblem(contact), QStringLiteral("Last name contains bytes that are not valid text (not UTF-8)."));
    contact.lastName = QString(10000, u'x');
    EXPECT_TRUE(textProblem(contact).isEmpty());
}

} // namespace
} // namespace rapport

namespace rapport {
namespace {

using test::DatabaseTest;

TEST_F(DatabaseTest, ManyContactsGetAKeepInTouchCadenceInOneGo)
{
    ContactRepository contacts(db());
    QList<qint64> ids;
    for (int i = 0; i < 50; ++i) {
        Contact contact;
        contact.firstName = QStringLiteral("Person %1").arg(i);
        contact.keepInTouchDays = i == 0 ? 90 : 0;
        ids.append(contacts.add(contact).value());
    }
    EXPECT_EQ(contacts.keepInTouchDays({ ids[0], ids[1] }).value(),
              (QHash<qint64, int> { { ids[0], 90 }, { ids[1], 0 } }));
    ASSERT_TRUE(contacts.setKeepInTouchDays(ids.mid(1), 30).ok());
    EXPECT_EQ(contacts.find(ids[0]).value().keepInTouchDays, 90) << "only the ids given";
    EXPECT_EQ(contacts.find(ids[49]).value().keepInTouchDays, 30);
    EXPECT_FALSE(contacts.setKeepInTouchDays(ids, 3).ok()) << "not a cadence";
    EXPECT_EQ(contacts.find(ids[49]).value().keepInTouchDays, 30);
    EXPECT_FALSE(contacts.keepInTouchDays({ 9999 }).ok()) << "an unknown contact is an error";
}

} // namespace
} // namespace rapport
