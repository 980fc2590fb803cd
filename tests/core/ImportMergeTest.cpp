// How imported rows are matched to contacts and merged into them (domain: Contacts, Import and export): a
// name is one unit, a value that disagrees with the user's is kept out and reported, and names alone never
// make two people one.
#include "core/io/ImportFormats.h"
#include "core/io/Importer.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "core/storage/InteractionRepository.h"
#include "tests/core/TestDatabase.h"

#include <QFile>

#include <memory>

#include <gtest/gtest.h>

namespace rapport {
namespace {

class ImportMergeTest : public test::DatabaseTest
{
protected:
    // A file of `text` in the test's folder.
    QString file(const char* name, const QByteArray& text)
    {
        const QString path = m_dir.filePath(QString::fromLatin1(name));
        QFile out(path);
        EXPECT_TRUE(out.open(QIODevice::WriteOnly));
        out.write(text);
        return path;
    }

    // Parsed whole, as the window does.
    ImportSummary import(const QString& path)
    {
        auto parsed = ImportFormats::readFile(path);
        EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().toStdString());
        if (!parsed.ok())
            return {};
        auto summary = Importer(db()).apply(*parsed, {}, m_now);
        EXPECT_TRUE(summary.ok()) << (summary.ok() ? "" : summary.error().toStdString());
        return summary.ok() ? *summary : ImportSummary();
    }

    // Streamed, as the CLI does.
    ImportSummary stream(const QString& path)
    {
        auto opened = ImportStream::openFile(path);
        EXPECT_TRUE(opened.ok()) << (opened.ok() ? "" : opened.error().toStdString());
        if (!opened.ok())
            return {};
        auto summary = Importer(db()).apply(**opened, {}, m_now);
        EXPECT_TRUE(summary.ok()) << (summary.ok() ? "" : summary.error().toStdString());
        return summary.ok() ? *summary : ImportSummary();
    }

    qint64 add(const Contact& contact) { return ContactRepository(db()).add(contact).value(); }

    QList<Contact> contacts() { return ContactRepository(db()).all().value(); }

    std::pair<QList<Contact>, QList<Interaction>> content()
    {
        return { contacts(), InteractionRepository(db()).all().value() };
    }

    static Contact person(const char* first, const char* last, const char* email = "", const char* phone = "")
    {
        Contact contact;
        contact.firstName = QString::fromUtf8(first);
        contact.lastName = QString::fromUtf8(last);
        contact.email = QString::fromUtf8(email);
        contact.phone = QString::fromUtf8(phone);
        return contact;
    }

    QDateTime m_now = test::utc(2025, 11, 1);
};

// Rapport's own contacts export: its header is detected whatever the column guessing does.
const QByteArray kContactsHeader = "first_name,last_name,profile_url,email,how_we_know,company,location,phone\n";

TEST_F(ImportMergeTest, ANameIsOneUnitAndADisagreeingOneIsAConflict)
{
    // Two rows of one email: the second's name is not mixed into the first's.
    const ImportSummary summary = import(file("contacts.csv",
                                              kContactsHeader
                                                  + "Ambili,,,ambili@example.com,,,,\n"
                                                    "ambili1992,com,,ambili@example.com,,,,\n"));
    EXPECT_EQ(summary.contactsAdded, 1);
    QList<Contact> all = contacts();
    ASSERT_EQ(all.size(), 1);
    EXPECT_EQ(all[0].firstName, QStringLiteral("Ambili"));
    EXPECT_EQ(all[0].lastName, QString());
    ASSERT_EQ(summary.conflicts.size(), 1);
    EXPECT_EQ(summary.conflictCount, 1);
    EXPECT_EQ(summary.conflicts[0].line, 3);
    EXPECT_EQ(summary.conflicts[0].field, QStringLiteral("name"));
    EXPECT_EQ(summary.conflicts[0].kept, QStringLiteral("Ambili"));
    EXPECT_EQ(summary.conflicts[0].ignored, QStringLiteral("ambili1992 com"));
    EXPECT_EQ(summary.rowsUnchanged, 1); // it matched and brought nothing new

    // The user's "Ada" stays Ada: an imported "Adeline Smith" of her email does not make her "Ada Smith".
    const qint64 ada = add(person("Ada", "", "ada@example.com"));
    const ImportSummary adeline
        = import(file("adeline.csv", kContactsHeader + "Adeline,Smith,,ADA@example.com,,Acme,,\n"));
    EXPECT_EQ(adeline.contactsAdded, 0);
    EXPECT_EQ(adeline.contactsMerged, 1); // the company was empty: filled
    const Contact stored = ContactRepository(db()).find(ada).value();
    EXPECT_EQ(stored.fullName(), QStringLiteral("Ada"));
    EXPECT_EQ(stored.company, QStringLiteral("Acme"));
    ASSERT_EQ(adeline.conflicts.size(), 1);
    EXPECT_EQ(adeline.conflicts[0].field, QStringLiteral("name"));
    EXPECT_EQ(adeline.conflicts[0].kept, QStringLiteral("Ada"));
    EXPECT_EQ(adeline.conflicts[0].ignored, QStringLiteral("Adeline Smith"));
}

TEST_F(ImportMergeTest, OnlyADifferentValueIsAConflict)
{
    Contact bram = person("Bram", "Okonkwo", "bram@example.com", "+44 20 7946 0958");
    bram.company = QStringLiteral("Harbor & Vale");
    bram.position = QStringLiteral("Head of Product");
    const qint64 id = add(bram);

    // Same name, company and phone written otherwise: nothing new, no conflict; the empty location is filled.
    const ImportSummary same = import(
        file("same.csv",
             kContactsHeader + "BRAM, okonkwo ,,Bram@Example.com,,harbor  & vale,London,\"+44 (20) 7946-0958\"\n"));
    EXPECT_TRUE(same.conflicts.isEmpty());
    EXPECT_EQ(same.contactsMerged, 1);
    EXPECT_EQ(ContactRepository(db()).find(id).value().location, QStringLiteral("London"));

    // Another company and phone: both kept as the user has them, both reported; the row counts as unchanged.
    const ImportSummary other
        = import(file("other.csv", kContactsHeader + "Bram,Okonkwo,,bram@example.com,,Globex,London,+1 555 0100\n"));
    EXPECT_EQ(other.contactsMerged, 0);
    EXPECT_EQ(other.rowsUnchanged, 1);
    ASSERT_EQ(other.conflicts.size(), 2);
    EXPECT_EQ(other.conflicts[0].line, 2);
    EXPECT_EQ(other.conflicts[0].field, QStringLiteral("company"));
    EXPECT_EQ(other.conflicts[0].kept, QStringLiteral("Harbor & Vale"));
    EXPECT_EQ(other.conflicts[0].ignored, QStringLiteral("Globex"));
    EXPECT_EQ(other.conflicts[1].field, QStringLiteral("phone"));
    EXPECT_EQ(other.conflicts[1].ignored, QStringLiteral("+1 555 0100"));
    const Contact stored = ContactRepository(db()).find(id).value();
    EXPECT_EQ(stored.company, QStringLiteral("Harbor & Vale"));
    EXPECT_EQ(stored.phone, QStringLiteral("+44 20 7946 0958"));
}

// The generic file: two John Smiths of two cities are two people, and the second is pointed out.
TEST_F(ImportMergeTest, NamesAloneNeverMakeTwoPeopleOne)
{
    const QString path = file("people.csv", "Name,Location\nJohn Smith,London\nJohn Smith,Sydney\n");
    const ImportSummary summary = import(path);
    EXPECT_EQ(summary.contactsAdded, 2);
    QStringList locations;
    for (const Contact& contact : contacts())
        locations.append(contact.location);
    locations.sort();
    EXPECT_EQ(locations, (QStringList { QStringLiteral("London"), QStringLiteral("Sydney") }));
    ASSERT_EQ(summary.possibleDuplicates.size(), 1);
    EXPECT_EQ(summary.possibleDuplicateCount, 1);
    EXPECT_EQ(summary.possibleDuplicates[0].line, 3);
    EXPECT_EQ(summary.possibleDuplicates[0].name, QStringLiteral("John Smith"));
    const Contact london = contacts().value(0).location == u"London" ? contacts().value(0) : contacts().value(1);
    EXPECT_EQ(summary.possibleDuplicates[0].contactId, london.id);

    // The same file again: each row is already one of them.
    const auto before = content();
    m_now = m_now.addDays(1);
    const ImportSummary again = import(path);
    EXPECT_EQ(again.contactsAdded, 0);
    EXPECT_EQ(again.contactsMerged, 0);
    EXPECT_EQ(again.rowsUnchanged, 2);
    EXPECT_TRUE(again.possibleDuplicates.isEmpty());
    EXPECT_TRUE(again.conflicts.isEmpty());
    EXPECT_EQ(content(), before);
}

TEST_F(ImportMergeTest, WithoutIdentityANameMatchesOnlyWithItsPhoneOrEverythingItCarries)
{
    Contact john = person("John", "Smith", "", "+44 20 7946 0958");
    john.company = QStringLiteral("Acme");
    const qint64 handAdded = add(john);

    // A Google-like row of the same name with another company and no email or phone: a new contact, pointed out.
    const ImportSummary other = import(file("other.csv", kContactsHeader + "John,Smith,,,,Initech,,\n"));
    EXPECT_EQ(other.contactsAdded, 1);
    EXPECT_EQ(other.contactsMerged, 0);
    ASSERT_EQ(other.possibleDuplicates.size(), 1);
    EXPECT_EQ(other.possibleDuplicates[0].contactId, handAdded);
    EXPECT_EQ(ContactRepository(db()).find(handAdded).value().company, QStringLiteral("Acme"));

    // Its phone, written otherwise: him, with what the row adds.
    const ImportSummary phone = import(file("phone.csv", kContactsHeader + "john,smith,,,,,Leeds,0044 20 7946 0958\n"));
    EXPECT_EQ(phone.contactsAdded, 0);
    EXPECT_EQ(phone.contactsMerged, 1);
    EXPECT_TRUE(phone.possibleDuplicates.isEmpty());
    EXPECT_EQ(ContactRepository(db()).find(handAdded).value().location, QStringLiteral("Leeds"));

    // Nothing but what he has: him, unchanged.
    const ImportSummary held = import(file("held.csv", kContactsHeader + "John,Smith,,,,acme,,\n"));
    EXPECT_EQ(held.contactsAdded, 0);
    EXPECT_EQ(held.rowsUnchanged, 1);
    EXPECT_EQ(contacts().size(), 2);
}

// An exported log names its contact only: without profile URL or email it still finds the one of that name,
// and is skipped when two have it.
TEST_F(ImportMergeTest, ARowThatRefersToAContactByNameStillFindsIt)
{
    const qint64 bram = add(person("Bram", "Okonkwo", "", "+44 20 7946 0958"));
    add(person("Jane", "Doe"));
    add(person("Jane", "Doe"));
    const ImportSummary summary = import(file("log.csv",
                                              "contact_profile_url,contact_email,contact_name,kind,occurred_at,text\n"
                                              ",,Bram Okonkwo,note,2025-10-06T10:00:00Z,Met at the meetup\n"
                                              ",,Jane Doe,note,2025-10-07T10:00:00Z,Which one?\n"));
    EXPECT_EQ(summary.contactsAdded, 0);
    EXPECT_EQ(summary.interactionsAdded, 1);
    EXPECT_EQ(summary.skippedCount, 1);
    EXPECT_TRUE(summary.possibleDuplicates.isEmpty());
    EXPECT_EQ(InteractionRepository(db()).forContact(bram).value().size(), 1);
}

// A file of a million disagreeing rows must not take a message's memory per row: a stream lists the first
// conflicts and possible duplicates, and counts them all; parsed whole, the same rows give the same counts.
TEST_F(ImportMergeTest, AStreamListsTheFirstConflictsAndCountsThemAll)
{
    add(person("Kept", "Name", "same@example.com"));
    add(person("Jane", "Doe"));
    QByteArray text = kContactsHeader;
    constexpr int rows = 2500;
    for (int i = 0; i < rows; ++i) {
        text += "Other" + QByteArray::number(i) + ",Name,,same@example.com,,,,\n";
        text += "Jane,Doe,,,,Company " + QByteArray::number(i) + ",,\n";
    }
    const QString path = file("many.csv", text);
    const ImportSummary streamed = stream(path);
    EXPECT_EQ(streamed.conflictCount, rows);
    EXPECT_EQ(streamed.conflicts.size(), 1000);
    EXPECT_EQ(streamed.conflicts.first().line, 2);
    EXPECT_EQ(streamed.conflicts.last().line, 2 + 2 * 999);
    EXPECT_EQ(streamed.possibleDuplicateCount, rows);
    EXPECT_EQ(streamed.possibleDuplicates.size(), 1000);
    EXPECT_EQ(streamed.possibleDuplicates.first().line, 3);
}

} // namespace
} // namespace rapport
