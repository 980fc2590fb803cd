// Contact files from address books: Google, Outlook, Thunderbird-like and other CSV files whose columns are
// guessed (domain: Import and export).
#include "core/io/ImportFormats.h"

#include <QBuffer>

#include <gtest/gtest.h>

namespace rapport {
namespace {

Result<ParsedImport> readText(const QByteArray& text, const ImportOptions& options = {})
{
    QBuffer buffer;
    buffer.setData(text);
    buffer.open(QIODevice::ReadOnly);
    return ImportFormats::read(&buffer, options);
}

ParsedImport parsed(const QByteArray& text, const ImportOptions& options = {})
{
    auto result = readText(text, options);
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().toStdString());
    return result.ok() ? *result : ParsedImport();
}

ImportOptions forced(ImportFormat format)
{
    ImportOptions options;
    options.format = format;
    return options;
}

QString fieldOf(const ColumnMapping& mapping, const char* column)
{
    for (const auto& [name, field] : mapping) {
        if (name == QLatin1StringView(column))
            return field;
    }
    return {};
}

QStringList header(const char* line)
{
    return QString::fromLatin1(line).split(u',');
}

// Thunderbird's own export, as in mailnews/import/test (a trailing comma on every line).
constexpr char kThunderbirdHeader[]
    = "First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Screen Name,Work Phone,Home Phone,"
      "Fax Number,Pager Number,Mobile Number,Home Address,Home Address 2,Home City,Home State,Home ZipCode,"
      "Home Country,Work Address,Work Address 2,Work City,Work State,Work ZipCode,Work Country,Job Title,Department,"
      "Organization,Web Page 1,Web Page 2,Birth Year,Birth Month,Birth Day,Custom 1,Custom 2,Custom 3,Custom 4,Notes";

TEST(ImportFormatsContactsTest, DisplayNameIsUsedOnlyWhenTheRowHasNoFirstOrLastName)
{
    const ParsedImport file = parsed("Display Name,First Name,Last Name,Primary Email\n"
                                     "John Doe,John,Doe,john@example.com\n"
                                     "Ada Lovelace,,,ada@example.com\n"
                                     "Grace Hopper,Grace,,grace@example.com\n");
    EXPECT_EQ(file.format, ImportFormat::Generic);
    ASSERT_EQ(file.records.size(), 3);
    EXPECT_EQ(file.records[0].contact.firstName, QStringLiteral("John"));
    EXPECT_EQ(file.records[0].contact.lastName, QStringLiteral("Doe"));
    EXPECT_EQ(file.records[0].contact.email, QStringLiteral("john@example.com"));
    EXPECT_EQ(file.records[1].contact.firstName, QStringLiteral("Ada"));
    EXPECT_EQ(file.records[1].contact.lastName, QStringLiteral("Lovelace"));
    EXPECT_EQ(file.records[2].contact.firstName, QStringLiteral("Grace"));
    EXPECT_EQ(file.records[2].contact.lastName, QString());
}

TEST(ImportFormatsContactsTest, ThunderbirdColumnsAreGuessed)
{
    const ColumnMapping mapping = ImportFormats::guessMapping(QString::fromLatin1(kThunderbirdHeader).split(u','));
    EXPECT_EQ(fieldOf(mapping, "First Name"), QStringLiteral("first_name"));
    EXPECT_EQ(fieldOf(mapping, "Last Name"), QStringLiteral("last_name"));
    EXPECT_EQ(fieldOf(mapping, "Display Name"), QStringLiteral("name"));
    EXPECT_EQ(fieldOf(mapping, "Primary Email"), QStringLiteral("email"));
    EXPECT_EQ(fieldOf(mapping, "Mobile Number"), QStringLiteral("phone"));
    EXPECT_EQ(fieldOf(mapping, "Job Title"), QStringLiteral("position"));
    EXPECT_EQ(fieldOf(mapping, "Organization"), QStringLiteral("company"));
    EXPECT_EQ(fieldOf(mapping, "Home City"), QStringLiteral("location"));
    EXPECT_EQ(fieldOf(mapping, "Notes"), QStringLiteral("notes"));
    // Names that only contain a known word are not taken for it.
    for (const char* other : { "Nickname", "Screen Name", "Fax Number", "Pager Number", "Home Address" })
        EXPECT_EQ(fieldOf(mapping, other), QString()) << other;

    // Every line ends with a comma.
    QByteArrayList row(37);
    row[0] = "Kwame";
    row[1] = "Mensah";
    row[2] = "Kwame Mensah";
    row[5] = "kwame@example.com";
    row[7] = "+1 555 0100";
    row[24] = "Engineer";
    row[26] = "Orbital";
    const ParsedImport read = parsed(QByteArray(kThunderbirdHeader) + ",\n" + row.join(',') + ",\n");
    ASSERT_EQ(read.records.size(), 1);
    const Contact& kwame = read.records[0].contact;
    EXPECT_EQ(kwame.firstName, QStringLiteral("Kwame"));
    EXPECT_EQ(kwame.lastName, QStringLiteral("Mensah"));
    // The primary email is empty: the secondary one is the contact's.
    EXPECT_EQ(kwame.email, QStringLiteral("kwame@example.com"));
    EXPECT_EQ(kwame.phone, QStringLiteral("+1 555 0100"));
    EXPECT_EQ(kwame.position, QStringLiteral("Engineer"));
    EXPECT_EQ(kwame.company, QStringLiteral("Orbital"));
}

TEST(ImportFormatsContactsTest, EmailAndPhoneColumnsOfOtherAddressBooksAreGuessed)
{
    const ColumnMapping mapping
        = ImportFormats::guessMapping(header("Name,Email Home,Email Work,Phone Numbers,Company Name"));
    EXPECT_EQ(fieldOf(mapping, "Name"), QStringLiteral("name"));
    EXPECT_EQ(fieldOf(mapping, "Email Home"), QStringLiteral("email"));
    EXPECT_EQ(fieldOf(mapping, "Phone Numbers"), QStringLiteral("phone"));
    EXPECT_EQ(fieldOf(mapping, "Company Name"), QStringLiteral("company"));

    // A second email or phone column holds another address or number of the person, not one about it.
    const ColumnMapping crm = ImportFormats::guessMapping(
        header("First Name,Last Name,Email,Email Status,Company Name for Emails,Work Phone,Car Phone,Home Phone 2"));
    EXPECT_EQ(fieldOf(crm, "Email"), QStringLiteral("email"));
    EXPECT_EQ(fieldOf(crm, "Email Status"), QString());
    EXPECT_EQ(fieldOf(crm, "Company Name for Emails"), QStringLiteral("company"));
    EXPECT_EQ(fieldOf(crm, "Work Phone"), QStringLiteral("phone"));
    EXPECT_EQ(fieldOf(crm, "Car Phone"), QString());
    EXPECT_EQ(fieldOf(crm, "Home Phone 2"), QStringLiteral("phone"));

    const ParsedImport read = parsed("Name,Email Home,Email Work,Phone Numbers\n"
                                     "Ada Lovelace,,ada@work.example,+44 20 7946 0000\n");
    ASSERT_EQ(read.records.size(), 1);
    EXPECT_EQ(read.records[0].contact.email, QStringLiteral("ada@work.example"));
    EXPECT_EQ(read.records[0].contact.phone, QStringLiteral("+44 20 7946 0000"));
}

TEST(ImportFormatsContactsTest, JobTitleIsThePositionAndTitleAnHonorific)
{
    const ColumnMapping mapping
        = ImportFormats::guessMapping(header("Display Name,Title,First Name,Middle Name,Last Name,Company,Job Title"));
    EXPECT_EQ(fieldOf(mapping, "Job Title"), QStringLiteral("position"));
    EXPECT_EQ(fieldOf(mapping, "Title"), QString());

    const ParsedImport read = parsed("Title,First Name,Last Name,Job Title\nDr.,Ada,Lovelace,Analyst\n");
    ASSERT_EQ(read.records.size(), 1);
    EXPECT_EQ(read.records[0].contact.position, QStringLiteral("Analyst"));
    EXPECT_EQ(read.records[0].contact.firstName, QStringLiteral("Ada"));
    // Alone, a Title column is still a position.
    EXPECT_EQ(fieldOf(ImportFormats::guessMapping(header("Name,Title")), "Title"), QStringLiteral("position"));
}

TEST(ImportFormatsContactsTest, AColumnWhoseNameContainsAFieldsNameIsGuessed)
{
    const ColumnMapping mapping = ImportFormats::guessMapping(
        header("De-Identified First Name,Last Name,Email Address,Company,Position,Connected On"));
    EXPECT_EQ(fieldOf(mapping, "De-Identified First Name"), QStringLiteral("first_name"));
    EXPECT_EQ(fieldOf(mapping, "Last Name"), QStringLiteral("last_name"));
    EXPECT_EQ(fieldOf(mapping, "Email Address"), QStringLiteral("email"));
    EXPECT_EQ(fieldOf(mapping, "Connected On"), QString());

    // An exact name wins over one that contains it; words inside other words are not matches.
    const ColumnMapping phonetic
        = ImportFormats::guessMapping(header("Phonetic First Name,First Name,Last Name,Manager's Name,Maiden Name"));
    EXPECT_EQ(fieldOf(phonetic, "First Name"), QStringLiteral("first_name"));
    EXPECT_EQ(fieldOf(phonetic, "Phonetic First Name"), QString());
    EXPECT_EQ(fieldOf(phonetic, "Manager's Name"), QString());
    EXPECT_EQ(fieldOf(phonetic, "Maiden Name"), QString());
    const ColumnMapping words = ImportFormats::guessMapping(header("Contact Name,Firstly,Telegram,Surname"));
    EXPECT_EQ(fieldOf(words, "Contact Name"), QStringLiteral("name"));
    EXPECT_EQ(fieldOf(words, "Firstly"), QString());
    EXPECT_EQ(fieldOf(words, "Telegram"), QString());
}

TEST(ImportFormatsContactsTest, MiddleNamesStayWithTheGivenName)
{
    const QByteArray newGoogle = "First Name,Middle Name,Last Name,Labels,E-mail 1 - Label,E-mail 1 - Value\n"
                                 "Mary,Ann,Smith,* myContacts,* Home,mary@example.com\n";
    const QByteArray oldGoogle = "Name,Given Name,Additional Name,Family Name,Group Membership,E-mail 1 - Type,"
                                 "E-mail 1 - Value\n"
                                 "Mary Ann Smith,Mary,Ann,Smith,* myContacts,* Home,mary@example.com\n";
    const QByteArray outlook = "First Name,Middle Name,Last Name,E-mail Address,Job Title\n"
                               "Mary,Ann,Smith,mary@example.com,Engineer\n";
    const QByteArray generic = "First Name,Middle Name,Last Name,Email\nMary,Ann,Smith,mary@example.com\n";
    for (const QByteArray& text : { newGoogle, oldGoogle, outlook, generic }) {
        const ParsedImport read = parsed(text);
        ASSERT_EQ(read.records.size(), 1) << text.constData();
        EXPECT_EQ(read.records[0].contact.firstName, QStringLiteral("Mary Ann")) << text.constData();
        EXPECT_EQ(read.records[0].contact.lastName, QStringLiteral("Smith")) << text.constData();
    }
    EXPECT_EQ(parsed(newGoogle).format, ImportFormat::Google);
    EXPECT_EQ(parsed(oldGoogle).format, ImportFormat::Google);
    EXPECT_EQ(parsed(outlook).format, ImportFormat::Outlook);
    EXPECT_EQ(parsed(generic).format, ImportFormat::Generic);
}

TEST(ImportFormatsContactsTest, GoogleOrOutlookForcedOnAFileWithoutTheirNameColumnsIsRefused)
{
    const QByteArray text = "Company,Email\nAcme,a@example.com\n";
    for (const ImportFormat format : { ImportFormat::Google, ImportFormat::Outlook }) {
        auto read = readText(text, forced(format));
        ASSERT_FALSE(read.ok()) << qPrintable(toKey(format));
        EXPECT_TRUE(read.error().contains(QStringLiteral("First Name"))) << read.error().toStdString();
        EXPECT_TRUE(read.error().contains(toKey(format))) << read.error().toStdString();
    }
    // A file with one of their name columns is theirs to read.
    EXPECT_EQ(parsed("Given Name,Company\nAda,Acme\n", forced(ImportFormat::Google)).records.size(), 1);
    EXPECT_EQ(parsed("Last Name,Company\nLovelace,Acme\n", forced(ImportFormat::Outlook)).records.size(), 1);
}

TEST(ImportFormatsContactsTest, RowsWithoutANameInAContactFileAreNotBlamedOnLinkedIn)
{
    for (const QByteArray& text :
         { QByteArray("First Name,Last Name,Email\nAda,Lovelace,ada@example.com\n,,nobody@example.com\n"),
           QByteArray("First Name,Middle Name,Last Name,Labels,E-mail 1 - Value\n"
                      "Ada,,Lovelace,,ada@example.com\n,,,,nobody@example.com\n"),
           QByteArray("First Name,Last Name,E-mail Address,Job Title\nAda,Lovelace,ada@example.com,\n"
                      ",,nobody@example.com,\n") }) {
        const ParsedImport read = parsed(text);
        ASSERT_EQ(read.skipped.size(), 1) << text.constData();
        EXPECT_EQ(read.skipped[0].line, 3);
        EXPECT_FALSE(read.skipped[0].reason.contains(QStringLiteral("LinkedIn")))
            << read.skipped[0].reason.toStdString();
    }
}

TEST(ImportFormatsContactsTest, AGuessThatLosesEveryRowIsRefusedNamingTheReasonAndTheGuess)
{
    const QByteArray text = "Surname,Firma,Connected On\n,Acme,21 Nov 2022\n,Beta,22 Nov 2022\n,Gamma,23 Nov 2022\n";
    auto read = readText(text);
    ASSERT_FALSE(read.ok());
    EXPECT_TRUE(read.error().contains(QStringLiteral("no name"))) << read.error().toStdString();
    EXPECT_TRUE(read.error().contains(QStringLiteral("Surname=last_name"))) << read.error().toStdString();
    EXPECT_TRUE(read.error().contains(QStringLiteral("Firma=company"))) << read.error().toStdString();

    // Rows skipped for different reasons, or a mapping the user chose, are imported as they are.
    const ParsedImport one = parsed("Surname,Firma\n,Acme\nLovelace,Beta\n");
    EXPECT_EQ(one.records.size(), 1);
    ImportOptions byHand;
    byHand.mapping = { { QStringLiteral("Surname"), QStringLiteral("last_name") },
                       { QStringLiteral("Firma"), QStringLiteral("company") } };
    const ParsedImport chosen = parsed(text, byHand);
    EXPECT_EQ(chosen.records.size(), 0);
    EXPECT_EQ(chosen.skipped.size(), 3);
}

} // namespace
} // namespace rapport
