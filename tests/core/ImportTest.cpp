#include "core/io/ImportFormats.h"
#include "core/io/Importer.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/SqlUtil.h"
#include "tests/core/TestDatabase.h"

#include <QFile>
#include <QFileInfo>

#include <functional>
#include <memory>

#include <gtest/gtest.h>

namespace rapport {
namespace {

QString fixture(const char* name)
{
    return QStringLiteral(RAPPORT_TEST_DATA "/import/") + QString::fromLatin1(name);
}

class ImportTest : public test::DatabaseTest
{
protected:
    ParsedImport parse(const char* name, const ImportOptions& options = {})
    {
        auto parsed = ImportFormats::readFile(fixture(name), options);
        EXPECT_TRUE(parsed.ok()) << name << ": " << (parsed.ok() ? "" : parsed.error().toStdString());
        return parsed.ok() ? *parsed : ParsedImport();
    }

    ImportSummary import(const char* name, const ImportOptions& options = {})
    {
        auto summary = Importer(db()).apply(parse(name, options), {}, m_now);
        EXPECT_TRUE(summary.ok()) << name << ": " << (summary.ok() ? "" : summary.error().toStdString());
        return summary.ok() ? *summary : ImportSummary();
    }

    // Everything a user could see, to compare the database before and after.
    std::pair<QList<Contact>, QList<Interaction>> content()
    {
        return { ContactRepository(db()).all().value(), InteractionRepository(db()).all().value() };
    }

    Contact contactByName(const QString& fullName)
    {
        const QList<Contact> contacts = ContactRepository(db()).all().value();
        for (const Contact& contact : contacts) {
            if (contact.fullName() == fullName)
                return contact;
        }
        ADD_FAILURE() << "no contact " << fullName.toStdString();
        return {};
    }

    QList<Interaction> logOf(const QString& fullName)
    {
        return InteractionRepository(db()).forContact(contactByName(fullName).id).value();
    }

    // A Connections.csv in m_dir, LinkedIn's preamble and header then `rows` rows: row(i) is row i's text.
    QString connections(int rows, const std::function<QByteArray(int)>& row, const char* name = "Connections.csv")
    {
        const QString path = m_dir.filePath(QString::fromLatin1(name));
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        file.write("Notes:\n\"When exporting your connection data, you may notice...\"\n\n"
                   "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
        for (int i = 0; i < rows; ++i)
            file.write(row(i) + '\n');
        return path;
    }

    std::unique_ptr<ImportStream> stream(const QString& path, const ImportOptions& options = {})
    {
        auto opened = ImportStream::openFile(path, options);
        EXPECT_TRUE(opened.ok()) << (opened.ok() ? "" : opened.error().toStdString());
        return opened.ok() ? std::move(*opened) : nullptr;
    }

    QDateTime m_now = test::utc(2025, 11, 1);
};

TEST_F(ImportTest, FormatsAreDetectedFromTheHeader)
{
    const struct
    {
        const char* file;
        ImportFormat format;
    } cases[] = {
        { "linkedin-connections.csv", ImportFormat::LinkedInConnections },
        { "linkedin-connections-old.csv", ImportFormat::LinkedInConnections },
        { "linkedin-connections-excel.csv", ImportFormat::LinkedInConnections },
        { "linkedin-invitations.csv", ImportFormat::LinkedInInvitations },
        { "linkedin-messages.csv", ImportFormat::LinkedInMessages },
        { "linkedin-messages-attachments.csv", ImportFormat::LinkedInMessages },
        { "google-contacts.csv", ImportFormat::Google },
        { "google-contacts-legacy.csv", ImportFormat::Google },
        { "outlook-desktop.csv", ImportFormat::Outlook },
        { "outlook-google.csv", ImportFormat::Outlook },
        { "generic-semicolon.csv", ImportFormat::Generic },
        { "generic-tab.tsv", ImportFormat::Generic },
    };
    for (const auto& c : cases)
        EXPECT_EQ(parse(c.file).format, c.format) << c.file;
}

TEST_F(ImportTest, LinkedInConnectionsAreConnectedSinceTheirDateAndLeaversAreSkipped)
{
    const ImportSummary summary = import("linkedin-connections.csv");
    EXPECT_EQ(summary.contactsAdded, 4);
    EXPECT_EQ(summary.interactionsAdded, 4);
    ASSERT_EQ(summary.skipped.size(), 1);
    EXPECT_EQ(summary.skipped[0].line, 8);
    EXPECT_TRUE(summary.skipped[0].reason.contains(QStringLiteral("no name")));

    const Contact bram = contactByName(QStringLiteral("Bram Okonkwo"));
    EXPECT_EQ(bram.company, QStringLiteral("Harbor & Vale, LLC"));
    EXPECT_EQ(bram.email, QStringLiteral("bram.okonkwo@example.com"));
    const QList<Interaction> log = logOf(QStringLiteral("Bram Okonkwo"));
    ASSERT_EQ(log.size(), 1);
    EXPECT_EQ(log[0].kind, InteractionKind::RequestAccepted);
    EXPECT_EQ(log[0].occurredAt, test::utc(2022, 11, 4, 12));
    EXPECT_EQ(contactByName(QStringLiteral("Chloé Dumont")).position, QStringLiteral("Founder, CEO"));
}

TEST_F(ImportTest, ExcelResavedConnectionsWithShortYearsAndWindows1252)
{
    import("linkedin-connections-excel.csv");
    EXPECT_EQ(contactByName(QStringLiteral("Zoë Müller")).company, QStringLiteral("Café Olé GmbH"));
    EXPECT_EQ(logOf(QStringLiteral("Zoë Müller")).value(0).occurredAt, test::utc(2025, 7, 1, 12));
    // The same person from the original export: merged, accepted once.
    const ImportSummary again = import("linkedin-connections.csv");
    EXPECT_EQ(again.contactsAdded, 3);
    EXPECT_EQ(logOf(QStringLiteral("Ada Quill")).size(), 1);
}

TEST_F(ImportTest, InvitationsArePendingRequestsAndInboundNotes)
{
    const ImportSummary summary = import("linkedin-invitations.csv");
    EXPECT_EQ(summary.contactsAdded, 3);
    const QList<Interaction> ada = logOf(QStringLiteral("Ada Quill"));
    ASSERT_EQ(ada.size(), 1);
    EXPECT_EQ(ada[0].kind, InteractionKind::RequestSent);
    EXPECT_EQ(ada[0].occurredAt, test::utc(2025, 9, 27, 8, 41));
    EXPECT_TRUE(ada[0].text.startsWith(QStringLiteral("Hi Ada, loved your talk")));
    const QList<Interaction> farid = logOf(QStringLiteral("Farid Haddad"));
    ASSERT_EQ(farid.size(), 1);
    EXPECT_EQ(farid[0].kind, InteractionKind::Note);
    EXPECT_TRUE(farid[0].text.contains(QStringLiteral("we met at the QtWS booth")));
    EXPECT_EQ(contactByName(QStringLiteral("Farid Haddad")).profileUrl,
              QStringLiteral("https://www.linkedin.com/in/farid-haddad"));

    // A later Connections.csv lists Elena, invited on 2 Oct 2025: her pending request was accepted.
    const QString later = m_dir.filePath(QStringLiteral("Connections.csv"));
    QFile file(later);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
               "Elena,Sokolova,https://www.linkedin.com/in/elena-sokolova-3f,,Helix Pharma,Chemist,3 Oct 2025\n");
    file.close();
    auto parsed = ImportFormats::readFile(later);
    ASSERT_TRUE(parsed.ok());
    const ImportSummary accepted = Importer(db()).apply(*parsed).value();
    EXPECT_EQ(accepted.contactsAdded, 0);
    EXPECT_EQ(accepted.contactsMerged, 1); // company and position filled in
    const QList<Interaction> after = logOf(QStringLiteral("Elena Sokolova"));
    ASSERT_EQ(after.size(), 2);
    EXPECT_EQ(after[0].kind, InteractionKind::RequestSent);
    EXPECT_EQ(after[1].kind, InteractionKind::RequestAccepted);
}

TEST_F(ImportTest, MessagesAreSentOrReceivedFromTheUsersPointOfView)
{
    for (const char* file : { "linkedin-messages.csv", "linkedin-messages-attachments.csv" }) {
        const ParsedImport parsed = parse(file);
        EXPECT_EQ(parsed.ownName, QStringLiteral("Sam Rivera")) << file;
    }
    const ImportSummary summary = import("linkedin-messages.csv");
    EXPECT_EQ(summary.interactionsAdded, 3);
    const QList<Interaction> bram = logOf(QStringLiteral("Bram Okonkwo"));
    ASSERT_EQ(bram.size(), 2);
    EXPECT_EQ(bram[0].kind, InteractionKind::MessageSent);
    EXPECT_EQ(bram[0].occurredAt, QDateTime(QDate(2025, 10, 6), QTime(23, 49, 2), Qt::UTC));
    EXPECT_EQ(bram[1].kind, InteractionKind::MessageReceived);
    EXPECT_EQ(bram[1].text, QStringLiteral("Great read, thanks!\nLet's catch up next week."));
    // The variant with more columns holds the same messages: nothing new.
    EXPECT_EQ(import("linkedin-messages-attachments.csv").interactionsAdded, 0);

    // A setting names the user: then Bram's messages are the user's own.
    ImportOptions options;
    options.ownName = QStringLiteral("Bram Okonkwo");
    EXPECT_EQ(parse("linkedin-messages.csv", options).ownName, QStringLiteral("Bram Okonkwo"));
}

TEST_F(ImportTest, GoogleContactsCurrentAndLegacy)
{
    import("google-contacts.csv");
    const Contact bram = contactByName(QStringLiteral("Bram Okonkwo"));
    EXPECT_EQ(bram.email, QStringLiteral("bram.okonkwo@example.com")); // the first of " ::: " values
    EXPECT_EQ(bram.phone, QStringLiteral("+44 20 7946 0958"));
    EXPECT_EQ(bram.position, QStringLiteral("Head of Product"));
    EXPECT_EQ(bram.location, QStringLiteral("London, United Kingdom"));
    EXPECT_EQ(bram.profileUrl, QStringLiteral("https://www.linkedin.com/in/bram-okonkwo"));
    EXPECT_EQ(bram.tags, QStringList { QStringLiteral("Product") });
    const Contact greta = contactByName(QStringLiteral("Greta Lind"));
    EXPECT_TRUE(greta.starred);
    EXPECT_EQ(greta.tags, (QStringList { QStringLiteral("Security"), QStringLiteral("Mentors") }));
    EXPECT_EQ(greta.notes, QStringLiteral("Two lines\nof notes"));
    EXPECT_EQ(contactByName(QStringLiteral("Hiro")).phone, QStringLiteral("+81 3-1234-5678"));

    import("google-contacts-legacy.csv");
    const Contact ines = contactByName(QStringLiteral("Inès Moreau"));
    EXPECT_EQ(ines.company, QStringLiteral("Atlas Biotech"));
    EXPECT_EQ(ines.position, QStringLiteral("Directrice R&D"));
    EXPECT_EQ(ines.tags, QStringList { QStringLiteral("Clients") });
    EXPECT_EQ(ines.profileUrl, QStringLiteral("https://fr.linkedin.com/in/ines-moreau/"));
}

TEST_F(ImportTest, OutlookDesktopAndOutlookCsv)
{
    import("outlook-desktop.csv");
    const Contact jose = contactByName(QStringLiteral("José Álvarez"));
    EXPECT_EQ(jose.company, QStringLiteral("Meridian Bank"));
    EXPECT_EQ(jose.position, QStringLiteral("Treasury Analyst"));
    EXPECT_EQ(jose.email, QStringLiteral("jose.alvarez@example.es"));
    EXPECT_EQ(jose.phone, QStringLiteral("+34 91 123 45 67"));
    EXPECT_EQ(jose.location, QStringLiteral("Madrid, Spain"));
    EXPECT_EQ(jose.tags, (QStringList { QStringLiteral("Finance"), QStringLiteral("Clients") }));
    EXPECT_EQ(jose.notes, QStringLiteral("Asked about \"open banking\" APIs."));

    import("outlook-google.csv");
    const Contact kwame = contactByName(QStringLiteral("Kwame Mensah"));
    EXPECT_EQ(kwame.profileUrl, QStringLiteral("https://www.linkedin.com/in/kwame-mensah"));
    EXPECT_EQ(kwame.phone, QStringLiteral("+233 20 123 4567"));
    EXPECT_EQ(kwame.location, QStringLiteral("Accra, Ghana"));
}

TEST_F(ImportTest, MergingFillsEmptyFieldsNeverOverwritesAndUnitesTags)
{
    import("linkedin-connections.csv");
    Contact bram = contactByName(QStringLiteral("Bram Okonkwo"));
    bram.position = QStringLiteral("Chief Product Officer"); // typed by the user
    bram.notes = QStringLiteral("Prefers email.");
    ASSERT_TRUE(ContactRepository(db()).update(bram).ok());

    const ImportSummary google = import("google-contacts.csv");
    EXPECT_EQ(google.contactsMerged, 1);
    EXPECT_EQ(google.contactsAdded, 2);
    Contact merged = contactByName(QStringLiteral("Bram Okonkwo"));
    EXPECT_EQ(merged.position, QStringLiteral("Chief Product Officer"));
    EXPECT_EQ(merged.phone, QStringLiteral("+44 20 7946 0958"));
    EXPECT_EQ(merged.notes, QStringLiteral("Prefers email.\n\nMet at a product meetup"));
    EXPECT_EQ(merged.tags, QStringList { QStringLiteral("Product") });

    // Outlook finds him by his email, in another case, and adds nothing he has.
    const ImportSummary outlook = import("outlook-desktop.csv");
    EXPECT_EQ(outlook.contactsAdded, 1);
    EXPECT_EQ(outlook.contactsMerged, 0);
    EXPECT_EQ(contactByName(QStringLiteral("Bram Okonkwo")).tags, QStringList { QStringLiteral("Product") });
    EXPECT_EQ(ContactRepository(db()).count().value(), 7);
}

TEST_F(ImportTest, ImportingTheSameFileTwiceChangesNothing)
{
    const char* files[]
        = { "linkedin-connections.csv", "linkedin-connections-old.csv", "linkedin-connections-excel.csv",
            "linkedin-invitations.csv", "linkedin-messages.csv",        "linkedin-messages-attachments.csv",
            "google-contacts.csv",      "google-contacts-legacy.csv",   "outlook-desktop.csv",
            "outlook-google.csv",       "generic-semicolon.csv",        "generic-tab.tsv" };
    for (const char* file : files) {
        SCOPED_TRACE(file);
        import(file);
        const auto before = content();
        m_now = m_now.addDays(1); // a change would show in updated_at
        const ImportSummary again = import(file);
        EXPECT_EQ(again.contactsAdded, 0);
        EXPECT_EQ(again.contactsMerged, 0);
        EXPECT_EQ(again.interactionsAdded, 0);
        EXPECT_EQ(content(), before);
    }
}

TEST_F(ImportTest, GenericFilesUseAGuessedOrGivenMapping)
{
    const ParsedImport guessed = parse("generic-tab.tsv");
    EXPECT_EQ(guessed.mapping,
              (ColumnMapping { { QStringLiteral("Name"), QStringLiteral("name") },
                               { QStringLiteral("Company"), QStringLiteral("company") },
                               { QStringLiteral("LinkedIn"), QStringLiteral("profile_url") },
                               { QStringLiteral("Title"), QStringLiteral("position") } }));
    import("generic-tab.tsv");
    const Contact mara = contactByName(QStringLiteral("Mara Ilić"));
    EXPECT_EQ(mara.profileUrl, QStringLiteral("https://www.linkedin.com/in/mara-ilic"));
    EXPECT_EQ(mara.position, QStringLiteral("SRE Lead"));

    const QStringList header { QStringLiteral("Vorname"), QStringLiteral("Nachname"), QStringLiteral("Firma"),
                               QStringLiteral("E-Mail"), QStringLiteral("Notiz") };
    auto mapping = ImportFormats::parseMapping(
        QStringLiteral("Vorname=first_name,Nachname=last_name,firma=company,E-Mail=email,Notiz=notes"), header);
    ASSERT_TRUE(mapping.ok()) << mapping.error().toStdString();
    ImportOptions options;
    options.mapping = *mapping;
    import("generic-semicolon.csv", options);
    const Contact juergen = contactByName(QStringLiteral("Jürgen Weiß"));
    EXPECT_EQ(juergen.company, QStringLiteral("Grünwald AG"));
    EXPECT_EQ(juergen.notes, QStringLiteral("Kennt uns über \"Tech; Talk\""));
    // A German spreadsheet's header is guessed whole.
    EXPECT_EQ(parse("generic-semicolon.csv").mapping,
              (ColumnMapping { { QStringLiteral("Vorname"), QStringLiteral("first_name") },
                               { QStringLiteral("Nachname"), QStringLiteral("last_name") },
                               { QStringLiteral("Firma"), QStringLiteral("company") },
                               { QStringLiteral("E-Mail"), QStringLiteral("email") },
                               { QStringLiteral("Notiz"), QStringLiteral("notes") } }));

    EXPECT_FALSE(ImportFormats::parseMapping(QStringLiteral("Nope=first_name"), header).ok());
    EXPECT_FALSE(ImportFormats::parseMapping(QStringLiteral("Vorname=birthday"), header).ok());
}

TEST_F(ImportTest, AFileThatCannotBeUsedIsAnErrorNamingTheLine)
{
    for (const char* file : { "malformed-empty.csv", "malformed-binary.csv", "malformed-unterminated-quote.csv" }) {
        auto parsed = ImportFormats::readFile(fixture(file));
        EXPECT_FALSE(parsed.ok()) << file;
    }
    auto unterminated = ImportFormats::readFile(fixture("malformed-unterminated-quote.csv"));
    EXPECT_TRUE(unterminated.error().contains(QStringLiteral("Line 2"))) << unterminated.error().toStdString();
    ImportOptions wrongFormat;
    wrongFormat.format = ImportFormat::LinkedInMessages;
    auto mismatch = ImportFormats::readFile(fixture("linkedin-connections.csv"), wrongFormat);
    ASSERT_FALSE(mismatch.ok());
    EXPECT_TRUE(mismatch.error().contains(QStringLiteral("CONTENT"))) << mismatch.error().toStdString();

    const ImportSummary partial = import("malformed-field-count.csv");
    EXPECT_EQ(partial.contactsAdded, 2);
    ASSERT_EQ(partial.skipped.size(), 2);
    EXPECT_EQ(partial.skipped[0].line, 3);
    EXPECT_EQ(partial.skipped[1].line, 5);
}

TEST_F(ImportTest, ACancelledOrFailedImportLeavesTheDatabaseUnchanged)
{
    import("linkedin-connections.csv");
    const auto before = content();
    const ParsedImport google = parse("google-contacts.csv");
    int calls = 0;
    auto cancelled = Importer(db()).apply(google, [&](qint64 done, qint64 total) {
        EXPECT_LE(done, total);
        return ++calls < 2;
    });
    ASSERT_FALSE(cancelled.ok());
    EXPECT_TRUE(cancelled.error().contains(QStringLiteral("cancelled")));
    EXPECT_EQ(content(), before);

    // A record the database refuses midway (here: a table gone) rolls back the rows before it.
    ASSERT_TRUE(sql::exec(db().connection(),
                          QStringLiteral("CREATE TRIGGER refuse BEFORE INSERT ON interactions "
                                         "WHEN NEW.kind = 'message_received' BEGIN "
                                         "SELECT RAISE(ABORT, 'refused'); END"))
                    .ok());
    auto failed = Importer(db()).apply(parse("linkedin-messages.csv"));
    ASSERT_FALSE(failed.ok());
    EXPECT_TRUE(failed.error().contains(QStringLiteral("refused")));
    EXPECT_EQ(content(), before);
}

TEST_F(ImportTest, PreviewTellsWhatWouldHappenWithoutWriting)
{
    import("linkedin-connections-old.csv");
    const auto before = content();
    auto preview = Importer(db()).preview(parse("linkedin-connections.csv"));
    ASSERT_TRUE(preview.ok());
    EXPECT_EQ(content(), before);
    EXPECT_EQ(preview->contactsAdded, 2);
    ASSERT_EQ(preview->rows.size(), 4);
    EXPECT_EQ(preview->rows[0].action, ImportAction::Unchanged); // Ada, already connected
    EXPECT_EQ(preview->rows[2].action, ImportAction::Add);
    EXPECT_EQ(preview->rows[2].name, QStringLiteral("Chloé Dumont"));
    EXPECT_EQ(preview->rows[2].interactionsAdded, 1);
    const ImportSummary applied = import("linkedin-connections.csv");
    EXPECT_EQ(applied.contactsAdded, preview->contactsAdded);
    EXPECT_EQ(applied.interactionsAdded, preview->interactionsAdded);
}

// Text goes to the database as UTF-8 bytes cast back to text (see BatchInsert): every character must arrive as
// it was, as text, whether a column varies from row to row or holds the same value in all of them.
TEST_F(ImportTest, AwkwardTextIsStoredExactly)
{
    const QString awkward[] = {
        QStringLiteral("\"quoted\", with 'both' quotes and a \\backslash\\ and \\\\ two"),
        QStringLiteral("line one\nline two\r\nline three\rand\ttabs"),
        QString::fromUtf8(
            "emoji \xF0\x9F\x98\x80\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB, accents \xC3\xA9\xC3\xA8 "
            "e\xCC\x81, CJK \xE4\xB8\xAD\xE6\x96\x87, RTL \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D"),
        QStringLiteral("control \x01\x02\x1b\x1f and DEL \x7f"),
        QStringLiteral("{\"json\": [1, 2], \"x\": null} -- ; DROP TABLE contacts; /* */"),
        QString(CsvReader::kMaxFieldLength, u'x') + QString::fromUtf8("\xE2\x82\xAC end"),
    };
    ParsedImport parsed;
    parsed.format = ImportFormat::RapportContacts;
    int line = 2;
    for (const QString& text : awkward) {
        ImportRecord record;
        record.line = line;
        record.contact.firstName = QStringLiteral("Row");
        record.contact.lastName = QString::number(line);
        record.contact.notes = text;
        record.contact.company = QStringLiteral("Same in every row \"\\\n\xe9");
        Interaction note;
        note.kind = InteractionKind::Note;
        note.occurredAt = test::utc(2025, 1, line);
        note.text = text;
        record.interactions.append(note);
        parsed.records.append(record);
        ++line;
    }
    auto summary = Importer(db()).apply(parsed, {}, m_now);
    ASSERT_TRUE(summary.ok()) << summary.error().toStdString();
    EXPECT_EQ(summary->contactsAdded, int(std::size(awkward)));
    for (qsizetype i = 0; i < qsizetype(std::size(awkward)); ++i) {
        const QString name = QStringLiteral("Row ") + QString::number(i + 2);
        const Contact contact = contactByName(name);
        EXPECT_EQ(contact.notes, awkward[i]) << "row " << i;
        EXPECT_EQ(contact.company, QStringLiteral("Same in every row \"\\\n\xe9"));
        const QList<Interaction> log = logOf(name);
        ASSERT_EQ(log.size(), 1);
        EXPECT_EQ(log.first().text, awkward[i]) << "row " << i;
    }
    // Stored as text, not as the bytes they were bound as.
    auto types = sql::exec(db().connection(),
                           QStringLiteral("SELECT (SELECT count(*) FROM contacts WHERE typeof(notes) <> 'text' OR "
                                          "typeof(company) <> 'text' OR typeof(phone) <> 'text') + (SELECT count(*) "
                                          "FROM interactions WHERE typeof(text) <> 'text' OR typeof(url) <> 'text')"));
    ASSERT_TRUE(types.ok() && types->next());
    EXPECT_EQ(types->value(0).toInt(), 0);
}

// Many rows go in a statement, their texts encoded into one buffer: each row keeps its own text, empty ones
// stay empty (not NULL), and what cannot be UTF-8 (a lone surrogate) is stored as QString::toUtf8() writes it.
TEST_F(ImportTest, TextsOfManyRowsInOneStatementStayApart)
{
    const QString samples[] = {
        QString(),
        QString::fromUtf8("caf\xC3\xA9 \xF0\x9F\x98\x80 \xE4\xB8\xAD"),
        QString(QChar(0xD800)) + QStringLiteral(" lone high, and a lone low ") + QChar(0xDC00),
        QStringLiteral("plain"),
        QStringLiteral("ends in a high surrogate ") + QChar(0xD83D),
    };
    ParsedImport parsed;
    parsed.format = ImportFormat::RapportContacts;
    const int rows = 150; // two full statements and part of a third
    for (int i = 0; i < rows; ++i) {
        ImportRecord record;
        record.line = i + 2;
        record.contact.firstName = QStringLiteral("Row");
        record.contact.lastName = QString::number(i);
        record.contact.notes = samples[i % std::size(samples)];
        record.contact.company = i % 2 ? QString::number(i) : QString();
        Interaction note;
        note.kind = InteractionKind::Note;
        note.occurredAt = test::utc(2025, 1, 1).addSecs(i);
        note.text = samples[(i + 1) % std::size(samples)];
        record.interactions.append(note);
        parsed.records.append(record);
    }
    auto summary = Importer(db()).apply(parsed, {}, m_now);
    ASSERT_TRUE(summary.ok()) << summary.error().toStdString();
    EXPECT_EQ(summary->contactsAdded, rows);
    const auto stored = [](const QString& text) { return QString::fromUtf8(text.toUtf8()); };
    for (int i = 0; i < rows; ++i) {
        const QString name = QStringLiteral("Row ") + QString::number(i);
        const Contact contact = contactByName(name);
        EXPECT_EQ(contact.notes, stored(samples[i % std::size(samples)])) << "row " << i;
        EXPECT_EQ(contact.company, i % 2 ? QString::number(i) : QString()) << "row " << i;
        const QList<Interaction> log = logOf(name);
        ASSERT_EQ(log.size(), 1);
        EXPECT_EQ(log.first().text, stored(samples[(i + 1) % std::size(samples)])) << "row " << i;
    }
}

// A large first import rebuilds the indexes it dropped for speed, with the same definitions, and the unique one
// still holds; cancelled, it leaves them as they were.
TEST_F(ImportTest, ALargeFirstImportKeepsTheIndexes)
{
    const QString indexesQuery
        = QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name");
    auto indexes = [&] {
        QStringList all;
        auto query = sql::exec(db().connection(), indexesQuery);
        while (query && query->next())
            all.append(query->value(0).toString() + u'=' + query->value(1).toString());
        return all;
    };
    const QStringList before = indexes();
    ASSERT_TRUE(before.join(u'\n').contains(QStringLiteral("contacts_profile_key")));

    ParsedImport parsed;
    parsed.format = ImportFormat::LinkedInConnections;
    for (int i = 0; i < 2500; ++i) {
        ImportRecord record;
        record.line = i + 2;
        record.contact.firstName = QStringLiteral("Person");
        record.contact.lastName = QString::number(i);
        record.contact.profileUrl = QStringLiteral("https://www.linkedin.com/in/person-%1").arg((i * 7919) % 2500);
        record.contact.email = i % 3 == 0 ? QStringLiteral("p%1@example.com").arg(i) : QString();
        Interaction accepted;
        accepted.kind = InteractionKind::RequestAccepted;
        accepted.occurredAt = test::utc(2020, 1, 1).addDays((i * 37) % 1500);
        record.interactions.append(accepted);
        parsed.records.append(record);
    }

    int calls = 0;
    auto cancelled = Importer(db()).apply(
        parsed, [&](qint64, qint64) { return ++calls < 3; }, m_now);
    ASSERT_FALSE(cancelled.ok());
    EXPECT_EQ(indexes(), before);
    EXPECT_TRUE(ContactRepository(db()).all().value().isEmpty());

    auto summary = Importer(db()).apply(parsed, {}, m_now);
    ASSERT_TRUE(summary.ok()) << summary.error().toStdString();
    EXPECT_EQ(summary->contactsAdded, 2500);
    EXPECT_EQ(summary->interactionsAdded, 2500);
    EXPECT_EQ(indexes(), before);
    auto duplicate = sql::exec(db().connection(),
                               QStringLiteral("INSERT INTO contacts (first_name, profile_key, created_at, updated_at) "
                                              "SELECT 'Copy', profile_key, 0, 0 FROM contacts LIMIT 1"));
    EXPECT_FALSE(duplicate.ok());

    // The same file again finds every row through the rebuilt indexes' table: nothing changes.
    const auto content1 = content();
    auto again = Importer(db()).apply(parsed, {}, m_now);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->contactsAdded, 0);
    EXPECT_EQ(again->interactionsAdded, 0);
    EXPECT_EQ(content(), content1);
}

// The CLI streams a file through ImportStream, the window parses it whole: both give the same database and
// the same summary, file after file (so that later files merge into earlier ones).
TEST_F(ImportTest, AStreamedImportDoesWhatAParsedOneDoes)
{
    auto other = Database::open(m_dir.filePath(QStringLiteral("streamed.sqlite")));
    ASSERT_TRUE(other.ok()) << other.error().toStdString();
    for (const char* name :
         { "linkedin-connections-old.csv", "linkedin-connections.csv", "linkedin-connections-excel.csv",
           "linkedin-invitations.csv", "linkedin-messages.csv", "linkedin-messages-attachments.csv",
           "google-contacts.csv", "google-contacts-legacy.csv", "outlook-desktop.csv", "outlook-google.csv",
           "generic-semicolon.csv", "generic-tab.tsv", "malformed-field-count.csv" }) {
        const ImportSummary parsed = import(name);
        auto streamed = Importer(**other).apply(*stream(fixture(name)), {}, m_now);
        ASSERT_TRUE(streamed.ok()) << name << ": " << streamed.error().toStdString();
        EXPECT_EQ(streamed->format, parsed.format) << name;
        EXPECT_EQ(streamed->contactsAdded, parsed.contactsAdded) << name;
        EXPECT_EQ(streamed->contactsMerged, parsed.contactsMerged) << name;
        EXPECT_EQ(streamed->interactionsAdded, parsed.interactionsAdded) << name;
        EXPECT_EQ(streamed->skippedCount, parsed.skipped.size()) << name;
        ASSERT_EQ(streamed->skipped.size(), parsed.skipped.size()) << name;
        for (qsizetype i = 0; i < parsed.skipped.size(); ++i) {
            EXPECT_EQ(streamed->skipped[i].line, parsed.skipped[i].line) << name;
            EXPECT_EQ(streamed->skipped[i].reason, parsed.skipped[i].reason) << name;
        }
        EXPECT_TRUE(streamed->rows.isEmpty()) << name;
        EXPECT_EQ(ContactRepository(**other).all().value(), ContactRepository(db()).all().value()) << name;
        EXPECT_EQ(InteractionRepository(**other).all().value(), InteractionRepository(db()).all().value()) << name;
    }
}

// Records are matched and written a batch of a few thousand at a time. Across batches, a person listed twice is
// one contact (the later row fills what the earlier one left empty, or is found by its email alone), a
// connection is accepted once, a stored contact merged in two batches counts as merged once, and a contact the
// import added stays "added".
TEST_F(ImportTest, DuplicatesAcrossBatchesAreOneContact)
{
    const QString seed = connections(
        1, [](int) { return QByteArray("Stored,Person,https://www.linkedin.com/in/stored-person,,,,1 Jan 2020"); },
        "Seed.csv");
    ASSERT_EQ(Importer(db()).apply(*stream(seed), {}, m_now).value().contactsAdded, 1);

    constexpr int people = 6000;
    constexpr int byEmail = 100;
    const QString path = connections(2 * people + byEmail + 2, [&](int i) {
        if (i == 0)
            return QByteArray("Stored,Person,https://www.linkedin.com/in/stored-person,,Acme,,1 Jan 2020");
        if (i == 2 * people + byEmail + 1)
            return QByteArray("Stored,Person,https://www.linkedin.com/in/stored-person,stored@example.com,,,");
        const QByteArray first = "First" + QByteArray::number((i - 1) % people) + ",Last,";
        const QByteArray url = "https://www.linkedin.com/in/p-" + QByteArray::number((i - 1) % people);
        const QByteArray email = "p" + QByteArray::number((i - 1) % people) + "@example.com";
        const QByteArray date = QByteArray::number((i - 1) % 28 + 1) + " Nov 2022";
        if (i <= people)
            return first + url + ",,Company,Engineer," + date;
        if (i <= 2 * people) // listed again, with an email
            return first + url + "," + email + ",Company,Engineer," + date;
        return first + "," + email + ",,,"; // found by the email alone
    });
    const auto before = content();
    auto preview = Importer(db()).preview(*stream(path), {}, m_now);
    ASSERT_TRUE(preview.ok()) << preview.error().toStdString();
    EXPECT_EQ(content(), before);

    auto summary = Importer(db()).apply(*stream(path), {}, m_now);
    ASSERT_TRUE(summary.ok()) << summary.error().toStdString();
    EXPECT_EQ(summary->contactsAdded, people);
    EXPECT_EQ(summary->contactsMerged, 1);
    EXPECT_EQ(summary->interactionsAdded, people);
    EXPECT_EQ(summary->skippedCount, 0);
    EXPECT_EQ(preview->contactsAdded, summary->contactsAdded);
    EXPECT_EQ(preview->contactsMerged, summary->contactsMerged);
    EXPECT_EQ(preview->interactionsAdded, summary->interactionsAdded);

    EXPECT_EQ(ContactRepository(db()).all().value().size(), people + 1);
    const Contact stored = contactByName(QStringLiteral("Stored Person"));
    EXPECT_EQ(stored.company, QStringLiteral("Acme"));
    EXPECT_EQ(stored.email, QStringLiteral("stored@example.com"));
    const Contact last = contactByName(QStringLiteral("First5999 Last"));
    EXPECT_EQ(last.email, QStringLiteral("p5999@example.com"));
    EXPECT_EQ(last.profileUrl, QStringLiteral("https://www.linkedin.com/in/p-5999"));
    EXPECT_EQ(logOf(QStringLiteral("First5999 Last")).size(), 1);
    EXPECT_EQ(logOf(QStringLiteral("First0 Last")).size(), 1);

    // Everything is found again: nothing changes.
    const auto after = content();
    auto again = Importer(db()).apply(*stream(path), {}, m_now);
    ASSERT_TRUE(again.ok()) << again.error().toStdString();
    EXPECT_EQ(again->contactsAdded, 0);
    EXPECT_EQ(again->contactsMerged, 0);
    EXPECT_EQ(again->interactionsAdded, 0);
    EXPECT_EQ(content(), after);
}

// The window previews a file it has parsed whole: that preview only reads (another process may hold the write
// lock meanwhile) and tells what applying does, across batches too.
TEST_F(ImportTest, APreviewOfAParsedFileOnlyReads)
{
    import("linkedin-connections-old.csv");
    constexpr int people = 5000;
    const QString path = connections(2 * people, [&](int i) {
        const QByteArray person = QByteArray::number(i % people);
        return "First" + person + ",Last,https://www.linkedin.com/in/q-" + person + ","
            + (i < people ? QByteArray() : "q" + person + "@example.com") + ",,," + QByteArray::number(i % 28 + 1)
            + " Nov 2022";
    });
    const ParsedImport parsed = ImportFormats::readFile(path).value();
    auto writer = Database::open(this->path());
    ASSERT_TRUE(writer.ok());
    Result<ImportSummary> preview = Error { QString() };
    ASSERT_TRUE((*writer)
                    ->transaction([&]() -> Status {
                        preview = Importer(db()).preview(parsed, m_now);
                        return success();
                    })
                    .ok());
    ASSERT_TRUE(preview.ok()) << preview.error().toStdString();
    EXPECT_EQ(preview->rows.size(), 2 * people);
    const ImportSummary applied = Importer(db()).apply(parsed, {}, m_now).value();
    EXPECT_EQ(applied.contactsAdded, people);
    EXPECT_EQ(preview->contactsAdded, applied.contactsAdded);
    EXPECT_EQ(preview->contactsMerged, applied.contactsMerged);
    EXPECT_EQ(preview->interactionsAdded, applied.interactionsAdded);
}

// A stream's progress counts the file's bytes, ends at its size exactly, and never goes back.
TEST_F(ImportTest, AStreamedImportReportsItsProgressInBytes)
{
    const QString path = connections(10000, [](int i) {
        return "P" + QByteArray::number(i) + ",Q,https://www.linkedin.com/in/pq-" + QByteArray::number(i)
            + ",,,,1 Nov 2022";
    });
    const qint64 size = QFileInfo(path).size();
    QList<std::pair<qint64, qint64>> calls;
    auto summary = Importer(db()).apply(*stream(path), [&](qint64 done, qint64 total) {
        calls.append({ done, total });
        return true;
    });
    ASSERT_TRUE(summary.ok());
    ASSERT_GE(calls.size(), 3);
    for (qsizetype i = 0; i < calls.size(); ++i) {
        EXPECT_EQ(calls[i].second, size);
        EXPECT_LE(calls[i].first, size);
        if (i > 0) {
            EXPECT_GE(calls[i].first, calls[i - 1].first);
        }
    }
    EXPECT_EQ(calls.last().first, size);

    // Cancelled midway, nothing of it stays.
    const auto before = content();
    const QString more = connections(
        10000, [](int i) { return "New" + QByteArray::number(i) + ",R,,,,,1 Nov 2022"; }, "New.csv");
    int count = 0;
    auto cancelled = Importer(db()).apply(*stream(more), [&](qint64, qint64) { return ++count < 2; });
    ASSERT_FALSE(cancelled.ok());
    EXPECT_TRUE(cancelled.error().contains(QStringLiteral("cancelled")));
    EXPECT_EQ(content(), before);
}

// A file of unusable rows must not take a message's memory per row: the first are listed, all are counted.
TEST_F(ImportTest, AStreamListsTheFirstSkippedRowsAndCountsThemAll)
{
    const QString path = connections(5000, [](int i) {
        return i % 2 ? QByteArray(",,,,Nobody,,1 Nov 2022") : "A" + QByteArray::number(i) + ",B,,,,,someday";
    });
    auto summary = Importer(db()).apply(*stream(path), {}, m_now);
    ASSERT_TRUE(summary.ok());
    EXPECT_EQ(summary->skippedCount, 5000);
    ASSERT_EQ(summary->skipped.size(), 1000);
    EXPECT_EQ(summary->skipped.first().line, 5);
    EXPECT_EQ(summary->skipped.last().line, 1004);
    EXPECT_TRUE(summary->skipped[0].reason.contains(QStringLiteral("someday")));
    EXPECT_TRUE(summary->skipped[1].reason.contains(QStringLiteral("no name")));
}

// A field too long to be real, before the header could be seen: the error names it and its line, instead of
// guessing a header from the lines before it ("No column gives a name").
TEST_F(ImportTest, AFieldTooLongIsNamedWithItsLine)
{
    const QString path = m_dir.filePath(QStringLiteral("Connections.csv"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("Notes:\n\"" + QByteArray(3 << 20, 'x')
               + "\"\n\n"
                 "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                 "Ada,Quill,https://www.linkedin.com/in/ada-quill,,,,1 Nov 2022\n");
    file.close();
    for (const QString& error : { ImportFormats::readFile(path).error(), ImportStream::openFile(path).error() }) {
        EXPECT_TRUE(error.startsWith(QStringLiteral("Line 2: a field longer than"))) << error.toStdString();
        EXPECT_FALSE(error.contains(u'\n')) << error.toStdString();
    }
}

} // namespace
} // namespace rapport
