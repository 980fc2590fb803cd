#include "core/io/DemoData.h"
#include "core/io/Exporter.h"
#include "core/io/ImportFormats.h"
#include "core/io/Importer.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/InteractionRepository.h"
#include "tests/core/TestDatabase.h"

#include <QFile>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

#include <gtest/gtest.h>

namespace rapport {
namespace {

QByteArray readAll(const QString& path)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    return file.readAll();
}

class ExportTest : public test::DatabaseTest
{
protected:
    // Contacts whose cells a spreadsheet would run, or that test the quoting.
    void addTrickyContacts()
    {
        ContactRepository contacts(db());
        Contact formula;
        formula.firstName = QStringLiteral("=HYPERLINK(\"http://evil.example\")");
        formula.lastName = QStringLiteral("-Minus");
        formula.company = QStringLiteral("@Corp, \"Quoted\" Inc.");
        formula.phone = QStringLiteral("+1 555 0100");
        formula.notes = QStringLiteral("'=already guarded\nsecond line\r\nthird");
        formula.tags = { QStringLiteral("+plus"), QStringLiteral("vip") };
        formula.starred = true;
        formula.email = QStringLiteral("formula@example.com");
        formula.createdAt = test::utc(2024, 2, 29, 10, 15);
        const qint64 id = contacts.add(formula, test::utc(2024, 2, 29)).value();
        Contact plain;
        plain.firstName = QStringLiteral("Zoë");
        plain.lastName = QStringLiteral("Ng");
        plain.topic = QStringLiteral("\tindented");
        const qint64 plainId = contacts.add(plain, test::utc(2024, 3, 1)).value();
        InteractionRepository log(db());
        ASSERT_TRUE(log.add({ 0, id, InteractionKind::RequestSent, test::utc(2024, 3, 1, 9), QStringLiteral("=1+1, hi"),
                              QStringLiteral("@template"), QString() })
                        .ok());
        ASSERT_TRUE(log.add({ 0, plainId, InteractionKind::ContentShared, test::utc(2024, 3, 2, 9), QString(),
                              QString(), QStringLiteral("https://example.com/a?b=1,2") })
                        .ok());
        ASSERT_TRUE(log.add({ 0, plainId, InteractionKind::Note, test::utc(2024, 3, 2, 9), QStringLiteral("same time"),
                              QString(), QString() })
                        .ok());
    }

    QString file(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)); }
};

TEST_F(ExportTest, ColumnsAndFormulaGuards)
{
    addTrickyContacts();
    ASSERT_EQ(Exporter(db()).exportContacts(file("contacts.csv")).value(), 2);
    const QByteArray contacts = readAll(file("contacts.csv"));
    EXPECT_TRUE(contacts.startsWith(
        "id,first_name,last_name,position,company,location,profile_url,email,phone,tags,"
        "starred,how_we_know,event,mutual_connection,school,topic,notes,created_at,keep_in_touch\r\n"));
    EXPECT_TRUE(
        contacts.contains("1,\"'=HYPERLINK(\"\"http://evil.example\"\")\",'-Minus,,\"'@Corp, \"\"Quoted\"\" Inc.\""));
    EXPECT_TRUE(contacts.contains(",'+1 555 0100,'+plus;vip,true,"));
    EXPECT_TRUE(contacts.contains("\"''=already guarded\nsecond line\r\nthird\",2024-02-29T10:15:00.000Z,\r\n"));
    EXPECT_TRUE(contacts.contains("Zo\xC3\xAB,Ng,"));
    EXPECT_FALSE(contacts.startsWith("\xEF\xBB\xBF"));

    ASSERT_EQ(Exporter(db()).exportInteractions(file("log.csv")).value(), 3);
    const QByteArray log = readAll(file("log.csv"));
    EXPECT_TRUE(
        log.startsWith("contact_profile_url,contact_email,contact_name,kind,occurred_at,template,text,url\r\n"));
    EXPECT_TRUE(log.contains(",formula@example.com,"));
    EXPECT_TRUE(log.contains(",request_sent,2024-03-01T09:00:00.000Z,'@template,\"'=1+1, hi\",\r\n"));
}

TEST_F(ExportTest, ExportThenImportIsLossless)
{
    addTrickyContacts();
    ASSERT_TRUE(Importer(db()).apply(DemoData::generate(60, 7, QDate(2025, 11, 1))).ok());
    ASSERT_TRUE(Exporter(db()).exportContacts(file("contacts.csv")).ok());
    ASSERT_TRUE(Exporter(db()).exportInteractions(file("log.csv")).ok());
    const QList<Contact> contacts = ContactRepository(db()).all().value();
    const QList<Interaction> log = InteractionRepository(db()).all().value();

    QTemporaryDir otherDir;
    auto other = Database::open(otherDir.filePath(QStringLiteral("other.sqlite")));
    ASSERT_TRUE(other.ok());
    for (const char* name : { "contacts.csv", "log.csv" }) {
        auto parsed = ImportFormats::readFile(file(name));
        ASSERT_TRUE(parsed.ok()) << parsed.error().toStdString();
        EXPECT_EQ(parsed->format,
                  QByteArray(name) == "log.csv" ? ImportFormat::RapportInteractions : ImportFormat::RapportContacts);
        auto summary = Importer(**other).apply(*parsed);
        ASSERT_TRUE(summary.ok()) << summary.error().toStdString();
        EXPECT_TRUE(summary->skipped.isEmpty()) << summary->skipped.value(0).reason.toStdString();
    }
    QList<Contact> imported = ContactRepository(**other).all().value();
    ASSERT_EQ(imported.size(), contacts.size());
    for (qsizetype i = 0; i < contacts.size(); ++i) {
        Contact expected = contacts[i];
        expected.updatedAt = imported[i].updatedAt; // the import's own time
        EXPECT_EQ(imported[i], expected) << i;
    }
    // Entry ids are the copy's own; everything else is the same, in the same order.
    auto withoutIds = [](QList<Interaction> entries) {
        for (Interaction& entry : entries)
            entry.id = 0;
        return entries;
    };
    EXPECT_TRUE(withoutIds(InteractionRepository(**other).all().value()) == withoutIds(log));

    // And the files written from the copy are the same bytes.
    ASSERT_TRUE(Exporter(**other).exportContacts(file("again.csv")).ok());
    ASSERT_TRUE(Exporter(**other).exportInteractions(file("again-log.csv")).ok());
    EXPECT_EQ(readAll(file("again.csv")), readAll(file("contacts.csv")));
    EXPECT_EQ(readAll(file("again-log.csv")), readAll(file("log.csv")));

    // Importing its own export into the same database changes nothing.
    for (const char* name : { "contacts.csv", "log.csv" }) {
        auto summary = Importer(db()).apply(ImportFormats::readFile(file(name)).value());
        ASSERT_TRUE(summary.ok());
        EXPECT_EQ(summary->contactsAdded + summary->contactsMerged + summary->interactionsAdded, 0) << name;
    }
}

TEST_F(ExportTest, AFailedExportLeavesNoFile)
{
    auto written = Exporter(db()).exportContacts(m_dir.filePath(QStringLiteral("missing-folder/x/contacts.csv")));
    ASSERT_FALSE(written.ok());
    EXPECT_TRUE(written.error().contains(QStringLiteral("contacts.csv")));
}

#ifdef Q_OS_UNIX
TEST_F(ExportTest, WhatIsNotARegularFileIsNotReplaced)
{
    addTrickyContacts();
    const QString fifo = file("pipe");
    ASSERT_EQ(mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    auto written = Exporter(db()).exportContacts(fifo);
    ASSERT_FALSE(written.ok());
    EXPECT_TRUE(written.error().contains(QStringLiteral("not a regular file"))) << written.error().toStdString();
    struct stat info
    {
    };
    ASSERT_EQ(stat(QFile::encodeName(fifo).constData(), &info), 0);
    EXPECT_TRUE(S_ISFIFO(info.st_mode));
    // A folder neither.
    EXPECT_FALSE(Exporter(db()).exportInteractions(m_dir.path()).ok());
}

TEST_F(ExportTest, ExportsAreTheUsersAloneWhateverTheUmask)
{
    addTrickyContacts();
    const mode_t previous = umask(0);
    auto contacts = Exporter(db()).exportContacts(file("contacts.csv"));
    // An existing file that others could read is written owner-only too.
    QFile existing(file("log.csv"));
    ASSERT_TRUE(existing.open(QIODevice::WriteOnly));
    existing.close();
    ASSERT_TRUE(QFile::setPermissions(file("log.csv"), QFileDevice::Permissions(0x6666)));
    auto log = Exporter(db()).exportInteractions(file("log.csv"));
    umask(previous);
    ASSERT_TRUE(contacts.ok() && log.ok());
    EXPECT_EQ(QFile::permissions(file("contacts.csv")) & 0x0077, QFileDevice::Permissions());
    EXPECT_EQ(QFile::permissions(file("log.csv")) & 0x0077, QFileDevice::Permissions());
}
#endif

} // namespace
} // namespace rapport
