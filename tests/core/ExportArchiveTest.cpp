#include "TestDatabase.h"

#include "core/io/ArchiveImport.h"
#include "core/io/ExportArchive.h"
#include "core/io/ImportUndo.h"
#include "core/io/Importer.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/InteractionRepository.h"

#include <QFile>
#include <QIODevice>

#include <zip.h>

#include <gtest/gtest.h>

namespace rapport::test {

namespace {

struct ArchiveFile
{
    QString name;
    QByteArray content;
    bool stored = false; // not compressed, so that a test can find its bytes in the archive
};

// Writes a ZIP archive with libzip, encrypting every file with `password` if one is given.
void writeArchive(const QString& path, const QList<ArchiveFile>& files, const char* password = nullptr)
{
    int error = 0;
    zip_t* zip = zip_open(QFile::encodeName(path).constData(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    ASSERT_NE(zip, nullptr) << error;
    for (const ArchiveFile& file : files) {
        // The content is read at zip_close(), while `files` still holds it.
        zip_source_t* source = zip_source_buffer(zip, file.content.constData(), zip_uint64_t(file.content.size()), 0);
        ASSERT_NE(source, nullptr);
        const zip_int64_t index = zip_file_add(zip, file.name.toUtf8().constData(), source, ZIP_FL_ENC_UTF_8);
        ASSERT_GE(index, 0) << zip_strerror(zip);
        if (file.stored) {
            ASSERT_EQ(zip_set_file_compression(zip, zip_uint64_t(index), ZIP_CM_STORE, 0), 0);
        }
        if (password) {
            ASSERT_EQ(zip_file_set_encryption(zip, zip_uint64_t(index), ZIP_EM_AES_256, password), 0)
                << zip_strerror(zip);
        }
    }
    ASSERT_EQ(zip_close(zip), 0) << zip_strerror(zip);
}

const QByteArray kConnections = "Notes:\n"
                                "\"When exporting your connection data, you may notice that some of the email "
                                "addresses are missing.\"\n"
                                "\n"
                                "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                                "Mary Ann,Quill,https://www.linkedin.com/in/mary-ann-quill,,Northwind,Data "
                                "Engineer,21 Nov 2022\n"
                                "Bram,Okonkwo,https://www.linkedin.com/in/bram-okonkwo,bram@example.com,Harbor & "
                                "Vale,CTO,01-Jul-25\n";
const QByteArray kInvitations
    = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
      "Sam Rivera,Elena Sokolova,\"10/2/25, 4:05 PM\",,OUTGOING,https://www.linkedin.com/in/sam-rivera,"
      "https://www.linkedin.com/in/elena-sokolova\n";
// Sam is the archive's owner: the most frequent sender. Mary Ann and Bram are connections.
const QByteArray kMessages
    = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,"
      "FOLDER\n"
      "c1,,Sam Rivera,https://www.linkedin.com/in/sam-rivera,Bram Okonkwo,https://www.linkedin.com/in/bram-okonkwo,"
      "2025-10-06 23:49:02 UTC,,\"Thanks for connecting, Bram!\",INBOX\n"
      "c1,,Bram Okonkwo,https://www.linkedin.com/in/bram-okonkwo,Sam Rivera,https://www.linkedin.com/in/sam-rivera,"
      "2025-10-07 08:12:45 UTC,,Great read!,INBOX\n"
      "c2,,Mary Ann Quill,https://www.linkedin.com/in/mary-ann-quill,Sam Rivera,https://www.linkedin.com/in/sam-rivera,"
      "2025-10-08 10:00:00 UTC,,Hello Sam,INBOX\n"
      "c2,,Sam Rivera,https://www.linkedin.com/in/sam-rivera,Mary Ann Quill,https://www.linkedin.com/in/mary-ann-quill,"
      "2025-10-08 11:00:00 UTC,,Hello Mary Ann,INBOX\n";

} // namespace

class ExportArchiveTest : public DatabaseTest
{
protected:
    QString archivePath(const char* name = "Basic_LinkedInDataExport_12-01-2026.zip") const
    {
        return m_dir.filePath(QString::fromLatin1(name));
    }
    // The three files in a folder, in the archive's order messages, invitations, connections: the import
    // must not follow it.
    QString writeExport()
    {
        const QString path = archivePath();
        writeArchive(path,
                     { { QStringLiteral("Basic_LinkedInDataExport_12-01-2026/messages.csv"), kMessages },
                       { QStringLiteral("Basic_LinkedInDataExport_12-01-2026/Invitations.csv"), kInvitations },
                       { QStringLiteral("Basic_LinkedInDataExport_12-01-2026/Profile.csv"), "First Name\nSam\n" },
                       { QStringLiteral("Basic_LinkedInDataExport_12-01-2026/CONNECTIONS.CSV"), kConnections } });
        return path;
    }
    int contacts() { return ContactRepository(db()).count().value_or(-1); }
    int interactions()
    {
        auto all = InteractionRepository(db()).all();
        return all ? int(all->size()) : -1;
    }
};

TEST_F(ExportArchiveTest, ListsItsFilesAndTheLinkedInOnesInTheOrderTheyImport)
{
    auto archive = ExportArchive::open(writeExport());
    ASSERT_TRUE(archive.ok()) << archive.error().toStdString();
    ASSERT_EQ((*archive)->entries().size(), 4);
    EXPECT_EQ((*archive)->entries().at(0).size, kMessages.size());
    QStringList order;
    for (const ExportArchive::Entry& entry : (*archive)->linkedInFiles())
        order.append(entry.name.section(u'/', -1));
    EXPECT_EQ(order,
              (QStringList { QStringLiteral("CONNECTIONS.CSV"), QStringLiteral("Invitations.csv"),
                             QStringLiteral("messages.csv") }));
}

TEST_F(ExportArchiveTest, ImportsConnectionsInvitationsAndMessagesInOneGoWithOneSummaryEach)
{
    auto summaries = ArchiveImport::run(db(), writeExport(), {}, false);
    ASSERT_TRUE(summaries.ok()) << summaries.error().toStdString();
    ASSERT_EQ(summaries->size(), 3);
    EXPECT_EQ(summaries->at(0).summary.format, ImportFormat::LinkedInConnections);
    EXPECT_EQ(summaries->at(0).summary.contactsAdded, 2);
    EXPECT_EQ(summaries->at(1).summary.format, ImportFormat::LinkedInInvitations);
    EXPECT_EQ(summaries->at(1).summary.contactsAdded, 1);
    // The messages find the connections (the owner, Sam, is never a contact).
    EXPECT_EQ(summaries->at(2).summary.format, ImportFormat::LinkedInMessages);
    EXPECT_EQ(summaries->at(2).summary.contactsAdded, 0);
    EXPECT_EQ(summaries->at(2).summary.interactionsAdded, 4);
    EXPECT_EQ(contacts(), 3);
    EXPECT_EQ(interactions(), 2 + 1 + 4);

    // Made from the connection's row, as LinkedIn splits the name, not from the messages' "Mary Ann Quill".
    auto all = ContactRepository(db()).all();
    ASSERT_TRUE(all.ok());
    const auto mary
        = std::find_if(all->cbegin(), all->cend(), [](const Contact& contact) { return contact.lastName == u"Quill"; });
    ASSERT_NE(mary, all->cend());
    EXPECT_EQ(mary->firstName, QStringLiteral("Mary Ann"));
    EXPECT_EQ(mary->company, QStringLiteral("Northwind"));

    // Importing it again changes nothing.
    auto again = ArchiveImport::run(db(), archivePath(), {}, false);
    ASSERT_TRUE(again.ok()) << again.error().toStdString();
    for (const ArchiveImport::FileSummary& file : std::as_const(*again)) {
        EXPECT_EQ(file.summary.contactsAdded, 0) << file.path.toStdString();
        EXPECT_EQ(file.summary.interactionsAdded, 0) << file.path.toStdString();
    }
    EXPECT_EQ(contacts(), 3);
}

TEST_F(ExportArchiveTest, ADryRunCountsWhatTheImportWouldDoAndChangesNothing)
{
    auto summaries = ArchiveImport::run(db(), writeExport(), {}, true);
    ASSERT_TRUE(summaries.ok()) << summaries.error().toStdString();
    ASSERT_EQ(summaries->size(), 3);
    EXPECT_EQ(summaries->at(0).summary.contactsAdded, 2);
    // The messages see the connections the dry run brought: nothing added for them.
    EXPECT_EQ(summaries->at(2).summary.contactsAdded, 0);
    EXPECT_EQ(summaries->at(2).summary.interactionsAdded, 4);
    EXPECT_EQ(contacts(), 0);
    EXPECT_EQ(interactions(), 0);
}

TEST_F(ExportArchiveTest, ImportsTheSubsetItHolds)
{
    const QString path = archivePath();
    writeArchive(path, { { QStringLiteral("invitations.csv"), kInvitations } });
    auto summaries = ArchiveImport::run(db(), path, {}, false);
    ASSERT_TRUE(summaries.ok()) << summaries.error().toStdString();
    ASSERT_EQ(summaries->size(), 1);
    EXPECT_EQ(summaries->at(0).summary.contactsAdded, 1);
    EXPECT_EQ(contacts(), 1);
}

TEST_F(ExportArchiveTest, AnArchiveWithoutLinkedInFilesIsRefused)
{
    const QString path = archivePath();
    writeArchive(path, { { QStringLiteral("Profile.csv"), "First Name\nSam\n" } });
    auto summaries = ArchiveImport::run(db(), path, {}, false);
    ASSERT_FALSE(summaries.ok());
    EXPECT_TRUE(summaries.error().contains(QStringLiteral("Connections.csv"))) << summaries.error().toStdString();
}

TEST_F(ExportArchiveTest, AnEncryptedArchiveIsRefusedAndNothingImported)
{
    const QString path = archivePath();
    writeArchive(path, { { QStringLiteral("Connections.csv"), kConnections } }, "secret");
    auto archive = ExportArchive::open(path);
    ASSERT_TRUE(archive.ok()) << archive.error().toStdString();
    EXPECT_TRUE((*archive)->entries().at(0).encrypted);
    auto summaries = ArchiveImport::run(db(), path, {}, false);
    ASSERT_FALSE(summaries.ok());
    EXPECT_TRUE(summaries.error().contains(QStringLiteral("encrypted"))) << summaries.error().toStdString();
    EXPECT_EQ(contacts(), 0);
}

TEST_F(ExportArchiveTest, ATruncatedArchiveIsRefused)
{
    const QString path = writeExport();
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadWrite));
    ASSERT_TRUE(file.resize(file.size() / 2)); // the directory at its end is gone
    file.close();
    auto summaries = ArchiveImport::run(db(), path, {}, false);
    ASSERT_FALSE(summaries.ok());
    EXPECT_TRUE(summaries.error().contains(QStringLiteral("ZIP"))) << summaries.error().toStdString();
    EXPECT_EQ(contacts(), 0);
}

// The connections are good and come first; the messages' bytes are damaged: neither is imported.
TEST_F(ExportArchiveTest, ADamagedFileIsRefusedAndNothingImported)
{
    const QString path = archivePath();
    writeArchive(
        path,
        { { QStringLiteral("Connections.csv"), kConnections }, { QStringLiteral("messages.csv"), kMessages, true } });
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadWrite));
    QByteArray bytes = file.readAll();
    const qsizetype at = bytes.indexOf("Great read!");
    ASSERT_GT(at, 0);
    bytes[at] = 'g';
    ASSERT_TRUE(file.seek(0));
    ASSERT_EQ(file.write(bytes), bytes.size());
    file.close();

    auto summaries = ArchiveImport::run(db(), path, {}, false);
    ASSERT_FALSE(summaries.ok());
    EXPECT_TRUE(summaries.error().contains(QStringLiteral("damaged"))) << summaries.error().toStdString();
    EXPECT_TRUE(summaries.error().contains(QStringLiteral("messages.csv"))) << summaries.error().toStdString();
    EXPECT_EQ(contacts(), 0);
}

// A file larger than the reader's chunks and the sniffer's sample is read from the archive twice (the dialect,
// then the rows) and must come out whole both times.
TEST_F(ExportArchiveTest, AFileLargerThanTheReadersChunksIsReadWhole)
{
    QByteArray connections = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
    for (int i = 0; i < 5000; ++i) {
        connections += QStringLiteral("Person,Number %1,https://www.linkedin.com/in/person-%1,,Company %1,Engineer,"
                                      "21 Nov 2022\n")
                           .arg(i)
                           .toUtf8();
    }
    ASSERT_GT(connections.size(), 300 * 1024);
    const QString path = archivePath();
    writeArchive(path, { { QStringLiteral("export/Connections.csv"), connections } });
    auto summaries = ArchiveImport::run(db(), path, {}, false);
    ASSERT_TRUE(summaries.ok()) << summaries.error().toStdString();
    EXPECT_EQ(summaries->at(0).summary.contactsAdded, 5000);
    EXPECT_EQ(summaries->at(0).summary.skippedCount, 0);
}

// The window imports the archive's files by their paths through it, as the wizard's files, and undo's redo
// reads them again: the fingerprint is the archive's.
TEST_F(ExportArchiveTest, AFileInsideTheArchiveIsImportedByItsPath)
{
    const QString path = writeExport();
    auto paths = ExportArchive::importPaths(path);
    ASSERT_TRUE(paths.ok()) << paths.error().toStdString();
    ASSERT_EQ(paths->size(), 3);
    EXPECT_EQ(paths->at(0), path + QStringLiteral("/Basic_LinkedInDataExport_12-01-2026/CONNECTIONS.CSV"));
    EXPECT_EQ(ExportArchive::archiveOf(paths->at(0)), path);
    EXPECT_TRUE(ExportArchive::archiveOf(path).isEmpty());
    EXPECT_EQ(ExportArchive::fileSize(paths->at(0)), kConnections.size());
    EXPECT_EQ(ImportUndo::fingerprint(paths->at(0)).value_or({}), ImportUndo::fingerprint(path).value_or({}));

    Importer importer(db());
    for (const QString& file : std::as_const(*paths)) {
        ImportSource source { file, {}, std::nullopt, ImportUndo::fingerprint(file).value_or({}) };
        auto summary = ImportUndo::importFile(importer, source, {});
        ASSERT_TRUE(summary.ok()) << summary.error().toStdString();
    }
    EXPECT_EQ(contacts(), 3);
    EXPECT_EQ(interactions(), 7);

    auto missing = ExportArchive::openFile(path + QStringLiteral("/Connections.csv"));
    ASSERT_FALSE(missing.ok());
    EXPECT_TRUE(missing.error().contains(QStringLiteral("no file"))) << missing.error().toStdString();
}

} // namespace rapport::test
