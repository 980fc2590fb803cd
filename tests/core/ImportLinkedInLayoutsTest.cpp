#include "core/io/ImportFormats.h"
#include "core/io/Importer.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/InteractionRepository.h"
#include "tests/core/TestDatabase.h"

#include <QBuffer>

#include <gtest/gtest.h>

// LinkedIn's export layouts since 2018 (domain: Import and export), from synthetic files with their quirks.
namespace rapport {
namespace {

class ImportLinkedInLayoutsTest : public test::DatabaseTest
{
protected:
    ParsedImport read(const QByteArray& text, const ImportOptions& options = {})
    {
        QByteArray data = text;
        QBuffer buffer(&data);
        buffer.open(QIODevice::ReadOnly);
        auto parsed = ImportFormats::read(&buffer, options);
        EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().toStdString());
        return parsed.ok() ? *parsed : ParsedImport();
    }

    ImportSummary import(const QByteArray& text, const ImportOptions& options = {})
    {
        auto summary = Importer(db()).apply(read(text, options));
        EXPECT_TRUE(summary.ok()) << (summary.ok() ? "" : summary.error().toStdString());
        return summary.ok() ? *summary : ImportSummary();
    }

    QStringList contactNames()
    {
        QStringList names;
        for (const Contact& contact : ContactRepository(db()).all().value())
            names.append(contact.fullName());
        names.sort();
        return names;
    }

    QList<Interaction> logOf(const QString& fullName)
    {
        for (const Contact& contact : ContactRepository(db()).all().value()) {
            if (contact.fullName() == fullName)
                return InteractionRepository(db()).forContact(contact.id).value();
        }
        ADD_FAILURE() << "no contact " << fullName.toStdString();
        return {};
    }

    static QString reasons(const ParsedImport& parsed)
    {
        QStringList lines;
        for (const ImportIssue& issue : parsed.skipped)
            lines.append(QStringLiteral("%1: %2").arg(issue.line).arg(issue.reason));
        return lines.join(u'\n');
    }
};

TEST_F(ImportLinkedInLayoutsTest, Connections2018WithoutUrlAndWithTheirDates)
{
    const ParsedImport parsed = read("First Name,Last Name,Email Address,Company,Position,Connected On\n"
                                     "Ada,Quill,,Northwind,Engineer,\"1/8/18, 6:14 PM\"\n"
                                     "Bram,Okonkwo,,Harbor,Product,4-Mar-18\n"
                                     "Chloé,Dumont,,Atelier,Founder,21-Nov-22\n");
    EXPECT_EQ(parsed.format, ImportFormat::LinkedInConnections);
    EXPECT_TRUE(parsed.skipped.isEmpty()) << reasons(parsed).toStdString();
    ASSERT_EQ(parsed.records.size(), 3);
    EXPECT_EQ(parsed.records[0].interactions.value(0).occurredAt, test::utc(2018, 1, 8, 18, 14));
    EXPECT_EQ(parsed.records[1].interactions.value(0).occurredAt, test::utc(2018, 3, 4));
    EXPECT_EQ(parsed.records[2].interactions.value(0).occurredAt, test::utc(2022, 11, 21));
    EXPECT_EQ(parsed.records[0].interactions.value(0).kind, InteractionKind::RequestAccepted);
}

TEST_F(ImportLinkedInLayoutsTest, ConnectionsChosenByHandFindAColumnRenamedAroundItsName)
{
    ImportOptions options;
    options.format = ImportFormat::LinkedInConnections;
    const ParsedImport parsed = read("De-Identified First Name,Last Name,Email Address,Company,Position,Connected On\n"
                                     "Yam,,,eTeam,Recruiter,12-Oct-20\n",
                                     options);
    ASSERT_EQ(parsed.records.size(), 1) << reasons(parsed).toStdString();
    EXPECT_EQ(parsed.records[0].contact.firstName, QStringLiteral("Yam"));
    EXPECT_EQ(parsed.records[0].interactions.value(0).occurredAt, test::utc(2020, 10, 12));
}

TEST_F(ImportLinkedInLayoutsTest, Invitations2018HaveFiveColumnsAndTheirTimes)
{
    const ImportSummary summary = import("From,To,Sent At,Message,Direction\n"
                                         "Sam Rivera,Ada Quill,\"8/18/18, 9:08 AM\",Hi Ada,OUTGOING\n"
                                         "Farid Haddad,Sam Rivera,\"8/19/18, 10:30 PM\",,INCOMING\n");
    EXPECT_EQ(summary.contactsAdded, 2);
    EXPECT_TRUE(summary.skipped.isEmpty());
    const QList<Interaction> ada = logOf(QStringLiteral("Ada Quill"));
    ASSERT_EQ(ada.size(), 1);
    EXPECT_EQ(ada[0].kind, InteractionKind::RequestSent);
    EXPECT_EQ(ada[0].occurredAt, test::utc(2018, 8, 18, 9, 8));
    EXPECT_EQ(logOf(QStringLiteral("Farid Haddad")).value(0).occurredAt, test::utc(2018, 8, 19, 22, 30));
    EXPECT_EQ(contactNames(), (QStringList { QStringLiteral("Ada Quill"), QStringLiteral("Farid Haddad") }));
}

TEST_F(ImportLinkedInLayoutsTest, Messages2018TellSentFromReceivedByDirectionAndDecodeHtml)
{
    const QByteArray file = "From,To,Date,Subject,Content,Direction,Folder\n"
                            "Bram Okonkwo,Sam Rivera,\"4/5/18, 1:23 PM\",Roadmaps,"
                            "\"I&rsquo;m in &amp; ready &#39;now&#39; &lt;3\",INCOMING,INBOX\n"
                            "Sam Rivera,Bram Okonkwo,2018-04-06 09:00:00 UTC,,Great &#x2014; see you,OUTGOING,SENT\n"
                            "Sam Rivera,Dev Raman,\"4/7/18, 8:00 AM\",,Not sent,OUTGOING,DRAFT\n"
                            ",Sam Rivera,\"4/8/18, 8:00 AM\",,From nobody,INCOMING,INBOX\n";
    const ParsedImport parsed = read(file);
    EXPECT_EQ(parsed.format, ImportFormat::LinkedInMessages);
    ASSERT_EQ(parsed.records.size(), 2);
    EXPECT_EQ(parsed.records[0].interactions.value(0).text, QStringLiteral("Roadmaps\n\nI’m in & ready 'now' <3"));
    EXPECT_EQ(parsed.records[1].interactions.value(0).text, QStringLiteral("Great — see you"));
    ASSERT_EQ(parsed.skipped.size(), 2) << reasons(parsed).toStdString();
    EXPECT_EQ(parsed.skipped[0].line, 4);
    EXPECT_EQ(parsed.skipped[1].line, 5);

    import(file);
    // The user (Sam) is never a contact: Direction says who the other party is.
    EXPECT_EQ(contactNames(), QStringList { QStringLiteral("Bram Okonkwo") });
    const QList<Interaction> bram = logOf(QStringLiteral("Bram Okonkwo"));
    ASSERT_EQ(bram.size(), 2);
    EXPECT_EQ(bram[0].kind, InteractionKind::MessageReceived);
    EXPECT_EQ(bram[0].occurredAt, test::utc(2018, 4, 5, 13, 23));
    EXPECT_EQ(bram[1].kind, InteractionKind::MessageSent);
    EXPECT_EQ(bram[1].occurredAt, test::utc(2018, 4, 6, 9, 0));
}

TEST_F(ImportLinkedInLayoutsTest, MessagesWithNineColumnsImport)
{
    const ImportSummary summary
        = import("CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n"
                 "c1,,Sam Rivera,https://www.linkedin.com/in/sam,Bram Okonkwo,2023-03-01 10:00:00 UTC,,Hello,INBOX\n"
                 "c1,,Bram Okonkwo,https://www.linkedin.com/in/bram,Sam Rivera,2023-03-01 11:00:00 UTC,,Hi!,INBOX\n"
                 "c2,,Sam Rivera,https://www.linkedin.com/in/sam,Dev Raman,2023-03-02 10:00:00 UTC,,Congrats,INBOX\n");
    EXPECT_EQ(summary.interactionsAdded, 3);
    EXPECT_EQ(contactNames(), (QStringList { QStringLiteral("Bram Okonkwo"), QStringLiteral("Dev Raman") }));
    const QList<Interaction> bram = logOf(QStringLiteral("Bram Okonkwo"));
    ASSERT_EQ(bram.size(), 2);
    EXPECT_EQ(bram[0].kind, InteractionKind::MessageSent);
    EXPECT_EQ(bram[1].kind, InteractionKind::MessageReceived);
}

TEST_F(ImportLinkedInLayoutsTest, DraftsAreNotMessages)
{
    const QByteArray header = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
                              "DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT";
    for (const QByteArray& layout : { header + "\n", header + ",IS CONVERSATION DRAFT\n" }) {
        const bool twelve = !layout.contains("IS CONVERSATION DRAFT");
        const QByteArray end = twelve ? "" : ",No";
        const QByteArray draftEnd = twelve ? "" : ",Yes";
        const ParsedImport parsed = read(
            layout + "c1,,Sam Rivera,https://www.linkedin.com/in/sam,Bram Okonkwo,https://www.linkedin.com/in/bram,"
            + "2024-05-01 10:00:00 UTC,,Sent,INBOX,,No" + end + "\n"
            + "c1,,Sam Rivera,https://www.linkedin.com/in/sam,Bram Okonkwo,https://www.linkedin.com/in/bram,"
            + "2024-05-02 10:00:00 UTC,,Half written,INBOX,,Yes" + draftEnd + "\n"
            + "c1,,Bram Okonkwo,https://www.linkedin.com/in/bram,Sam Rivera,https://www.linkedin.com/in/sam,"
            + "2024-05-03 10:00:00 UTC,,Thanks,INBOX,,No" + end + "\n");
        EXPECT_EQ(parsed.records.size(), 2) << (twelve ? 12 : 13);
        ASSERT_EQ(parsed.skipped.size(), 1) << reasons(parsed).toStdString();
        EXPECT_EQ(parsed.skipped[0].line, 3);
        EXPECT_TRUE(parsed.skipped[0].reason.contains(QStringLiteral("draft"))) << reasons(parsed).toStdString();
    }
}

TEST_F(ImportLinkedInLayoutsTest, AnEmptyFromOrToNeverMakesTheOwnerAContact)
{
    // More rows without a sender than from the user: the empty name is nobody, and never the user's.
    const QByteArray file
        = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,"
          "FOLDER\n"
          "c1,,,,Sam Rivera,https://www.linkedin.com/in/sam,2024-01-01 10:00:00 UTC,,Sponsored,INBOX\n"
          "c2,,,,Sam Rivera,https://www.linkedin.com/in/sam,2024-01-02 10:00:00 UTC,,Sponsored,INBOX\n"
          "c3,,,,Sam Rivera,https://www.linkedin.com/in/sam,2024-01-03 10:00:00 UTC,,Sponsored,INBOX\n"
          "c4,,Sam Rivera,https://www.linkedin.com/in/sam,Bram Okonkwo,https://www.linkedin.com/in/bram,"
          "2024-01-04 10:00:00 UTC,,Hello,INBOX\n"
          "c4,,Bram Okonkwo,https://www.linkedin.com/in/bram,Sam Rivera,https://www.linkedin.com/in/sam,"
          "2024-01-05 10:00:00 UTC,,Hi,INBOX\n"
          "c4,,Sam Rivera,https://www.linkedin.com/in/sam,Bram Okonkwo,https://www.linkedin.com/in/bram,"
          "2024-01-06 10:00:00 UTC,,How are you?,INBOX\n"
          "c5,,Sam Rivera,https://www.linkedin.com/in/sam,,,2024-01-07 10:00:00 UTC,,To nobody,INBOX\n";
    const ParsedImport parsed = read(file);
    EXPECT_EQ(parsed.ownName, QStringLiteral("Sam Rivera"));
    ASSERT_EQ(parsed.skipped.size(), 4) << reasons(parsed).toStdString();
    for (const ImportIssue& issue : parsed.skipped)
        EXPECT_TRUE(issue.reason.contains(QStringLiteral("unknown"))) << issue.reason.toStdString();

    import(file);
    EXPECT_EQ(contactNames(), QStringList { QStringLiteral("Bram Okonkwo") });
    const QList<Interaction> bram = logOf(QStringLiteral("Bram Okonkwo"));
    ASSERT_EQ(bram.size(), 3);
    EXPECT_EQ(bram[0].kind, InteractionKind::MessageSent);
    EXPECT_EQ(bram[1].kind, InteractionKind::MessageReceived);
    EXPECT_EQ(bram[2].kind, InteractionKind::MessageSent);
}

TEST_F(ImportLinkedInLayoutsTest, TheUserIsFoundEvenWhenOthersWroteMore)
{
    // Two recruiters wrote three messages each; the user answered one of them once. The user takes part in
    // every conversation.
    const ParsedImport parsed
        = read("CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,"
               "CONTENT,FOLDER\n"
               "c1,,Ana Lee,https://www.linkedin.com/in/ana,Sam Rivera,https://www.linkedin.com/in/sam,"
               "2024-01-01 10:00:00 UTC,,Job?,INBOX\n"
               "c1,,Ana Lee,https://www.linkedin.com/in/ana,Sam Rivera,https://www.linkedin.com/in/sam,"
               "2024-01-02 10:00:00 UTC,,Job??,INBOX\n"
               "c1,,Ana Lee,https://www.linkedin.com/in/ana,Sam Rivera,https://www.linkedin.com/in/sam,"
               "2024-01-03 10:00:00 UTC,,Job???,INBOX\n"
               "c2,,Bo Chen,https://www.linkedin.com/in/bo,Sam Rivera,https://www.linkedin.com/in/sam,"
               "2024-01-04 10:00:00 UTC,,Role?,INBOX\n"
               "c2,,Bo Chen,https://www.linkedin.com/in/bo,Sam Rivera,https://www.linkedin.com/in/sam,"
               "2024-01-05 10:00:00 UTC,,Role??,INBOX\n"
               "c2,,Bo Chen,https://www.linkedin.com/in/bo,Sam Rivera,https://www.linkedin.com/in/sam,"
               "2024-01-06 10:00:00 UTC,,Role???,INBOX\n"
               "c2,,Sam Rivera,https://www.linkedin.com/in/sam,Bo Chen,https://www.linkedin.com/in/bo,"
               "2024-01-07 10:00:00 UTC,,No thanks,INBOX\n");
    EXPECT_EQ(parsed.ownName, QStringLiteral("Sam Rivera"));
}

TEST_F(ImportLinkedInLayoutsTest, SkipReasonsFitTheFormat)
{
    const ParsedImport connections = read("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                                          ",,,,,,21 Nov 2022\n");
    ASSERT_EQ(connections.skipped.size(), 1);
    EXPECT_TRUE(connections.skipped[0].reason.contains(QStringLiteral("left LinkedIn")));

    const ParsedImport generic = read("Name,City\nAda Quill,Paris\n,London\n");
    ASSERT_EQ(generic.skipped.size(), 1);
    EXPECT_TRUE(generic.skipped[0].reason.contains(QStringLiteral("no name")));
    EXPECT_FALSE(generic.skipped[0].reason.contains(QStringLiteral("LinkedIn")));

    const ParsedImport invitations = read("From,To,Sent At,Message,Direction\n"
                                          "Sam Rivera,,\"8/18/18, 9:08 AM\",,OUTGOING\n");
    ASSERT_EQ(invitations.skipped.size(), 1);
    EXPECT_FALSE(invitations.skipped[0].reason.contains(QStringLiteral("LinkedIn")));
}

} // namespace
} // namespace rapport
