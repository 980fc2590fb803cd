// rapport-cli import with contact files from address books, and every real file in ../shared/realdata.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

// The files other people exported and published, beside the checkout (see its PROVENANCE.md).
QString realData(const char* path)
{
    return QDir::cleanPath(QStringLiteral(RAPPORT_SHARED_TESTDATA "/../realdata/") + QString::fromLatin1(path));
}

class CliImportContactsTest : public ::testing::Test
{
protected:
    CliRun cli(const QStringList& arguments)
    {
        QProcess process;
        process.start(QStringLiteral(RAPPORT_CLI_PATH), arguments);
        EXPECT_TRUE(process.waitForFinished(120000)) << "rapport-cli did not finish";
        return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                 QString::fromUtf8(process.readAllStandardOutput()),
                 QString::fromUtf8(process.readAllStandardError()) };
    }
    CliRun import(const QStringList& arguments, const QString& db = QStringLiteral("x.db"))
    {
        return cli(QStringList { QStringLiteral("--db"), m_dir.filePath(db), QStringLiteral("import") } + arguments);
    }
    QString write(const char* name, const QByteArray& text)
    {
        const QString path = m_dir.filePath(QString::fromLatin1(name));
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(text);
        return path;
    }

    QTemporaryDir m_dir;
};

TEST_F(CliImportContactsTest, ImportHelpShowsImportsOptions)
{
    const CliRun help = cli({ QStringLiteral("import"), QStringLiteral("--help") });
    ASSERT_EQ(help.exitCode, 0) << help.err.toStdString();
    for (const char* option : { "--format", "--map", "--dry-run", "--json", "--db" })
        EXPECT_TRUE(help.out.contains(QString::fromLatin1(option))) << option << "\n" << help.out.toStdString();
    EXPECT_TRUE(help.out.contains(QStringLiteral("google"))) << "the formats are listed";
    // Only import's: not another command's options, nor the list of every command.
    for (const char* other : { "--keep-in-touch", "--contacts", "--week", "contacts add" })
        EXPECT_FALSE(help.out.contains(QString::fromLatin1(other))) << other << "\n" << help.out.toStdString();
    EXPECT_FALSE(QFile::exists(m_dir.filePath(QStringLiteral("x.db"))));

    // The whole help is still there without a command.
    const CliRun all = cli({ QStringLiteral("--help") });
    EXPECT_TRUE(all.out.contains(QStringLiteral("contacts add"))) << all.out.toStdString();
}

TEST_F(CliImportContactsTest, ForcingGoogleOrOutlookOnAFileWithoutTheirColumnsIsRefused)
{
    const QString path = write("companies.csv", "Company,Email\nAcme,a@example.com\nBeta,b@example.com\n");
    for (const char* format : { "google", "outlook" }) {
        const CliRun run = import({ path, QStringLiteral("--format"), QString::fromLatin1(format) });
        EXPECT_EQ(run.exitCode, 1) << format << run.out.toStdString();
        EXPECT_TRUE(run.err.contains(QStringLiteral("First Name"))) << run.err.toStdString();
        EXPECT_EQ(run.err.count(u'\n'), 1) << run.err.toStdString();
        EXPECT_FALSE(QFile::exists(m_dir.filePath(QStringLiteral("x.db"))));
    }
}

TEST_F(CliImportContactsTest, TheSummarySaysWhetherTheColumnsWereGuessedOrMappedByHand)
{
    const QString path = write("people.csv", "Full Name,Employer,E-mail\nAda Lovelace,Analytical,ada@example.com\n");
    const CliRun guessed = import({ path });
    ASSERT_EQ(guessed.exitCode, 0) << guessed.err.toStdString();
    EXPECT_TRUE(guessed.out.contains(
        QStringLiteral("Other CSV (columns guessed: Full Name=name, Employer=company, E-mail=email)")))
        << guessed.out.toStdString();
    EXPECT_FALSE(guessed.out.contains(QStringLiteral("by hand"))) << guessed.out.toStdString();

    const CliRun byHand
        = import({ path, QStringLiteral("--map"), QStringLiteral("Full Name=name,Employer=company,E-mail=email") },
                 QStringLiteral("other.db"));
    ASSERT_EQ(byHand.exitCode, 0) << byHand.err.toStdString();
    EXPECT_TRUE(byHand.out.contains(QStringLiteral("columns mapped by hand"))) << byHand.out.toStdString();

    const QJsonObject json
        = QJsonDocument::fromJson(import({ path, QStringLiteral("--json"), QStringLiteral("--dry-run") }).out.toUtf8())
              .object();
    const QJsonArray mapping = json.value(QStringLiteral("mapping")).toArray();
    ASSERT_EQ(mapping.size(), 3) << json.value(QStringLiteral("mapping")).toVariant().toString().toStdString();
    EXPECT_EQ(mapping.at(1).toObject().value(QStringLiteral("column")).toString(), QStringLiteral("Employer"));
    EXPECT_EQ(mapping.at(1).toObject().value(QStringLiteral("field")).toString(), QStringLiteral("company"));
    EXPECT_TRUE(json.value(QStringLiteral("mapping_guessed")).toBool());

    // inspect says what import would guess.
    const CliRun inspect = cli({ QStringLiteral("inspect"), path });
    ASSERT_EQ(inspect.exitCode, 0) << inspect.err.toStdString();
    EXPECT_TRUE(inspect.out.contains(
        QStringLiteral("Format: Other CSV (columns guessed: Full Name=name, Employer=company, E-mail=email)")))
        << inspect.out.toStdString();
}

TEST_F(CliImportContactsTest, AGuessThatWouldSkipEveryRowIsRefused)
{
    const QString path = write("Connections.csv",
                               "Surname,Position,Connected On\n"
                               ",Engineer,21 Nov 2022\n"
                               ",Analyst,22 Nov 2022\n");
    const CliRun run = import({ path });
    EXPECT_EQ(run.exitCode, 1) << run.out.toStdString();
    EXPECT_TRUE(run.err.contains(QStringLiteral("no name"))) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(QStringLiteral("Surname=last_name"))) << run.err.toStdString();
    EXPECT_FALSE(QFile::exists(m_dir.filePath(QStringLiteral("x.db"))));
}

// Every file in ../shared/realdata, imported as it is: what it gives, and a second import changes nothing.
TEST_F(CliImportContactsTest, EveryRealFileImportsAndReimportsUnchanged)
{
    const struct
    {
        const char* file;
        const char* format; // nullptr: refused
        int added;
        int skipped;
        const char* refusal; // a part of the one-line error when refused
    } cases[] = {
        // Parser torture files without a contact column.
        { "csv-corpus/csvkit_bad.csv", nullptr, 0, 0, "No column gives a name" },
        { "csv-corpus/csvkit_mac_newlines.csv", nullptr, 0, 0, "No column gives a name" },
        { "csv-corpus/csvkit_null_byte.csv", nullptr, 0, 0, "zero byte" },
        { "csv-corpus/csvkit_test_header_newline.csv", nullptr, 0, 0, "No column gives a name" },
        { "csv-corpus/csvkit_test_latin1.csv", nullptr, 0, 0, "No column gives a name" },
        { "csv-corpus/csvkit_test_utf16_big.csv", nullptr, 0, 0, "No column gives a name" },
        { "csv-corpus/csvkit_test_utf16_little.csv", nullptr, 0, 0, "No column gives a name" },
        { "csv-corpus/csvkit_test_utf8_bom.csv", nullptr, 0, 0, "No column gives a name" },
        { "csv-corpus/papaparse_sjis-sample.csv", nullptr, 0, 0, "" },
        { "csv-corpus/papaparse_utf-8-bom-sample.csv", nullptr, 0, 0, "No column gives a name" },
        { "google-contacts/escalate_2021_old_format_example.csv", "google", 2, 0, nullptr },
        { "google-contacts/escalate_2024_new_format_example.csv", "google", 2, 0, nullptr },
        { "google-contacts/mtrazzi_old_format_sample.csv", "google", 2, 1, nullptr },
        { "google-contacts/roundcube_2014_gmail_utf16le.csv", "google", 1, 0, nullptr },
        { "google-contacts/roundcube_gmail_utf8.csv", "google", 1, 0, nullptr },
        { "outlook/roundcube_outlook_emails_only.csv", nullptr, 0, 0, "No column gives a name" },
        { "other-contacts/roundcube_all_bom.csv", "generic", 1, 0, nullptr },
        { "other-contacts/roundcube_thunderbird_plain.csv", "generic", 1, 0, nullptr },
        { "other-contacts/thunderbird_basic_csv_addressbook.csv", "generic", 2, 0, nullptr },
        { "other-contacts/thunderbird_csv_semicolon.csv", "generic", 2, 0, nullptr },
        { "other-contacts/thunderbird_csv_no_header.csv", nullptr, 0, 0, "No column gives a name" },
        // Rows alike in every field (39) are one contact; the others with the same cut first name are kept apart.
        { "linkedin-connections/AiDLraj_2020_deidentified_Connections.csv", "generic", 2836, 28, nullptr },
        { "linkedin-connections/prateekralhan_2020_columns_removed_Connections.csv", nullptr, 0, 0,
          "No column gives a name" },
        { "linkedin-invitations/prateekralhan_2020_columns_removed_Invitations.csv", nullptr, 0, 0,
          "No column gives a name" },
    };
    // A file added to realdata is added here too.
    QStringList listed;
    for (const auto& c : cases)
        listed.append(realData(c.file));
    QDirIterator files(realData(""), { QStringLiteral("*.csv") }, QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString file = QDir::cleanPath(files.next());
        EXPECT_TRUE(listed.contains(file)) << "not in the list: " << file.toStdString();
    }

    int checked = 0;
    for (const auto& c : cases) {
        const QString path = realData(c.file);
        if (!QFileInfo::exists(QFileInfo(path).path()))
            continue; // ../shared is not beside this checkout
        ++checked;
        SCOPED_TRACE(c.file);
        const QString db = QString::fromLatin1(c.file).replace(u'/', u'_') + QStringLiteral(".db");
        const CliRun first = import({ path, QStringLiteral("--json") }, db);
        if (!c.format) {
            EXPECT_EQ(first.exitCode, 1) << first.out.toStdString();
            EXPECT_TRUE(first.err.contains(QString::fromLatin1(c.refusal))) << first.err.toStdString();
            EXPECT_EQ(first.err.count(u'\n'), 1) << first.err.toStdString();
            continue;
        }
        ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
        const QJsonObject counts = QJsonDocument::fromJson(first.out.toUtf8()).object();
        EXPECT_EQ(counts.value(QStringLiteral("format")).toString(), QString::fromLatin1(c.format));
        EXPECT_EQ(counts.value(QStringLiteral("contacts_added")).toInt(), c.added);
        EXPECT_EQ(counts.value(QStringLiteral("skipped_count")).toInt(), c.skipped);

        const CliRun second = import({ path, QStringLiteral("--json") }, db);
        ASSERT_EQ(second.exitCode, 0) << second.err.toStdString();
        const QJsonObject again = QJsonDocument::fromJson(second.out.toUtf8()).object();
        EXPECT_EQ(again.value(QStringLiteral("contacts_added")).toInt(-1), 0);
        EXPECT_EQ(again.value(QStringLiteral("contacts_merged")).toInt(-1), 0);
        EXPECT_EQ(again.value(QStringLiteral("interactions_added")).toInt(-1), 0);
    }
    if (checked == 0)
        GTEST_SKIP() << "no ../shared/realdata beside the checkout";
}

// What the real address books' rows become: middle names kept, Thunderbird's and Roundcube's columns read.
TEST_F(CliImportContactsTest, RealAddressBooksGiveTheirNamesEmailsAndPositions)
{
    const QString google = realData("google-contacts/escalate_2024_new_format_example.csv");
    if (!QFileInfo::exists(google))
        GTEST_SKIP() << "no ../shared/realdata beside the checkout";
    for (const QString& path : { google, realData("other-contacts/roundcube_all_bom.csv"),
                                 realData("other-contacts/roundcube_thunderbird_plain.csv") })
        ASSERT_EQ(import({ path }).exitCode, 0) << path.toStdString();
    const QString exported = m_dir.filePath(QStringLiteral("contacts.csv"));
    ASSERT_EQ(cli({ QStringLiteral("--db"), m_dir.filePath(QStringLiteral("x.db")), QStringLiteral("export"),
                    QStringLiteral("contacts"), exported })
                  .exitCode,
              0);
    QFile file(exported);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString contacts = QString::fromUtf8(file.readAll());
    // id,first_name,last_name,position,company,location,profile_url,email,phone,...
    EXPECT_TRUE(contacts.contains(QStringLiteral(",Max Amadeus,Mustermann,"))) << contacts.toStdString();
    EXPECT_TRUE(contacts.contains(
        QStringLiteral(",First Name Middle Name,Last Name,Job Title,Company,Home City,,home@example.com,100,test,")))
        << contacts.toStdString();
    EXPECT_TRUE(
        contacts.contains(QStringLiteral(",Firstname,Lastname,title,Organization,City,,test@domain.tld,phone work,")))
        << contacts.toStdString();
}

} // namespace
